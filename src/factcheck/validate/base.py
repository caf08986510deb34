"""What every family of rules shares: where a record sits in its table, and text compared as a reader reads it."""

from __future__ import annotations

from ..data import Dataset
from ..records import RECORDS

ATTR = {"articles": "articles", "passages": "passages", "claims": "claims", "sources": "sources", "evidence": "evidence",
        "claim_evidence": "links", "judgments": "judgments", "fx_rates": "fx_rates", "events": "events",
        "corrections": "corrections", "changelog": "changelog", "promises": "promises", "tracker": "tracker",
        "outlets": "outlets"}
assert set(ATTR) == set(RECORDS)
SUPPORTING_STANCES = ("supports", "contradicts", "qualifies")


def row_of(dataset: Dataset, name: str, record: object) -> int:
    """The record's 1-based data row in its table (Problem adds the header when it shows a spreadsheet row)."""
    return getattr(dataset, ATTR[name]).index(record) + 1


def squash(text: str) -> str:
    """Compare quotes modulo line breaks and runs of spaces, which copy-paste changes freely."""
    return " ".join(text.replace("\u2019", "'").split())
