"""The pledge tracker: each status follows from dated, sourced evidence by the written rules."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import shutil

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.data import Dataset
from factcheck.records import Evidence, TrackerRow
from factcheck.tracker import BASES, FIGURES, STATUSES, Entry, all_standings, deal_of, deals, standing, status_of, tally
from factcheck.validate import validate

D = dt.date


# --- the rules, over many inputs ------------------------------------------------------------------

_amounts = st.floats(min_value=0, max_value=200, allow_nan=False)
_dates = st.dates(min_value=D(2024, 1, 1), max_value=D(2032, 1, 1))


@given(_amounts, _amounts, _dates, _dates, st.one_of(st.none(), _dates), st.booleans())
def test_every_status_follows_the_written_rules(delivered, in_part, deadline, as_of, last_progress, measured):
    status = status_of(100, deadline, as_of, delivered, in_part, last_progress, measured)
    assert status in STATUSES
    assert (status == "Kept") == (delivered >= 100)
    if status != "Kept" and as_of <= deadline:
        assert status in ("Not yet rated", "In the works", "Stalled")
        # No dated progress at all: not yet rated, however old the promise (the promise is not progress).
        assert (status == "Not yet rated") == (last_progress is None)
        if last_progress is not None:
            assert (status == "Stalled") == (as_of - last_progress > dt.timedelta(days=365))
    if status != "Kept" and as_of > deadline:
        assert status in ("Compromise", "Broken", "Unverifiable")
        assert (status == "Compromise") == (delivered + in_part >= 50)


def test_the_current_data_give_the_statuses_the_evidence_supports(dataset):
    by_id = {s.promise.promise_id: s for s in all_standings(dataset)}
    money = by_id["pledge_2024_money"]
    assert money.status == "In the works" and money.deadline == D(2028, 12, 16)
    # "Updated": the newest report of a deal that counts; an unsigned copy, a statement or a doubt is shown, never
    # the status's date, and a promise no counted deal has moved keeps its own date.
    assert money.as_of == max(d.date for d in money.deals if d.counts != "no")
    assert money.as_of < max(e.date for e in money.entries if not e.anonymous)
    jobs = by_id["pledge_2024_jobs"]
    assert not any(d.counts != "no" for d in jobs.deals) and jobs.as_of == jobs.promise.made_on
    # Reports of one deal are counted once; a Swiss purchase does not count.
    assert len({d.deal_id for d in money.deals}) == len(money.deals)
    assert all(d.counts == "no" for d in money.deals if d.deal_id == "abb")
    assert by_id["pledge_2016_money"].status == "Compromise"  # SoftBank's own tally, counted in part
    assert by_id["pledge_2016_jobs"].status == "Unverifiable"  # no source ever counted the jobs


def test_a_promise_with_no_progress_at_all_is_not_yet_rated_however_old():
    """The written definition: "Not yet rated" is a promise with no dated, sourced evidence of progress; "Stalled"
    needs progress that has gone quiet for a year. Two years after a promise with no progress, before its deadline,
    it is not yet rated (the rule once measured the year from the promise itself and said "Stalled")."""
    assert status_of(100, D(2028, 12, 16), D(2026, 12, 5), 0, 0, None, False) == "Not yet rated"
    assert status_of(100, D(2028, 12, 16), D(2026, 12, 5), 0, 0, D(2025, 12, 4), False) == "Stalled"
    assert status_of(100, D(2028, 12, 16), D(2026, 12, 5), 0, 0, D(2025, 12, 5), False) == "In the works"


def test_no_promise_is_stalled_before_its_first_progress(dataset):
    """The 2024 jobs promise has no counted progress, and the 2016 promises none before 2019: none of them was
    ever "Stalled" for want of progress it never made."""
    for s in all_standings(dataset):
        first = min((d.date for d in s.deals if d.counts != "no"), default=None)
        for change in s.history:
            if change.status == "Stalled":
                assert first is not None and change.date > first + dt.timedelta(days=365), (s.promise.promise_id, change)
    jobs = next(s for s in all_standings(dataset) if s.promise.promise_id == "pledge_2024_jobs")
    assert jobs.status == "Not yet rated" and [c.status for c in jobs.history] == ["Not yet rated"]


# --- the arithmetic of a deal -------------------------------------------------------------------------

def entry(evidence_id: str, kind: str, value: float | None, as_of: D, deal: str = "deal", payment: str | None = None,
          basis: str = "stake", anonymous: bool = False) -> Entry:
    ev = Evidence(evidence_id, "source", "quote", "en", None, None, value, "USD billion" if value is not None else None,
                  "exact" if value is not None else None, as_of, None, None)
    return Entry(TrackerRow("promise", evidence_id, kind, deal, payment, basis, "why", "pourquoi"), ev, anonymous)


def test_separate_payments_of_one_deal_add_up():
    """SoftBank's 2025 investment in OpenAI: a first closing of 7.5 and a second of 22.5 are 30 paid."""
    deal = deal_of("openai-2025", [entry("commit", "committed", 30, D(2025, 3, 31)),
                                   entry("first", "paid", 7.5, D(2025, 4, 2), payment="first-closing"),
                                   entry("second", "paid", 22.5, D(2025, 12, 26), payment="second-closing")])
    assert deal.paid == pytest.approx(30e9) and deal.pending == 0


def test_a_later_report_of_the_same_payment_replaces_it():
    deal = deal_of("d", [entry("early", "paid", 20, D(2025, 12, 1), payment="second-closing"),
                         entry("final", "paid", 22.5, D(2025, 12, 26), payment="second-closing")])
    assert deal.paid == pytest.approx(22.5e9) and len(deal.payments) == 1


@given(st.integers(min_value=0, max_value=3), st.floats(min_value=1, max_value=100))
def test_a_commitment_shrinks_by_the_payments_made_against_it(tranches_paid, tranche):
    """Three tranches of one commitment: nothing is lost and nothing is counted twice, whatever has been paid."""
    rows = [entry("commit", "committed", 3 * tranche, D(2026, 2, 27))]
    rows += [entry(f"t{n}", "paid", tranche, D(2026, 4 + 3 * n, 1), payment=f"tranche-{n}") for n in range(tranches_paid)]
    deal = deal_of("openai-2026", rows)
    assert deal.paid == pytest.approx(tranches_paid * tranche * 1e9)
    assert deal.paid + deal.pending == pytest.approx(3 * tranche * 1e9)


def test_a_closing_reported_without_a_figure_pays_the_commitment():
    deal = deal_of("ampere", [entry("agreed", "committed", 6.5, D(2025, 3, 19), basis="purchase"),
                              entry("closed", "paid", None, D(2025, 11, 25), payment="closing", basis="purchase")])
    assert deal.paid == pytest.approx(6.5e9) and deal.pending == 0 and deal.counts == "partly"


@pytest.mark.parametrize("basis", sorted(BASES))
def test_what_a_deal_counts_for_follows_from_its_basis_alone(basis):
    """A purchase of a company and a purchase of a plant count alike: the basis decides, not the row."""
    deal = deal_of("d", [entry("p", "paid", 1, D(2025, 8, 18), payment="price", basis=basis)])
    assert deal.counts == BASES[basis]
    assert BASES["purchase"] == BASES["stake"] == "partly"


def test_a_source_with_no_identifiable_original_never_counts():
    assert deals([entry("rewrite", "paid", 3, D(2025, 11, 20), payment="p", basis="new_in_us", anonymous=True)]) == ()


def test_the_tracker_counts_every_payment_of_the_2025_openai_investment(dataset):
    money = next(s for s in all_standings(dataset) if s.promise.promise_id == "pledge_2024_money")
    openai = next(d for d in money.deals if d.deal_id == "openai-2025")
    assert openai.paid + openai.pending == pytest.approx(openai.promised)


# --- a new dated row moves the as-of date, and flips a status where the rules say so ---------------

@pytest.fixture
def data(root, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(root / "data", copy)
    return copy


def _append(path, row: dict) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        fields = next(csv.reader(fh))
    with open(path, "a", newline="", encoding="utf-8") as fh:
        csv.DictWriter(fh, fieldnames=fields, lineterminator="\n").writerow(row)


SOURCE = "softbank-2025-04-01-openai-follow-on"


def add_evidence(data, evidence_id: str, quote: str, value: str, unit: str, as_of: str, promise: str, kind: str,
                 basis: str, why: str, deal: str = "", payment: str = "") -> None:
    source = SOURCE  # any source: the snapshot gains the quoted passage
    _append(data / "evidence.csv", {"evidence_id": evidence_id, "source_id": source, "quote": quote,
                                    "language": "en", "value": value, "unit": unit, "qualifier": "exact" if value else "",
                                    "as_of": as_of, "translation_fr": f"(traduction) {quote}"})
    with open(data / "snapshots" / f"{source}.txt", "a", encoding="utf-8") as fh:
        fh.write(f"\n---\n\n{quote}\n")
    _append(data / "tracker.csv", {"promise_id": promise, "evidence_id": evidence_id, "kind": kind,
                                   "deal_id": deal, "payment": payment, "basis": basis, "why_en": why,
                                   "why_fr": f"(en français) {why}"})


def _money(data):
    ds = Dataset(data)
    return standing(ds, next(p for p in ds.promises if p.promise_id == "pledge_2024_money"))


def test_a_new_dated_payment_moves_the_as_of_date_and_can_keep_the_promise(data):
    before = _money(data)
    add_evidence(data, "test-paid-in-full", "SoftBank said it had spent $120 billion on new US factories.", "120",
                 "USD billion", "2027-03-01", "pledge_2024_money", "paid", "new_in_us",
                 "Money spent on factories in the United States.", deal="factories", payment="all")
    assert validate(data) == []
    after = _money(data)
    assert before.status == "In the works" and after.status == "Kept"
    assert after.as_of == D(2027, 3, 1) and after.history[-1].date == D(2027, 3, 1)
    assert after.history[-1].evidence_ids == ("test-paid-in-full",)


def test_a_year_without_progress_stalls_the_promise_and_a_statement_does_not_update_it(data):
    """A statement is shown, never what the status rests on: read on the statement's day, more than a year after
    the last counted report, the promise is Stalled, and its "Updated" date stays that report's date (the as-of date
    once took any report, a statement or a doubt included)."""
    last_counted = _money(data).as_of
    add_evidence(data, "test-late-statement", "SoftBank declined to comment on the pledge.", "", "", "2027-09-01",
                 "pledge_2024_money", "statement", "", "A statement with no progress in it.")
    assert validate(data) == []
    ds = Dataset(data)
    # The day we read the sources again (validate refuses a reading date after today, so it is set here).
    ds.sources = tuple(dataclasses.replace(s, date_accessed=D(2027, 9, 1)) if s.source_id == SOURCE else s
                       for s in ds.sources)
    after = standing(ds, next(p for p in ds.promises if p.promise_id == "pledge_2024_money"))
    assert after.checked == D(2027, 9, 1) and after.status == "Stalled"
    assert after.as_of == last_counted < D(2026, 9, 1)
    assert after.history[-1].status == "Stalled" and after.history[-1].evidence_ids == ()


def test_a_status_change_names_only_the_reports_of_deals_that_count(data):
    """The change of a day rests on that day's reports of deals that count: never on a statement, a doubt or a
    deal that counts for nothing reported the same day (the history once named every report of the day)."""
    add_evidence(data, "test-paid-in-full", "SoftBank said it had spent $120 billion on new US factories.", "120",
                 "USD billion", "2027-03-01", "pledge_2024_money", "paid", "new_in_us",
                 "Money spent on factories in the United States.", deal="factories", payment="all")
    add_evidence(data, "test-same-day-statement", "SoftBank said more investments would follow.", "", "",
                 "2027-03-01", "pledge_2024_money", "statement", "", "A statement with no figure.")
    add_evidence(data, "test-same-day-doubt", "Analysts questioned whether the factories were new.", "", "",
                 "2027-03-01", "pledge_2024_money", "doubt", "", "A doubt about the factories.")
    add_evidence(data, "test-same-day-abroad", "SoftBank agreed to buy a European robot maker for $5 billion.", "5",
                 "USD billion", "2027-03-01", "pledge_2024_money", "announced", "outside_us",
                 "Money spent outside the United States.", deal="abroad")
    assert validate(data) == []
    after = _money(data)
    assert after.status == "Kept" and after.history[-1].date == D(2027, 3, 1)
    assert after.history[-1].evidence_ids == ("test-paid-in-full",)


def test_every_change_in_the_data_rests_on_reports_of_deals_that_count(dataset):
    for s in all_standings(dataset):
        counted = {d.deal_id for d in s.deals if d.counts != "no"}
        by_id = {e.row.evidence_id: e for e in s.entries}
        for change in s.history:
            for evidence_id in change.evidence_ids:
                e = by_id[evidence_id]
                assert e.row.kind in FIGURES and not e.anonymous, (s.promise.promise_id, change, evidence_id)
                assert (e.row.deal_id or e.row.evidence_id) in counted, (s.promise.promise_id, change, evidence_id)


def test_a_counted_amount_with_no_source_figure_is_refused(data):
    add_evidence(data, "test-unsourced-amount", "SoftBank said it had invested more in the United States.", "", "",
                 "2026-05-01", "pledge_2024_money", "paid", "new_in_us", "Claimed spending with no figure.",
                 deal="unsourced", payment="all")
    rows = list(csv.DictReader(open(data / "tracker.csv", encoding="utf-8")))
    row = len(rows) + 1  # the header is row 1 in a spreadsheet
    found = [str(p) for p in validate(data)]
    assert any(f"tracker.csv, row {row}" in p and "column 'evidence_id'" in p and "a counted amount needs a source"
               in p for p in found), found


def test_undated_evidence_cannot_be_tracked(data):
    add_evidence(data, "test-undated", "SoftBank said it was investing.", "", "", "", "pledge_2024_money",
                 "statement", "", "A statement with no date.")
    assert any("tracker.csv" in str(p) and "dated evidence" in str(p) for p in validate(data))


# --- the timeline and the tracker tell one story ------------------------------------------------------------

def _edit_event(data, event_id: str, **changes) -> int:
    """Change one event's cells; return its spreadsheet row."""
    path = data / "events.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    fields = list(rows[0])
    for n, r in enumerate(rows):
        if r["event_id"] == event_id:
            r.update(changes)
            row = n + 2
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return row


def test_an_event_newer_than_the_trackers_reports_on_its_deal_is_reported(data):
    ds = Dataset(data)
    event = next(e for e in ds.events if e.deal_id)
    row = _edit_event(data, event.event_id, date="2027-06-01")
    found = [str(p) for p in validate(data)]
    assert any(f"events.csv, row {row}" in p and "newest report on this deal" in p for p in found), found


def test_an_event_quoting_a_figure_the_tracker_does_not_show_for_its_deal_is_reported(data):
    ds = Dataset(data)
    event = next(e for e in ds.events if e.deal_id and next(
        x for x in ds.evidence if x.evidence_id == e.evidence_id).value is not None)
    other = next(x for x in ds.evidence if x.unit == "USD billion" and x.value and x.evidence_id != event.evidence_id
                 and x.value not in (19, 30, 22.5, 7.5, 6.5, 10, 2, 4, 0.5, 33, 4.2, 5.375, 40, 0.375))
    row = _edit_event(data, event.event_id, evidence_id=other.evidence_id)
    found = [str(p) for p in validate(data)]
    assert any(f"events.csv, row {row}" in p and "not one the tracker shows" in p for p in found), found


def test_a_figure_of_what_others_did_measures_nothing_so_a_promise_with_none_of_its_own_is_unverifiable(dataset):
    """The 2024 jobs promise has only figures that do not count (jobs that existed, another company's): after its
    deadline it is Unverifiable, never Broken, since no sourced figure measures what SoftBank delivered."""
    s = next(s for s in all_standings(dataset) if s.promise.promise_id == "pledge_2024_jobs")
    assert s.deals and all(d.counts == "no" for d in s.deals) and any(d.payments for d in s.deals)
    after = tally(s.promise, s.target, s.deadline, s.entries, s.deadline + dt.timedelta(days=1))
    assert after.status == "Unverifiable" and not after.measured


def _promise_page(dataset, promise_id: str, lang: str = "en") -> str:
    from pathlib import Path

    from factcheck.render import Page
    from factcheck.render.tracker import promise
    from factcheck.render.words import Words

    w = Words.of(lang, Path(__file__).resolve().parents[1] / "locales")
    s = next(s for s in all_standings(dataset) if s.promise.promise_id == promise_id)
    return promise(s, Page(dataset, w, lambda *a: "")).replace("\\", "")  # (MyST escapes dropped)


def test_a_tracker_row_gives_its_figure_as_the_source_does_and_a_figure_it_counts_without_one(dataset):
    """'about $3 billion', '$5.375 billion', 'more than 25,000 jobs': the source's qualifier and decimals; and a
    closed purchase reported with no figure shows what it counts for, the sum committed."""
    money, jobs = _promise_page(dataset, "pledge_2024_money"), _promise_page(dataset, "pledge_2024_jobs")
    assert "about $3 billion" in money and "$5.375 billion" in money and "up to $30 billion" in money
    assert "$37.375 billion paid that counts in part" in money
    assert "about $35 billion more announced or committed" in money  # DigitalBridge's is "about $3 billion"
    assert "$6.5 billion (the sum committed)" in money
    assert "more than 25,000 jobs" in jobs and "about 1,000 jobs" in jobs
    french = _promise_page(dataset, "pledge_2024_money", "fr").replace("\u00a0", " ")  # (typography comes at build)
    assert "6,5 milliards de dollars (la somme engagée)" in french and "environ 3 milliards de dollars" in french


def test_a_promise_in_a_reporters_words_is_labelled_as_their_account_not_the_speakers(dataset):
    """Son's own words are 'The promise'; the Wall Street Journal's account of what he said is the Journal's."""
    jobs, money = _promise_page(dataset, "pledge_2024_jobs"), _promise_page(dataset, "pledge_2024_money")
    assert "The promise, as The Wall Street Journal (via ttm.financial) reported it" in jobs
    assert "Masayoshi Son, SoftBank Group, 16 December 2024. Deadline" in jobs
    assert "fc-label\nThe promise\n" in money and "as reported by Associated Press" in money
