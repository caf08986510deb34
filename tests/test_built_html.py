"""The built book as published: ClaimReview JSON-LD, exports, every sentence on the landing page and its
page, links that resolve, and nothing internal in what a reader sees."""

import csv
import io
import json
import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from factcheck.render.typography import typeset

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
    from factcheck.ratings import all_passage_verdicts

    return all_passage_verdicts(dataset)


@pytest.fixture(scope="module")
def pages(html_dir):
    """Every published page of the English edition (not Sphinx's own genindex/search), parsed once."""
    found = {}
    for path in sorted(html_dir.rglob("*.html")):
        rel = path.relative_to(html_dir).as_posix()
        if rel.startswith(("_static", "_sources", "_images", "fr/")) or rel in ("genindex.html", "search.html", "index.html"):
            continue
        found[rel] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return found


def _json_ld(soup):
    items = []
    for tag in soup.select('script[type="application/ld+json"]'):
        data = json.loads(tag.string)
        items += data if isinstance(data, list) else [data]
    return items


def _config(root):
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]


def test_each_claim_page_carries_one_claimreview_per_sentence(pages, verdicts, root, dataset):
    cfg = _config(root)
    base = cfg["html_baseurl"]
    article = dataset.article()
    for page in sorted({v.passage.docname for v in verdicts}):
        reviews = _json_ld(pages[f"{page}.html"])
        expected = [v for v in verdicts if v.passage.docname == page]
        assert len(reviews) == len(expected), page
        for review, v in zip(reviews, expected):
            assert REQUIRED <= set(review), page
            assert review["@type"] == "ClaimReview"
            assert review["url"] == f"{base}{page}.html#passage-{v.passage.passage_id.replace('_', '-')}"
            assert len(review["claimReviewed"]) <= 75
            rating = review["reviewRating"]
            assert rating["alternateName"] == v.rating.value
            assert rating.get("ratingValue") == v.rating.rating_value
            assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
            item = review["itemReviewed"]
            assert item["author"] == {"@type": "Organization", "name": article.publisher}
            assert item["appearance"]["inLanguage"] == "fr" and item["appearance"]["headline"]
            # The article's date is unknown in the data, so no page or markup may state one.
            assert ("datePublished" in item) == (article.date_published is not None)
            assert review["author"]["name"] == cfg["factcheck_publisher"]["name"]


def test_pages_without_claims_carry_no_claimreview(pages):
    assert _json_ld(pages["book/methodology.html"]) == []


def test_the_about_page_and_the_markup_agree_on_the_article_date(pages, dataset):
    article = dataset.article()
    text = " ".join(pages["book/about-article.html"].get_text().split())
    if article.date_published is None:
        assert "Not shown on the page" in text and "16 December 2024" in text and "20 January 2025" in text


def test_exports_carry_the_article_level_verdicts(html_dir, verdicts):
    records = json.loads((html_dir / "exports" / "verdicts.json").read_text(encoding="utf-8"))
    assert [(r["passage_id"], r["verdict"]) for r in records] == [(v.passage.passage_id, v.rating.value) for v in verdicts]
    assert all(r["part_ids"] and len(r["parts"]) == len(r["part_ids"]) for r in records)
    rows = list(csv.DictReader(io.StringIO((html_dir / "exports" / "verdicts.csv").read_text(encoding="utf-8"))))
    assert [r["verdict"] for r in rows] == [v.rating.value for v in verdicts]
    reviews = json.loads((html_dir / "exports" / "claimreview.json").read_text(encoding="utf-8"))
    assert len(reviews) == len(verdicts)


def test_the_tracker_is_published_and_linked_from_the_pages_it_concerns(html_dir, pages, dataset):
    from factcheck.tracker import all_standings

    records = json.loads((html_dir / "exports" / "tracker.json").read_text(encoding="utf-8"))
    standings = all_standings(dataset)
    assert [(r["promise_id"], r["status"], r["updated"]) for r in records] == \
        [(s.promise.promise_id, s.status, s.as_of.isoformat() if s.reported else None) for s in standings]
    rows = list(csv.DictReader(io.StringIO((html_dir / "exports" / "tracker.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(s.entries) for s in standings)
    tracker = pages["book/tracker.html"]
    for s in standings:
        assert tracker.find(id=f"promise-{s.promise.promise_id.replace('_', '-')}") is not None
    text = " ".join(tracker.get_text().split())
    assert "nothing on this page changes them" in text
    linking = {name for name, soup in pages.items() if soup.select_one('a[href*="tracker.html"]')}
    claim_pages = {f"{dataset.passage(dataset.claim(p.article_claim_id).passage_id).docname}.html"
                   for p in dataset.promises if p.article_claim_id}
    assert {"book/aftermath.html"} | claim_pages <= linking
    landing = BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert landing.select_one('a[href*="tracker.html"]') is not None


def test_landing_page_links_every_sentence_with_its_rating_and_reason(html_dir, verdicts):
    """The corrections list, then the table of the other sentences: each sentence once, with its badge, its
    reason and a link that lands on its verdict."""
    soup = BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = soup.select(".fc-corrections li") + soup.select("table.fc-verdicts tbody tr")
    for v in verdicts:
        reason = " ".join(v.passage.conclusion_en.split())
        found = [e for e in entries if reason in " ".join(e.get_text().split())]
        assert len(found) == 1, v.passage.passage_id
        assert found[0].select_one(".fc-badge").get_text() == v.rating.value
        href = found[0].select("a")[0]["href"]
        page, _, frag = href.partition("#")
        target = BeautifulSoup((html_dir / "book" / page).read_text(encoding="utf-8"), "html.parser")
        assert target.find(id=frag) is not None, href


def test_the_landing_page_opens_with_the_bottom_line_and_the_corrections(pages, html_dir):
    soup = BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article") or soup
    blocks = [el for el in main.select(".fc-bottom-line, .fc-corrections, table.fc-verdicts")]
    assert [b.get("class")[0] for b in blocks][:3] == ["fc-bottom-line", "fc-corrections", "fc-verdicts"]
    assert 3 <= len(soup.select(".fc-corrections li")) <= 6


def test_the_landing_page_gives_every_verdicts_reason_once(pages, verdicts):
    """The corrections first, then the table of the other sentences: no reason is read twice, none is missing."""
    text = " ".join(pages["book/index.html"].get_text().split())  # (no separator: a title in italics is a word)
    for v in verdicts:
        assert text.count(" ".join(v.passage.conclusion_en.split())) == 1, v.passage.passage_id


def test_every_claim_page_shows_the_claim_its_rating_reason_and_decisive_sources(pages, verdicts, dataset):
    from factcheck.sources import decisive_plan

    for v in verdicts:
        soup = pages[f"{v.passage.docname}.html"]
        plan = decisive_plan([w for w in verdicts if w.passage.page == v.passage.page], dataset)
        text = " ".join(soup.get_text().split())
        assert " ".join(typeset(v.passage.quote_fr).split()) in text, v.passage.passage_id  # French, set as French
        assert " ".join(v.passage.conclusion_en.split()) in text
        assert f"Claim: {v.passage.claim_short_en}" in text
        urls = {a.get("href") for a in soup.select("a")}
        evidence = {e.evidence_id: e for e in dataset.evidence}
        shown = {dataset.source(evidence[c.evidence_id].source_id).url for c in plan[v.passage.passage_id]}
        assert 1 <= len(plan[v.passage.passage_id]) <= 4 and shown <= urls


def test_every_evidence_card_appears_once_per_page(pages, verdicts):
    for page in sorted({v.passage.docname for v in verdicts}):
        quotes = [" ".join(q.get_text().split()) for q in pages[f"{page}.html"].select(".fc-evidence .fc-quote")]
        assert len(quotes) == len(set(quotes)), page


def test_french_and_japanese_text_carries_its_language(pages):
    for name, soup in pages.items():
        for el in soup.select(".fc-quote-fr"):
            assert el.get("lang") == "fr", name
    cards = [q for soup in pages.values() for q in soup.select(".fc-quote")]
    assert any(q.get("lang") == "ja" for q in cards)
    assert all(q.get("lang") in ("en", "ja", "fr") for q in cards)


SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def _visible_text(soup) -> str:
    for tag in soup.select("script, style, code, pre, .cell_input, .highlight, nav, .bd-sidebar, .bd-header"):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def test_no_internal_vocabulary_reaches_a_reader(pages, dataset):
    from factcheck.outcomes import Outcome

    outcome_names = [o.value for o in Outcome if "_" in o.value]
    for name, soup in pages.items():
        text = _visible_text(BeautifulSoup(str(soup), "html.parser"))
        assert not SNAKE.findall(text), (name, SNAKE.findall(text)[:5])
        assert "Check:" not in text and "NaN" not in text, name
        assert not any(o in text for o in outcome_names), name


INTERNAL = re.compile(r"\b[\w-]+\.(?:csv|ipynb|py|yml|po)\b|\bfactcheck (?:validate|book|execute|translations)\b"
                      r"|\bmake (?:book|test|translations)\b|ratingValue|\bdata/")


@pytest.mark.parametrize("edition", ["", "fr/"], ids=["en", "fr"])
def test_no_reader_page_names_a_data_file_a_command_or_a_rating_value(html_dir, edition):
    """Those belong to CONTRIBUTING.md; a reader's page says what a source is, not where we keep it."""
    for internal in ("in data/passages.csv", "run factcheck validate", "ClaimReview ratingValue 5", "make book"):
        assert INTERNAL.search(internal), internal
    pages = sorted((html_dir / edition / "book").rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        text = _visible_text(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"))
        assert not INTERNAL.findall(text), (page.name, INTERNAL.findall(text)[:5])


def test_every_relative_link_and_image_resolves(html_dir):
    broken = []
    for page in html_dir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr)
                if not url or url.startswith(("#", "http:", "https:", "mailto:", "javascript:", "data:", "//")):
                    continue
                path = unquote(urlsplit(url).path)
                if path and not (page.parent / path).resolve().exists():
                    broken.append(f"{page.relative_to(html_dir)} -> {url}")
    assert not broken, broken[:10]


def test_every_page_says_under_its_title_when_it_was_published_and_changed_and_below_how_to_report_an_error(pages, dataset, root):
    from factcheck.render.overview import publication_dates
    from factcheck.render.words import Words

    en = Words.of("en")
    published, changed = publication_dates(dataset)
    contact = _config(root)["factcheck_contact"]["url"]
    for name, soup in pages.items():
        byline = soup.select_one(".fc-page-byline")
        assert byline is not None, name
        assert f"Published {en.date(published.date)}" in " ".join(byline.get_text(" ").split()), name
        updated = byline.select_one('a[href$="corrections.html"]') or byline  # (the corrections page: no link to itself)
        assert updated.get_text().endswith(f"Updated {en.date(changed.date)}"), name
        assert (updated is byline) == (name == "book/corrections.html"), name
        assert soup.select_one(f'.fc-footer a[href="{contact}"]') is not None, name
        for export in ("verdicts.csv", "verdicts.json", "tracker.csv"):  # named in words, not by file name
            link = soup.select_one(f'.fc-footer a[href$="exports/{export}"]')
            assert link is not None and export not in link.get_text(), (name, export)


def test_no_italics_mark_reaches_a_page_or_an_export(html_dir):
    """The private marks around a publication's title become italics or vanish; none is ever shown."""
    from factcheck.render.words import EM, END_EM

    leaked = [p.relative_to(html_dir).as_posix() for p in html_dir.rglob("*")
              if p.suffix in (".html", ".json", ".csv", ".js") and (EM in (t := p.read_text(encoding="utf-8"))
                                                                     or END_EM in t)]
    assert not leaked, leaked
    page = (html_dir / "book" / "claims" / "jobs.html").read_text(encoding="utf-8")
    assert "<em>The Wall Street Journal</em>" in page


def test_charts_are_stored_as_images(html_dir):
    for page in ("book/claims/assets.html", "book/claims/precedent-2016.html", "book/aftermath.html",
                 "book/tracker.html"):
        assert "<img" in (html_dir / page).read_text(encoding="utf-8"), page


def test_absolute_urls_follow_the_configured_base_url(html_dir, root):
    base = _config(root)["html_baseurl"]
    page = (html_dir / "book" / "claims" / "amount.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base}book/claims/amount.html"' in page
    reviews = json.loads((html_dir / "exports" / "claimreview.json").read_text(encoding="utf-8"))
    assert all(r["url"].startswith(base) for r in reviews)


def test_page_urls_follow_any_base_url(dataset):
    from factcheck.claimreview import page_url

    passage = dataset.passages[0]
    assert page_url("https://example.org/fc/", passage) == page_url("https://example.org/fc", passage) == \
        f"https://example.org/fc/book/{passage.page}.html#passage-{passage.passage_id.replace('_', '-')}"


def test_every_part_an_editor_rated_off_the_rule_says_why_on_its_page(html_dir, dataset):
    """The methodology promises it: where a judgment departs from the rating its finding earns, the part's page
    gives the editor's reason, in both editions."""
    departing = [j for j in dataset.judgments if j.departs_because_en]
    assert len(departing) >= 5
    for j in departing:
        page = dataset.passage(dataset.claim(j.claim_id).passage_id).docname
        for edition, reason in (("", j.departs_because_en), ("fr/", typeset(j.departs_because_fr))):
            soup = BeautifulSoup((html_dir / f"{edition}{page}.html").read_text(encoding="utf-8"), "html.parser")
            text = " ".join(soup.get_text(" ").split())
            assert " ".join(reason.split())[:60].replace("’", "'") in text.replace("’", "'"), (edition, page, j.claim_id)


def test_the_corrections_page_opens_with_those_that_touched_a_verdict_newest_first(html_dir, dataset):
    """On a phone the corrections that changed what a sentence says come first, the latest on top; the others
    (the tracker, the sources, our wording) are one tap away, all of them still on the page."""
    soup = BeautifulSoup((html_dir / "book" / "corrections.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one("section#corrections")
    folded = section.select("details li")
    open_ = [li for li in section.select("li") if li not in folded]
    touching = [c for c in dataset.corrections if c.claim_id]
    assert len(open_) == len(touching) and len(folded) == len(dataset.corrections) - len(touching) > 0
    assert all(li.select_one("a[href*='claims/']") for li in open_)
    latest = touching[-1].correction_en[:50]
    assert latest in " ".join(open_[0].get_text(" ").split())
