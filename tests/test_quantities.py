"""French quantities and dates: every number form the article uses, and the rules behind them."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantities import ParseError, Qualifier, parse_date_fr, parse_number_fr, parse_quantity_fr, split_unit


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("au moins 100 milliards de dollars", 100e9, "USD", Qualifier.AT_LEAST),
    ("environ 100 000 emplois", 100_000, "jobs", Qualifier.ABOUT),
    ("50 milliards de dollars", 50e9, "USD", Qualifier.EXACT),
    ("50 000 emplois", 50_000, "jobs", Qualifier.EXACT),
    ("dépassant 1 milliard de dollars", 1e9, "USD", Qualifier.EXCEEDING),
    ("1,5 milliard de dollars", 1.5e9, "USD", Qualifier.EXACT),
    ("environ 175 milliards de dollars", 175e9, "USD", Qualifier.ABOUT),
    ("100\u00a0000 emplois", 100_000, "jobs", Qualifier.EXACT),
    ("100\u202f000 emplois", 100_000, "jobs", Qualifier.EXACT),
    ("plus de 3 billions de yens", 3e12, "JPY", Qualifier.EXCEEDING),
    ("jusqu’à 40 milliards de dollars", 40e9, "USD", Qualifier.UP_TO),
])
def test_every_number_form_in_the_article_parses(text, value, unit, qualifier):
    q = parse_quantity_fr(text)
    assert (q.value, q.unit, q.qualifier) == (pytest.approx(value), unit, qualifier)


def test_french_billion_is_a_thousand_milliards_not_the_english_billion():
    assert parse_quantity_fr("1 billion de dollars").value == 1e12
    assert parse_quantity_fr("1 milliard de dollars").value == 1e9


def test_a_quantity_without_a_unit_is_refused():
    with pytest.raises(ParseError, match="no unit"):
        parse_quantity_fr("au moins 100 milliards")


def test_text_without_a_number_is_refused():
    with pytest.raises(ParseError):
        parse_number_fr("cent milliards")


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f", "\u2009"]))
def test_thousands_separators_of_any_space_kind_read_the_same(n, sep):
    grouped = f"{n:,}".replace(",", sep)
    assert parse_number_fr(grouped) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimal_comma_reads_as_a_decimal_point(whole, frac):
    assert parse_number_fr(f"{whole},{frac:02d}") == pytest.approx(float(f"{whole}.{frac:02d}"))


@pytest.mark.parametrize("text, expected", [
    ("le 16 décembre", (None, 12, 16, "on")),
    ("en novembre 2024", (2024, 11, None, "on")),
    ("d'ici la fin de 2028", (2028, None, None, "by_end_of")),
    ("d’ici la fin de 2028", (2028, None, None, "by_end_of")),
    ("entre 2000 et 2002", (2000, None, None, "between")),
])
def test_every_date_form_in_the_article_parses(text, expected):
    d = parse_date_fr(text)
    assert (d.year, d.month, d.day, d.qualifier) == expected


def test_an_impossible_date_is_refused():
    with pytest.raises(ValueError):
        parse_date_fr("le 31 février 2024")


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_a_partial_date_matches_exactly_the_dates_that_share_its_parts(date):
    day_month = parse_date_fr("le 16 décembre")
    assert day_month.matches(date) == (date.month == 12 and date.day == 16)
    deadline = parse_date_fr("d'ici la fin de 2028")
    assert deadline.matches(date) == (date <= dt.date(2028, 12, 31))
    period = parse_date_fr("entre 2000 et 2002")
    assert period.matches(date) == (2000 <= date.year <= 2002)


def test_units_split_into_base_and_english_short_scale():
    assert split_unit("USD billion") == ("USD", 1e9)
    assert split_unit("JPY trillion") == ("JPY", 1e12)
    assert split_unit("jobs") == ("jobs", 1.0)
