"""``_toc.yml``, read in one place, with the parser Jupyter Book itself uses (sphinx-external-toc)."""

from __future__ import annotations

from pathlib import Path

TOC = "_toc.yml"


def documents(root: Path) -> list[str]:
    """Every document the book publishes, as Sphinx docnames (``book/claims/amount``), in the toc's order."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    return list(parse_toc_yaml(root / TOC))


def notebooks(root: Path) -> list[Path]:
    """The published notebooks, in the toc's order."""
    return [root / f"{doc}.ipynb" for doc in documents(root) if (root / f"{doc}.ipynb").is_file()]
