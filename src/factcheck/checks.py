"""Pure checks: (claim, its evidence) → a :class:`Finding`: an outcome, the figures, and the facts it rests on.

Every check is a function of records only: no file is read here, so each can be tested on records built in
the test itself. A finding holds no sentence: what a reader reads is written from its outcome and facts when
the book is built, in each edition's language (:mod:`factcheck.render.findings`). :func:`run_check` picks the
check a claim names in ``claims.csv``.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Sequence

from .data import Dataset
from .metrics import ABOUT_TOLERANCE, check_metric_match, claimed_quantity
from .outcomes import Amount, Comparison, DateFacts, Finding, Outcome, QuantityFacts, StanceFacts, TermsFacts
from .quantities import PartialDate, Qualifier, Quantity, parse_date_fr, to_base
from .records import Claim, Evidence, Link, Source
from .sources import countable, outlet_list

Pair = tuple[Link, Evidence]


def _no_evidence(claim: Claim, check: str) -> Finding:
    return Finding(claim.claim_id, check, Outcome.NO_EVIDENCE, ())


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


_BOUNDS = (Qualifier.AT_LEAST, Qualifier.EXCEEDING, Qualifier.AT_MOST, Qualifier.UP_TO)
_RANK = {Outcome.MATCH: 0, Outcome.QUALIFIER_UNSUPPORTED: 1, Outcome.APPROXIMATE: 2, Outcome.MISMATCH: 3}


def compare_quantity(asserted: Quantity, reported: Quantity, tolerance: float = ABOUT_TOLERANCE) -> Outcome:
    """One outcome for one pair of numbers: match, qualifier_unsupported, approximate or mismatch."""
    if values_agree(asserted, reported, tolerance):
        return Outcome.MATCH if qualifier_supported(asserted, reported) else Outcome.QUALIFIER_UNSUPPORTED
    if abs(asserted.value - reported.value) <= tolerance * reported.value:
        return Outcome.APPROXIMATE
    if asserted.qualifier in _BOUNDS and qualifier_supported(asserted, reported):
        return Outcome.MATCH  # « au moins 50 » when a source says 60: true as stated
    return Outcome.MISMATCH


def check_quantity(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source],
                   tolerance: float = ABOUT_TOLERANCE) -> Finding:
    asserted = claimed_quantity(claim)
    numeric = [(ev, q) for link, ev in pairs if link.stance != "context"
               and (q := evidence_quantity(ev)) is not None and q.unit == asserted.unit]
    if not numeric:
        return _no_evidence(claim, "quantity")
    outcomes = [(compare_quantity(asserted, q, tolerance), ev, q) for ev, q in numeric]
    best = min(outcomes, key=lambda o: _RANK[o[0]])[0]
    used = [(ev, q) for o, ev, q in outcomes if o is best]
    reported = tuple(sorted({Amount.of(q) for _, q in used}, key=lambda a: (a.value, a.qualifier.value)))
    facts = QuantityFacts(Amount.of(asserted), outlet_list([ev for ev, _ in used], sources), reported)
    return Finding(claim.claim_id, "quantity", best, tuple(ev.evidence_id for ev, _ in used), facts,
                   (("asserted", asserted.value), ("reported", used[0][1].value)),
                   tuple(Comparison(ev.evidence_id, o.value, amount=Amount.of(q)) for o, ev, q in outcomes))


# --- dates -----------------------------------------------------------------------------------

def implied_date(ev: Evidence) -> dt.date | None:
    """The date a row establishes: its as-of date, or as-of plus a span (« over the next four years »)."""
    if ev.as_of is None:
        return None
    if ev.unit == "years" and ev.value is not None:
        return ev.as_of.replace(year=ev.as_of.year + int(ev.value))
    return ev.as_of


def check_date(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    asserted = claimed_date(claim)
    dated = [(ev, d) for link, ev in pairs if link.stance != "context" and (d := implied_date(ev))]
    if not dated:
        return _no_evidence(claim, "date")
    agreeing = [(ev, d) for ev, d in dated if asserted.matches(d)]
    differing = [(ev, d) for ev, d in dated if not asserted.matches(d)]
    outcome = Outcome.MATCH if agreeing and not differing else Outcome.PARTIAL if agreeing else Outcome.MISMATCH

    def days(rows: list[tuple[Evidence, dt.date]]) -> tuple[dt.date, ...]:
        return tuple(sorted({d for _, d in rows}))

    facts = DateFacts(asserted, outlet_list([ev for ev, _ in agreeing], sources), days(agreeing),
                      outlet_list([ev for ev, _ in differing], sources), days(differing))
    return Finding(claim.claim_id, "date", outcome, tuple(ev.evidence_id for ev, _ in dated), facts, (),
                   tuple(Comparison(ev.evidence_id, "match" if asserted.matches(d) else "mismatch", date=d)
                         for ev, d in dated))


def claimed_date(claim: Claim) -> PartialDate:
    if not claim.value_in_quote:
        raise ValueError(f"claim {claim.claim_id} has no value_in_quote to parse")
    return parse_date_fr(claim.value_in_quote)


# --- words: places, titles, attributed quotes ------------------------------------------------

def fold(text: str) -> str:
    """Text as compared: case, compatibility forms, curly quotes and runs of white space aside."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.casefold().split())


def check_terms(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    """Each term the claim needs (a place, a title, the words of a quote) must stand in a supporting quote.

    A speaker's name is a term like any other, but it never confirms on its own: a source confirms the claim
    only with a quote that holds at least one of the claim's other terms."""
    if not claim.terms:
        raise ValueError(f"claim {claim.claim_id} uses the terms check but has no check_terms")
    speakers = {fold(s) for s in (claim.speaker or "").split(";") if s.strip()}
    names = {t for t in claim.terms if any(fold(t) in s for s in speakers)}
    words = [t for t in claim.terms if t not in names] or list(claim.terms)
    supporting = [ev for link, ev in pairs if link.stance == "supports"]
    against = [ev for link, ev in pairs if link.stance in ("contradicts", "qualifies")]
    confirming = [ev for ev in supporting if any(fold(t) in fold(ev.quote) for t in words)]
    present = [t for t in claim.terms if any(fold(t) in fold(ev.quote) for ev in confirming)]
    missing = [t for t in claim.terms if t not in present]
    if not supporting and not against:
        return _no_evidence(claim, "terms")
    if present and not missing:
        outcome = Outcome.PARTIAL if against else Outcome.MATCH
    else:
        outcome = Outcome.PARTIAL if present else (Outcome.CONTRADICTED if against else Outcome.MISMATCH)
    facts = TermsFacts(tuple(present), tuple(missing), outlet_list(confirming, sources), outlet_list(against, sources))
    used = tuple(ev.evidence_id for ev in confirming) + tuple(ev.evidence_id for ev in against)
    return Finding(claim.claim_id, "terms", outcome, used, facts)


# --- stance: events and statuses, judged row by row in claim_evidence.csv ---------------------

def check_stance(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    """Each evidence row's stance is a fact-checker's reading, recorded in claim_evidence.csv; this
    combines them: confirmed, confirmed with a caveat, disputed, contradicted, or neither."""
    by = {s: [ev for link, ev in pairs if link.stance == s] for s in ("supports", "contradicts", "qualifies")}
    if not any(by.values()):
        return _no_evidence(claim, "stance")
    if by["supports"] and by["contradicts"]:
        outcome = Outcome.PARTIAL
    elif by["contradicts"]:
        outcome = Outcome.CONTRADICTED
    elif by["supports"]:
        outcome = Outcome.QUALIFIED if by["qualifies"] else Outcome.MATCH
    else:
        outcome = Outcome.UNESTABLISHED
    facts = StanceFacts(*(outlet_list(by[s], sources) for s in ("supports", "contradicts", "qualifies")))
    return Finding(claim.claim_id, "stance", outcome, tuple(ev.evidence_id for evs in by.values() for ev in evs),
                   facts)


# --- dispatch ---------------------------------------------------------------------------------

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
