"""Table Schema enforcement derived from ``data/datapackage.json``, the one definition of the data.

Frictionless describes the tables; this module reads that descriptor and applies it row by row so
that every broken rule comes back as a :class:`~factcheck.errors.Problem` naming file, row, column
and rule. The test-suite also runs the frictionless library over the same package as a cross-check.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problem

DESCRIPTOR = "datapackage.json"
Row = dict[str, Any]


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    constraints: Mapping[str, Any]
    format: str = "default"

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def load_descriptor(data_dir: Path) -> dict[str, Table]:
    """Parse the data package descriptor into :class:`Table` specs, keyed by resource name."""
    raw = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))
    tables = {}
    for res in raw["resources"]:
        schema = res["schema"]
        fields = tuple(
            Field(f["name"], f.get("type", "string"), f.get("constraints", {}), f.get("format", "default"))
            for f in schema["fields"]
        )
        pk = schema.get("primaryKey", ())
        fks = tuple(
            ForeignKey(tuple(_listify(fk["fields"])), fk["reference"]["resource"], tuple(_listify(fk["reference"]["fields"])))
            for fk in schema.get("foreignKeys", ())
        )
        tables[res["name"]] = Table(res["name"], res["path"], fields, tuple(_listify(pk)), fks)
    return tables


def _listify(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


# --- reading ---------------------------------------------------------------------------------

_MOJIBAKE = re.compile("Ã[\u0080-\u00bf©¨ª«§¢®´¹]|Â[\u00a0-\u00bf]|â€")


def read_table(data_dir: Path, table: Table) -> tuple[list[Row], list[Problem]]:
    """Read one CSV and coerce it to typed rows; collect every problem instead of stopping at the first.

    A UTF-8 byte-order mark and CRLF line endings have one safe reading and are accepted. Anything
    else that a spreadsheet can do to a file (another delimiter, another encoding, a renamed column)
    is reported, never guessed at.
    """
    path = data_dir / table.path
    name = table.path
    if not path.is_file():
        return [], [Problem(name, None, None, None, "file is missing (listed in datapackage.json)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [Problem(name, None, None, None, f"file is not UTF-8 (byte {exc.start}); save it as CSV UTF-8")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        return [], [Problem(name, reader.line_num, None, None, f"CSV is malformed: {exc}")]
    if not records:
        return [], [Problem(name, None, None, None, "file is empty; it needs at least the header row")]
    header, body = records[0], records[1:]
    problems = _check_header(name, header, table)
    if problems:
        return [], problems
    rows: list[Row] = []
    for number, record in enumerate(body, start=1):
        if not any(cell.strip() for cell in record):
            problems.append(Problem(name, number, None, None, "blank row; delete it"))
            continue
        if len(record) != len(header):
            problems.append(
                Problem(name, number, None, ",".join(record), f"row has {len(record)} cells, the header has {len(header)}")
            )
            continue
        row: Row = {}
        for field, cell in zip(table.fields, record):
            value, problem = coerce(field, cell)
            if problem:
                problems.append(Problem(name, number, field.name, cell, problem))
            row[field.name] = value
        rows.append(row)
    return rows, problems


def _check_header(name: str, header: list[str], table: Table) -> list[Problem]:
    if len(header) == 1 and ";" in header[0]:
        return [Problem(name, 0, None, header[0], "columns are separated by ';'; save as comma-separated CSV (UTF-8)")]
    problems = []
    expected = list(table.columns)
    for col in expected:
        if col not in header:
            problems.append(Problem(name, 0, col, None, "required column is missing from the header"))
    for col in header:
        if col not in expected:
            problems.append(Problem(name, 0, col, None, f"unexpected column; the schema has {', '.join(expected)}"))
    if not problems and header != expected:
        problems.append(Problem(name, 0, None, ",".join(header), f"columns are out of order; expected {','.join(expected)}"))
    return problems


def coerce(field: Field, cell: str) -> tuple[Any, str | None]:
    """Turn one cell into a typed value, or say which rule of the schema it breaks."""
    if _MOJIBAKE.search(cell):
        return None, "text looks double-encoded (mojibake such as 'Ã©'); re-save the file as UTF-8"
    if cell != cell.strip():
        return None, "leading or trailing whitespace"
    if cell == "":
        if field.required and field.name.endswith("_fr"):
            return None, "French text is missing: the French edition needs this cell"
        return None, ("required value is empty" if field.required else None)
    try:
        value = _TYPES[field.type](cell)
    except ValueError as exc:
        return None, str(exc)
    return value, _constraint_problem(field, value)


def _number(cell: str) -> float:
    if re.fullmatch(r"-?\d+,\d+", cell):
        raise ValueError("decimal comma; write numbers with a decimal point (1.5, not 1,5)")
    try:
        value = float(cell)
    except ValueError:
        raise ValueError("not a number") from None
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def _integer(cell: str) -> int:
    if not re.fullmatch(r"-?\d+", cell):
        raise ValueError("not a whole number")
    return int(cell)


def _date(cell: str) -> dt.date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        raise ValueError("not a date in YYYY-MM-DD form")
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        raise ValueError("not a real calendar date") from None


def _boolean(cell: str) -> bool:
    if cell not in ("true", "false"):
        raise ValueError("not a boolean; write true or false")
    return cell == "true"


_TYPES = {"string": str, "number": _number, "integer": _integer, "date": _date, "boolean": _boolean}


def _constraint_problem(field: Field, value: Any) -> str | None:
    c = field.constraints
    if "enum" in c and value not in c["enum"]:
        return f"not one of the allowed values: {', '.join(map(str, c['enum']))}"
    if field.format == "uri" and not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", value):
        return "not an http(s) URL"
    if "pattern" in c and not re.fullmatch(c["pattern"], value):
        return f"does not match the pattern {c['pattern']}"
    if "minimum" in c and value < c["minimum"]:
        return f"below the minimum {c['minimum']}"
    if "maxLength" in c and len(value) > c["maxLength"]:
        return f"longer than {c['maxLength']} characters ({len(value)})"
    if "minLength" in c and len(value) < c["minLength"]:
        return f"shorter than {c['minLength']} characters"
    return None


# --- keys ------------------------------------------------------------------------------------

def key_problems(tables: Mapping[str, Table], rows: Mapping[str, list[Row]]) -> list[Problem]:
    """Primary keys are unique and foreign keys resolve, across the whole package."""
    problems = []
    for table in tables.values():
        table_rows = rows.get(table.name, [])
        if table.primary_key:
            seen: dict[tuple, int] = {}
            for number, row in enumerate(table_rows, start=1):
                key = tuple(row.get(k) for k in table.primary_key)
                if key in seen:
                    problems.append(Problem(table.path, number, ",".join(table.primary_key), "|".join(map(str, key)),
                                            f"duplicate key (first used on row {seen[key] + 1})"))
                else:
                    seen[key] = number
        for fk in table.foreign_keys:
            target = tables[fk.resource]
            known = {tuple(r.get(k) for k in fk.reference) for r in rows.get(fk.resource, [])}
            for number, row in enumerate(table_rows, start=1):
                key = tuple(row.get(k) for k in fk.fields)
                if any(v is None for v in key):
                    continue
                if key not in known:
                    problems.append(Problem(table.path, number, ",".join(fk.fields), "|".join(map(str, key)),
                                            f"refers to no row of {target.path} ({','.join(fk.reference)})"))
    return problems
