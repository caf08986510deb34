"""What a notebook calls: small functions that display a page's parts, so each notebook reads as an article.

A claim page is a :class:`ClaimPage`: ``page.sentence("pledge_announced")`` shows one sentence of
the article with its verdict, its parts and its decisive sources; ``page.glue()`` publishes every
computed figure to MyST so the fact-checker's own prose can cite it (``{glue:text}`amount_reported```)
without typing a number; ``page.evidence()`` closes the page with the rest of the evidence, collapsed.
"""

from __future__ import annotations

from IPython.display import Markdown, display

from . import display as show
from .checks import ABOUT_TOLERANCE, Finding, claimed_quantity, gap_phrase, long_date, metric_candidates, per_job
from .data import Dataset
from .quantities import format_amount
from .ratings import PassageVerdict, all_passage_verdicts

COMPARISON_LABELS = {"match": "agrees", "mismatch": "differs", "approximate": "close, not the same",
                     "qualifier_unsupported": "same figure, without the article's qualifier"}


def _md(text: str) -> None:
    display(Markdown(text))


class ClaimPage:
    """The sentences of the article that one page checks, in the article's order."""

    def __init__(self, page: str, dataset: Dataset | None = None):
        self.dataset = dataset or Dataset()
        self.page = page
        self.verdicts = tuple(v for v in all_passage_verdicts(self.dataset) if v.passage.page == page)
        if not self.verdicts:
            raise ValueError(f"no passage in data/passages.csv has page = {page!r}; add one or fix the page id")
        self._decisive = show.decisive_plan(self.verdicts, self.dataset)

    def verdict(self, passage_id: str) -> PassageVerdict:
        for v in self.verdicts:
            if v.passage.passage_id == passage_id:
                return v
        raise KeyError(f"{passage_id!r} is not a passage of {self.page} in data/passages.csv")

    def sentence(self, passage_id: str) -> None:
        """Claim box, rating and reason, the parts, what happened since (the tracker, kept apart), and the
        two to four decisive sources."""
        from .tracker import standing

        v = self.verdict(passage_id)
        _md(show.passage_markdown(v, self.dataset.article()))
        parts = {p.claim.claim_id for p in v.parts}
        for promise in self.dataset.promises:
            if promise.article_claim_id in parts:
                _md(show.tracker_note(standing(self.dataset, promise)))
        _md(show.decisive_markdown(self._decisive[passage_id], self.dataset))

    def evidence(self) -> None:
        """The rest of the page's evidence, each card once, collapsed."""
        _md(show.page_evidence_markdown(self.verdicts, self.dataset))

    def glue(self) -> None:
        """Every figure the page's prose may cite, named ``<claim or passage id>_<what>``."""
        from myst_nb import glue

        from .checks import outlet_list

        sources = {s.source_id: s for s in self.dataset.sources}
        evidence = {e.evidence_id: e for e in self.dataset.evidence}
        for pv in self.verdicts:
            glue(f"sentence_{pv.passage.passage_id}_rating", pv.rating.value, display=False)
            for v in pv.parts:
                cid, f = v.claim.claim_id, v.finding
                glue(f"{cid}_rating", v.rating.value, display=False)
                used = [evidence[e] for e in f.evidence_ids]
                glue(f"{cid}_outlets", str(outlet_list(used, sources)) or "no source", display=False)
                if v.claim.check in ("quantity", "metric_match"):
                    glue(f"{cid}_asserted", claimed_quantity(v.claim).describe(), display=False)
                if "reported" in dict(f.figures):
                    glue(f"{cid}_reported", format_amount(f.figure("reported"), claimed_quantity(v.claim).unit),
                         display=False)
                if "nearest_usd" in dict(f.figures):
                    glue(f"{cid}_nearest", format_amount(f.figure("nearest_usd"), "USD"), display=False)
        glue("about_tolerance", f"{ABOUT_TOLERANCE:.0%}", display=False)

    def summary(self) -> show.ReaderTable:
        """Every rating on the page as plain text: the cell nbval compares to catch a changed verdict."""
        rows = []
        for pv in self.verdicts:
            rows.append((pv.passage.claim_short, "whole sentence", pv.rating.value))
            rows += [(pv.passage.claim_short, v.claim.claim_short, v.rating.value) for v in pv.parts]
        return show.ReaderTable(("Sentence", "Part", "Rating"), tuple(rows))

    # --- the computation, for the cell a reader can open -----------------------------------

    def evidence_frame(self, claim_id: str):
        """A claim's evidence as a pandas table: what a fact-checker filters and sorts while working."""
        return evidence_frame(self.dataset, claim_id)

    def comparison(self, finding: Finding) -> show.ReaderTable:
        return comparison(self.dataset, finding)


def evidence_frame(dataset: Dataset, claim_id: str):
    import pandas as pd

    sources = {s.source_id: s for s in dataset.sources}
    rows = [{"outlet": sources[e.source_id].outlet, "via": sources[e.source_id].publisher, "stance": l.stance,
             "value": e.value, "unit": e.unit, "as of": e.as_of, "quote": e.quote, "evidence_id": e.evidence_id}
            for l, e in dataset.evidence_for(claim_id)]
    return pd.DataFrame(rows)


def comparison(dataset: Dataset, finding: Finding) -> show.ReaderTable:
    """What the check compared, row by row, in words a reader understands."""
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    if finding.comparisons:
        rows = tuple((show.credit(sources[evidence[c.evidence_id].source_id]).replace("\\", ""), c.reported,
                      COMPARISON_LABELS.get(c.outcome, c.outcome)) for c in finding.comparisons)
        return show.ReaderTable(("Source", "Reported", "Against the article"), rows,
                                f"Every figure compared ({len(rows)})")
    stances = {l.evidence_id: l.stance for l in dataset.links if l.claim_id == finding.claim_id}
    rows = tuple((show.credit(sources[evidence[e].source_id]).replace("\\", ""),
                  show.STANCE_LABELS[stances[e]], _clip(evidence[e].quote)) for e in finding.evidence_ids)
    return show.ReaderTable(("Source", "Reading", "What it says"), rows, f"How each source reads ({len(rows)})")


def _clip(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- the landing page ---------------------------------------------------------------------------

def landing(dataset: Dataset | None = None) -> None:
    """Bottom line, corrections, then the table: the page a reader arriving from a link sees first."""
    from myst_nb import glue

    dataset = dataset or Dataset()
    glue("article_headline", dataset.article().headline_fr, display=False)
    verdicts = all_passage_verdicts(dataset)
    _md(show.bottom_line(verdicts))
    _md("**What the article gets wrong**\n\n" + show.corrections_list(verdicts))


def verdict_table(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    _md(show.verdict_table(all_passage_verdicts(dataset)))


def article_facts(dataset: Dataset | None = None) -> None:
    """What is known, and not known, of the article under review."""
    dataset = dataset or Dataset()
    a = dataset.article()
    retold = dataset.source(a.retells_source_id) if a.retells_source_id else None
    date = long_date(a.date_published) if a.date_published else \
        f"Not shown on the page; written {show.date_range(a.written_after, a.written_before)}"
    rows = [("Headline (French)", show.fr(a.headline_fr)), ("Headline (English)", show.md(a.headline_en)),
            ("Language", "French" if a.language == "fr" else show.md(a.language)),
            ("Publisher", show.md(a.publisher) if a.publisher else "Unknown"),
            ("Address", show.link(a.url, a.url) if a.url else "Unknown"),
            ("Date published", date),
            ("Retells", f"{show.link(retold.title, retold.url)} ({show.credit(retold)})" if retold else "Unknown"),
            ("Provenance", show.md(a.provenance_note))]
    _md(show.block("list-table", "\n".join(f"* - {k}\n  - {v}" for k, v in rows), "", class_="fc-article",
                   widths="25 75"))


def article_text(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    paragraphs = [p for p in dataset.article_text().split("\n") if p.strip()]
    _md(show.container("fc-article-text language-fr", "\n\n".join(show.md(p) for p in paragraphs)))


def timeline(dataset: Dataset | None = None, after_article: bool = False) -> None:
    """Dated events, before and after the pledge; ``after_article`` lists only what came later."""
    import matplotlib.pyplot as plt

    from .plots import timeline_chart

    dataset = dataset or Dataset()
    pledge = pledge_date(dataset)
    fig = timeline_chart(sorted((e.date, e.label_en) for e in dataset.events), pledge)
    display(fig)  # the chart above the list it summarises
    plt.close(fig)
    _md(show.events_markdown(dataset, after=pledge if after_article else None))


def pledge_date(dataset: Dataset):
    """The day of the event the article reports (``articles.reports_event_id``), as the timeline dates it."""
    event_id = dataset.article().reports_event_id
    return next(e.date for e in dataset.events if e.event_id == event_id)


def methodology() -> None:
    from myst_nb import glue

    glue("about_tolerance", f"{ABOUT_TOLERANCE:.0%}", display=False)
    _md(show.rating_scale())


def default_rules() -> None:
    _md(show.default_rules())


def combination_rules() -> None:
    _md(show.combination_rules())


def sources(dataset: Dataset | None = None) -> None:
    _md(show.sources_markdown(dataset or Dataset()))


def corrections(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    if not dataset.corrections:
        _md("*No corrections so far.*")
        return
    short = {c.claim_id: c.claim_short for c in dataset.claims}
    _md("\n".join(f"- **{long_date(c.date)}**{' (' + show.md(short[c.claim_id]) + ')' if c.claim_id else ''}: "
                  f"{show.md(c.correction)}" for c in sorted(dataset.corrections, key=lambda c: c.date)))


# --- charts -------------------------------------------------------------------------------------

def pledges(dataset: Dataset | None = None):
    """Dollars per promised job in the article's own figures, for each pledge in data/promises.csv
    (its money promise and its jobs promise each name the article's claim that states them)."""
    from myst_nb import glue

    from .plots import pledges_chart

    dataset = dataset or Dataset()
    by_pledge: dict[str, dict[str, str]] = {}
    for p in dataset.promises:
        if p.article_claim_id:
            unit = claimed_quantity(dataset.claim(p.article_claim_id)).unit
            by_pledge.setdefault(p.pledge_en, {})[unit] = p.article_claim_id
    both = tuple(per_job(label.removeprefix("The "), dataset.claim(ids["USD"]), dataset.claim(ids["jobs"]))
                 for label, ids in sorted(by_pledge.items()) if {"USD", "jobs"} <= set(ids))
    for p in both:
        glue(f"per_job_{''.join(ch for ch in p.label if ch.isdigit())}", format_amount(p.dollars_per_job, "USD"),
             display=False)
    same = len({round(p.dollars_per_job) for p in both}) == 1
    glue("per_job_same", "the same" if same else "a different", display=False)
    return pledges_chart(both)


def metric_figures(page: ClaimPage):
    """For the page's claim with an unnamed measure: every reported figure in dollars, and the chart."""
    from .plots import assets_chart

    dataset = page.dataset
    claim = next(v.claim for pv in page.verdicts for v in pv.parts if v.claim.check == "metric_match")
    asserted = claimed_quantity(claim)
    from .checks import countable

    sources = {s.source_id: s for s in dataset.sources}
    candidates = metric_candidates(asserted.value, countable(dataset.evidence_for(claim.claim_id), sources),
                                   dataset.fx_rates)
    evidence = {e.evidence_id: e for e in dataset.evidence}
    cited = {sources[evidence[c.evidence_id].source_id] for c in candidates}
    company = sum(s.kind in ("company_report", "company_statement") for s in cited)
    outlets = f"{company} SoftBank documents and {len(cited) - company} news reports (listed in the table above)"
    rate_col = f"Rate giving {format_amount(asserted.value, 'USD')}"
    def yen(value: float, text: str) -> str:
        return "reported in dollars" if value != value else text  # NaN: a figure reported in dollars

    rows = tuple((c.metric.replace("_", " "), long_date(c.as_of),
                  show.credit(sources[evidence[c.evidence_id].source_id]).replace("\\", ""),
                  yen(c.jpy, f"¥{c.jpy / 1e12:,.2f} trillion"),
                  yen(c.jpy_per_usd, f"¥{c.jpy_per_usd:,.2f}"), format_amount(c.usd, "USD"),
                  gap_phrase(c.relative_gap), yen(c.implied_jpy_per_usd, f"¥{c.implied_jpy_per_usd:,.1f}"))
                 for c in candidates)
    table = show.ReaderTable(("Measure", "As of", "Source", "Yen", "Yen per dollar", "In dollars",
                              "Against the article", rate_col), rows)
    return table, assets_chart(asserted.value, candidates, outlets)


# --- who publishes this, when it changed, how to report an error ---------------------------------

def project_config(dataset: Dataset) -> dict:
    """The publishing settings in ``_config.yml`` (publisher, contact, repository): one place for them."""
    import yaml

    path = dataset.data_dir.parent / "_config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    sphinx = config.get("sphinx", {}).get("config", {})
    return {"publisher": sphinx.get("factcheck_publisher", {}), "contact": sphinx.get("factcheck_contact", {}),
            "repository": config.get("repository", {}).get("url", "")}


def about_this_check(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    _md(show.about_markdown(dataset, project_config(dataset)))


def changes(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    _md("\n".join(f"- **{long_date(c.date)}** ({c.change}): {show.md(c.note_en)}"
                  for c in sorted(dataset.changelog, key=lambda c: c.date, reverse=True)))


# --- the pledge tracker ----------------------------------------------------------------------------

def tracker(dataset: Dataset | None = None) -> None:
    """Every promise in data/promises.csv: its status, the promise, how the status changed, the evidence
    row by row, and for a promise of money, the chart."""
    import matplotlib.pyplot as plt

    from .plots import tracker_chart
    from .tracker import all_standings

    dataset = dataset or Dataset()
    for s in all_standings(dataset):
        _md(show.tracker_markdown(s, dataset))
        if s.measure == "money":
            fig = tracker_chart(s, len({e.evidence.source_id for e in s.entries}))
            display(fig)
            plt.close(fig)


def status_scale() -> None:
    from .tracker import STATUS_RULES

    _md(show.status_scale())
    _md("\n".join(f"- {show.md(rule)}" for rule in STATUS_RULES))
