"""Prose types no figure, every value stands in its quote, and every quote has the translations the editions need."""

from __future__ import annotations

import re

from .. import schema
from ..data import Dataset
from ..errors import Problem
from ..quantities import numbers_in
from .base import ATTR, row_of

PROSE_WITHOUT_NUMBERS = {"judgments": ("rationale_en", "rationale_fr", "departs_because_en", "departs_because_fr"),
                         "events": ("label_en", "label_fr"), "passages": ("conclusion_en", "conclusion_fr"),
                         "changelog": ("note_en", "note_fr"), "tracker": ("why_en", "why_fr"),
                         "promises": ("aim_en", "aim_fr")}


def rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    for name, columns in PROSE_WITHOUT_NUMBERS.items():
        for record in getattr(ds, ATTR[name]):
            for column in columns:
                text = getattr(record, column) or ""
                if types_a_figure(text):
                    out.append(Problem(tables[name].path, row_of(ds, name, record), column, text,
                                       "prose must not type numbers; let the checks compute and show them"))
    for ev in ds.evidence:
        row = row_of(ds, "evidence", ev)
        if (ev.value is None) != (ev.unit is None):
            out.append(Problem(tables["evidence"].path, row, "unit" if ev.unit is None else "value",
                               "", "value and unit go together"))
        elif ev.value is not None and not value_in_quote(ev.value, ev.quote):
            out.append(Problem(tables["evidence"].path, row, "value", f"{ev.value:g}",
                               "this number is not in the row's quote (in any scale); copy it from the quote"))
        if ev.language != "en" and not ev.translation_en:
            out.append(Problem(tables["evidence"].path, row, "translation_en", "",
                               f"a quote in '{ev.language}' needs an English translation (marked as ours on the page)"))
        if ev.language != "fr" and not ev.translation_fr:
            out.append(Problem(tables["evidence"].path, row, "translation_fr", "",
                               f"a quote in '{ev.language}' needs a French translation for the French edition "
                               "(marked as ours on the page)"))
    return out


CALENDAR_YEAR = re.compile(r"(?<![\d$€¥£])(?<![\d][.,])(?:19|20)\d\d(?!\d|[.,]\d|\s?%)")


def types_a_figure(text: str) -> bool:
    """Prose may name a calendar year ("in 2016"); any other digit is a figure, which must come from data."""
    return bool(re.search(r"\d", CALENDAR_YEAR.sub("", text)))


def value_in_quote(value: float, quote: str) -> bool:
    """The row's value is a number the quote states, possibly in another scale (¥45,346,920 million), outside
    any editor's insert in brackets: an insert may clarify a quote ([sic], [million]), never supply its figure."""
    for number in numbers_in(re.sub(r"\[[^\[\]]*\]", "", quote)):
        if number == 0:
            continue
        ratio = value / number
        if any(abs(ratio - 1000.0 ** k) <= 1e-6 * 1000.0 ** k for k in range(-4, 5)):
            return True
    return False
