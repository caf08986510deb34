"""schema.org ClaimReview markup and the machine-readable exports, built from the article-level verdicts.

Fact-check aggregators (Google's Fact Check Explorer among them) read ClaimReview JSON-LD; the
exports carry the same verdicts as CSV and JSON for anyone re-using the data. What is reviewed is
the article's sentence as a reader read it, so each ClaimReview rates a passage, attributed to the
article's publisher; its parts and their checks are listed in the JSON export beneath it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .data import Dataset
from .quantities import parse_quantity_fr
from .ratings import BEST_RATING, WORST_RATING, PassageVerdict, Verdict, all_passage_verdicts
from .records import Article, Passage
from .render.myst import anchor_of
from .render.words import Words


@dataclass(frozen=True)
class Publisher:
    name: str
    url: str


def page_url(base_url: str, passage: Passage) -> str:
    return f"{base_url.rstrip('/')}/{passage.docname}.html#{anchor_of('passage', passage.passage_id)}"


def article_appearance(article: Article) -> dict:
    """Where the reviewed words appeared; a date or publisher we could not establish is left out, never guessed."""
    appearance = {"@type": "CreativeWork", "headline": article.headline_fr, "inLanguage": article.language}
    if article.url:
        appearance["url"] = article.url
    if article.date_published:
        appearance["datePublished"] = article.date_published.isoformat()
    if article.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
    return appearance


def claim_review(verdict: PassageVerdict, article: Article, publisher: Publisher, base_url: str,
                 date_published: str, w: Words) -> dict:
    """One sentence's review in an edition: the claim in short, in the edition's language (Google asks for a
    short summary), the article's own words in the item reviewed, rated with the edition's name for the rating,
    at the edition's address (``base_url`` is the edition's)."""
    from .render.method import rating_name

    rating = {"@type": "Rating", "alternateName": rating_name(verdict.rating, w),
              "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if verdict.rating.rating_value is not None:
        rating["ratingValue"] = verdict.rating.rating_value
    item = {"@type": "Claim", "appearance": article_appearance(article), "text": verdict.passage.quote_fr,
            "inLanguage": article.language,
            # The claims reviewed are the article's own sentences: its publisher is their author.
            "author": {"@type": "Organization", "name": article.publisher or w.t("Unknown publisher")}}
    if article.date_published:
        item["datePublished"] = article.date_published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page_url(base_url, verdict.passage),
        "claimReviewed": getattr(verdict.passage, f"claim_short_{w.code}"),
        "reviewRating": rating,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "datePublished": date_published,
        "inLanguage": w.code,
    }


def json_ld_script(data: Mapping | list) -> str:
    """A ``<script type="application/ld+json">`` block that no string inside the data can close early."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def asserted(verdict: Verdict) -> dict | None:
    """The value a part asserts, parsed from its French words (numbers only)."""
    if verdict.claim.check not in ("quantity", "metric_match"):
        return None
    q = parse_quantity_fr(verdict.claim.value_in_quote or "")
    return {"value": q.value, "unit": q.unit, "qualifier": q.qualifier.value, "text_fr": q.text}


def part_record(v: Verdict, urls: Mapping[str, str], words: Mapping[str, Words], dataset: Dataset) -> dict:
    from .notebook import Part
    from .render import Page
    from .render.claims import conclusion
    from .render.method import rating_name

    part = Part(v.claim.claim_id, v.claim.role, v.rating, v.judged, v.finding)
    reasons = {code: conclusion(part, Page(dataset, w, lambda fig, alt: "")) for code, w in words.items()}
    return {
        "claim_id": v.claim.claim_id,
        "role": v.claim.role,
        "quote_fr": v.claim.quote_fr,
        "claim_en": v.claim.claim_en,
        "claim_short_en": v.claim.claim_short_en,
        "claim_short_fr": v.claim.claim_short_fr,
        "kind": v.claim.kind,
        "asserted": asserted(v),
        "verdict": v.rating.value,
        "verdict_fr": rating_name(v.rating, words["fr"]),
        "rating_value": v.rating.rating_value,
        "check": v.finding.check,
        "outcome": v.finding.outcome.value,
        "conclusion_en": reasons["en"],
        "conclusion_fr": reasons["fr"],
        "evidence_ids": list(v.finding.evidence_ids),
        "source_urls": [urls[s] for s in v.source_ids],
    }


def french_base(base_url: str) -> str:
    """The French edition's address: the English one's, under ``fr/``."""
    return f"{base_url.rstrip('/')}/fr/"


def verdict_records(verdicts: tuple[PassageVerdict, ...], dataset: Dataset, base_url: str,
                    locale_dir: Path | None = None) -> list[dict]:
    """One record per sentence of the article, with its parts (each with its own check) nested; each text
    in English and in French."""
    from .render.method import rating_name

    words = {code: Words.of(code, locale_dir or dataset.data_dir.parent / "locales") for code in ("en", "fr")}
    urls = {s.source_id: s.url for s in dataset.sources}
    return [{
        "passage_id": pv.passage.passage_id,
        "page": page_url(base_url, pv.passage),
        "page_fr": page_url(french_base(base_url), pv.passage),
        "quote_fr": pv.passage.quote_fr,
        "quote_en": pv.passage.quote_en,
        "claim_short_en": pv.passage.claim_short_en,
        "claim_short_fr": pv.passage.claim_short_fr,
        "verdict": pv.rating.value,
        "verdict_fr": rating_name(pv.rating, words["fr"]),
        "rating_value": pv.rating.rating_value,
        "conclusion_en": pv.passage.conclusion_en,
        "conclusion_fr": pv.passage.conclusion_fr,
        "part_ids": [p.claim.claim_id for p in pv.parts],
        "parts": [part_record(p, urls, words, dataset) for p in pv.parts],
        "source_urls": [urls[s] for s in pv.source_ids],
    } for pv in verdicts]


def verdicts_csv(records: list[dict]) -> str:
    """The article-level verdicts, one row per sentence; the parts are in verdicts.json."""
    columns = ("passage_id", "page", "page_fr", "quote_fr", "quote_en", "verdict", "verdict_fr", "rating_value",
               "conclusion_en", "conclusion_fr", "part_ids", "source_urls")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: " ".join(r[k]) if isinstance(r[k], list) else r[k] for k in columns})
    return out.getvalue()


def tracker_records(dataset: Dataset, french: Words) -> list[dict]:
    """Each promise with its status, its dates, its history and every dated row of evidence."""
    from .render.method import status_name
    from .tracker import all_standings

    sources = {s.source_id: s for s in dataset.sources}
    return [{
        "promise_id": s.promise.promise_id, "pledge_en": s.promise.pledge_en, "pledge_fr": s.promise.pledge_fr,
        "made_by_en": s.promise.made_by_en, "made_by_fr": s.promise.made_by_fr, "status_fr": status_name(s.status, french),
        "made_on": s.promise.made_on.isoformat(), "target": s.target, "unit": s.unit,
        "deadline": s.deadline.isoformat(), "status": s.status, "updated": s.as_of.isoformat() if s.reported else None,
        "checked": s.checked.isoformat(), "delivered": s.delivered, "delivered_in_part": s.delivered_in_part,
        "announced_or_committed": s.pending,
        "history": [{"date": c.date.isoformat(), "status": c.status, "evidence_ids": list(c.evidence_ids)}
                    for c in s.history],
        "evidence": [{"evidence_id": e.row.evidence_id, "date": e.date.isoformat(), "kind": e.row.kind,
                      "counts": e.counts, "deal_id": e.row.deal_id, "payment": e.row.payment, "basis": e.row.basis,
                      "amount": e.amount, "why_en": e.row.why_en, "why_fr": e.row.why_fr,
                      "source_url": sources[e.evidence.source_id].url} for e in s.entries],
    } for s in all_standings(dataset)]


def tracker_csv(records: list[dict]) -> str:
    """One row per piece of evidence, with its promise's status: the tracker for a spreadsheet."""
    columns = ("promise_id", "status", "status_fr", "updated", "checked", "deadline", "target", "unit", "evidence_id",
               "date", "kind", "counts", "deal_id", "payment", "basis", "amount", "why_en", "why_fr", "source_url")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for r in records:
        for e in r["evidence"]:
            writer.writerow({**{k: r[k] for k in columns if k in r}, **e})
    return out.getvalue()


def exports(dataset: Dataset, publisher: Publisher, base_url: str, date_published: str,
            locale_dir: Path | None = None) -> dict[str, str]:
    """File name → content for everything the build publishes beside the HTML (``base_url`` is the English
    edition's; each file carries both languages, and each edition's ClaimReview has its own file)."""
    locale_dir = locale_dir or dataset.data_dir.parent / "locales"
    words = {code: Words.of(code, locale_dir) for code in ("en", "fr")}
    verdicts = all_passage_verdicts(dataset)
    article = dataset.article()
    records = verdict_records(verdicts, dataset, base_url, locale_dir)
    reviews = {code: [claim_review(v, article, publisher, base_url if code == "en" else french_base(base_url),
                                   date_published, w) for v in verdicts] for code, w in words.items()}
    tracker = tracker_records(dataset, words["fr"])
    return {
        "claimreview.json": json.dumps(reviews["en"], ensure_ascii=False, indent=1),
        "claimreview.fr.json": json.dumps(reviews["fr"], ensure_ascii=False, indent=1),
        "verdicts.json": json.dumps(records, ensure_ascii=False, indent=1),
        "verdicts.csv": verdicts_csv(records),
        "tracker.json": json.dumps(tracker, ensure_ascii=False, indent=1),
        "tracker.csv": tracker_csv(tracker),
    }
