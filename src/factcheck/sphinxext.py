"""Sphinx hooks: ClaimReview JSON-LD in each claim page's head, and the exports beside the HTML.

Configured from ``_config.yml`` (``sphinx.config``): ``factcheck_publisher`` (name, url),
``factcheck_date_published``, and Sphinx's own ``html_baseurl``, which every absolute URL follows.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .claimreview import Publisher, claim_review, exports, json_ld_script
from .data import Dataset
from .display import publication_dates
from .errors import DataError
from .ratings import all_passage_verdicts

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


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Jupyter Book 1.0.4 registers sphinx-thebe's and togglebutton's inline scripts twice; the second
    ``const THEBE_JS_URL`` is a console error on every page. Keep the first copy of each script."""
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
    writer escapes them again: a source URL with ``&`` in its query would break. Store them raw."""
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
                claim_review(v, article, _publisher(app), _base_url(app), app.config.factcheck_date_published))
        app._factcheck_tags = {page: json_ld_script(r[0] if len(r) == 1 else r) for page, r in by_page.items()}
    return app._factcheck_tags


def add_claimreview(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    tag = claimreview_tags(app).get(pagename)
    if tag:
        context["metatags"] = context.get("metatags", "") + "\n" + tag


def add_footer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page says when the fact-check was published and last changed (from data/changelog.csv),
    how to report an error, and links the exports, relative to the page so they resolve anywhere."""
    published, changed = publication_dates(_dataset(app))
    contact = app.config.factcheck_contact
    exports_ = " · ".join(f'<a href="{html.escape(context["pathto"](f"{EXPORT_DIR}/{name}", 1))}">{name}</a>'
                          for name in ("verdicts.csv", "verdicts.json", "claimreview.json"))
    corrections = html.escape(context["pathto"]("book/corrections"))
    context["theme_extra_footer"] = (
        f'<p class="fc-footer">Published {_long(published.date)}. '
        f'<a href="{corrections}">Last substantive change</a> {_long(changed.date)}: {html.escape(changed.note_en)}</p>'
        f'<p class="fc-footer">Found an error? <a href="{html.escape(contact["url"])}">{html.escape(contact["name"])}</a>. '
        f"Every figure traces to a sourced row in <code>data/</code>. Exports: {exports_}</p>")


def _long(date) -> str:
    from .checks import long_date

    return long_date(date)


def _verdicts(app: Sphinx):
    if not hasattr(app, "_factcheck_verdicts"):
        app._factcheck_verdicts = all_passage_verdicts(_dataset(app))
    return app._factcheck_verdicts


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _record_digests(app)
    out = Path(app.outdir) / EXPORT_DIR
    out.mkdir(exist_ok=True)
    for name, content in exports(_dataset(app), _publisher(app), _base_url(app),
                                 app.config.factcheck_date_published).items():
        (out / name).write_text(content, encoding="utf-8")


def _digest(paths) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


DIGESTS = "factcheck-digests.json"


def _digests(app: Sphinx) -> dict:
    return {"code": _digest(Path(__file__).parent.glob("*.py")),
            "pages": {page: hashlib.sha256(tag.encode()).hexdigest() for page, tag in claimreview_tags(app).items()}}


def rewrite_pages_on_data_or_code_change(app: Sphinx) -> None:
    """Sphinx tracks the pages, not what this extension adds to them at write time: the ClaimReview
    of a claim page (from data/), link targets fixed by this code (on every page). Remove the HTML of
    exactly the pages whose additions changed, so Sphinx writes them again from cached doctrees."""
    if app.builder.format != "html":
        return
    state = Path(app.doctreedir) / DIGESTS
    previous = json.loads(state.read_text(encoding="utf-8")) if state.is_file() else {}
    current = _digests(app)
    if previous.get("code") != current["code"]:
        pages = set(app.env.found_docs)
    else:
        old = previous.get("pages", {})
        pages = {p for p in set(old) | set(current["pages"]) if old.get(p) != current["pages"].get(p)}
    for docname in pages:
        (Path(app.outdir) / f"{docname}.html").unlink(missing_ok=True)


def _record_digests(app: Sphinx) -> None:
    Path(app.doctreedir).mkdir(parents=True, exist_ok=True)
    (Path(app.doctreedir) / DIGESTS).write_text(json.dumps(_digests(app)), encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_config_value("factcheck_publisher", {"name": "", "url": ""}, "html")
    app.add_config_value("factcheck_date_published", "", "html")
    app.add_config_value("factcheck_contact", {"name": "", "url": ""}, "html")
    app.connect("builder-inited", rewrite_pages_on_data_or_code_change)
    app.connect("doctree-resolved", unescape_link_targets)
    app.connect("html-page-context", dedupe_scripts, priority=900)  # after every other extension
    app.connect("html-page-context", add_claimreview)
    app.connect("html-page-context", add_footer)
    app.connect("html-page-context", name_toggles_by_their_text)
    app.connect("build-finished", write_exports)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
