"""The figures a claim page compares: every measure SoftBank reported against the article's number (a table and a
chart), and the article's own figures for the two pledges (a chart)."""

from __future__ import annotations

from ..notebook import Metrics, Pledges
from . import Page
from .charts import assets_chart, pledges_chart
from .claims import credit_text
from .findings import gap_phrase, metric_name
from .myst import block, list_table, md


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


def pledges(out: Pledges, page: Page) -> str:
    fig, alt = pledges_chart(out.pledges, page.w)
    return page.chart(fig, alt)
