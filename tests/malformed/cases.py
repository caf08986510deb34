"""A corpus of faults a fact-checker's spreadsheet can put into data/, each with the line it must produce.

Each case edits a fresh copy of data/ and names what ``factcheck validate`` must report: the file,
the row (``None`` for file-level faults), the column, and words from the rule. Faults with one safe
reading (a byte-order mark, CRLF line endings) are accepted: ``expect`` is None for those.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    name: str
    apply: Callable[[Path], None]
    expect: tuple[str, int | None, str | None, str] | None  # file, row, column, rule words


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def set_cell(file: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        rows = _rows(data / file)
        rows[row][rows[0].index(column)] = value
        _write(data / file, rows)
    return apply


def edit_text(file: str, edit: Callable[[str], str], encoding: str = "utf-8") -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.write_bytes(edit(path.read_text(encoding="utf-8")).encode(encoding))
    return apply


def edit_bytes(file: str, edit: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        path = data / file
        path.write_bytes(edit(path.read_bytes()))
    return apply


def edit_rows(file: str, edit: Callable[[list[list[str]]], list[list[str]]]) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        _write(data / file, edit(_rows(data / file)))
    return apply


def _drop_column(rows, column):
    i = rows[0].index(column)
    return [r[:i] + r[i + 1:] for r in rows]


def _first_with(rows, column, predicate):
    i = rows[0].index(column)
    return next(n for n, r in enumerate(rows[1:], start=1) if predicate(r[i]))


def _unlinked_claim(rows):
    new = list(rows[1])
    new[0] = "claim_without_evidence"
    return rows + [new]


def _delete_fx(data: Path) -> None:
    rows = _rows(data / "fx_rates.csv")
    _write(data / "fx_rates.csv", [rows[0]] + [r for r in rows[1:] if r[1] != "2024-09-30"])


def _value_row(data: Path) -> int:
    return _first_with(_rows(data / "evidence.csv"), "value", lambda v: v != "")


def _on_value_row(column: str, value: str) -> Callable[[Path], None]:
    def apply(data: Path) -> None:
        set_cell("evidence.csv", _value_row(data), column, value)(data)
    return apply


def _remove_file(name: str) -> Callable[[Path], None]:
    return lambda data: (data / name).unlink()


CASES: list[Case] = [
    Case("missing column", edit_rows("sources.csv", lambda r: _drop_column(r, "kind")),
         ("sources.csv", 0, "kind", "missing from the header")),
    Case("extra column", edit_rows("sources.csv", lambda r: [x + ["extra"] for x in r]),
         ("sources.csv", 0, "extra", "unexpected column")),
    Case("columns out of order", edit_rows("events.csv", lambda r: [[x[1], x[0], *x[2:]] for x in r]),
         ("events.csv", 0, None, "out of order")),
    Case("duplicate id", edit_rows("claims.csv", lambda r: r + [r[1]]),
         ("claims.csv", None, "claim_id", "duplicate key")),
    Case("foreign key to an unknown claim", set_cell("claim_evidence.csv", 1, "claim_id", "no_such_claim"),
         ("claim_evidence.csv", 1, "claim_id", "refers to no row of claims.csv")),
    Case("foreign key to an unknown source", set_cell("evidence.csv", 1, "source_id", "no-such-source"),
         ("evidence.csv", 1, "source_id", "refers to no row of sources.csv")),
    Case("an outlet written a second way", set_cell("sources.csv", 1, "publisher", "Reuters (reuters.com)"),
         ("sources.csv", 1, "publisher", "refers to no row of outlets.csv")),
    Case("non-numeric amount", _on_value_row("value", "a hundred"), ("evidence.csv", None, "value", "not a number")),
    Case("negative amount", _on_value_row("value", "-100"), ("evidence.csv", None, "value", "below the minimum 0")),
    Case("decimal comma", _on_value_row("value", "1,5"), ("evidence.csv", None, "value", "decimal comma")),
    Case("unparseable date", set_cell("sources.csv", 1, "date_accessed", "27/11/2026"),
         ("sources.csv", 1, "date_accessed", "YYYY-MM-DD")),
    Case("impossible date", set_cell("sources.csv", 1, "date_accessed", "2026-02-30"),
         ("sources.csv", 1, "date_accessed", "not a real calendar date")),
    Case("published after accessed", set_cell("sources.csv", 1, "date_published", "2026-11-28"),
         ("sources.csv", 1, "date_published", "after date_accessed")),
    Case("accessed in the future", set_cell("sources.csv", 1, "date_accessed", "2999-01-01"),
         ("sources.csv", 1, "date_accessed", "in the future")),
    Case("URL that is not http(s)", set_cell("sources.csv", 1, "url", "ftp://example.org/file"),
         ("sources.csv", 1, "url", "not an http(s) URL")),
    Case("empty quote", set_cell("evidence.csv", 1, "quote", ""), ("evidence.csv", 1, "quote", "required value is empty")),
    Case("quote not verbatim in the article", set_cell("passages.csv", 1, "quote_fr", "Masayoshi Son a promis mille milliards"),
         ("passages.csv", 1, "quote_fr", "not found verbatim")),
    Case("part not in its sentence", set_cell("claims.csv", 1, "quote_fr", "Masayoshi Son a promis mille milliards"),
         ("claims.csv", 1, "quote_fr", "not a verbatim part of its passage")),
    Case("value not part of the quote", set_cell("claims.csv", 1, "value_in_quote", "au moins 200 milliards de dollars"),
         ("claims.csv", 1, "value_in_quote", "verbatim part of quote_fr")),
    Case("claim with no evidence", edit_rows("claims.csv", _unlinked_claim),
         ("claims.csv", None, "claim_id", "has no evidence")),
    Case("exchange rate missing for a needed date", _delete_fx,
         ("fx_rates.csv", None, "date", "no yen-dollar rate dated 2024-09-30")),
    Case("unknown stance", set_cell("claim_evidence.csv", 1, "stance", "agrees"),
         ("claim_evidence.csv", 1, "stance", "not one of the allowed values")),
    Case("semicolon-separated file from a French spreadsheet",
         edit_text("sources.csv", lambda t: "\n".join(";".join(next(csv.reader([line]))) for line in t.splitlines()) + "\n"),
         ("sources.csv", 0, None, "separated by ';'")),
    Case("Latin-1 file", edit_text("articles.csv", lambda t: t, encoding="latin-1"),
         ("articles.csv", None, None, "not UTF-8")),
    Case("mojibake", edit_text("claims.csv", lambda t: t.replace("développement", "dÃ©veloppement", 1)),
         ("claims.csv", None, "quote_fr", "mojibake")),
    Case("blank row", edit_text("events.csv", lambda t: t + ",,,\n"), ("events.csv", None, None, "blank row")),
    Case("row with too few cells", edit_text("events.csv", lambda t: t + "lonely-event,2025-01-01\n"),
         ("events.csv", None, None, "row has 2 cells, the header has 6")),
    Case("cell padded with spaces", set_cell("sources.csv", 1, "kind", " wire"),
         ("sources.csv", 1, "kind", "whitespace")),
    Case("digits typed in a judgment's rationale", set_cell("judgments.csv", 1, "rationale_en", "The sum was 100 billion dollars, as stated."),
         ("judgments.csv", 1, "rationale_en", "must not type numbers")),
    Case("judgment written for another outcome", set_cell("judgments.csv", 1, "applies_when", "mismatch"),
         ("judgments.csv", 1, "applies_when", "review this judgment")),
    Case("value without a unit", _on_value_row("unit", ""), ("evidence.csv", None, "unit", "value and unit go together")),
    Case("quantity that cannot be parsed", set_cell("claims.csv", 3, "value_in_quote", "Masayoshi Son"),  # amount
         ("claims.csv", 3, "value_in_quote", "cannot be parsed")),
    Case("claim_short too long for ClaimReview", set_cell("claims.csv", 1, "claim_short_en", "x" * 90),
         ("claims.csv", 1, "claim_short_en", "longer than 75")),
    Case("source cited by no evidence", edit_rows("sources.csv", lambda r: r + [["orphan-source", *r[1][1:]]]),
         ("sources.csv", None, "source_id", "cited by no evidence")),
    Case("a table's file is missing", _remove_file("events.csv"), ("events.csv", None, None, "file is missing")),
    Case("UTF-8 byte-order mark (accepted: one safe reading)", edit_bytes("claims.csv", lambda b: b"\xef\xbb\xbf" + b), None),
    Case("CRLF line endings (accepted: one safe reading)", edit_bytes("sources.csv", lambda b: b.replace(b"\n", b"\r\n")), None),
]
