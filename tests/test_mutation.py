"""Mutation test: every numeric evidence value must matter.

Each value is perturbed in turn; the perturbation must change a computed finding (its outcome,
facts, figures or the per-row comparisons the page shows), an exchange rate, or a promise's standing
in the pledge tracker. A value that
changes nothing is either unused (and goes from the data) or unchecked (and gets a check). Because
the comparisons are printed on the claim pages, each caught perturbation also changes a stored
notebook output, so nbval fails until the notebooks are re-executed.
"""

import dataclasses
import json

from factcheck.data import Dataset
from factcheck.ratings import all_verdicts
from factcheck.tracker import all_standings

FACTOR = 1.37


def _signature(ds: Dataset) -> str:
    verdicts = [(v.claim.claim_id, v.rating.value, v.finding.outcome, v.finding.facts, v.finding.figures,
                 [dataclasses.astuple(c) for c in v.finding.comparisons]) for v in all_verdicts(ds)]
    tracker = [(s.promise.promise_id, s.status, s.target, s.deadline, s.timeline,
                [dataclasses.astuple(o) for o in s.deals]) for s in all_standings(ds)]
    return json.dumps([verdicts, [(r.rate_id, r.jpy_per_usd) for r in ds.fx_rates], tracker], default=str)


def mutation_report(data_dir) -> tuple[list[str], list[str]]:
    base_ds = Dataset(data_dir)
    base = _signature(base_ds)
    rows = base_ds.evidence
    caught, missed = [], []
    for i, ev in enumerate(rows):
        if ev.value is None:
            continue
        ds = Dataset(data_dir)
        ds.evidence = rows[:i] + (dataclasses.replace(ev, value=ev.value * FACTOR),) + rows[i + 1:]
        (caught if _signature(ds) != base else missed).append(ev.evidence_id)
    return caught, missed


def test_every_numeric_evidence_value_changes_a_finding(root, capsys):
    caught, missed = mutation_report(root / "data")
    with capsys.disabled():
        print(f"\nmutation test: {len(caught)}/{len(caught) + len(missed)} numeric evidence values caught")
    assert not missed, f"values that change nothing (drop them or check them): {missed}"
