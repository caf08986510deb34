"""schema.org ClaimReview markup and the machine-readable exports, built from the verdicts.

Fact-check aggregators (Google's Fact Check Explorer among them) read ClaimReview JSON-LD; the
exports carry the same verdicts as CSV and JSON for anyone re-using the data.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass

from .data import Article, Dataset
from .display import anchor
from .quantities import parse_quantity_fr
from .ratings import BEST_RATING, WORST_RATING, Verdict, all_verdicts


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str


def page_url(base_url: str, verdict: Verdict) -> str:
    return f"{base_url.rstrip('/')}/{verdict.claim.docname}.html#{anchor(verdict.claim)}"


def claim_review(verdict: Verdict, article: Article, publisher: Publisher, base_url: str, date_published: str) -> dict:
    claim = verdict.claim
    rating = {"@type": "Rating", "alternateName": verdict.rating.value,
              "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if verdict.rating.rating_value is not None:
        rating["ratingValue"] = verdict.rating.rating_value
    appearance = {"@type": "CreativeWork", "headline": article.headline_fr, "inLanguage": article.language}
    if article.url:
        appearance["url"] = article.url
    if article.date_published:
        appearance["datePublished"] = article.date_published.isoformat()
    if article.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
    author = {"@type": "Person", "name": claim.speaker} if claim.speaker and ";" not in claim.speaker else \
        {"@type": "Organization", "name": article.publisher or "Unknown publisher"}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url(base_url, verdict),
        "claimReviewed": claim.claim_short,
        "reviewRating": rating,
        "itemReviewed": {"@type": "Claim", "author": author, "appearance": appearance,
                         "datePublished": article.written_after.isoformat() if not article.date_published
                         else article.date_published.isoformat()},
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "datePublished": date_published,
        "inLanguage": "en",
    }


def json_ld_script(data: Mapping | list) -> str:
    """A ``<script type="application/ld+json">`` block that no string inside the data can close early."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def asserted(verdict: Verdict) -> dict | None:
    """The value the claim asserts, parsed from its French words (numbers only)."""
    if verdict.claim.check not in ("quantity", "metric_match"):
        return None
    q = parse_quantity_fr(verdict.claim.value_fr or "")
    return {"value": q.value, "unit": q.unit, "qualifier": q.qualifier.value, "text_fr": q.text}


def verdict_records(verdicts: tuple[Verdict, ...], dataset: Dataset, base_url: str) -> list[dict]:
    urls = {s.source_id: s.url for s in dataset.sources}
    return [{
        "claim_id": v.claim.claim_id,
        "page": page_url(base_url, v),
        "quote_fr": v.claim.quote_fr,
        "claim_en": v.claim.claim_en,
        "kind": v.claim.kind,
        "asserted": asserted(v),
        "verdict": v.rating.value,
        "rating_value": v.rating.rating_value,
        "check": v.finding.check,
        "outcome": v.finding.outcome,
        "conclusion": v.conclusion,
        "evidence_ids": list(v.finding.evidence_ids),
        "source_urls": [urls[s] for s in v.source_ids],
    } for v in verdicts]


def verdicts_csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: " ".join(v) if isinstance(v, list) else json.dumps(v, ensure_ascii=False)
                         if isinstance(v, dict) else v for k, v in r.items()})
    return out.getvalue()


def exports(dataset: Dataset, publisher: Publisher, base_url: str, date_published: str) -> dict[str, str]:
    """File name → content for everything the build publishes beside the HTML."""
    verdicts = all_verdicts(dataset)
    article = dataset.article()
    records = verdict_records(verdicts, dataset, base_url)
    reviews = [claim_review(v, article, publisher, base_url, date_published) for v in verdicts]
    return {
        "claimreview.json": json.dumps(reviews, ensure_ascii=False, indent=1),
        "verdicts.json": json.dumps(records, ensure_ascii=False, indent=1),
        "verdicts.csv": verdicts_csv(records),
    }
