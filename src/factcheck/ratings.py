"""The rating scale, and the rules that turn a finding into a verdict.

Where a verdict needs judgment, the judgment lives in ``data/judgments.csv`` with its rationale, and
it names the outcome it was written for: if new data changes the outcome, the old judgment no longer
applies, the default rule takes over, and ``factcheck validate`` says the judgment needs review. The words of
the scale (names, definitions, the rules in prose) are the book's: :mod:`factcheck.render.method`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .checks import run_check
from .data import Dataset
from .outcomes import Finding, Outcome
from .records import Claim, Judgment, Passage


class Rating(str, enum.Enum):
    TRUE = "True"
    MOSTLY_TRUE = "Mostly true"
    MISLEADING = "Misleading"
    MOSTLY_FALSE = "Mostly false"
    FALSE = "False"
    UNVERIFIED = "Unverified"

    @property
    def rating_value(self) -> int | None:
        """ClaimReview ``ratingValue`` on a 1 (worst) to 5 (best) scale; none for Unverified."""
        return RATING_VALUES[self]

    @property
    def slug(self) -> str:
        return self.value.lower().replace(" ", "-")

    @property
    def rank(self) -> int:
        """Higher is better; Unverified ranks with nothing, so rules treat it apart."""
        return self.rating_value or 0


RATING_VALUES = {Rating.TRUE: 5, Rating.MOSTLY_TRUE: 4, Rating.MISLEADING: 3, Rating.MOSTLY_FALSE: 2,
                 Rating.FALSE: 1, Rating.UNVERIFIED: None}
BEST_RATING, WORST_RATING = 5, 1

DEFAULT_RULES = {
    Outcome.MATCH: Rating.TRUE,
    Outcome.QUALIFIED: Rating.MOSTLY_TRUE,
    Outcome.APPROXIMATE: Rating.MOSTLY_TRUE,
    Outcome.QUALIFIER_UNSUPPORTED: Rating.MOSTLY_TRUE,
    Outcome.PARTIAL: Rating.MISLEADING,
    Outcome.MISMATCH: Rating.FALSE,
    Outcome.CONTRADICTED: Rating.FALSE,
    Outcome.NO_METRIC_MATCH: Rating.FALSE,
    Outcome.UNESTABLISHED: Rating.UNVERIFIED,
    Outcome.NO_EVIDENCE: Rating.UNVERIFIED,
}
"""The rating each check outcome earns unless a judgment (data/judgments.csv) says why a claim departs."""

OUTCOMES_THAT_ESTABLISH_NOTHING = (Outcome.UNESTABLISHED, Outcome.NO_EVIDENCE)
"""The only outcomes an Unverified rating may rest on: nothing we found establishes or refutes the claim."""

@dataclass(frozen=True)
class Verdict:
    """A part's rating: the default for its finding's outcome, or a judgment's (``judged``) when one in
    data/judgments.csv was written for that outcome; a judgment written for another outcome is ``stale``."""

    claim: Claim
    finding: Finding
    rating: Rating
    judged: bool
    stale_judgment: Judgment | None
    source_ids: tuple[str, ...]


def rate(finding: Finding, judgment: Judgment | None) -> tuple[Rating, bool, Judgment | None]:
    """Rating, whether a judgment decided it, and the judgment that no longer applies (if any)."""
    if judgment is not None and judgment.applies_when == finding.outcome.value:
        return Rating(judgment.rating), True, None
    return DEFAULT_RULES[finding.outcome], False, judgment


def verdict_for(dataset: Dataset, claim: Claim) -> Verdict:
    finding = run_check(dataset, claim)
    rating, judged, stale = rate(finding, dataset.judgment_for(claim.claim_id))
    by_id = {e.evidence_id: e for e in dataset.evidence}
    source_ids = tuple(dict.fromkeys(by_id[e].source_id for e in finding.evidence_ids))
    return Verdict(claim, finding, rating, judged, stale, source_ids)


def all_verdicts(dataset: Dataset) -> tuple[Verdict, ...]:
    return tuple(verdict_for(dataset, claim) for claim in dataset.claims)


# --- the article-level verdict: one per sentence, combined from its parts ---------------------

def combine(parts: tuple[tuple[str, Rating], ...]) -> Rating:
    """The rating of a sentence from its parts' (role, rating) pairs: the methodology states these rules in
    words (:func:`factcheck.render.method.combination_rules`).

    A core part rated False or Mostly false decides the sentence (the worst such rating). Otherwise, if a core
    part is Unverified and no core part is Misleading, the sentence is Unverified: what it rests on is not
    established. Otherwise the sentence takes the worst rating among its rated core parts, then a detail rated
    Misleading or worse caps it at Misleading, and a detail rated Mostly true or Unverified at Mostly true."""
    core = [r for role, r in parts if role == "core"]
    details = [r for role, r in parts if role == "detail"]
    if not core:
        raise ValueError("a sentence needs at least one core part")
    false = [r for r in core if r in (Rating.FALSE, Rating.MOSTLY_FALSE)]
    if false:
        return min(false, key=lambda r: r.rank)
    rated = [r for r in core if r is not Rating.UNVERIFIED]
    if len(rated) < len(core) and Rating.MISLEADING not in rated:
        return Rating.UNVERIFIED  # what the sentence rests on is not established: never (mostly) true
    rating = min(rated, key=lambda r: r.rank)
    caps = []
    if any(r in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE) for r in details):
        caps.append(Rating.MISLEADING)
    if any(r in (Rating.MOSTLY_TRUE, Rating.UNVERIFIED) for r in details):
        caps.append(Rating.MOSTLY_TRUE)
    return min([rating, *caps], key=lambda r: r.rank)


@dataclass(frozen=True)
class PassageVerdict:
    """What a reader read, rated as a whole; its parts keep their own verdicts underneath."""

    passage: Passage
    parts: tuple[Verdict, ...]
    rating: Rating

    @property
    def conclusion_is_current(self) -> bool:
        """The written conclusion names the rating it was written for; new data may change the rating."""
        return self.passage.conclusion_rating == self.rating.value

    @property
    def central(self) -> bool:
        return any(p.claim.central for p in self.parts)

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.parts for s in p.source_ids))


def passage_verdict(dataset: Dataset, passage: Passage, parts: tuple[Verdict, ...] | None = None) -> PassageVerdict:
    if parts is None:
        parts = tuple(verdict_for(dataset, c) for c in dataset.parts_of(passage))
    return PassageVerdict(passage, parts, combine(tuple((v.claim.role, v.rating) for v in parts)))


def all_passage_verdicts(dataset: Dataset) -> tuple[PassageVerdict, ...]:
    verdicts = {v.claim.claim_id: v for v in all_verdicts(dataset)}
    return tuple(passage_verdict(dataset, p, tuple(verdicts[c.claim_id] for c in dataset.parts_of(p)))
                 for p in dataset.passages)
