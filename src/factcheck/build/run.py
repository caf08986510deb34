"""The book command: validate → bring stale notebooks up to date (or, checking, refuse them) → build strictly.

One process for the three steps, so a no-op rebuild pays start-up once. The build goes through Jupyter Book's
public command-line entry point with the flags CI uses (``-n -W --keep-going``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from . import execute


@dataclass(frozen=True)
class Outcome:
    ok: bool
    lines: tuple[str, ...]  # what to tell the fact-checker, one line each


def validate(root: Path) -> Outcome:
    from ..validate import validate as rules

    problems = rules(root / "data")
    # Problems name files relative to data/; a notebook's is "../book/...", shown from the project root.
    lines = tuple(str(p)[3:] if p.file.startswith("../") else f"data/{p}" for p in problems)
    if problems:
        lines += (f"factcheck validate: {len(problems)} problem(s) in {root / 'data'}; no file was changed",)
    return Outcome(not problems, lines)


def bring_up_to_date(root: Path, check: bool, jobs: int, notebooks: list[Path] | None = None,
                     force: bool = False) -> Outcome:
    """With ``check``: fail on any stale notebook. Otherwise: execute exactly the stale ones."""
    if check:
        stale = execute.stale(root, notebooks)
        return Outcome(not stale, tuple(f"{s.notebook.relative_to(root)}: stored outputs are stale ({s.reason}); "
                                        "run `make execute`" for s in stale))
    from nbclient.exceptions import CellExecutionError

    try:
        done = execute.execute_stale(root, notebooks, force=force, jobs=jobs)
    except CellExecutionError as exc:
        return Outcome(False, (f"factcheck execute: a cell failed; the notebook on disk is unchanged.\n{exc}",))
    lines = tuple(f"executed {s.notebook.relative_to(root)} ({s.reason})" for s in done)
    return Outcome(True, lines or ("factcheck execute: every notebook is current",))


def build_html(root: Path) -> int:
    from jupyter_book.cli.main import main as jupyter_book

    try:
        jupyter_book(["build", str(root), "--builder", "html", "-n", "-W", "--keep-going"], standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def book(root: Path, check: bool = False, jobs: int = 2) -> int:
    for step in (lambda: validate(root), lambda: bring_up_to_date(root, check, jobs)):
        outcome = step()
        for line in outcome.lines:
            print(line, file=sys.stdout if outcome.ok else sys.stderr)
        if not outcome.ok:
            return 1
    return build_html(root)
