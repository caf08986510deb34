"""The built book as published: ClaimReview JSON-LD, exports, every claim on the landing page and its page."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.html

REQUIRED = {"@context", "@type", "url", "claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"}


@pytest.fixture(scope="module")
def html_dir(root):
    out = root / "_build" / "html"
    if not (out / "index.html").is_file():
        pytest.fail("_build/html is missing: the test command builds the book before running pytest")
    return out


@pytest.fixture(scope="module")
def verdicts(dataset):
    from factcheck.ratings import all_verdicts

    return all_verdicts(dataset)


def _json_ld(path):
    import extruct

    data = extruct.extract(path.read_text(encoding="utf-8"), syntaxes=["json-ld"], uniform=False)["json-ld"]
    items = []
    for block in data:
        items += block if isinstance(block, list) else [block]
    return items


def test_each_claim_page_carries_one_claimreview_per_claim(html_dir, verdicts, root):
    import yaml

    cfg = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]
    base = cfg["html_baseurl"]
    for page in sorted({v.claim.docname for v in verdicts}):
        reviews = _json_ld(html_dir / f"{page}.html")
        expected = [v for v in verdicts if v.claim.docname == page]
        assert len(reviews) == len(expected), page
        for review, v in zip(reviews, expected):
            assert REQUIRED <= set(review), page
            assert review["@type"] == "ClaimReview"
            assert review["url"] == f"{base}{page}.html#claim-{v.claim.claim_id.replace('_', '-')}"
            assert len(review["claimReviewed"]) <= 75
            assert v.rating.value not in review["claimReviewed"].split()
            rating = review["reviewRating"]
            assert rating["alternateName"] == v.rating.value
            assert rating.get("ratingValue") == v.rating.rating_value
            assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
            item = review["itemReviewed"]
            assert item["@type"] == "Claim" and item["author"]["name"]
            assert item["appearance"]["inLanguage"] == "fr" and item["appearance"]["headline"]
            assert review["author"]["name"] == cfg["factcheck_publisher"]["name"]


def test_pages_without_claims_carry_no_claimreview(html_dir):
    assert _json_ld(html_dir / "book" / "methodology.html") == []


def test_exports_match_the_verdicts(html_dir, verdicts):
    records = json.loads((html_dir / "exports" / "verdicts.json").read_text(encoding="utf-8"))
    assert [(r["claim_id"], r["verdict"]) for r in records] == [(v.claim.claim_id, v.rating.value) for v in verdicts]
    rows = list(csv.DictReader(io.StringIO((html_dir / "exports" / "verdicts.csv").read_text(encoding="utf-8"))))
    assert [r["verdict"] for r in rows] == [v.rating.value for v in verdicts]
    reviews = json.loads((html_dir / "exports" / "claimreview.json").read_text(encoding="utf-8"))
    assert len(reviews) == len(verdicts)


def test_landing_page_links_every_claim_with_its_verdict(html_dir, verdicts):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.fc-verdicts tbody tr")
    assert len(rows) == len(verdicts)
    for row, v in zip(rows, verdicts):
        assert row.select_one(".fc-badge").get_text() == v.rating.value
        href = row.select_one("a")["href"]
        page, _, frag = href.partition("#")
        target = BeautifulSoup((html_dir / "book" / page).read_text(encoding="utf-8"), "html.parser")
        assert target.find(id=frag) is not None, href


def test_every_claim_page_shows_quote_verdict_and_sources(html_dir, verdicts, dataset):
    from bs4 import BeautifulSoup

    for v in verdicts:
        soup = BeautifulSoup((html_dir / f"{v.claim.docname}.html").read_text(encoding="utf-8"), "html.parser")
        text = " ".join(soup.get_text().split())
        assert " ".join(v.claim.quote_fr.split()) in text, v.claim.claim_id
        assert v.finding.sentence in text
        urls = {a.get("href") for a in soup.select("a")}
        assert {dataset.source(s).url for s in v.source_ids} <= urls


def test_charts_are_stored_as_images(html_dir):
    for page in ("book/index.html", "book/claims/assets.html", "book/claims/precedent-2016.html", "book/aftermath.html"):
        assert "<img" in (html_dir / page).read_text(encoding="utf-8"), page


def test_absolute_urls_follow_the_configured_base_url(html_dir, root):
    import yaml

    base = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]["html_baseurl"]
    page = (html_dir / "book" / "claims" / "amount.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}book/claims/amount.html"' in page
    reviews = json.loads((html_dir / "exports" / "claimreview.json").read_text(encoding="utf-8"))
    assert all(r["url"].startswith(base) for r in reviews)


def test_page_urls_follow_any_base_url():
    from factcheck.claimreview import page_url
    from factcheck.ratings import all_verdicts
    from factcheck.data import Dataset
    from conftest import ROOT

    v = all_verdicts(Dataset(ROOT / "data"))[0]
    assert page_url("https://example.org/fc/", v) == page_url("https://example.org/fc", v) == \
        "https://example.org/fc/book/claims/amount.html#claim-amount"
