"""Never stale, whatever a notebook reads: the kernel's audit hook records every project file it opens, and a
claim page depends only on the rows it shows. Shown on temporary copies of the project."""

from __future__ import annotations

import dataclasses
import json

import nbformat
import pytest
from conftest import copy_project, edit_csv_cell, run_in

from factcheck.data import Dataset
from factcheck.pipeline.scope import rows_behind


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
def test_a_one_row_evidence_edit_stales_only_the_pages_that_compute_from_it_and_a_word_edit_none(tmp_path, dataset):
    project = copy_project(tmp_path / "proj")
    pages = sorted({p.page for p in dataset.passages})
    shown_on = {}
    for page in pages:
        for (evidence_id,) in rows_behind(dataset, page)["data/evidence.csv"]:
            shown_on.setdefault(evidence_id, set()).add(page)
    row = min(shown_on, key=lambda e: (len(shown_on[e]), e))  # a row shown on a single page
    edit_csv_cell(project / "data" / "evidence.csv", row, "translation_fr", lambda text: (text or "") + " Revu.")
    passage = dataset.passages[0].passage_id
    edit_csv_cell(project / "data" / "passages.csv", passage, "conclusion_en", lambda text: text + " Checked again.")
    assert _stale(project) == {}, "a fix to a word re-executes no notebook"
    edit_csv_cell(project / "data" / "evidence.csv", row, "note", lambda text: (text or "") + " Checked again.")
    assert _stale(project) == {}, "an editor's note is shown to no kernel"
    edit_csv_cell(project / "data" / "evidence.csv", row, "quote", lambda text: text + " (edited)")
    assert set(_stale(project)) == {f"book/{page}.ipynb" for page in shown_on[row]}


# --- the row scope is complete: a row outside it, or any word, cannot change what a page computes ------------

def page_content(dataset: Dataset, page: str) -> str:
    """What a claim page's notebook computes and displays, from the same calls it makes."""
    from factcheck.codec import encode
    from factcheck.notebook import ClaimPage, Evidence, pledges_of
    from factcheck.sources import page_evidence

    claim_page = ClaimPage(page, dataset)
    shown = [claim_page.sentence_output(v.passage.passage_id) for v in claim_page.verdicts]
    shown += [claim_page.values_output(), Evidence(page_evidence(claim_page.verdicts, dataset)), pledges_of(dataset)]
    shown += [claim_page.comparison(p.finding).output for v in claim_page.verdicts for p in v.parts]
    return json.dumps(encode(shown), sort_keys=True)


COLUMNS = {"evidence": ("quote", "value"), "sources": ("publisher", "kind"), "claims": ("check_terms", "role"),
           "links": ("stance",), "judgments": ("rating",), "passages": ("page",)}
KEY = {"evidence": ("evidence_id",), "sources": ("source_id",), "claims": ("claim_id",),
       "links": ("claim_id", "evidence_id"), "judgments": ("claim_id",), "passages": ("passage_id",)}
FILES = {"evidence": "evidence.csv", "sources": "sources.csv", "claims": "claims.csv", "links": "claim_evidence.csv",
         "judgments": "judgments.csv", "passages": "passages.csv"}


def _mutate(value: str, column: str) -> str:
    if column == "stance":
        return {"supports": "contradicts", "contradicts": "supports", "qualifies": "supports"}.get(value, "supports")
    if column == "rating":
        return "False" if value != "False" else "True"
    if column == "role":
        return "detail" if value == "core" else "core"
    if column == "kind":
        return "aggregator" if value != "aggregator" else "wire"
    if column == "value":
        return (value or 1.0) * 1.37
    return (value or "") + " mutated"


def _rows(dataset, attr):
    records = getattr(dataset, attr)
    return [(i, records[i]) for i in range(0, len(records), max(1, len(records) // 12))]  # a dozen rows of each


def test_no_row_outside_a_pages_scope_changes_what_it_computes(dataset):
    pages = sorted({p.page for p in dataset.passages})
    base = {page: page_content(dataset, page) for page in pages}
    scopes = {page: rows_behind(dataset, page) for page in pages}
    checked = 0
    for attr, columns in COLUMNS.items():
        records = getattr(dataset, attr)
        for column in columns:
            for i, record in _rows(dataset, attr):
                key = tuple(getattr(record, k) for k in KEY[attr])
                mutated = Dataset(dataset.data_dir)
                setattr(mutated, attr, records[:i] + (dataclasses.replace(
                    record, **{column: _mutate(getattr(record, column), column)}),) + records[i + 1:])
                for page in pages:
                    if key in scopes[page].get(f"data/{FILES[attr]}", set()):
                        continue
                    try:
                        assert page_content(mutated, page) == base[page], (page, attr, key, column)
                    except (KeyError, ValueError):
                        pass  # a mutation the data would refuse (validate reports it): nothing to compare
                    checked += 1
    assert checked > 200


def _another(value):
    import datetime as dt

    return value + dt.timedelta(days=400) if isinstance(value, dt.date) else f"{value or ''} mutated"


def test_no_word_changes_what_any_page_computes(dataset):
    """Every ``…_en`` and ``…_fr`` column is written by the build, never read by a kernel: change any of them,
    anywhere, and every claim page computes the same (so a fix to a word never needs a notebook run)."""
    from factcheck.pipeline.scope import is_words
    from factcheck.records import RECORDS

    pages = sorted({p.page for p in dataset.passages})
    base = {page: page_content(dataset, page) for page in pages}
    attrs = {"articles": "articles", "passages": "passages", "claims": "claims", "sources": "sources",
             "evidence": "evidence", "judgments": "judgments", "events": "events", "promises": "promises",
             "tracker": "tracker", "changelog": "changelog", "corrections": "corrections"}
    mutated = Dataset(dataset.data_dir)
    changed = 0
    for table, attr in attrs.items():
        fields = [f.name for f in dataclasses.fields(RECORDS[table]) if is_words(f.name)]
        records = getattr(dataset, attr)
        setattr(mutated, attr, tuple(dataclasses.replace(r, **{f: _another(getattr(r, f)) for f in fields})
                                     for r in records))
        changed += len(fields) * len(records)
    assert changed > 1000
    for page in pages:
        assert page_content(mutated, page) == base[page], page
