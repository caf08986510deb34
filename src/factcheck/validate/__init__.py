"""Every rule the data must keep, beyond the per-cell schema: the whole package is checked together.

Returns problems instead of raising, so ``factcheck validate`` can list all of them at once; each names the
file, the row (as a spreadsheet shows it, and the line a text editor shows), the column and the rule broken.
It only reads files: nothing here ever writes to ``data/``. One module per family of tables: the article and
its claims, the prose, the sources and their snapshots, the verdicts, the tracker.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

from .. import schema
from ..data import Dataset
from ..errors import DataError, Problem, record_lines
from . import articles, prose, sources, tracker, verdicts


def validate(data_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every problem in ``data_dir``, each located by file, spreadsheet row, editor line and column."""
    return _with_lines(data_dir, _problems(data_dir, today or dt.date.today()))


def _with_lines(data_dir: Path, problems: list[Problem]) -> list[Problem]:
    lines: dict[str, list[int]] = {}
    out = []
    for p in problems:
        path = data_dir / p.file
        if p.row is not None and p.file.endswith(".csv") and path.is_file():
            if p.file not in lines:
                try:
                    lines[p.file] = record_lines(path.read_bytes().decode("utf-8-sig"))
                except (UnicodeDecodeError, csv.Error):
                    lines[p.file] = []
            starts = lines[p.file]
            if p.row < len(starts):
                p = dataclasses.replace(p, line=starts[p.row])
        out.append(p)
    return out


def _problems(data_dir: Path, today: dt.date) -> list[Problem]:
    tables = schema.load_descriptor(data_dir)
    problems: list[Problem] = []
    rows = {}
    for name, table in tables.items():
        rows[name], table_problems = schema.read_table(data_dir, table)
        problems += table_problems
    if problems:
        return problems  # later rules assume well-typed rows
    problems += schema.key_problems(tables, rows)
    if problems:
        return problems
    dataset = Dataset(data_dir)
    try:
        dataset.fx_rates
    except DataError as exc:
        return list(exc.problems)
    return (articles.rules(dataset, tables) + sources.rules(dataset, tables, today) + prose.rules(dataset, tables)
            + verdicts.rules(dataset, tables) + tracker.rules(dataset, tables))
