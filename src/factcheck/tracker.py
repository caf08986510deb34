"""The pledge tracker: each promise's status, computed from dated, sourced evidence by written rules.

This is a different question from the verdicts: a verdict says whether the article was right when it was
written; the tracker says what has happened since. Nothing here changes a verdict.

Money is counted by *outlay* (one deal, however many reports of it) at its most advanced stage (announced <
committed < disclosed as spent) and at the latest figure reported for it. Only disclosed spending, and for
jobs only jobs reported as created, is *delivered*; each tracker row says whether it counts (yes), counts in
part (a stake in a US company, a purchase that transfers ownership) or does not count, and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .checks import implied_date
from .data import Dataset, Evidence, Promise, TrackerRow
from .quantities import to_base

STATUSES = ("Not yet rated", "In the works", "Stalled", "Compromise", "Kept", "Broken", "Unverifiable")
STATUS_DEFINITIONS = {
    "Not yet rated": "No dated, sourced evidence of progress toward the promise has been found yet.",
    "In the works": "Before the deadline, with sourced evidence of money committed or spent (or jobs created) "
                    "within the year before the as-of date.",
    "Stalled": "Before the deadline, but the latest evidence of progress is more than a year older than the "
               "as-of date.",
    "Compromise": "After the deadline, the promise was partly met: what was delivered, counting what counts only "
                  "in part, reaches at least half the target.",
    "Kept": "What counts as delivered reaches the target.",
    "Broken": "After the deadline, what was delivered falls short of half the target.",
    "Unverifiable": "After the deadline, no sourced figure measures what was delivered.",
}
STATUS_RULES = (
    "Kept when what counts as delivered reaches the target, whatever the date.",
    "Before the deadline: Not yet rated without evidence of progress; Stalled when the latest progress is more "
    "than a year old; otherwise In the works.",
    "After the deadline: Compromise when delivered plus what counts in part reaches half the target; Broken when "
    "a sourced figure shows less; Unverifiable when no sourced figure measures it.",
)
STATUS_NAMES_FR = {"Not yet rated": "Pas encore évaluée", "In the works": "En cours", "Stalled": "Au point mort",
                   "Compromise": "Compromis", "Kept": "Tenue", "Broken": "Rompue", "Unverifiable": "Invérifiable"}
"""Each status in the French edition, as French trackers of promises name them (of « la promesse »)."""
STATUS_DEFINITIONS_FR = {
    "Not yet rated": "Aucune preuve datée et sourcée d'avancée vers la promesse n'a encore été trouvée.",
    "In the works": "Avant l'échéance, avec des preuves sourcées d'argent engagé ou dépensé (ou d'emplois créés) "
                    "dans l'année qui précède la date d'évaluation.",
    "Stalled": "Avant l'échéance, mais la dernière preuve d'avancée date de plus d'un an avant la date "
               "d'évaluation.",
    "Compromise": "Après l'échéance, la promesse a été tenue en partie : ce qui a été réalisé, en comptant ce qui "
                  "ne compte qu'en partie, atteint au moins la moitié de l'objectif.",
    "Kept": "Ce qui compte comme réalisé atteint l'objectif.",
    "Broken": "Après l'échéance, ce qui a été réalisé reste en deçà de la moitié de l'objectif.",
    "Unverifiable": "Après l'échéance, aucun chiffre sourcé ne mesure ce qui a été réalisé.",
}
STATUS_RULES_FR = (
    "Tenue quand ce qui compte comme réalisé atteint l'objectif, quelle que soit la date.",
    "Avant l'échéance : Pas encore évaluée sans preuve d'avancée ; Au point mort quand la dernière avancée date de "
    "plus d'un an ; sinon En cours.",
    "Après l'échéance : Compromis quand le réalisé, plus ce qui compte en partie, atteint la moitié de l'objectif ; "
    "Rompue quand un chiffre sourcé montre moins ; Invérifiable quand aucun chiffre sourcé ne le mesure.",
)
PROGRESS_WINDOW = dt.timedelta(days=365)
STAGES = ("announced", "committed", "disclosed_spent")
DELIVERED = {"money": "disclosed_spent", "jobs": "jobs_reported"}


@dataclass(frozen=True)
class Entry:
    """A tracker row with its evidence: the date and figure come from the quoted source."""

    row: TrackerRow
    evidence: Evidence

    @property
    def date(self) -> dt.date:
        return self.evidence.as_of

    @property
    def amount(self) -> float | None:
        if self.evidence.value is None or self.evidence.unit is None:
            return None
        return to_base(self.evidence.value, self.evidence.unit)[0]


@dataclass(frozen=True)
class Outlay:
    """One deal, however many reports of it: its latest stage, figure and date."""

    outlay_id: str
    stage: str
    counts: str
    amount: float
    date: dt.date
    evidence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    date: dt.date
    status: str
    evidence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    """The figures on one date: delivered, delivered in part, and announced or committed but not yet paid."""

    date: dt.date
    delivered: float
    delivered_in_part: float
    pending: float


@dataclass(frozen=True)
class Standing:
    """Where a promise stands on its as-of date, and how it got there."""

    promise: Promise
    measure: str  # "money" or "jobs"
    unit: str  # "USD" or "jobs"
    target: float
    deadline: dt.date
    as_of: dt.date
    status: str
    delivered: float
    delivered_in_part: float
    pending: float  # announced or committed, not yet shown as spent
    entries: tuple[Entry, ...]
    outlays: tuple[Outlay, ...]
    history: tuple[Change, ...]
    timeline: tuple[Point, ...]  # the figures on each date with evidence: what the chart draws


def target_of(promise: Promise, evidence: dict[str, Evidence]) -> tuple[float, str]:
    ev = evidence[promise.target_evidence_id]
    if ev.value is None or ev.unit is None:
        raise ValueError(f"{promise.promise_id}: its target row {ev.evidence_id} states no figure")
    return to_base(ev.value, ev.unit)


def deadline_of(promise: Promise, evidence: dict[str, Evidence]) -> dt.date:
    date = implied_date(evidence[promise.deadline_evidence_id])
    if date is None:
        raise ValueError(f"{promise.promise_id}: its deadline row {promise.deadline_evidence_id} has no date")
    return date


def outlays(entries: Iterable[Entry]) -> tuple[Outlay, ...]:
    """Group the rows that report money or jobs by deal; each deal at its latest stage and figure."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        if e.row.kind in (*STAGES, "jobs_reported"):
            groups.setdefault(e.row.outlay_id or e.row.evidence_id, []).append(e)
    out = []
    for key, group in groups.items():
        figures = [e for e in group if e.amount is not None]
        if not figures:
            continue  # a report of progress with no figure yet ("the deal closed"): it dates, it does not count
        latest = max(e.date for e in figures)
        valued = max((e for e in figures if e.date == latest), key=lambda e: e.amount)  # the latest, largest report
        stage = max((e.row.kind for e in group), key=lambda k: STAGES.index(k) if k in STAGES else len(STAGES))
        counts = min((e.row.counts for e in group), key=("no", "partly", "yes").index)
        out.append(Outlay(key, stage, counts, valued.amount, max(e.date for e in group),
                          tuple(e.row.evidence_id for e in group)))
    return tuple(sorted(out, key=lambda o: o.date))


def status_of(target: float, deadline: dt.date, as_of: dt.date, delivered: float, in_part: float,
              last_progress: dt.date | None, measured: bool) -> str:
    """The written rules (:data:`STATUS_RULES`), as a pure function of the figures."""
    if delivered >= target:
        return "Kept"
    if as_of > deadline:
        if delivered + in_part >= target / 2:
            return "Compromise"
        return "Broken" if measured else "Unverifiable"
    if last_progress is None:
        return "Not yet rated"
    if as_of - last_progress > PROGRESS_WINDOW:
        return "Stalled"
    return "In the works"


def _measure(unit: str) -> str:
    return "jobs" if unit == "jobs" else "money"


def standing_at(promise: Promise, entries: Sequence[Entry], evidence: dict[str, Evidence], as_of: dt.date
                ) -> tuple[str, float, float, float, tuple[Outlay, ...]]:
    target, unit = target_of(promise, evidence)
    delivered_stage = DELIVERED[_measure(unit)]
    known = [e for e in entries if e.date <= as_of]
    deals = outlays(known)
    delivered = sum(o.amount for o in deals if o.stage == delivered_stage and o.counts == "yes")
    in_part = sum(o.amount for o in deals if o.stage == delivered_stage and o.counts == "partly")
    pending = sum(o.amount for o in deals if o.stage != delivered_stage and o.counts != "no")
    progress = [o.date for o in deals if o.counts != "no"]
    measured = any(o.stage == delivered_stage for o in deals)
    status = status_of(target, deadline_of(promise, evidence), as_of, delivered, in_part,
                       max(progress) if progress else None, measured)
    return status, delivered, in_part, pending, deals


def standing(dataset: Dataset, promise: Promise) -> Standing:
    evidence = {e.evidence_id: e for e in dataset.evidence}
    entries = tuple(sorted((Entry(r, evidence[r.evidence_id]) for r in dataset.tracker
                            if r.promise_id == promise.promise_id), key=lambda e: (e.date, e.row.evidence_id)))
    target, unit = target_of(promise, evidence)
    as_of = max([promise.made_on, *(e.date for e in entries)])
    deadline = deadline_of(promise, evidence)
    days = {promise.made_on, *(e.date for e in entries)}
    if deadline < as_of:
        days.add(deadline + dt.timedelta(days=1))  # the status changes the day after the deadline, evidence or not
    history: list[Change] = []
    timeline: list[Point] = []
    for day in sorted(days):
        status, delivered, in_part, pending, _ = standing_at(promise, entries, evidence, day)
        timeline.append(Point(day, delivered, in_part, pending))
        if not history or history[-1].status != status:
            history.append(Change(day, status, tuple(e.row.evidence_id for e in entries if e.date == day)))
    status, delivered, in_part, pending, deals = standing_at(promise, entries, evidence, as_of)
    return Standing(promise, _measure(unit), unit, target, deadline, as_of, status,
                    delivered, in_part, pending, entries, deals, tuple(history), tuple(timeline))


def all_standings(dataset: Dataset) -> tuple[Standing, ...]:
    return tuple(standing(dataset, p) for p in dataset.promises)
