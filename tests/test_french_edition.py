"""The French edition as published under ``fr/``: a twin for every page and the reverse, a switch on each page
that leads to its twin, ``lang="fr"``, ClaimReview in French, French search, and no English rating name or
English generated sentence in what a French reader sees."""

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from factcheck.ratings import Rating
from factcheck.render.method import rating_name
from factcheck.render.words import Words

pytestmark = pytest.mark.html

ROOT = Path(__file__).resolve().parents[1]
FRENCH_NAMES = {r: rating_name(r, Words.of("fr", ROOT / "locales")) for r in Rating}


@pytest.fixture(scope="module")
def html_dir(root):
    out = root / "_build" / "html"
    if not (out / "fr" / "index.html").is_file():
        pytest.fail("_build/html/fr is missing: the test command builds both editions before running pytest")
    return out


def _pages(top: Path) -> set[str]:
    """The book's pages as built: those the table of contents lists (an old build may hold pages since removed)."""
    from factcheck.pipeline.toc import documents

    return {f"{doc}.html" for doc in documents(ROOT) if (top / f"{doc}.html").is_file()}


@pytest.fixture(scope="module")
def french(html_dir):
    return {rel: BeautifulSoup((html_dir / "fr" / rel).read_text(encoding="utf-8"), "html.parser")
            for rel in _pages(html_dir / "fr") if rel.startswith("book/")}


def test_every_english_page_has_a_french_twin_and_the_reverse(html_dir):
    english, french_ = _pages(html_dir), _pages(html_dir / "fr")
    assert len(english) > 15
    assert english == french_


def test_every_french_page_is_marked_french(french):
    for rel, soup in french.items():
        assert soup.html.get("lang") == "fr", rel


def test_the_switch_on_each_page_leads_to_its_twin_and_back(html_dir):
    for rel in sorted(_pages(html_dir)):
        if not rel.startswith("book/"):
            continue
        for here, twin in ((f"{rel}", f"fr/{rel}"), (f"fr/{rel}", rel)):
            soup = BeautifulSoup((html_dir / here).read_text(encoding="utf-8"), "html.parser")
            switch = soup.select(".fc-language-switch a")
            assert len(switch) == 1, here
            target = urljoin(f"https://site.example/{here}", switch[0]["href"])
            assert target == f"https://site.example/{twin}", (here, switch[0]["href"])
            assert (html_dir / twin).is_file()
            alternate = soup.select('link[rel="alternate"][hreflang]')
            assert [a["href"] for a in alternate] == [switch[0]["href"]], here


def test_french_claim_pages_carry_claimreview_in_french(french, dataset, html_dir):
    from factcheck.ratings import all_passage_verdicts

    verdicts = {v.passage.passage_id: v for v in all_passage_verdicts(dataset)}
    english = json.loads((html_dir / "exports" / "claimreview.json").read_text(encoding="utf-8"))
    value_of = {r["url"].rsplit("#", 1)[1]: r["reviewRating"].get("ratingValue") for r in english}
    seen = 0
    for rel, soup in french.items():
        for tag in soup.select('script[type="application/ld+json"]'):
            data = json.loads(tag.string)
            for review in data if isinstance(data, list) else [data]:
                seen += 1
                assert review["inLanguage"] == "fr", rel
                assert "/fr/book/" in review["url"], review["url"]
                passage = next(v for v in verdicts.values() if review["url"].endswith(
                    f"#passage-{v.passage.passage_id.replace('_', '-')}"))
                # Google asks for a short summary of the claim; the article's own words are the item reviewed.
                assert review["claimReviewed"] == passage.passage.claim_short_fr
                assert len(review["claimReviewed"]) <= 100
                assert review["itemReviewed"]["text"] == passage.passage.quote_fr
                assert review["reviewRating"]["alternateName"] == FRENCH_NAMES[passage.rating]
                assert review["reviewRating"].get("ratingValue") == value_of[review["url"].rsplit("#", 1)[1]]
    assert seen == len(verdicts)


def test_the_exports_carry_the_french_fields(html_dir):
    records = json.loads((html_dir / "exports" / "verdicts.json").read_text(encoding="utf-8"))
    for r in records:
        assert r["verdict_fr"] in FRENCH_NAMES.values() and r["conclusion_fr"] and "/fr/book/" in r["page_fr"]
        for part in r["parts"]:
            assert part["verdict_fr"] and part["conclusion_fr"] and part["claim_short_fr"]
    french = json.loads((html_dir / "exports" / "claimreview.fr.json").read_text(encoding="utf-8"))
    assert {r["inLanguage"] for r in french} == {"fr"}
    assert "verdict_fr" in (html_dir / "exports" / "verdicts.csv").read_text(encoding="utf-8").splitlines()[0]


# --- what a French reader sees is French ----------------------------------------------------------

def _reader_text(soup, separator: str = " ") -> str:
    """The page's own words: without what is rightly in another language (quotes and titles of works, which
    carry their ``lang``; links to sources, whose text is the work's title; code) and without the theme."""
    main = soup.select_one("main") or soup
    main = BeautifulSoup(str(main), "html.parser")  # a copy: the fixture's pages stay whole
    for el in main.select('[lang]:not([lang="fr"]), .cell_input, pre, code, a.reference.external, script, style'):
        el.decompose()
    return re.sub(r"[ \t\r\n]+", " ", main.get_text(separator))  # no-break spaces are kept


def _english_templates() -> set[str]:
    """Every English message the code writes (the catalog's English side), cut into phrases long enough to be
    telling: none may reach a French page."""
    from factcheck.pipeline.catalogs import code_template

    fragments = set()
    for message in code_template(ROOT):
        for english in (message.id if isinstance(message.id, tuple) else (message.id,)):
            for piece in re.split(r"[*\n]|\{[^}]*\}", english or ""):
                piece = piece.strip(" .,:;()")
                if len(piece) >= 12 and " " in piece:
                    fragments.add(piece)
    return fragments


def test_no_english_rating_name_or_generated_sentence_reaches_a_french_page(french, html_dir):
    fragments = _english_templates()
    assert len(fragments) > 60
    landing = _reader_text(BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser"))
    assert sum(f in landing for f in fragments) >= 5, "the detector finds the English templates on the English page"
    english_ratings = [r.value for r in Rating if r.value not in FRENCH_NAMES.values()]
    for rel, soup in french.items():
        badges = [b.get_text(" ", strip=True) for b in soup.select(".fc-badge")]
        assert all(b in FRENCH_NAMES.values() for b in badges), (rel, badges)
        text = _reader_text(soup)
        for name in english_ratings:
            assert not re.search(rf"\b{re.escape(name)}\b", text), (rel, name)
        leaked = [f for f in fragments if f in text]
        assert not leaked, (rel, leaked[:5])


def test_a_source_we_describe_is_described_in_french_and_no_link_shows_our_notes(french, dataset):
    """Where a page's headline was not recovered, the link's text is our description, in the edition's language;
    a title is the page's own headline, never our words in brackets."""
    english_only = {" ".join(s.description_en.split()) for s in dataset.sources
                    if s.description_en and s.description_en != s.description_fr}
    assert len(english_only) > 30
    from factcheck.render.typography import typeset

    french_descriptions = {" ".join(typeset(s.description_fr).split()) for s in dataset.sources if s.description_fr}
    shown = 0
    for rel, soup in french.items():
        for a in soup.select("a.reference.external"):
            text = " ".join(a.get_text().split())
            assert not text.startswith("["), (rel, text)
            assert text not in english_only, (rel, text)
            shown += text in french_descriptions
    assert shown > 30, "the French descriptions are the links' text"


def test_french_pages_use_french_typography(french):
    """Everything we write; the archived article is shown exactly as captured, its spacing included."""
    for rel, soup in french.items():
        soup = BeautifulSoup(str(soup), "html.parser")
        for archived in soup.select(".fc-article-text"):
            archived.decompose()
        text = _reader_text(soup, separator="")
        # Table cells side by side are not one number; words quoted « as written » keep their own figures.
        cells_apart = re.sub(r"«[^»]*»", "", _reader_text(soup, separator=" "))
        english = r"\d,\d{3}\b(?![\s\u00a0\u202f]*(?:milliards?|millions?)\b)"  # « 5,375 milliards » is French
        assert not re.search(english, cells_apart), (rel, re.findall(r".{20}" + english, cells_apart)[:3])
        assert not re.search(r"« | »", text), (rel, re.findall(r".{20}(?:« | »).{20}", text)[:3])
        assert not re.search(r" [;?!]", text), (rel, re.findall(r".{20} [;?!].{5}", text)[:3])


def test_the_french_search_index_is_french_and_finds_french_words(html_dir):
    index = (html_dir / "fr" / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]
    assert "promess" in terms, "French stemming: « promesse » and « promesses » share one entry"
    assert "affirm" in terms or "affirmat" in terms
    language = (html_dir / "fr" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "FrenchStemmer" in language


def test_every_chart_says_what_it_shows_in_its_page_language(html_dir):
    """A chart's alt text is a sentence in the page's language, not the image's file name."""
    fragments = _english_templates()
    charts = 0
    for top, lang in ((html_dir, "en"), (html_dir / "fr", "fr")):
        for rel in sorted(_pages(top)):
            soup = BeautifulSoup((top / rel).read_text(encoding="utf-8"), "html.parser")
            for img in soup.select("img.fc-chart, .cell_output img"):
                charts += 1
                alt = img.get("alt", "")
                assert len(alt) > 40 and not alt.endswith(".png"), (lang, rel, alt)
                if lang == "fr":
                    assert not [f for f in fragments if f in alt], (rel, alt)
    assert charts >= 2 * 5
