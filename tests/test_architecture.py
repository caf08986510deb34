"""The layers: the fact-check core imports nothing from Jupyter or Sphinx; a kernel computes without words; the
words know nothing of the build; only the build layer touches Sphinx. Every module belongs to one layer."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factcheck"
LAYERS = {
    # the sourced truth and what is computed from it: no Jupyter, no Sphinx, no plotting, no words
    "core": {"data", "schema", "errors", "quantities", "money", "checks", "sources", "copies", "ratings", "tracker",
             "codec", "records", "outcomes", "metrics", "validate/__init__", "validate/base", "validate/articles", "validate/prose", "validate/sources",
             "validate/verdicts", "validate/tracker"},
    # what a claim notebook calls: it displays computed data, never words
    "kernel": {"notebook"},
    # the words of each edition, and the charts: plain functions, no Jupyter or Sphinx
    "words": {"render/__init__", "render/words", "render/myst", "render/findings", "render/claims", "render/figures",
              "render/charts", "render/overview", "render/sources", "render/tracker", "render/method",
              "render/typography", "claimreview"},
    # the layer that runs the book
    "pipeline": {"pipeline/__init__", "pipeline/tracking", "pipeline/execute", "pipeline/scope", "pipeline/run",
                 "pipeline/toc", "pipeline/editions", "pipeline/sphinx", "pipeline/context", "pipeline/outputs",
                 "pipeline/directives", "pipeline/values", "pipeline/i18n", "pipeline/catalogs", "pipeline/notebooks"},
    # the command line and what it calls
    "commands": {"__init__", "__main__", "cli", "scaffold", "verify"},
}
BUILD = ("IPython", "ipykernel", "jupyter", "jupyter_book", "jupyter_client", "myst_nb", "myst_parser", "nbclient",
         "nbformat", "sphinx", "sphinx_external_toc", "docutils")


def _modules() -> set[str]:
    return {p.relative_to(PACKAGE).with_suffix("").as_posix() for p in PACKAGE.rglob("*.py")}


def _imports(module: str) -> set[str]:
    """Every module a file imports, at the top or inside a function, as absolute names."""
    path = PACKAGE / f"{module}.py"
    package = ["factcheck", *module.split("/")[:-1]]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names.add(target)
                names |= {f"{target}.{alias.name}" for alias in node.names}
            else:
                names.add(node.module or "")
    return names


def _factcheck_modules(names: set[str]) -> set[str]:
    known = _modules()
    out = set()
    for name in names:
        if name.startswith("factcheck"):
            rel = name.removeprefix("factcheck").lstrip(".").replace(".", "/") or "__init__"
            if rel in known:
                out.add(rel)
            elif f"{rel}/__init__" in known:
                out.add(f"{rel}/__init__")
    return out


def test_every_module_belongs_to_one_layer():
    placed = [m for layer in LAYERS.values() for m in layer]
    assert len(placed) == len(set(placed)), "a module is in two layers"
    assert set(placed) == _modules(), f"unplaced: {sorted(_modules() - set(placed))}; gone: {sorted(set(placed) - _modules())}"


@pytest.mark.parametrize("module", sorted(LAYERS["core"] | LAYERS["words"] | LAYERS["kernel"]))
def test_nothing_below_the_build_imports_sphinx_or_jupyter(module):
    foreign = {n for n in _imports(module) if n.split(".")[0] in BUILD}
    if module == "notebook":
        foreign -= {"IPython.display"}  # a kernel displays what it computed
    assert not foreign, f"factcheck.{module} imports {sorted(foreign)}"
    assert not _factcheck_modules(_imports(module)) & LAYERS["pipeline"], f"factcheck.{module} reaches into the build"


@pytest.mark.parametrize("module", sorted(LAYERS["core"]))
def test_the_core_writes_no_words_and_draws_nothing(module):
    imported = _imports(module)
    assert not _factcheck_modules(imported) & (LAYERS["words"] | LAYERS["kernel"]), f"factcheck.{module} imports words"
    assert not {n for n in imported if n.split(".")[0] == "matplotlib"}


def test_a_kernel_never_loads_the_words():
    """What a notebook imports, transitively, holds no sentence: a fix to a word can never re-execute it."""
    seen, todo = set(), ["notebook"]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += sorted(_factcheck_modules(_imports(module)))
    assert not seen & LAYERS["words"], sorted(seen & LAYERS["words"])


def test_no_module_is_much_over_three_hundred_lines():
    long = {m: n for m in _modules() if (n := len((PACKAGE / f"{m}.py").read_text().splitlines())) > 320}
    assert not long, long


def test_the_data_layer_knows_nothing_of_the_build():
    source = (PACKAGE / "data.py").read_text(encoding="utf-8")
    assert "atexit" not in source and "INPUTS_LOG" not in source and "environ.get(\"FACTCHECK_INPUTS" not in source


LOOKUPS = {"claim", "passage", "evidence_for", "judgment_for", "passages_on", "source"}
ID_ATTRIBUTES = {"claim_id", "passage_id", "promise_id", "page", "evidence_id", "event_id", "deal_id"}


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

    from factcheck.data import Dataset
    from factcheck.pipeline.notebooks import problems

    for name in ("data", "book"):
        shutil.copytree(root / name, tmp_path / name)
    for name in ("claims.csv", "claim_evidence.csv", "judgments.csv", "promises.csv"):
        path = tmp_path / "data" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\namount,", "\npledged_sum,").replace(",amount\n", ",pledged_sum\n"),
                        encoding="utf-8")
    found = [str(p) for p in problems(Dataset(tmp_path / "data"))]
    assert any("book/claims/amount.ipynb" in p and "names claim 'amount'" in p and "renamed" in p
               for p in found), found
