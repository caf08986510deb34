"""A figure whose measure the article does not name: which of the figures the company reported, converted at the
sourced rate of its own date, is the article's, if any. And the article's own figures against each other."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import money
from .outcomes import Amount, Comparison, Finding, MetricFacts, Outcome
from .quantities import Quantity, parse_quantity_fr, to_base
from .records import Claim, Evidence, FxRate, Link

ABOUT_TOLERANCE = 0.05
"""« environ » (about) accepts a figure within 5 % either side; the methodology explains the choice."""
Pair = tuple[Link, Evidence]


def claimed_quantity(claim: Claim) -> Quantity:
    if not claim.value_in_quote:
        raise ValueError(f"claim {claim.claim_id} has no value_in_quote to parse")
    return parse_quantity_fr(claim.value_in_quote)


# --- an unnamed metric: which reported figure, if any, is the article's? ----------------------

@dataclass(frozen=True)
class MetricCandidate:
    evidence_id: str
    metric: str
    as_of: dt.date
    jpy: float  # NaN for a figure reported in dollars
    usd: float
    jpy_per_usd: float  # NaN for a figure reported in dollars
    implied_jpy_per_usd: float  # the rate that would make it the article's figure; NaN for dollars
    relative_gap: float  # (article − reported) / reported


def metric_candidates(claimed_usd: float, pairs: Sequence[Pair], rates: Iterable[FxRate]) -> tuple[MetricCandidate, ...]:
    """Every yen figure linked to the claim, in dollars at the rate of its own date, against the claim."""
    rates = tuple(rates)
    out = []
    for link, ev in pairs:
        if ev.metric is None or ev.value is None or ev.unit is None:
            continue  # every reported metric is a candidate, whatever its stance: that is the question
        if ev.as_of is None:
            raise ValueError(f"evidence {ev.evidence_id} gives a {ev.metric} figure with no as_of date")
        value, base = to_base(ev.value, ev.unit)
        if base == "JPY":
            conv = money.convert(value, rates, ev.as_of)
            usd, rate, jpy, implied = conv.usd, conv.rate.jpy_per_usd, value, money.implied_rate(value, claimed_usd)
        elif base == "USD":
            usd, rate, jpy, implied = value, math.nan, math.nan, math.nan
        else:
            continue
        out.append(MetricCandidate(ev.evidence_id, ev.metric, ev.as_of, jpy, usd, rate, implied,
                                   (claimed_usd - usd) / usd))
    return tuple(sorted(out, key=lambda c: abs(c.relative_gap)))


def check_metric_match(claim: Claim, pairs: Sequence[Pair], rates: Iterable[FxRate],
                       tolerance: float = ABOUT_TOLERANCE) -> Finding:
    asserted = claimed_quantity(claim)
    candidates = metric_candidates(asserted.value, pairs, rates)
    if not candidates:
        return Finding(claim.claim_id, "metric_match", Outcome.NO_EVIDENCE, ())
    close = [c for c in candidates if abs(c.relative_gap) <= tolerance]
    nearest = candidates[0]
    facts = MetricFacts(Amount.of(asserted), tolerance, len(candidates), tuple((c.metric, c.as_of) for c in close),
                        nearest.metric, nearest.as_of, nearest.usd, nearest.relative_gap)
    return Finding(claim.claim_id, "metric_match", Outcome.MATCH if close else Outcome.NO_METRIC_MATCH,
                   tuple(c.evidence_id for c in candidates), facts,
                   (("asserted", asserted.value), ("nearest_usd", nearest.usd)),
                   tuple(Comparison(c.evidence_id, "match" if abs(c.relative_gap) <= tolerance else "mismatch",
                                    amount=Amount(c.usd, "USD"), date=c.as_of, metric=c.metric,
                                    jpy_per_usd=None if c.jpy_per_usd != c.jpy_per_usd else c.jpy_per_usd)
                         for c in candidates))


# --- consistency inside the article -----------------------------------------------------------

@dataclass(frozen=True)
class PerJob:
    label: str
    dollars: float
    jobs: float

    @property
    def dollars_per_job(self) -> float:
        return self.dollars / self.jobs


def per_job(label: str, amount: Claim, jobs: Claim) -> PerJob:
    """Dollars per promised job implied by the article's own figures for one pledge."""
    money_q, jobs_q = claimed_quantity(amount), claimed_quantity(jobs)
    if money_q.unit != "USD" or jobs_q.unit != "jobs":
        raise ValueError(f"{amount.claim_id}/{jobs.claim_id}: expected dollars and jobs")
    return PerJob(label, money_q.value, jobs_q.value)
