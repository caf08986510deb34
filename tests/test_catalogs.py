"""The French edition's words live in standard gettext catalogs: every English message is extractable, every
French entry is translated and current, an English edit fails validation until its French is updated, and a
fix to a French word re-executes no notebook (CONTRIBUTING.md, followed in copies of the project)."""

import ast
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import copy_project, run_in

from factcheck.pipeline.catalogs import catalog_file, problems

SRC = Path(__file__).resolve().parents[1] / "src" / "factcheck"
MESSAGE_CALLS = {"t", "nt", "ct"}


def _message_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MESSAGE_CALLS:
            yield node


def _marked_tables(tree: ast.Module) -> set[str]:
    """Module-level tables whose every message is marked for extraction (``NC_("context", "…")``)."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Dict, ast.Tuple)):
            values = node.value.values if isinstance(node.value, ast.Dict) else node.value.elts
            if values and all(isinstance(v, ast.Call) and getattr(v.func, "id", "") in ("N_", "NC_") for v in values):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


@pytest.mark.parametrize("path", sorted((SRC / "render").glob("*.py")) + [SRC / "pipeline" / "sphinx.py"],
                         ids=lambda p: p.name)
def test_every_message_is_a_literal_babel_can_extract(path):
    """A message inside an f-string, nested in another message's fields, or built at run time would never reach
    the catalog: the French edition would show English. A message may also come from a table whose every entry
    is marked (``NC_``), which Babel extracts where the table is written."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tables = {name for module in (SRC / "render").glob("*.py") for name in _marked_tables(ast.parse(module.read_text()))}
    for fstring in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
        assert not list(_message_calls(fstring)), f"{path.name}:{fstring.lineno}: a message inside an f-string"
    for call in _message_calls(tree):
        message = call.args[1] if call.func.attr == "ct" else call.args[0]
        literal = isinstance(message, ast.Constant) and isinstance(message.value, str)
        from_table = isinstance(message, ast.Subscript) and getattr(message.value, "id", "") in tables
        assert literal or from_table, f"{path.name}:{call.lineno}"
        for field in [*call.args[1:], *(k.value for k in call.keywords)]:
            assert not [c for c in _message_calls(field) if c is not call], f"{path.name}:{call.lineno}: nested"


def test_every_french_entry_is_translated_current_and_keeps_its_fields(root):
    assert problems(root) == []


def test_the_catalogs_hold_every_word_of_the_french_edition(root):
    code = read_po(open(catalog_file(root, "fr"), "rb"))
    assert len([m for m in code if m.id]) > 250
    pages = list((root / "locales" / "fr" / "LC_MESSAGES" / "book").rglob("*.po"))
    assert len(pages) >= 17


def test_a_catalog_reads_back_as_written_its_previous_english_kept_where_babel_puts_it(tmp_path):
    """Babel reads ``#| msgid`` lines as translator comments; rewritten, they would pile up as ``# | msgid``."""
    from babel.messages.catalog import Catalog

    from factcheck.pipeline.catalogs import _read, _write

    catalog = Catalog(locale="fr")
    catalog.add("The sources that decide: {outlets}", "Les sources décisives : {outlets}", flags=["fuzzy"],
                previous_id="The decisive sources: {outlets}")
    long = "The Wall Street Journal noted how little detail Son gave; CNBC's report, written before the " * 3
    catalog.add(long + "announcement.", "Le Wall Street Journal…", flags=["fuzzy"], previous_id=long + "event.")
    path = tmp_path / "x.po"
    _write(path, catalog)
    first = path.read_text(encoding="utf-8")
    assert '#| msgid "The decisive sources: {outlets}"' in first
    for _ in range(2):
        _write(path, _read(path, "fr"))
    assert path.read_text(encoding="utf-8") == first and "# |" not in first
    assert _read(path, "fr").get(long + "announcement.").previous_id == [long + "event."]


def _set_french(path: Path, english: str, french: str) -> None:
    """Edit one entry as a translator would, in a text editor: its msgstr, and no fuzzy flag."""
    text = path.read_text(encoding="utf-8")
    block = re.search(rf'(#, fuzzy[^\n]*\n)?(#\| msgid "[^\n]*"\n)*msgid "{re.escape(english)}"\nmsgstr "[^"]*"', text)
    assert block, english
    text = text.replace(block.group(0), f'msgid "{english}"\nmsgstr "{french}"')
    path.write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_a_fix_to_a_french_word_reaches_the_french_page_and_executes_nothing(tmp_path):
    """Also a headline: every page's menu lists it, so every page of the edition shows the new one."""
    project = copy_project(tmp_path / "proj", with_build=True)
    assert run_in(project, "factcheck", "book").returncode == 0  # a copy is a new configuration: build it once whole
    _set_french(project / "locales/fr/LC_MESSAGES/factcheck.po", "The decisive sources: {outlets}", "Les sources qui tranchent : {outlets}")
    for path in (project / "book/tracker.md", project / "locales/fr/LC_MESSAGES/book/tracker.po"):  # a new headline
        path.write_text(path.read_text(encoding="utf-8").replace("Did SoftBank deliver? The pledge tracker",
                                                                 "Did SoftBank keep its word? The pledge tracker"), encoding="utf-8")
    _set_french(project / "locales/fr/LC_MESSAGES/book/tracker.po", "Did SoftBank keep its word? The pledge tracker",
                "SoftBank a-t-il tenu ses promesses ? Le suivi")
    out = run_in(project, "factcheck", "book")
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "every notebook is current" in out.stdout and "executed" not in out.stdout
    french = (project / "_build/html/fr/book/claims/amount.html").read_text(encoding="utf-8")
    english = (project / "_build/html/book/claims/amount.html").read_text(encoding="utf-8")
    assert "Les sources qui tranchent" in french and "Les sources décisives" not in french
    assert "The decisive sources" in english
    for edition, new_, old_ in (("", "keep its word?", "Did SoftBank deliver?"), ("fr/", "tenu ses promesses", "a-t-il tenu parole")):
        for page in (project / f"_build/html/{edition}book").rglob("*.html"):  # the menu of every page, in both editions
            text = page.read_text(encoding="utf-8")
            assert new_ in text and old_ not in text, (edition, page.name)


@pytest.mark.slow
def test_an_english_edit_fails_validation_until_its_french_is_updated(tmp_path):
    project = copy_project(tmp_path / "proj")
    claims = project / "src/factcheck/render/claims.py"
    claims.write_text(claims.read_text(encoding="utf-8").replace("The decisive sources: {outlets}", "The sources that decide: {outlets}"),
                      encoding="utf-8")
    page = project / "book/methodology.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## The ratings\n", "## Our ratings\n"),
                    encoding="utf-8")
    before = run_in(project, "factcheck", "validate")
    assert before.returncode == 1
    assert any("locales/fr/LC_MESSAGES/factcheck.po" in line and "The sources that decide" in line
               and "no French entry" in line and "claim page" in line for line in before.stderr.splitlines()), before.stderr
    assert any("locales/fr/LC_MESSAGES/book/methodology.po" in line and "Our ratings" in line
               and "book/methodology" in line for line in before.stderr.splitlines()), before.stderr
    run_in(project, "factcheck", "translations")
    fuzzy = run_in(project, "factcheck", "validate")
    assert fuzzy.returncode == 1 and fuzzy.stderr.count("marked fuzzy") == 2, fuzzy.stderr
    po = read_po(open(project / "locales/fr/LC_MESSAGES/factcheck.po", "rb"))
    entry = po.get("The sources that decide: {outlets}")
    assert entry.fuzzy and entry.string, "a French guess is kept for the translator, marked fuzzy"
    _set_french(project / "locales/fr/LC_MESSAGES/factcheck.po", "The sources that decide: {outlets}", "Les sources qui tranchent : {outlets}")
    _set_french(project / "locales/fr/LC_MESSAGES/book/methodology.po", "Our ratings", "Nos notes")
    after = run_in(project, "factcheck", "validate")
    assert after.returncode == 0, after.stderr
