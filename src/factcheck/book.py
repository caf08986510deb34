"""What a notebook calls: small functions that display a page's parts, so each notebook reads as an article.

A claim page is a :class:`ClaimPage`: ``page.sentence("pledge_announced")`` shows one sentence of
the article with its verdict, its parts and its decisive sources; ``page.glue()`` publishes every
computed figure to MyST so the fact-checker's own prose can cite it (``{glue:text}`amount_reported```)
without typing a number; ``page.evidence()`` closes the page with the rest of the evidence, collapsed.

One execution writes both editions: every call displays one output per language, each marked with
``"lang"`` in its metadata (a chart is drawn twice, a sentence written from each language's template),
and the build keeps the outputs of the edition it writes (:mod:`factcheck.build.editions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from IPython.display import Markdown, display

from . import display as show
from .checks import ABOUT_TOLERANCE, Finding, claimed_quantity, gap_phrase, metric_candidates, metric_name, per_job
from .data import Dataset
from .language import EN, LANGUAGES, Language
from .ratings import PassageVerdict, all_passage_verdicts

COMPARISON_LABELS = {"match": "agrees", "mismatch": "differs", "approximate": "close, not the same",
                     "qualifier_unsupported": "same figure, without the article's qualifier"}
COMPARISON_LABELS_FR = {"match": "concorde", "mismatch": "diffère", "approximate": "proche, pas identique",
                        "qualifier_unsupported": "même chiffre, sans le qualificatif de l'article"}


def _md(write: Callable[[Language], str]) -> None:
    """One Markdown output per edition, each from its language's template, in its typography."""
    for L in LANGUAGES:
        display(Markdown(L.typeset(write(L))), metadata={"lang": L.code})


def _figure(draw, describe: Callable[[Language], str]) -> None:
    """One chart per edition: titles, axes and source lines in each language, and what it shows in words (its
    alt text, which the build gives the image)."""
    import matplotlib.pyplot as plt

    for L in LANGUAGES:
        fig = draw(L)
        display(fig, metadata={"lang": L.code, "alt": L.typeset(describe(L))})
        plt.close(fig)


def glue(name: str, write: Callable[[Language], str]) -> None:
    """:func:`myst_nb.glue` for two editions: the same name, one value per language."""
    from myst_nb.ext.glue import GLUE_PREFIX

    for L in LANGUAGES:
        display({GLUE_PREFIX + "text/plain": repr(L.typeset(write(L)))}, raw=True,
                metadata={"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}, "lang": L.code})


@dataclass(frozen=True)
class Bilingual:
    """What a computation cell shows, once per edition (a table's headers and words in each language)."""

    by_language: tuple[tuple[str, object], ...]

    def _ipython_display_(self) -> None:
        for code, shown in self.by_language:
            display(shown, metadata={"lang": code})

    def __repr__(self) -> str:
        return repr(dict(self.by_language)[EN.code])


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
        _md(lambda L: show.passage_markdown(v, self.dataset.article(), L))
        parts = {p.claim.claim_id for p in v.parts}
        for promise in self.dataset.promises:
            if promise.article_claim_id in parts:
                _md(lambda L: show.tracker_note(standing(self.dataset, promise), L))
        _md(lambda L: show.decisive_markdown(self._decisive[passage_id], self.dataset, L))

    def evidence(self) -> None:
        """The rest of the page's evidence, each card once, collapsed."""
        _md(lambda L: show.page_evidence_markdown(self.verdicts, self.dataset, L))

    def glue(self) -> None:
        """Every figure the page's prose may cite, named ``<claim or passage id>_<what>``, in each language."""
        from .checks import outlet_list

        sources = {s.source_id: s for s in self.dataset.sources}
        evidence = {e.evidence_id: e for e in self.dataset.evidence}
        for pv in self.verdicts:
            glue(f"sentence_{pv.passage.passage_id}_rating", pv.rating.label)
            for v in pv.parts:
                cid, f = v.claim.claim_id, v.finding
                glue(f"{cid}_rating", v.rating.label)
                used = outlet_list([evidence[e] for e in f.evidence_ids], sources)
                glue(f"{cid}_outlets", lambda L: used.render(L) or L(en="no source", fr="aucune source"))
                if v.claim.check in ("quantity", "metric_match"):
                    glue(f"{cid}_asserted", claimed_quantity(v.claim).describe)
                if "reported" in dict(f.figures):
                    glue(f"{cid}_reported", lambda L: L.amount(f.figure("reported"), claimed_quantity(v.claim).unit))
                if "nearest_usd" in dict(f.figures):
                    glue(f"{cid}_nearest", lambda L: L.amount(f.figure("nearest_usd"), "USD"))
        glue("about_tolerance", lambda L: L.percent(ABOUT_TOLERANCE))

    def summary(self) -> show.ReaderTable:
        """Every rating on the page as plain text: the cell nbval compares to catch a changed verdict."""
        rows = []
        for pv in self.verdicts:
            rows.append((pv.passage.claim_short_en, "whole sentence", pv.rating.value))
            rows += [(pv.passage.claim_short_en, v.claim.claim_short_en, v.rating.value) for v in pv.parts]
        return show.ReaderTable(("Sentence", "Part", "Rating"), tuple(rows))

    # --- the computation, for the cell a reader can open -----------------------------------

    def evidence_frame(self, claim_id: str):
        """A claim's evidence as a pandas table: what a fact-checker filters and sorts while working."""
        return evidence_frame(self.dataset, claim_id)

    def comparison(self, finding: Finding) -> Bilingual:
        return Bilingual(tuple((L.code, comparison(self.dataset, finding, L)) for L in LANGUAGES))


def evidence_frame(dataset: Dataset, claim_id: str):
    import pandas as pd

    sources = {s.source_id: s for s in dataset.sources}
    rows = [{"outlet": sources[e.source_id].outlet, "via": sources[e.source_id].publisher, "stance": l.stance,
             "value": e.value, "unit": e.unit, "as of": e.as_of, "quote": e.quote, "evidence_id": e.evidence_id}
            for l, e in dataset.evidence_for(claim_id)]
    return pd.DataFrame(rows)


def comparison(dataset: Dataset, finding: Finding, L: Language = EN) -> show.ReaderTable:
    """What the check compared, row by row, in words a reader understands."""
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    labels = L(en=COMPARISON_LABELS, fr=COMPARISON_LABELS_FR)

    def outlet(evidence_id: str) -> str:
        return L.typeset(show.credit(sources[evidence[evidence_id].source_id], L).replace("\\", ""))

    if finding.comparisons:
        rows = tuple((outlet(c.evidence_id), L.typeset(L(en=c.reported, fr=c.reported_fr)),
                      labels[c.outcome]) for c in finding.comparisons)
        return show.ReaderTable(L(en=("Source", "Reported", "Against the article"),
                                  fr=("Source", "Chiffre rapporté", "Face à l'article")), rows,
                                L(en="Every figure compared", fr="Tous les chiffres comparés") + f" ({len(rows)})")
    stances = {l.evidence_id: l.stance for l in dataset.links if l.claim_id == finding.claim_id}

    def says(e: str) -> str:
        """The quote as said; in French, our translation of a quote in another language."""
        ev = evidence[e]
        return _clip(ev.quote if L.code == "en" or ev.language == "fr" else L.typeset(ev.translation_fr or ev.quote))

    rows = tuple((outlet(e), show.stance_label(stances[e], L), says(e)) for e in finding.evidence_ids)
    return show.ReaderTable(L(en=("Source", "Reading", "What it says"), fr=("Source", "Lecture", "Ce qu'elle dit (notre traduction)")),
                            rows, L(en="How each source reads", fr="Ce que dit chaque source") + f" ({len(rows)})")


def _clip(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- the landing page ---------------------------------------------------------------------------

def landing(dataset: Dataset | None = None) -> None:
    """Bottom line, corrections, then the table: the page a reader arriving from a link sees first."""
    dataset = dataset or Dataset()
    glue("article_headline", lambda L: dataset.article().headline_fr)
    verdicts = all_passage_verdicts(dataset)
    _md(lambda L: show.bottom_line(verdicts, L))
    _md(lambda L: L(en="**What the article gets wrong**", fr="**Ce que l'article a de faux**") + "\n\n"
        + show.corrections_list(verdicts, L))


def verdict_table(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    verdicts = all_passage_verdicts(dataset)
    _md(lambda L: show.verdict_table(verdicts, L))


def article_facts(dataset: Dataset | None = None) -> None:
    """What is known, and not known, of the article under review."""
    dataset = dataset or Dataset()
    a = dataset.article()
    retold = dataset.source(a.retells_source_id) if a.retells_source_id else None

    def facts(L: Language) -> str:
        unknown = L(en="Unknown", fr="Inconnu")
        date = L.date(a.date_published) if a.date_published else \
            L(en="Not shown on the page; written ", fr="Non indiquée sur la page ; écrit ") + \
            show.date_range(a.written_after, a.written_before, L)
        rows = [(L(en="Headline (French)", fr="Titre"), show.fr(a.headline_fr))]
        if L.code == "en":
            rows.append(("Headline (English)", show.md(a.headline_en)))
        rows += [(L(en="Language", fr="Langue"),
                  L(en="French", fr="Français") if a.language == "fr" else show.md(a.language)),
                 (L(en="Publisher", fr="Éditeur"), show.md(a.publisher) if a.publisher else unknown),
                 (L(en="Address", fr="Adresse"), show.link(a.url, a.url) if a.url else unknown),
                 (L(en="Date published", fr="Date de publication"), date),
                 (L(en="Retells", fr="Reprend"),
                  f"{show.link(retold.title, retold.url)} ({show.credit(retold, L)})" if retold else unknown),
                 (L(en="Provenance", fr="Provenance"), show.md(L.of(a, "provenance_note")))]
        return show.block("list-table", "\n".join(f"* - {k}\n  - {v}" for k, v in rows), "", class_="fc-article",
                          widths="25 75")

    _md(facts)


def article_text(dataset: Dataset | None = None) -> None:
    """The article as archived: French in both editions, one output."""
    dataset = dataset or Dataset()
    paragraphs = [p for p in dataset.article_text().split("\n") if p.strip()]
    display(Markdown(show.container("fc-article-text language-fr", "\n\n".join(show.md(p) for p in paragraphs))))


def timeline(dataset: Dataset | None = None, after_article: bool = False) -> None:
    """Dated events, before and after the pledge; ``after_article`` lists only what came later."""
    from .plots import timeline_alt, timeline_chart

    dataset = dataset or Dataset()
    pledge = pledge_date(dataset)

    def events(L: Language) -> list:
        return sorted((e.date, L.of(e, "label")) for e in dataset.events)

    _figure(lambda L: timeline_chart(events(L), pledge, L), lambda L: timeline_alt(events(L), pledge, L))
    _md(lambda L: show.events_markdown(dataset, after=pledge if after_article else None, L=L))


def pledge_date(dataset: Dataset):
    """The day of the event the article reports (``articles.reports_event_id``), as the timeline dates it."""
    event_id = dataset.article().reports_event_id
    return next(e.date for e in dataset.events if e.event_id == event_id)


def methodology() -> None:
    glue("about_tolerance", lambda L: L.percent(ABOUT_TOLERANCE))
    _md(show.rating_scale)


def default_rules() -> None:
    _md(show.default_rules)


def combination_rules() -> None:
    _md(show.combination_rules)


def sources(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    _md(lambda L: show.sources_markdown(dataset, L))


def corrections(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    if not dataset.corrections:
        _md(lambda L: L(en="*No corrections so far.*", fr="*Aucune correction à ce jour.*"))
        return
    _md(lambda L: "\n".join(
        f"- **{L.date(c.date)}**{' (' + show.md(L.of(dataset.claim(c.claim_id), 'claim_short')) + ')' if c.claim_id else ''}"
        f"{L(en=':', fr=' :')} {show.md(L.of(c, 'correction'))}" for c in sorted(dataset.corrections, key=lambda c: c.date)))


# --- charts -------------------------------------------------------------------------------------

def pledges(dataset: Dataset | None = None) -> None:
    """Dollars per promised job in the article's own figures, for each pledge in data/promises.csv
    (its money promise and its jobs promise each name the article's claim that states them)."""
    from .plots import pledges_alt, pledges_chart

    dataset = dataset or Dataset()
    by_pledge: dict[str, dict[str, str]] = {}
    for p in dataset.promises:
        if p.article_claim_id:
            unit = claimed_quantity(dataset.claim(p.article_claim_id)).unit
            year = "".join(ch for ch in p.pledge_en if ch.isdigit())  # "The 2024 pledge": labelled by its year
            by_pledge.setdefault(year, {})[unit] = p.article_claim_id
    both = tuple(per_job(year, dataset.claim(ids["USD"]), dataset.claim(ids["jobs"]))
                 for year, ids in sorted(by_pledge.items()) if {"USD", "jobs"} <= set(ids))
    for p in both:
        glue(f"per_job_{p.label}", lambda L: L.amount(p.dollars_per_job, "USD"))
    same = len({round(p.dollars_per_job) for p in both}) == 1
    glue("per_job_same", lambda L: L(en="the same" if same else "a different", fr="le même" if same else "un autre"))
    _figure(lambda L: pledges_chart(both, L), lambda L: pledges_alt(both, L))


def metric_figures(page: ClaimPage) -> None:
    """For the page's claim with an unnamed measure: every reported figure in dollars, as a table and a chart."""
    from .checks import countable
    from .plots import assets_alt, assets_chart

    dataset = page.dataset
    claim = next(v.claim for pv in page.verdicts for v in pv.parts if v.claim.check == "metric_match")
    asserted = claimed_quantity(claim)
    sources = {s.source_id: s for s in dataset.sources}
    candidates = metric_candidates(asserted.value, countable(dataset.evidence_for(claim.claim_id), sources),
                                   dataset.fx_rates)
    evidence = {e.evidence_id: e for e in dataset.evidence}
    cited = {sources[evidence[c.evidence_id].source_id] for c in candidates}
    company = sum(s.kind in ("company_report", "company_statement") for s in cited)

    def table(L: Language) -> show.ReaderTable:
        def yen(value: float, text: str) -> str:  # NaN: a figure reported in dollars
            return L(en="reported in dollars", fr="publié en dollars") if value != value else text

        rows = tuple((metric_name(c.metric, L), L.date(c.as_of),
                      L.typeset(show.credit(sources[evidence[c.evidence_id].source_id], L).replace("\\", "")),
                      yen(c.jpy, L(en=f"¥{c.jpy / 1e12:,.2f} trillion",
                                   fr=f"{L.number(c.jpy / 1e9, 0)} milliards de yens")),
                      yen(c.jpy_per_usd, L(en=f"¥{c.jpy_per_usd:,.2f}", fr=f"{L.number(c.jpy_per_usd)} ¥")),
                      L.amount(c.usd, "USD"), gap_phrase(c.relative_gap, L, short=True),
                      yen(c.implied_jpy_per_usd, L(en=f"¥{c.implied_jpy_per_usd:,.1f}",
                                                   fr=f"{L.number(c.implied_jpy_per_usd, 1)} ¥")))
                     for c in candidates)
        rate = L(en="Rate giving " + L.amount(asserted.value, "USD"), fr="Taux qui donnerait le chiffre de l'article")
        return show.ReaderTable(L(en=("Measure", "As of", "Source", "Yen", "Yen per dollar", "In dollars",
                                      "The article's figure", rate),
                                  fr=("Mesure", "Au", "Source", "En yens", "Yens pour un dollar", "En dollars",
                                      "Chiffre de l'article", rate)), tuple(tuple(L.typeset(v) for v in r) for r in rows))

    def outlets(L: Language) -> str:
        return L(en=f"{company} SoftBank documents and {len(cited) - company} news reports (listed in the table above)",
                 fr=f"{company} documents de SoftBank et {len(cited) - company} articles de presse (listés dans le "
                    "tableau ci-dessus)")

    display(Bilingual(tuple((L.code, table(L)) for L in LANGUAGES)))
    _figure(lambda L: assets_chart(asserted.value, candidates, outlets(L), L),
            lambda L: assets_alt(asserted.value, candidates, L))


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
    config = project_config(dataset)
    _md(lambda L: show.about_markdown(dataset, config, L))


CHANGE_KINDS_FR = {"published": "publication", "substantive": "modification de fond", "minor": "modification mineure"}


def changes(dataset: Dataset | None = None) -> None:
    dataset = dataset or Dataset()
    _md(lambda L: "\n".join(
        f"- **{L.date(c.date)}** ({L(en=c.change, fr=CHANGE_KINDS_FR.get(c.change, c.change))}){L(en=':', fr=' :')} "
        f"{show.md(L.of(c, 'note'))}" for c in sorted(dataset.changelog, key=lambda c: c.date, reverse=True)))


# --- the pledge tracker ----------------------------------------------------------------------------

def tracker(dataset: Dataset | None = None) -> None:
    """Every promise in data/promises.csv: its status, the promise, how the status changed, the evidence
    row by row, and for a promise of money, the chart."""
    from .plots import tracker_alt, tracker_chart
    from .tracker import all_standings

    dataset = dataset or Dataset()
    for s in all_standings(dataset):
        _md(lambda L: show.tracker_markdown(s, dataset, L))
        if s.measure == "money":
            _figure(lambda L: tracker_chart(s, len({e.evidence.source_id for e in s.entries}), L),
                    lambda L: tracker_alt(s, L))


def status_scale() -> None:
    from .tracker import STATUS_RULES, STATUS_RULES_FR

    _md(show.status_scale)
    _md(lambda L: "\n".join(f"- {show.md(rule)}" for rule in L(en=STATUS_RULES, fr=STATUS_RULES_FR)))
