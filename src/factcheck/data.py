"""Typed, frozen records read from ``data/``: the only place the package reads the tables.

Tables load lazily, one file per table. This module knows nothing of the build: which files a notebook
read is recorded from outside, by :mod:`factcheck.build.tracking`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from . import schema
from .errors import DataError, Problem

DATA_DIR_ENV = "FACTCHECK_DATA"


@dataclass(frozen=True)
class Article:
    article_id: str
    headline_fr: str
    headline_en: str
    language: str
    text_path: str
    publisher: str | None
    url: str | None
    date_published: dt.date | None
    written_after: dt.date
    written_before: dt.date
    retells_source_id: str | None
    reports_event_id: str | None  # the event it reports (the pledge), on the timeline
    provenance_note_en: str
    provenance_note_fr: str


@dataclass(frozen=True)
class Passage:
    """A sentence or passage of the article as a reader read it: what the article-level verdict rates."""

    passage_id: str
    article_id: str
    page: str
    section_fr: str
    quote_fr: str
    quote_en: str
    claim_short_en: str
    claim_short_fr: str
    summary_en: str  # a short noun phrase for the landing page's bottom line: "what the earlier pledge was for"
    summary_fr: str
    conclusion_en: str
    conclusion_fr: str
    conclusion_rating: str

    @property
    def docname(self) -> str:
        """The Sphinx document that shows this passage (pages live under book/)."""
        return f"book/{self.page}"


@dataclass(frozen=True)
class Claim:
    """One checkable part of a passage, with the check that tests it."""

    claim_id: str
    passage_id: str
    quote_fr: str
    claim_en: str
    claim_short_en: str
    claim_short_fr: str
    kind: str
    speaker: str | None
    value_fr: str | None
    check: str
    check_terms: str | None
    central: bool
    role: str  # "core": the point of its passage; "detail": a detail that can only cap the passage's rating

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in (self.check_terms or "").split("|") if t.strip())


@dataclass(frozen=True)
class Source:
    source_id: str
    publisher: str
    original_publisher: str | None
    title: str
    author: str | None
    url: str
    date_published: dt.date | None
    date_accessed: dt.date
    kind: str
    credit: str | None
    reliability_note_en: str
    reliability_note_fr: str

    @property
    def outlet(self) -> str:
        """The outlet whose reporting this is: syndicated copies count as their original."""
        return self.original_publisher or self.publisher

    @property
    def is_copy(self) -> bool:
        return bool(self.original_publisher) and self.original_publisher != self.publisher

    @property
    def anonymous(self) -> bool:
        """An aggregator with no identifiable original: context for a reader, never support for a verdict."""
        return self.kind in ("aggregator", "social_media") and not self.original_publisher


@dataclass(frozen=True)
class Evidence:
    evidence_id: str
    source_id: str
    quote: str
    language: str
    translation_en: str | None
    translation_fr: str | None
    value: float | None
    unit: str | None
    qualifier: str | None
    as_of: dt.date | None
    metric: str | None
    note: str | None


@dataclass(frozen=True)
class Link:
    claim_id: str
    evidence_id: str
    stance: str


@dataclass(frozen=True)
class Judgment:
    claim_id: str
    applies_when: str
    rating: str
    rationale_en: str
    rationale_fr: str
    departs_because: str | None


@dataclass(frozen=True)
class FxRate:
    rate_id: str
    date: dt.date
    jpy_per_usd: float
    basis: str
    evidence_id: str


@dataclass(frozen=True)
class Event:
    event_id: str
    date: dt.date
    label_en: str
    label_fr: str
    evidence_id: str
    deal_id: str | None  # the tracker's deal it concerns, if any


@dataclass(frozen=True)
class Correction:
    date: dt.date
    claim_id: str | None
    correction_en: str
    correction_fr: str


SNAPSHOT_DIR = "snapshots"


@dataclass(frozen=True)
class Snapshot:
    """The passages a source is quoted for, copied from the page with where and when they were captured.

    Format: ``key: value`` header lines, a blank line, then passages separated by lines holding ``---``.
    """

    header: dict[str, str]
    passages: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Snapshot:
        head, _, body = text.replace("\r\n", "\n").partition("\n\n")
        header = {}
        for line in head.splitlines():
            key, sep, value = line.partition(":")
            if sep:
                header[key.strip()] = value.strip()
        passages = tuple(p.strip() for p in re.split(r"(?m)^---\s*$", body) if p.strip())
        return cls(header, passages)

    @property
    def text(self) -> str:
        return "\n\n".join(self.passages)


@dataclass(frozen=True)
class Promise:
    """A promise the tracker measures: who made it, when, its words, its target and its deadline, each a
    sourced evidence row (the target is that row's value; the deadline its date plus its span of years)."""

    promise_id: str
    pledge_en: str
    pledge_fr: str
    aim_en: str  # "invested in the United States": the target's figure and unit come from its evidence row
    aim_fr: str
    made_by_en: str
    made_by_fr: str
    made_on: dt.date
    words_evidence_id: str
    target_evidence_id: str
    deadline_evidence_id: str
    article_claim_id: str | None


@dataclass(frozen=True)
class TrackerRow:
    """One dated, sourced piece of evidence on a promise, and whether (and why) it counts toward it."""

    promise_id: str
    evidence_id: str
    kind: str  # announced, committed, paid, jobs_reported, statement, doubt
    deal_id: str | None  # reports of the same deal share it, so a deal is counted once
    payment: str | None  # a paid row: reports of the same payment of a deal share it; payments add up
    basis: str | None  # what the deal's money is for: factcheck.tracker.BASES says what it counts for
    why_en: str
    why_fr: str


@dataclass(frozen=True)
class Change:
    date: dt.date
    change: str  # published, substantive, minor
    note_en: str
    note_fr: str


R = TypeVar("R")
RECORDS: dict[str, type] = {
    "articles": Article, "passages": Passage, "claims": Claim, "sources": Source, "evidence": Evidence,
    "claim_evidence": Link, "judgments": Judgment, "fx_rates": FxRate, "events": Event,
    "corrections": Correction, "changelog": Change, "promises": Promise, "tracker": TrackerRow,
}


def find_data_dir(start: Path | None = None) -> Path:
    """``$FACTCHECK_DATA``, else the nearest ``data/datapackage.json`` above the working directory.

    Walking up from the working directory (not from this file) lets a temporary copy of the project
    check its own data while the package is installed from elsewhere.
    """
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / schema.DESCRIPTOR).is_file():
            return folder / "data"
    raise FileNotFoundError(f"no data/{schema.DESCRIPTOR} in {here} or any folder above it")


class _Table:
    """A table read on first access, then kept on the instance (so tests may also replace it)."""

    def __init__(self, name: str):
        self.name = name

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr

    def __get__(self, dataset: Dataset | None, owner: type | None = None):
        if dataset is None:
            return self
        records = dataset._records(self.name)
        dataset.__dict__[self.attr] = records
        return records


class Dataset:
    """The sourced truth, one lazily-read table at a time. Records are frozen; so is this view."""

    def __init__(self, data_dir: Path | None = None):
        self.data_dir = Path(data_dir) if data_dir else find_data_dir()
        self.tables = schema.load_descriptor(self.data_dir)

    def rows(self, name: str) -> list[schema.Row]:
        table = self.tables[name]
        rows, problems = schema.read_table(self.data_dir, table)
        if problems:
            raise DataError(problems)
        return rows

    def _records(self, name: str) -> tuple:
        cls = RECORDS[name]
        names = [f.name for f in fields(cls)]
        return tuple(cls(**{k: row[k] for k in names}) for row in self.rows(name))

    articles: tuple[Article, ...] = _Table("articles")
    passages: tuple[Passage, ...] = _Table("passages")
    claims: tuple[Claim, ...] = _Table("claims")
    sources: tuple[Source, ...] = _Table("sources")
    evidence: tuple[Evidence, ...] = _Table("evidence")
    links: tuple[Link, ...] = _Table("claim_evidence")
    judgments: tuple[Judgment, ...] = _Table("judgments")
    events: tuple[Event, ...] = _Table("events")
    corrections: tuple[Correction, ...] = _Table("corrections")
    changelog: tuple[Change, ...] = _Table("changelog")
    promises: tuple[Promise, ...] = _Table("promises")
    tracker: tuple[TrackerRow, ...] = _Table("tracker")

    @cached_property
    def fx_rates(self) -> tuple[FxRate, ...]:
        """Each rate is the value of the evidence row that quotes it: typed once, in evidence.csv."""
        values = {e.evidence_id: e.value for e in self.evidence if e.unit == "JPY per USD" and e.value}
        missing = [r for r in self.rows("fx_rates") if r["evidence_id"] not in values]
        if missing:
            raise DataError([Problem(self.tables["fx_rates"].path, None, "evidence_id", r["evidence_id"],
                                     "names no evidence row with a value in 'JPY per USD'") for r in missing])
        return tuple(FxRate(r["rate_id"], r["date"], values[r["evidence_id"]], r["basis"], r["evidence_id"])
                     for r in self.rows("fx_rates"))

    # --- lookups ---

    def claim(self, claim_id: str) -> Claim:
        return _by_key(self.claims, "claim_id", claim_id)

    def source(self, source_id: str) -> Source:
        return _by_key(self.sources, "source_id", source_id)

    def evidence_row(self, evidence_id: str) -> Evidence:
        return _by_key(self.evidence, "evidence_id", evidence_id)

    def article(self, article_id: str | None = None) -> Article:
        return _by_key(self.articles, "article_id", article_id) if article_id else self.articles[0]

    def article_text(self, article: Article | None = None) -> str:
        path = self.data_dir / (article or self.article()).text_path
        return path.read_text(encoding="utf-8")

    def evidence_for(self, claim_id: str, stances: tuple[str, ...] = ("supports", "contradicts", "qualifies", "context")
                     ) -> tuple[tuple[Link, Evidence], ...]:
        by_id = {e.evidence_id: e for e in self.evidence}
        return tuple((link, by_id[link.evidence_id]) for link in self.links
                     if link.claim_id == claim_id and link.stance in stances)

    def judgment_for(self, claim_id: str) -> Judgment | None:
        return next((j for j in self.judgments if j.claim_id == claim_id), None)

    def passage(self, passage_id: str) -> Passage:
        return _by_key(self.passages, "passage_id", passage_id)

    def parts_of(self, passage: Passage) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.passage_id == passage.passage_id)

    def passages_on(self, page: str) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.page == page)

    def snapshot(self, source_id: str) -> Snapshot | None:
        """The captured passages of a source (``snapshots/<source_id>.txt``), or None if none was captured."""
        path = self.data_dir / SNAPSHOT_DIR / f"{source_id}.txt"
        if not path.is_file():
            return None
        return Snapshot.parse(path.read_text(encoding="utf-8"))


def _by_key(records: tuple[R, ...], key: str, value: str) -> R:
    for record in records:
        if getattr(record, key) == value:
            return record
    raise KeyError(f"no row with {key} = {value!r}")
