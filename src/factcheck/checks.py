"""Pure checks: (claim, its evidence) → a :class:`Finding` a reader can follow.

Every check is a function of records only: no file is read here, so each can be tested on records
built in the test itself. :func:`run_check` picks the check a claim names in ``claims.csv``.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import money
from .data import Claim, Dataset, Evidence, FxRate, Link, Source
from .quantities import (PartialDate, Qualifier, Quantity, format_amount, parse_date_fr, parse_quantity_fr,
                         to_base)

ABOUT_TOLERANCE = 0.05
"""« environ » (about) accepts a figure within 5 % either side; methodology.md explains the choice."""

OUTCOMES = ("match", "approximate", "qualifier_unsupported", "partial", "mismatch", "contradicted",
            "no_metric_match", "no_evidence")

Pair = tuple[Link, Evidence]


@dataclass(frozen=True)
class Comparison:
    """One evidence row's figure against the claim: shown on the page, so every compared value is visible."""

    evidence_id: str
    reported: str
    outcome: str


@dataclass(frozen=True)
class Finding:
    """What one check established, in a sentence, with the evidence rows it relied on."""

    claim_id: str
    check: str
    outcome: str
    sentence: str
    evidence_ids: tuple[str, ...]
    figures: tuple[tuple[str, float], ...] = field(default=())
    comparisons: tuple[Comparison, ...] = field(default=())

    def figure(self, name: str) -> float:
        return dict(self.figures)[name]


# --- quantities ------------------------------------------------------------------------------

def evidence_quantity(ev: Evidence) -> Quantity | None:
    if ev.value is None or ev.unit is None:
        return None
    value, base = to_base(ev.value, ev.unit)
    return Quantity(value, base, Qualifier(ev.qualifier or "exact"), ev.quote)


def values_agree(asserted: Quantity, reported: Quantity, tolerance: float = ABOUT_TOLERANCE) -> bool:
    """Does the number agree, before any qualifier? « environ » widens the band to ``tolerance``."""
    if asserted.qualifier is Qualifier.ABOUT or reported.qualifier is Qualifier.ABOUT:
        return abs(asserted.value - reported.value) <= tolerance * reported.value
    return math.isclose(asserted.value, reported.value, rel_tol=1e-9)


def qualifier_supported(asserted: Quantity, reported: Quantity) -> bool:
    """Does the source back the qualifier too? « au moins 100 » needs a floor of 100 or a figure above it."""
    a, r = asserted.value, reported.value
    q, rq = asserted.qualifier, reported.qualifier
    if q in (Qualifier.EXACT, Qualifier.ABOUT):
        return rq in (Qualifier.EXACT, Qualifier.ABOUT) or (q is Qualifier.ABOUT and rq is not Qualifier.UP_TO)
    if q is Qualifier.AT_LEAST:
        return (rq in (Qualifier.AT_LEAST, Qualifier.EXCEEDING) and r >= a) or (rq is Qualifier.EXACT and r > a)
    if q is Qualifier.EXCEEDING:
        return (rq is Qualifier.EXCEEDING and r >= a) or (rq in (Qualifier.EXACT, Qualifier.AT_LEAST) and r > a)
    # at most / up to: a ceiling
    return (rq in (Qualifier.AT_MOST, Qualifier.UP_TO) and r <= a) or (rq is Qualifier.EXACT and r < a)


def compare_quantity(asserted: Quantity, reported: Quantity, tolerance: float = ABOUT_TOLERANCE) -> str:
    """One outcome for one pair of numbers: match, qualifier_unsupported, approximate or mismatch."""
    if values_agree(asserted, reported, tolerance):
        return "match" if qualifier_supported(asserted, reported) else "qualifier_unsupported"
    if abs(asserted.value - reported.value) <= tolerance * reported.value:
        return "approximate"
    if asserted.qualifier in _BOUNDS and qualifier_supported(asserted, reported):
        return "match"  # « au moins 50 » when a source says 60: true as stated
    return "mismatch"


_BOUNDS = (Qualifier.AT_LEAST, Qualifier.EXCEEDING, Qualifier.AT_MOST, Qualifier.UP_TO)
_RANK = {"match": 0, "qualifier_unsupported": 1, "approximate": 2, "mismatch": 3}


def check_quantity(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source],
                   tolerance: float = ABOUT_TOLERANCE) -> Finding:
    asserted = claimed_quantity(claim)
    numeric = [(link, ev, q) for link, ev in pairs if link.stance != "context"
               and (q := evidence_quantity(ev)) is not None and q.unit == asserted.unit]
    if not numeric:
        return _no_evidence(claim, "quantity", f"no source gives a figure in {asserted.unit} for this claim")
    outcomes = [(compare_quantity(asserted, q, tolerance), ev, q) for _, ev, q in numeric]
    best = min(outcomes, key=lambda o: _RANK[o[0]])[0]
    used = [(ev, q) for o, ev, q in outcomes if o == best]
    reported = _reported_phrase(used, sources)
    said = f"the article says {asserted.describe()}; {reported}"
    tail = {
        "match": "that agrees",
        "qualifier_unsupported": f"the figure agrees but no source supports “{asserted.qualifier.en}”",
        "approximate": f"within {tolerance:.0%}, but not the same figure",
        "mismatch": "the figures differ",
    }[best]
    return Finding(claim.claim_id, "quantity", best, _sentence(f"{said}: {tail}"),
                   tuple(ev.evidence_id for ev, _ in used),
                   (("asserted", asserted.value), ("reported", used[0][1].value)),
                   tuple(Comparison(ev.evidence_id, q.describe(), o) for o, ev, q in outcomes))


def _reported_phrase(used: Sequence[tuple[Evidence, Quantity]], sources: dict[str, Source]) -> str:
    figures = sorted({q.describe() for _, q in used})
    outlets = sorted({sources[ev.source_id].outlet for ev, _ in used})
    return f"{_join(outlets)} report{'s' if len(outlets) == 1 else ''} {_join(figures)}"


def claimed_quantity(claim: Claim) -> Quantity:
    if not claim.value_fr:
        raise ValueError(f"claim {claim.claim_id} has no value_fr to parse")
    return parse_quantity_fr(claim.value_fr)


# --- dates -----------------------------------------------------------------------------------

def implied_date(ev: Evidence) -> dt.date | None:
    """The date a row establishes: its as-of date, or as-of plus a span (« over the next four years »)."""
    if ev.as_of is None:
        return None
    if ev.unit == "years" and ev.value is not None:
        years = int(ev.value)
        return ev.as_of.replace(year=ev.as_of.year + years)
    return ev.as_of


def check_date(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    asserted = claimed_date(claim)
    dated = [(link, ev, d) for link, ev in pairs if link.stance != "context" and (d := implied_date(ev))]
    if not dated:
        return _no_evidence(claim, "date", "no source dates this")
    agreeing = [ev for _, ev, d in dated if asserted.matches(d)]
    differing = [(ev, d) for _, ev, d in dated if not asserted.matches(d)]
    outcome = "match" if agreeing and not differing else "partial" if agreeing else "mismatch"
    parts = [f"the article says {asserted.describe()}"]
    if agreeing:
        parts.append(f"{_outlets_verb(agreeing, sources, 'dates', 'date')} it "
                     f"{_join(sorted({d.isoformat() for _, ev, d in dated if ev in agreeing}))}")
    if differing:
        parts.append(f"{_outlets_verb([ev for ev, _ in differing], sources, 'points', 'point')} to "
                     f"{_join(sorted({d.isoformat() for _, d in differing}))}")
    return Finding(claim.claim_id, "date", outcome, _sentence("; ".join(parts)),
                   tuple(ev.evidence_id for _, ev, _ in dated), (),
                   tuple(Comparison(ev.evidence_id, d.isoformat(), "match" if asserted.matches(d) else "mismatch")
                         for _, ev, d in dated))


def claimed_date(claim: Claim) -> PartialDate:
    if not claim.value_fr:
        raise ValueError(f"claim {claim.claim_id} has no value_fr to parse")
    return parse_date_fr(claim.value_fr)


# --- words: places, titles, attributed quotes ------------------------------------------------

def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.casefold().split())


def check_terms(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    """Each term the claim needs (a place, a title, the words of a quote) must stand in a supporting quote."""
    if not claim.terms:
        raise ValueError(f"claim {claim.claim_id} uses the terms check but has no check_terms")
    supporting = [ev for link, ev in pairs if link.stance == "supports"]
    against = [ev for link, ev in pairs if link.stance in ("contradicts", "qualifies")]
    found = {t: [ev for ev in supporting if _fold(t) in _fold(ev.quote)] for t in claim.terms}
    present = [t for t, evs in found.items() if evs]
    missing = [t for t in claim.terms if t not in present]
    if not supporting and not against:
        return _no_evidence(claim, "terms", "no source quotes these words")
    used = tuple(dict.fromkeys(ev.evidence_id for evs in found.values() for ev in evs))
    if present and not missing:
        outcome = "partial" if against else "match"
    else:
        outcome = "partial" if present else ("contradicted" if against else "mismatch")
    parts = []
    if present:
        parts.append(f"{_join([f'“{t}”' for t in present])} found in "
                     f"{_outlets([ev for t in present for ev in found[t]], sources)}")
    if missing:
        parts.append(f"{_join([f'“{t}”' for t in missing])} found in no supporting source")
    if against:
        parts.append(f"{_outlets_verb(against, sources, 'qualifies', 'qualify')} or contradict the claim")
    return Finding(claim.claim_id, "terms", outcome, _sentence("; ".join(parts)),
                   used + tuple(ev.evidence_id for ev in against))


# --- stance: events and statuses, judged row by row in claim_evidence.csv ---------------------

def check_stance(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    by = {s: [ev for link, ev in pairs if link.stance == s] for s in ("supports", "contradicts", "qualifies")}
    if not any(by.values()):
        return _no_evidence(claim, "stance", "no source bears on it directly")
    if by["supports"] and not (by["contradicts"] or by["qualifies"]):
        outcome = "match"
    elif by["contradicts"] and not by["supports"]:
        outcome = "contradicted"
    else:
        outcome = "partial"
    plural = {"supports": "support", "contradicts": "contradict", "qualifies": "qualify"}
    parts = [f"{_outlets_verb(evs, sources, s, plural[s])} it" for s, evs in by.items() if evs]
    return Finding(claim.claim_id, "stance", outcome, _sentence("; ".join(parts)),
                   tuple(ev.evidence_id for evs in by.values() for ev in evs))


# --- an unnamed metric: which reported figure, if any, is the article's? ----------------------

@dataclass(frozen=True)
class MetricCandidate:
    evidence_id: str
    metric: str
    as_of: dt.date
    jpy: float
    usd: float
    jpy_per_usd: float
    implied_jpy_per_usd: float
    relative_gap: float


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
            usd, rate = conv.usd, conv.rate.jpy_per_usd
            implied = money.implied_rate(value, claimed_usd)
        elif base == "USD":
            usd, rate, implied = value, math.nan, math.nan
        else:
            continue
        out.append(MetricCandidate(ev.evidence_id, ev.metric, ev.as_of, value if base == "JPY" else math.nan,
                                   usd, rate, implied, (claimed_usd - usd) / usd))
    return tuple(sorted(out, key=lambda c: abs(c.relative_gap)))


def check_metric_match(claim: Claim, pairs: Sequence[Pair], rates: Iterable[FxRate],
                       tolerance: float = ABOUT_TOLERANCE) -> Finding:
    asserted = claimed_quantity(claim)
    candidates = metric_candidates(asserted.value, pairs, rates)
    if not candidates:
        return _no_evidence(claim, "metric_match", "no reported figure to compare it with")
    close = [c for c in candidates if abs(c.relative_gap) <= tolerance]
    nearest = candidates[0]
    nearest_text = (f"the nearest is {_metric_name(nearest.metric)} at {format_amount(nearest.usd, 'USD')} "
                    f"({nearest.as_of.isoformat()}), {abs(nearest.relative_gap):.0%} "
                    f"{'below' if nearest.relative_gap > 0 else 'above'} the article's figure")
    if close:
        outcome = "match"
        text = (f"of {len(candidates)} figures reported for SoftBank, {_join([_metric_name(c.metric) + ' (' + c.as_of.isoformat() + ')' for c in close])} "
                f"{'is' if len(close) == 1 else 'are'} within {tolerance:.0%} of {asserted.describe()}; {nearest_text}")
    else:
        outcome = "no_metric_match"
        text = (f"none of the {len(candidates)} figures reported for SoftBank is within {tolerance:.0%} of "
                f"{asserted.describe()}; {nearest_text}")
    return Finding(claim.claim_id, "metric_match", outcome, _sentence(text),
                   tuple(c.evidence_id for c in candidates),
                   (("asserted", asserted.value), ("nearest_usd", nearest.usd)),
                   tuple(Comparison(c.evidence_id, f"{_metric_name(c.metric)} {format_amount(c.usd, 'USD')}"
                                    + (f" at ¥{c.jpy_per_usd:,.2f}/$" if c.jpy_per_usd == c.jpy_per_usd else ""),
                                    f"{c.relative_gap:+.1%}") for c in candidates))


def _metric_name(metric: str) -> str:
    return metric.replace("_", " ")


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


# --- dispatch ---------------------------------------------------------------------------------

def run_check(dataset: Dataset, claim: Claim) -> Finding:
    pairs = dataset.evidence_for(claim.claim_id)
    sources = {s.source_id: s for s in dataset.sources}
    if claim.check == "quantity":
        return check_quantity(claim, pairs, sources)
    if claim.check == "date":
        return check_date(claim, pairs, sources)
    if claim.check == "terms":
        return check_terms(claim, pairs, sources)
    if claim.check == "metric_match":
        return check_metric_match(claim, pairs, dataset.fx_rates)
    return check_stance(claim, pairs, sources)


# --- helpers ----------------------------------------------------------------------------------

def _no_evidence(claim: Claim, check: str, why: str) -> Finding:
    return Finding(claim.claim_id, check, "no_evidence", _sentence(why), ())


def _outlet_set(evs: Iterable[Evidence], sources: dict[str, Source]) -> set[str]:
    return {sources[ev.source_id].outlet for ev in evs}


def _outlets(evs: Iterable[Evidence], sources: dict[str, Source]) -> str:
    return _join(sorted(_outlet_set(evs, sources)))


def _outlets_verb(evs: Iterable[Evidence], sources: dict[str, Source], singular: str, plural: str) -> str:
    """'CNBC supports' / 'AP and CNBC support': the verb agrees with the number of outlets."""
    evs = list(evs)
    return f"{_outlets(evs, sources)} {singular if len(_outlet_set(evs, sources)) == 1 else plural}"


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
