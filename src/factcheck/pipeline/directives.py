"""The ``factcheck`` directive: a page that computes nothing shows a block of the book read from the data when
Sphinx builds it (``:::{factcheck} tracker``), in the edition's language. Each block and what it shows:

bottom-line, verdict-table, about (the landing page); corrections, changes; article-facts, article-text;
timeline; sources; tracker-cards, tracker; rating-scale,
default-rules, combination-rules, status-scale, status-rules, counting-rules (the methodology).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..render import Page, method, overview, sources, tracker
from . import context
from .outputs import untranslatable


def _config(app) -> dict:
    config = app.config
    return {"publisher": config.factcheck_publisher, "contact": config.factcheck_contact,
            "repository": config.html_theme_options.get("repository_url", "")}


def _verdicts(page: Page):
    return context.verdicts(page.dataset)


BLOCKS: dict[str, Callable[..., str]] = {
    "bottom-line": lambda page, opts, app: overview.bottom_line(_verdicts(page), page) + "\n\n"
    + overview.corrections_list(_verdicts(page), page),
    "verdict-table": lambda page, opts, app: overview.verdict_table(_verdicts(page), page),
    "about": lambda page, opts, app: overview.about(page, _config(app)),
    "corrections": lambda page, opts, app: overview.corrections(page),
    "changes": lambda page, opts, app: overview.changes(page),
    "article-facts": lambda page, opts, app: sources.article_facts(page),
    "article-text": lambda page, opts, app: sources.article_text(page),
    "timeline": lambda page, opts, app: sources.timeline(page),
    "sources": lambda page, opts, app: sources.sources(page),
    "tracker-cards": lambda page, opts, app: tracker.cards(context.standings(page.dataset), page),
    "tracker": lambda page, opts, app: "\n\n".join(tracker.promise(s, page) for s in context.standings(page.dataset)),
    "rating-scale": lambda page, opts, app: method.rating_scale(page.w),
    "default-rules": lambda page, opts, app: method.default_rules(page.w),
    "combination-rules": lambda page, opts, app: method.combination_rules(page.w),
    "status-scale": lambda page, opts, app: method.status_scale(page.w),
    "status-rules": lambda page, opts, app: method.status_rules(page.w),
    "counting-rules": lambda page, opts, app: method.counting_rules(page.w),
}


class FactcheckBlock(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in BLOCKS:
            raise self.error(f"factcheck: no block {name!r}; the blocks are: {', '.join(BLOCKS)}")
        if self.env.app.builder.name == "gettext":
            return []  # a page catalog holds the fact-checker's prose, never generated words
        data_dir = Path(self.env.srcdir) / "data"
        for path in sorted(data_dir.glob("*.csv")):
            self.env.note_dependency(str(path))
        text = BLOCKS[name](context.page(self.env), self.options, self.env.app)
        holder = nodes.Element()
        self.state.nested_parse(StringList(text.splitlines(), source=f"factcheck {name}"), self.content_offset, holder)
        return untranslatable(list(holder.children))
