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

OUTCOMES = ("match", "qualified", "approximate", "qualifier_unsupported", "partial", "mismatch", "contradicted",
            "unestablished", "no_metric_match", "no_evidence")
"""What a check can find. Each has a default rating (:data:`factcheck.ratings.DEFAULT_RULES`), and each
finding's sentence is written to be the reason for that default rating."""

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
    outlets = outlet_list([ev for ev, _ in used], sources)
    reported = join(sorted({q.describe() for _, q in used}))
    verb = "reports" if outlets.single else "report"
    text = {
        "match": f"{outlets} {verb} {reported}, as the article says",
        "qualifier_unsupported": f"{outlets} {verb} {reported}, but {'it does' if outlets.single else 'none of them'}"
                                 f"{'' if not outlets.single else ' not'} say “{asserted.qualifier.en}”",
        "approximate": f"{outlets} {verb} {reported}: close to the article's {asserted.describe()}, but not the same figure",
        "mismatch": f"{outlets} {verb} {reported}, not the article's {asserted.describe()}",
    }[best]
    return Finding(claim.claim_id, "quantity", best, sentence(text),
                   tuple(ev.evidence_id for ev, _ in used),
                   (("asserted", asserted.value), ("reported", used[0][1].value)),
                   tuple(Comparison(ev.evidence_id, q.describe(), o) for o, ev, q in outcomes))


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
    agreeing = [(ev, d) for _, ev, d in dated if asserted.matches(d)]
    differing = [(ev, d) for _, ev, d in dated if not asserted.matches(d)]
    outcome = "match" if agreeing and not differing else "partial" if agreeing else "mismatch"

    def dating(rows: list[tuple[Evidence, dt.date]]) -> str:
        outlets = outlet_list([ev for ev, _ in rows], sources)
        return f"{outlets} {'dates' if outlets.single else 'date'} it to {join(sorted({long_date(d) for _, d in rows}))}"

    text = {"match": f"{dating(agreeing)}, as the article does",
            "partial": f"{dating(agreeing)}, but {dating(differing)}",
            "mismatch": f"{dating(differing)}, not {asserted.describe()}"}[outcome]
    return Finding(claim.claim_id, "date", outcome, sentence(text),
                   tuple(ev.evidence_id for _, ev, _ in dated), (),
                   tuple(Comparison(ev.evidence_id, long_date(d), "match" if asserted.matches(d) else "mismatch")
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
    words = join([f"“{t}”" for t in present])
    confirming = outlet_list([ev for t in present for ev in found[t]], sources)
    confirm = f"{confirming} {'confirms' if confirming.single else 'confirm'} it in the same words ({words})"
    objecting = outlet_list(against, sources)
    objection = f"{objecting} {'qualifies' if objecting.single else 'qualify'} or contradict{'s' if objecting.single else ''} it"
    unconfirmed = f"no source confirms {join([f'“{t}”' for t in missing])}"
    text = {"match": confirm,
            "partial": f"{confirm}, but {objection if against and not missing else unconfirmed}",
            "contradicted": f"{objection}, and {unconfirmed}",
            "mismatch": unconfirmed}[outcome]
    return Finding(claim.claim_id, "terms", outcome, sentence(text),
                   used + tuple(ev.evidence_id for ev in against))


# --- stance: events and statuses, judged row by row in claim_evidence.csv ---------------------

def check_stance(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    """Each evidence row's stance is a fact-checker's reading, recorded in claim_evidence.csv; this
    combines them: confirmed, confirmed with a caveat, disputed, contradicted, or neither."""
    by = {s: [ev for link, ev in pairs if link.stance == s] for s in ("supports", "contradicts", "qualifies")}
    if not any(by.values()):
        return _no_evidence(claim, "stance", "no source we found bears on it directly")
    said = {s: outlet_list(evs, sources) for s, evs in by.items() if evs}

    def verb(stance: str, singular: str, plural: str) -> str:
        return f"{said[stance]} {singular if said[stance].single else plural}"

    if by["supports"] and by["contradicts"]:
        outcome, text = "partial", f"{verb('supports', 'confirms', 'confirm')} part of it, but " \
                                   f"{verb('contradicts', 'contradicts', 'contradict')} it"
    elif by["contradicts"]:
        outcome, text = "contradicted", verb("contradicts", "contradicts", "contradict") + " it"
    elif by["supports"] and by["qualifies"]:
        outcome, text = "qualified", f"{verb('supports', 'confirms', 'confirm')} it, and " \
                                     f"{verb('qualifies', 'adds', 'add')} a caveat"
    elif by["supports"]:
        outcome, text = "match", verb("supports", "confirms", "confirm") + " it"
    else:
        outcome, text = "unestablished", f"no source establishes or refutes it; {verb('qualifies', 'reports', 'report')} " \
                                         "only related facts"
    return Finding(claim.claim_id, "stance", outcome, sentence(text),
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
    nearest_text = (f"{gap_phrase(nearest.relative_gap)} the nearest, "
                    f"{_metric_name(nearest.metric)} on {long_date(nearest.as_of)} "
                    f"({format_amount(nearest.usd, 'USD')})")
    if close:
        outcome = "match"
        names = join([f"{_metric_name(c.metric)} on {long_date(c.as_of)}" for c in close])
        text = (f"of the {number_word(len(candidates))} figures SoftBank reported, {names} "
                f"{'comes' if len(close) == 1 else 'come'} within {tolerance:.0%} of {asserted.describe()}")
    else:
        outcome = "no_metric_match"
        text = (f"none of the {number_word(len(candidates))} figures SoftBank reported comes within {tolerance:.0%} "
                f"of {asserted.describe()}: {nearest_text}")
    return Finding(claim.claim_id, "metric_match", outcome, sentence(text),
                   tuple(c.evidence_id for c in candidates),
                   (("asserted", asserted.value), ("nearest_usd", nearest.usd)),
                   tuple(Comparison(c.evidence_id, f"{_metric_name(c.metric)} {format_amount(c.usd, 'USD')}"
                                    + (f" at ¥{c.jpy_per_usd:,.2f}/$" if c.jpy_per_usd == c.jpy_per_usd else ""),
                                    gap_phrase(c.relative_gap)) for c in candidates))


def gap_phrase(relative_gap: float) -> str:
    """(article − reported) / reported, said with its direction: 'the article's figure is 6% below'."""
    if abs(relative_gap) < 0.0005:
        return "the article's figure equals it"
    size = f"{abs(relative_gap):.1%}" if abs(relative_gap) < 0.1 else f"{abs(relative_gap):.0%}"  # 5.2%, not 5%
    return f"the article's figure is {size} {'below' if relative_gap < 0 else 'above'}"


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

def countable(pairs: Iterable[Pair], sources: dict[str, Source]) -> tuple[Pair, ...]:
    """The evidence a check may count: an anonymous copy is shown to readers, never weighed."""
    return tuple(p for p in pairs if not sources[p[1].source_id].anonymous)


def run_check(dataset: Dataset, claim: Claim) -> Finding:
    sources = {s.source_id: s for s in dataset.sources}
    pairs = countable(dataset.evidence_for(claim.claim_id), sources)
    if claim.check == "quantity":
        return check_quantity(claim, pairs, sources)
    if claim.check == "date":
        return check_date(claim, pairs, sources)
    if claim.check == "terms":
        return check_terms(claim, pairs, sources)
    if claim.check == "metric_match":
        return check_metric_match(claim, pairs, dataset.fx_rates)
    return check_stance(claim, pairs, sources)


# --- helpers: prose a reader can follow -------------------------------------------------------

KIND_ORDER = ("company_report", "company_statement", "official_statement", "wire", "newspaper", "broadcaster",
              "trade_press", "reference", "data_provider", "social_media", "aggregator")
NAMED_OUTLETS = 3
"""A conclusion explains; it does not enumerate: at most this many outlets, then "and N others"."""


@dataclass(frozen=True)
class OutletList:
    """Original outlets (a copy counts as its original), most weighty first, rendered as short prose."""

    names: tuple[str, ...]

    @property
    def single(self) -> bool:
        return len(self.names) == 1

    def __str__(self) -> str:
        shown, rest = list(self.names[:NAMED_OUTLETS]), len(self.names) - NAMED_OUTLETS
        if rest > 0:
            return ", ".join(shown) + f" and {number_word(rest)} other{'s' if rest > 1 else ''}"
        return join(shown)


def outlet_list(evs: Iterable[Evidence], sources: dict[str, Source]) -> OutletList:
    """Rank by how many rows each original gives, then by kind (company and wire before copies)."""
    rows: dict[str, list[Source]] = {}
    for ev in evs:
        source = sources[ev.source_id]
        rows.setdefault(source.outlet, []).append(source)

    def weight(name: str) -> tuple:
        kinds = [KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else len(KIND_ORDER) for s in rows[name]]
        return (-len(rows[name]), min(kinds), name.lower())

    return OutletList(tuple(sorted(rows, key=weight)))


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"


def long_date(d: dt.date) -> str:
    """16 December 2024: the way a reader writes a date."""
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _no_evidence(claim: Claim, check: str, why: str) -> Finding:
    return Finding(claim.claim_id, check, "no_evidence", sentence(why), ())


def join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
