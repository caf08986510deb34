"""Typed, frozen records read from ``data/``: the only place the package reads the tables.

Tables load lazily, one file per table, and every file read is logged when ``FACTCHECK_INPUTS_LOG``
names a file: that is how the book command learns which data files each notebook depends on.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import sys
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from . import schema
from .errors import DataError, Problem

INPUTS_LOG_ENV = "FACTCHECK_INPUTS_LOG"
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
    provenance_note: str


@dataclass(frozen=True)
class Claim:
    claim_id: str
    article_id: str
    page: str
    section_fr: str
    quote_fr: str
    claim_en: str
    claim_short: str
    kind: str
    speaker: str | None
    value_fr: str | None
    check: str
    check_terms: str | None
    central: bool

    @property
    def docname(self) -> str:
        """The Sphinx document that shows this claim (pages live under book/)."""
        return f"book/{self.page}"

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
    reliability_note: str

    @property
    def outlet(self) -> str:
        """The outlet whose reporting this is: syndicated copies count as their original."""
        return self.original_publisher or self.publisher


@dataclass(frozen=True)
class Evidence:
    evidence_id: str
    source_id: str
    quote: str
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
    rationale: str


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
    evidence_id: str


@dataclass(frozen=True)
class Correction:
    date: dt.date
    claim_id: str | None
    correction: str


R = TypeVar("R")
RECORDS: dict[str, type] = {
    "articles": Article, "claims": Claim, "sources": Source, "evidence": Evidence,
    "claim_evidence": Link, "judgments": Judgment, "fx_rates": FxRate, "events": Event,
    "corrections": Correction,
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


def _log_input(path: Path) -> None:
    log = os.environ.get(INPUTS_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{path.resolve()}\n")


def _log_code_at_exit() -> None:
    """At kernel shutdown, log every factcheck module the notebook imported: code inputs, like data."""
    for module in list(sys.modules.values()):
        if module.__name__.split(".")[0] == "factcheck" and getattr(module, "__file__", None):
            _log_input(Path(module.__file__))


if os.environ.get(INPUTS_LOG_ENV):
    atexit.register(_log_code_at_exit)


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
        _log_input(self.data_dir / schema.DESCRIPTOR)

    def rows(self, name: str) -> list[schema.Row]:
        table = self.tables[name]
        _log_input(self.data_dir / table.path)
        rows, problems = schema.read_table(self.data_dir, table)
        if problems:
            raise DataError(problems)
        return rows

    def _records(self, name: str) -> tuple:
        cls = RECORDS[name]
        names = [f.name for f in fields(cls)]
        return tuple(cls(**{k: row[k] for k in names}) for row in self.rows(name))

    articles: tuple[Article, ...] = _Table("articles")
    claims: tuple[Claim, ...] = _Table("claims")
    sources: tuple[Source, ...] = _Table("sources")
    evidence: tuple[Evidence, ...] = _Table("evidence")
    links: tuple[Link, ...] = _Table("claim_evidence")
    judgments: tuple[Judgment, ...] = _Table("judgments")
    events: tuple[Event, ...] = _Table("events")
    corrections: tuple[Correction, ...] = _Table("corrections")

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
        _log_input(path)
        return path.read_text(encoding="utf-8")

    def evidence_for(self, claim_id: str, stances: tuple[str, ...] = ("supports", "contradicts", "qualifies", "context")
                     ) -> tuple[tuple[Link, Evidence], ...]:
        by_id = {e.evidence_id: e for e in self.evidence}
        return tuple((link, by_id[link.evidence_id]) for link in self.links
                     if link.claim_id == claim_id and link.stance in stances)

    def judgment_for(self, claim_id: str) -> Judgment | None:
        return next((j for j in self.judgments if j.claim_id == claim_id), None)

    def claims_on(self, page: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if c.page == page)


def _by_key(records: tuple[R, ...], key: str, value: str) -> R:
    for record in records:
        if getattr(record, key) == value:
            return record
    raise KeyError(f"no row with {key} = {value!r}")
