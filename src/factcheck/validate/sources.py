"""The sources: counted by their original, anonymous copies never as support, every quote verbatim in the snapshot
captured from its page, every date possible."""

from __future__ import annotations

import datetime as dt
import re

from .. import schema
from ..data import Dataset
from ..errors import Problem
from ..records import SNAPSHOT_DIR
from .base import SUPPORTING_STANCES, row_of

MIN_ORIGINALS_FOR_CENTRAL = 2


def rules(ds: Dataset, tables: dict[str, schema.Table], today: dt.date) -> list[Problem]:
    return originals(ds, tables) + snapshots(ds, tables) + copies(ds, tables) + dates(ds, tables, today)


def originals(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Sources count by their original; an anonymous copy is context, never support."""
    out = []
    sources = {s.source_id: s for s in ds.sources}
    evidence = {e.evidence_id: e for e in ds.evidence}
    for link in ds.links:
        source = sources[evidence[link.evidence_id].source_id]
        if source.anonymous and link.stance in SUPPORTING_STANCES:
            out.append(Problem(tables["claim_evidence"].path, row_of(ds, "claim_evidence", link), "stance", link.stance,
                               f"{source.publisher} is an aggregator with no identifiable original: use it as "
                               f"context only, or name its original in sources.csv"))
    for source in ds.sources:
        row, path = row_of(ds, "sources", source), tables["sources"].path
        title = source.title or ""
        if title.startswith("[") or "headline not" in title.lower() or "url slug" in title.lower():
            out.append(Problem(path, row, "title", title, "give the page's own headline (from another stored copy "
                               "of the story), or leave the title empty and describe the page in description_en "
                               "and description_fr: a reader takes a title for the headline"))
        for column in ("description_en", "description_fr"):
            if not title and not getattr(source, column):
                out.append(Problem(path, row, column, "", "the page's title was not recovered: describe the page "
                                   "in plain words, in both languages (readers see it as the link's text)"))
    for claim in ds.claims:
        if not claim.central:
            continue
        originals = {sources[e.source_id].outlet for l, e in ds.evidence_for(claim.claim_id, SUPPORTING_STANCES)}
        if len(originals) < MIN_ORIGINALS_FOR_CENTRAL:
            out.append(Problem(tables["claims"].path, row_of(ds, "claims", claim), "central", "true",
                               f"a central claim needs at least {MIN_ORIGINALS_FOR_CENTRAL} independent originals; "
                               f"{claim.claim_id} rests on {len(originals)} ({', '.join(sorted(originals)) or 'none'})"))
    return out


EDITORIAL_INSERT = re.compile(r" \[[^\[\]]+\]")
"""An editor's insertion in a quote, in square brackets after a space: « partnershp [sic] », « ¥45,346,920
[million] ». The reader sees it; the comparison with the stored page leaves it out."""


def without_inserts(quote: str, page: str) -> str:
    """The quote as the page has it: our inserts go; brackets the page itself printed (« [in] ») stay."""
    return EDITORIAL_INSERT.sub(lambda m: m.group(0) if m.group(0).strip() in page else "", quote)


def normalise_quote(text: str) -> str:
    """Quotes compare modulo white space and the kind of quote mark or apostrophe."""
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " ")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def snapshots(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Every evidence quote must stand, verbatim, in the snapshot captured from its source."""
    out = []
    path = tables["evidence"].path
    snapshots = {}
    for source in ds.sources:
        snap = ds.snapshot(source.source_id)
        name = f"{SNAPSHOT_DIR}/{source.source_id}.txt"
        if snap is None:
            out.append(Problem(tables["sources"].path, row_of(ds, "sources", source), "source_id", source.source_id,
                               f"no snapshot of the quoted passages: add {name}"))
            continue
        for key in ("source_id", "url", "captured_on"):
            if not snap.header.get(key):
                out.append(Problem(name, None, key, None, f"the snapshot header needs '{key}: ...'"))
        if snap.header.get("source_id") not in (None, "", source.source_id):
            out.append(Problem(name, None, "source_id", snap.header["source_id"], f"should be {source.source_id}"))
        snapshots[source.source_id] = normalise_quote(snap.text)
    known = {s.source_id for s in ds.sources}
    for snapshot_file in sorted((ds.data_dir / SNAPSHOT_DIR).glob("*.txt")):
        if snapshot_file.stem not in known:
            out.append(Problem(f"{SNAPSHOT_DIR}/{snapshot_file.name}", None, None, None,
                               "no source in sources.csv has this source_id: delete the file or add the source"))
    for ev in ds.evidence:
        text = snapshots.get(ev.source_id)
        if text is not None and normalise_quote(without_inserts(ev.quote, text)) not in text:
            out.append(Problem(path, row_of(ds, "evidence", ev), "quote", ev.quote,
                               f"not found verbatim in {SNAPSHOT_DIR}/{ev.source_id}.txt"))
    return out


def dates(ds: Dataset, tables: dict[str, schema.Table], today: dt.date) -> list[Problem]:
    out = []
    path = tables["sources"].path
    for source in ds.sources:
        row = row_of(ds, "sources", source)
        if source.date_accessed > today:
            out.append(Problem(path, row, "date_accessed", source.date_accessed.isoformat(), "in the future"))
        if source.date_published and source.date_published > source.date_accessed:
            out.append(Problem(path, row, "date_published", source.date_published.isoformat(),
                               f"after date_accessed ({source.date_accessed.isoformat()})"))
    return out


def copies(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Two sources whose snapshots share a long passage (outside quoted speech) are one report: the later one
    names the other's original in ``original_publisher``, or ``shared_text.csv`` says why they are independent."""
    from ..copies import shared_passages
    from .prose import types_a_figure

    explained: list[tuple[str, str]] = []
    out: list[Problem] = []
    if "shared_text" in tables:
        rows, _ = schema.read_table(ds.data_dir, tables["shared_text"])  # its own problems are reported already
        explained = [(r["source_id"], r["other_source_id"]) for r in rows]
        out += [Problem(tables["shared_text"].path, n, "why_en", r["why_en"], "prose must not type numbers; let the "
                        "checks compute and show them") for n, r in enumerate(rows, 1) if types_a_figure(r["why_en"])]
    sources = {s.source_id: s for s in ds.sources}
    order = {s.source_id: n for n, s in enumerate(ds.sources)}
    texts = {sid: snap.text for sid in sources if (snap := ds.snapshot(sid)) is not None}
    for shared in shared_passages(texts, {sid: s.outlet for sid, s in sources.items()}, explained):
        a, b = sources[shared.source_id], sources[shared.other_source_id]
        dated = a.date_published and b.date_published and a.date_published != b.date_published
        a_later = a.date_published > b.date_published if dated else order[a.source_id] > order[b.source_id]
        later, other = (a, b) if a_later else (b, a)
        out.append(Problem(tables["sources"].path, row_of(ds, "sources", later), "original_publisher",
                           later.original_publisher or "",
                           f"shares {shared.length} words with {other.source_id} ({other.outlet}) but names a "
                           "different original: set original_publisher, or explain the pair in shared_text.csv"))
    return out
