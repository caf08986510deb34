"""The figures a claim page compares: every measure SoftBank reported against the article's number (a table and a
chart), and the first pledge as the article tells it against what its sources reported (a chart)."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure

from ..notebook import Metrics, Pledges
from ..outcomes import Outcome, QuantityFacts, StanceFacts
from ..ratings import Verdict, passage_verdict
from . import Page
from .charts import AGREE, BLUE, DIFFER, MUTED, ORANGE, RULE, Charts, Layout, Sheet, assets_chart, each_layout
from .claims import COMPARED, credit_text
from .findings import gap_phrase, metric_name
from .myst import block, list_table, md
from .words import Words


def metrics(out: Metrics, page: Page) -> str:
    """Each figure with its date, source, yen value, rate and dollar value, and the rate that would make it the
    article's figure; then the chart."""
    w, data = page.w, page.dataset
    evidence = {e.evidence_id: e for e in data.evidence}
    source_of = {c.evidence_id: data.source(evidence[c.evidence_id].source_id) for c in out.candidates}

    def yen(value: float, text: str) -> str:  # NaN: a figure reported in dollars
        return w.t("reported in dollars") if value != value else text

    rows = [(md(metric_name(c.metric, w)), w.date(c.as_of), md(credit_text(source_of[c.evidence_id], w)),
             yen(c.jpy, w.amount(c.jpy, "JPY")), yen(c.jpy_per_usd, w.number(c.jpy_per_usd)), w.amount(c.usd, "USD"),
             gap_phrase(c.relative_gap, w, short=True), yen(c.implied_jpy_per_usd, w.number(c.implied_jpy_per_usd, 1)))
            for c in out.candidates]
    header = (w.ct("column", "Measure"), w.ct("column", "As of"), w.ct("column", "Source"), w.ct("column", "Yen"),
              w.ct("column", "Yen per dollar"), w.ct("column", "In dollars"), w.ct("column", "The article's figure"),
              w.ct("column", "Rate that would give the article's figure"))
    table = block("dropdown", list_table(header, rows, "fc-table fc-cards"),
                  w.t("The figures compared ({count})", count=len(rows)))
    cited = {source_of[c.evidence_id] for c in out.candidates}
    company = sum(s.kind in ("company_report", "company_statement") for s in cited)
    outlets = w.t("{company} SoftBank documents and {news} news reports, listed in the table above",
                  company=company, news=len(cited) - company)
    fig, alt = assets_chart(out.claimed_usd, out.tolerance, out.candidates, outlets, w)
    return table + "\n\n" + page.chart(fig, alt)


COMPARED_BY_OUTCOME = {Outcome.MATCH: "match", Outcome.APPROXIMATE: "approximate",
                       Outcome.QUALIFIER_UNSUPPORTED: "qualifier_unsupported", Outcome.MISMATCH: "mismatch",
                       Outcome.CONTRADICTED: "mismatch"}


@dataclass(frozen=True)
class Part:
    """A part of the sentence as the article gives it and as its sources gave it, and how they compare (the
    words of the check's comparison); ``values``, the article's and the sources' figures, are drawn as bars."""

    label: str
    article: str
    sources: str
    mark: str
    agrees: bool
    values: tuple[float, float] | None = None


def pledges(out: Pledges, page: Page) -> str:
    """The first pledge, which the article cites as a precedent, part by part, as the article tells it and as the
    sources reported it: which parts agree and which differ, as each part's check found. Every figure is the
    article's or a source's."""
    w, data = page.w, page.dataset
    year = out.pledges[0].label
    figures = {p.article_claim_id for p in data.promises if p.article_claim_id and str(p.made_on.year) == year}
    sentence = passage_verdict(data, data.passage(data.claim(min(figures)).passage_id))
    parts, outlets = [], []
    for v in sentence.parts:
        part = _part(v, v.claim.claim_id in figures, w)
        if part is not None:
            parts.append(part)
            facts = v.finding.facts
            outlets += facts.outlets if isinstance(facts, QuantityFacts) else facts.contradicts + facts.supports
    fig, alt = _parts_chart(year, parts, w.outlets(list(dict.fromkeys(outlets))), w)
    return page.chart(fig, alt)


def _part(v: Verdict, figure: bool, w: Words) -> Part | None:
    """A figure of the pledge, as the article and the sources give it; or what the money was for (the sentence's
    status part, in a pledge's sentence), in the catalog's words for what the sources found, while the judgment
    written for that finding (data/judgments.csv) applies."""
    facts, outcome = v.finding.facts, v.finding.outcome
    if outcome not in COMPARED_BY_OUTCOME:
        return None
    mark = w.ct("compared", COMPARED[COMPARED_BY_OUTCOME[outcome]])
    agrees = outcome not in (Outcome.MISMATCH, Outcome.CONTRADICTED)
    if figure and isinstance(facts, QuantityFacts):
        asserted = facts.asserted
        reported = sorted({a.value for a in facts.reported}, key=lambda x: abs(x - asserted.value))
        label = w.t("The amount") if asserted.unit == "USD" else w.t("The jobs")
        return Part(label, w.quantity(asserted), w.join([w.amount(x, asserted.unit) for x in reported]), mark,
                    agrees, (asserted.value, reported[0]))
    if v.claim.kind == "status" and isinstance(facts, StanceFacts) and outcome is Outcome.CONTRADICTED and v.judged:
        return Part(w.t("What the money was for"), w.t("American infrastructure projects"),
                    w.t("American start-ups, through the Vision Fund"), mark, agrees)
    return None


def _parts_chart(year: str, parts: list[Part], outlets: str, w: Words) -> tuple[Charts, str]:
    """Each part under its name and how the article and the sources compare on it (✓ agrees, ✗ differs); a
    figure as two bars, the article's and the sources', each with its words."""
    heads = (w.t("The article"), w.t("The sources"))

    def draw(layout: Layout) -> Figure:
        s = Sheet(layout, w)
        s.lines(w.t("The {year} pledge, as the article tells it and as the sources reported it", year=year),
                bold=True)
        s.y += s.GAP
        column = max(s.measure(h) for h in heads) + 12
        widest = max((s.measure(x) for p in parts if p.values for x in (p.article, p.sources)), default=0)
        for part in parts:
            mark = ("✓ " if part.agrees else "✗ ") + part.mark
            s.rule([0, layout.width], [s.y, s.y], RULE, lw=1)
            s.y += 6
            s.text(layout.width, s.y, mark, color=AGREE if part.agrees else DIFFER, bold=True, ha="right")
            for line in s.wrap(part.label, layout.width - s.measure(mark, bold=True) - 12, bold=True):
                s.text(0, s.y, line, bold=True)
                s.y += s.lh
            s.y += 4
            for i, (head, words, color) in enumerate(zip(heads, (part.article, part.sources), (ORANGE, BLUE))):
                if part.values:
                    bar = round(s.size * 1.4)
                    length = (layout.width - column - widest - 8) * part.values[i] / max(part.values)
                    s.text(0, s.y + bar / 2, head, color=MUTED, va="center")
                    s.rect(column, s.y, length, bar, color)
                    s.text(column + length + 8, s.y + bar / 2, words, va="center")
                    s.y += bar + 4
                else:
                    s.text(0, s.y, head, color=MUTED)
                    s.rect(column - 8, s.y + 2, 3, len(s.wrap(words, layout.width - column)) * s.lh - 4, color)
                    s.lines(words, column)
                    s.y += 4
            s.y += 6
        s.rule([0, layout.width], [s.y, s.y], RULE, lw=1)
        s.source(w.t("Sources: {outlets}; each is quoted below", outlets=outlets))
        return s.figure()

    rows = [w.t("{part}: the article, {article}; the sources, {sources}; {mark}", part=p.label, article=p.article,
                sources=p.sources, mark=p.mark) for p in parts]
    alt = w.t("Chart of the {year} pledge as the article gives it and as the sources reported it, part by part: "
              "{parts}.", year=year, parts=". ".join(rows))
    return each_layout(draw), alt
