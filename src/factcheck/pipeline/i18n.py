"""The French edition's words, kept honest while Sphinx builds it.

- Every generated message a page shows is recorded with its translation; when the catalog changes, Sphinx
  re-reads exactly the pages whose messages changed (``env-get-outdated``), and executes nothing.
- A message or a paragraph with no current French (missing, or fuzzy after an English edit) is a warning that
  names the catalog, the message and the page, so the strict build fails until someone translates it.
- French typography (:mod:`factcheck.render.typography`) is applied to every French text node, raw HTML and
  image description, whoever wrote them; text in another language, code and addresses are left alone.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..render.typography import typeset, typeset_html
from ..render.words import Words, catalog_path
from . import context

logger = logging.getLogger(__name__)
RECORD = "factcheck_messages"  # env attribute: docname → {message key: its text when the page was read}


def record_messages(app: Sphinx, doctree: nodes.document) -> None:
    """After a page is read: keep what its generated words were, and warn about any with no French."""
    env = app.env
    w: Words | None = env.temp_data.get("factcheck_words")
    if w is not None:
        getattr(env, RECORD, None) or setattr(env, RECORD, {})
        getattr(env, RECORD)[env.docname] = dict(w.used)
        warn_missing(w, env.docname)
    if context.edition(app) != "en":
        untranslated_prose(app, doctree)


def warn_missing(w: Words, docname: str) -> None:
    """A message the page shows that the catalog does not translate (yet)."""
    catalog = catalog_path(Path(context.LOCALE_DIR), w.code).as_posix()
    for message in sorted(w.missing):
        logger.warning(f"{catalog}: no French for the message {message!r} (shown on {docname}): run "
                       "`make translations`, then translate it", location=docname)
    w.missing.clear()


def untranslated_prose(app: Sphinx, doctree: nodes.document) -> None:
    """A paragraph of the page with no current translation in the page's catalog (Sphinx marks it)."""
    docname = app.env.docname
    catalog = f"{context.LOCALE_DIR}/{context.edition(app)}/LC_MESSAGES/{docname}.po"
    for node in doctree.findall(nodes.TextElement):
        if node.get("translated") is False and node.get("translatable", True) and node.rawsource.strip():
            logger.warning(f"{catalog}: no French for {node.rawsource.strip()[:120]!r} (shown on {docname}): run "
                           "`make translations`, then translate it", location=node)


def outdated_by_catalog(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """The pages whose generated words read differently with today's catalog."""
    record = getattr(env, RECORD, {})
    if context.edition(app) == "en" or not record:
        return []
    w = Words.of(context.edition(app), context.locale_dir(app))
    return [doc for doc, messages in record.items() if doc not in changed and doc in env.found_docs
            and any(w.text_of(key) != text for key, text in messages.items())]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, RECORD, {}).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    getattr(env, RECORD, None) or setattr(env, RECORD, {})
    getattr(env, RECORD).update({d: m for d, m in getattr(other, RECORD, {}).items() if d in docnames})


def _language(node: nodes.Node, edition: str) -> str | None:
    """The language a text is in: the nearest ``language-xx`` around it, else the edition's; None for code and for
    an address shown as text, which no typography rule may touch, and for raw HTML, which only ``typeset_html`` may
    set (it keeps out of the tags: « width:37.4 % » is no longer a width)."""
    while node is not None:
        if isinstance(node, (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.comment,
                             nodes.raw)):
            return None
        if isinstance(node, nodes.reference) and node.astext().startswith(("http", "www.")):
            return None
        if isinstance(node, nodes.Element):
            marked = [c.removeprefix("language-") for c in node.get("classes", ()) if c.startswith("language-")]
            if marked:
                return marked[0]
        node = node.parent
    return edition


def _merge_texts(element: nodes.Element) -> None:
    """Join the runs of plain text children of an element, so a rule sees the text on both sides of a seam."""
    children = list(element.children)
    for first, second in zip(children, children[1:]):
        if isinstance(first, nodes.Text) and isinstance(second, nodes.Text) and first.parent is element:
            merged = nodes.Text(str(first) + str(second))
            element.replace(first, merged)
            element.remove(second)
            return _merge_texts(element)


class FrenchTypography(SphinxTransform):
    """Set every French text of the page by the French rules, after its values are written (priority 25): all of
    the French edition but its quotes in other languages, and the article's French words in the English one."""

    default_priority = 30

    def apply(self, **kwargs) -> None:
        edition = self.config.factcheck_edition
        for element in list(self.document.findall(nodes.TextElement)):  # a value cited in prose is its own node:
            if _language(element, edition) == "fr":                     # « … milliards de dollars ; le … »
                _merge_texts(element)
        for text in list(self.document.findall(nodes.Text)):
            if _language(text.parent, edition) == "fr":
                fixed = typeset(str(text))
                if fixed != str(text):
                    text.parent.replace(text, nodes.Text(fixed))
        for raw in self.document.findall(nodes.raw):
            if raw.get("format") == "html" and _language(raw.parent, edition) == "fr":
                fixed = typeset_html(raw.astext())
                if fixed != raw.astext():
                    raw.children[0].parent.replace(raw.children[0], nodes.Text(fixed))
        for image in self.document.findall(nodes.image):
            if image.get("alt") and edition == "fr":
                image["alt"] = typeset(image["alt"])
