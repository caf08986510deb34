"""Sphinx hooks: the edition's text, ClaimReview JSON-LD in each claim page's head, the language switch, the
footer, and the exports beside the HTML.

Configured from ``_config.yml`` (``sphinx.config``): ``factcheck_publisher`` (name, url),
``factcheck_date_published``, ``factcheck_contact``, ``factcheck_editions`` (the French edition's title,
captions and labels), and Sphinx's own ``html_baseurl``, which every absolute URL follows. The build sets
``factcheck_edition`` ("en" or "fr") for each of the two builds (:mod:`factcheck.build.editions`).
What these hooks add at write time comes from ``data/``, so each page declares the data files it
depends on (``env.note_dependency``) and Sphinx re-reads it when they change; a change to this package's code
changes the extension's ``env_version``, which makes Sphinx re-read every page.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..claimreview import Publisher, claim_review, exports, json_ld_script
from ..data import Dataset
from ..display import publication_dates
from ..errors import DataError
from ..language import EN, FR, Language
from ..ratings import all_passage_verdicts
from . import editions

EXPORT_DIR = "exports"


def _dataset(app: Sphinx) -> Dataset:
    if not hasattr(app, "_factcheck_dataset"):
        try:
            app._factcheck_dataset = Dataset(Path(app.srcdir) / "data")
        except DataError as exc:
            raise ExtensionError(f"data/ is invalid; run `factcheck validate`:\n{exc}") from None
    return app._factcheck_dataset


def _publisher(app: Sphinx) -> Publisher:
    conf = app.config.factcheck_publisher
    return Publisher(conf["name"], conf["url"])


def _base_url(app: Sphinx) -> str:
    return app.config.html_baseurl or "/"


def _lang(app: Sphinx) -> Language:
    return FR if app.config.factcheck_edition == "fr" else EN


def edition_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """What a page shows in this edition: a notebook's cells and outputs in its language; a Markdown page's
    French text from its ``.fr.md`` twin."""
    path = Path(app.env.doc2path(docname))
    if path.suffix == ".ipynb":
        notebook = editions.select(json.loads(source[0]), app.config.factcheck_edition)
        app._factcheck_alts[docname] = editions.image_alts(notebook)
        source[0] = json.dumps(notebook, ensure_ascii=False)
    elif path.suffix == ".md" and app.config.factcheck_edition == "fr":
        twin = editions.french_markdown(path)
        app.env.note_dependency(str(twin))
        source[0] = editions.french_page(path)


def chart_alt_text(app: Sphinx, doctree) -> None:
    """Each chart says in words what it shows, in the page's language (myst-nb would give its file name)."""
    from docutils import nodes

    alts = app._factcheck_alts.pop(app.env.docname, {})
    for image in doctree.findall(nodes.image):
        alt = alts.get(Path(image.get("uri", "")).stem)
        if alt:
            image["alt"] = alt


def language_switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page links its twin in the other edition: visibly at the top, and for search engines
    (``rel="alternate" hreflang``)."""
    other = EN if _lang(app) is FR else FR
    href = html.escape(editions.twin_href(pagename, app.config.factcheck_edition))
    title = other(en="Read this page in English", fr="Lire cette page en français")
    context["metatags"] = context.get("metatags", "") + f'\n<link rel="alternate" hreflang="{other.code}" href="{href}">'
    if "body" in context:
        context["body"] = (f'<p class="fc-language-switch"><a href="{href}" hreflang="{other.code}" lang="{other.code}" '
                           f'title="{title}">{other.name}</a></p>\n' + context["body"])


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Jupyter Book 1.0.4 registers sphinx-thebe's and togglebutton's inline scripts twice; the second
    ``const THEBE_JS_URL`` is a console error on every page. Keep the first copy of each script.

    Upstream: no issue found in the jupyter-book, sphinx-thebe or sphinx-togglebutton trackers (searched for
    duplicated scripts and "THEBE_JS_URL"). Delete this hook when a page built without it logs no console
    error (tests/test_browser.py checks for them)."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # The copies differ only in filename None versus "": compare what is rendered.
        key = (getattr(script, "filename", script) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def name_toggles_by_their_text(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """myst-nb 1.4.0 labels each hide-input toggle ``aria-label="Toggle hidden content"`` while it shows
    "Show the computation": axe's label-content-name-mismatch (WCAG 2.5.3, Label in Name). A ``<summary>``
    takes its name from its text, so the label goes. (No upstream issue found; delete when myst-nb drops it.)"""
    if "body" in context:
        context["body"] = context["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")


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


def claimreview_tags(app: Sphinx) -> dict[str, str]:
    """Page name → the JSON-LD block for the claims on that page."""
    if not hasattr(app, "_factcheck_tags"):
        article = _dataset(app).article()
        by_page: dict[str, list[dict]] = {}
        for v in _verdicts(app):
            by_page.setdefault(v.passage.docname, []).append(
                claim_review(v, article, _publisher(app), _base_url(app), app.config.factcheck_date_published,
                             _lang(app)))
        app._factcheck_tags = {page: json_ld_script(r[0] if len(r) == 1 else r) for page, r in by_page.items()}
    return app._factcheck_tags


def add_claimreview(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    tag = claimreview_tags(app).get(pagename)
    if tag:
        context["metatags"] = context.get("metatags", "") + "\n" + tag


def add_footer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page says when the fact-check was published and last changed (from data/changelog.csv),
    how to report an error, and links the exports, relative to the page so they resolve anywhere."""
    L = _lang(app)
    published, changed = publication_dates(_dataset(app))
    contact = app.config.factcheck_contact
    up = L(en="", fr="../")  # the exports are the English site's, one level above the French one
    exports_ = " · ".join(f'<a href="{html.escape(up + context["pathto"](f"{EXPORT_DIR}/{name}", 1))}">{name}</a>'
                          for name in ("verdicts.csv", "verdicts.json", L(en="claimreview.json", fr="claimreview.fr.json")))
    corrections = html.escape(context["pathto"]("book/corrections"))
    report = f'<a href="{html.escape(contact["url"])}">{html.escape(L(en=contact["name"], fr=contact["name_fr"]))}</a>'
    note = html.escape(L.of(changed, "note"))
    context["theme_extra_footer"] = L.typeset(L(
        en=f'<p class="fc-footer">Published {L.date(published.date)}. '
           f'<a href="{corrections}">Last substantive change</a> {L.date(changed.date)}: {note}</p>'
           f'<p class="fc-footer">Found an error? {report}. '
           f"Every figure traces to a sourced row in <code>data/</code>. Exports: {exports_}</p>",
        fr=f'<p class="fc-footer">Publié le {L.date(published.date)}. '
           f'<a href="{corrections}">Dernière modification de fond</a> le {L.date(changed.date)} : {note}</p>'
           f'<p class="fc-footer">Vous avez repéré une erreur ? {report}. '
           f"Chaque chiffre renvoie à une ligne sourcée de <code>data/</code>. Exports : {exports_}</p>"))


def _verdicts(app: Sphinx):
    if not hasattr(app, "_factcheck_verdicts"):
        app._factcheck_verdicts = all_passage_verdicts(_dataset(app))
    return app._factcheck_verdicts


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    """The English build writes the exports (both languages' fields); the French site links them."""
    if exception is not None or app.builder.format != "html" or app.config.factcheck_edition != "en":
        return
    out = Path(app.outdir) / EXPORT_DIR
    out.mkdir(exist_ok=True)
    for name, content in exports(_dataset(app), _publisher(app), _base_url(app),
                                 app.config.factcheck_date_published).items():
        (out / name).write_text(content, encoding="utf-8")


PAGE_DATA = ("passages.csv", "claims.csv", "claim_evidence.csv", "evidence.csv", "sources.csv", "judgments.csv",
             "fx_rates.csv", "articles.csv", "changelog.csv")
"""What this extension reads to write a claim page's ClaimReview and every page's footer."""


def note_data_dependencies(app: Sphinx, docname: str, source: list[str]) -> None:
    """Sphinx re-reads a page when a file it depends on changes: every page shows the changelog (footer) and
    the book's stylesheet and templates, and a claim page's head carries ClaimReview built from the tables in
    :data:`PAGE_DATA`."""
    data = Path(app.srcdir) / "data"
    names = PAGE_DATA if docname in claimreview_tags(app) else ("changelog.csv",)
    for name in names:
        app.env.note_dependency(str(data / name))
    # Sphinx copies static files and re-renders templates only when some page is out of date: an edit to the
    # book's stylesheet or templates alone would otherwise never reach the site.
    for folder in (*app.config.html_static_path, *app.config.templates_path):
        for path in sorted((Path(app.srcdir) / folder).rglob("*")):
            if path.is_file():
                app.env.note_dependency(str(path))


def code_version() -> int:
    """A digest of this package's code: Sphinx rebuilds its environment when an extension's version changes."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return int(h.hexdigest()[:12], 16)


def setup(app: Sphinx) -> dict:
    app.add_config_value("factcheck_publisher", {"name": "", "url": ""}, "html")
    app.add_config_value("factcheck_date_published", "", "html")
    app.add_config_value("factcheck_contact", {"name": "", "name_fr": "", "url": ""}, "html")
    app.add_config_value("factcheck_editions", {}, "html")
    app.add_config_value("factcheck_edition", "en", "env")
    app._factcheck_alts = {}  # page → its charts' alt texts, from reading its source to its doctree
    app.connect("source-read", edition_source)
    app.connect("source-read", note_data_dependencies)
    app.connect("doctree-read", chart_alt_text)
    app.connect("doctree-resolved", unescape_link_targets)
    app.connect("html-page-context", dedupe_scripts, priority=900)  # after every other extension
    app.connect("html-page-context", add_claimreview)
    app.connect("html-page-context", add_footer)
    app.connect("html-page-context", language_switch)
    app.connect("html-page-context", name_toggles_by_their_text)
    app.connect("build-finished", write_exports)
    return {"version": "0.1", "env_version": code_version(), "parallel_read_safe": True,
            "parallel_write_safe": True}
