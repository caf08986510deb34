"""French quantities and dates, parsed from the article's own words.

An asserted value is read from the verbatim quote (the ``value_fr`` fragment of a claim), never typed
a second time. French conventions handled: decimal comma (« 1,5 milliard »), thousands grouped by a
space, a no-break space or a narrow no-break space (« 100 000 »), the long scale (« milliard » is
10⁹; « billion » is 10¹², a false friend of the English "billion"), and the qualifiers that change
what a number asserts (« au moins », « environ », « dépassant », « d'ici la fin de »).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass


class Qualifier(str, enum.Enum):
    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    EXCEEDING = "exceeding"
    AT_MOST = "at_most"
    UP_TO = "up_to"


# Longest phrases first, so that « plus de » is not read as « de ».
_QUALIFIERS_FR: tuple[tuple[str, Qualifier], ...] = (
    ("au moins", Qualifier.AT_LEAST), ("au minimum", Qualifier.AT_LEAST),
    ("environ", Qualifier.ABOUT), ("près de", Qualifier.ABOUT), ("quelque", Qualifier.ABOUT),
    ("approximativement", Qualifier.ABOUT),
    ("dépassant", Qualifier.EXCEEDING), ("plus de", Qualifier.EXCEEDING), ("supérieurs à", Qualifier.EXCEEDING),
    ("supérieur à", Qualifier.EXCEEDING), ("au-delà de", Qualifier.EXCEEDING),
    ("au plus", Qualifier.AT_MOST), ("moins de", Qualifier.AT_MOST), ("jusqu'à", Qualifier.UP_TO),
)

_SCALES_FR = {"mille": 1e3, "millier": 1e3, "milliers": 1e3, "million": 1e6, "millions": 1e6,
              "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "billion": 1e12, "billions": 1e12}

_UNITS_FR = {"dollar": "USD", "dollars": "USD", "$": "USD", "yen": "JPY", "yens": "JPY", "euro": "EUR",
             "euros": "EUR", "€": "EUR", "emploi": "jobs", "emplois": "jobs"}

# Digits grouped by thousands with any space-like separator, then an optional decimal comma.
_SPACES = "\u0020\u00a0\u202f\u2009"
_NUMBER = re.compile(rf"(?<![\d,])(\d{{1,3}}(?:[{_SPACES}]\d{{3}})+|\d+)(?:,(\d+))?(?![\d])")

MONTHS_FR = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
             "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
             "décembre": 12, "decembre": 12}


class ParseError(ValueError):
    """The fragment holds no quantity or date in a form this module knows."""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    qualifier: Qualifier
    text: str


def _normalise(text: str) -> str:
    # Typographic apostrophes and NFC, so that « jusqu’à » and « jusqu'à » read alike.
    return unicodedata.normalize("NFC", text).replace("\u2019", "'").strip()


def parse_number_fr(text: str) -> float:
    """The first number in ``text``, French style: « 1,5 » → 1.5, « 100 000 » → 100000."""
    match = _NUMBER.search(_normalise(text))
    if not match:
        raise ParseError(f"no number in {text!r}")
    whole = re.sub(f"[{_SPACES}]", "", match.group(1))
    return float(f"{whole}.{match.group(2)}" if match.group(2) else whole)


def parse_qualifier_fr(text: str) -> Qualifier:
    lowered = _normalise(text).lower()
    for phrase, qualifier in _QUALIFIERS_FR:
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
            return qualifier
    return Qualifier.EXACT


def parse_quantity_fr(text: str) -> Quantity:
    """« au moins 100 milliards de dollars » → Quantity(1e11, 'USD', AT_LEAST)."""
    norm = _normalise(text)
    match = _NUMBER.search(norm)
    if not match:
        raise ParseError(f"no number in {text!r}")
    number = parse_number_fr(norm)
    after = norm[match.end():].lower()
    words = re.findall(r"[\w$€']+|[$€]", after)
    scale = 1.0
    unit = None
    for word in words[:4]:
        word = word.removeprefix("d'")
        if word in _SCALES_FR and scale == 1.0 and unit is None:
            scale = _SCALES_FR[word]
        elif word in _UNITS_FR:
            unit = _UNITS_FR[word]
            break
    if unit is None:
        raise ParseError(f"no unit (dollars, yens, euros, emplois) after the number in {text!r}")
    return Quantity(number * scale, unit, parse_qualifier_fr(norm[: match.start()]), text)


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the text: « le 16 décembre » has no year, « 2028 » has only a year."""

    year: int | None
    month: int | None
    day: int | None
    qualifier: str  # "on", "by_end_of", "between"
    until_year: int | None = None  # for periods: « entre 2000 et 2002 »

    def matches(self, date: dt.date) -> bool:
        """True when every component the text gives agrees with ``date``."""
        if self.qualifier == "between":
            return self.year is not None and self.until_year is not None and self.year <= date.year <= self.until_year
        if self.qualifier == "by_end_of":
            return self.year is not None and date <= dt.date(self.year, 12, 31)
        return all(part is None or part == actual for part, actual in
                   ((self.year, date.year), (self.month, date.month), (self.day, date.day)))


def parse_date_fr(text: str) -> PartialDate:
    """« le 16 décembre » · « en novembre 2024 » · « d'ici la fin de 2028 » · « entre 2000 et 2002 »."""
    norm = _normalise(text).lower()
    years = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", norm)]
    if re.search(r"\bentre\b", norm) and len(years) == 2:
        return PartialDate(years[0], None, None, "between", years[1])
    if re.search(r"d'ici (la )?fin( de)?", norm) or "avant la fin" in norm:
        if not years:
            raise ParseError(f"a deadline with no year in {text!r}")
        return PartialDate(years[0], None, None, "by_end_of")
    month_match = re.search(r"\b(" + "|".join(MONTHS_FR) + r")\b", norm)
    day_match = re.search(r"\b(\d{1,2}|1er)\s+(?=" + "|".join(MONTHS_FR) + r")", norm)
    if not (month_match or years):
        raise ParseError(f"no date in {text!r}")
    day = None
    if day_match:
        day = 1 if day_match.group(1) == "1er" else int(day_match.group(1))
    month = MONTHS_FR[month_match.group(1)] if month_match else None
    if day is not None and month is not None:
        dt.date(years[0] if years else 2000, month, day)  # raises on 31 février
    return PartialDate(years[0] if years else None, month, day, "on")


# --- English side: evidence units ------------------------------------------------------------

_UNIT_SCALES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def split_unit(unit: str) -> tuple[str, float]:
    """'USD billion' → ('USD', 1e9); 'jobs' → ('jobs', 1.0). English short scale."""
    base, _, scale = unit.partition(" ")
    if scale not in _UNIT_SCALES:
        return unit, 1.0
    return base, _UNIT_SCALES[scale]


def to_base(value: float, unit: str) -> tuple[float, str]:
    base, scale = split_unit(unit)
    return value * scale, base


_ENGLISH_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100}


def numbers_in(text: str) -> list[float]:
    """Every number an evidence quote states: 1,500 · 1.5 · 153.33 · ¥45,346,920 · 29兆円 · "four years"."""
    found = [float(m.replace(",", "")) for m in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", text)]
    found += [float(f"{y}.{s.zfill(2)}") for y, s in re.findall(r"(\d+)円(\d{1,2})", text)]  # 154円11銭 = ¥154.11
    found += [float(_ENGLISH_NUMBERS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in _ENGLISH_NUMBERS]
    return found
