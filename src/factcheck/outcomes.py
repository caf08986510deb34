"""What a check finds: an outcome, the evidence rows it rests on, the figures, and the facts a sentence about it
needs. Plain data, passed from a kernel to the build as JSON (:mod:`factcheck.codec`); words are written later
(:mod:`factcheck.render.findings`)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .codec import tagged
from .quantities import PartialDate, Qualifier, Quantity


class Outcome(str, enum.Enum):
    """What a check can find. Each has a default rating (:data:`factcheck.ratings.DEFAULT_RULES`)."""

    MATCH = "match"
    QUALIFIED = "qualified"
    APPROXIMATE = "approximate"
    QUALIFIER_UNSUPPORTED = "qualifier_unsupported"
    PARTIAL = "partial"
    MISMATCH = "mismatch"
    CONTRADICTED = "contradicted"
    UNESTABLISHED = "unestablished"
    NO_METRIC_MATCH = "no_metric_match"
    NO_EVIDENCE = "no_evidence"


@dataclass(frozen=True)
class Amount:
    """A figure as reported or asserted: value in base units (dollars, yen, jobs) and its qualifier."""

    value: float
    unit: str
    qualifier: Qualifier = Qualifier.EXACT

    @classmethod
    def of(cls, q: Quantity) -> Amount:
        return cls(q.value, q.unit, q.qualifier)


@dataclass(frozen=True)
class Comparison:
    """One evidence row's figure against the claim: shown in the computation, so every value is visible."""

    evidence_id: str
    outcome: str  # match, mismatch, approximate, qualifier_unsupported
    amount: Amount | None = None
    date: dt.date | None = None
    metric: str | None = None
    jpy_per_usd: float | None = None  # the rate a yen figure was converted at


@tagged
@dataclass(frozen=True)
class QuantityFacts:
    asserted: Amount
    outlets: tuple[str, ...]  # the originals that report the deciding figures
    reported: tuple[Amount, ...]


@tagged
@dataclass(frozen=True)
class DateFacts:
    asserted: PartialDate
    agreeing_outlets: tuple[str, ...]
    agreeing_dates: tuple[dt.date, ...]
    differing_outlets: tuple[str, ...]
    differing_dates: tuple[dt.date, ...]


@tagged
@dataclass(frozen=True)
class TermsFacts:
    present: tuple[str, ...]
    missing: tuple[str, ...]
    confirming: tuple[str, ...]  # outlets whose supporting quotes contain a term of the claim's own words
    objecting: tuple[str, ...]


@tagged
@dataclass(frozen=True)
class StanceFacts:
    supports: tuple[str, ...]
    contradicts: tuple[str, ...]
    qualifies: tuple[str, ...]


@tagged
@dataclass(frozen=True)
class MetricFacts:
    asserted: Amount
    tolerance: float
    compared: int  # how many reported figures were compared
    close: tuple[tuple[str, dt.date], ...]  # (metric, as of) within the tolerance
    nearest_metric: str
    nearest_as_of: dt.date
    nearest_usd: float
    nearest_gap: float  # (article − reported) / reported


Facts = QuantityFacts | DateFacts | TermsFacts | StanceFacts | MetricFacts


@dataclass(frozen=True)
class Finding:
    """What one check established: its outcome, the evidence rows it relied on, and the facts a sentence about
    it needs (``None`` when nothing bears on the claim)."""

    claim_id: str
    check: str
    outcome: Outcome
    evidence_ids: tuple[str, ...]
    facts: Facts | None = None
    figures: tuple[tuple[str, float], ...] = field(default=())
    comparisons: tuple[Comparison, ...] = field(default=())

    def figure(self, name: str) -> float:
        return dict(self.figures)[name]
