"""French typography, applied to every piece of French text a reader sees, whoever wrote it.

The French edition's pages are set by these rules when the book is built (the build runs :func:`typeset` over
each French text node, and over raw HTML text and image descriptions), so an editor types plain spaces and
straight apostrophes in a catalog or a data cell and the page still reads as AFP Factuel would print it:

- a no-break space between a number and its unit (« 375 millions », « 100 000 emplois ») and inside a date
  (« 16 décembre 2024 »); thousands grouped with a narrow no-break space (« 100 000 »);
- a narrow no-break space before ; ! ? and %, and inside « », a no-break space before :;
- the typographic apostrophe in French words (« l’article »).

Text in another language, code and addresses are left alone (the build skips them).
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
SPACES = " \u00a0\u202f"
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
UNITS = ("milliards?", "millions?", "milliers?", "mille", "billions?", "dollars?", "yens?", "euros?", "emplois?",
         "ans?", "mois", "jours?", "semaines?", "heures?", "gigawatts?", "GW", "Md", "Mds", "actions?", "salariés?",
         "ingénieurs?", "sites?", "milliards de dollars")
_MONTHS = "|".join(MONTHS)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # thousands: « 100 000 », « 1 234 567 » (a second pass catches the second group)
    (re.compile(rf"(?<![\d,.])(\d{{1,3}})[{SPACES}](?=\d{{3}}(?!\d))"), r"\1" + NNBSP),
    # a number and its unit, a day and its month, a month and its year
    (re.compile(rf"(\d)[ \u202f](?=(?:{'|'.join(UNITS)})\b)"), r"\1" + NBSP),
    (re.compile(rf"\b(\d{{1,2}}|1er)[ \u202f](?=(?:{_MONTHS})\b)"), r"\1" + NBSP),
    (re.compile(rf"\b({_MONTHS})[ \u202f](?=\d{{4}}\b)"), r"\1" + NBSP),
    # « guillemets »
    (re.compile(rf"«[{SPACES}]?"), "«" + NNBSP),
    (re.compile(rf"[{SPACES}]?»"), NNBSP + "»"),
    # ; ! ? % take a narrow no-break space, : a no-break space (never inside a number, a time or an address)
    (re.compile(r"(?:(?<=[^\s(\[«\u00a0\u202f])|^)(?<!Yahoo)(?<![!?])[ ]?([;!?])(?=[\s)»\]”\"’.,!?]|$)"), NNBSP + r"\1"),  # a brand keeps its « ! »
    (re.compile(r"(?<=\d)[ \u00a0]?%"), NNBSP + "%"),
    (re.compile(r"(?:(?<=[^\s(\[\u00a0\u202f/])|^)[ ]?(:)(?=[\s»”\"]|$)"), NBSP + r"\1"),
    # the apostrophe of a French word, also before a link or a bold word (« l’{ref}`échelle` »: the text ends there)
    (re.compile(r"(?<=[A-Za-zÀ-ÿ])'(?=[A-Za-zÀ-ÿ]|$)"), "\u2019"),
)


def typeset(text: str) -> str:
    """French spacing and apostrophes in plain text; idempotent."""
    for _ in range(4):  # « 1 000 000 » needs a second pass for its second group; « ; ! » another
        before = text
        for pattern, repl in _RULES:
            text = pattern.sub(repl, text)
        if text == before:
            break
    return text


_TAG = re.compile(r"(<[^>]*>)")


_OPEN = re.compile(r"<([a-zA-Z][\w-]*)([^>]*?)(/?)>")
_LANG = re.compile(r"""\blang=["']?([\w-]+)""")
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


def typeset_html(html: str) -> str:
    """The same rules over the text of an HTML fragment, never inside its tags, nor inside an element marked as
    another language (``lang="en"``: a quote is shown as its source prints it)."""
    out, stack = [], []  # stack: (tag, is French) of the open elements
    for part in _TAG.split(html):
        if not part.startswith("<"):
            out.append(typeset(part) if all(french for _, french in stack) else part)
            continue
        out.append(part)
        if part.startswith("</"):
            name = part[2:-1].strip().lower()
            while stack and stack.pop()[0] != name:
                pass
        elif (m := _OPEN.match(part)) and not m.group(3) and m.group(1).lower() not in _VOID:
            lang = _LANG.search(m.group(2))
            stack.append((m.group(1).lower(), lang is None or lang.group(1).split("-")[0] == "fr"))
    return "".join(out)
