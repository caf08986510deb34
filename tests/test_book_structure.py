"""The book's sources: every page in the TOC, every code cell executed, prose that types no numbers."""

import re

import nbformat
import pytest

from factcheck.pipeline.execute import status
from factcheck.pipeline.toc import documents, notebooks


def _toc_files(root):
    return set(documents(root))


def _book_pages(root):
    return sorted(p for p in (root / "book").rglob("*") if p.suffix in (".ipynb", ".md")
                  and "_build" not in p.parts and ".ipynb_checkpoints" not in p.parts)


def _prose(path) -> list[str]:
    """What a fact-checker wrote on a page: a notebook's markdown cells, or a Markdown page."""
    if path.suffix == ".md":
        return [path.read_text(encoding="utf-8")]
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def test_every_page_in_book_is_in_the_toc(root):
    listed = _toc_files(root)
    missing = [p.relative_to(root).as_posix() for p in _book_pages(root)
               if p.relative_to(root).with_suffix("").as_posix() not in listed]
    assert not missing, f"pages not in _toc.yml (they would silently not be published): {missing}"


def test_every_toc_entry_exists(root):
    for entry in _toc_files(root):
        assert any((root / f"{entry}{ext}").is_file() for ext in (".ipynb", ".md")), entry


def test_every_claim_page_in_the_data_is_in_the_book(root, dataset):
    listed = _toc_files(root)
    assert {p.docname for p in dataset.passages} <= listed


NOTEBOOKS = sorted((__import__("conftest").ROOT / "book").rglob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_has_a_stored_execution(path):
    nb = nbformat.read(path, as_version=4)
    unexecuted = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()
                  and (c.execution_count is None)]
    assert not unexecuted, f"{path.name}: cells {unexecuted} were never executed, so nbval cannot vouch for them"


PAGES = _book_pages(__import__("conftest").ROOT)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_prose_types_no_figures(path):
    """Figures in prose are computed values cited by name; a number typed by hand could go stale. Calendar years
    are not figures: "the pledge of 2016" stays true whatever the data say."""
    from factcheck.validate.prose import types_a_figure

    for text in _prose(path):
        text = re.sub(r"\{value\}`[^`]+`|`[^`]*`|\]\([^)]*\)|\(([a-z-]+)\)=|^\s*\d+\.\s|^:::.*$", "", text,
                      flags=re.MULTILINE)  # values, code, link targets, labels, list numbers, directives
        assert not types_a_figure(text), f"{path.name}: a figure is typed in prose: {text[:120]!r}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_page_is_written_once_in_english(path):
    """The French edition's text is in the catalogs (locales/fr), never in a twin cell or a twin file."""
    assert not path.name.endswith(".fr.md")
    if path.suffix == ".ipynb":
        cells = nbformat.read(path, as_version=4).cells
        assert not any(c.metadata.get("lang") for c in cells), path.name
        assert not any(re.search(r"^\s*# (en|fr): ", c.source, re.M) for c in cells if c.cell_type == "code"), path.name


PUBLISHING_TAGS = {"remove-input", "hide-input", "remove-cell", "remove-output", "hide-cell", "hide-output"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_says_how_it_is_published(path):
    """An untagged code cell is a scratch cell left behind: it would print its code and output on a page
    readers see. Explore in explore/ (never published), or tag the cell (CONTRIBUTING.md)."""
    nb = nbformat.read(path, as_version=4)
    untagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                and not PUBLISHING_TAGS & set(c.metadata.get("tags", []))]
    assert not untagged, (f"{path.relative_to(path.parents[1])}: code cells {untagged} have no publishing tag; "
                          "move exploration to explore/, or tag the cell remove-input, hide-input or remove-cell")


def test_every_notebook_has_current_outputs(root):
    stale = [s for s in (status(root, nb) for nb in notebooks(root)) if s.stale]
    assert not stale, [(s.notebook.name, s.reason) for s in stale]


def test_no_per_cell_timing_metadata_is_stored(root):
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert not any("execution" in c.metadata for c in nb.cells), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_stored_output_carries_a_warning_or_an_error(path):
    """Warnings in outputs leak machine paths and hide real problems from readers."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("name") != "stderr", f"{path.name}: {out.get('text', '')[:200]}"
            assert out.get("output_type") != "error", path.name
