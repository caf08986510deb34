"""Never stale, whatever a notebook reads: the kernel's audit hook records every project file it opens, and a
claim page depends only on the rows it shows. Shown on temporary copies of the project."""

from __future__ import annotations

import dataclasses
import json

import nbformat
import pytest

from conftest import copy_project, edit_csv_cell, run_in
from factcheck.data import Dataset
from factcheck.display import rows_behind


def _add_cell(notebook, source: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["remove-cell"]
    nb.cells.insert(2, cell)
    nbformat.write(nb, notebook)


def _stale(project) -> dict[str, str]:
    out = run_in(project, "factcheck", "execute", "--check")
    found = {}
    for line in out.stderr.splitlines():
        name, _, reason = line.partition(": stored outputs are stale (")
        if reason:
            found[name] = reason.rstrip(")").split("); run")[0]
    return found


@pytest.mark.slow
def test_a_notebook_that_reads_a_table_with_pandas_is_re_executed_when_it_changes(tmp_path):
    project = copy_project(tmp_path / "proj", with_build=True)  # an incremental build, as a fact-checker's
    notebook = project / "book" / "claims" / "deadline.ipynb"
    _add_cell(notebook, 'import pandas as pd\nevents = pd.read_csv("../../data/events.csv")\nlen(events)')
    assert run_in(project, "factcheck", "execute", "book/claims/deadline.ipynb").returncode == 0
    assert "book/claims/deadline.ipynb" not in _stale(project)
    event = Dataset(project / "data").events[0].event_id
    edit_csv_cell(project / "data" / "events.csv", event, "label_en", lambda text: text + " (edited)")
    assert _stale(project).get("book/claims/deadline.ipynb") == "data/events.csv changed"
    book = run_in(project, "factcheck", "book")
    assert "executed book/claims/deadline.ipynb (data/events.csv changed)" in book.stdout, book.stdout + book.stderr


@pytest.mark.slow
def test_a_notebook_that_imports_a_helper_from_explore_is_re_executed_when_it_changes(tmp_path):
    project = copy_project(tmp_path / "proj")
    (project / "explore" / "helper.py").write_text("ANSWER = 'first'\n", encoding="utf-8")
    notebook = project / "book" / "claims" / "credit.ipynb"
    _add_cell(notebook, 'import sys\nsys.path.insert(0, "../../explore")\nimport helper\nhelper.ANSWER')
    assert run_in(project, "factcheck", "execute", "book/claims/credit.ipynb").returncode == 0
    manifest = json.loads((project / "book" / "claims" / "credit.inputs.json").read_text(encoding="utf-8"))
    assert "explore/helper.py" in manifest["files"] and "src/factcheck/checks.py" in manifest["files"]
    (project / "explore" / "helper.py").write_text("ANSWER = 'second'\n", encoding="utf-8")
    assert _stale(project).get("book/claims/credit.ipynb") == "explore/helper.py changed"


@pytest.mark.slow
def test_a_one_row_evidence_edit_stales_only_the_pages_that_show_that_row(tmp_path, dataset):
    project = copy_project(tmp_path / "proj")
    pages = sorted({p.page for p in dataset.passages})
    shown_on = {}
    for page in pages:
        for (evidence_id,) in rows_behind(dataset, page)["data/evidence.csv"]:
            shown_on.setdefault(evidence_id, set()).add(page)
    row = min(shown_on, key=lambda e: (len(shown_on[e]), e))  # a row shown on a single page
    edit_csv_cell(project / "data" / "evidence.csv", row, "note", lambda text: text + " Checked again.")
    stale = _stale(project)
    claim_pages = {name for name in stale if name.startswith("book/claims/")}
    assert claim_pages == {f"book/{page}.ipynb" for page in shown_on[row]}, stale
    assert all(name in ("book/index.ipynb", "book/sources.ipynb", "book/aftermath.ipynb", "book/tracker.ipynb",
                        "book/methodology.ipynb", "book/about-article.ipynb", "book/corrections.ipynb")
               for name in set(stale) - claim_pages), stale  # pages that iterate over the whole table


# --- the row scope is complete: a row outside it cannot change the page -----------------------------

def page_content(dataset: Dataset, page: str) -> str:
    """What a claim page renders from the data, composed from the same functions its notebook calls."""
    from factcheck import display as show
    from factcheck.book import comparison
    from factcheck.ratings import all_passage_verdicts
    from factcheck.tracker import standing

    verdicts = [v for v in all_passage_verdicts(dataset) if v.passage.page == page]
    plan = show.decisive_plan(verdicts, dataset)
    parts = [show.passage_markdown(v, dataset.article()) + show.decisive_markdown(plan[v.passage.passage_id], dataset)
             for v in verdicts]
    parts += [repr(comparison(dataset, p.finding)) + repr(p.finding) for v in verdicts for p in v.parts]
    claim_ids = {p.claim.claim_id for v in verdicts for p in v.parts}
    parts += [show.tracker_note(standing(dataset, pr)) for pr in dataset.promises if pr.article_claim_id in claim_ids]
    return "\n".join(parts + [show.page_evidence_markdown(verdicts, dataset)])


TEXT_COLUMNS = {"evidence": "note", "sources": "reliability_note_en", "claims": "claim_en", "links": "stance",
                "judgments": "rationale_en", "passages": "quote_en", "tracker": "why_en"}
KEY = {"evidence": ("evidence_id",), "sources": ("source_id",), "claims": ("claim_id",),
       "links": ("claim_id", "evidence_id"), "judgments": ("claim_id",), "passages": ("passage_id",),
       "tracker": ("promise_id", "evidence_id")}
FILES = {"evidence": "evidence.csv", "sources": "sources.csv", "claims": "claims.csv", "links": "claim_evidence.csv",
         "judgments": "judgments.csv", "passages": "passages.csv", "tracker": "tracker.csv"}


def _mutate(value: str, column: str) -> str:
    if column == "stance":
        return {"supports": "contradicts", "contradicts": "supports", "qualifies": "supports"}.get(value, "supports")
    return (value or "") + " mutated"


def test_no_row_outside_a_pages_scope_changes_that_page(dataset):
    pages = sorted({p.page for p in dataset.passages})
    base = {page: page_content(dataset, page) for page in pages}
    scopes = {page: rows_behind(dataset, page) for page in pages}
    checked = 0
    for attr, column in TEXT_COLUMNS.items():
        records = getattr(dataset, attr)
        for i in range(0, len(records), max(1, len(records) // 12)):  # about a dozen rows of each table
            record = records[i]
            key = tuple(getattr(record, k) for k in KEY[attr])
            mutated = Dataset(dataset.data_dir)
            setattr(mutated, attr, records[:i] + (dataclasses.replace(
                record, **{column: _mutate(getattr(record, column), column)}),) + records[i + 1:])
            for page in pages:
                if key in scopes[page].get(f"data/{FILES[attr]}", set()):
                    continue
                assert page_content(mutated, page) == base[page], (page, attr, key)
                checked += 1
    assert checked > 200
