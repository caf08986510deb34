"""The translation catalogs: extracted from the English, kept in step with it, and checked.

Two kinds of English text are translated, each the standard way:

- the words the code writes (``w.t("…")`` in :mod:`factcheck.render`), extracted by Babel into
  ``locales/factcheck.pot``, translated in ``locales/fr/LC_MESSAGES/factcheck.po``;
- the fact-checker's prose on each page, extracted by Sphinx's gettext builder (``_build/gettext``), translated
  in ``locales/fr/LC_MESSAGES/book/<page>.po`` (one catalog per page, as sphinx-intl lays them out).

``factcheck translations`` (``make translations``) brings every French catalog up to date with the English:
a new message gets an empty entry, an edited one keeps its old French marked fuzzy. :func:`problems` reports
every entry that is missing, empty, fuzzy or whose named fields differ from the English, naming the catalog,
the entry and the page that shows it, and ``factcheck validate`` fails on any of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..errors import Problem
from ..render.words import DOMAIN

LANGUAGES = ("fr",)
LOCALES = "locales"
GETTEXT_DIR = Path("_build") / "gettext"
KEYWORDS = {"t": None, "nt": (1, 2), "ct": ((1, "c"), 2), "N_": None, "NC_": ((1, "c"), 2)}
MAPPING = "babel.cfg"
FIELD = re.compile(r"\{(\w*)\}")
CODE_PAGES = {"claims": "every claim page", "findings": "every claim page", "figures": "the assets and 2016 pages",
              "charts": "the pages with charts", "overview": "the landing page", "tracker": "the tracker",
              "sources": "the sources, about and timeline pages", "method": "the methodology and tracker",
              "words": "every page", "sphinx": "every page (footer)", "claimreview": "the exports and ClaimReview"}


def code_template(root: Path) -> Catalog:
    """Every message the code shows, extracted by Babel (as ``pybabel extract -F babel.cfg`` would)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(root / MAPPING, encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh, filename=str(root / MAPPING))
    catalog = Catalog(domain=DOMAIN, project="softbank-pledge factcheck")
    for filename, lineno, message, comments, context in extract_from_dir(
            root, method_map, options_map, keywords=KEYWORDS, comment_tags=("NOTE",), strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def page_templates(root: Path) -> dict[str, Catalog]:
    """Each page's prose, as Sphinx's gettext builder extracts it (docname → its template)."""
    from babel.messages.pofile import read_po

    from .run import build_edition
    from .toc import documents

    stamp = root / GETTEXT_DIR / ".extracted"
    if not _newer(stamp, _page_sources(root)):
        if build_edition(root, "en", builder="gettext") != 0:
            raise RuntimeError("the gettext build failed: see its warnings above")
        stamp.touch()
    out = {}
    # Only the book's pages: the theme's own words (sphinx.pot) are translated by the theme's catalogs.
    for docname in documents(root):
        pot = root / GETTEXT_DIR / f"{docname}.pot"
        if pot.is_file():
            with open(pot, "rb") as fh:
                out[docname] = read_po(fh)
    return out


def _page_sources(root: Path) -> list[Path]:
    """What the page templates are extracted from: the pages, the table of contents and the configuration."""
    return [root / "_toc.yml", root / "_config.yml", *(p for p in (root / "book").rglob("*")
                                                         if p.suffix in (".md", ".ipynb"))]


def _newer(stamp: Path, sources: list[Path]) -> bool:
    """Was the last extraction made after every source last changed?"""
    return stamp.is_file() and all(p.stat().st_mtime_ns < stamp.stat().st_mtime_ns for p in sources if p.is_file())


def catalog_file(root: Path, lang: str, docname: str | None = None) -> Path:
    """The French catalog of the code (``docname`` None) or of one page."""
    return root / LOCALES / lang / "LC_MESSAGES" / (f"{docname}.po" if docname else f"{DOMAIN}.po")


def _read(path: Path, lang: str) -> Catalog:
    from babel.messages.pofile import read_po

    if not path.is_file():
        return Catalog(locale=lang)
    with open(path, "rb") as fh:
        catalog = read_po(fh, locale=lang)
    for message in catalog:
        _restore_previous(message)
    return catalog


def _restore_previous(message: Message) -> None:
    """Babel writes the English a fuzzy entry was translated from as ``#| msgid "…"`` but reads those lines back
    as translator comments (``| msgid "…"``), which the next write turns into ``# | msgid "…"``: put them back
    where they belong, so a catalog reads the same however often it is rewritten."""
    from babel.messages.pofile import unescape

    lines = [c[2:] for c in message.user_comments if c.startswith("| ")]
    if not lines:
        return
    message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
    fields: dict[str, str] = {}
    key = ""
    for line in lines:  # a long field is wrapped at a space, even inside its quotes: rejoin with that space
        word, _, rest = line.partition(" ")
        if word in ("msgid", "msgid_plural", "msgctxt"):
            key, line = word, rest
        fields[key] = (fields[key] + " " + line) if key in fields else line
    previous = tuple("".join(unescape(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', fields[k]))
                     for k in ("msgid", "msgid_plural") if k in fields)
    message.previous_id = list(previous) if message.fuzzy else []


def _write(path: Path, catalog: Catalog) -> bool:
    """Write the catalog if its content changes; say whether it did."""
    import io

    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    # Files, not line numbers: a catalog changes when a message does, not when the code around it moves.
    write_po(buffer, catalog, width=120, omit_header=False, sort_output=False, ignore_obsolete=True,
             include_previous=True, include_lineno=False)
    # Babel's placeholders for a translator's name and team, and the extraction date, say nothing here: the
    # history is in git (and a date in every catalog would make every merge conflict).
    text = re.sub(rb'"(Report-Msgid-Bugs-To|Last-Translator|Language-Team|POT-Creation-Date): [^"]*"\n'
                  rb'|"PO-Revision-Date: YEAR[^"]*"\n', b"", buffer.getvalue())
    # The header's creation date changes on every run: compare without it.
    strip = re.compile(rb'"(POT-Creation-Date|PO-Revision-Date): [^"]*"\n')
    if path.is_file() and strip.sub(b"", path.read_bytes()) == strip.sub(b"", text):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    return True


def templates(root: Path) -> dict[str | None, Catalog]:
    return {None: code_template(root), **page_templates(root)}


def update(root: Path) -> list[Path]:
    """Bring every French catalog in step with the English; return the catalogs that changed."""
    changed = []
    for docname, template in templates(root).items():
        for lang in LANGUAGES:
            path = catalog_file(root, lang, docname)
            catalog = _read(path, lang)
            catalog.update(template, update_header_comment=False)
            if _write(path, catalog):
                changed.append(path)
    return changed


@dataclass(frozen=True)
class Entry:
    message: Message
    catalog: Path


def _entries(path: Path, lang: str) -> dict[tuple, Message]:
    return {(m.context, m.id): m for m in _read(path, lang) if m.id}


def problems(root: Path, found: dict[str | None, Catalog] | None = None) -> list[Problem]:
    """Every English message whose French is missing, empty, fuzzy or has other named fields."""
    out = []
    for docname, template in (found if found is not None else templates(root)).items():
        for lang in LANGUAGES:
            path = catalog_file(root, lang, docname)
            rel = path.relative_to(root).as_posix()
            entries = _entries(path, lang)
            for message in template:
                if not message.id:
                    continue
                shown = docname or _shown_by(message)
                entry = entries.get((message.context, message.id))
                text = _first(message.id)
                if entry is None:
                    out.append(Problem("../" + rel, None, "msgid", text, f"no French entry (shown on {shown}): run "
                                       "`make translations`, then translate it"))
                elif entry.fuzzy:
                    out.append(Problem("../" + rel, None, "msgid", text, f"the English changed; the French is "
                                       f"marked fuzzy until it is updated (shown on {shown})"))
                elif not all(_strings(entry.string)):
                    out.append(Problem("../" + rel, None, "msgstr", text, f"the French is empty (shown on {shown})"))
                elif not _same_fields(message.id, entry.string):
                    out.append(Problem("../" + rel, None, "msgstr", _first(entry.string),
                                       f"its fields {sorted(_fields(message.id))} differ from the English "
                                       f"(shown on {shown})"))
    return out


def _strings(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value or "",)


def _first(value) -> str:
    return _strings(value)[0]


def _fields(value) -> set[str]:
    return {f for s in _strings(value) for f in FIELD.findall(s)}


def _same_fields(english, french) -> bool:
    """A translation may drop the count of a singular (« la partie » for "the one part"), never add a field."""
    return _fields(french) <= _fields(english) and all(_fields(s) for s in _strings(french)) == all(
        _fields(s) for s in _strings(english)) or _fields(french) == _fields(english)


def _shown_by(message: Message) -> str:
    for filename, _ in message.locations:
        stem = Path(filename).stem
        if stem in CODE_PAGES:
            return CODE_PAGES[stem]
    return "the book"


def page_catalogs(root: Path, lang: str) -> Iterator[Path]:
    folder = root / LOCALES / lang / "LC_MESSAGES"
    yield from sorted(p for p in folder.rglob("*.po") if p.name != f"{DOMAIN}.po")
