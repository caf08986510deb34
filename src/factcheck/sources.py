"""Sources counted by their original outlet, ranked by weight, and chosen for a reader.

A syndicated copy counts as the outlet it copies; an anonymous copy (an aggregator or rewrite with no
identifiable original) is context for a reader, never weight for a verdict. Everything here is computed:
which outlets to name, in what order, and which evidence cards carry a sentence's verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .data import Dataset
from .records import Evidence, Link, Source

if TYPE_CHECKING:
    from .ratings import PassageVerdict

KIND_ORDER = ("company_report", "company_statement", "official_statement", "wire", "newspaper", "broadcaster",
              "trade_press", "reference", "data_provider", "social_media", "aggregator")
STANCES = ("supports", "contradicts", "qualifies", "context")
DECISIVE_SOURCES = (2, 4)
"""How many sources stay visible under a sentence's verdict: at least two where there are two, at most four
(two each where a page checks several sentences, so that the page stays short enough to read on a phone)."""

Pair = tuple[Link, Evidence]


def countable(pairs: Iterable[Pair], sources: Mapping[str, Source]) -> tuple[Pair, ...]:
    """The evidence a check may count: an anonymous copy is shown to readers, never weighed."""
    return tuple(p for p in pairs if not sources[p[1].source_id].anonymous)


def kind_rank(source: Source) -> int:
    return KIND_ORDER.index(source.kind) if source.kind in KIND_ORDER else len(KIND_ORDER)


def source_rank(source: Source) -> tuple:
    return (kind_rank(source), source.is_copy)


def outlet_list(evs: Iterable[Evidence], sources: Mapping[str, Source]) -> tuple[str, ...]:
    """Original outlets (a copy counts as its original), ranked by how many rows each gives, then by kind
    (company and wire before copies), then by name."""
    rows: dict[str, list[Source]] = {}
    for ev in evs:
        source = sources[ev.source_id]
        rows.setdefault(source.outlet, []).append(source)

    def weight(name: str) -> tuple:
        return (-len(rows[name]), min(kind_rank(s) for s in rows[name]), name.lower())

    return tuple(sorted(rows, key=weight))


@dataclass(frozen=True)
class Card:
    """An evidence row shown to a reader, with the stance it takes on the claim it was linked for."""

    evidence_id: str
    stance: str


def decisive_cards(verdict: PassageVerdict, dataset: Dataset, shown: frozenset[str] = frozenset(),
                   most: int = DECISIVE_SOURCES[1]) -> tuple[Card, ...]:
    """Two to four cards that carry the verdict: the rows the parts' findings rest on, worst part first,
    one original outlet each, the strongest kind of source first, none already shown on the page."""
    sources = {s.source_id: s for s in dataset.sources}
    chosen: list[Pair] = []
    outlets: set[str] = set()
    quoted = {(e.source_id, e.quote) for e in dataset.evidence if e.evidence_id in shown}
    by_part = sorted(verdict.parts, key=lambda v: (v.claim.role != "core", v.rating.rank or 6))
    for _ in range(most):
        added = False
        for v in by_part:
            used = set(v.finding.evidence_ids)
            pairs = [(l, e) for l, e in dataset.evidence_for(v.claim.claim_id)
                     if e.evidence_id in used and (e.source_id, e.quote) not in quoted and l.stance != "context"
                     and not sources[e.source_id].anonymous and sources[e.source_id].outlet not in outlets]
            # Beside a poor rating, show first what the article got wrong, not what it got right.
            pairs.sort(key=lambda le: (le[0].stance == "supports" and v.rating.rank < 4,
                                       source_rank(sources[le[1].source_id])))
            if pairs and len(chosen) < most:
                chosen.append(pairs[0])
                outlets.add(sources[pairs[0][1].source_id].outlet)
                added = True
        if len(chosen) >= DECISIVE_SOURCES[0] or not added:
            break
    return tuple(Card(e.evidence_id, l.stance) for l, e in chosen)


def decisive_plan(verdicts: Sequence[PassageVerdict], dataset: Dataset) -> dict[str, tuple[Card, ...]]:
    """The decisive cards of every sentence on one page, in page order, no card twice: two to four for a
    page with one sentence, two each where a page checks several."""
    most = DECISIVE_SOURCES[1] if len(verdicts) == 1 else DECISIVE_SOURCES[0]
    shown: set[str] = set()
    plan = {}
    for v in verdicts:
        plan[v.passage.passage_id] = decisive_cards(v, dataset, frozenset(shown), most)
        shown |= {c.evidence_id for c in plan[v.passage.passage_id]}
    return plan


@dataclass(frozen=True)
class PageEvidence:
    """The rest of a page's evidence, each card once: where the wording came from, then everything else."""

    chain: tuple[Card, ...]
    rest: tuple[Card, ...]


def page_evidence(verdicts: Sequence[PassageVerdict], dataset: Dataset) -> PageEvidence:
    """Every card of the page not among its decisive ones; two rows quoting the same sentence are one card."""
    sources = {s.source_id: s for s in dataset.sources}
    by_id = {e.evidence_id: e for e in dataset.evidence}
    shown = {c.evidence_id for cards in decisive_plan(verdicts, dataset).values() for c in cards}
    quoted = {(by_id[e].source_id, by_id[e].quote) for e in shown}
    seen: dict[tuple[str, str], Pair] = {}
    for cid in (v.claim.claim_id for pv in verdicts for v in pv.parts):
        for link, ev in dataset.evidence_for(cid):
            key = (ev.source_id, ev.quote)
            if key not in quoted and key not in seen:
                seen[key] = (link, ev)
    chain = [(l, e) for l, e in seen.values() if l.stance == "context"]
    rest = sorted(((l, e) for l, e in seen.values() if l.stance != "context"),
                  key=lambda le: (STANCES.index(le[0].stance), source_rank(sources[le[1].source_id])))
    return PageEvidence(tuple(Card(e.evidence_id, l.stance) for l, e in chain),
                        tuple(Card(e.evidence_id, l.stance) for l, e in rest))
