"""The sourced truth read from ``data/``: the only place the package reads the tables (their records are in
:mod:`factcheck.records`).

Tables load lazily, one file per table. This module knows nothing of the build: which files a notebook
read is recorded from outside, by :mod:`factcheck.pipeline.tracking`.
"""

from __future__ import annotations

import os
from dataclasses import fields
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from . import schema
from .errors import DataError, Problem
from .records import (
    RECORDS,
    SNAPSHOT_DIR,
    Article,
    Change,
    Claim,
    Correction,
    Event,
    Evidence,
    FxRate,
    Judgment,
    Link,
    Outlet,
    Passage,
    Promise,
    Snapshot,
    Source,
    TrackerRow,
)

DATA_DIR_ENV = "FACTCHECK_DATA"


R = TypeVar("R")


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
    outlets: tuple[Outlet, ...] = _Table("outlets")
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
