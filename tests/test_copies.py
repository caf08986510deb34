"""Copies are found by their text: a long passage two sources share makes them one report, unless they
name the same original or a fact-checker has explained why they are independent."""

from __future__ import annotations

import random
import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.copies import MIN_WORDS, SharedPassage, shared_passages

WORDS = ("softbank pledged billion dollars investment united states jobs artificial intelligence trump son "
         "announced monday florida resort company fund vision arm shares market analysts said would").split()


def _filler(seed: int, n: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(n))


PASSAGE = " ".join(f"w{i}" for i in range(MIN_WORDS))  # forty words no filler contains


def test_a_passage_copied_into_another_source_is_found():
    texts = {"wire": f"{_filler(1, 30)} {PASSAGE} {_filler(2, 30)}",
             "copy": f"{_filler(3, 10)}\n\n{PASSAGE.upper()}   {_filler(4, 10)}"}
    found = shared_passages(texts, {"wire": "Reuters", "copy": "Some Paper"})
    assert found == (SharedPassage("wire", "copy", "w0 w1 w2 w3 w4 w5 w6 w7", MIN_WORDS),)


def test_the_comparison_ignores_case_white_space_and_the_style_of_quote_marks():
    words = [f"it’s{i}" if i % 7 == 0 else f"Word{i}" for i in range(MIN_WORDS)]
    texts = {"a": " ".join(words), "b": "\n".join(w.replace("’", "'").lower() for w in words)}
    found = shared_passages(texts, {"a": "AP", "b": "Radio"})
    assert [(p.source_id, p.other_source_id, p.length) for p in found] == [("a", "b", MIN_WORDS)]


def test_the_longest_run_is_reported_with_its_length():
    long = " ".join(f"x{i}" for i in range(57))
    texts = {"a": f"{PASSAGE} {_filler(5, 20)} {long}", "b": f"{long} {_filler(6, 20)} {PASSAGE}"}
    (found,) = shared_passages(texts, {})
    assert found.length == 57 and found.first_words.startswith("x0 x1")


def test_the_same_passage_inside_quotation_marks_is_not_reported():
    texts = {"a": f"{_filler(1, 20)} Son said: “{PASSAGE}” {_filler(2, 20)}",
             "b": f'{_filler(3, 20)} "{PASSAGE}," he said. {_filler(4, 20)}',
             "c": f"{_filler(5, 20)} « {PASSAGE} », a-t-il dit. {_filler(6, 20)}"}
    assert shared_passages(texts, {"a": "AP", "b": "Reuters", "c": "AFP"}) == ()


def test_a_copy_that_keeps_the_quotes_is_found_by_the_words_around_them():
    half = MIN_WORDS // 2
    left, right = " ".join(f"l{i}" for i in range(half)), " ".join(f"r{i}" for i in range(half))
    texts = {"wire": f"{left} “the speaker's words,” he said. {right}", "copy": f'{left} "the speaker\'s words," he said. {right}'}
    (found,) = shared_passages(texts, {"wire": "AP", "copy": "Radio"})
    assert found.length == MIN_WORDS + 2  # "he said." joins the two halves


def test_thirty_nine_shared_words_are_not_reported():
    short = " ".join(PASSAGE.split()[:MIN_WORDS - 1])
    texts = {"a": f"{_filler(1, 30)} {short} {_filler(2, 30)}", "b": f"{_filler(3, 30)} {short} {_filler(4, 30)}"}
    assert shared_passages(texts, {"a": "AP", "b": "Radio"}) == ()


def test_two_sources_with_the_same_original_are_not_reported():
    texts = {"a": f"{_filler(1, 10)} {PASSAGE}", "b": f"{PASSAGE} {_filler(2, 10)}", "c": PASSAGE}
    found = shared_passages(texts, {"a": "Associated Press", "b": "Associated Press", "c": "Reuters"})
    assert [(p.source_id, p.other_source_id) for p in found] == [("a", "c"), ("b", "c")]


def test_an_explained_pair_is_not_reported_in_either_order():
    texts = {"a": PASSAGE, "b": PASSAGE, "c": PASSAGE}
    found = shared_passages(texts, {"a": "SoftBank", "b": "OpenAI", "c": "Oracle"}, explained=[("b", "a"), ("a", "c")])
    assert [(p.source_id, p.other_source_id) for p in found] == [("b", "c")]


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=9)


@settings(max_examples=60, deadline=None)
@given(run=st.lists(_word, min_size=MIN_WORDS, max_size=MIN_WORDS + 20),
       a=st.lists(_word, max_size=80), b=st.lists(_word, max_size=80), data=st.data())
def test_any_forty_word_run_inserted_into_two_random_texts_is_found(run, a, b, data):
    i = data.draw(st.integers(0, len(a)))
    j = data.draw(st.integers(0, len(b)))
    texts = {"a": " ".join(a[:i] + run + a[i:]), "b": " ".join(b[:j] + run + b[j:])}
    (found,) = shared_passages(texts, {"a": "AP", "b": "Radio"})
    assert (found.source_id, found.other_source_id) == ("a", "b")
    assert found.length >= len(run)


def test_validate_names_the_later_source_and_the_way_out(root, tmp_path):
    """An unexplained pair is reported on the later source's original_publisher; a shared_text.csv row
    that explains it silences the report."""
    from factcheck.data import Dataset
    from factcheck.validate import validate

    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    ds = Dataset(data)
    dated = sorted((s for s in ds.sources if not s.original_publisher and s.date_published
                    and s.kind in ("newspaper", "broadcaster")), key=lambda s: s.date_published)
    first, later = dated[0], dated[-1]
    assert first.date_published < later.date_published
    for source in (first, later):
        path = data / "snapshots" / f"{source.source_id}.txt"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n---\n\n{PASSAGE}\n", encoding="utf-8")
    row = [s.source_id for s in ds.sources].index(later.source_id) + 1
    found = [p for p in validate(data) if p.file == "sources.csv" and p.column == "original_publisher"]
    assert [(p.row, p.rule) for p in found] == [
        (row, f"shares {MIN_WORDS} words with {first.source_id} ({first.outlet}) but names a different original: "
              "set original_publisher, or explain the pair in shared_text.csv")]
    with (data / "shared_text.csv").open("a", encoding="utf-8") as f:
        f.write(f"{later.source_id},{first.source_id},Both print the same statement word for word.\n")
    assert not [p for p in validate(data) if p.file == "sources.csv" and p.column == "original_publisher"]
