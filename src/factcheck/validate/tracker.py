"""The tracker: every row dated by its source, every deal's reports alike, every counted figure sourced."""

from __future__ import annotations

import datetime as dt

from .. import schema
from ..data import Dataset
from ..errors import Problem
from ..quantities import split_unit, to_base
from .base import row_of


def rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
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
