"""French typography on every French page, as a reader sees it: the rules AFP Factuel prints by, checked on the
built HTML's visible French text (quotes and titles in another language, code and addresses left out), by rules
written here apart from :mod:`factcheck.render.typography`, which applies them: each rule is shown to catch its
fault, and text the build sets is shown to pass every rule whatever its words."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.render.typography import typeset

ROOT = Path(__file__).resolve().parents[1]
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
UNITS = "milliards?|millions?|dollars?|yens?|euros?|emplois?|ans|mois|jours?|semaines?|salariés?|actions?"
BREAKING = " "  # U+0020: a line may break there
RULES = {
    "a breaking space between a number and its unit": re.compile(rf"\d{BREAKING}(?:{UNITS})\b"),
    "a breaking space inside a date": re.compile(rf"\b(?:\d{{1,2}}|1er){BREAKING}(?:{MONTHS})\b|\b(?:{MONTHS}){BREAKING}\d{{4}}\b"),
    "a breaking space between thousands": re.compile(rf"(?<![\d,.])\d{{1,3}}{BREAKING}\d{{3}}(?!\d)"),
    "no no-break space before ; ! ?": re.compile(r"(?<![\u202f\u00a0\s(\[«!?])(?<!Yahoo)[;!?](?=[\s)»\]”.,]|$)|(?<=\S) [;!?]"),
    "no no-break space before :": re.compile(r"(?<![\u00a0\u202f\s\d(/])(?<!https)(?<!http):(?=\s|$)|(?<=\S) :"),
    "a breaking or missing space inside « »": re.compile(r"«(?![\u202f\u00a0])|(?<![\u202f\u00a0])»"),
    "a straight apostrophe in a French word": re.compile(r"[A-Za-zÀ-ÿ]'(?=[A-Za-zÀ-ÿ]|$)"),
}
SKIP = 'script, style, pre, code, .cell_input, .fc-article-text, [lang]:not([lang="fr"])'
"""Not our French: code, the archived article (shown exactly as captured), words in another language."""
BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "summary", "figcaption", "caption", "dt", "dd", "title")


def french_runs(html: str) -> list[str]:
    """The visible French text of a page, one string per block (a paragraph, a cell, a heading), so a rule sees
    both sides of a link or a bold word but never joins two table cells."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main") or soup
    for el in main.select(SKIP):
        el.decompose()
    for a in main.select("a"):
        if a.get_text().strip().startswith(("http", "www.")):
            a.decompose()  # an address shown as text
    runs: dict[int, list[str]] = {}
    order = []
    for text in main.find_all(string=True):
        if not isinstance(text, NavigableString) or type(text) is not NavigableString:
            continue  # comments, doctypes
        block = text.find_parent(BLOCKS) or text.parent
        if id(block) not in runs:
            runs[id(block)] = []
            order.append(id(block))
        runs[id(block)].append(str(text))
    return [re.sub(r"[ \t\r\n]+", " ", "".join(runs[k])) for k in order]


def faults(runs: list[str]) -> list[tuple[str, str]]:
    """(rule broken, the words around it) for every fault in the runs."""
    found = []
    for run in runs:
        for rule, pattern in RULES.items():
            for m in pattern.finditer(run):
                found.append((rule, run[max(0, m.start() - 25):m.end() + 15]))
    return found


def french_pages() -> list[Path]:
    top = ROOT / "_build" / "html" / "fr" / "book"
    return sorted(top.rglob("*.html"))


# --- the rules catch what they should, and nothing the build sets -------------------------------------

CONTROLS = {
    "a breaking space between a number and its unit": "SoftBank promet 100 milliards.",
    "a breaking space inside a date": "Annoncé le 16 décembre 2024.",
    "a breaking space between thousands": "Il promet 100\u00a0000 emplois, soit 100 000 postes.",
    "no no-break space before ; ! ?": "Vrai; mais incomplet.",
    "no no-break space before :": "Le verdict: vrai.",
    "a breaking or missing space inside « »": "Il dit « environ » cent.",
    "a straight apostrophe in a French word": "Selon l'article, c'est vrai.",
}


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_catches_its_fault_and_passes_the_same_words_set_by_the_build(rule):
    wrong = CONTROLS[rule]
    assert rule in {r for r, _ in faults([wrong])}, wrong
    assert faults([typeset(wrong)]) == [], typeset(wrong)


def test_text_in_another_language_code_and_addresses_are_not_checked():
    html = ("<main><p>Vrai <span lang='en'>it's 100 billion dollars; see: </span><code>a: b</code> "
            "<a href='https://x.org'>https://x.org/a?b</a></p></main>")
    assert faults(french_runs(html)) == []
    assert faults(french_runs("<main><p>Vrai; faux</p></main>"))


def test_a_rule_sees_across_a_link_but_not_across_table_cells():
    assert faults(french_runs("<main><p>le <a href='#'>16</a> décembre</p></main>"))
    assert faults(french_runs("<main><table><tr><td>16</td><td>décembre</td></tr></table></main>")) == []


WORDS = st.sampled_from(["SoftBank", "l'article", "Trump", "promet", "emplois", "milliards", "dollars", "le",
                         "décembre", "2024", "16", "100", "000", "375", "millions", "« environ »", "vrai", "d'ici",
                         "fin", "2028", "aujourd'hui", "mois", "ans", "1er", "juillet", "qu'il"])
PUNCTUATION = st.sampled_from(["", "", "", ";", ":", "!", "?", ",", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, PUNCTUATION), min_size=1, max_size=14))
def test_any_french_sentence_the_build_sets_breaks_no_rule(pieces):
    sentence = " ".join(word + mark for word, mark in pieces)
    assert faults([typeset(sentence)]) == [], typeset(sentence)


# --- every French page ----------------------------------------------------------------------------------

def test_every_french_page_follows_french_typography():
    pages = french_pages()
    if not pages:
        pytest.fail("_build/html/fr is missing: the test command builds both editions before running pytest")
    assert len(pages) >= 17
    broken = {}
    for page in pages:
        found = faults(french_runs(page.read_text(encoding="utf-8")))
        if found:
            broken[page.relative_to(ROOT / "_build" / "html").as_posix()] = found[:4] + [f"… {len(found)} in all"]
    assert not broken, broken


def test_french_typography_never_enters_a_tag_a_page_builds_from_raw_html():
    """A progress bar's width is raw HTML inside French text: « width:37.4 % » is no width, and the bar empties."""
    for page in french_pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        styles = [tag["style"] for tag in soup.select("main [style]")]
        assert not [s for s in styles if re.search(r"[\u00a0\u202f]", s)], (page.name, styles[:3])
