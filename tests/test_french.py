"""The French edition's building blocks: one typographic formatter whose amounts and dates the project's own
French parser reads back, one template per language for every generated sentence, and validation that names
each missing French text."""

import ast
import datetime as dt
import json
import math
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from factcheck import french
from factcheck.french import NBSP, NNBSP
from factcheck.language import EN, FR
from factcheck.quantities import parse_date_fr, parse_number_fr, parse_quantity_fr
from factcheck.ratings import FRENCH_NAMES, Rating

from conftest import copy_project, edit_csv_cell

SRC = Path(__file__).resolve().parents[1] / "src" / "factcheck"


# --- typography ---------------------------------------------------------------------------------

@pytest.mark.parametrize("value, unit, text", [
    (175e9, "USD", f"175{NBSP}milliards de dollars"),
    (1.5e9, "USD", f"1,5{NBSP}milliard de dollars"),
    (1e5, "jobs", f"100{NNBSP}000{NBSP}emplois"),
    (50e9, "USD", f"50{NBSP}milliards de dollars"),
    (2.9e12, "JPY", f"2{NNBSP}900{NBSP}milliards de yens"),
    (1e6, "USD", f"1{NBSP}million de dollars"),
    (1, "jobs", f"1{NBSP}emploi"),
])
def test_amounts_are_written_the_french_way(value, unit, text):
    assert french.amount(value, unit) == text


@pytest.mark.parametrize("day, text", [(dt.date(2024, 12, 16), "16 décembre 2024"),
                                       (dt.date(2025, 3, 1), "1er mars 2025")])
def test_dates_are_written_the_french_way(day, text):
    assert french.long_date(day) == text


def test_typeset_puts_the_no_break_spaces_french_requires():
    text = french.typeset("Il dit : « au moins » ? Oui ; 100 000 emplois, soit 5,2 % !")
    assert text == (f"Il dit{NBSP}: «{NNBSP}au moins{NNBSP}»{NNBSP}? Oui{NNBSP}; 100{NNBSP}000 emplois, "
                    f"soit 5,2{NNBSP}%{NNBSP}!")


def test_typeset_leaves_myst_markup_alone():
    markup = ':::{container} fc-verdict\n:class: x\n{ref}`Vrai <rating-scale>` [a](<https://x.org/?a=1&b=2>)\n:::'
    assert french.typeset(markup) == markup


@given(st.sampled_from(["USD", "JPY", "EUR", "jobs"]),
       st.integers(min_value=0, max_value=999_999), st.sampled_from([1, 10**6, 10**9]))
def test_every_amount_the_formatter_writes_parses_back_to_the_same_value(unit, hundredths, scale):
    """An amount with at most two decimals at its scale, written in French, reads back exactly."""
    value = hundredths * scale / 100
    assume(unit in ("USD", "JPY", "EUR") or scale == 1)  # jobs are counted, not scaled to millions
    assume(value >= scale or scale == 1)
    assume(scale == 10**9 or value < 10**6 or unit == "jobs")  # written at the scale it was drawn at
    q = parse_quantity_fr(french.amount(value, unit))
    assert q.unit == unit and math.isclose(q.value, value, rel_tol=1e-12, abs_tol=1e-9)


@given(st.sampled_from(["USD", "JPY", "jobs"]), st.floats(min_value=0, max_value=1e13, allow_nan=False))
@example("USD", 999_999.999)
@example("USD", 999_999_999.999)
@example("jobs", 99_999.999)
def test_any_amount_reads_back_as_what_its_words_say(unit, value):
    """Any figure: the words round it to two decimals of their scale, and say that rounded value exactly."""
    written = french.amount(value, unit)
    back = parse_quantity_fr(written).value
    assert french.amount(back, unit) == written
    scale = next((s for s in (1e9, 1e6) if unit != "jobs" and round(value / s, 2) >= 1), 1)
    assert abs(back - value) <= 0.005 * scale + 1e-12 * value  # half the last written digit, up to float error


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_every_number_reads_back(value):
    assert math.isclose(parse_number_fr(french.number(value)), round(value, 2), abs_tol=1e-6)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_date_the_formatter_writes_parses_back_to_the_same_day(day):
    parsed = parse_date_fr(french.long_date(day))
    assert (parsed.year, parsed.month, parsed.day) == (day.year, day.month, day.day)


@given(st.text(alphabet="ab «»:;?!%0123456789 ,\n", max_size=40))
def test_typeset_is_idempotent(text):
    once = french.typeset(text)
    assert french.typeset(once) == once


# --- one template per language ------------------------------------------------------------------

def _template_calls():
    """Every ``X(en=..., fr=...)`` call in the package: the side-by-side templates."""
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and {k.arg for k in node.keywords} & {"en", "fr"}:
                yield path, node


def test_every_generated_sentence_has_a_template_in_each_language():
    calls = list(_template_calls())
    assert len(calls) > 100
    for path, node in calls:
        assert {k.arg for k in node.keywords} == {"en", "fr"}, f"{path.name}:{node.lineno}"


def test_a_template_call_missing_a_language_is_refused():
    with pytest.raises(TypeError):
        FR(en="only English")


def test_each_rating_has_one_french_name_and_keeps_its_claimreview_value():
    assert sorted(FRENCH_NAMES.values()) == sorted(["Vrai", "Plutôt vrai", "Trompeur", "Plutôt faux", "Faux",
                                                     "Invérifiable"])
    assert len(set(FRENCH_NAMES.values())) == len(Rating)
    for rating in Rating:
        assert rating.label(EN) == rating.value and rating.label(FR) == FRENCH_NAMES[rating]
        assert rating.definition_in(FR) and rating.definition_in(FR) != rating.definition_in(EN)


def test_every_verdict_reads_in_french(dataset):
    from factcheck.ratings import all_passage_verdicts

    english_words = (" the ", " and ", " of ", " confirms ", " reports ")
    for pv in all_passage_verdicts(dataset):
        for v in pv.parts:
            text = f" {v.conclusion_in(FR)} "
            assert text.strip() and not any(w in text for w in english_words), (v.claim.claim_id, text)
        assert pv.conclusion_in(FR) == pv.passage.conclusion_fr


# --- validation ---------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "p")


def _problems(project):
    from factcheck.validate import validate

    return [str(p) for p in validate(project / "data")]


def test_validate_names_a_missing_french_conclusion(project):
    edit_csv_cell(project / "data" / "passages.csv", "pledge_announced", "conclusion_fr", "")
    problems = _problems(project)
    assert any("passages.csv" in p and "row 2" in p and "conclusion_fr" in p and "French text is missing" in p
               for p in problems), problems


def test_validate_names_a_missing_french_translation(project):
    edit_csv_cell(project / "data" / "evidence.csv", "cnbc-amount-100bn", "translation_fr", "")
    assert any("evidence.csv" in p and "translation_fr" in p and "French translation" in p for p in _problems(project))


def test_validate_names_a_notebook_cell_without_its_french_twin(project):
    path = project / "book" / "claims" / "amount.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"] = [c for c in nb["cells"] if c.get("metadata", {}).get("lang") != "fr" or "What we found"
                   not in "".join(nb["cells"][nb["cells"].index(c) - 1]["source"])]
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    assert any("book/claims/amount.ipynb" in p and "has no French text" in p for p in _problems(project))


def test_validate_names_a_comment_without_its_french_twin(project):
    path = project / "book" / "claims" / "amount.ipynb"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("# fr: Le calcul", "# Le calcul", 1), encoding="utf-8")
    assert any("book/claims/amount.ipynb" in p and "French comments" in p for p in _problems(project))


def test_validate_names_a_markdown_page_without_its_french_text(project):
    (project / "book" / "contributing.fr.md").unlink()
    assert any("contributing.md" in p and "contributing.fr.md" in p for p in _problems(project))


def test_the_current_data_has_every_french_text(root):
    from factcheck.validate import validate

    assert not [p for p in validate(root / "data") if "French" in str(p)]
