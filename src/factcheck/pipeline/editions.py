"""The two editions: the same book built twice, the French one under ``fr/`` from the same executed notebooks.

Each edition is a full Sphinx build with its own ``language`` (so ``<html lang>``, the theme's words, the search
index's stemmer and the page catalogs under ``locales/`` are that language's), output directory and doctrees;
the two builds run side by side, one process each. Nothing is executed twice: a notebook's outputs are
findings, and each edition writes their words (:mod:`factcheck.pipeline.outputs`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml

FRENCH_DIR = "fr"
NAMES = {"en": "English", "fr": "Français"}
"""Each edition's name in its own language, for the switch that leads to it."""
SWITCH_TITLES = {"en": "Read this page in English", "fr": "Lire cette page en français"}


def twin_href(pagename: str, lang: str) -> str:
    """The relative link from a page of edition ``lang`` to the same page in the other edition."""
    depth = pagename.count("/")
    if lang == "en":
        return "../" * depth + f"{FRENCH_DIR}/{pagename}.html"
    return "../" * (depth + 1) + f"{pagename}.html"


def translated_toc(root: Path, lang: str, out: Path) -> Path:
    """The table of contents with its captions in the edition's language. Sphinx's gettext builder extracts the
    captions into the root page's catalog, but sphinx-external-toc adds them after Sphinx translates a page, so
    the edition's toc takes them from that catalog itself."""
    from babel.messages.pofile import read_po
    from sphinx_external_toc.parsing import parse_toc_yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    catalog = root / "locales" / lang / "LC_MESSAGES" / f"{parse_toc_yaml(root / '_toc.yml').root.docname}.po"
    with open(catalog, "rb") as fh:
        words = {m.id: m.string for m in read_po(fh) if m.id and m.string and not m.fuzzy}
    for part in toc.get("parts", []):
        if part.get("caption") in words:
            part["caption"] = words[part["caption"]]
    out.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(toc, allow_unicode=True, sort_keys=False)
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return out


def overrides(root: Path, lang: str) -> dict:
    """Sphinx settings of an edition, over those of ``_config.yml`` (which are the English edition's)."""
    base = {"nitpicky": True, "latex_individualpages": False, "factcheck_edition": lang,
            "external_toc_path": (root / "_toc.yml").as_posix()}
    if lang == "en":
        return base
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    settings = config["factcheck_editions"]["fr"]  # the French title and the theme's labels
    toc = translated_toc(root, lang, root / "_build" / f".toc.{lang}.yml")
    return {**base, **settings.get("config", {}), "language": "fr", "html_title": settings["title"],
            "html_baseurl": posixpath.join(config["html_baseurl"], FRENCH_DIR, ""),
            "external_toc_path": toc.as_posix()}


def output_dirs(root: Path, lang: str) -> tuple[Path, Path]:
    """(HTML, doctrees) of an edition: the French HTML lives inside the English site, under fr/."""
    build = root / "_build"
    if lang == "en":
        return build / "html", build / ".doctrees"
    return build / "html" / FRENCH_DIR, build / ".doctrees-fr"
