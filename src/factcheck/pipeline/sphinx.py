"""The Sphinx extension: the book's words written when it is built, ClaimReview JSON-LD in each claim page's
head, the language switch, the footer, and the exports beside the HTML.

Configured from ``_config.yml`` (``sphinx.config``): ``factcheck_publisher`` (name, url),
``factcheck_date_published``, ``factcheck_contact`` (url, email), ``factcheck_editions`` (the French
edition's title and settings), and Sphinx's own ``html_baseurl``, which every absolute URL follows. The build sets
``factcheck_edition`` ("en" or "fr") for each of the two builds (:mod:`factcheck.pipeline.editions`); Jupyter
Book's own ``jupyter-book build .`` builds the English one. What the hooks add comes from ``data/``, so every
page declares the data files and the words it depends on (``env.note_dependency``), and Sphinx re-reads it
when they change; a change to this layer's own code changes the extension's ``env_version``.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from sphinx.application import Sphinx

from ..claimreview import Publisher, claim_review, exports, json_ld_script
from ..render.overview import publication_dates, team
from ..render.myst import html_text
from ..render.typography import typeset_html
from . import context, editions, i18n
from .directives import FactcheckBlock
from .values import WriteValues, value, value_role

EXPORT_DIR = "exports"
WORDS = ("render",)  # the package folders whose code writes the book's words: every page depends on them


def _publisher(app: Sphinx) -> Publisher:
    conf = app.config.factcheck_publisher
    return Publisher(conf["name"], conf["url"])


def _base_url(app: Sphinx) -> str:
    return app.config.html_baseurl or "/"


def note_dependencies(app: Sphinx, docname: str, source: list[str]) -> None:
    """Sphinx re-reads a page when a file it depends on changes: every page shows words from the data (the
    footer, the texts beside each finding) and from the code that writes them, and uses the book's stylesheet
    and templates."""
    root = Path(app.srcdir)
    for path in sorted((root / "data").glob("*.csv")):
        app.env.note_dependency(str(path))
    package = Path(__file__).resolve().parents[1]
    for folder in WORDS:
        for path in sorted((package / folder).glob("*.py")):
            app.env.note_dependency(str(path))
    # Sphinx copies static files and re-renders templates only when some page is out of date: an edit to the
    # book's stylesheet or templates alone would otherwise never reach the site.
    for folder in (*app.config.html_static_path, *app.config.templates_path):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                app.env.note_dependency(str(path))


def remember_titles(app: Sphinx, env, docnames: list[str]) -> None:
    """Before Sphinx reads the changed pages: every page's title as it stands (see :func:`menus_to_rewrite`)."""
    app._factcheck_titles = {doc: title.astext() for doc, title in env.titles.items()}


def menus_to_rewrite(app: Sphinx, env) -> list[str]:
    """Every page's menu lists the titles of the others, but Sphinx rewrites only the pages it re-read: when a
    headline changes, every page is written again, so no menu or search result keeps the old one."""
    now = {doc: title.astext() for doc, title in env.titles.items()}
    return sorted(env.found_docs) if now != getattr(app, "_factcheck_titles", now) else []


def language_switch(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """Every page links its twin in the other edition: visibly at the top, and for search engines."""
    lang = context.edition(app)
    other = "fr" if lang == "en" else "en"
    href = html.escape(editions.twin_href(pagename, lang))
    title = editions.SWITCH_TITLES[other]
    context_["metatags"] = context_.get("metatags", "") + f'\n<link rel="alternate" hreflang="{other}" href="{href}">'
    if "body" in context_:
        context_["body"] = (f'<p class="fc-language-switch"><a href="{href}" hreflang="{other}" lang="{other}" '
                            f'title="{title}">{editions.NAMES[other]}</a></p>\n' + context_["body"])


def byline(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """Under each page's headline: who wrote the fact-check, when it was published and when it last changed in
    substance, linked to the corrections (the footer then need not say it again)."""
    if "body" not in context_ or "</h1>" not in context_["body"]:
        return
    lang = context.edition(app)
    w = context.Words.of(lang, context.locale_dir(app))
    published, changed = publication_dates(context.dataset(app))
    corrections = html.escape(context_["pathto"]("book/corrections"))
    updated = html_text(w.t("Updated {date}", date=w.date(changed.date)))  # (Babel cannot read inside f-strings)
    text = html_text(w.t("By {team} · Published {published} ·", team=team(w), published=w.date(published.date)))
    if pagename != "book/corrections":
        updated = f'<a href="{corrections}">{updated}</a>'
    line = f'<p class="fc-page-byline">{text} {updated}</p>'
    i18n.warn_missing(w, pagename)
    context_["body"] = context_["body"].replace("</h1>", "</h1>\n" + (typeset_html(line) if lang == "fr" else line), 1)


def theme_words(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """The theme's heading over a page's own contents, from our catalog: its French catalog says « Contenu »."""
    context_["theme_toc_title"] = context.Words.of(context.edition(app), context.locale_dir(app)).ct("theme", "Contents")


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """Jupyter Book 1.0.4 registers sphinx-thebe's and togglebutton's inline scripts twice; the second
    ``const THEBE_JS_URL`` is a console error on every page. Keep the first copy of each script.

    Upstream: no issue found in the jupyter-book, sphinx-thebe or sphinx-togglebutton trackers (searched for
    duplicated scripts and "THEBE_JS_URL"). Delete this hook when a page built without it logs no console
    error (tests/test_browser.py checks for them)."""
    seen, unique = set(), []
    for script in context_.get("script_files", []):
        # The copies differ only in filename None versus "": compare what is rendered.
        key = (getattr(script, "filename", script) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context_["script_files"] = unique


def name_toggles_by_their_text(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """myst-nb 1.4.0 labels each hide-input toggle ``aria-label="Toggle hidden content"`` while it shows
    "See how we checked": axe's label-content-name-mismatch (WCAG 2.5.3, Label in Name). A ``<summary>``
    takes its name from its text, so the label goes. (No upstream issue found; delete when myst-nb drops it.)"""
    if "body" in context_:
        context_["body"] = context_["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")


def unescape_link_targets(app: Sphinx, doctree, docname: str) -> None:
    """myst-parser 3.0 stores external link targets HTML-escaped (``escapeHtml(uri)``), and the HTML
    writer escapes them again: a source URL with ``&`` in its query would break. Store them raw.

    Upstream: executablebooks/MyST-Parser#760 ("Unable to link with multiple query params", open; the fix
    proposed in #929 was closed unmerged). Delete this hook when that issue is fixed in the pinned version."""
    from docutils import nodes

    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith(("http://", "https://")) and "&" in uri:
            ref["refuri"] = html.unescape(uri)


def label_card_cells(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """A table that turns into cards on a phone (``fc-cards``) labels each cell with its column's heading, which
    the stylesheet shows above the cell when the heading row is hidden."""
    if "body" not in context_ or "fc-cards" not in context_["body"]:
        return
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(context_["body"], "html.parser")
    for table in soup.select("table.fc-cards"):
        headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            for heading, cell in zip(headings, row.find_all("td", recursive=False)):
                cell["data-label"] = heading
    context_["body"] = str(soup)


def claimreview_tags(app: Sphinx) -> dict[str, str]:
    """Page name → the JSON-LD block for the claims on that page."""
    if not hasattr(app, "_factcheck_tags"):
        data = context.dataset(app)
        article = data.article()
        words = context.Words.of(context.edition(app), context.locale_dir(app))
        by_page: dict[str, list[dict]] = {}
        for v in context.verdicts(data):
            by_page.setdefault(v.passage.docname, []).append(
                claim_review(v, article, _publisher(app), _base_url(app), app.config.factcheck_date_published, words))
        app._factcheck_tags = {page: json_ld_script(r[0] if len(r) == 1 else r) for page, r in by_page.items()}
    return app._factcheck_tags


def add_claimreview(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    tag = claimreview_tags(app).get(pagename)
    if tag:
        context_["metatags"] = context_.get("metatags", "") + "\n" + tag


def add_footer(app: Sphinx, pagename: str, templatename: str, context_: dict, doctree) -> None:
    """Every page says how to report an error and where the data can be downloaded, in words, relative to the
    page so the links resolve anywhere."""
    lang = context.edition(app)
    w = context.Words.of(lang, context.locale_dir(app))
    contact = app.config.factcheck_contact
    up = "" if lang == "en" else "../"  # the exports are the English site's, one level above the French one
    downloads = [(w.t("the verdicts as a spreadsheet"), "verdicts.csv"), (w.t("the verdicts as data"), "verdicts.json"),
                 (w.t("the tracker as a spreadsheet"), "tracker.csv")]
    links = ", ".join(f'<a href="{html.escape(up + context_["pathto"](f"{EXPORT_DIR}/{name}", 1))}">{html_text(text)}</a>'
                      for text, name in downloads)
    report_text = html_text(w.t("Report an error or ask for a correction"))
    report = f'<a href="{html.escape(contact["url"])}">{report_text}</a>'
    if contact.get("email"):
        report += " " + html_text(w.t("or write to")) + \
            f' <a href="mailto:{html.escape(contact["email"])}">{html_text(contact["email"])}</a>'
    holder = w.ct("copyright holder", "The executable fact-check team")  # (at the head of its line: a capital)
    footer = (
        '<p class="fc-footer">' + html_text(w.t("Found an error?")) + f" {report}. "
        + html_text(w.t("Download")) + f" {links}.</p>"
        + '<p class="fc-footer">' + html_text(w.t("© {year} {team}", year=app.config.copyright, team=holder))
        + "</p>")
    i18n.warn_missing(w, pagename)
    context_["theme_extra_footer"] = typeset_html(footer) if lang == "fr" else footer


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """The English build writes the exports (both languages' fields); the French site links them."""
    if exception is not None or app.builder.format != "html" or context.edition(app) != "en":
        return
    out = Path(app.outdir) / EXPORT_DIR
    out.mkdir(exist_ok=True)
    for name, content in exports(context.dataset(app), _publisher(app), _base_url(app),
                                 app.config.factcheck_date_published, context.locale_dir(app)).items():
        path = out / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")


def code_version() -> int:
    """A digest of this layer's code and the core it computes with: Sphinx rebuilds its environment when an
    extension's version changes. (The code that writes words is a per-page dependency instead.)"""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        if path.parent.name not in WORDS:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return int(h.hexdigest()[:12], 16)


def setup(app: Sphinx) -> dict:
    app.add_config_value("factcheck_publisher", {"name": "", "url": ""}, "html")
    app.add_config_value("factcheck_date_published", "", "html")
    app.add_config_value("factcheck_contact", {"url": "", "email": ""}, "html")
    app.add_config_value("factcheck_editions", {}, "html")
    app.add_config_value("factcheck_edition", "en", "env")
    app.add_node(value)
    app.add_role("value", value_role)
    app.add_directive("factcheck", FactcheckBlock)
    app.add_transform(WriteValues)
    app.add_transform(i18n.FrenchTypography)
    app.connect("source-read", note_dependencies)
    app.connect("env-before-read-docs", remember_titles)
    app.connect("env-updated", menus_to_rewrite)
    app.connect("doctree-read", i18n.record_messages)
    app.connect("env-get-outdated", i18n.outdated_by_catalog)
    app.connect("env-purge-doc", i18n.purge)
    app.connect("env-merge-info", i18n.merge)
    app.connect("doctree-resolved", unescape_link_targets)
    app.connect("html-page-context", dedupe_scripts, priority=900)  # after every other extension
    app.connect("html-page-context", add_claimreview)
    app.connect("html-page-context", add_footer)
    app.connect("html-page-context", language_switch)
    app.connect("html-page-context", byline)
    app.connect("html-page-context", theme_words)
    app.connect("html-page-context", name_toggles_by_their_text)
    app.connect("html-page-context", label_card_cells)
    app.connect("build-finished", write_exports)
    return {"version": "0.2", "env_version": code_version(), "parallel_read_safe": True,
            "parallel_write_safe": True}
