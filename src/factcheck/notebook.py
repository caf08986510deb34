"""What a claim notebook calls: each call computes, then displays the result as data.

A claim page is a :class:`ClaimPage`. ``page.sentence("pledge_announced")`` shows one sentence of the article
with its verdict, its parts and its decisive sources; ``page.values()`` publishes every figure the
fact-checker's prose cites (``{value}`amount_reported```); ``page.evidence()`` closes the page with the rest of
the evidence. What each call displays is not text but its findings, as JSON under :data:`MIME` (with a short
plain-text summary for JupyterLab): the book writes the words later, in each edition's language, when Sphinx
builds it (:mod:`factcheck.pipeline.outputs`). So nbval compares what was computed, a fix to a word
re-executes nothing, and one execution serves both editions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .codec import encode, tagged
from .data import Dataset
from .metrics import ABOUT_TOLERANCE, MetricCandidate, PerJob, claimed_quantity, metric_candidates, per_job
from .outcomes import Amount, Finding
from .ratings import PassageVerdict, Rating, all_passage_verdicts
from .sources import Card, PageEvidence, countable, decisive_plan, outlet_list, page_evidence

MIME = "application/vnd.factcheck.v1+json"


@dataclass(frozen=True)
class Part:
    claim_id: str
    role: str
    rating: Rating
    judged: bool  # a judgment in data/judgments.csv decided the rating; its rationale is the reason shown
    finding: Finding


@tagged
@dataclass(frozen=True)
class Sentence:
    passage_id: str
    rating: Rating
    parts: tuple[Part, ...]
    decisive: tuple[Card, ...]
    promises: tuple[str, ...]  # the promises its parts state: the page says how the tracker rates them today


@dataclass(frozen=True)
class Value:
    """A computed value the prose cites by name; exactly one of its fields is set."""

    name: str
    rating: Rating | None = None
    outlets: tuple[str, ...] | None = None
    amount: Amount | None = None
    percent: float | None = None
    same: bool | None = None


@tagged
@dataclass(frozen=True)
class Overview:
    """What a page checks, at its top: the article, and where the page checks several sentences, each with its
    rating."""

    ratings: tuple[tuple[str, Rating], ...]  # (passage id, rating), in the page's order


@tagged
@dataclass(frozen=True)
class Values:
    values: tuple[Value, ...]


@tagged
@dataclass(frozen=True)
class Evidence:
    evidence: PageEvidence


@tagged
@dataclass(frozen=True)
class Computation:
    """What one check compared, row by row, for the cell a reader can open."""

    finding: Finding
    stances: tuple[Card, ...]  # each row's stance, for a check that weighs stances rather than figures


@tagged
@dataclass(frozen=True)
class Metrics:
    """Every figure SoftBank reported for an unnamed measure, in dollars, against the article's."""

    claim_id: str
    claimed_usd: float
    tolerance: float
    candidates: tuple[MetricCandidate, ...]


@tagged
@dataclass(frozen=True)
class Pledges:
    """The article's own figures for each pledge: dollars, jobs, and dollars per job."""

    pledges: tuple[PerJob, ...]


Output = Sentence | Overview | Values | Evidence | Computation | Metrics | Pledges


@dataclass(frozen=True)
class Shown:
    """An output as Jupyter displays it: the JSON the book renders, and a plain summary for JupyterLab."""

    output: Output

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {MIME: encode(self.output), "text/plain": summary(self.output)}


def summary(output: Output) -> str:
    """A few plain lines naming what was computed: ids, ratings and outcomes, no sentence."""
    if isinstance(output, Sentence):
        lines = [f"{output.passage_id}: {output.rating.value}"]
        lines += [f"  {p.claim_id} ({p.role}): {p.rating.value}, {p.finding.outcome.value}" for p in output.parts]
        return "\n".join(lines)
    if isinstance(output, Values):
        return "\n".join(f"{v.name}: {_plain(v)}" for v in output.values)
    if isinstance(output, Overview):
        return "\n".join(f"{passage}: {rating.value}" for passage, rating in output.ratings)
    if isinstance(output, Evidence):
        return f"{len(output.evidence.chain)} cards on the wording, {len(output.evidence.rest)} other cards"
    if isinstance(output, Computation):
        return f"{output.finding.claim_id}: {output.finding.outcome.value}, {len(output.finding.evidence_ids)} rows"
    if isinstance(output, Metrics):
        return "\n".join(f"{c.metric} {c.as_of}: ${c.usd / 1e9:,.2f} billion ({c.relative_gap:+.1%})"
                         for c in output.candidates)
    return "\n".join(f"{p.label}: ${p.dollars_per_job:,.0f} per job" for p in output.pledges)


def _plain(v: Value) -> str:
    if v.rating is not None:
        return v.rating.value
    if v.outlets is not None:
        return ", ".join(v.outlets) or "none"
    if v.amount is not None:
        qualifier = "" if v.amount.qualifier.value == "exact" else v.amount.qualifier.value.replace("_", " ") + " "
        return f"{qualifier}{v.amount.value:,.0f} {v.amount.unit}"
    if v.percent is not None:
        return f"{v.percent:.1%}"
    return "the same" if v.same else "different"


def show(output: Output) -> None:
    from IPython.display import display

    display(Shown(output))


class ClaimPage:
    """The sentences of the article that one page checks, in the article's order."""

    def __init__(self, page: str, dataset: Dataset | None = None):
        self.dataset = dataset or Dataset()
        self.page = page
        self.verdicts = tuple(v for v in all_passage_verdicts(self.dataset) if v.passage.page == page)
        if not self.verdicts:
            raise ValueError(f"no passage in data/passages.csv has page = {page!r}; add one or fix the page id")
        self._decisive = decisive_plan(self.verdicts, self.dataset)

    def verdict(self, passage_id: str) -> PassageVerdict:
        for v in self.verdicts:
            if v.passage.passage_id == passage_id:
                return v
        raise KeyError(f"{passage_id!r} is not a passage of {self.page} in data/passages.csv")

    def sentence_output(self, passage_id: str) -> Sentence:
        v = self.verdict(passage_id)
        parts = tuple(Part(p.claim.claim_id, p.claim.role, p.rating, p.judged, p.finding) for p in v.parts)
        claims = {p.claim_id for p in parts}
        promises = tuple(p.promise_id for p in self.dataset.promises if p.article_claim_id in claims)
        return Sentence(passage_id, v.rating, parts, self._decisive[passage_id], promises)

    def sentence(self, passage_id: str) -> None:
        """Claim box, rating and reason, the parts, what happened since (the tracker, kept apart), and the
        two to four decisive sources."""
        show(self.sentence_output(passage_id))

    def values_output(self) -> Values:
        values = [Value("about_tolerance", percent=ABOUT_TOLERANCE)]
        sources = {s.source_id: s for s in self.dataset.sources}
        evidence = {e.evidence_id: e for e in self.dataset.evidence}
        for pv in self.verdicts:
            values.append(Value(f"sentence_{pv.passage.passage_id}_rating", rating=pv.rating))
            for v in pv.parts:
                cid, f = v.claim.claim_id, v.finding
                values.append(Value(f"{cid}_rating", rating=v.rating))
                values.append(Value(f"{cid}_outlets", outlets=outlet_list([evidence[e] for e in f.evidence_ids],
                                                                           sources)))
                if v.claim.check in ("quantity", "metric_match"):
                    values.append(Value(f"{cid}_asserted", amount=Amount.of(claimed_quantity(v.claim))))
                if "reported" in dict(f.figures):
                    values.append(Value(f"{cid}_reported",
                                        amount=Amount(f.figure("reported"), claimed_quantity(v.claim).unit)))
                if "nearest_usd" in dict(f.figures):
                    values.append(Value(f"{cid}_nearest", amount=Amount(f.figure("nearest_usd"), "USD")))
        return Values(tuple(values))

    def overview(self) -> None:
        """The page's top: which article it checks and, where it checks several sentences, each with its rating."""
        show(Overview(tuple((v.passage.passage_id, v.rating) for v in self.verdicts)))

    def values(self) -> None:
        """Every figure the page's prose may cite, named ``<claim or passage id>_<what>``."""
        show(self.values_output())

    def evidence(self) -> None:
        """The rest of the page's evidence, each card once, collapsed."""
        show(Evidence(page_evidence(self.verdicts, self.dataset)))

    # --- the computation, for the cell a reader can open -----------------------------------

    def evidence_frame(self, claim_id: str):
        """A claim's evidence as a pandas table: what a fact-checker filters and sorts while working."""
        import pandas as pd

        sources = {s.source_id: s for s in self.dataset.sources}
        rows = [{"outlet": sources[e.source_id].outlet, "via": sources[e.source_id].publisher, "stance": l.stance,
                 "value": e.value, "unit": e.unit, "as of": e.as_of, "quote": e.quote, "evidence_id": e.evidence_id}
                for l, e in self.dataset.evidence_for(claim_id)]
        return pd.DataFrame(rows)

    def comparison(self, finding: Finding) -> Shown:
        """What the check compared: every figure against the article's, or each source's reading."""
        stances = tuple(Card(l.evidence_id, l.stance) for l in self.dataset.links if l.claim_id == finding.claim_id
                        and l.evidence_id in finding.evidence_ids)
        return Shown(Computation(finding, stances))

    def metrics(self) -> None:
        """For the page's claim with an unnamed measure: every reported figure in dollars (a table and a chart)."""
        claim = next(v.claim for pv in self.verdicts for v in pv.parts if v.claim.check == "metric_match")
        asserted = claimed_quantity(claim)
        sources = {s.source_id: s for s in self.dataset.sources}
        candidates = metric_candidates(asserted.value, countable(self.dataset.evidence_for(claim.claim_id), sources),
                                       self.dataset.fx_rates)
        show(Metrics(claim.claim_id, asserted.value, ABOUT_TOLERANCE, candidates))

    def pledges(self) -> None:
        """Dollars per promised job in the article's own figures, for each pledge in data/promises.csv (its money
        promise and its jobs promise each name the article's claim that states them)."""
        show(Pledges(pledges_of(self.dataset)))


def pledges_of(dataset: Dataset) -> tuple[PerJob, ...]:
    by_pledge: dict[str, dict[str, str]] = {}
    for p in dataset.promises:
        if p.article_claim_id:
            unit = claimed_quantity(dataset.claim(p.article_claim_id)).unit
            year = str(p.made_on.year)  # each pledge is labelled by its year
            by_pledge.setdefault(year, {})[unit] = p.article_claim_id
    return tuple(per_job(year, dataset.claim(ids["USD"]), dataset.claim(ids["jobs"]))
                 for year, ids in sorted(by_pledge.items()) if {"USD", "jobs"} <= set(ids))
