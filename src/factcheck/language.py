"""The book's two editions: each generated sentence has one template per language, side by side.

``lang(en=f"...", fr=f"...")`` picks the template of the edition being written, and refuses a call that
lacks either, so no sentence can exist in one edition only. Numbers, amounts and dates go through the
language's own formatter (:mod:`factcheck.french` for French), and text a fact-checker wrote is read from
its language's column (``rationale`` / ``rationale_fr``) by :meth:`Language.of`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TypeVar

from . import french

T = TypeVar("T")

_WORDS_EN = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen")
_WORDS_FR = ("aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
             "douze", "treize", "quatorze", "quinze")


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in its own language, for the switch that leads to it

    def __call__(self, *, en: T, fr: T) -> T:
        """This edition's side of a pair: a template, or a table of words (``L(en=KIND_LABELS, fr=KIND_LABELS_FR)``)."""
        return en if self.code == "en" else fr

    def of(self, record, column: str) -> str:
        """The text a fact-checker wrote in this language: ``summary`` reads ``summary_en`` or ``summary_fr``."""
        return getattr(record, f"{column}_{self.code}")

    def date(self, d: dt.date) -> str:
        return f"{d.day} {self.month(d.month)} {d.year}" if self.code == "en" else french.long_date(d)

    def month(self, month: int) -> str:
        return dt.date(2000, month, 1).strftime("%B") if self.code == "en" else french.MONTHS[month - 1]

    def amount(self, value: float, unit: str) -> str:
        from .quantities import format_amount

        return format_amount(value, unit) if self.code == "en" else french.amount(value, unit)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        return f"{fraction:.{decimals}%}" if self.code == "en" else french.percent(fraction, decimals)

    def number(self, value: float, decimals: int = 2) -> str:
        if self.code == "fr":
            return french.number(value, decimals)
        return f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"

    def number_word(self, n: int, feminine: bool = False) -> str:
        words = _WORDS_EN if self.code == "en" else _WORDS_FR
        if not 0 <= n < len(words):
            return self.number(n, 0)
        word = words[n]
        if self.code == "fr" and feminine:
            word = {"un": "une", "aucun": "aucune"}.get(word, word)
        return word

    def join(self, items: list[str]) -> str:
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + self(en=" and ", fr=" et ") + items[-1]

    def quoted(self, text: str) -> str:
        """A quotation, in this language's marks."""
        return f"“{text}”" if self.code == "en" else french.quoted(text)

    def typeset(self, text: str) -> str:
        return text if self.code == "en" else french.typeset(text)


COMMENT = re.compile(r"^(\s*)# (en|fr): ", re.M)
"""A code comment in one language, in a cell a reader can open: ``# en: ...`` and its twin ``# fr: ...``."""

EN = Language("en", "English")
FR = Language("fr", "Français")
LANGUAGES = (EN, FR)
