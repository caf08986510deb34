"""The pledge tracker in words: a card per promise first (the promise, its status, progress against the target,
the deadline, when it was last updated), then each promise in detail (how its status changed, its words, every
dated report as a card, and the chart for a promise of money)."""

from __future__ import annotations


from ..checks import evidence_quantity
from ..outcomes import Amount
from ..tracker import Standing, checked_up_to
from . import Page
from .charts import tracker_chart
from .claims import credit, credit_text
from .method import COUNTS, status_badge
from .myst import html_text, anchor_of, block, container, heading, link, md, ref
from .words import NC_

KINDS = {"announced": NC_("tracker row", "Announced"), "committed": NC_("tracker row", "Committed"),
         "paid": NC_("tracker row", "Paid"), "jobs_reported": NC_("tracker row", "Jobs reported"),
         "statement": NC_("tracker row", "Statement"), "doubt": NC_("tracker row", "Doubt")}


def promise_anchor(promise_id: str) -> str:
    return anchor_of("promise", promise_id)


def promise_title(s: Standing, page: Page) -> str:
    """'The 2024 pledge: $100 billion invested in the United States'."""
    return page.w.t("{pledge}: {target} {aim}", pledge=page.text(s.promise, "pledge"),
                    target=page.w.amount(s.target, s.unit), aim=page.text(s.promise, "aim"))


def money_words(s: Standing, w) -> tuple[str, str, str]:
    """Paid that counts, paid that counts in part, promised and not yet paid ("about" it when a report gave only an
    approximate figure): the tracker's text and its chart's key say them alike, to the last reported decimal."""
    money = lambda v: w.amount(v, s.unit, 3)  # noqa: E731
    delivered = (w.t("{amount} paid that counts", amount=money(s.delivered)) if s.delivered else
                 w.t("nothing paid yet that counts in full"))
    in_part = w.t("{amount} paid that counts in part", amount=money(s.delivered_in_part))
    pending = (w.t("{amount} more announced or committed, not yet shown as paid", amount=money(s.pending))
               if s.pending_exact else
               w.t("about {amount} more announced or committed, not yet shown as paid", amount=money(s.pending)))
    return delivered, in_part, pending


def progress(s: Standing, page: Page) -> str:
    """What counts, what counts in part, and what is only promised, against the target; never a zero for a figure
    nobody reported."""
    w = page.w
    if s.measure == "jobs":
        if not s.delivered:
            return w.t("No report yet of jobs created that count toward the promise.")
        return w.t("{jobs} reported created that count.", jobs=w.amount(s.delivered, s.unit))
    delivered, in_part, pending = money_words(s, w)
    shown = (s.delivered or not s.delivered_in_part, s.delivered_in_part, s.pending)
    return w.sentence("; ".join(words for words, show in zip((delivered, in_part, pending), shown) if show))


def _bar(s: Standing, page: Page) -> str:
    """The progress bar: paid that counts, paid in part, promised and not yet paid, as shares of the target."""
    parts = (("fc-paid", s.delivered), ("fc-in-part", s.delivered_in_part), ("fc-pending", s.pending))
    left, segments = 100.0, []
    for css, value in parts:
        width = min(left, 100 * value / s.target) if s.target else 0
        left -= width
        if width > 0:
            segments.append(f'<span class="{css}" style="width:{width:.1f}%"></span>')
    label = html_text(progress(s, page))
    return f'<div class="fc-progress" role="img" aria-label="{label}">{"".join(segments)}</div>'


def updated(s: Standing, page: Page) -> str:
    """When the status's evidence is dated; where no counted report exists, when we last looked for one."""
    w = page.w
    if s.reported:
        return w.t("Updated {date}", date=w.date(s.as_of))
    return w.t("No counted report as of {date}", date=w.date(s.checked))


def cards(standings: tuple[Standing, ...], page: Page) -> str:
    """One card per promise, at the top of the tracker: what a reader came for, in seconds."""
    w, out = page.w, []
    details = w.t("Details")
    for s in standings:
        body = "\n\n".join([
            f"**{md(promise_title(s, page))}**",
            status_badge(s.status, w),
            _bar(s, page) if s.measure == "money" else "",
            md(progress(s, page)),
            w.t("Deadline: {deadline} · **{updated}** · {details}", deadline=w.date(s.deadline), updated=updated(s, page),
                details=ref(details, promise_anchor(s.promise.promise_id))),
        ])
        out.append(container(f"fc-promise-card fc-card-{s.status.lower().replace(' ', '-')}", body))
    checked = w.t("We looked for new reports up to {date}.", date=w.date(checked_up_to(page.dataset)))
    return container("fc-promise-cards", "\n\n".join(out)) + "\n\n" + container("fc-checked", checked)


def promise(s: Standing, page: Page) -> str:
    """One promise in detail: its status and figures, its words, how its status changed, and every dated report."""
    w, data = page.w, page.dataset
    p = s.promise
    evidence = {e.evidence_id: e for e in data.evidence}
    words = evidence[p.words_evidence_id]
    head = heading(2, html_text(promise_title(s, page)), promise_anchor(p.promise_id), "fc-promise-title")
    status = container("fc-verdict", f"{status_badge(s.status, w)} "
                       + md(w.t("{updated}: {progress}", updated=updated(s, page), progress=progress(s, page))))
    source = credit(data.source(words.source_id), w, in_text=True)
    direct = words.quote[:1] in "\"“«"  # the speaker's own words; otherwise a reporter's account of them
    quote = md(words.quote) if direct else "“" + md(words.quote) + "”"
    label = w.t("The promise") if direct else w.t("The promise, as {source} reported it", source=source)
    lines = [container("fc-label", label), container(f"fc-quote language-{words.language}", quote)]
    if words.language != w.code:
        lines.append(container(f"fc-translation language-{w.code}",
                               w.t("*Our translation:* {quote}", quote=w.quoted(md(page.text(words, "translation"))))))
    who, deadline = md(page.text(p, "made_by")), w.date(s.deadline)
    lines.append(container("fc-byline", w.t("{who}, {date}, as reported by {source}. Deadline: {deadline}.",
                                            who=who, date=w.date(p.made_on), source=source, deadline=deadline)
                           if direct else w.t("{who}, {date}. Deadline: {deadline}.", who=who,
                                              date=w.date(p.made_on), deadline=deadline)))
    history = "\n".join(f"- **{w.date(c.date)}**: {status_badge(c.status, w)}" + _why_changed(c, s, page)
                        for c in s.history)
    rows = "\n\n".join(_row(e, s, page) for e in sorted(s.entries, key=lambda e: (e.date, e.row.evidence_id)))
    blocks = [head, status, container("fc-claimbox", "\n\n".join(lines)),
              w.t("**How the status changed**") + "\n\n" + history,
              block("dropdown", container("fc-tracker-rows", rows),
                    w.t("Every dated report, one by one ({count})", count=len(s.entries)))]
    if s.measure == "money":
        fig, alt = tracker_chart(s, len({e.evidence.source_id for e in s.entries}), w, money_words(s, w))
        blocks.append(page.chart(fig, alt))
    return "\n\n".join(blocks)


def _why_changed(c, s: Standing, page: Page) -> str:
    w, data = page.w, page.dataset
    if c.evidence_ids:
        evidence = {e.evidence_id: e for e in data.evidence}
        from ..sources import outlet_list

        sources = {x.source_id: x for x in data.sources}
        return " " + w.t("on reports by {outlets}", outlets=md(w.outlets(outlet_list(
            [evidence[e] for e in c.evidence_ids], sources))))
    if c.date > s.deadline:
        return " " + w.t("(the deadline passed)")
    return " " + w.t("(a year without progress)") if c.status == "Stalled" else ""


def _counted_payment(e, s: Standing) -> float | None:
    """What a report with no figure of its own counts for: a deal's only payment pays its commitment in full."""
    return next((p.amount for d in s.deals for p in d.payments if e.row.evidence_id in p.evidence_ids), None)


def _row(e, s: Standing, page: Page) -> str:
    """A dated report as a card: what it is, its figure, whether it counts and why, and its source."""
    w = page.w
    source = page.dataset.source(e.evidence.source_id)
    figure, reported = "", evidence_quantity(e.evidence)
    if reported is not None and reported.unit == s.unit:  # as the source gives it, "about" and all
        figure = w.quantity(Amount.of(reported), 3)
    elif e.row.kind == "paid" and (paid := _counted_payment(e, s)) is not None:
        figure = w.t("{amount} (the sum committed)", amount=w.amount(paid, s.unit, 3))
    counts = w.ct("counts", COUNTS[e.counts])
    kind = w.ct("tracker row", KINDS[e.row.kind])
    head = f"**{w.date(e.date)}** · {kind}" + (f" · {md(figure)}" if figure else "")
    return container(f"fc-tracker-row fc-counts-{e.counts}",
                     f"{head} · *{counts}*\n\n{md(page.text(e.row, 'why'))} ({link(credit_text(source, w), source.url)})")

