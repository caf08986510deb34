"""Verdicts an editor would sign: the scale's definitions, sources counted by their original, quotes anyone
can verify. Each rule is shown refusing a broken copy of the data, naming the file, the row and the rule."""

from __future__ import annotations

import csv
import re
import shutil
from dataclasses import dataclass

import pytest

from factcheck.data import Dataset
from factcheck.ratings import Rating, all_passage_verdicts, all_verdicts
from factcheck.render.words import Words
from factcheck.validate import validate


@pytest.fixture
def data(root, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(root / "data", copy)
    return copy


def edit(path, match, change):
    """Apply ``change`` to the first row of a CSV for which ``match`` holds; fail if none does."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    hit = next(r for r in rows if match(r))
    change(hit)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows.index(hit) + 2  # the row a spreadsheet shows: the header is row 1


def problems(data):
    return [str(p) for p in validate(data)]


def located(message: str, file: str, row: int, column: str) -> bool:
    """The message names the file, the spreadsheet row (the editor line may follow) and the column."""
    return re.search(rf"{re.escape(file)}, row {row}( \(line \d+ in a text editor\))?, column '{column}'",
                     message) is not None


def test_an_unverified_verdict_with_contradicting_evidence_is_refused(data):
    # Rate bank_regulation Unverified, then give it a source that contradicts it.
    edit(data / "claim_evidence.csv", lambda r: r["claim_id"] == "bank_regulation",
         lambda r: r.update(stance="contradicts"))
    row = edit(data / "judgments.csv", lambda r: r["claim_id"] == "bank_regulation",
               lambda r: r.update(rating="Unverified", applies_when="contradicted",
                                  departs_because_en="We could not tell.", departs_because_fr="Nous ne savons pas."))
    found = problems(data)
    assert any(located(p, "judgments.csv", row, "rating") and "bank_regulation: evidence contradicts it"
               in p and "Unverified means nothing establishes or refutes" in p for p in found), found


def test_unverified_cannot_rest_on_figures_that_differ(data):
    row = edit(data / "judgments.csv", lambda r: r["claim_id"] == "deadline_2028",
               lambda r: r.update(rating="Unverified", departs_because_en="No speaker named a year.", departs_because_fr="Aucune année."))
    found = problems(data)
    assert any(located(p, "judgments.csv", row, "rating") and "the checks find 'partial'" in p
               for p in found), found


def test_the_same_outcome_rated_differently_without_a_reason_is_refused(data):
    # amount and permits_pledge share the outcome qualifier_unsupported (Mostly true); rate one True, say nothing.
    row = edit(data / "judgments.csv", lambda r: r["claim_id"] == "permits_pledge",
               lambda r: r.update(rating="True", departs_because_en="", departs_because_fr=""))
    found = problems(data)
    assert located("\n".join(found), "judgments.csv", row, "departs_because_en")
    assert any("permits_pledge" in p and "same outcome, same rating" in p for p in found), found


def test_an_anonymous_aggregator_used_as_support_is_refused(data):
    row = edit(data / "claim_evidence.csv", lambda r: r["evidence_id"] == "newsfromrss-son-will-try",
               lambda r: r.update(stance="supports"))
    found = problems(data)
    assert any(located(p, "claim_evidence.csv", row, "stance") and "no identifiable original" in p
               for p in found), found


def test_a_central_claim_on_fewer_than_two_independent_originals_is_refused(data):
    ds = Dataset(data)
    keep = next(e.evidence_id for l, e in ds.evidence_for("pledge_2016_amount") if l.stance == "supports")
    with open(data / "claim_evidence.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows = [r for r in rows if r["claim_id"] != "pledge_2016_amount" or r["evidence_id"] == keep]
    with open(data / "claim_evidence.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["claim_id", "evidence_id", "stance"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    found = problems(data)
    assert any("claims.csv" in p and "column 'central'" in p and "pledge_2016_amount rests on 1" in p
               for p in found), found


def test_syndicated_copies_of_one_story_count_once(data):
    """Two copies of the same AP story are one original, not two: relabel a CNBC row's source as AP."""
    ds = Dataset(data)
    sources = {s.source_id: s for s in ds.sources}
    originals = {sources[e.source_id].outlet for l, e in ds.evidence_for("pledge_2016_amount") if l.stance != "context"}
    assert len(originals) >= 2
    for source_id in {e.source_id for l, e in ds.evidence_for("pledge_2016_amount")}:
        edit(data / "sources.csv", lambda r, s=source_id: r["source_id"] == s,
             lambda r: r.update(original_publisher="Associated Press"))
    found = problems(data)
    assert any("pledge_2016_amount rests on 1 (Associated Press)" in p for p in found), found


def test_a_quote_one_letter_off_its_snapshot_is_refused(data):
    row = edit(data / "evidence.csv", lambda r: "tide is turning" in r["quote"],
               lambda r: r.update(quote=r["quote"].replace("tide is turning", "tide is tuning")))
    found = problems(data)
    assert any(located(p, "evidence.csv", row, "quote") and "not found verbatim in snapshots/" in p
               for p in found), found


def test_an_editors_insert_in_brackets_is_shown_but_not_compared(data):
    row = edit(data / "evidence.csv", lambda r: "partnershp" in r["quote"],
               lambda r: r.update(quote=r["quote"].replace("partnershp", "partnershp [sic]")))
    assert not [p for p in problems(data) if located(p, "evidence.csv", row, "quote")]
    edit(data / "evidence.csv", lambda r: "partnershp [sic]" in r["quote"],
         lambda r: r.update(quote=r["quote"].replace("partnershp [sic]", "partnership [sic]")))
    assert any(located(p, "evidence.csv", row, "quote") for p in problems(data))


def test_a_value_that_is_not_in_its_quote_is_refused(data):
    row = edit(data / "evidence.csv", lambda r: r["evidence_id"] == "cnbc-amount-100bn",
               lambda r: r.update(value="137"))
    found = problems(data)
    assert any(located(p, "evidence.csv", row, "value") and "not in the row's quote" in p for p in found)


def test_a_source_without_a_snapshot_is_refused(data):
    (data / "snapshots" / "cnbc-2016-12-06-softbank-50bn.txt").unlink()
    assert any("no snapshot" in p and "cnbc-2016-12-06-softbank-50bn" in p for p in problems(data))


def test_a_quote_in_japanese_needs_our_translation(data):
    row = edit(data / "evidence.csv", lambda r: r["language"] == "ja", lambda r: r.update(translation_en=""))
    assert any(located(p, "evidence.csv", row, "translation_en") for p in problems(data))


def test_a_conclusion_written_for_another_rating_must_be_rewritten(data):
    row = edit(data / "passages.csv", lambda r: r["passage_id"] == "precedent_2016",
               lambda r: r.update(conclusion_rating="True"))
    found = problems(data)
    assert any(located(p, "passages.csv", row, "conclusion_rating") and "now rate precedent_2016 Misleading"
               in p for p in found), found


def test_a_placeholder_headline_is_refused(data):
    edit(data / "sources.csv", lambda r: True, lambda r: r.update(title="(headline not shown in stored copy)"))
    assert any("column 'title'" in p and "own headline" in p for p in problems(data))


def test_our_description_in_brackets_is_refused_as_a_title_and_a_missing_title_needs_both_descriptions(data):
    edit(data / "sources.csv", lambda r: r["source_id"] == "aawsat-reuters-2025-01-21-stargate",
         lambda r: r.update(title="[AP report, via a local paper]"))
    assert any("column 'title'" in p and "description_en" in p for p in problems(data))
    edit(data / "sources.csv", lambda r: r["source_id"] == "aawsat-reuters-2025-01-21-stargate",
         lambda r: r.update(title="", description_en="AP report, via a local paper", description_fr=""))
    found = problems(data)
    assert any("column 'description_fr'" in p and "both languages" in p for p in found), found


# --- every verdict as it stands ------------------------------------------------------------------

NEGATIVE = re.compile(r"\b(no source|none of|not|never|wrong|differs?|contradict\w*|but|only)\b", re.I)
CAVEAT = re.compile(r"\b(but|not|no|only|though|although|rather|premature|slightly|close)\b", re.I)
SUPPORTIVE_OPENING = re.compile(r"^[^,;:]*(\b(confirms?|supports?) it\b|\bas the article (says|does)\b|\bagrees?\b|\bdid\b)",
                                re.I)


@dataclass(frozen=True)
class Reason:
    rating: Rating
    conclusion: str  # what a reader of the English edition reads beside the badge


def _verdicts(dataset):
    """Every sentence's and every part's rating, with its reason as the book writes it."""
    from factcheck.claimreview import verdict_records

    records = verdict_records(all_passage_verdicts(dataset), dataset, "https://x.example/")
    return [Reason(Rating(r["verdict"]), r["conclusion_en"]) for record in records
            for r in (record, *record["parts"])]


def test_no_conclusion_contradicts_its_rating(dataset):
    for v in _verdicts(dataset):
        text = v.conclusion
        if v.rating is Rating.TRUE:
            assert not NEGATIVE.search(text), (v.rating, text)
        if v.rating is Rating.MOSTLY_TRUE:
            assert CAVEAT.search(text), (v.rating, text)  # it names what is loosened
        if v.rating in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE) and SUPPORTIVE_OPENING.search(text):
            # It may grant what is right ("CNBC did report the pledge, but…"), never stop there.
            assert NEGATIVE.search(text), (v.rating, text)
        if v.rating is Rating.UNVERIFIED:
            assert re.search(r"\b(no |not |neither|could not|cannot)", text), text


def test_no_conclusion_lists_more_than_three_outlets(dataset):
    names = set()
    for s in dataset.sources:
        names |= {s.publisher, s.outlet, re.sub(r"\s*\([^()]*\)$", "", s.publisher)}
    names |= {"AP", "WSJ", "the Wall Street Journal", "Jiji"}
    for v in _verdicts(dataset):
        named = {n.lower().removeprefix("the ") for n in names
                 if len(n) > 1 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", v.conclusion)}
        outlets = {n for n in named if not any(n != m and n in m for m in named)}  # "Jiji" within "Jiji Press"
        assert len(outlets) <= 3 or "other" in v.conclusion, (v.conclusion, outlets)


def test_every_conclusion_is_one_or_two_plain_sentences(dataset):
    for v in _verdicts(dataset):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", v.conclusion.strip()) if s]
        assert 1 <= len(sentences) <= 2, v.conclusion
        assert not re.search(r"\d{4}-\d{2}-\d{2}|[a-z]+_[a-z_]+", v.conclusion), v.conclusion  # no ISO dates or ids


def test_every_unverified_verdict_rests_on_evidence_that_establishes_nothing(dataset):
    from factcheck.ratings import OUTCOMES_THAT_ESTABLISH_NOTHING

    for v in all_verdicts(dataset):
        if v.rating is Rating.UNVERIFIED:
            assert v.finding.outcome in OUTCOMES_THAT_ESTABLISH_NOTHING
            assert not any(l.stance == "contradicts" for l, _ in dataset.evidence_for(v.claim.claim_id))


def test_claimreview_attributes_the_reviewed_words_to_the_article_publisher(dataset):
    from factcheck.claimreview import Publisher, claim_review

    article = dataset.article()
    for pv in all_passage_verdicts(dataset):
        review = claim_review(pv, article, Publisher("P", "https://p.example"), "https://x.example/", "2026-11-27",
                              Words.of("en"))
        author = review["itemReviewed"]["author"]
        assert author == {"@type": "Organization", "name": article.publisher}
        assert ("datePublished" in review["itemReviewed"]) == (article.date_published is not None)
