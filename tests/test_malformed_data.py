"""Bad input gets one clear line naming file, row, column and rule; no file is touched; no traceback."""

import re
import shutil
import subprocess
import sys

import pytest
from conftest import VENV, copy_project
from malformed.cases import CASES

LINE = re.compile(r"^data/(?P<file>[\w./-]+)(, row (?P<row>\d+)(?: \(line \d+ in a text editor\))?)?"
                  r"(, column '(?P<column>[^']+)')?"
                  r"(: value (?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))?: (?P<rule>.+)$")


def _validate(data):
    return subprocess.run([sys.executable, "-m", "factcheck", "validate", "--data", str(data)],
                          capture_output=True, text=True)


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_corpus_has_at_least_twenty_five_distinct_faults():
    assert len({c.name for c in CASES if c.expect}) >= 25


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_fault_is_reported_precisely_and_nothing_is_changed(case, root, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    case.apply(data)
    before = _snapshot(data)
    out = _validate(data)
    assert _snapshot(data) == before, "validate must never modify a file"
    assert "Traceback" not in out.stderr
    if case.expect is None:
        assert out.returncode == 0, out.stderr
        return
    assert out.returncode == 1
    lines = [l for l in out.stderr.splitlines() if l.startswith("data/")]
    assert lines and all(LINE.match(l) for l in lines), out.stderr
    file, row, column, rule = case.expect
    hits = [m for m in map(LINE.match, lines)
            # Cases count data rows (header = 0); messages count rows as a spreadsheet shows them (header = 1).
            if m["file"] == file and (row is None or m["row"] == str(row + 1))
            and (column is None or m["column"] == column) and rule in m["rule"]]
    assert hits, f"expected {case.expect}, got:\n{out.stderr}"


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("foreign key to an unknown claim", "semicolon-separated file from a French spreadsheet")],
                         ids=lambda c: c.name)
def test_the_book_command_refuses_invalid_data_with_the_same_message(case, root, tmp_path):
    project = copy_project(tmp_path / "proj")
    case.apply(project / "data")
    out = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "book", f"VENV={VENV}"], cwd=project,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    expected = [line for line in _validate(project / "data").stderr.splitlines() if line.startswith("data/")]
    assert expected and all(line in out.stderr.splitlines() for line in expected), out.stderr
    assert not (project / "_build").exists(), "nothing was built from invalid data"
