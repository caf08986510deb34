"""The records of the sourced truth: one typed, frozen dataclass per table of ``data/``, as the codebook
(``data/README.md``) describes them. :mod:`factcheck.data` reads them from the files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


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
    value_in_quote: str | None  # the verbatim part of quote_fr that holds a number or a date
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
    title: str | None  # the work's title as published; empty where it was not recovered
    author: str | None
    url: str
    date_published: dt.date | None
    date_accessed: dt.date
    kind: str
    credit: str | None
    reliability_note_en: str
    reliability_note_fr: str
    description_en: str | None = None  # ours, where the page's own title was not recovered
    description_fr: str | None = None

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
    departs_because_en: str | None
    departs_because_fr: str | None


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


@dataclass(frozen=True)
class Outlet:
    """An outlet, named once: its French form and article, and whether its name is a publication's title."""

    outlet: str
    name_fr: str | None
    article_fr: str | None  # « l' », « le », « l'agence »…: what French running text puts before the name
    italic: bool


RECORDS: dict[str, type] = {
    "articles": Article, "passages": Passage, "claims": Claim, "sources": Source, "evidence": Evidence,
    "claim_evidence": Link, "judgments": Judgment, "fx_rates": FxRate, "events": Event,
    "corrections": Correction, "changelog": Change, "promises": Promise, "tracker": TrackerRow, "outlets": Outlet,
}
