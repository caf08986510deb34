"""Each edition's words: Babel writes the numbers, amounts, dates and lists; what it writes in French, the
project's own French parser reads back (property-tested); and French typography holds whoever typed the text."""

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from factcheck.outcomes import Amount
from factcheck.quantities import Qualifier, parse_date_fr, parse_number_fr, parse_quantity_fr
from factcheck.render.typography import NBSP, NNBSP, typeset, typeset_html
from factcheck.render.words import Words, plain

ROOT = Path(__file__).resolve().parents[1]
FR = Words.of("fr", ROOT / "locales")
EN = Words.of("en")


@pytest.mark.parametrize("value, unit, english, french", [
    (175e9, "USD", "$175 billion", f"175{NBSP}milliards de dollars"),
    (1.5e9, "USD", "$1.5 billion", f"1,5{NBSP}milliard de dollars"),
    (375e6, "USD", "$375 million", f"375{NBSP}millions de dollars"),
    (1e5, "jobs", "100,000 jobs", f"100{NNBSP}000 emplois"),
    (1, "jobs", "1 job", "1 emploi"),
    (0, "jobs", "0 jobs", "0 emploi"),
    (2.9e12, "JPY", "¥2.9 trillion", f"2{NNBSP}900{NBSP}milliards de yens"),
    (4, "years", "4 years", "4 ans"),
])
def test_amounts_are_written_as_each_language_writes_them(value, unit, english, french):
    assert EN.amount(value, unit) == english
    assert FR.amount(value, unit) == french


def test_a_qualifier_comes_with_its_amount():
    assert EN.quantity(Amount(100e9, "USD", Qualifier.AT_LEAST)) == "at least $100 billion"
    assert FR.quantity(Amount(100e9, "USD", Qualifier.AT_LEAST)) == f"au moins 100{NBSP}milliards de dollars"


@pytest.mark.parametrize("day, english, french", [(dt.date(2024, 12, 16), "16 December 2024", "16 décembre 2024"),
                                                  (dt.date(2025, 3, 1), "1 March 2025", "1er mars 2025")])
def test_dates_are_written_as_each_language_writes_them(day, english, french):
    assert EN.date(day) == english
    assert FR.date(day).replace(NBSP, " ") == french


def test_lists_percentages_and_outlets():
    assert EN.join(["AP", "CNBC", "Reuters"]) == "AP, CNBC and Reuters"
    assert FR.join(["AP", "CNBC", "Reuters"]) == "AP, CNBC et Reuters"
    assert EN.percent(0.052, 1) == "5.2%" and FR.percent(0.052, 1).startswith("5,2")
    assert EN.outlets(["A", "B", "C", "D", "E"]) == "A, B, C and two others"
    assert FR.outlets(["A", "B", "C", "D"]) == "A, B, C et un autre média"
    assert FR.outlets(["A", "B", "C", "D", "E"]) == "A, B, C et deux autres médias"


def test_a_publication_is_named_in_italics_and_french_running_text_gives_its_article():
    from factcheck.records import Outlet
    from factcheck.render.myst import html_text, md

    outlets = [Outlet("The Wall Street Journal", "Wall Street Journal", "le", True), Outlet("AFP", None, "l'", False),
               Outlet("Reuters", None, None, False)]
    en, fr = Words.of("en", outlets=outlets), Words.of("fr", ROOT / "locales", outlets)
    assert md(en.outlet("The Wall Street Journal")) == "*The Wall Street Journal*"
    assert md(fr.outlet("The Wall Street Journal")) == "*Wall Street Journal*"
    assert html_text(fr.outlets(["AFP", "The Wall Street Journal", "Reuters"])) == \
        "l'AFP, le <em>Wall Street Journal</em> et Reuters"
    assert en.outlets(["AFP", "Reuters"]) == "AFP and Reuters"
    assert plain(fr.sentence(fr.outlet_in_text("The Wall Street Journal"))) == "Le Wall Street Journal."
    assert en.outlet("Unknown Blog") == "Unknown Blog"  # an outlet the table does not list: its name as written


def test_a_figure_some_reports_qualify_and_others_give_plainly_is_named_once():
    from factcheck.render.findings import _figures

    about, plain_ = Amount(5e4, "jobs", Qualifier.ABOUT), Amount(5e4, "jobs")
    assert _figures((about, plain_), EN) == _figures((plain_, about), EN) == "50,000 jobs"
    assert _figures((about,), EN) == "about 50,000 jobs"
    assert _figures((plain_, Amount(1e5, "jobs")), EN) == "50,000 jobs and 100,000 jobs"


def test_french_agrees_in_number_and_gender():
    assert FR.count(14, feminine=True) == "quatorze" and FR.count(1, feminine=True) == "une"
    assert FR.count(1) == "un" and FR.count(0, feminine=True) == "aucune"
    assert FR.amount(1.5e9, "USD").startswith("1,5") and "milliard " in FR.amount(1.5e9, "USD").replace(NBSP, " ")


@given(st.sampled_from(["USD", "JPY", "EUR", "jobs"]),
       st.integers(min_value=0, max_value=999_999), st.sampled_from([1, 10**6, 10**9]))
def test_every_amount_written_in_french_parses_back_to_the_same_value(unit, hundredths, scale):
    """An amount with at most two decimals at its scale, written in French, reads back exactly."""
    value = hundredths * scale / 100
    assume(unit in ("USD", "JPY", "EUR") or scale == 1)  # jobs are counted, not scaled to millions
    assume(value >= scale or scale == 1)
    assume(scale == 10**9 or value < 10**6 or unit == "jobs")  # written at the scale it was drawn at
    q = parse_quantity_fr(FR.amount(value, unit))
    assert q.unit == unit and math.isclose(q.value, value, rel_tol=1e-12, abs_tol=1e-9)


@given(st.sampled_from(["USD", "JPY", "jobs"]), st.floats(min_value=0, max_value=1e13, allow_nan=False))
@example("USD", 999_999.999)
@example("USD", 999_999_999.999)
@example("jobs", 99_999.999)
def test_any_amount_reads_back_as_what_its_words_say(unit, value):
    """Any figure: the words round it to two decimals of their scale, and say that rounded value exactly."""
    written = FR.amount(value, unit)
    back = parse_quantity_fr(written).value
    assert FR.amount(back, unit) == written
    scale = next((s for s in (1e9, 1e6) if unit != "jobs" and round(value / s, 2) >= 1), 1)
    assert abs(back - value) <= 0.005 * scale + 1e-12 * value  # half the last written digit, up to float error


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_every_number_reads_back(value):
    assert math.isclose(parse_number_fr(FR.number(value)), round(value, 2), abs_tol=1e-6)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_written_in_french_parses_back_to_the_same_day(day):
    parsed = parse_date_fr(FR.date(day))
    assert (parsed.year, parsed.month, parsed.day) == (day.year, day.month, day.day)


# --- French typography, applied to every French text when the book is built --------------------------

def test_typeset_puts_the_spaces_french_requires():
    text = typeset("Il dit : « au moins » ? Oui; 100 000 emplois, soit 5,2 % ! Le 16 décembre 2024, l'article.")
    assert text == (f"Il dit{NBSP}: «{NNBSP}au moins{NNBSP}»{NNBSP}? Oui{NNBSP}; 100{NNBSP}000{NBSP}emplois, soit "
                    f"5,2{NNBSP}%{NNBSP}! Le 16{NBSP}décembre{NBSP}2024, l\u2019article.")


def test_a_run_of_exclamation_marks_takes_one_space():
    assert typeset("VIBRER !!!") == typeset("VIBRER!!!") == f"VIBRER{NNBSP}!!!"


def test_typeset_leaves_a_brand_as_it_writes_itself():
    assert typeset("selon Yahoo! Japan News, vrai!") == f"selon Yahoo! Japan News, vrai{NNBSP}!"


def test_typeset_leaves_addresses_times_and_numbers_alone():
    for text in ("https://example.org/a?b=1", "10:30", "3.5", "¥45,346,920"):
        assert typeset(text) == text


def test_typeset_html_never_touches_a_tag():
    html = '<a href="https://x.org/?a=1;b=2" title="l\'a">Vrai; l\'article</a>'
    assert typeset_html(html) == f'<a href="https://x.org/?a=1;b=2" title="l\'a">Vrai{NNBSP}; l\u2019article</a>'


@given(st.text(alphabet="ab«»:;?!%0123456789 ,'\n", max_size=40))
def test_typeset_is_idempotent(text):
    once = typeset(text)
    assert typeset(once) == once


def test_an_error_report_needs_no_account_once_the_desk_sets_its_address(dataset):
    from factcheck.render import Page
    from factcheck.render.overview import about

    config = {"publisher": {"name": "Desk", "url": "https://desk.example/"}, "repository": "https://x.example/repo",
              "contact": {"url": "https://x.example/issues/new", "email": "corrections@desk.example"}}
    for w in (EN, FR):
        text = about(Page(dataset, w, lambda *a: ""), config)
        assert "(<mailto:corrections@desk.example>)" in text and "(<https://x.example/issues/new>)" in text
    config["contact"].pop("email")
    assert "mailto:" not in about(Page(dataset, EN, lambda *a: ""), config)


@given(st.text(alphabet=st.characters(blacklist_characters="«»“”‘’\"", blacklist_categories=("Cs",)), min_size=1))
def test_a_quotation_inside_a_quotation_takes_the_second_level_marks(inner):
    assume(inner.strip() == inner and inner)
    french = FR.quoted(f"Masayoshi Son a qualifié Donald Trump de « {inner} »")
    assert french == f"«{NNBSP}Masayoshi Son a qualifié Donald Trump de “{inner}”{NNBSP}»"
    assert EN.quoted(f"Son called Trump a “{inner}”") == f"“Son called Trump a ‘{inner}’”"
    assert FR.quoted(f"« {inner} »") == f"« {inner} »"  # a text that is itself a quotation keeps its own marks
