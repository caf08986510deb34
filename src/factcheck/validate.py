"""Every rule the data must keep, beyond the per-cell schema: the whole package is checked together.

Returns problems instead of raising, so ``factcheck validate`` can list all of them at once. It only
reads files; nothing here ever writes to ``data/``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from . import schema
from .checks import metric_candidates, run_check
from .data import RECORDS, Dataset
from .errors import DataError, Problem
from .money import MissingRate
from .quantities import ParseError, parse_date_fr, parse_quantity_fr

PROSE_WITHOUT_NUMBERS = {"judgments": "rationale", "events": "label_en"}


def validate(data_dir: Path, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    tables = schema.load_descriptor(data_dir)
    rows: dict[str, list[schema.Row]] = {}
    problems: list[Problem] = []
    for name, table in tables.items():
        rows[name], table_problems = schema.read_table(data_dir, table)
        problems += table_problems
    if problems:
        return problems  # later rules assume well-typed rows
    problems += schema.key_problems(tables, rows)
    if problems:
        return problems
    dataset = Dataset(data_dir)
    try:
        dataset.fx_rates
    except DataError as exc:
        return list(exc.problems)
    problems += _article_rules(dataset, tables)
    problems += _date_rules(dataset, tables, today)
    problems += _prose_rules(dataset, tables)
    problems += _coverage_rules(dataset, tables)
    problems += _check_rules(dataset, tables)
    return problems


def _row(dataset: Dataset, name: str, record: object) -> int:
    return getattr(dataset, _ATTR[name]).index(record) + 1


_ATTR = {"articles": "articles", "claims": "claims", "sources": "sources", "evidence": "evidence",
         "claim_evidence": "links", "judgments": "judgments", "fx_rates": "fx_rates", "events": "events",
         "corrections": "corrections"}
assert set(_ATTR) == set(RECORDS)


def _article_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    path = tables["claims"].path
    texts = {}
    for article in ds.articles:
        text_file = ds.data_dir / article.text_path
        if not text_file.is_file():
            out.append(Problem(tables["articles"].path, _row(ds, "articles", article), "text_path", article.text_path,
                               "the archived article text is missing"))
            continue
        texts[article.article_id] = _squash(ds.article_text(article))
        if article.written_after > article.written_before:
            out.append(Problem(tables["articles"].path, _row(ds, "articles", article), "written_after",
                               article.written_after.isoformat(), "later than written_before"))
    for claim in ds.claims:
        row = _row(ds, "claims", claim)
        text = texts.get(claim.article_id)
        if text is not None and _squash(claim.quote_fr) not in text:
            out.append(Problem(path, row, "quote_fr", claim.quote_fr, "not found verbatim in the archived article"))
        if claim.value_fr and claim.value_fr not in claim.quote_fr:
            out.append(Problem(path, row, "value_fr", claim.value_fr, "must be a verbatim part of quote_fr"))
        needs_value = {"quantity": parse_quantity_fr, "metric_match": parse_quantity_fr, "date": parse_date_fr}
        if claim.check in needs_value:
            if not claim.value_fr:
                out.append(Problem(path, row, "value_fr", "", f"the {claim.check} check needs the fragment holding the value"))
            else:
                try:
                    needs_value[claim.check](claim.value_fr)
                except (ParseError, ValueError) as exc:
                    out.append(Problem(path, row, "value_fr", claim.value_fr, f"cannot be parsed: {exc}"))
        if claim.check == "terms" and not claim.terms:
            out.append(Problem(path, row, "check_terms", "", "the terms check needs at least one term"))
    return out


def _squash(text: str) -> str:
    """Compare quotes modulo line breaks and runs of spaces, which copy-paste changes freely."""
    return " ".join(text.replace("\u2019", "'").split())


def _date_rules(ds: Dataset, tables: dict[str, schema.Table], today: dt.date) -> list[Problem]:
    out = []
    path = tables["sources"].path
    for source in ds.sources:
        row = _row(ds, "sources", source)
        if source.date_accessed > today:
            out.append(Problem(path, row, "date_accessed", source.date_accessed.isoformat(), "in the future"))
        if source.date_published and source.date_published > source.date_accessed:
            out.append(Problem(path, row, "date_published", source.date_published.isoformat(),
                               f"after date_accessed ({source.date_accessed.isoformat()})"))
    return out


def _prose_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    for name, column in PROSE_WITHOUT_NUMBERS.items():
        for record in getattr(ds, _ATTR[name]):
            text = getattr(record, column)
            if re.search(r"\d", text):
                out.append(Problem(tables[name].path, _row(ds, name, record), column, text,
                                   "prose must not type numbers; let the checks compute and show them"))
    for ev in ds.evidence:
        if (ev.value is None) != (ev.unit is None):
            out.append(Problem(tables["evidence"].path, _row(ds, "evidence", ev), "unit" if ev.unit is None else "value",
                               "", "value and unit go together"))
    return out


def _coverage_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    linked = {link.claim_id for link in ds.links}
    for claim in ds.claims:
        if claim.claim_id not in linked:
            out.append(Problem(tables["claims"].path, _row(ds, "claims", claim), "claim_id", claim.claim_id,
                               "claim has no evidence in claim_evidence.csv"))
    used_evidence = ({l.evidence_id for l in ds.links} | {r.evidence_id for r in ds.fx_rates}
                     | {e.evidence_id for e in ds.events})
    for ev in ds.evidence:
        if ev.evidence_id not in used_evidence:
            out.append(Problem(tables["evidence"].path, _row(ds, "evidence", ev), "evidence_id", ev.evidence_id,
                               "evidence is used by no claim, exchange rate or event"))
    used_sources = {ev.source_id for ev in ds.evidence}
    for source in ds.sources:
        if source.source_id not in used_sources:
            out.append(Problem(tables["sources"].path, _row(ds, "sources", source), "source_id", source.source_id,
                               "source is cited by no evidence row"))
    return out


def _check_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    for claim in ds.claims:
        row = _row(ds, "claims", claim)
        if claim.check == "metric_match":
            try:
                metric_candidates(parse_quantity_fr(claim.value_fr or "").value, ds.evidence_for(claim.claim_id), ds.fx_rates)
            except MissingRate as exc:
                out.append(Problem(tables["fx_rates"].path, None, "date", None, f"{exc} (needed by claim {claim.claim_id})"))
                continue
            except ParseError:
                continue  # reported by _article_rules
        try:
            finding = run_check(ds, claim)
        except ParseError:
            continue  # reported by _article_rules, with the column to fix
        except (ValueError, KeyError) as exc:
            out.append(Problem(tables["claims"].path, row, "check", claim.check, f"the check cannot run: {exc}"))
            continue
        judgment = ds.judgment_for(claim.claim_id)
        if judgment and judgment.applies_when != finding.outcome:
            out.append(Problem(tables["judgments"].path, _row(ds, "judgments", judgment), "applies_when",
                               judgment.applies_when,
                               f"the checks now find '{finding.outcome}' for {claim.claim_id}; review this judgment"))
    return out
