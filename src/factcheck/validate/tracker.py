"""The tracker: every row dated by its source, every deal's reports alike, every counted figure sourced."""

from __future__ import annotations

import datetime as dt

from .. import schema
from ..data import Dataset
from ..errors import Problem
from ..quantities import split_unit, to_base
from .base import row_of


def rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    return reports(ds, tables) or events(ds, tables)  # the standings need well-formed reports


def events(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """The timeline and the tracker tell one story: an event about a deal is no newer than the tracker's newest
    report on it, and a figure the event quotes is a figure the tracker shows for that deal (a payment, what was
    paid in all, or what was promised)."""
    from ..tracker import all_standings

    out, path = [], tables["events"].path
    evidence = {e.evidence_id: e for e in ds.evidence}
    deals = {d.deal_id: (s, d) for s in all_standings(ds) for d in s.deals}
    newest = {}
    for r in ds.tracker:
        if r.deal_id and evidence[r.evidence_id].as_of:
            newest[r.deal_id] = max(newest.get(r.deal_id, evidence[r.evidence_id].as_of), evidence[r.evidence_id].as_of)
    for event in ds.events:
        if not event.deal_id:
            continue
        row = row_of(ds, "events", event)
        if event.deal_id not in newest:
            out.append(Problem(path, row, "deal_id", event.deal_id, "no row of tracker.csv reports this deal"))
            continue
        if newest[event.deal_id] < event.date:
            out.append(Problem(path, row, "deal_id", event.deal_id,
                               f"the tracker's newest report on this deal is dated {newest[event.deal_id].isoformat()}, "
                               f"before this event ({event.date.isoformat()}): add the report to tracker.csv"))
        ev = evidence[event.evidence_id]
        if ev.value is not None and ev.unit and event.deal_id in deals:
            standing, deal = deals[event.deal_id]
            amount, unit = to_base(ev.value, ev.unit)
            shown = {p.amount for p in deal.payments} | {deal.paid} | ({deal.promised} if deal.promised else set())
            if unit == standing.unit and not any(abs(amount - s) <= 1e-6 * max(s, 1) for s in shown):
                out.append(Problem(path, row, "evidence_id", event.evidence_id,
                                   f"its figure is not one the tracker shows for deal {event.deal_id}: quote the report "
                                   "of the same figure, or say in the label what the figure measures"))
    return out


def reports(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Every tracker row is dated by its source; a counted amount has a source row that states it."""
    from ..tracker import BASES, FIGURES, PROMISED, deadline_of, target_of

    out = []
    evidence = {e.evidence_id: e for e in ds.evidence}
    units = {}
    for promise in ds.promises:
        row = row_of(ds, "promises", promise)
        try:
            units[promise.promise_id] = target_of(promise, evidence)[1]
        except ValueError as exc:
            out.append(Problem(tables["promises"].path, row, "target_evidence_id", promise.target_evidence_id,
                               f"{exc}: the target must be a row with a value and a unit"))
        try:
            deadline_of(promise, evidence)
        except ValueError as exc:
            out.append(Problem(tables["promises"].path, row, "deadline_evidence_id", promise.deadline_evidence_id,
                               str(exc)))
    path = tables["tracker"].path
    sources = {s.source_id: s for s in ds.sources}
    figured = {(r.promise_id, r.deal_id) for r in ds.tracker if r.deal_id and r.kind in PROMISED + ("paid",)
               and evidence[r.evidence_id].value is not None}
    bases: dict[tuple[str, str], str] = {}
    reported: dict[tuple[str, str, str, dt.date], float] = {}
    for r in ds.tracker:
        row, ev = row_of(ds, "tracker", r), evidence[r.evidence_id]
        if ev.as_of is None:
            out.append(Problem(path, row, "evidence_id", r.evidence_id,
                               "the tracker needs dated evidence: give the evidence row an as_of date"))
        if r.kind not in FIGURES:
            for column in ("deal_id", "payment", "basis"):
                if getattr(r, column):
                    out.append(Problem(path, row, column, getattr(r, column),
                                       f"a {r.kind} row reports no deal: leave {column} empty"))
            continue
        for column in ("deal_id", "basis"):
            if not getattr(r, column):
                out.append(Problem(path, row, column, "", f"a {r.kind} row belongs to a deal: give its {column}"))
        if (r.kind == "paid") != bool(r.payment):
            out.append(Problem(path, row, "payment", r.payment or "",
                               "name the payment a paid row reports (reports of the same payment share it)"
                               if r.kind == "paid" else "only paid rows name a payment; leave it empty"))
        if not r.deal_id or not r.basis:
            continue
        deal = (r.promise_id, r.deal_id)
        if bases.setdefault(deal, r.basis) != r.basis:
            out.append(Problem(path, row, "basis", r.basis, f"deal {r.deal_id} is '{bases[deal]}' in an earlier "
                               "row: every report of one deal has the same basis"))
        counted = BASES.get(r.basis) != "no"
        source = sources[ev.source_id]
        if counted and source.anonymous:
            out.append(Problem(path, row, "basis", r.basis,
                               f"{source.publisher} has no identifiable original, so it never counts toward a "
                               "promise: find the original report, or record this row as a statement or doubt"))
        if counted and ev.value is None and deal not in figured:
            out.append(Problem(path, row, "evidence_id", r.evidence_id,
                               "a counted amount needs a source: this evidence row, or another report of the same "
                               "deal_id, must state the figure (value and unit, from its quote)"))
        if counted and r.promise_id in units and ev.unit is not None:
            base = split_unit(ev.unit)[0]
            if base != units[r.promise_id]:
                out.append(Problem(path, row, "evidence_id", r.evidence_id,
                                   f"counts toward a promise measured in {units[r.promise_id]}, but states {ev.unit}"))
        if r.payment and ev.value is not None and ev.as_of is not None:
            key = (r.promise_id, r.deal_id, r.payment, ev.as_of)
            amount = to_base(ev.value, ev.unit or "")[0]
            if reported.setdefault(key, amount) != amount:
                out.append(Problem(path, row, "evidence_id", r.evidence_id,
                                   f"another report of payment '{r.payment}' on the same date gives a different "
                                   "figure: keep the one the original states"))
    return out
