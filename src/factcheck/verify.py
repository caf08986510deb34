"""``factcheck verify-quotes``: are the quotes still on the live pages? (For machines with a network.)

The snapshots in ``data/snapshots/`` prove each quote was on its page when it was captured; pages
change and die, so the scheduled link-check workflow also fetches every source URL and reports each
quote that is no longer found there. Nothing is written: a missing quote is for an editor to judge.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from .data import Dataset, Evidence, Source
from .validate import normalise_quote, without_inserts

Fetch = Callable[[str], str]
USER_AGENT = "factcheck-verify-quotes (+https://executable-factcheck.github.io/softbank-pledge/)"


@dataclass(frozen=True)
class QuoteReport:
    source: Source
    evidence: Evidence
    status: str  # "found", "missing", "unreachable"
    detail: str = ""


class _Text(HTMLParser):
    """The page's readable text: what a quote is copied from (scripts and styles dropped)."""

    SKIP = {"script", "style", "noscript", "template"}
    BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "td", "th",
             "section", "article", "header", "footer", "figcaption", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCK:
            self.parts.append(" ")  # blocks separate words; inline markup (<b>, <a>) does not

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return normalise_quote("".join(parser.parts))


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
        reports += [QuoteReport(source, e, "found" if normalise_quote(without_inserts(e.quote, text)) in text else "missing")
                    for e in quoted]
    return reports
