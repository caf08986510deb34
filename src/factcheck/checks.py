"""Pure checks: (claim, its evidence) → a :class:`Finding` a reader can follow.

Every check is a function of records only: no file is read here, so each can be tested on records
built in the test itself. :func:`run_check` picks the check a claim names in ``claims.csv``.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from . import french, money
from .data import Claim, Dataset, Evidence, FxRate, Link, Source
from .quantities import PartialDate, Qualifier, Quantity, parse_date_fr, parse_quantity_fr, to_base
from .language import EN, FR, Language

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
    reported: str  # what the row reports, in English
    reported_fr: str
    outcome: str


@dataclass(frozen=True)
class Finding:
    """What one check established, in a sentence, with the evidence rows it relied on."""

    claim_id: str
    check: str
    outcome: str
    sentence: str  # the reason for the default rating, in English
    sentence_fr: str  # the same reason, from the French template
    evidence_ids: tuple[str, ...]
    figures: tuple[tuple[str, float], ...] = field(default=())
    comparisons: tuple[Comparison, ...] = field(default=())

    def figure(self, name: str) -> float:
        return dict(self.figures)[name]

    def sentence_in(self, lang: Language) -> str:
        return lang(en=self.sentence, fr=self.sentence_fr)


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
        return _no_evidence(claim, "quantity", lambda L: L(
            en=f"no source gives a figure in {asserted.unit} for this claim",
            fr=f"aucune source ne donne de chiffre en {french.amount(2, asserted.unit).split()[-1]} pour cette affirmation"))
    outcomes = [(compare_quantity(asserted, q, tolerance), ev, q) for _, ev, q in numeric]
    best = min(outcomes, key=lambda o: _RANK[o[0]])[0]
    used = [(ev, q) for o, ev, q in outcomes if o == best]
    outlets = outlet_list([ev for ev, _ in used], sources)

    def text(L: Language) -> str:
        said, one = outlets.render(L), outlets.single
        reported, claimed = L.join(sorted({q.describe(L) for _, q in used})), asserted.describe(L)
        if L.code == "en":
            verb = "reports" if one else "report"
            return {"match": f"{said} {verb} {reported}, as the article says",
                    "qualifier_unsupported": f"{said} {verb} {reported}, but {'it does not' if one else 'none of them'} "
                                             f"say “{asserted.qualifier.en}”",
                    "approximate": f"{said} {verb} {reported}: close to the article's {claimed}, but not the same figure",
                    "mismatch": f"{said} {verb} {reported}, not the article's {claimed}"}[best]
        verb = "rapporte" if one else "rapportent"
        return {"match": f"{said} {verb} {reported}, comme l'article",
                "qualifier_unsupported": f"{said} {verb} {reported}, mais {'ne dit pas' if one else 'aucun ne dit'} "
                                         f"{L.quoted(asserted.qualifier.fr)}",
                "approximate": f"{said} {verb} {reported} : un chiffre proche de celui de l'article ({claimed}), "
                               "mais pas le même",
                "mismatch": f"{said} {verb} {reported}, et non {claimed} comme l'article"}[best]

    return _finding(claim, "quantity", best, text, tuple(ev.evidence_id for ev, _ in used),
                    (("asserted", asserted.value), ("reported", used[0][1].value)),
                    tuple(Comparison(ev.evidence_id, q.describe(EN), q.describe(FR), o) for o, ev, q in outcomes))


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
        return _no_evidence(claim, "date", lambda L: L(en="no source dates this", fr="aucune source ne la date"))
    agreeing = [(ev, d) for _, ev, d in dated if asserted.matches(d)]
    differing = [(ev, d) for _, ev, d in dated if not asserted.matches(d)]
    outcome = "match" if agreeing and not differing else "partial" if agreeing else "mismatch"

    def text(L: Language) -> str:
        def dating(rows: list[tuple[Evidence, dt.date]]) -> str:
            outlets = outlet_list([ev for ev, _ in rows], sources)
            days = L.join([L.date(d) for d in sorted({d for _, d in rows})])
            return L(en=f"{outlets.render(L)} {'dates' if outlets.single else 'date'} it to {days}",
                     fr=f"{outlets.render(L)} {'la date' if outlets.single else 'la datent'} du {days}")

        return {"match": L(en=f"{dating(agreeing)}, as the article does", fr=f"{dating(agreeing)}, comme l'article"),
                "partial": L(en=f"{dating(agreeing)}, but {dating(differing)}",
                             fr=f"{dating(agreeing)}, mais {dating(differing)}"),
                "mismatch": L(en=f"{dating(differing)}, not {asserted.describe(L)}",
                              fr=f"{dating(differing)}, et non {asserted.describe(L)}")}[outcome]

    return _finding(claim, "date", outcome, text, tuple(ev.evidence_id for _, ev, _ in dated), (),
                    tuple(Comparison(ev.evidence_id, EN.date(d), FR.date(d),
                                     "match" if asserted.matches(d) else "mismatch") for _, ev, d in dated))


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
        return _no_evidence(claim, "terms", lambda L: L(en="no source quotes these words",
                                                        fr="aucune source ne cite ces mots"))
    used = tuple(dict.fromkeys(ev.evidence_id for evs in found.values() for ev in evs))
    if present and not missing:
        outcome = "partial" if against else "match"
    else:
        outcome = "partial" if present else ("contradicted" if against else "mismatch")
    confirming = outlet_list([ev for t in present for ev in found[t]], sources)
    objecting = outlet_list(against, sources)

    def text(L: Language) -> str:
        words = L.join([L.quoted(t) for t in present])
        one, few = confirming.single, objecting.single
        confirm = L(en=f"{confirming.render(L)} {'confirms' if one else 'confirm'} it in the same words ({words})",
                    fr=f"{confirming.render(L)} {'la confirme' if one else 'la confirment'} dans les mêmes termes ({words})")
        objection = L(en=f"{objecting.render(L)} {'qualifies' if few else 'qualify'} or contradict{'s' if few else ''} it",
                      fr=f"{objecting.render(L)} {'la nuance ou la contredit' if few else 'la nuancent ou la contredisent'}")
        unconfirmed = L(en="no source confirms ", fr="aucune source ne confirme ") + L.join([L.quoted(t) for t in missing])
        return {"match": confirm,
                "partial": L(en=f"{confirm}, but ", fr=f"{confirm}, mais ")
                + (objection if against and not missing else unconfirmed),
                "contradicted": L(en=f"{objection}, and {unconfirmed}", fr=f"{objection}, et {unconfirmed}"),
                "mismatch": unconfirmed}[outcome]

    return _finding(claim, "terms", outcome, text, used + tuple(ev.evidence_id for ev in against))


# --- stance: events and statuses, judged row by row in claim_evidence.csv ---------------------

def check_stance(claim: Claim, pairs: Sequence[Pair], sources: dict[str, Source]) -> Finding:
    """Each evidence row's stance is a fact-checker's reading, recorded in claim_evidence.csv; this
    combines them: confirmed, confirmed with a caveat, disputed, contradicted, or neither."""
    by = {s: [ev for link, ev in pairs if link.stance == s] for s in ("supports", "contradicts", "qualifies")}
    if not any(by.values()):
        return _no_evidence(claim, "stance", lambda L: L(en="no source we found bears on it directly",
                                                         fr="aucune source trouvée ne porte directement sur elle"))
    said = {s: outlet_list(evs, sources) for s, evs in by.items() if evs}
    if by["supports"] and by["contradicts"]:
        outcome = "partial"
    elif by["contradicts"]:
        outcome = "contradicted"
    elif by["supports"]:
        outcome = "qualified" if by["qualifies"] else "match"
    else:
        outcome = "unestablished"

    def text(L: Language) -> str:
        def verb(stance: str, singular: str, plural: str) -> str:
            return f"{said[stance].render(L)} {singular if said[stance].single else plural}"

        if outcome == "partial":
            return L(en=f"{verb('supports', 'confirms', 'confirm')} part of it, but ",
                     fr=f"{verb('supports', 'en confirme', 'en confirment')} une partie, mais ") + \
                L(en=verb("contradicts", "contradicts", "contradict") + " it",
                  fr=verb("contradicts", "la contredit", "la contredisent"))
        if outcome == "contradicted":
            return L(en=verb("contradicts", "contradicts", "contradict") + " it",
                     fr=verb("contradicts", "la contredit", "la contredisent"))
        confirmed = L(en=verb("supports", "confirms", "confirm") + " it", fr=verb("supports", "la confirme", "la confirment")) \
            if by["supports"] else ""
        if outcome == "qualified":
            return L(en=f"{confirmed}, and {verb('qualifies', 'adds', 'add')} a caveat",
                     fr=f"{confirmed}, et {verb('qualifies', 'y apporte une réserve', 'y apportent une réserve')}")
        if outcome == "match":
            return confirmed
        return L(en=f"no source establishes or refutes it; {verb('qualifies', 'reports', 'report')} only related facts",
                 fr="aucune source ne l'établit ni ne la réfute ; "
                    + verb("qualifies", "ne rapporte que des faits connexes", "ne rapportent que des faits connexes"))

    return _finding(claim, "stance", outcome, text, tuple(ev.evidence_id for evs in by.values() for ev in evs))


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
        return _no_evidence(claim, "metric_match", lambda L: L(en="no reported figure to compare it with",
                                                               fr="aucun chiffre publié auquel la comparer"))
    close = [c for c in candidates if abs(c.relative_gap) <= tolerance]
    nearest = candidates[0]
    outcome = "match" if close else "no_metric_match"

    def text(L: Language) -> str:
        n, within, claimed = L.number_word(len(candidates)), L.percent(tolerance), asserted.describe(L)
        nearest_text = L(en=f"{gap_phrase(nearest.relative_gap, L)} the nearest, ",
                         fr=f"{gap_phrase(nearest.relative_gap, L)} au plus proche, ") + \
            f"{metric_on(nearest, L)} ({L.amount(nearest.usd, 'USD')})"
        names = L.join([metric_on(c, L) for c in close])
        if close:
            return L(en=f"of the {n} figures SoftBank reported, {names} {'comes' if len(close) == 1 else 'come'} "
                        f"within {within} of {claimed}",
                     fr=f"sur les {n} chiffres publiés par SoftBank, {names} "
                        f"{'se situe' if len(close) == 1 else 'se situent'} à moins de {within} de {claimed}")
        return L(en=f"none of the {n} figures SoftBank reported comes within {within} of {claimed}: {nearest_text}",
                 fr=f"aucun des {n} chiffres publiés par SoftBank ne se situe à moins de {within} de {claimed} : "
                    f"{nearest_text}")

    def reported(c: MetricCandidate, L: Language) -> str:
        rate = L(en=f" at ¥{c.jpy_per_usd:,.2f}/$", fr=f" à {L.number(c.jpy_per_usd)} ¥/$")
        return f"{metric_name(c.metric, L)} {L.amount(c.usd, 'USD')}" + (rate if c.jpy_per_usd == c.jpy_per_usd else "")

    return _finding(claim, "metric_match", outcome, text, tuple(c.evidence_id for c in candidates),
                    (("asserted", asserted.value), ("nearest_usd", nearest.usd)),
                    tuple(Comparison(c.evidence_id, reported(c, EN), reported(c, FR),
                                     "match" if abs(c.relative_gap) <= tolerance else "mismatch") for c in candidates))


def gap_phrase(relative_gap: float, L: Language = EN, short: bool = False) -> str:
    """(article − reported) / reported, said with its direction: 'the article's figure is 6% below'; ``short``
    for a table column about the article's figure: '6% below'."""
    if abs(relative_gap) < 0.0005:
        return L(en="equal", fr="égal") if short else \
            L(en="the article's figure equals it", fr="le chiffre de l'article lui est égal")
    size = L.percent(abs(relative_gap), 1 if abs(relative_gap) < 0.1 else 0)  # 5.2%, not 5%
    direction = L(en=f"{size} {'below' if relative_gap < 0 else 'above'}",
                  fr=f"{'inférieur' if relative_gap < 0 else 'supérieur'} de {size}")
    return direction if short else L(en=f"the article's figure is {direction}", fr=f"le chiffre de l'article est {direction}")


METRIC_NAMES_FR = {"net_asset_value": "actif net réévalué", "total_assets": "total de l'actif",
                   "equity_value_of_holdings": "valeur des participations", "ltv": "ratio LTV",
                   "cash_position": "liquidités"}
"""The French names of the measures SoftBank reports that a metric check compares (``evidence.metric``)."""


def metric_name(metric: str, L: Language = EN) -> str:
    return L(en=metric.replace("_", " "), fr=METRIC_NAMES_FR.get(metric, metric.replace("_", " ")))


def metric_on(c: MetricCandidate, L: Language) -> str:
    return L(en=f"{metric_name(c.metric, L)} on {L.date(c.as_of)}", fr=f"{metric_name(c.metric, L)} au {L.date(c.as_of)}")


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

    def render(self, L: Language) -> str:
        shown, rest = list(self.names[:NAMED_OUTLETS]), len(self.names) - NAMED_OUTLETS
        if rest > 0:
            return ", ".join(shown) + L(en=f" and {L.number_word(rest)} other{'s' if rest > 1 else ''}",
                                        fr=f" et {L.number_word(rest)} autre{'s' if rest > 1 else ''}")
        return L.join(shown)

    def __str__(self) -> str:
        return self.render(EN)


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


def _finding(claim: Claim, check: str, outcome: str, text: Callable[[Language], str], evidence_ids: tuple[str, ...],
             figures: tuple = (), comparisons: tuple = ()) -> Finding:
    """A finding with its sentence written from each language's template."""
    return Finding(claim.claim_id, check, outcome, sentence(text(EN)), sentence(text(FR)), evidence_ids, figures,
                   comparisons)


def _no_evidence(claim: Claim, check: str, why: Callable[[Language], str]) -> Finding:
    return _finding(claim, check, "no_evidence", why, ())


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
