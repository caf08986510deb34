"""MyST Markdown primitives: every page is written as MyST, so its words reach the search index, its links the
link checker, and text in another language carries its ``lang`` (docutils turns a ``language-fr`` class into
``lang="fr"``). Every string from ``data/`` passes through :func:`md` (Markdown) or :func:`html.escape` (the
few inline HTML spans), so a quote holding markup, a MyST role or a ``</script>`` renders as plain text.
"""

from __future__ import annotations

import re
from html import escape

from .words import EM, END_EM, plain

SCALE_LABEL = "rating-scale"
"""The methodology's label for the rating scale: every badge links there."""
STATUS_LABEL = "status-scale"
"""The tracker's label for its statuses: every status badge links there."""


def md(text: str) -> str:
    """Escape every ASCII punctuation mark: data renders as text, never as Markdown or MyST syntax; only a
    publication's title, marked by :meth:`~factcheck.render.words.Words.outlet`, becomes italics."""
    escaped = re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(text.split()))
    return escaped.replace(EM, "*").replace(END_EM, "*")


def block(directive: str, body: str, argument: str = "", **options: str) -> str:
    """A MyST colon-fenced directive whose fence is longer than any fence nested in its body."""
    inner = max((len(m) for m in re.findall(r"(?m)^:{3,}", body)), default=2)
    fence = ":" * (inner + 1)
    opts = "".join(f":{k.rstrip('_').replace('_', '-')}: {v}\n" for k, v in options.items())
    return f"{fence}{{{directive}}} {argument}".rstrip() + f"\n{opts}{body.strip()}\n{fence}"


def container(classes: str, body: str, name: str = "") -> str:
    return block("container", body, classes, **({"name": name} if name else {}))


def md_role(text: str) -> str:
    """Text inside a role's backticks is not Markdown: escape only what ends or re-targets the role."""
    return " ".join(text.split()).replace("`", "'").replace("<", "‹").replace(">", "›")


def link(text: str, url: str, title: str = "", lang: str = "") -> str:
    """A link; ``title`` is shown on hover (and read by some screen readers); ``lang``, the language of its text
    where it is not the page's (the title of a work), so it is read, hyphenated and typeset as that language."""
    hover = ' "' + plain(title).replace("\\", "").replace('"', "'") + '"' if title else ""
    marked = f"{{.language-{lang}}}" if lang else ""
    return f"[{md(text)}](<{url.replace('<', '%3C').replace('>', '%3E').replace(chr(10), '')}>{hover}){marked}"


def ref(text: str, label: str) -> str:
    """A link to a labelled place in the book, from any page."""
    return f"{{ref}}`{md_role(text)} <{label}>`"


def doc(text: str, docname: str) -> str:
    return f"{{doc}}`{md_role(text)} </{docname}>`"


def html_text(text: str) -> str:
    """Text escaped for an HTML text node. Apostrophes stay as typed, so the French typography can still curl
    them (« l’Ohio », not « l&#x27;Ohio »); a publication's title is set in italics."""
    return escape(text, quote=False).replace(EM, "<em>").replace(END_EM, "</em>")


def lang_span(text: str, code: str) -> str:
    """Inline text in another language, marked for screen readers, hyphenation and the typography rules."""
    return f'<span lang="{code}">{html_text(" ".join(text.split()))}</span>'


def span(classes: str, text: str) -> str:
    """Inline HTML holding escaped text (for a badge, a label)."""
    return f'<span class="{classes}">{html_text(text)}</span>'


def heading(level: int, text: str, anchor: str, classes: str) -> str:
    """A heading other pages can link to: a MyST target for {ref}, and a raw heading carrying its id."""
    return f'({anchor})=\n<h{level} class="{classes}" id="{anchor}">{text}</h{level}>'


def list_table(header: tuple[str, ...], rows: list[tuple[str, ...]], classes: str, widths: str = "") -> str:
    """A table a phone can read: the book's stylesheet turns the rows of a ``fc-cards`` table into cards."""
    lines = ["* - " + "\n  - ".join(header)] + ["* - " + "\n  - ".join(row) for row in rows]
    options = {"header_rows": "1", "class_": classes}
    if widths:
        options["widths"] = widths
    return block("list-table", "\n".join(lines), "", **options)


def anchor_of(kind: str, key: str) -> str:
    return f"{kind}-{key.replace('_', '-')}"
