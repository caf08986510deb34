"""The book's sources: every page in the TOC, every code cell executed, prose that types no numbers."""

import re

import nbformat
import pytest

from factcheck.build.execute import status
from factcheck.build.toc import documents, notebooks


def _toc_files(root):
    return set(documents(root))


def _book_pages(root):
    """The pages of the book; ``x.fr.md`` is the French text of ``x.md``, not a page of its own."""
    return sorted(p for p in (root / "book").rglob("*") if p.suffix in (".ipynb", ".md")
                  and not p.name.endswith(".fr.md")
                  and "_build" not in p.parts and ".ipynb_checkpoints" not in p.parts)


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_types_no_figures(path):
    """Figures in prose come from glue; a number typed in markdown could go stale. Calendar years are not
    figures: "the pledge of 2016" stays true whatever the data say."""
    from factcheck.validate import types_a_figure

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = re.sub(r"\{glue:[a-z]+\}`[^`]+`|`[^`]*`|\]\([^)]*\)|\(([a-z-]+)\)=|^\s*\d+\.\s", "", cell.source,
                      flags=re.MULTILINE)  # glue, code, link targets, labels and list numbers are not prose
        assert not types_a_figure(text), f"{path.name}: a figure is typed in prose: {cell.source[:120]!r}"


PUBLISHING_TAGS = {"remove-input", "hide-input", "remove-cell", "remove-output", "hide-cell", "hide-output"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_code_cell_says_how_it_is_published(path):
    """An untagged code cell is a scratch cell left behind: it would print its code and output on a page
    readers see. Explore in explore/ (never published), or tag the cell (book/contributing.md)."""
    nb = nbformat.read(path, as_version=4)
    untagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                and not PUBLISHING_TAGS & set(c.metadata.get("tags", []))]
    assert not untagged, (f"{path.relative_to(path.parents[1])}: code cells {untagged} have no publishing tag; "
                          "move exploration to explore/, or tag the cell remove-input, hide-input or remove-cell")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_charts_keep_the_inline_backend(path):
    nb = nbformat.read(path, as_version=4)
    assert not any("matplotlib.use(" in c.source for c in nb.cells if c.cell_type == "code")


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
