"""Every rule the data must keep, beyond the per-cell schema: the whole package is checked together.

Returns problems instead of raising, so ``factcheck validate`` can list all of them at once. It only
reads files; nothing here ever writes to ``data/``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

from . import schema
from .checks import metric_candidates, run_check
from .data import RECORDS, SNAPSHOT_DIR, Dataset
from .errors import DataError, Problem, record_lines
from .language import COMMENT
from .money import MissingRate
from .quantities import ParseError, numbers_in, parse_date_fr, parse_quantity_fr, split_unit, to_base
from .ratings import DEFAULT_RULES, OUTCOMES_THAT_ESTABLISH_NOTHING, Rating, all_passage_verdicts, rate

PROSE_WITHOUT_NUMBERS = {"judgments": ("rationale_en", "rationale_fr", "departs_because"),
                         "events": ("label_en", "label_fr"), "passages": ("conclusion_en", "conclusion_fr"),
                         "changelog": ("note_en", "note_fr"), "tracker": ("why_en", "why_fr"),
                         "promises": ("aim_en", "aim_fr")}
SUPPORTING_STANCES = ("supports", "contradicts", "qualifies")
MIN_ORIGINALS_FOR_CENTRAL = 2


def validate(data_dir: Path, today: dt.date | None = None) -> list[Problem]:
    """Every problem in ``data_dir``, each located by file, spreadsheet row, editor line and column."""
    return _with_lines(data_dir, _problems(data_dir, today or dt.date.today()))


def _with_lines(data_dir: Path, problems: list[Problem]) -> list[Problem]:
    import dataclasses

    lines: dict[str, list[int]] = {}
    out = []
    for p in problems:
        path = data_dir / p.file
        if p.row is not None and p.file.endswith(".csv") and path.is_file():
            if p.file not in lines:
                try:
                    lines[p.file] = record_lines(path.read_bytes().decode("utf-8-sig"))
                except (UnicodeDecodeError, csv.Error):
                    lines[p.file] = []
            starts = lines[p.file]
            if p.row < len(starts):
                p = dataclasses.replace(p, line=starts[p.row])
        out.append(p)
    return out


def _problems(data_dir: Path, today: dt.date) -> list[Problem]:
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
    problems += _source_rules(dataset, tables)
    problems += _snapshot_rules(dataset, tables)
    problems += _shared_text_rules(dataset, tables)
    problems += _tracker_rules(dataset, tables)
    problems += _notebook_rules(dataset)
    try:
        problems += _scale_rules(dataset, tables)
    except (ParseError, ValueError, KeyError, MissingRate):
        pass  # a check that cannot run is reported above, with the column to fix
    return problems


def _row(dataset: Dataset, name: str, record: object) -> int:
    return getattr(dataset, _ATTR[name]).index(record) + 1


_ATTR = {"articles": "articles", "passages": "passages", "claims": "claims", "sources": "sources", "evidence": "evidence",
         "claim_evidence": "links", "judgments": "judgments", "fx_rates": "fx_rates", "events": "events",
         "corrections": "corrections", "changelog": "changelog", "promises": "promises", "tracker": "tracker"}
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
    passages = {p.passage_id: p for p in ds.passages}
    for passage in ds.passages:
        text = texts.get(passage.article_id)
        if text is not None and _squash(passage.quote_fr) not in text:
            out.append(Problem(tables["passages"].path, _row(ds, "passages", passage), "quote_fr", passage.quote_fr,
                               "not found verbatim in the archived article"))
        roles = [c.role for c in ds.parts_of(passage)]
        if "core" not in roles:
            out.append(Problem(tables["passages"].path, _row(ds, "passages", passage), "passage_id", passage.passage_id,
                               "a passage needs at least one claim with role 'core' in claims.csv"))
    for claim in ds.claims:
        row = _row(ds, "claims", claim)
        passage = passages[claim.passage_id]
        if _squash(claim.quote_fr) not in _squash(passage.quote_fr):
            out.append(Problem(path, row, "quote_fr", claim.quote_fr,
                               f"not a verbatim part of its passage ({passage.passage_id})"))
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
    for name, columns in PROSE_WITHOUT_NUMBERS.items():
        for record in getattr(ds, _ATTR[name]):
            for column in columns:
                text = getattr(record, column) or ""
                if types_a_figure(text):
                    out.append(Problem(tables[name].path, _row(ds, name, record), column, text,
                                       "prose must not type numbers; let the checks compute and show them"))
    for ev in ds.evidence:
        row = _row(ds, "evidence", ev)
        if (ev.value is None) != (ev.unit is None):
            out.append(Problem(tables["evidence"].path, row, "unit" if ev.unit is None else "value",
                               "", "value and unit go together"))
        elif ev.value is not None and not _value_in_quote(ev.value, ev.quote):
            out.append(Problem(tables["evidence"].path, row, "value", f"{ev.value:g}",
                               "this number is not in the row's quote (in any scale); copy it from the quote"))
        if ev.language != "en" and not ev.translation_en:
            out.append(Problem(tables["evidence"].path, row, "translation_en", "",
                               f"a quote in '{ev.language}' needs an English translation (marked as ours on the page)"))
        if ev.language != "fr" and not ev.translation_fr:
            out.append(Problem(tables["evidence"].path, row, "translation_fr", "",
                               f"a quote in '{ev.language}' needs a French translation for the French edition "
                               "(marked as ours on the page)"))
    return out


CALENDAR_YEAR = re.compile(r"(?<![\d$€¥£])(?<![\d][.,])(?:19|20)\d\d(?!\d|[.,]\d|\s?%)")


def types_a_figure(text: str) -> bool:
    """Prose may name a calendar year ("in 2016"); any other digit is a figure, which must come from data."""
    return bool(re.search(r"\d", CALENDAR_YEAR.sub("", text)))


def _value_in_quote(value: float, quote: str) -> bool:
    """The row's value is a number the quote states, possibly in another scale (¥45,346,920 million)."""
    for number in numbers_in(quote):
        if number == 0:
            continue
        ratio = value / number
        if any(abs(ratio - 1000.0 ** k) <= 1e-6 * 1000.0 ** k for k in range(-4, 5)):
            return True
    return False


def _coverage_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    linked = {link.claim_id for link in ds.links}
    for claim in ds.claims:
        if claim.claim_id not in linked:
            out.append(Problem(tables["claims"].path, _row(ds, "claims", claim), "claim_id", claim.claim_id,
                               "claim has no evidence in claim_evidence.csv"))
    used_evidence = ({l.evidence_id for l in ds.links} | {r.evidence_id for r in ds.fx_rates}
                     | {e.evidence_id for e in ds.events} | {r.evidence_id for r in ds.tracker}
                     | {getattr(p, k) for p in ds.promises
                        for k in ("words_evidence_id", "target_evidence_id", "deadline_evidence_id")})
    for ev in ds.evidence:
        if ev.evidence_id not in used_evidence:
            out.append(Problem(tables["evidence"].path, _row(ds, "evidence", ev), "evidence_id", ev.evidence_id,
                               "evidence is used by no claim, exchange rate, event or promise"))
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


def _source_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Sources count by their original; an anonymous copy is context, never support."""
    out = []
    sources = {s.source_id: s for s in ds.sources}
    evidence = {e.evidence_id: e for e in ds.evidence}
    for link in ds.links:
        source = sources[evidence[link.evidence_id].source_id]
        if source.anonymous and link.stance in SUPPORTING_STANCES:
            out.append(Problem(tables["claim_evidence"].path, _row(ds, "claim_evidence", link), "stance", link.stance,
                               f"{source.publisher} is an aggregator with no identifiable original: use it as "
                               f"context only, or name its original in sources.csv"))
    for source in ds.sources:
        if "headline not shown" in source.title.lower() or "url slug" in source.title.lower():
            out.append(Problem(tables["sources"].path, _row(ds, "sources", source), "title", source.title,
                               "give the real headline (from another stored copy of the story) or a plain "
                               "description in [square brackets]"))
    for claim in ds.claims:
        if not claim.central:
            continue
        originals = {sources[e.source_id].outlet for l, e in ds.evidence_for(claim.claim_id, SUPPORTING_STANCES)}
        if len(originals) < MIN_ORIGINALS_FOR_CENTRAL:
            out.append(Problem(tables["claims"].path, _row(ds, "claims", claim), "central", "true",
                               f"a central claim needs at least {MIN_ORIGINALS_FOR_CENTRAL} independent originals; "
                               f"{claim.claim_id} rests on {len(originals)} ({', '.join(sorted(originals)) or 'none'})"))
    return out


def _tracker_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Every tracker row is dated by its source; a counted amount has a source row that states it."""
    from .tracker import BASES, FIGURES, PROMISED, deadline_of, target_of

    out = []
    evidence = {e.evidence_id: e for e in ds.evidence}
    units = {}
    for promise in ds.promises:
        row = _row(ds, "promises", promise)
        try:
            units[promise.promise_id] = target_of(promise, evidence)[1]
        except ValueError as exc:
            out.append(Problem(tables["promises"].path, row, "target_evidence_id", promise.target_evidence_id,
                               f"{exc}: the target must be a row with a value and a unit"))
        try:
            deadline_of(promise, evidence)
        except ValueError as exc:
            out.append(Problem(tables["promises"].path, row, "deadline_evidence_id", promise.deadline_evidence_id,
                               str(exc)))
    path = tables["tracker"].path
    sources = {s.source_id: s for s in ds.sources}
    figured = {(r.promise_id, r.deal_id) for r in ds.tracker if r.deal_id and r.kind in PROMISED + ("paid",)
               and evidence[r.evidence_id].value is not None}
    bases: dict[tuple[str, str], str] = {}
    reported: dict[tuple[str, str, str, dt.date], float] = {}
    for r in ds.tracker:
        row, ev = _row(ds, "tracker", r), evidence[r.evidence_id]
        if ev.as_of is None:
            out.append(Problem(path, row, "evidence_id", r.evidence_id,
                               "the tracker needs dated evidence: give the evidence row an as_of date"))
        if r.kind not in FIGURES:
            for column in ("deal_id", "payment", "basis"):
                if getattr(r, column):
                    out.append(Problem(path, row, column, getattr(r, column),
                                       f"a {r.kind} row reports no deal: leave {column} empty"))
            continue
        for column in ("deal_id", "basis"):
            if not getattr(r, column):
                out.append(Problem(path, row, column, "", f"a {r.kind} row belongs to a deal: give its {column}"))
        if (r.kind == "paid") != bool(r.payment):
            out.append(Problem(path, row, "payment", r.payment or "",
                               "name the payment a paid row reports (reports of the same payment share it)"
                               if r.kind == "paid" else f"only paid rows name a payment; leave it empty"))
        if not r.deal_id or not r.basis:
            continue
        deal = (r.promise_id, r.deal_id)
        if bases.setdefault(deal, r.basis) != r.basis:
            out.append(Problem(path, row, "basis", r.basis, f"deal {r.deal_id} is '{bases[deal]}' in an earlier "
                               "row: every report of one deal has the same basis"))
        counted = BASES.get(r.basis) != "no"
        source = sources[ev.source_id]
        if counted and source.anonymous:
            out.append(Problem(path, row, "basis", r.basis,
                               f"{source.publisher} has no identifiable original, so it never counts toward a "
                               "promise: find the original report, or record this row as a statement or doubt"))
        if counted and ev.value is None and deal not in figured:
            out.append(Problem(path, row, "evidence_id", r.evidence_id,
                               "a counted amount needs a source: this evidence row, or another report of the same "
                               "deal_id, must state the figure (value and unit, from its quote)"))
        if counted and r.promise_id in units and ev.unit is not None:
            base = split_unit(ev.unit)[0]
            if base != units[r.promise_id]:
                out.append(Problem(path, row, "evidence_id", r.evidence_id,
                                   f"counts toward a promise measured in {units[r.promise_id]}, but states {ev.unit}"))
        if r.payment and ev.value is not None and ev.as_of is not None:
            key = (r.promise_id, r.deal_id, r.payment, ev.as_of)
            amount = to_base(ev.value, ev.unit or "")[0]
            if reported.setdefault(key, amount) != amount:
                out.append(Problem(path, row, "evidence_id", r.evidence_id,
                                   f"another report of payment '{r.payment}' on the same date gives a different "
                                   "figure: keep the one the original states"))
    return out


GLUE = re.compile(r"\{glue:[a-z]+\}`([^`]+)`")
NAMED_IDS = {  # a call a notebook makes → the table whose id it names
    re.compile(r"""\.sentence\(\s*["']([^"']+)["']"""): "passages",
    re.compile(r"""\.claim\(\s*["']([^"']+)["']"""): "claims",
    re.compile(r"""evidence_frame\(\s*["']([^"']+)["']"""): "claims",
    re.compile(r"""ClaimPage\(\s*["']([^"']+)["']"""): "pages",
}
CLAIM_GLUE = ("_rating", "_outlets", "_asserted", "_reported", "_nearest")


def _notebook_rules(ds: Dataset) -> list[Problem]:
    """Ids a book notebook names must exist: renaming a claim in the data is reported here, with the
    notebook and cell to fix, rather than as a failed cell or a missing glue key at build time."""
    book = ds.data_dir.parent / "book"
    known = {"passages": {p.passage_id for p in ds.passages}, "claims": {c.claim_id for c in ds.claims},
             "pages": {p.page for p in ds.passages}}
    out = []
    for path in sorted(book.rglob("*.md")):
        if not path.name.endswith(".fr.md") and not path.with_suffix(".fr.md").is_file():
            out.append(Problem("../" + path.relative_to(ds.data_dir.parent).as_posix(), None, None, None,
                               f"the page has no French text: add {path.with_suffix('.fr.md').name} beside it"))
    for path in sorted(book.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        name = "../" + path.relative_to(ds.data_dir.parent).as_posix()
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (ValueError, KeyError) as exc:
            out.append(Problem(name, None, None, None, f"not a readable notebook: {exc}"))
            continue
        out += _french_twins(name, cells)
        for number, cell in enumerate(cells, start=1):
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            named: list[tuple[str, str]] = []
            if cell["cell_type"] == "code":
                named += [(table, m) for pattern, table in NAMED_IDS.items() for m in pattern.findall(text)]
            else:
                for key in GLUE.findall(text):
                    if key.startswith("sentence_") and key.endswith("_rating"):
                        named.append(("passages", key.removeprefix("sentence_").removesuffix("_rating")))
                    elif key.endswith(CLAIM_GLUE):
                        named.append(("claims", key.rsplit("_", 1)[0]))
            for table, value in named:
                if value not in known[table]:
                    where = {"passages": "data/passages.csv", "claims": "data/claims.csv",
                             "pages": "data/passages.csv (page)"}[table]
                    out.append(Problem(name, None, None, value,
                                       f"cell {number} names {table.rstrip('s')} {value!r}, which {where} does not "
                                       f"have: was it renamed?"))
    return out


def _french_twins(name: str, cells: list[dict]) -> list[Problem]:
    """Each markdown cell of a notebook is followed by its French twin (``"lang": "fr"`` in the cell's metadata),
    and each code comment a reader can see is written in both languages (``# en: …`` and ``# fr: …``): the French
    edition shows the French ones in their place."""
    def french(cell: dict | None) -> bool:
        return cell is not None and cell["cell_type"] == "markdown" and cell.get("metadata", {}).get("lang") == "fr"

    def english(cell: dict | None) -> bool:
        return cell is not None and cell["cell_type"] == "markdown" and not french(cell)

    out = []
    for number, cell in enumerate(cells, start=1):
        before, after = (cells[number - 2] if number > 1 else None), (cells[number] if number < len(cells) else None)
        if cell["cell_type"] == "code":
            code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            tags = [m.group(2) for m in COMMENT.finditer(code)]
            if tags.count("en") != tags.count("fr"):
                out.append(Problem(name, None, None, None, f"code cell {number} has {tags.count('en')} English and "
                                                           f"{tags.count('fr')} French comments (# en: / # fr:): "
                                                           "write each comment in both languages"))
        elif english(cell) and not french(after):
            out.append(Problem(name, None, None, None, f"markdown cell {number} has no French text: add a markdown "
                                                       "cell after it, with \"lang\": \"fr\" in its metadata"))
        elif french(cell) and not english(before):
            out.append(Problem(name, None, None, None, f"markdown cell {number} is French but follows no English "
                                                       "markdown cell: put it right after the cell it translates"))
    return out


EDITORIAL_INSERT = re.compile(r" \[[^\[\]]+\]")
"""An editor's insertion in a quote, in square brackets after a space: « partnershp [sic] », « ¥45,346,920
[million] ». The reader sees it; the comparison with the stored page leaves it out."""


def without_inserts(quote: str, page: str) -> str:
    """The quote as the page has it: our inserts go; brackets the page itself printed (« [in] ») stay."""
    return EDITORIAL_INSERT.sub(lambda m: m.group(0) if m.group(0).strip() in page else "", quote)


def normalise_quote(text: str) -> str:
    """Quotes compare modulo white space and the kind of quote mark or apostrophe."""
    for curly, straight in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " ")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def _snapshot_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Every evidence quote must stand, verbatim, in the snapshot captured from its source."""
    out = []
    path = tables["evidence"].path
    snapshots = {}
    for source in ds.sources:
        snap = ds.snapshot(source.source_id)
        name = f"{SNAPSHOT_DIR}/{source.source_id}.txt"
        if snap is None:
            out.append(Problem(tables["sources"].path, _row(ds, "sources", source), "source_id", source.source_id,
                               f"no snapshot of the quoted passages: add {name}"))
            continue
        for key in ("source_id", "url", "captured_on"):
            if not snap.header.get(key):
                out.append(Problem(name, None, key, None, f"the snapshot header needs '{key}: ...'"))
        if snap.header.get("source_id") not in (None, "", source.source_id):
            out.append(Problem(name, None, "source_id", snap.header["source_id"], f"should be {source.source_id}"))
        snapshots[source.source_id] = normalise_quote(snap.text)
    known = {s.source_id for s in ds.sources}
    for snapshot_file in sorted((ds.data_dir / SNAPSHOT_DIR).glob("*.txt")):
        if snapshot_file.stem not in known:
            out.append(Problem(f"{SNAPSHOT_DIR}/{snapshot_file.name}", None, None, None,
                               "no source in sources.csv has this source_id: delete the file or add the source"))
    for ev in ds.evidence:
        text = snapshots.get(ev.source_id)
        if text is not None and normalise_quote(without_inserts(ev.quote, text)) not in text:
            out.append(Problem(path, _row(ds, "evidence", ev), "quote", ev.quote,
                               f"not found verbatim in {SNAPSHOT_DIR}/{ev.source_id}.txt"))
    return out


def _scale_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """The rating scale's definitions, enforced: a verdict that breaks them is refused."""
    out = []
    jpath = tables["judgments"].path
    for judgment in ds.judgments:
        row = _row(ds, "judgments", judgment)
        default = DEFAULT_RULES[judgment.applies_when]
        if judgment.rating != default.value and not judgment.departs_because:
            out.append(Problem(jpath, row, "departs_because", "",
                               f"{judgment.claim_id}: the outcome '{judgment.applies_when}' is rated {default.value} "
                               f"everywhere else; say why this claim departs (rule: same outcome, same rating)"))
        if judgment.rating == default.value and judgment.departs_because:
            out.append(Problem(jpath, row, "departs_because", judgment.departs_because,
                               f"{judgment.claim_id}: {default.value} is already the rule for "
                               f"'{judgment.applies_when}'; nothing departs, so leave this empty"))
    stances: dict[str, set[str]] = {}
    for link in ds.links:
        stances.setdefault(link.claim_id, set()).add(link.stance)
    for claim in ds.claims:
        finding = run_check(ds, claim)
        rating, _, _ = rate(finding, ds.judgment_for(claim.claim_id))
        if rating is not Rating.UNVERIFIED:
            continue
        where = (jpath, _row(ds, "judgments", ds.judgment_for(claim.claim_id)), "rating") \
            if ds.judgment_for(claim.claim_id) else (tables["claims"].path, _row(ds, "claims", claim), "check")
        if "contradicts" in stances.get(claim.claim_id, set()):
            out.append(Problem(*where, "Unverified", f"{claim.claim_id}: evidence contradicts it, so it is not "
                               "Unverified (rule: Unverified means nothing establishes or refutes the claim)"))
        elif finding.outcome not in OUTCOMES_THAT_ESTABLISH_NOTHING:
            out.append(Problem(*where, "Unverified", f"{claim.claim_id}: the checks find '{finding.outcome}', which "
                               "refutes or establishes something (rule: Unverified means nothing establishes or "
                               "refutes the claim)"))
    for pv in all_passage_verdicts(ds):
        if not pv.conclusion_is_current:
            out.append(Problem(tables["passages"].path, _row(ds, "passages", pv.passage), "conclusion_rating",
                               pv.passage.conclusion_rating,
                               f"its parts now rate {pv.passage.passage_id} {pv.rating.value}; rewrite conclusion_en "
                               f"for that rating and set conclusion_rating to it"))
    return out


def _shared_text_rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """Two sources whose snapshots share a long passage (outside quoted speech) are one report: the later one
    names the other's original in ``original_publisher``, or ``shared_text.csv`` says why they are independent."""
    from .copies import shared_passages

    explained: list[tuple[str, str]] = []
    out: list[Problem] = []
    if "shared_text" in tables:
        rows, _ = schema.read_table(ds.data_dir, tables["shared_text"])  # its own problems are reported above
        explained = [(r["source_id"], r["other_source_id"]) for r in rows]
        out += [Problem(tables["shared_text"].path, n, "why_en", r["why_en"], "prose must not type numbers; let the "
                        "checks compute and show them") for n, r in enumerate(rows, 1) if types_a_figure(r["why_en"])]
    sources = {s.source_id: s for s in ds.sources}
    order = {s.source_id: n for n, s in enumerate(ds.sources)}
    texts = {sid: snap.text for sid in sources if (snap := ds.snapshot(sid)) is not None}
    for shared in shared_passages(texts, {sid: s.outlet for sid, s in sources.items()}, explained):
        a, b = sources[shared.source_id], sources[shared.other_source_id]
        dated = a.date_published and b.date_published and a.date_published != b.date_published
        a_later = a.date_published > b.date_published if dated else order[a.source_id] > order[b.source_id]
        later, other = (a, b) if a_later else (b, a)
        out.append(Problem(tables["sources"].path, _row(ds, "sources", later), "original_publisher",
                           later.original_publisher or "",
                           f"shares {shared.length} words with {other.source_id} ({other.outlet}) but names a "
                           "different original: set original_publisher, or explain the pair in shared_text.csv"))
    return out
