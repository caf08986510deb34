"""What a notebook calls: one object per page, so the notebook itself stays a thin view.

``Page("claims/amount").show()`` renders every claim the data assigns to that page; ``glue()``
publishes each computed figure to MyST so the prose can cite it (``{glue:text}`amount_rating```)
without anyone typing a number.
"""

from __future__ import annotations

from IPython.display import HTML, Markdown, display

from . import display as html
from .checks import ABOUT_TOLERANCE, metric_candidates, per_job, claimed_quantity
from .data import Dataset
from .quantities import format_amount
from .ratings import Verdict, all_verdicts, verdict_for


class Page:
    def __init__(self, page: str, dataset: Dataset | None = None):
        self.dataset = dataset or Dataset()
        self.page = page
        claims = self.dataset.claims_on(page)
        if not claims:
            raise ValueError(f"no claim in data/claims.csv has page = {page!r}; add one or fix the page id")
        self.verdicts = tuple(verdict_for(self.dataset, c) for c in claims)

    def verdict(self, claim_id: str) -> Verdict:
        return next(v for v in self.verdicts if v.claim.claim_id == claim_id)

    def show(self) -> None:
        for v in self.verdicts:
            display(HTML(html.claim_head(v)))
            display(Markdown(html.quote_markdown(v.claim)))
            display(HTML(html.claim_body(self.dataset, v)))

    def glue(self) -> None:
        from myst_nb import glue

        for v in self.verdicts:
            cid = v.claim.claim_id
            glue(f"{cid}_rating", v.rating.value, display=False)
            glue(f"{cid}_finding", v.finding.sentence, display=False)
            if v.claim.check in ("quantity", "metric_match"):
                q = claimed_quantity(v.claim)
                glue(f"{cid}_asserted", q.describe(), display=False)
        glue("about_tolerance", f"{ABOUT_TOLERANCE:.0%}", display=False)

    def summary(self):
        """The page's verdicts as a plain table: the cell nbval compares to catch a changed verdict."""
        import pandas as pd

        return pd.DataFrame([{"claim": v.claim.claim_id, "verdict": v.rating.value, "outcome": v.finding.outcome,
                              "evidence rows": len(v.finding.evidence_ids)} for v in self.verdicts]).set_index("claim")


def landing(dataset: Dataset | None = None):
    """Verdict table, counts and chart for the landing page, from one call to the checks."""
    from myst_nb import glue

    from .plots import verdicts_chart

    dataset = dataset or Dataset()
    verdicts = all_verdicts(dataset)
    display(HTML(html.verdict_table(verdicts)))
    counts = dict((r.value, n) for r, n in html.rating_counts(verdicts))
    glue("n_claims", len(verdicts), display=False)
    glue("n_sources", len(dataset.sources), display=False)
    glue("n_evidence", len(dataset.evidence), display=False)
    central = [v for v in verdicts if v.claim.central]
    glue("n_central", len(central), display=False)
    glue("n_central_true", sum(v.rating.value == "True" for v in central), display=False)
    for name, n in counts.items():
        glue(f"n_{name.lower().replace(' ', '_')}", n, display=False)
    return verdicts_chart(verdicts)


def pledges(dataset: Dataset | None = None):
    """Dollars per promised job in the article's 2016 and 2024 figures."""
    from myst_nb import glue

    from .plots import pledges_chart

    dataset = dataset or Dataset()
    c = dataset.claim
    both = (per_job("2016 pledge", c("pledge_2016_amount"), c("pledge_2016_jobs")),
            per_job("2024 pledge", c("amount"), c("jobs")))
    for p, key in zip(both, ("2016", "2024")):
        glue(f"per_job_{key}", format_amount(p.dollars_per_job, "USD"), display=False)
    glue("per_job_same", "the same" if abs(both[0].dollars_per_job - both[1].dollars_per_job) < 1 else "different",
         display=False)
    return pledges_chart(both)


def assets(dataset: Dataset | None = None):
    """The article's unnamed « actifs » figure against each metric SoftBank reported."""
    from .plots import assets_chart

    dataset = dataset or Dataset()
    claim = dataset.claim("assets_175bn")
    asserted = claimed_quantity(claim)
    pairs = dataset.evidence_for(claim.claim_id)
    candidates = metric_candidates(asserted.value, pairs, dataset.fx_rates)
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    cited = {sources[evidence[c.evidence_id].source_id] for c in candidates}
    company = sum(s.kind in ("company_report", "company_statement") for s in cited)
    outlets = f"{company} SoftBank documents and {len(cited) - company} news reports (listed in the table above)"
    import pandas as pd

    table = pd.DataFrame([{
        "metric": c.metric.replace("_", " "), "as of": c.as_of.isoformat(),
        "yen (trillion)": round(c.jpy / 1e12, 2), "yen per dollar": round(c.jpy_per_usd, 2),
        "US$ billion": round(c.usd / 1e9, 1), "gap to article": f"{c.relative_gap:+.0%}",
        f"rate giving {format_amount(asserted.value, 'USD')}": round(c.implied_jpy_per_usd, 1), "evidence": c.evidence_id,
    } for c in candidates])
    return table, assets_chart(asserted.value, candidates, outlets)


def headline(dataset: Dataset | None = None) -> None:
    """The landing page's short paragraph, written by the data: counts, then the central claims that fail."""
    dataset = dataset or Dataset()
    article = dataset.article()
    verdicts = all_verdicts(dataset)
    counts = ", ".join(f"{n} {r.value.lower()}" for r, n in html.rating_counts(verdicts) if n)
    failing = [v for v in verdicts if v.claim.central and (v.rating.rating_value or 0) <= 3]
    holding = [v for v in verdicts if v.claim.central and (v.rating.rating_value or 0) >= 4]
    parts = [f'<p class="fc-headline">The article <em lang="fr">« {html.escape(article.headline_fr)} »</em> '
             f"({html.escape(article.headline_en)}) makes {len(verdicts)} checkable claims. "
             f"Checked against {len(dataset.sources)} sources: {counts}.</p>"]
    for label, group in (("Central claims that hold", holding), ("Central claims that do not", failing)):
        if group:
            parts.append(f"<p>{label}: " + "; ".join(f"{html.claim_link(v.claim)} {html.badge(v.rating)}"
                                                     for v in group) + ".</p>")
    display(HTML("\n".join(parts)))


def article_facts(dataset: Dataset | None = None) -> None:
    """What is known, and not known, of the article under review."""
    dataset = dataset or Dataset()
    a = dataset.article()
    retold = dataset.source(a.retells_source_id) if a.retells_source_id else None
    rows = [("Headline (French)", f'<span lang="fr">{html.escape(a.headline_fr)}</span>'),
            ("Headline (English)", html.escape(a.headline_en)),
            ("Language", html.escape(a.language)),
            ("Publisher", html.escape(a.publisher) if a.publisher else "Unknown"),
            ("Address", f'<a href="{html.escape(a.url, quote=True)}">{html.escape(a.url)}</a>' if a.url else "Unknown"),
            ("Date published", a.date_published.isoformat() if a.date_published else
             f"Unknown; written between {a.written_after.isoformat()} and {a.written_before.isoformat()}"),
            ("Retells", html.source_line(retold) if retold else "Unknown"),
            ("Provenance", html.escape(a.provenance_note))]
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    display(HTML(f'<table class="fc-article">{body}</table>'))


def article_text(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    display(HTML(f'<pre class="fc-article-text" lang="fr" style="white-space: pre-wrap">'
                 f"{html.escape(dataset.article_text())}</pre>"))


def timeline(dataset: Dataset | None = None, after_article: bool = False) -> None:
    """Dated events, before and after the pledge; ``after_article`` lists only what came later."""
    from .plots import timeline_chart

    import matplotlib.pyplot as plt

    dataset = dataset or Dataset()
    pledge = next(e.as_of for _, e in dataset.evidence_for("date") if e.as_of)
    fig = timeline_chart(sorted((e.date, e.label_en) for e in dataset.events), pledge)
    display(fig)  # the chart above the list it summarises
    plt.close(fig)
    display(HTML(html.events_list(dataset, after=pledge if after_article else None)))


def methodology() -> None:
    from myst_nb import glue

    display(HTML(html.rating_scale()))
    glue("about_tolerance", f"{ABOUT_TOLERANCE:.0%}", display=False)


def sources(dataset: Dataset | None = None) -> None:
    display(Markdown(html.sources_markdown(dataset or Dataset())))


def corrections(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    if not dataset.corrections:
        display(HTML("<p><em>No corrections so far.</em></p>"))
        return
    items = "".join(f"<li><strong>{c.date.isoformat()}</strong>"
                    f"{' (' + html.escape(c.claim_id) + ')' if c.claim_id else ''}: {html.escape(c.correction)}</li>"
                    for c in sorted(dataset.corrections, key=lambda c: c.date))
    display(HTML(f"<ul>{items}</ul>"))
