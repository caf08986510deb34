"""French typography for the French edition: one formatter for every number, amount, date and page.

« 175 milliards de dollars », « 1,5 milliard de dollars », « 100 000 emplois », « 5,2 % », « 16 décembre
2024 », « 1er mars 2025 »: thousands are grouped with a narrow no-break space (U+202F), a number is held to
its unit by a no-break space (U+00A0), and :func:`typeset` puts the no-break spaces French requires inside
« » and before : ; ? ! and %. What :func:`amount` writes, :func:`factcheck.quantities.parse_quantity_fr`
reads back to the same value (a property test holds it to that).
"""

from __future__ import annotations

import datetime as dt
import re

NNBSP = "\u202f"  # espace fine insécable: thousands, « », ; ? ! %
NBSP = "\u00a0"  # espace insécable: before « : », and between a number and its unit

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")

_CURRENCIES = {"USD": "dollars", "JPY": "yens", "EUR": "euros"}
_UNITS = {"jobs": ("emploi", "emplois"), "years": ("an", "ans"), "USD": ("dollar", "dollars"),
          "JPY": ("yen", "yens"), "EUR": ("euro", "euros")}
_SCALES = ((1e9, "milliard", "milliards"), (1e6, "million", "millions"))


def number(value: float, decimals: int = 2) -> str:
    """1234567.5 → '1 234 567,5' (narrow no-break spaces), trailing decimal zeros dropped."""
    text = f"{abs(value):,.{decimals}f}"
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    out = whole.replace(",", NNBSP) + ("," + frac if frac else "")
    return ("-" if value < 0 and out.strip("0,") else "") + out


def _plural(value: float) -> bool:
    return abs(value) >= 2  # « 1,5 milliard », « 2 milliards »


def amount(value: float, unit: str) -> str:
    """100e9, 'USD' → '100 milliards de dollars'; 1.5e9 → '1,5 milliard de dollars'; 1e5, 'jobs' → '100 000 emplois'."""
    for scale, one, many in _SCALES:
        # The scale of the words as written: 999 999 999,999 rounds to « 1 milliard », not « 1 000 millions ».
        if unit in _CURRENCIES and round(abs(value) / scale, 2) >= 1:
            mantissa = value / scale
            return f"{number(mantissa)}{NBSP}{many if _plural(mantissa) else one} de {_CURRENCIES[unit]}"
    singular, plural = _UNITS.get(unit, (unit, unit))
    return f"{number(value)}{NBSP}{plural if _plural(value) else singular}"


def percent(fraction: float, decimals: int = 0) -> str:
    """0.052 → '5,2 %'."""
    return f"{number(fraction * 100, decimals)}{NNBSP}%"


def long_date(d: dt.date) -> str:
    """16 décembre 2024; 1er mars 2025."""
    return f"{'1er' if d.day == 1 else d.day} {MONTHS[d.month - 1]} {d.year}"


def quoted(text: str) -> str:
    return f"«{NNBSP}{text}{NNBSP}»"


_RULES = (
    (re.compile(r"«[ \u00a0\u202f]?"), f"«{NNBSP}"),
    (re.compile(r"[ \u00a0\u202f]?»"), f"{NNBSP}»"),
    # A space before ; ? ! (or an escaped \; \? \! in Markdown) becomes a narrow no-break space, before : a
    # no-break space. MyST's own colons never follow a space: directive options (":class:") start a line, and
    # a role's name follows its brace.
    (re.compile(r" (\\?[;?!])(?!\w)"), NNBSP + r"\1"),
    (re.compile(r" (\\?:)(?!\w)"), NBSP + r"\1"),
    (re.compile(r"(?<![\d,.])(\d{1,3}) (?=\d{3}(?!\d))"), r"\1" + NNBSP),
    (re.compile(r"(\d) %"), r"\1" + NNBSP + "%"),
)


def typeset(text: str) -> str:
    """French spacing in prose or in the MyST Markdown of a page; idempotent."""
    for _ in range(2):  # « 1 000 000 » needs a second pass for its second group
        for pattern, repl in _RULES:
            text = pattern.sub(repl, text)
    return text
