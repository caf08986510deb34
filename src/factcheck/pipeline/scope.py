"""What a claim page rests on, row by row: an edit to any other row, or to any word, cannot change what its
notebook computes, so it never re-executes it.

A page's notebook computes from the rows its sentences lead to (their parts, links, evidence, sources,
judgments, the exchange rates a measure converts at, the promises it quotes and their tracker rows). Of those
rows, only the columns the computation reads count: the words (the ``…_en`` and ``…_fr`` columns, which the
build writes into the page later) are left out, so a fix to a word re-executes nothing.
"""

from __future__ import annotations

from ..data import Dataset

WORDS_SUFFIXES = ("_en", "_fr")
SHOWN_ONLY = {"note", "departs_because_en", "departs_because_fr", "title", "url", "author", "credit", "date_accessed"}
"""Columns a reader sees (or an editor reads) but no check computes from: a source's title and address, an editor's
note, the reason a judgment departs. With the words (``…_en``, ``…_fr``), an edit to them re-executes nothing;
``tests/test_build_inputs.py`` proves no kernel's output depends on any of them."""


def is_words(column: str) -> bool:
    """Is this a column the build writes into pages, which no kernel reads?"""
    return column.endswith(WORDS_SUFFIXES) or column in SHOWN_ONLY


def rows_behind(dataset: Dataset, page: str) -> dict[str, set[tuple[str, ...]]]:
    """The primary keys of every row a claim page's content depends on, by data file: its sentences and
    their parts, their links, evidence, sources and judgments, the exchange rates a measure converts at,
    and the promises its parts state (how the tracker rates them is computed when the book is built). An edit
    to any other row cannot change what the page's notebook computes."""
    passages = dataset.passages_on(page)
    claims = [c for p in passages for c in dataset.parts_of(p)]
    claim_ids = {c.claim_id for c in claims}
    links = [l for l in dataset.links if l.claim_id in claim_ids]
    evidence_ids = {l.evidence_id for l in links}
    if any(c.check == "metric_match" for c in claims):
        evidence_ids |= {r.evidence_id for r in dataset.fx_rates}
    promise_ids = {p.promise_id for p in dataset.promises if p.article_claim_id in claim_ids}
    by_id = {e.evidence_id: e for e in dataset.evidence}
    return {
        "data/passages.csv": {(p.passage_id,) for p in passages},
        "data/claims.csv": {(c,) for c in claim_ids},
        "data/claim_evidence.csv": {(l.claim_id, l.evidence_id) for l in links},
        "data/evidence.csv": {(e,) for e in evidence_ids},
        "data/sources.csv": {(by_id[e].source_id,) for e in evidence_ids},
        "data/judgments.csv": {(j.claim_id,) for j in dataset.judgments if j.claim_id in claim_ids},
        "data/fx_rates.csv": ({(r.rate_id,) for r in dataset.fx_rates}
                              if any(c.check == "metric_match" for c in claims) else set()),
        "data/articles.csv": {(a.article_id,) for a in dataset.articles},
        "data/promises.csv": {(p,) for p in promise_ids},
    }
