"""Each fault the issue names makes the test command fail, shown on a temporary copy of the project."""

import shutil

import nbformat
import pytest
from conftest import copy_project, edit_csv_cell, run_in

pytestmark = pytest.mark.slow

NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-p", "no:xdist", "-q"]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "proj")


def test_a_cell_that_raises_fails_nbval(project):
    path = project / "book" / "claims" / "deadline.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('boom')", execution_count=99))
    nbformat.write(nb, path)
    out = run_in(project, "pytest", *NBVAL, "book/claims/deadline.ipynb")
    assert out.returncode != 0 and "boom" in out.stdout


def test_an_evidence_value_changed_without_reexecution_is_caught(project, dataset):
    """Stale stored output: both `factcheck execute --check` and nbval fail."""
    jobs_row = next(e for l, e in dataset.evidence_for("jobs") if l.stance == "supports" and e.unit == "jobs")
    edit_csv_cell(project / "data" / "evidence.csv", jobs_row.evidence_id, "value", "250000")
    check = run_in(project, "factcheck", "execute", "--check")
    assert check.returncode == 1 and "book/claims/jobs.ipynb" in check.stderr and "data/evidence.csv" in check.stderr
    out = run_in(project, "pytest", *NBVAL, "book/claims/jobs.ipynb")
    assert out.returncode != 0


def test_a_broken_cross_reference_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "proj", with_build=True)
    page = project / "book" / "methodology.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee {ref}`a-label-that-does-not-exist`.\n", encoding="utf-8")
    out = run_in(project, "factcheck", "book", "--check")  # the build step of the test command
    assert out.returncode != 0
    assert "a-label-that-does-not-exist" in out.stdout + out.stderr


def test_a_notebook_missing_from_the_toc_fails_the_structure_test(project):
    shutil.copy(project / "book" / "claims" / "deadline.ipynb", project / "book" / "claims" / "orphan.ipynb")
    out = run_in(project, "pytest", "-p", "no:xdist", "-q", "tests/test_book_structure.py::test_every_page_in_book_is_in_the_toc")
    assert out.returncode != 0 and "orphan.ipynb" in out.stdout


def _flaky_client(monkeypatch, message: str) -> list[int]:
    """NotebookClient whose first kernel dies with ``message``; later ones run normally."""
    import nbclient

    real, starts = nbclient.NotebookClient, []

    class Flaky(real):
        def execute(self, **kwargs):
            starts.append(1)
            if len(starts) == 1:
                raise RuntimeError(message)
            return super().execute(**kwargs)

    monkeypatch.setattr(nbclient, "NotebookClient", Flaky)
    return starts


def test_a_kernel_that_dies_before_answering_is_started_once_more(project, monkeypatch):
    from factcheck.pipeline.execute import execute_notebook

    starts = _flaky_client(monkeypatch, "Kernel died before replying to kernel_info")
    notebook = project / "book" / "claims" / "deadline.ipynb"
    execute_notebook(project, notebook)
    assert len(starts) == 2
    assert all(c.get("outputs") for c in nbformat.read(notebook, as_version=4).cells if c.cell_type == "code")


def test_any_other_kernel_failure_is_not_retried_and_leaves_the_notebook_unchanged(project, monkeypatch):
    from factcheck.pipeline.execute import execute_notebook

    starts = _flaky_client(monkeypatch, "Kernel didn't respond in 60 seconds")
    notebook = project / "book" / "claims" / "deadline.ipynb"
    before = notebook.read_bytes()
    with pytest.raises(RuntimeError, match="respond"):
        execute_notebook(project, notebook)
    assert len(starts) == 1 and notebook.read_bytes() == before
