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


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="session")
def site(root):
    """The built book, served on localhost: one server for every browser test a worker runs."""
    import functools
    import http.server
    import threading

    html = root / "_build" / "html"
    if not (html / "index.html").is_file():
        pytest.fail("_build/html is missing: the test command builds the book before running pytest")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once per worker for every browser test (browser downloads are blocked)."""
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "Debian's chromium is required: the test command installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


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
