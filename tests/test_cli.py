"""The command line as a fact-checker uses it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

RATINGS = {"True", "Mostly true", "Misleading", "Mostly false", "False", "Unverified"}


def test_verdicts_json_lists_each_sentence_with_the_ids_of_its_parts_and_the_parts(dataset, capsys, root):
    assert main(["verdicts", "--data", str(root / "data"), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["passage_id"] for r in records] == [p.passage_id for p in dataset.passages]
    parts = [part["claim_id"] for r in records for part in r["parts"]]
    assert sorted(parts) == sorted(c.claim_id for c in dataset.claims)
    for r in records:
        assert {"passage_id", "quote_fr", "quote_en", "verdict", "conclusion_en", "part_ids", "parts",
                "source_urls"} <= set(r)
        assert r["verdict"] in RATINGS
        assert r["part_ids"] == [part["claim_id"] for part in r["parts"]]
        for part in r["parts"]:
            assert {"claim_id", "role", "quote_fr", "verdict", "conclusion_en", "source_urls"} <= set(part)
            assert part["verdict"] in RATINGS and part["role"] in ("core", "detail")


def test_verdicts_csv_and_table_formats(root, capsys):
    assert main(["verdicts", "--data", str(root / "data"), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("passage_id,")
    assert main(["verdicts", "--data", str(root / "data")]) == 0
    out = capsys.readouterr().out
    assert "pledge_announced" in out and "    amount " in out


def test_verdicts_in_french_show_what_the_french_edition_will(root, capsys, dataset):
    assert main(["verdicts", "--data", str(root / "data"), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    first = dataset.passages[0]
    assert f"{first.passage_id}  " in out and first.conclusion_fr in out
    assert "Plutôt vrai" in out and "Mostly true" not in out


def test_python_dash_m_runs_the_same_command(root):
    out = subprocess.run([sys.executable, "-m", "factcheck", "validate", "--data", str(root / "data")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def _data_with_lines(root, tmp_path, name: str, edit) -> Path:
    """A copy of data/ whose file ``name`` has its lines (as an editor shows them) changed by ``edit``."""
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    path = data / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    edit(lines)
    path.write_text("".join(lines), encoding="utf-8")
    return data


def test_validate_reports_file_row_column_and_rule_and_changes_nothing(root, tmp_path, capsys):
    def edit(lines):
        lines[2] = lines[2].replace("https://", "ftp://", 1)

    data = _data_with_lines(root, tmp_path, "sources.csv", edit)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    assert main(["validate", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert "sources.csv, row 3, column 'url'" in err and "http(s)" in err  # as a spreadsheet numbers it
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_an_error_names_the_spreadsheet_row_and_the_editor_line(root, tmp_path, capsys):
    """A quote spanning two lines moves every later row down a line in an editor, not in a spreadsheet."""
    def edit(lines):
        lines[1] = lines[1].replace("announced a $100 billion", "announced a\n$100 billion", 1)
        lines[5] = lines[5].replace(",", ",not-a-source-", 1)  # data row 5 → spreadsheet row 6, editor line 7

    data = _data_with_lines(root, tmp_path, "evidence.csv", edit)
    assert main(["validate", "--data", str(data)]) == 1
    assert "evidence.csv, row 6 (line 7 in a text editor), column 'source_id'" in capsys.readouterr().err


def _project_copy(root, tmp_path):
    (tmp_path / "book" / "claims").mkdir(parents=True)
    shutil.copy(root / "_toc.yml", tmp_path / "_toc.yml")
    return tmp_path


def test_new_claim_scaffolds_a_notebook_and_lists_it_in_the_toc(root, tmp_path):
    import nbformat
    import yaml

    proj = _project_copy(root, tmp_path)
    before = (proj / "_toc.yml").read_text()
    assert main(["new-claim", "stargate", "--root", str(proj)]) == 0
    nb = nbformat.read(proj / "book" / "claims" / "stargate.ipynb", as_version=4)
    assert 'ClaimPage("claims/stargate")' in nb.cells[1].source
    assert all("tags" in c.metadata for c in nb.cells if c.cell_type == "code")
    assert not any("lang" in c.metadata for c in nb.cells), "one language: the French comes from the catalogs"
    assert "{value}`" in nb.cells[3].source, "the prose cites computed values by name"
    toc = (proj / "_toc.yml").read_text()
    assert "- file: book/claims/stargate" in toc
    assert toc.replace("      - file: book/claims/stargate\n", "") == before  # comments and order kept
    yaml.safe_load(toc)


def test_new_claim_refuses_to_overwrite(root, tmp_path, capsys):
    proj = _project_copy(root, tmp_path)
    existing = proj / "book" / "claims" / "amount.ipynb"
    existing.write_text("my work")
    toc_before = (proj / "_toc.yml").read_text()
    assert main(["new-claim", "amount", "--root", str(proj)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text() == "my work" and (proj / "_toc.yml").read_text() == toc_before


@pytest.mark.parametrize("bad", ["Amount", "../escape", "a b", ""])
def test_new_claim_refuses_a_bad_id(root, tmp_path, bad):
    assert main(["new-claim", bad, "--root", str(_project_copy(root, tmp_path))]) == 1


def test_verdicts_json_carries_the_value_parsed_from_the_french(root, capsys):
    assert main(["verdicts", "--data", str(root / "data"), "--format", "json"]) == 0
    by_id = {p["claim_id"]: p for r in json.loads(capsys.readouterr().out) for p in r["parts"]}
    assert by_id["amount"]["asserted"] == {"value": 100e9, "unit": "USD", "qualifier": "at_least",
                                           "text_fr": "au moins 100 milliards de dollars"}
    assert by_id["place"]["asserted"] is None
