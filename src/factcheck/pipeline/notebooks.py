"""The book's notebooks against the data: every id a notebook names, and every value its prose cites, exists.

Renaming a claim in the data is reported here, with the notebook and cell to fix, rather than as a failed cell
or a missing value when the book is built.
"""

from __future__ import annotations

import json
import re

from ..data import Dataset
from ..errors import Problem

VALUE_ROLE = re.compile(r"\{value\}`([^`]+)`")
NAMED_IDS = {  # a call a notebook makes → the table whose id it names
    re.compile(r"""\.sentence\(\s*["']([^"']+)["']"""): "passages",
    re.compile(r"""\.claim\(\s*["']([^"']+)["']"""): "claims",
    re.compile(r"""evidence_frame\(\s*["']([^"']+)["']"""): "claims",
    re.compile(r"""ClaimPage\(\s*["']([^"']+)["']"""): "pages",
}
CLAIM_VALUES = ("_rating", "_outlets", "_asserted", "_reported", "_nearest")


def problems(ds: Dataset) -> list[Problem]:
    """Every id a book notebook names, and every claim or sentence whose value its prose cites, exists."""
    book = ds.data_dir.parent / "book"
    known = {"passages": {p.passage_id for p in ds.passages}, "claims": {c.claim_id for c in ds.claims},
             "pages": {p.page for p in ds.passages}}
    out = []
    for path in sorted(book.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        name = "../" + path.relative_to(ds.data_dir.parent).as_posix()
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            cells = notebook["cells"]
        except (ValueError, KeyError) as exc:
            out.append(Problem(name, None, None, None, f"not a readable notebook: {exc}"))
            continue
        if path.parent.name == "claims":
            out += headline_problems(name, notebook, ds)
        for number, cell in enumerate(cells, start=1):
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            named: list[tuple[str, str]] = []
            if cell["cell_type"] == "code":
                named += [(table, m) for pattern, table in NAMED_IDS.items() for m in pattern.findall(text)]
            else:
                for key in VALUE_ROLE.findall(text):
                    if key.startswith("sentence_") and key.endswith("_rating"):
                        named.append(("passages", key.removeprefix("sentence_").removesuffix("_rating")))
                    elif key.endswith(CLAIM_VALUES):
                        named.append(("claims", key.rsplit("_", 1)[0]))
            for table, value in named:
                if value not in known[table]:
                    where = {"passages": "data/passages.csv", "claims": "data/claims.csv",
                             "pages": "data/passages.csv (page)"}[table]
                    out.append(Problem(name, None, None, value,
                                       f"cell {number} names {table.rstrip('s')} {value!r}, which {where} does not "
                                       f"have: was it renamed?"))
    return out


HEADLINE = "headline_written_for"


def headline_problems(name: str, notebook: dict, ds: Dataset) -> list[Problem]:
    """A claim page's headline states its finding, so it names, in the notebook's metadata
    (``factcheck.headline_written_for``), the rating of each sentence it was written for: when new data change a
    rating, the headline must be rewritten, as a conclusion must (``conclusion_rating``)."""
    from ..ratings import all_passage_verdicts

    written = notebook.get("metadata", {}).get("factcheck", {}).get(HEADLINE)
    page = name.removeprefix("../book/").removesuffix(".ipynb")
    current = {v.passage.passage_id: v.rating.value for v in all_passage_verdicts(ds) if v.passage.page == page}
    if written is None:
        return [Problem(name, None, None, None, f"the headline states a finding: record in the notebook's metadata "
                        f"(factcheck.{HEADLINE}) the rating of each sentence it was written for: {current}")]
    if written != current:
        return [Problem(name, None, None, str(written), f"the sentences now rate {current}: rewrite the headline (the "
                        f"first line of the first cell) for those ratings, then update factcheck.{HEADLINE}")]
    return []
