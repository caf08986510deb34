"""The article and what it says: every quote verbatim in the archived text, every value parsed from its words."""

from __future__ import annotations

from .. import schema
from ..data import Dataset
from ..errors import Problem
from ..quantities import ParseError, parse_date_fr, parse_quantity_fr
from .base import row_of, squash


def rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    path = tables["claims"].path
    texts = {}
    for article in ds.articles:
        text_file = ds.data_dir / article.text_path
        if not text_file.is_file():
            out.append(Problem(tables["articles"].path, row_of(ds, "articles", article), "text_path", article.text_path,
                               "the archived article text is missing"))
            continue
        texts[article.article_id] = squash(ds.article_text(article))
        if article.written_after > article.written_before:
            out.append(Problem(tables["articles"].path, row_of(ds, "articles", article), "written_after",
                               article.written_after.isoformat(), "later than written_before"))
    passages = {p.passage_id: p for p in ds.passages}
    for passage in ds.passages:
        text = texts.get(passage.article_id)
        if text is not None and squash(passage.quote_fr) not in text:
            out.append(Problem(tables["passages"].path, row_of(ds, "passages", passage), "quote_fr", passage.quote_fr,
                               "not found verbatim in the archived article"))
        roles = [c.role for c in ds.parts_of(passage)]
        if "core" not in roles:
            out.append(Problem(tables["passages"].path, row_of(ds, "passages", passage), "passage_id", passage.passage_id,
                               "a passage needs at least one claim with role 'core' in claims.csv"))
    for claim in ds.claims:
        row = row_of(ds, "claims", claim)
        passage = passages[claim.passage_id]
        if squash(claim.quote_fr) not in squash(passage.quote_fr):
            out.append(Problem(path, row, "quote_fr", claim.quote_fr,
                               f"not a verbatim part of its passage ({passage.passage_id})"))
        if claim.value_in_quote and claim.value_in_quote not in claim.quote_fr:
            out.append(Problem(path, row, "value_in_quote", claim.value_in_quote, "must be a verbatim part of quote_fr"))
        needs_value = {"quantity": parse_quantity_fr, "metric_match": parse_quantity_fr, "date": parse_date_fr}
        if claim.check in needs_value:
            if not claim.value_in_quote:
                out.append(Problem(path, row, "value_in_quote", "", f"the {claim.check} check needs the fragment holding the value"))
            else:
                try:
                    needs_value[claim.check](claim.value_in_quote)
                except (ParseError, ValueError) as exc:
                    out.append(Problem(path, row, "value_in_quote", claim.value_in_quote, f"cannot be parsed: {exc}"))
        if claim.check == "terms" and not claim.terms:
            out.append(Problem(path, row, "check_terms", "", "the terms check needs at least one term"))
    return out
