"""The fact-check core imports nothing from Jupyter or Sphinx: the build is a layer on top of it."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factcheck"
CORE = ["data", "schema", "errors", "quantities", "money", "checks", "ratings", "display", "tracker", "validate",
        "claimreview", "verify"]
BUILD_OR_UI = ("IPython", "ipykernel", "jupyter", "jupyter_book", "jupyter_client", "myst_nb", "myst_parser",
               "nbclient", "nbformat", "sphinx", "sphinx_external_toc", "docutils", "matplotlib")


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            names.add(("." * node.level) + base)
    return names


@pytest.mark.parametrize("module", CORE)
def test_the_core_imports_nothing_from_jupyter_or_sphinx(module):
    imported = _imports(PACKAGE / f"{module}.py")
    foreign = {name for name in imported if name.split(".")[0] in BUILD_OR_UI}
    assert not foreign, f"factcheck.{module} imports {sorted(foreign)}"
    assert not any(name.lstrip(".").startswith(("build", "book", "plots")) for name in imported if name.startswith(".")), \
        f"factcheck.{module} reaches into the build or the notebook layer"


def test_the_data_layer_knows_nothing_of_the_build():
    source = (PACKAGE / "data.py").read_text(encoding="utf-8")
    assert "atexit" not in source and "INPUTS_LOG" not in source and "environ.get(\"FACTCHECK_INPUTS" not in source


LOOKUPS = {"claim", "passage", "evidence_for", "judgment_for", "passages_on", "source", "evidence_row"}
ID_ATTRIBUTES = {"claim_id", "passage_id", "promise_id", "page", "evidence_id", "event_id"}


def _hardcoded_ids(tree: ast.AST) -> set[str]:
    """String constants passed to a data lookup, or compared with an id attribute."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in LOOKUPS:
            found |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(getattr(s, "attr", None) in ID_ATTRIBUTES for s in sides):
                found |= {s.value for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)}
    return found


def test_no_claim_id_is_written_in_the_package():
    """Charts and pages are driven by the data: an id typed in code would break, or silently mislead,
    when the data rename it. Renaming is reported by `factcheck validate` instead."""
    for path in PACKAGE.rglob("*.py"):
        found = _hardcoded_ids(ast.parse(path.read_text(encoding="utf-8")))
        assert not found, f"{path.relative_to(PACKAGE)} looks up {sorted(found)} by a typed id"


def test_renaming_a_claim_is_reported_by_validate(root, tmp_path):
    import shutil

    from factcheck.validate import validate

    for name in ("data", "book"):
        shutil.copytree(root / name, tmp_path / name)
    for name in ("claims.csv", "claim_evidence.csv", "judgments.csv", "promises.csv"):
        path = tmp_path / "data" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\namount,", "\npledged_sum,").replace(",amount\n", ",pledged_sum\n"),
                        encoding="utf-8")
    found = [str(p) for p in validate(tmp_path / "data")]
    assert any("book/claims/amount.ipynb" in p and "names claim 'amount'" in p and "renamed" in p
               for p in found), found
