"""``factcheck new-claim``: a new claim page from the template, listed in _toc.yml, nothing overwritten."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

PAGE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TOC_ENTRY = re.compile(r"^(?P<indent>\s*)- file: book/claims/\S+\s*$")


class ScaffoldError(Exception):
    """The scaffold would overwrite something or cannot find where to list the page."""


def new_claim(root: Path, page_id: str) -> list[Path]:
    if not PAGE_ID.fullmatch(page_id):
        raise ScaffoldError(f"{page_id!r} is not a page id: use lowercase letters, digits, '-' and '_'")
    notebook = root / "book" / "claims" / f"{page_id}.ipynb"
    toc_path = root / "_toc.yml"
    if notebook.exists():
        raise ScaffoldError(f"{notebook.relative_to(root)} already exists; nothing was changed")
    from .pipeline.toc import documents

    toc = toc_path.read_text(encoding="utf-8")
    if f"book/claims/{page_id}" in documents(root):
        raise ScaffoldError(f"_toc.yml already lists book/claims/{page_id}; nothing was changed")
    lines = toc.splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if TOC_ENTRY.match(line)), default=None)
    if last is None:
        raise ScaffoldError("_toc.yml has no '- file: book/claims/...' entry to add the page after")
    indent = TOC_ENTRY.match(lines[last]).group("indent")
    lines.insert(last + 1, f"{indent}- file: book/claims/{page_id}\n")
    template = resources.files("factcheck").joinpath("templates/claim.ipynb").read_text(encoding="utf-8")
    notebook.parent.mkdir(parents=True, exist_ok=True)
    with open(notebook, "x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
        fh.write(template.replace("PAGE_ID", page_id))
    tmp = toc_path.with_name("._toc.yml.tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(toc_path)
    return [notebook, toc_path]
