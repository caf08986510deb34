"""The French edition: the same notebooks, executed once, built a second time in French under ``fr/``.

A notebook carries both editions: each markdown cell is followed by its French twin (``"lang": "fr"`` in the
cell's metadata), a code comment a reader sees is written twice (``# en: …`` then ``# fr: …``), and each output the package displays is marked with the language it was written in
(:mod:`factcheck.book`). :func:`select` keeps what one edition shows; a Markdown page ``x.md`` has its French
text in ``x.fr.md``. Each edition is a full Sphinx build with its own ``language`` (so ``<html lang>``, the
theme's words and the search index's stemmer are that language's), output directory and doctrees; the two
builds run side by side, one process each.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import yaml

from .. import french
from ..language import COMMENT

FRENCH_DIR = "fr"


def select(nb: dict, lang: str) -> dict:
    """The notebook (as parsed from its JSON) as one edition shows it: its language's markdown cells, comments
    and outputs."""
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and (cell.get("metadata", {}).get("lang", "en") != lang):
            continue
        if cell["cell_type"] == "markdown" and lang == "fr":
            cell["source"] = french.typeset(_text(cell["source"]))
        if cell["cell_type"] == "code":
            cell["source"] = comments_in(_text(cell["source"]), lang)
        if "outputs" in cell:
            cell["outputs"] = [o for o in cell["outputs"] if o.get("metadata", {}).get("lang", lang) == lang]
        cells.append(cell)
    nb["cells"] = cells
    return nb


def comments_in(code: str, lang: str) -> str:
    """The code with its comments in one language: the other language's comment lines go, the tags too."""
    lines = []
    for line in code.splitlines(keepends=True):
        m = COMMENT.match(line)
        if m and m.group(2) != lang:
            continue
        lines.append(COMMENT.sub(r"\1# ", line) if m else line)
    return "".join(lines).rstrip("\n")


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def image_alts(nb: dict) -> dict[str, str]:
    """The alt text of each chart in a notebook (as one edition shows it), by the SHA-256 of its PNG: the name
    myst-nb gives the image file."""
    import base64
    import hashlib

    alts = {}
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            png, alt = output.get("data", {}).get("image/png"), output.get("metadata", {}).get("alt")
            if png and alt:
                alts[hashlib.sha256(base64.b64decode(png)).hexdigest()] = alt
    return alts


def french_markdown(path: Path) -> Path:
    return path.with_suffix(".fr.md")


def french_page(path: Path) -> str:
    """A Markdown page's French text, in French typography."""
    return french.typeset(french_markdown(path).read_text(encoding="utf-8"))


def twin_href(pagename: str, lang: str) -> str:
    """The relative link from a page of edition ``lang`` to the same page in the other edition."""
    depth = pagename.count("/")
    if lang == "en":
        return "../" * depth + f"{FRENCH_DIR}/{pagename}.html"
    return "../" * (depth + 1) + f"{pagename}.html"


def french_toc(toc_path: Path, captions: dict[str, str], out: Path) -> Path:
    """The table of contents with its captions in French (the pages are the same documents)."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        caption = part.get("caption")
        if caption is not None:
            if caption not in captions:
                raise ValueError(f"_config.yml: factcheck_editions.fr.captions has no French for the _toc.yml "
                                 f"caption {caption!r}")
            part["caption"] = captions[caption]
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
    settings = config["factcheck_editions"]["fr"]  # the French title, captions and labels
    toc = french_toc(root / "_toc.yml", settings["captions"], root / "_build" / ".toc.fr.yml")
    return {**base, **settings.get("config", {}), "language": "fr", "html_title": settings["title"],
            "html_baseurl": posixpath.join(config["html_baseurl"], FRENCH_DIR, ""),
            "external_toc_path": toc.as_posix()}


def output_dirs(root: Path, lang: str) -> tuple[Path, Path]:
    """(HTML, doctrees) of an edition: the French HTML lives inside the English site, under fr/."""
    build = root / "_build"
    if lang == "en":
        return build / "html", build / ".doctrees"
    return build / "html" / FRENCH_DIR, build / ".doctrees-fr"
