"""What a reader sees, as MyST Markdown: claim boxes, ratings with their reasons, evidence cards, tables.

Pages are written as Markdown (rendered by myst-nb with ``nb_render_markdown_format: myst``) rather
than raw HTML, so that their words reach the search index, their links reach the link checker, and
French or Japanese text carries its ``lang`` (docutils turns a ``language-fr`` class into ``lang="fr"``).
Every string from ``data/`` passes through :func:`md` (Markdown) or :func:`html.escape` (the few
inline HTML spans), so a quote holding markup, a MyST role or a ``</script>`` renders as plain text.

Nothing here imports Jupyter or Sphinx: these are pure functions from records to text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .checks import KIND_ORDER, long_date, number_word
from .data import Article, Dataset, Evidence, Link, Passage, Source
from .ratings import COMBINATION_RULES, DEFAULT_RULES, OUTCOME_LABELS, PassageVerdict, Rating, Verdict

SCALE_LABEL = "rating-scale"
"""The methodology's label for the rating scale: every badge links there."""

STANCE_LABELS = {"supports": "Supports", "contradicts": "Contradicts", "qualifies": "Qualifies", "context": "Context"}
DECISIVE_SOURCES = (2, 4)
"""How many sources stay visible under a sentence's verdict: at least two where there are two, at most four
(two each where a page checks several sentences, so that the page stays short enough to read on a phone)."""


# --- Markdown primitives -----------------------------------------------------------------------

def md(text: str) -> str:
    """Escape every ASCII punctuation mark: data renders as text, never as Markdown or MyST syntax."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(text.split()))


def block(directive: str, body: str, argument: str = "", **options: str) -> str:
    """A MyST colon-fenced directive whose fence is longer than any fence nested in its body."""
    inner = max((len(m) for m in re.findall(r"(?m)^:{3,}", body)), default=2)
    fence = ":" * (inner + 1)
    opts = "".join(f":{k.rstrip('_').replace('_', '-')}: {v}\n" for k, v in options.items())
    return f"{fence}{{{directive}}} {argument}".rstrip() + f"\n{opts}{body.strip()}\n{fence}"


def container(classes: str, body: str, name: str = "") -> str:
    return block("container", body, classes, **({"name": name} if name else {}))


def md_role(text: str) -> str:
    """Text inside a role's backticks is not Markdown: escape only what ends or re-targets the role."""
    return " ".join(text.split()).replace("`", "'").replace("<", "‹").replace(">", "›")


def link(text: str, url: str) -> str:
    return f"[{md(text)}](<{url.replace('<', '%3C').replace('>', '%3E').replace(chr(10), '')}>)"


def fr(text: str) -> str:
    """Inline French text: marked ``lang="fr"`` for screen readers, hyphenation and the French edition."""
    return f'<span lang="fr">{escape(" ".join(text.split()))}</span>'


def badge(rating: Rating) -> str:
    """The rating as a coloured badge, linked to its definition on the methodology page."""
    return (f'<span class="fc-badge fc-{rating.slug}">{{ref}}`{rating.value} <{SCALE_LABEL}>`</span>')


def anchor(passage: Passage) -> str:
    return f"passage-{passage.passage_id.replace('_', '-')}"


def date_range(after: dt.date, before: dt.date) -> str:
    return f"between {long_date(after)} and {long_date(before)}"


def when_published(article: Article) -> str:
    if article.date_published:
        return f"published {long_date(article.date_published)}"
    return (f"undated, written {date_range(article.written_after, article.written_before)} "
            f"({{doc}}`about the article </book/about-article>`)")


# --- a sentence of the article and its verdict ------------------------------------------------

def passage_markdown(verdict: PassageVerdict, article: Article) -> str:
    """The claim, our rating and its reason first (above the fold on a phone), then the article's own
    words, who published them and when, then the parts."""
    p = verdict.passage
    # The MyST target lets {ref} resolve from other pages; the raw heading carries the id it links to.
    head = (f'({anchor(p)})=\n<h2 class="fc-passage-title" id="{anchor(p)}"><span class="fc-claim-label">Claim:</span> '
            f'{escape(p.claim_short)}</h2>')
    rating = container("fc-verdict", f"{badge(verdict.rating)} {md(verdict.conclusion)}")
    box = container("fc-claimbox", "\n\n".join([
        container("fc-label", "What the article says"),
        container("fc-quote-fr language-fr", f"« {md(p.quote_fr)} »"),
        container("fc-quote-en", f"*In English:* {md(p.quote_en)}"),
        container("fc-byline", f"{md(article.publisher or 'Unknown publisher')}, « {fr(article.headline_fr)} », "
                               f"{when_published(article)}."),
    ]))
    return "\n\n".join([head, rating, box, parts_markdown(verdict.parts)])


def parts_markdown(parts: Sequence[Verdict]) -> str:
    if len(parts) == 1:
        return ""
    items = [f"- {badge(v.rating)} **{md(v.claim.claim_short)}.** {md(v.conclusion)}" for v in parts]
    return container("fc-parts", f"**The {number_word(len(parts))} parts of this sentence we checked**\n\n"
                                 + "\n".join(items))


# --- evidence ---------------------------------------------------------------------------------

def credit(source: Source) -> str:
    """'AP (via Spectrum News 13)': a copy is credited to its original outlet."""
    if source.is_copy:
        return f"{md(source.original_publisher or '')} (via {md(_site(source.publisher))})"
    return md(source.publisher)


def _site(publisher: str) -> str:
    """'The Business Times (businesstimes.com.sg)' → 'The Business Times': one pair of brackets is enough."""
    return re.sub(r"\s*\([^()]*\)$", "", publisher) or publisher


def evidence_card(ev: Evidence, stance: str, source: Source) -> str:
    when = long_date(source.date_published) if source.date_published else "undated"
    quote = container(f"fc-quote language-{ev.language}", f"“{md(ev.quote)}”")
    lines = [f'<span class="fc-stance fc-{stance}">{STANCE_LABELS[stance]}</span> · **{credit(source)}**, {when}',
             quote]
    if ev.translation_en:
        lines.append(container("fc-translation", f"*Our translation:* “{md(ev.translation_en)}”"))
    if source.anonymous:
        lines.append(container("fc-note", "An anonymous copy with no identifiable original: shown as context, "
                                          "never counted as confirmation."))
    lines.append(container("fc-cite", f"{link(source.title, source.url)}, accessed {long_date(source.date_accessed)}"))
    return container(f"fc-evidence fc-{stance}", "\n\n".join(lines))


def source_rank(source: Source) -> tuple:
    return (KIND_ORDER.index(source.kind) if source.kind in KIND_ORDER else len(KIND_ORDER), source.is_copy)


def decisive_evidence(verdict: PassageVerdict, dataset: Dataset, shown: set[str] = frozenset(),
                      most: int = DECISIVE_SOURCES[1]) -> list[tuple[Link, Evidence]]:
    """Two to four cards that carry the verdict: the rows the parts' findings rest on, worst part first,
    one original outlet each, the strongest kind of source first, none already shown on the page."""
    sources = {s.source_id: s for s in dataset.sources}
    chosen: list[tuple[Link, Evidence]] = []
    outlets: set[str] = set()
    least = DECISIVE_SOURCES[0]
    quoted = {(e.source_id, e.quote) for e in dataset.evidence if e.evidence_id in shown}
    by_part = sorted(verdict.parts, key=lambda v: (v.claim.role != "core", v.rating.rank or 6))
    for _ in range(most):
        added = False
        for v in by_part:
            used = set(v.finding.evidence_ids)
            pairs = [(l, e) for l, e in dataset.evidence_for(v.claim.claim_id)
                     if e.evidence_id in used and (e.source_id, e.quote) not in quoted and l.stance != "context"
                     and not sources[e.source_id].anonymous and sources[e.source_id].outlet not in outlets]
            # Beside a poor rating, show first what the article got wrong, not what it got right.
            pairs.sort(key=lambda le: (le[0].stance == "supports" and v.rating.rank < 4,
                                       source_rank(sources[le[1].source_id])))
            if pairs and len(chosen) < most:
                chosen.append(pairs[0])
                outlets.add(sources[pairs[0][1].source_id].outlet)
                added = True
        if len(chosen) >= least or not added:
            break
    return chosen


def decisive_plan(verdicts: Sequence[PassageVerdict], dataset: Dataset) -> dict[str, list[tuple[Link, Evidence]]]:
    """The decisive cards of every sentence on one page, in page order, no card twice: two to four for a
    page with one sentence, two each where a page checks several."""
    most = DECISIVE_SOURCES[1] if len(verdicts) == 1 else DECISIVE_SOURCES[0]
    shown: set[str] = set()
    plan = {}
    for v in verdicts:
        plan[v.passage.passage_id] = decisive_evidence(v, dataset, shown, most)
        shown |= {e.evidence_id for _, e in plan[v.passage.passage_id]}
    return plan


def decisive_markdown(cards: Sequence[tuple[Link, Evidence]], dataset: Dataset) -> str:
    sources = {s.source_id: s for s in dataset.sources}
    if not cards:
        return ""
    return container("fc-decisive", "**The decisive sources**\n\n" + "\n\n".join(
        evidence_card(ev, link_.stance, sources[ev.source_id]) for link_, ev in cards))


def page_evidence_markdown(passages: Sequence[PassageVerdict], dataset: Dataset) -> str:
    """Where the wording came from, then every other card of the page, each once, collapsed."""
    sources = {s.source_id: s for s in dataset.sources}
    claim_ids = [v.claim.claim_id for pv in passages for v in pv.parts]
    shown = {e.evidence_id for cards in decisive_plan(passages, dataset).values() for _, e in cards}
    quoted = {(e.source_id, e.quote) for e in dataset.evidence if e.evidence_id in shown}
    seen: dict[tuple[str, str], tuple[Link, Evidence]] = {}
    for cid in claim_ids:
        for link_, ev in dataset.evidence_for(cid):
            key = (ev.source_id, ev.quote)  # two rows quoting the same sentence are one card
            if key not in quoted and key not in seen:
                seen[key] = (link_, ev)
    chain = [(l, e) for l, e in seen.values() if l.stance == "context"]
    rest = [(l, e) for l, e in seen.values() if l.stance != "context"]
    out = []
    if chain:
        out.append(block("dropdown", "\n\n".join(evidence_card(e, l.stance, sources[e.source_id]) for l, e in chain),
                         f"Where the wording came from, and what the article leaves out ({len(chain)})"))
    if rest:
        rest.sort(key=lambda le: (list(STANCE_LABELS).index(le[0].stance), source_rank(sources[le[1].source_id])))
        out.append(block("dropdown", "\n\n".join(evidence_card(e, l.stance, sources[e.source_id]) for l, e in rest),
                         f"All other evidence on this page ({len(rest)})"))
    return "\n\n".join(out)


# --- the landing page -------------------------------------------------------------------------

def claim_link(passage: Passage) -> str:
    """A link to a sentence's verdict, from any page (a MyST reference to its label)."""
    return f"{{ref}}`{md_role(passage.claim_short)} <{anchor(passage)}>`"


def bottom_line(verdicts: Sequence[PassageVerdict]) -> str:
    """Two sentences on what the article gets right and wrong, written from the verdicts."""
    from .checks import join

    holding = [v for v in verdicts if v.rating in (Rating.TRUE, Rating.MOSTLY_TRUE)]
    right = [v.passage.summary_en for v in holding if v.central] or [v.passage.summary_en for v in holding]
    wrong = [v.passage.summary_en for v in verdicts
             if v.rating in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE)]
    unknown = [v.passage.summary_en for v in verdicts if v.rating is Rating.UNVERIFIED]
    text = (f"**The bottom line.** Of the {number_word(len(verdicts))} sentences we checked, "
            f"{number_word(len(holding))} hold up fully or mostly, among them {md(join(right))}.")
    if wrong:
        text += f" But it misleads or is wrong on {md(join(wrong))}."
    if unknown:
        text += f" We could not verify {md(join(unknown))}."
    return container("fc-bottom-line", text)


CORRECTIONS_SHOWN = 5
"""The landing page lists at most this many corrections, worst and most central first; the table has all."""


def corrections_list(verdicts: Sequence[PassageVerdict]) -> str:
    wrong = sorted((v for v in verdicts if v.rating in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE)),
                   key=lambda v: (v.rating.rank, not v.central))
    items = [f"- {badge(v.rating)} **{claim_link(v.passage)}.** {md(v.conclusion)}"
             for v in wrong[:CORRECTIONS_SHOWN]]
    rest = len(wrong) - CORRECTIONS_SHOWN
    if rest > 0:
        items.append(f"- And {number_word(rest)} more in the table below.")
    return container("fc-corrections", "\n".join(items))


def verdict_table(verdicts: Sequence[PassageVerdict]) -> str:
    """Claim · rating · reason, as a list-table that stacks into cards on a phone (the reason stays)."""
    rows = []
    for v in verdicts:
        rows.append(f"* - {claim_link(v.passage)}\n  - {badge(v.rating)}\n  - {md(v.conclusion)}")
    body = "* - Claim\n  - Rating\n  - Why\n" + "\n".join(rows)
    return block("list-table", body, "", header_rows="1", class_="fc-verdicts", widths="30 15 55")


# --- methodology ------------------------------------------------------------------------------

def rating_scale() -> str:
    rows = [f"* - {badge(r)}\n  - {r.rating_value or '–'}\n  - {md(r.definition)}" for r in Rating]
    return block("list-table", "* - Rating\n  - ClaimReview value\n  - Meaning\n" + "\n".join(rows), "",
                 header_rows="1", class_="fc-scale", widths="20 15 65")


def default_rules() -> str:
    rows = [f"* - {md(OUTCOME_LABELS[o].capitalize())}\n  - {badge(r)}" for o, r in DEFAULT_RULES.items()]
    return block("list-table", "* - What the check finds\n  - Default rating\n" + "\n".join(rows), "",
                 header_rows="1", class_="fc-rules", widths="70 30")


def combination_rules() -> str:
    first, *rest = COMBINATION_RULES
    lines = [f"1. {md(first)}", f"2. {md(rest[0])}", f"3. {md(rest[1])}"]
    lines += [f"   - {md(r)}" for r in rest[2:]]
    return "\n".join(lines)


# --- sources ----------------------------------------------------------------------------------

KIND_LABELS = {"company_report": "Company reports", "company_statement": "Company statements",
               "official_statement": "Official statements", "wire": "News agencies (wires)",
               "newspaper": "Newspapers and magazines", "broadcaster": "Broadcasters", "trade_press": "Trade press",
               "social_media": "Social media and blogs", "aggregator": "Aggregators and copies",
               "reference": "Reference works", "data_provider": "Market data"}


def sources_markdown(dataset: Dataset) -> str:
    """Every source, grouped by kind, one collapsed group each: the titles link to the pages consulted."""
    by_source: dict[str, set[str]] = {}
    ev_source = {e.evidence_id: e.source_id for e in dataset.evidence}
    for l in dataset.links:
        by_source.setdefault(ev_source[l.evidence_id], set()).add(l.claim_id)
    short = {c.claim_id: c.claim_short for c in dataset.claims}
    out = []
    for kind in KIND_ORDER:
        group = sorted((s for s in dataset.sources if s.kind == kind), key=lambda s: (s.outlet.lower(), s.source_id))
        if not group:
            continue
        items = []
        for s in group:
            when = long_date(s.date_published) if s.date_published else "undated"
            bears = sorted(short[c] for c in by_source.get(s.source_id, ()))
            used = (f" Bears on: {md('; '.join(bears))}." if bears else " Dates an event on the timeline.")
            items.append(f"- {link(s.title, s.url)}. {credit(s)}, {when}; accessed {long_date(s.date_accessed)}. "
                         f"*{md(s.reliability_note)}*{used}")
        out.append(block("dropdown", "\n".join(items), f"{KIND_LABELS.get(kind, kind)} ({len(group)})"))
    return "\n\n".join(out)


# --- dated events -----------------------------------------------------------------------------

def events_markdown(dataset: Dataset, after: dt.date | None = None) -> str:
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    items = []
    for event in sorted(dataset.events, key=lambda e: e.date):
        if after is not None and event.date <= after:
            continue
        ev = evidence[event.evidence_id]
        source = sources[ev.source_id]
        items.append(f"- **{long_date(event.date)}**: {md(event.label_en)}. “{md(ev.quote)}” "
                     f"({link(source.title, source.url)}, {credit(source)})")
    return "\n".join(items)


# --- plain tables a reader understands (HTML for the page, text for nbval) --------------------

@dataclass(frozen=True)
class ReaderTable:
    """A table with reader column names and no index: HTML in the book, aligned text for nbval."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str = ""  # when set, the table is collapsed under this line

    def _repr_html_(self) -> str:
        # One row per line: a changed figure shows in a diff as the one row it changed.
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        body = "\n".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in self.rows)
        table = f'<table class="fc-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
        if self.summary:
            return f'<details class="fc-collapsed"><summary>{escape(self.summary)}</summary>{table}</details>'
        return table

    def __repr__(self) -> str:
        widths = [max(len(c), *(len(r[i]) for r in self.rows)) if self.rows else len(c)
                  for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths))]
        lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in self.rows]
        return "\n".join(line.rstrip() for line in lines)


# --- about this fact-check: who, when, what changed, how to report an error ---------------------

def publication_dates(dataset: Dataset) -> tuple:
    """(first publication, last substantive change): the two dates every page shows, with their notes."""
    published = min((c for c in dataset.changelog if c.change == "published"), key=lambda c: c.date)
    substantive = max((c for c in dataset.changelog if c.change in ("published", "substantive")),
                      key=lambda c: c.date)
    return published, substantive


def about_markdown(dataset: Dataset, config: dict) -> str:
    article = dataset.article()
    published, changed = publication_dates(dataset)
    archived = f"{config['repository'].rstrip('/')}/blob/main/data/{article.text_path}"
    publisher, contact = config["publisher"], config["contact"]
    where = link(f"on {article.publisher or 'its site'}", article.url) if article.url else "address unknown"
    return "\n".join([
        f"- **The article under review:** « {fr(article.headline_fr)} », {where}, {when_published(article)}; "
        f"{link('our archived copy', archived)}, against which every quote is checked.",
        f"- **Published** by {link(publisher.get('name', ''), publisher.get('url', ''))} on "
        f"{long_date(published.date)}. **Last substantive change** {long_date(changed.date)}: {md(changed.note_en)} "
        f"{{doc}}`Every change </book/corrections>`.",
        f"- **Found an error?** {link(contact.get('name', 'Report it'), contact.get('url', ''))}: each report is "
        f"answered, and each correction is logged with its date.",
    ])


# --- the pledge tracker -------------------------------------------------------------------------

def status_badge(status: str) -> str:
    slug = status.lower().replace(" ", "-")
    return f'<span class="fc-status fc-status-{slug}">{{ref}}`{status} <status-scale>`</span>'


def promise_anchor(promise_id: str) -> str:
    return f"promise-{promise_id.replace('_', '-')}"


def promise_title(standing) -> str:
    from .quantities import format_amount

    return f"{standing.promise.pledge_en}: {format_amount(standing.target, standing.unit)} {standing.promise.aim_en}"


def standing_summary(standing) -> str:
    """What counts, what counts in part, and what is only promised, by the as-of date, against the target."""
    from .quantities import format_amount

    fmt = lambda v: format_amount(v, standing.unit)  # noqa: E731
    if standing.measure == "jobs":
        found = [f"{fmt(standing.delivered)} reported created that count"]
    else:
        found = [f"{fmt(standing.delivered)} spent that counts"]
        if standing.delivered_in_part:
            found.append(f"{fmt(standing.delivered_in_part)} spent that counts only in part")
        if standing.pending:
            found.append(f"{fmt(standing.pending)} announced or committed, not yet shown as spent")
    return (f"By {long_date(standing.as_of)}: {'; '.join(found)}. Promised: {fmt(standing.target)} by "
            f"{long_date(standing.deadline)}.")


def tracker_markdown(standing, dataset: Dataset) -> str:
    from .quantities import format_amount

    p = standing.promise
    evidence = {e.evidence_id: e for e in dataset.evidence}
    sources = {s.source_id: s for s in dataset.sources}
    words = evidence[p.words_evidence_id]
    head = (f"({promise_anchor(p.promise_id)})=\n<h2 class=\"fc-promise-title\" id=\"{promise_anchor(p.promise_id)}\">"
            f"{escape(promise_title(standing))}</h2>")
    status = container("fc-verdict", f"{status_badge(standing.status)} {md(standing_summary(standing))}")
    box = container("fc-claimbox", "\n\n".join([
        container("fc-label", "The promise"),
        container(f"fc-quote language-{words.language}",
                  md(words.quote) if words.quote[:1] in "\"“" else f"“{md(words.quote)}”"),
        container("fc-byline", f"{md(p.made_by)}, {long_date(p.made_on)}, as reported by "
                               f"{credit(sources[words.source_id])}. Deadline: {long_date(standing.deadline)}."),
    ]))
    history = "\n".join(
        f"- **{long_date(c.date)}**: {status_badge(c.status)}"
        + (f" on {md(_outlet_names(c.evidence_ids, evidence, sources))}" if c.evidence_ids else
           (" (the deadline passed)" if c.date > standing.deadline else ""))
        for c in standing.history)
    rows = []
    for e in sorted(standing.entries, key=lambda e: e.date):
        figure = format_amount(e.amount, standing.unit if e.evidence.unit and e.evidence.unit.split()[0] in
                               ("USD", "jobs") else e.evidence.unit or "") if e.amount is not None else "–"
        rows.append(f"* - {long_date(e.date)}\n  - {KIND_WORDS[e.row.kind]}\n  - {md(figure)}\n"
                    f"  - {COUNTS_WORDS[e.row.counts]}\n  - {md(e.row.why)}\n"
                    f"  - {link(credit(sources[e.evidence.source_id]).replace(chr(92), ''), sources[e.evidence.source_id].url)}")
    table = block("list-table", "* - Date\n  - What\n  - Figure\n  - Counts?\n  - Why\n  - Source\n" + "\n".join(rows),
                  "", header_rows="1", class_="fc-tracker-rows", widths="12 12 10 10 38 18")
    evidence_block = block("dropdown", table, f"The evidence, row by row ({len(rows)})")
    return "\n\n".join([head, status, box, "**How the status changed**\n\n" + history, evidence_block])


KIND_WORDS = {"announced": "Announced", "committed": "Committed", "disclosed_spent": "Paid (disclosed)",
              "jobs_reported": "Jobs reported", "statement": "Statement", "doubt": "Doubt"}
COUNTS_WORDS = {"yes": "Counts", "partly": "In part", "no": "Does not count"}


def _outlet_names(evidence_ids, evidence, sources) -> str:
    from .checks import outlet_list

    return str(outlet_list([evidence[e] for e in evidence_ids], sources))


def tracker_note(standing) -> str:
    """What a claim page says of the promise it quotes: kept apart from the verdict, linked to the tracker."""
    return container("fc-tracker-link", f"**What happened since.** The {{ref}}`pledge tracker "
                                        f"<{promise_anchor(standing.promise.promise_id)}>` rates this promise "
                                        f"{status_badge(standing.status)} as of {long_date(standing.as_of)}. "
                                        f"That is separate from this verdict, which judges the article when it was "
                                        f"written.")


def status_scale() -> str:
    from .tracker import STATUS_DEFINITIONS

    rows = [f"* - {status_badge(s)}\n  - {md(d)}" for s, d in STATUS_DEFINITIONS.items()]
    return block("list-table", "* - Status\n  - Meaning\n" + "\n".join(rows), "", header_rows="1",
                 class_="fc-scale", widths="25 75")


# --- what a claim page rests on, row by row ---------------------------------------------------------

def rows_behind(dataset: Dataset, page: str) -> dict[str, set[tuple[str, ...]]]:
    """The primary keys of every row a claim page's content depends on, by data file: its sentences and
    their parts, their links, evidence, sources and judgments, the exchange rates a measure converts at,
    and the promises it quotes with their tracker rows. An edit to any other row cannot change the page."""
    passages = dataset.passages_on(page)
    claims = [c for p in passages for c in dataset.parts_of(p)]
    claim_ids = {c.claim_id for c in claims}
    links = [l for l in dataset.links if l.claim_id in claim_ids]
    evidence_ids = {l.evidence_id for l in links}
    if any(c.check == "metric_match" for c in claims):
        evidence_ids |= {r.evidence_id for r in dataset.fx_rates}
    promises = [p for p in dataset.promises if p.article_claim_id in claim_ids]
    promise_ids = {p.promise_id for p in promises}
    tracker = [r for r in dataset.tracker if r.promise_id in promise_ids]
    evidence_ids |= {r.evidence_id for r in tracker}
    evidence_ids |= {getattr(p, k) for p in promises for k in ("words_evidence_id", "target_evidence_id",
                                                                 "deadline_evidence_id")}
    by_id = {e.evidence_id: e for e in dataset.evidence}
    return {
        "data/passages.csv": {(p.passage_id,) for p in passages},
        "data/claims.csv": {(c,) for c in claim_ids},
        "data/claim_evidence.csv": {(l.claim_id, l.evidence_id) for l in links},
        "data/evidence.csv": {(e,) for e in evidence_ids},
        "data/sources.csv": {(by_id[e].source_id,) for e in evidence_ids},
        "data/judgments.csv": {(j.claim_id,) for j in dataset.judgments if j.claim_id in claim_ids},
        "data/fx_rates.csv": ({(r.rate_id,) for r in dataset.fx_rates}
                              if any(c.check == "metric_match" for c in claims) else set()),
        "data/articles.csv": {(a.article_id,) for a in dataset.articles},
        "data/promises.csv": {(p,) for p in promise_ids},
        "data/tracker.csv": {(r.promise_id, r.evidence_id) for r in tracker},
    }
