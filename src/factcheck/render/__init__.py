"""What a reader reads: findings, verdicts and statuses turned into words, per edition, when the book is built.

One module per kind of page (claims, overview, tracker, sources, method) and one for charts; each function
takes what was computed and a :class:`Page` (the data for the texts, the edition's :class:`Words`, and where
charts go) and returns MyST Markdown. Nothing here imports Jupyter or Sphinx.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..data import Dataset
from ..records import Source
from .words import Words


@dataclass(frozen=True)
class Page:
    """Everything a renderer needs besides what was computed."""

    dataset: Dataset
    w: Words
    chart: Callable[[Any, str], str]  # (matplotlib Figure, alt text) → MyST that shows it

    def text(self, record: object, column: str) -> str:
        """What a fact-checker wrote in this edition's language: ``conclusion`` → ``conclusion_fr``, the titles of
        the publications it names marked for italics."""
        text = getattr(record, f"{column}_{self.w.code}")
        return self.w.titles(text) if text else text

    def source_title(self, source: Source) -> str:
        """A source's name for its link: the work's title as published or, where it was not recovered, our
        description of the page, in the edition's language."""
        return source.title or self.text(source, "description")

    def source_link(self, source: Source) -> str:
        """The link to a source, its text the work's title marked with the title's language (so French
        typography leaves an English headline as printed), or our description in the edition's language."""
        from .myst import link

        if not source.title:
            return link(self.text(source, "description"), source.url)
        languages = [e.language for e in self.dataset.evidence if e.source_id == source.source_id]
        cjk = any("\u3040" <= ch <= "\u9fff" for ch in source.title)
        lang = "ja" if cjk else max(set(languages), key=languages.count) if languages else "en"
        return link(source.title, source.url, lang=lang if lang != self.w.code else "")
