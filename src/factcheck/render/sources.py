"""The sources page, the dated timeline, and what is known of the article under review."""

from __future__ import annotations

import datetime as dt

from ..records import Source
from ..sources import KIND_ORDER
from . import Page
from .charts import timeline_chart
from .claims import credit
from .myst import html_text, block, container, lang_span, link, list_table, md
from .words import NC_

KINDS = {"company_report": NC_("source kind", "Company reports"),
         "company_statement": NC_("source kind", "Company statements"),
         "official_statement": NC_("source kind", "Official statements"),
         "wire": NC_("source kind", "News agencies (wires)"),
         "newspaper": NC_("source kind", "Newspapers and magazines"),
         "broadcaster": NC_("source kind", "Broadcasters"), "trade_press": NC_("source kind", "Trade press"),
         "social_media": NC_("source kind", "Social media and blogs"),
         "aggregator": NC_("source kind", "Aggregators and copies"),
         "reference": NC_("source kind", "Reference works"), "data_provider": NC_("source kind", "Market data")}


def closed(markdown: str) -> str:
    """A full stop at the end, unless the text already ends with one (« SoftBank Group Corp. »)."""
    return markdown if markdown.rstrip("*").endswith(("\\.", "\\?", "\\!", ".")) else markdown + "."


def cited(source: Source, page: Page) -> str:
    """A source as a list cites it: its title, then who published it; where we describe the page instead, the
    description already says who (« Dépêche de l'AP… reprise par… »), so it stands alone."""
    if not source.title:
        return page.source_link(source)
    return f"{page.source_link(source)}{'' if source.title.endswith(('.', '?', '!')) else ','} {credit(source, page.w)}"


def source_uses(page: Page) -> dict[str, str]:
    """What a source that bears on no claim is there for, in words: the tracker, an exchange rate, a promise's
    words or the timeline (the first that applies)."""
    w, data = page.w, page.dataset
    source_of = {e.evidence_id: e.source_id for e in data.evidence}
    roles = [(w.t("Shown in the pledge tracker."), {source_of[r.evidence_id] for r in data.tracker}),
             (w.t("Gives an exchange rate."), {source_of[r.evidence_id] for r in data.fx_rates}),
             (w.t("Quotes a promise the tracker follows."),
              {source_of[e] for p in data.promises for e in (p.words_evidence_id, p.target_evidence_id,
                                                                p.deadline_evidence_id)}),
             (w.t("Dates an event on the timeline."), {source_of[e.evidence_id] for e in data.events})]
    return {s.source_id: next((text for text, ids in roles if s.source_id in ids), "") for s in data.sources}


def sources(page: Page) -> str:
    """Every source, grouped by kind, one collapsed group each: the titles link to the pages consulted."""
    w, data = page.w, page.dataset
    by_source: dict[str, set[str]] = {}
    ev_source = {e.evidence_id: e.source_id for e in data.evidence}
    for l in data.links:
        by_source.setdefault(ev_source[l.evidence_id], set()).add(l.claim_id)
    short = {c.claim_id: page.text(c, "claim_short") for c in data.claims}
    uses = source_uses(page)
    out = []
    for kind in KIND_ORDER:
        group = sorted((s for s in data.sources if s.kind == kind), key=lambda s: (s.outlet.lower(), s.source_id))
        if not group:
            continue
        items = []
        for s in group:
            when = w.date(s.date_published) if s.date_published else w.t("undated")
            bears = sorted(short[c] for c in by_source.get(s.source_id, ()))
            used = w.t("Bears on: {claims}.", claims=md("; ".join(w.quoted(b) for b in bears))) if bears \
                else uses[s.source_id]
            accessed = w.t("accessed {date}", date=w.date(s.date_accessed))
            items.append(f"- {cited(s, page)}, {when}; {accessed}. *{md(page.text(s, 'reliability_note'))}* {used}")
        title = w.ct("source kind", KINDS[kind])
        out.append(block("dropdown", "\n".join(items), f"{title} ({len(group)})"))
    return "\n\n".join(out)


def pledge_date(page: Page) -> dt.date:
    """The day of the event the article reports (``articles.reports_event_id``), as the timeline dates it."""
    event_id = page.dataset.article().reports_event_id
    return next(e.date for e in page.dataset.events if e.event_id == event_id)


def timeline(page: Page) -> str:
    """Every dated event: a chart, then the list, what came after the pledge first and what came before it one tap
    away; each event's date, what happened and its source, the source's words (and our translation) one tap away."""
    w, data = page.w, page.dataset
    pledge = pledge_date(page)
    events = sorted(data.events, key=lambda e: e.date)
    fig, alt = timeline_chart([(e.date, page.text(e, "label")) for e in events], pledge, w)
    evidence = {e.evidence_id: e for e in data.evidence}

    def item(event) -> str:
        ev = evidence[event.evidence_id]
        source = data.source(ev.source_id)
        words = f'<p lang="{ev.language}">{html_text(w.quoted(ev.quote) if ev.language == w.code else ev.quote)}</p>'
        if ev.language != w.code:
            translation = html_text(w.t("Our translation: {quote}", quote=w.quoted(page.text(ev, "translation") or "")))
            words += f'<p class="fc-translation">{translation}</p>'
        summary = html_text(w.t("The source's words"))
        label = page.text(event, "label")
        return (f"- **{w.date(event.date)}**: {md(label)}{'' if label.endswith(('.', '?', '!')) else '.'} "
                f"{closed(cited(source, page))}\n\n"
                f'  <details class="fc-words"><summary>{summary}</summary>{words}</details>')

    after = [item(e) for e in events if e.date > pledge]
    before = [item(e) for e in events if e.date <= pledge]
    return (page.chart(fig, alt) + "\n\n" + "\n".join(after) + "\n\n"
            + block("dropdown", "\n".join(before), w.nt("Before the announcement: {count} event",
                                                       "Before the announcement: {count} events", len(before),
                                                       count=len(before))))


def article_facts(page: Page) -> str:
    """What is known, and not known, of the article under review."""
    w, data = page.w, page.dataset
    a = data.article()
    retold = data.source(a.retells_source_id) if a.retells_source_id else None
    unknown = w.t("Unknown")
    date = w.date(a.date_published) if a.date_published else \
        w.t("Not shown on the page; written between {after} and {before}", after=w.date(a.written_after),
            before=w.date(a.written_before))
    rows = [(w.ct("article", "Headline (French)"), lang_span(a.headline_fr, "fr"))]
    if w.code != "fr":
        rows.append((w.ct("article", "Headline (English)"), md(a.headline_en)))
    rows += [(w.ct("article", "Language"), w.t("French") if a.language == "fr" else md(a.language)),
             (w.ct("article", "Publisher"), md(a.publisher) if a.publisher else unknown),
             (w.ct("article", "Address"), link(a.url, a.url) if a.url else unknown),
             (w.ct("article", "Date published"), date),
             (w.ct("article", "Retells"), f"{page.source_link(retold)}, {credit(retold, w)}" if retold else unknown),
             (w.ct("article", "Provenance"), md(page.text(a, "provenance_note")))]
    return list_table((w.ct("column", "What"), w.ct("column", "What we know")), rows, "fc-article fc-cards", "25 75")


def article_text(page: Page) -> str:
    """The article as archived: French in both editions."""
    paragraphs = [p for p in page.dataset.article_text().split("\n") if p.strip()]
    return container("fc-article-text language-fr", "\n\n".join(md(p) for p in paragraphs))


