"""``factcheck verify-quotes``: are the quotes still on the live pages? (For machines with a network.)

The snapshots in ``data/snapshots/`` prove each quote was on its page when it was captured; pages
change and die, so the scheduled link-check workflow also fetches every source URL and reports each
quote that is no longer found there. Nothing is written: a missing quote is for an editor to judge.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .data import Dataset
from .records import Evidence, Source
from .validate.sources import normalise_quote, without_inserts

Fetch = Callable[[str], str]
BLOCKS = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th",
          "section", "article", "header", "footer", "figcaption", "pre"]
USER_AGENT = "factcheck-verify-quotes (+https://executable-factcheck.github.io/softbank-pledge/)"


@dataclass(frozen=True)
class QuoteReport:
    source: Source
    evidence: Evidence
    status: str  # "found", "missing", "unreachable"
    detail: str = ""


def page_text(html: str) -> str:
    """The page's readable text, what a quote is copied from: scripts and styles dropped, blocks separating
    words while inline markup (<b>, <a>) does not."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in soup(BLOCKS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return normalise_quote(soup.get_text(""))


def fetch_url(url: str, timeout: float = 20.0) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        charset = response.headers.get_content_charset() or "utf-8"
        return response.read().decode(charset, errors="replace")


def verify_quotes(dataset: Dataset, fetch: Fetch = fetch_url,
                  source_ids: Iterable[str] | None = None) -> list[QuoteReport]:
    wanted = set(source_ids) if source_ids is not None else None
    reports = []
    for source in dataset.sources:
        if wanted is not None and source.source_id not in wanted:
            continue
        quoted = [e for e in dataset.evidence if e.source_id == source.source_id]
        try:
            text = page_text(fetch(source.url))
        except Exception as exc:  # any network failure is a finding to report, not a crash
            reports += [QuoteReport(source, e, "unreachable", f"{type(exc).__name__}: {exc}") for e in quoted]
            continue
        reports += [QuoteReport(source, e, "found" if normalise_quote(without_inserts(e.quote, text)) in text
                                else "missing") for e in quoted]
    return reports
