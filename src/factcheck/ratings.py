"""The rating scale, and the rules that turn a finding into a verdict.

Where a verdict needs judgment, the judgment lives in ``data/judgments.csv`` with its rationale, and
it names the outcome it was written for: if new data changes the outcome, the old judgment no longer
applies, the default rule takes over, and ``factcheck validate`` says the judgment needs review.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .checks import Finding, run_check
from .data import Claim, Dataset, Judgment


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
    def definition(self) -> str:
        return DEFINITIONS[self]

    @property
    def slug(self) -> str:
        return self.value.lower().replace(" ", "-")


RATING_VALUES = {Rating.TRUE: 5, Rating.MOSTLY_TRUE: 4, Rating.MISLEADING: 3, Rating.MOSTLY_FALSE: 2,
                 Rating.FALSE: 1, Rating.UNVERIFIED: None}
BEST_RATING, WORST_RATING = 5, 1

DEFINITIONS = {
    Rating.TRUE: "The claim is accurate as stated, and sources independent of the article confirm it.",
    Rating.MOSTLY_TRUE: "The claim is accurate in substance but overstates, understates or loosens a detail "
                        "(a qualifier, a title, a deadline) in a way that does not change its meaning much.",
    Rating.MISLEADING: "Part of the claim is accurate, but it leaves a false impression: a word, a frame or an "
                       "omission leads the reader to a wrong conclusion.",
    Rating.MOSTLY_FALSE: "The claim contains an element of truth but its central point is wrong.",
    Rating.FALSE: "The sources contradict the claim.",
    Rating.UNVERIFIED: "No reliable source we could find establishes or refutes the claim; the page says what was searched.",
}

DEFAULT_RULES = {
    "match": Rating.TRUE,
    "approximate": Rating.MOSTLY_TRUE,
    "qualifier_unsupported": Rating.MOSTLY_TRUE,
    "partial": Rating.MISLEADING,
    "mismatch": Rating.FALSE,
    "contradicted": Rating.FALSE,
    "no_metric_match": Rating.UNVERIFIED,
    "no_evidence": Rating.UNVERIFIED,
}


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    finding: Finding
    rating: Rating
    rationale: str | None
    stale_judgment: Judgment | None
    source_ids: tuple[str, ...]

    @property
    def conclusion(self) -> str:
        """Full Fact style: the finding, then the reason for the rating where it took judgment."""
        return self.finding.sentence if not self.rationale else f"{self.finding.sentence} {self.rationale}"


def rate(finding: Finding, judgment: Judgment | None) -> tuple[Rating, str | None, Judgment | None]:
    """Rating, rationale, and the judgment that no longer applies (if any)."""
    if judgment is not None and judgment.applies_when == finding.outcome:
        return Rating(judgment.rating), judgment.rationale, None
    return DEFAULT_RULES[finding.outcome], None, judgment


def verdict_for(dataset: Dataset, claim: Claim) -> Verdict:
    finding = run_check(dataset, claim)
    rating, rationale, stale = rate(finding, dataset.judgment_for(claim.claim_id))
    by_id = {e.evidence_id: e for e in dataset.evidence}
    source_ids = tuple(dict.fromkeys(by_id[e].source_id for e in finding.evidence_ids))
    return Verdict(claim, finding, rating, rationale, stale, source_ids)


def all_verdicts(dataset: Dataset) -> tuple[Verdict, ...]:
    return tuple(verdict_for(dataset, claim) for claim in dataset.claims)
