"""HTML for the book: badges, claim blocks, evidence and source lists, the verdict table.

Every string that comes from data/ passes through :func:`html.escape`, so a quote holding markup,
a MyST role or a ``</script>`` renders as the plain text it is.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape

from .data import Claim, Dataset, Evidence, Source
from .ratings import Rating, Verdict

STANCE_LABELS = {"supports": "Supports", "contradicts": "Contradicts", "qualifies": "Qualifies", "context": "Context"}


def anchor(claim: Claim) -> str:
    return f"claim-{claim.claim_id.replace('_', '-')}"


def badge(rating: Rating) -> str:
    return f'<span class="fc-badge fc-{rating.slug}">{escape(rating.value)}</span>'


def source_line(source: Source) -> str:
    copy = (f" (copy of {escape(source.original_publisher)})"
            if source.original_publisher and source.original_publisher != source.publisher else "")
    date = f", {source.date_published.isoformat()}" if source.date_published else ", undated"
    return (f'<a href="{escape(source.url, quote=True)}" rel="nofollow noopener">{escape(source.title)}</a>, '
            f"{escape(source.publisher)}{copy}{date}; accessed {source.date_accessed.isoformat()}")


def _evidence_item(ev: Evidence, stance: str, source: Source) -> str:
    note = f'<div class="fc-note">{escape(ev.note)}</div>' if ev.note else ""
    return (f'<li class="fc-evidence fc-{stance}"><span class="fc-stance">{STANCE_LABELS[stance]}</span> '
            f'<blockquote lang="en">{escape(ev.quote)}</blockquote>'
            f'<div class="fc-cite">{source_line(source)} <code>[{escape(ev.evidence_id)}]</code></div>{note}</li>')


def claim_head(verdict: Verdict) -> str:
    claim = verdict.claim
    return (f'<h2 class="fc-claim-title" id="{anchor(claim)}">{escape(claim.claim_short)}</h2>'
            f'<p class="fc-label">The article says (French original):</p>')


def quote_markdown(claim: Claim) -> str:
    """The French quote as Markdown, every ASCII punctuation escaped: real text for search, inert as markup."""
    return "> « " + markdown_escape(claim.quote_fr) + " »"


def markdown_escape(text: str) -> str:
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def claim_body(dataset: Dataset, verdict: Verdict) -> str:
    """Translation, verdict, conclusion, then the evidence and what the article left out."""
    claim = verdict.claim
    sources = {s.source_id: s for s in dataset.sources}
    pairs = dataset.evidence_for(claim.claim_id)
    direct = [(l, e) for l, e in pairs if l.stance != "context"]
    context = [(l, e) for l, e in pairs if l.stance == "context"]
    parts = [
        '<div class="fc-claim">',
        f'<p class="fc-quote-en">In English: <em>{escape(claim.claim_en)}</em></p>',
        f'<p class="fc-verdict">{badge(verdict.rating)} <span class="fc-conclusion">{escape(verdict.finding.sentence)}</span></p>',
    ]
    if verdict.rationale:
        parts.append(f'<p class="fc-rationale"><strong>Why this rating:</strong> {escape(verdict.rationale)}</p>')
    parts.append(f'<p class="fc-method">Check: <code>{escape(verdict.finding.check)}</code>, outcome '
                 f'<code>{escape(verdict.finding.outcome)}</code>.</p>')
    if verdict.finding.comparisons:
        rows = "".join(f"<tr><td><code>{escape(c.evidence_id)}</code></td><td>{escape(c.reported)}</td>"
                       f"<td>{escape(c.outcome)}</td></tr>" for c in verdict.finding.comparisons)
        parts.append('<details class="fc-comparisons"><summary>Every figure compared</summary><table>'
                     f"<thead><tr><th>Evidence</th><th>Reported</th><th>Against the article</th></tr></thead>"
                     f"<tbody>{rows}</tbody></table></details>")
    if direct:
        parts.append('<h3>Evidence</h3><ul class="fc-evidence-list">')
        parts += [_evidence_item(e, l.stance, sources[e.source_id]) for l, e in direct]
        parts.append("</ul>")
    if context:
        parts.append('<h3>What the article leaves out, and where its wording came from</h3><ul class="fc-evidence-list">')
        parts += [_evidence_item(e, l.stance, sources[e.source_id]) for l, e in context]
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def claim_link(claim: Claim) -> str:
    """A link to the claim's anchor, relative to the landing page (book/index)."""
    href = f"{claim.page}.html#{anchor(claim)}"
    return f'<a href="{escape(href, quote=True)}">{escape(claim.claim_short)}</a>'


def verdict_table(verdicts: tuple[Verdict, ...]) -> str:
    rows = []
    for v in verdicts:
        rows.append(f'<tr><td>{claim_link(v.claim)}'
                    f'<div class="fc-table-fr" lang="fr">« {escape(v.claim.quote_fr)} »</div></td>'
                    f'<td>{badge(v.rating)}</td><td>{escape(v.finding.sentence)}</td></tr>')
    return ('<table class="fc-verdicts"><thead><tr><th>Claim</th><th>Verdict</th><th>Finding</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def rating_counts(verdicts: tuple[Verdict, ...]) -> list[tuple[Rating, int]]:
    counts = Counter(v.rating for v in verdicts)
    return [(r, counts.get(r, 0)) for r in Rating]


def rating_scale() -> str:
    rows = "".join(f"<tr><td>{badge(r)}</td><td>{r.rating_value if r.rating_value else '–'}</td>"
                   f"<td>{escape(r.definition)}</td></tr>" for r in Rating)
    return ('<table class="fc-scale"><thead><tr><th>Rating</th><th>ClaimReview ratingValue</th><th>Meaning</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>")


def sources_markdown(dataset: Dataset) -> str:
    """Every source, grouped by kind, as Markdown with every text escaped.

    Markdown, not HTML, so that the links become real document links: the scheduled link check
    (``jupyter-book build --builder linkcheck``) then visits every source URL.
    """
    by_source: dict[str, set[str]] = {}
    ev_source = {e.evidence_id: e.source_id for e in dataset.evidence}
    for link in dataset.links:
        by_source.setdefault(ev_source[link.evidence_id], set()).add(link.claim_id)
    lines = []
    for kind in sorted({s.kind for s in dataset.sources}):
        group = sorted((s for s in dataset.sources if s.kind == kind), key=lambda s: (s.outlet.lower(), s.source_id))
        lines += [f"**{markdown_escape(kind.replace('_', ' ').capitalize())}** ({len(group)})", ""]
        for s in group:
            copy = f" (copy of {markdown_escape(s.original_publisher)})" if s.original_publisher else ""
            date = s.date_published.isoformat() if s.date_published else "undated"
            claims = ", ".join(sorted(by_source.get(s.source_id, ())))
            used = f" Bears on: {markdown_escape(claims)}." if claims else " Dates an event on the timeline."
            lines.append(f"- [{markdown_escape(s.title)}](<{_url_for_markdown(s.url)}>), {markdown_escape(s.publisher)}"
                         f"{copy}, {date}; accessed {s.date_accessed.isoformat()}. "
                         f"*{markdown_escape(s.reliability_note)}*{used}")
        lines.append("")
    return "\n".join(lines)


def _url_for_markdown(url: str) -> str:
    """Inside ``<...>`` a URL may hold anything but angle brackets and line breaks."""
    return url.replace("<", "%3C").replace(">", "%3E").replace("\n", "")


def events_list(dataset: Dataset, after: object | None = None) -> str:
    """Dated events with the quote that dates each one; ``after`` keeps only later ones."""
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    items = []
    for event in sorted(dataset.events, key=lambda e: e.date):
        if after is not None and event.date <= after:
            continue
        ev = evidence[event.evidence_id]
        items.append(f'<li><strong>{event.date.isoformat()}</strong>: {escape(event.label_en)}'
                     f'<blockquote lang="en">{escape(ev.quote)}</blockquote>'
                     f'<div class="fc-cite">{source_line(sources[ev.source_id])}</div></li>')
    return f'<ul class="fc-events">{"".join(items)}</ul>'
