"""The checks and the rating rules, on records built here: no file is read."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import money
from factcheck.checks import check_date, check_quantity, check_stance, check_terms, compare_quantity
from factcheck.metrics import ABOUT_TOLERANCE, check_metric_match, per_job
from factcheck.outcomes import Finding, Outcome
from factcheck.quantities import Qualifier, Quantity
from factcheck.ratings import DEFAULT_RULES, Rating, rate
from factcheck.records import Claim, Evidence, FxRate, Judgment, Link, Source
from factcheck.render.findings import gap_phrase, sentence
from factcheck.render.words import Words
from factcheck.sources import outlet_list

EN = Words.of("en")

D = dt.date(2024, 12, 16)


def claim(check="quantity", value_fr=None, terms=None, cid="c1", role="core"):
    return Claim(cid, "p1", value_fr or "q", "en", "short", "court", "amount", None, value_fr, check, terms, True, role)


def source(sid="s1", outlet="Outlet", kind="wire", original=None):
    return Source(sid, outlet, original, "t", None, "https://example.org/x", D, D, kind, None, "ok", "fiable")


def ev(eid="e1", quote="q", value=None, unit=None, qualifier=None, as_of=None, metric=None, sid="s1"):
    return Evidence(eid, sid, quote, "en", None, "traduction", value, unit, qualifier, as_of, metric, None)


def pair(e, stance="supports", cid="c1"):
    return (Link(cid, e.evidence_id, stance), e)


SOURCES = {"s1": source("s1", "CNBC"), "s2": source("s2", "AP")}


def q(value, qualifier="exact", unit="USD"):
    return Quantity(value, unit, Qualifier(qualifier), "")


# --- qualifier semantics ---

@pytest.mark.parametrize("asserted, reported, outcome", [
    (q(100, "at_least"), q(100), "qualifier_unsupported"),
    (q(100, "at_least"), q(100, "at_least"), "match"),
    (q(100, "at_least"), q(120), "match"),
    (q(100, "exceeding"), q(100, "at_least"), "qualifier_unsupported"),
    (q(100, "exceeding"), q(100, "exceeding"), "match"),
    (q(100), q(100), "match"),
    (q(100), q(100, "up_to"), "qualifier_unsupported"),
    (q(100, "about"), q(100, "at_least"), "match"),
    (q(100), q(90), "mismatch"),
    (q(100), q(103), "approximate"),
])
def test_qualifier_semantics(asserted, reported, outcome):
    assert compare_quantity(asserted, reported) == outcome


@given(st.floats(min_value=1, max_value=1e13), st.floats(min_value=-0.2, max_value=0.2))
def test_about_accepts_exactly_the_figures_within_the_tolerance(reported, offset):
    asserted = reported * (1 + offset)
    outcome = compare_quantity(q(asserted, "about"), q(reported))
    inside = abs(asserted - reported) <= ABOUT_TOLERANCE * reported
    assert (outcome == "match") == inside


def test_tolerance_edges_are_inclusive():
    assert compare_quantity(q(105, "about"), q(100)) == "match"
    assert compare_quantity(q(105.0001, "about"), q(100)) == "mismatch"


def test_quantity_check_names_the_outlets_and_the_unsupported_qualifier():
    c = claim(value_fr="au moins 100 milliards de dollars")
    pairs = [pair(ev("e1", value=100, unit="USD billion", qualifier="exact", sid="s1")),
             pair(ev("e2", value=100, unit="USD billion", qualifier="exact", sid="s2"))]
    f = check_quantity(c, pairs, SOURCES)
    assert f.outcome == "qualifier_unsupported"
    assert "AP and CNBC" in sentence(f, EN) and "“at least”" in sentence(f, EN) and "none of them" in sentence(f, EN)
    assert f.evidence_ids == ("e1", "e2")


def test_context_rows_never_confirm_a_figure():
    c = claim(value_fr="au moins 100 milliards de dollars")
    f = check_quantity(c, [pair(ev(value=100, unit="USD billion", qualifier="at_least"), "context")], SOURCES)
    assert f.outcome == "no_evidence"


def test_figures_in_another_unit_are_not_compared():
    c = claim(value_fr="environ 100 000 emplois")
    f = check_quantity(c, [pair(ev(value=100, unit="USD billion"))], SOURCES)
    assert f.outcome == "no_evidence"


# --- dates ---

def test_date_check_compares_the_parts_the_text_gives():
    c = claim("date", "le 16 décembre")
    assert check_date(c, [pair(ev(as_of=D))], SOURCES).outcome == "match"
    assert check_date(c, [pair(ev(as_of=D + dt.timedelta(days=1)))], SOURCES).outcome == "mismatch"


def test_a_span_of_years_is_added_to_the_date_it_was_stated_on():
    c = claim("date", "d'ici la fin de 2028")
    four_years = ev("e1", value=4, unit="years", as_of=D)
    end_of_term = ev("e2", as_of=dt.date(2029, 1, 20), sid="s2")
    assert check_date(c, [pair(four_years)], SOURCES).outcome == "match"
    assert check_date(c, [pair(four_years), pair(end_of_term)], SOURCES).outcome == "partial"


# --- words and stances ---

def test_terms_must_each_stand_in_a_supporting_quote():
    c = claim("terms", terms="Mar-a-Lago|Palm Beach")
    full = ev("e1", quote="at Mar-a-Lago in Palm Beach, Florida")
    half = ev("e2", quote="at his Mar-a-Lago resort")
    assert check_terms(c, [pair(full)], SOURCES).outcome == "match"
    assert check_terms(c, [pair(half)], SOURCES).outcome == "partial"
    assert check_terms(c, [pair(half, "context")], SOURCES).outcome == "no_evidence"


def test_terms_ignore_case_and_typographic_quotes():
    c = claim("terms", terms="great negotiator|Son")
    assert check_terms(c, [pair(ev(quote="“He is a GREAT negotiator!” Son said"))], SOURCES).outcome == "match"


@pytest.mark.parametrize("stances, outcome", [
    (["supports"], "match"), (["contradicts"], "contradicted"), (["supports", "contradicts"], "partial"),
    (["supports", "qualifies"], "qualified"), (["qualifies"], "unestablished"), (["context"], "no_evidence"),
    (["contradicts", "qualifies"], "contradicted"),
])
def test_stance_outcomes(stances, outcome):
    pairs = [pair(ev(f"e{i}"), s) for i, s in enumerate(stances)]
    assert check_stance(claim("stance"), pairs, SOURCES).outcome == outcome


# --- currency ---

@given(st.floats(min_value=1e6, max_value=1e15), st.floats(min_value=50, max_value=300))
def test_yen_converted_at_a_rate_and_back_is_unchanged(jpy, rate):
    assert money.jpy_to_usd(jpy, rate) * rate == pytest.approx(jpy, rel=1e-12)


@given(st.floats(min_value=1e9, max_value=1e15), st.floats(min_value=1e8, max_value=1e12))
def test_the_implied_rate_turns_the_yen_figure_into_the_target(jpy, usd):
    assert money.jpy_to_usd(jpy, money.implied_rate(jpy, usd)) == pytest.approx(usd, rel=1e-12)


def test_a_missing_rate_is_an_error_not_a_guess():
    rates = [FxRate("r1", dt.date(2024, 9, 30), 143.0, "close", "e9")]
    with pytest.raises(money.MissingRate, match="2024-12-31"):
        money.rate_on(rates, dt.date(2024, 12, 31))


def test_metric_match_converts_each_figure_at_its_own_date():
    c = claim("metric_match", "environ 175 milliards de dollars")
    sept = dt.date(2024, 9, 30)
    rates = [FxRate("r1", sept, 143.0, "close", "e9")]
    nav = ev("nav", value=25, unit="JPY trillion", as_of=sept, metric="net_asset_value")
    assets = ev("ta", value=45, unit="JPY trillion", as_of=sept, metric="total_assets")
    f = check_metric_match(c, [pair(nav), pair(assets)], rates)
    assert f.outcome == "match"  # 25e12 / 143 = 174.8bn
    f = check_metric_match(c, [pair(assets)], rates)
    assert f.outcome == "no_metric_match" and "total assets" in sentence(f, EN)
    assert "the article's figure is 44% below the nearest" in sentence(f, EN)  # 175 vs 45e12/143 = 314.7bn


# --- consistency and ratings ---

def test_dollars_per_job_comes_from_the_article_figures():
    amount = claim(value_fr="50 milliards de dollars")
    jobs = claim(value_fr="50 000 emplois", cid="c2")
    assert per_job("2016", amount, jobs).dollars_per_job == 1e6


def test_every_outcome_has_a_default_rating():
    assert set(DEFAULT_RULES) == set(Outcome)


def test_a_judgment_applies_only_to_the_outcome_it_was_written_for():
    finding = Finding("c1", "quantity", Outcome.MATCH, ())
    current = Judgment("c1", "match", "Misleading", "An offer is not a stake.", "Une offre n'est pas une part.", "The deal is not what it says.", "L'opération n'est pas ce qu'elle prétend.")
    assert rate(finding, current) == (Rating.MISLEADING, True, None)
    stale = Judgment("c1", "mismatch", "False", "The figure is wrong entirely.", "Le chiffre est entièrement faux.", None, None)
    assert rate(finding, stale) == (Rating.TRUE, False, stale)


# --- prose a reader can follow ---

def test_a_conclusion_names_at_most_three_outlets_then_counts_the_rest():
    sources = {f"s{i}": source(f"s{i}", name) for i, name in enumerate(["AP", "CNBC", "Jiji", "TBS", "WSJ"])}
    pairs = [pair(ev(f"e{i}", value=100, unit="USD billion", qualifier="exact", sid=f"s{i}")) for i in range(5)]
    f = check_quantity(claim(value_fr="100 milliards de dollars"), pairs, sources)
    assert sentence(f, EN).startswith("AP, CNBC, Jiji and two others report $100 billion")


def test_a_copy_counts_as_its_original_and_wires_rank_before_copies():
    sources = {"s1": source("s1", "Spectrum News 13", kind="broadcaster", original="AP"), "s2": source("s2", "AP"),
               "s3": source("s3", "Newser", kind="aggregator")}
    names = outlet_list([ev("e1", sid="s1"), ev("e2", sid="s2"), ev("e3", sid="s3")], sources)
    assert names == ("AP", "Newser")


def test_dates_read_as_a_person_writes_them():
    c = claim("date", "le 16 décembre")
    f = check_date(c, [pair(ev(as_of=D))], SOURCES)
    assert "16 December 2024" in sentence(f, EN) and "2024-12-16" not in sentence(f, EN)


def test_a_difference_states_its_direction():
    assert gap_phrase(-0.0574, EN) == "the article's figure is 5.7% below"
    assert gap_phrase(0.12, EN) == "the article's figure is 12% above"


# --- the article-level verdict of a sentence ---

T, MT, M, MF, F, U = (Rating.TRUE, Rating.MOSTLY_TRUE, Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE,
                      Rating.UNVERIFIED)


@pytest.mark.parametrize("parts, expected", [
    ((("core", T), ("core", T), ("detail", F)), M),        # the 2016 sentence: right figures, false purpose
    ((("core", T), ("detail", MT)), MT),
    ((("core", MF), ("detail", T)), MF),                   # a false core decides
    ((("core", T), ("core", F)), F),
    ((("core", U), ("core", MT)), U),                      # half unverified: its point is not established
    ((("core", U), ("core", T)), U),
    ((("core", U), ("core", T), ("detail", F)), U),
    ((("core", U), ("core", M)), M),                       # ... unless what was rated already misleads
    ((("core", U), ("core", M), ("detail", MT)), M),
    ((("core", U),), U),
    ((("core", U), ("detail", F)), U),
    ((("core", T), ("detail", U)), MT),
])
def test_combination_rules(parts, expected):
    from factcheck.ratings import combine

    assert combine(parts) is expected


_RATINGS = st.sampled_from(list(Rating))


@given(st.lists(_RATINGS, min_size=1, max_size=4), st.lists(_RATINGS, max_size=4))
def test_a_sentence_is_never_rated_above_its_worst_rated_core_part(core, details):
    from factcheck.ratings import combine

    rating = combine(tuple(("core", r) for r in core) + tuple(("detail", r) for r in details))
    rated = [r for r in core if r is not Rating.UNVERIFIED]
    if rated:
        assert rating.rank <= min(r.rank for r in rated)
    else:
        assert rating is U                                 # nothing established: Unverified, whatever the details
    if any(r in (M, MF, F) for r in details) and rated:
        assert rating.rank <= M.rank                       # a false or misleading detail caps at Misleading
    if any(r in (F, MF) for r in core):
        assert rating in (F, MF)                           # a sentence whose core is false is false
    elif U in core and M not in core:
        assert rating is U                                 # an unverified core part: never rated (mostly) true
    if rating in (T, MT):
        assert U not in core                               # what a true sentence rests on is established


def test_claimreview_values_span_one_to_five_and_unverified_has_none():
    assert sorted(r.rating_value for r in Rating if r.rating_value) == [1, 2, 3, 4, 5]
    assert Rating.UNVERIFIED.rating_value is None
