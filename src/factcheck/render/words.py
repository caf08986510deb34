"""The words of one edition: its catalog of sentences (gettext) and its numbers, dates and lists (Babel).

Every sentence the book writes is an English message in this package, marked for extraction
(``w.t("…")``, ``w.nt("…", "…", n)`` for plurals, ``w.ct("context", "…")`` where one English word has
several French ones) and translated in ``locales/fr/LC_MESSAGES/factcheck.po``, which an editor can fix
without touching Python; ``make translations`` refreshes the catalog after an English edit, which turns the
French entry fuzzy until someone rewrites it. Fields are named (``{outlets}``), so a translation can move them.

Babel writes numbers, amounts, percentages, dates and lists the way each language does (« 1,5 milliard »,
« 100 000 », « 16 décembre 2024 »); only what Babel lacks is written here: the currency words after a large
amount (« de dollars »), the French « 1er », the quotation marks, and number words (from the catalog).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from ..outcomes import Amount
from ..quantities import Qualifier
from ..records import Outlet

DOMAIN = "factcheck"
LOCALES = {"en": "en_GB", "fr": "fr"}
"""The Babel locale of each edition: British English writes '16 December 2024' and 'A, B and C'."""
NAMED_OUTLETS = 3
"""A sentence explains; it does not enumerate: at most this many outlets, then "and N others"."""
NBSP, NNBSP = "\u00a0", "\u202f"
EM, END_EM = "\ue000", "\ue001"
"""Around a publication's title in generated text (private-use characters, so no escaping touches them): MyST
(:func:`factcheck.render.myst.md`) and HTML turn them into italics, plain text (a chart) drops them."""
_SYMBOLS = {"USD": "$", "JPY": "¥", "EUR": "€"}

# A quotation inside a quotation, in each language's first-level marks.
INNER_FR = re.compile(r"«[\s\u00a0\u202f]*(.*?)[\s\u00a0\u202f]*»", re.DOTALL)
INNER_EN = re.compile(r"“(.*?)”", re.DOTALL)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> str:
    """:func:`N_` for a message shown with :meth:`Words.ct` in ``context``."""
    return message


NUMBER_WORDS = (NC_("number", "no"), NC_("number", "one"), NC_("number", "two"), NC_("number", "three"),
                NC_("number", "four"), NC_("number", "five"), NC_("number", "six"), NC_("number", "seven"),
                NC_("number", "eight"), NC_("number", "nine"), NC_("number", "ten"), NC_("number", "eleven"),
                NC_("number", "twelve"), NC_("number", "thirteen"), NC_("number", "fourteen"),
                NC_("number", "fifteen"))
FEMININE_WORDS = (NC_("number, feminine", "no"), NC_("number, feminine", "one"))
"""French says « aucune » and « une » of a feminine noun (« une phrase »); the other numbers do not change."""


def plain(text: str) -> str:
    """Generated text without its italics marks, for a chart or an attribute."""
    return text.replace(EM, "").replace(END_EM, "")


def catalog_path(locale_dir: Path, code: str) -> Path:
    return locale_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _translations(path: Path, mtime_ns: int) -> gettext.NullTranslations:
    """The catalog's translated, non-fuzzy entries: a fuzzy entry is an English edit not yet translated."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        catalog = read_po(fh)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translations(locale_dir: Path | None, code: str) -> gettext.NullTranslations:
    if code == "en" or locale_dir is None:
        return gettext.NullTranslations()
    path = catalog_path(locale_dir, code)
    if not path.is_file():
        return gettext.NullTranslations()
    return _translations(path, path.stat().st_mtime_ns)


@dataclass(frozen=True)
class Words:
    """One edition's way of writing; ``used`` records each message it looked up, ``missing`` those its catalog
    lacks (the build warns about them, and reads ``used`` to know which pages a catalog edit changes)."""

    code: str
    catalog: gettext.NullTranslations = field(default_factory=gettext.NullTranslations, compare=False)
    used: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    missing: set[str] = field(default_factory=set, compare=False, repr=False)
    names: dict[str, Outlet] = field(default_factory=dict, compare=False, repr=False)  # data/outlets.csv

    @classmethod
    def of(cls, code: str, locale_dir: Path | None = None, outlets: Sequence[Outlet] = ()) -> Words:
        return cls(code, translations(locale_dir, code), names={o.outlet: o for o in outlets})

    @property
    def locale(self) -> str:
        return LOCALES[self.code]

    # --- sentences ---

    def text_of(self, key: str) -> str:
        """What the catalog gives for a message key: ``message``, ``context\x04message`` or
        ``singular\x00plural`` (both forms, for a plural)."""
        if "\x00" in key:
            singular, plural = key.split("\x00")
            return self.catalog.ngettext(singular, plural, 1) + "\x00" + self.catalog.ngettext(singular, plural, 2)
        if "\x04" in key:
            return self.catalog.pgettext(*key.split("\x04"))
        return self.catalog.gettext(key)

    def _look_up(self, key: str, catalog_key: object) -> None:
        known = getattr(self.catalog, "_catalog", None)
        if self.code != "en" and (known is None or catalog_key not in known):
            self.missing.add(key.replace("\x04", " | ").replace("\x00", " / "))
        self.used[key] = self.text_of(key)

    def t(self, message: str, **fields: object) -> str:
        """A sentence, translated, with its named fields filled in."""
        self._look_up(message, message)
        text = self.catalog.gettext(message)
        return text.format(**fields) if fields else text

    def nt(self, singular: str, plural: str, n: float, **fields: object) -> str:
        """A sentence whose words agree with ``n`` (« 0 emploi annoncé », "0 jobs reported")."""
        count = int(n) if float(n).is_integer() else 2  # 1.5 takes the plural in English; French decides by n
        if self.code == "fr":
            count = 1 if abs(n) < 2 else 2  # « 1,5 milliard », « 0 emploi », « 2 emplois »
        self._look_up(f"{singular}\x00{plural}", (singular, 0))
        text = self.catalog.ngettext(singular, plural, count)
        return text.format(**fields) if fields else text

    def ct(self, context: str, message: str, **fields: object) -> str:
        """A word whose translation depends on where it stands (a rating's name, a table's heading)."""
        self._look_up(f"{context}\x04{message}", f"{context}\x04{message}")
        text = self.catalog.pgettext(context, message)
        return text.format(**fields) if fields else text

    # --- numbers, amounts, dates, lists (Babel) ---

    def number(self, value: float, decimals: int = 2) -> str:
        """1234567.5 → '1,234,567.5' · « 1 234 567,5 »; trailing decimal zeros dropped."""
        return format_decimal(round(value, decimals), format=f"#,##0.{'#' * decimals}" if decimals else "#,##0",
                              locale=self.locale)

    def amount(self, value: float, unit: str, digits: int = 2) -> str:
        """'$100 billion' · « 100 milliards de dollars »; '100,000 jobs' · « 100 000 emplois ». ``digits``: at most
        this many decimals of the scale (3 keeps a reported '$5.375 billion' as its source wrote it)."""
        if unit in _SYMBOLS and round(abs(value), 2) >= 1e6:  # the scale of the words as written
            compact = format_compact_decimal(value, format_type="long", locale=self.locale, fraction_digits=digits)
            if self.code == "en":
                return f"{_SYMBOLS[unit]}{compact}"
            if round(abs(value) / 1e9, 2) >= 1000:  # the press writes « 45 350 milliards », not the rarer « billions »
                compact = self.number(value / 1e9, digits) + " milliards"
            compact = compact.replace(" ", NBSP)
            if unit == "USD":
                return self.ct("large amount", "{amount} dollars", amount=compact)
            if unit == "JPY":
                return self.ct("large amount", "{amount} yen", amount=compact)
            return self.ct("large amount", "{amount} euros", amount=compact)
        number = self.number(value, 0 if float(value).is_integer() else 2)
        if unit in _SYMBOLS and self.code == "en":
            return f"{_SYMBOLS[unit]}{number}"
        if unit == "jobs":
            return self.nt("{number} job", "{number} jobs", value, number=number)
        if unit == "years":
            return self.nt("{number} year", "{number} years", value, number=number)
        if unit == "USD":
            return self.nt("{number} dollar", "{number} dollars", value, number=number)
        if unit == "JPY":
            return self.nt("{number} yen", "{number} yen", value, number=number)
        if unit == "EUR":
            return self.nt("{number} euro", "{number} euros", value, number=number)
        return f"{number} {unit}"

    def quantity(self, amount: Amount, digits: int = 2) -> str:
        """An amount with its qualifier: 'at least $100 billion' · « au moins 100 milliards de dollars »."""
        figure = self.amount(amount.value, amount.unit, digits)
        if amount.qualifier is Qualifier.EXACT:
            return figure
        return self.ct("qualifier", QUALIFIERS[amount.qualifier], amount=figure)

    def qualifier(self, qualifier: Qualifier) -> str:
        """The qualifier's own words, as the article or a source uses them: 'at least' · « au moins »."""
        return self.ct("qualifier word", QUALIFIER_WORDS[qualifier])

    def percent(self, fraction: float, decimals: int = 0) -> str:
        """0.052 → '5.2%' · « 5,2 % »."""
        from babel import Locale

        pattern = Locale.parse(self.locale).percent_formats[None].pattern  # '#,##0%' · '#,##0 %'
        if decimals:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
        return format_percent(fraction, format=pattern, locale=self.locale)

    def date(self, d: dt.date) -> str:
        """'16 December 2024' · « 16 décembre 2024 », « 1er mars 2025 »."""
        text = format_date(d, "long", locale=self.locale)
        if self.code == "fr" and d.day == 1:
            text = "1er" + text[1:]
        return text.replace(" ", NBSP) if self.code == "fr" else text

    def day_month(self, day: int, month: int) -> str:
        """A date the text gives without its year: '16 December' · « 16 décembre », « 1er mars »."""
        text = format_date(dt.date(2000, month, day), "d MMMM", locale=self.locale)
        if self.code == "fr":
            return ("1er" + text[1:] if day == 1 else text).replace(" ", NBSP)
        return text

    def month_year(self, d: dt.date) -> str:
        """'December 2024' · « décembre 2024 »."""
        return format_date(d, "MMMM y", locale=self.locale)

    def month(self, month: int) -> str:
        return format_date(dt.date(2000, month, 1), "MMMM", locale=self.locale)

    def join(self, items: Sequence[str]) -> str:
        """'A, B and C' · « A, B et C »."""
        return format_list(list(items), locale=self.locale) if items else ""

    def outlet(self, name: str) -> str:
        """An outlet's name as a label (a card, a table): « Wall Street Journal », a publication's in italics."""
        o = self.names.get(name)
        shown = (o.name_fr if o and o.name_fr and self.code == "fr" else None) or name
        return f"{EM}{shown}{END_EM}" if o and o.italic else shown

    def titles(self, text: str) -> str:
        """Prose a fact-checker wrote, with the titles of publications it names marked for italics (« le *Wall
        Street Journal* »); the names are data/outlets.csv's, matched whole and case for case."""
        pattern = self._titles()
        return pattern.sub(lambda m: f"{EM}{m.group(0)}{END_EM}", text) if pattern else text

    def _titles(self):
        import re

        if "_title_pattern" not in self.__dict__:
            names = set()
            for o in self.names.values():
                if o.italic:
                    name = (o.name_fr if self.code == "fr" and o.name_fr else o.outlet)
                    names |= {name, name.removeprefix("The ")} if len(name.removeprefix("The ")) > 3 else {name}
            alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            object.__setattr__(self, "_title_pattern", re.compile(rf"(?<![\w{EM}])(?:{alternatives})(?![\w{END_EM}])")
                               if names else None)
        return self.__dict__["_title_pattern"]

    def outlet_in_text(self, name: str) -> str:
        """An outlet's name in running text: French puts its article first (« l'AFP », « le *Wall Street
        Journal* », « l'agence Kyodo »)."""
        o, label = self.names.get(name), self.outlet(name)
        if self.code != "fr" or not o or not o.article_fr:
            return label
        return o.article_fr + ("" if o.article_fr.endswith("'") else " ") + label

    def outlets(self, names: Sequence[str]) -> str:
        """At most three outlets, then how many others: 'AP, CNBC, Reuters and two others'."""
        named = [self.outlet_in_text(n) for n in names]
        shown, rest = named[:NAMED_OUTLETS], len(names) - NAMED_OUTLETS
        if rest <= 0:
            return self.join(shown)
        return self.nt("{names} and {count} other", "{names} and {count} others", rest,
                       names=", ".join(shown), count=self.count(rest))

    def count(self, n: int, feminine: bool = False) -> str:
        """A small number in words ('fourteen', « quatorze », « une »), larger ones in figures."""
        if not 0 <= n < len(NUMBER_WORDS):
            return self.number(n, 0)
        if feminine and n < len(FEMININE_WORDS):
            return self.ct("number, feminine", FEMININE_WORDS[n])
        return self.ct("number", NUMBER_WORDS[n])

    def quoted(self, text: str) -> str:
        """A quotation in this language's marks, unless the text already carries its own. A quotation inside it
        takes the second-level marks (French « … “…” … », English “… ‘…’ …"), never the same marks twice."""
        if text[:1] in "“\"«‘":
            return text
        if self.code == "en":
            return "“" + INNER_EN.sub(r"‘\1’", text) + "”"
        return f"«{NNBSP}" + INNER_FR.sub(r"“\1”", text) + f"{NNBSP}»"

    def sentence(self, text: str) -> str:
        """A generated clause as a sentence: a capital first (after an italics mark), a full stop last."""
        lead = len(text) - len(text.lstrip(EM))
        return text[:lead] + text[lead:lead + 1].upper() + text[lead + 1:] + ("" if text.endswith((".", "!", "?")) else ".")


QUALIFIERS = {Qualifier.ABOUT: NC_("qualifier", "about {amount}"),
              Qualifier.AT_LEAST: NC_("qualifier", "at least {amount}"),
              Qualifier.EXCEEDING: NC_("qualifier", "more than {amount}"),
              Qualifier.AT_MOST: NC_("qualifier", "at most {amount}"),
              Qualifier.UP_TO: NC_("qualifier", "up to {amount}")}
QUALIFIER_WORDS = {Qualifier.ABOUT: NC_("qualifier word", "about"),
                   Qualifier.AT_LEAST: NC_("qualifier word", "at least"),
                   Qualifier.EXCEEDING: NC_("qualifier word", "more than"),
                   Qualifier.AT_MOST: NC_("qualifier word", "at most"),
                   Qualifier.UP_TO: NC_("qualifier word", "up to")}
