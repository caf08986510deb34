"""The ``{value}`name``` role: prose cites a computed value by name, and the build writes it in the page's language.

A claim notebook publishes its values with ``page.values()`` (and its charts' figures); a Markdown page may
cite the book-wide values (:func:`book_values`). The role leaves a placeholder that a transform fills after
Sphinx has translated the page, so a French paragraph from the catalog cites the same value in French.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..metrics import ABOUT_TOLERANCE
from ..notebook import Value
from ..render.method import rating_name
from ..render.words import EM, END_EM, Words
from . import context

logger = logging.getLogger(__name__)
KEY = "factcheck_values"


class value(nodes.Inline, nodes.TextElement):
    """A computed value, cited by name, not yet written."""


def value_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [value(rawtext, "", key=text.strip())], []


def store_values(env: BuildEnvironment, values: tuple[Value, ...]) -> None:
    env.temp_data.setdefault(KEY, {}).update({v.name: v for v in values})


def book_values(env: BuildEnvironment) -> dict[str, Value | str]:
    """Values any page may cite: the article's headline, and the tolerance the checks allow « environ »."""
    article = context.dataset(env.app).article()
    return {"article_headline": article.headline_fr, "about_tolerance": Value("about_tolerance", percent=ABOUT_TOLERANCE)}


def written(v: Value | str, w: Words) -> str:
    if isinstance(v, str):
        return v
    if v.rating is not None:
        return rating_name(v.rating, w)
    if v.outlets is not None:
        return w.outlets(v.outlets) if v.outlets else w.t("no source")
    if v.amount is not None:
        return w.quantity(v.amount)
    if v.percent is not None:
        return w.percent(v.percent)
    return w.t("the same") if v.same else w.t("a different")


def inline(text: str) -> list[nodes.Node]:
    """Written text as nodes: a publication's title (between italics marks) as emphasis."""
    out: list[nodes.Node] = []
    for i, piece in enumerate(re.split(f"[{EM}{END_EM}]", text)):
        if piece:
            out.append(nodes.emphasis(piece, piece) if i % 2 else nodes.Text(piece))
    return out


class WriteValues(SphinxTransform):
    """Fill each cited value, after the Locale transform (priority 20) has put in the page's translation."""

    default_priority = 25

    def apply(self, **kwargs) -> None:
        found = list(self.document.findall(value))
        if not found or self.app.builder.name == "gettext":
            return  # the gettext builder reads each paragraph's source, roles and all
        values = {**book_values(self.env), **self.env.temp_data.get(KEY, {})}
        w = context.words(self.env)
        for node in found:
            key = node["key"]
            if key not in values:
                logger.warning(f"{{value}}`{key}`: this page computes no value of that name (a claim notebook "
                               "publishes its values with page.values())", location=node)
                node.replace_self(nodes.Text(key))
                continue
            text = written(values[key], w)
            if node.parent is not None and node.parent.index(node) == 0:
                text = w.sentence(text)[:len(text)]  # a value that opens a sentence takes its capital
            node.replace_self(inline(text))
