"""One error type for bad input, so every caller can print it the same way."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule, located precisely enough that a fact-checker can fix it in a spreadsheet."""

    file: str
    row: int | None  # 1-based data row (the header is row 0); None for file-level problems
    column: str | None
    value: str | None
    rule: str
    line: int | None = None  # the line an editor shows, where a quoted cell spans lines

    @property
    def spreadsheet_row(self) -> int | None:
        """The row number a spreadsheet shows beside it: the header is row 1."""
        return None if self.row is None else self.row + 1

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.spreadsheet_row}"
            if self.line is not None and self.line != self.spreadsheet_row:
                where += f" (line {self.line} in a text editor)"
        if self.column is not None:
            where += f", column {self.column!r}"
        shown = "" if self.value is None else f": value {_clip(self.value)!r}"
        return f"{where}{shown}: {self.rule}"


def _clip(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def record_lines(text: str) -> list[int]:
    """The editor line each CSV record starts on (index 0 is the header): a quoted cell may span lines."""
    import csv
    import io

    starts, reader, previous = [], csv.reader(io.StringIO(text, newline="")), 0
    for _ in reader:
        starts.append(previous + 1)
        previous = reader.line_num
    return starts


class DataError(Exception):
    """Raised when data/ breaks a rule; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
