"""Shared fixtures: the project root, its data, and disposable copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
VENV = BIN.parent  # the environment running the tests, wherever the project copy lives
COPY_PATTERNS = (".venv", ".git", "__pycache__", ".hypothesis", "*.egg-info", "benchmarks")
COPY_IGNORE = shutil.ignore_patterns(*COPY_PATTERNS)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def dataset():
    from factcheck.data import Dataset

    return Dataset(ROOT / "data")


def copy_project(dest: Path, with_build: bool = False) -> Path:
    """A full copy of the project (optionally with _build, so a Sphinx rebuild is incremental)."""
    ignore = COPY_IGNORE if with_build else shutil.ignore_patterns(*COPY_PATTERNS, "_build")
    shutil.copytree(ROOT, dest, ignore=ignore, symlinks=True)
    return dest


def edit_csv_cell(path: Path, row_id: str, column: str, value) -> None:
    """Change one cell the way a spreadsheet would (``value`` may be a function of the old text), keeping
    every other byte of the file."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    col = rows[0].index(column)
    row = next(r for r in rows[1:] if r[0] == row_id)
    row[col] = value(row[col]) if callable(value) else value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def run_in(copy: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run a tool of the project's venv inside a copy, with the copy's own package code first on the path."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "FACTCHECK_DATA": str(copy / "data")}
    env.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=copy, env=env, capture_output=True, text=True,
                          timeout=timeout)
