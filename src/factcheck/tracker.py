"""The pledge tracker: each promise's status, computed from dated, sourced evidence by written rules.

This is a different question from the verdicts: a verdict says whether the article was right when it was
written; the tracker says what has happened since. Nothing here changes a verdict.

Money is counted by *deal* (one agreement, however many reports of it):

- each payment of a deal is counted once, at its latest report (a later report of the same payment replaces
  it), and the deal's payments add up;
- what a deal commits or announces is its latest such report, and it shrinks by the payments made against it;
- what counts, counts in part, or does not count follows from the deal's *basis* (:data:`BASES`): new money
  spent in the United States counts; a stake in a US company, or a purchase of a company or plant that already
  existed, counts in part; money spent abroad or by others does not;
- a row whose source has no identifiable original (an anonymous rewrite) never counts, as on claim pages.

Jobs are counted the same way, by the latest report of each deal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .checks import implied_date
from .data import Dataset
from .quantities import to_base
from .records import Evidence, Promise, Source, TrackerRow

STATUSES = ("Not yet rated", "In the works", "Stalled", "Compromise", "Kept", "Broken", "Unverifiable")
PROGRESS_WINDOW = dt.timedelta(days=365)
PROMISED = ("announced", "committed")
FIGURES = (*PROMISED, "paid", "jobs_reported")  # the kinds of row that carry a deal's figures
BASES = {"new_in_us": "yes", "stake": "partly", "purchase": "partly", "outside_us": "no", "not_softbank": "no",
         "existing_jobs": "no"}
"""What a deal's basis counts for: new money (or new jobs) in the United States counts; a stake in a US company,
or buying a company or plant that already existed, counts in part; money abroad, others' money and jobs that
already existed do not."""


@dataclass(frozen=True)
class Entry:
    """A tracker row with its evidence: the date and figure come from the quoted source."""

    row: TrackerRow
    evidence: Evidence
    anonymous: bool = False  # its source has no identifiable original: shown, never counted

    @property
    def date(self) -> dt.date:
        return self.evidence.as_of

    @property
    def amount(self) -> float | None:
        if self.evidence.value is None or self.evidence.unit is None:
            return None
        return to_base(self.evidence.value, self.evidence.unit)[0]

    @property
    def counts(self) -> str:
        """yes, partly or no: by the deal's basis; never for a row with no identifiable original."""
        return "no" if self.anonymous or not self.row.basis else BASES[self.row.basis]


@dataclass(frozen=True)
class Payment:
    """One payment of a deal, at its latest report."""

    name: str
    amount: float
    date: dt.date
    evidence_ids: tuple[str, ...]


@dataclass(frozen=True)
class Deal:
    """One deal, however many reports of it: what it promised, what was paid against it, what remains."""

    deal_id: str
    basis: str
    counts: str
    stage: str  # announced, committed, paid or jobs_reported: the most advanced report
    promised: float | None  # the latest commitment or announcement, if any gave a figure
    payments: tuple[Payment, ...]
    date: dt.date  # the latest report of the deal
    evidence_ids: tuple[str, ...]
    promised_exact: bool = True  # its commitment's report gives the figure exactly, not "about" or "up to" it

    @property
    def paid(self) -> float:
        return sum(p.amount for p in self.payments)

    @property
    def pending(self) -> float:
        """Promised and not yet paid: a commitment shrinks by the payments made against it."""
        return max((self.promised or 0.0) - self.paid, 0.0)


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
    as_of: dt.date  # the newest evidence the status rests on ("Updated")
    checked: dt.date  # the day the status is rated on: the book's "checked up to" date
    status: str
    delivered: float
    delivered_in_part: float
    pending: float  # announced or committed, not yet shown as paid
    measured: bool  # some deal reports a figure of what was delivered
    entries: tuple[Entry, ...]
    deals: tuple[Deal, ...]
    history: tuple[Change, ...]
    timeline: tuple[Point, ...]  # the figures on each date with evidence: what the chart draws

    @property
    def pending_exact(self) -> bool:
        """No sum still pending was reported as "about" or "up to" it: the total pending may be said plainly."""
        return all(d.promised_exact for d in self.deals if d.counts != "no" and d.pending)

    @property
    def reported(self) -> bool:
        """Some report of a deal that counts: the status rests on dated evidence, not on its absence."""
        return any(d.counts != "no" for d in self.deals)


def target_of(promise: Promise, evidence: Mapping[str, Evidence]) -> tuple[float, str]:
    ev = evidence[promise.target_evidence_id]
    if ev.value is None or ev.unit is None:
        raise ValueError(f"{promise.promise_id}: its target row {ev.evidence_id} states no figure")
    return to_base(ev.value, ev.unit)


def deadline_of(promise: Promise, evidence: Mapping[str, Evidence]) -> dt.date:
    date = implied_date(evidence[promise.deadline_evidence_id])
    if date is None:
        raise ValueError(f"{promise.promise_id}: its deadline row {promise.deadline_evidence_id} has no date")
    return date


def _latest(entries: Sequence[Entry]) -> Entry | None:
    """The latest report with a figure: a later report of the same thing replaces an earlier one."""
    valued = [e for e in entries if e.amount is not None]
    return max(valued, key=lambda e: (e.date, e.amount)) if valued else None


def deal_of(deal_id: str, entries: Sequence[Entry]) -> Deal | None:
    """One deal from its counting reports, by the rules above; None if no report gives a figure."""
    promised = _latest([e for e in entries if e.row.kind in PROMISED])
    payments = []
    reports = [e for e in entries if e.row.kind in ("paid", "jobs_reported")]
    names = list(dict.fromkeys(e.row.payment or e.row.kind for e in reports))
    for name in names:
        same = [e for e in reports if (e.row.payment or e.row.kind) == name]
        latest = _latest(same)
        # The one payment of a deal, reported with no figure (a purchase closed), pays its commitment in full; one
        # payment among several with no figure of its own is dated, never counted.
        amount = latest.amount if latest else (promised.amount if promised and len(names) == 1 else None)
        if amount is not None:
            payments.append(Payment(name, amount, max(e.date for e in same), tuple(e.row.evidence_id for e in same)))
    if promised is None and not payments:
        return None  # a report of progress with no figure yet: it dates, it does not count
    kinds = [e.row.kind for e in entries]
    stage = next(k for k in ("jobs_reported", "paid", "committed", "announced") if k in kinds)
    return Deal(deal_id, entries[0].row.basis or "", entries[0].counts, stage, promised.amount if promised else None,
                tuple(payments), max(e.date for e in entries), tuple(e.row.evidence_id for e in entries),
                promised is None or (promised.evidence.qualifier or "exact") == "exact")


def deals(entries: Iterable[Entry]) -> tuple[Deal, ...]:
    """The deals the counting rows report, each once."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        if e.row.kind in FIGURES and not e.anonymous:
            groups.setdefault(e.row.deal_id or e.row.evidence_id, []).append(e)
    found = (deal_of(key, group) for key, group in groups.items())
    return tuple(sorted((d for d in found if d is not None), key=lambda d: (d.date, d.deal_id)))


def status_of(target: float, deadline: dt.date, on: dt.date, delivered: float, in_part: float,
              last_progress: dt.date | None, measured: bool) -> str:
    """The written rules (:func:`factcheck.render.method.status_rules`), as a pure function of the figures on a day.

    Kept when what counts reaches the target. After the deadline: Compromise at half the target (counting what
    counts in part), Broken below it when a figure measures it, Unverifiable when none does. Before it: Not yet
    rated while no dated progress has been found at all, however old the promise; Stalled when the latest
    progress is more than a year old; In the works otherwise: a year without progress stalls only a promise that
    has made some."""
    if delivered >= target:
        return "Kept"
    if on > deadline:
        if delivered + in_part >= target / 2:
            return "Compromise"
        return "Broken" if measured else "Unverifiable"
    if last_progress is None:
        return "Not yet rated"
    return "Stalled" if on - last_progress > PROGRESS_WINDOW else "In the works"


@dataclass(frozen=True)
class Tally:
    status: str
    delivered: float
    delivered_in_part: float
    pending: float
    measured: bool
    deals: tuple[Deal, ...]


def tally(promise: Promise, target: float, deadline: dt.date, entries: Sequence[Entry], on: dt.date) -> Tally:
    """The figures and the status from what was known on ``on``."""
    known = deals(e for e in entries if e.date <= on)
    delivered = sum(d.paid for d in known if d.counts == "yes")
    in_part = sum(d.paid for d in known if d.counts == "partly")
    pending = sum(d.pending for d in known if d.counts != "no")
    progress = [d.date for d in known if d.counts != "no"]
    measured = any(d.payments for d in known if d.counts != "no")  # a figure of what others did measures nothing
    status = status_of(target, deadline, on, delivered, in_part, max(progress) if progress else None, measured)
    return Tally(status, delivered, in_part, pending, measured, known)


def _measure(unit: str) -> str:
    return "jobs" if unit == "jobs" else "money"


def entries_of(dataset: Dataset, promise: Promise) -> tuple[Entry, ...]:
    evidence = {e.evidence_id: e for e in dataset.evidence}
    sources: dict[str, Source] = {s.source_id: s for s in dataset.sources}
    rows = (r for r in dataset.tracker if r.promise_id == promise.promise_id)
    return tuple(sorted((Entry(r, evidence[r.evidence_id], sources[evidence[r.evidence_id].source_id].anonymous)
                         for r in rows), key=lambda e: (e.date, e.row.evidence_id)))


def counting(entries: Iterable[Entry], known: Iterable[Deal]) -> tuple[Entry, ...]:
    """The reports a status can rest on: the rows of the deals that count, in whole or in part (never a statement,
    a doubt, a row with no identifiable original, or a deal that counts for nothing)."""
    counted = {d.deal_id for d in known if d.counts != "no"}
    return tuple(e for e in entries if e.row.kind in FIGURES and not e.anonymous
                 and (e.row.deal_id or e.row.evidence_id) in counted)


def checked_up_to(dataset: Dataset) -> dt.date:
    """The book's "checked up to" date: the last day a source was read."""
    return max(s.date_accessed for s in dataset.sources)


def standing(dataset: Dataset, promise: Promise) -> Standing:
    evidence = {e.evidence_id: e for e in dataset.evidence}
    entries = entries_of(dataset, promise)
    target, unit = target_of(promise, evidence)
    deadline = deadline_of(promise, evidence)
    # What the status rests on: the newest report of a deal that counts; the promise itself when none does.
    as_of = max([promise.made_on, *(e.date for e in counting(entries, deals(entries)))])
    checked = max(checked_up_to(dataset), as_of)
    # The status can change on a day with evidence, the day after the deadline, or a year after a day of progress.
    known = {promise.made_on, *(e.date for e in entries)}
    days = known | {deadline + dt.timedelta(days=1)} | {d + PROGRESS_WINDOW + dt.timedelta(days=1) for d in known}
    history: list[Change] = []
    timeline: list[Point] = []
    for day in sorted(d for d in days if d <= checked):
        t = tally(promise, target, deadline, entries, day)
        if day in known:
            timeline.append(Point(day, t.delivered, t.delivered_in_part, t.pending))
        if not history or history[-1].status != t.status:
            # The day's reports the change rests on: those of deals that count, never a statement or a doubt.
            history.append(Change(day, t.status, tuple(e.row.evidence_id for e in counting(entries, t.deals)
                                                       if e.date == day)))
    now = tally(promise, target, deadline, entries, checked)
    return Standing(promise, _measure(unit), unit, target, deadline, as_of, checked, now.status, now.delivered,
                    now.delivered_in_part, now.pending, now.measured, entries, now.deals, tuple(history),
                    tuple(timeline))


def all_standings(dataset: Dataset) -> tuple[Standing, ...]:
    return tuple(standing(dataset, p) for p in dataset.promises)
