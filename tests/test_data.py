"""The sourced data: schema, keys, verbatim quotes, dates, and nothing orphaned."""

import datetime as dt
import re

from factcheck.quantities import parse_date_fr, parse_quantity_fr
from factcheck.validate import validate


def test_the_data_package_is_valid_by_the_project_rules(root):
    problems = validate(root / "data")
    assert not problems, "\n".join(map(str, problems))


def test_frictionless_agrees_that_the_package_is_valid(root):
    from frictionless import Package

    report = Package(str(root / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "rowNumber", "fieldName", "note"])


def test_every_quote_is_verbatim_in_the_archived_article(dataset):
    text = " ".join(dataset.article_text().split())
    missing = [c.claim_id for c in dataset.claims if " ".join(c.quote_fr.split()) not in text]
    assert not missing


def test_the_archived_article_is_unchanged_since_capture(root):
    """The object under review must not drift: its checksum was recorded when it was archived."""
    import hashlib

    recorded = (root / "data" / "article" / "article-fr.txt.sha256").read_text().split()[0]
    assert hashlib.sha256((root / "data" / "article" / "article-fr.txt").read_bytes()).hexdigest() == recorded


def test_the_article_makes_well_over_a_dozen_checkable_claims(dataset):
    assert len(dataset.claims) >= 20
    kinds = {c.kind for c in dataset.claims}
    assert {"amount", "count", "date", "place", "title", "quote", "event", "status"} <= kinds


def test_numbers_and_dates_come_from_the_french_words(dataset):
    for c in dataset.claims:
        if c.check in ("quantity", "metric_match"):
            assert parse_quantity_fr(c.value_in_quote).value > 0
        if c.check == "date":
            parse_date_fr(c.value_in_quote)


def test_every_claim_has_evidence_beyond_context(dataset):
    direct = {l.claim_id for l in dataset.links if l.stance != "context"}
    assert [c.claim_id for c in dataset.claims if c.claim_id not in direct] == []


def test_central_claims_rest_on_two_independent_outlets(dataset):
    sources = {s.source_id: s for s in dataset.sources}
    for c in dataset.claims:
        if not c.central:
            continue
        outlets = {sources[e.source_id].outlet for l, e in dataset.evidence_for(c.claim_id)
                   if l.stance in ("supports", "contradicts", "qualifies")}
        assert len(outlets) >= 2, (c.claim_id, outlets)


def test_every_source_has_url_dates_and_kind(dataset):
    for s in dataset.sources:
        assert re.match(r"https?://", s.url) and s.date_accessed and s.kind
        assert s.date_published is None or s.date_published <= s.date_accessed


def test_no_date_lies_after_its_access_date_or_today(dataset):
    today = dt.date.today()
    assert all(s.date_accessed <= today for s in dataset.sources)


def test_nothing_is_orphaned(dataset):
    used_evidence = ({l.evidence_id for l in dataset.links} | {r.evidence_id for r in dataset.fx_rates}
                     | {e.evidence_id for e in dataset.events} | {r.evidence_id for r in dataset.tracker}
                     | {getattr(p, k) for p in dataset.promises
                        for k in ("words_evidence_id", "target_evidence_id", "deadline_evidence_id")})
    assert {e.evidence_id for e in dataset.evidence} == used_evidence
    assert {s.source_id for s in dataset.sources} == {e.source_id for e in dataset.evidence}


def test_every_verdict_is_computed_and_no_judgment_is_stale(dataset):
    from factcheck.ratings import all_verdicts

    verdicts = all_verdicts(dataset)
    assert len(verdicts) == len(dataset.claims)
    assert [v.claim.claim_id for v in verdicts if v.stale_judgment] == []


def test_exchange_rates_are_plausible_for_the_period(dataset):
    assert dataset.fx_rates
    assert all(100 < r.jpy_per_usd < 200 for r in dataset.fx_rates)


def test_the_codebook_documents_every_column(root):
    import json

    codebook = (root / "data" / "README.md").read_text(encoding="utf-8")
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert f"`{resource['path']}`" in codebook, resource["path"]
        for field in resource["schema"]["fields"]:
            assert f"`{field['name']}`" in codebook, (resource["path"], field["name"])
