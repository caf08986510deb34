"""``factcheck``: validate the data, list the verdicts, execute stale notebooks, scaffold a claim."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import DataError


def _data_dir(arg: str | None) -> Path:
    from .data import find_data_dir

    return Path(arg).resolve() if arg else find_data_dir()


def cmd_validate(args: argparse.Namespace) -> int:
    from .pipeline.run import validate

    data_dir = _data_dir(args.data)
    outcome = validate(data_dir.parent)
    for line in outcome.lines:
        print(line, file=sys.stderr)
    if outcome.ok:
        print(f"factcheck validate: {data_dir}, the notebooks and the French catalogs are valid")
    return 0 if outcome.ok else 1


def cmd_verdicts(args: argparse.Namespace) -> int:
    """The article-level verdicts, each sentence followed by its parts: what an editor signs off."""
    from .claimreview import verdict_records, verdicts_csv
    from .data import Dataset
    from .ratings import all_passage_verdicts

    dataset = Dataset(_data_dir(args.data))
    records = verdict_records(all_passage_verdicts(dataset), dataset, args.base_url)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        sys.stdout.write(verdicts_csv(records))
    else:
        verdict = "verdict_fr" if args.lang == "fr" else "verdict"  # what the French edition will show
        for r in records:
            print(f"{r['passage_id']}  {r[verdict]}  {r['conclusion_' + args.lang]}")
            for part in r["parts"]:
                print(f"    {part['claim_id']:<24} {part['role']:<6} {part[verdict]:<12} "
                      f"({part['outcome']}) {part['conclusion_' + args.lang]}")
    return 0


def cmd_verify_quotes(args: argparse.Namespace) -> int:
    from .data import Dataset
    from .verify import verify_quotes

    reports = verify_quotes(Dataset(_data_dir(args.data)), source_ids=args.source or None)
    bad = [r for r in reports if r.status != "found"]
    for r in bad:
        print(f"{r.status}: {r.evidence.evidence_id} ({r.source.url}){': ' + r.detail if r.detail else ''}",
              file=sys.stderr)
    print(f"factcheck verify-quotes: {len(reports) - len(bad)} of {len(reports)} quotes found on the live pages")
    return 1 if bad else 0


def cmd_execute(args: argparse.Namespace) -> int:
    from .pipeline.run import bring_up_to_date

    root = Path(args.root).resolve()
    notebooks = [Path(n).resolve() for n in args.notebooks] or None
    outcome = bring_up_to_date(root, args.check, args.jobs, notebooks, force=args.force)
    for line in outcome.lines:
        print(line, file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


def cmd_book(args: argparse.Namespace) -> int:
    """Validate, bring stale notebooks up to date (or, with --check, fail on them), build strictly."""
    from .pipeline.run import book

    return book(Path(args.root).resolve(), check=args.check, jobs=args.jobs, languages=tuple(args.edition or ("en", "fr")))


def cmd_translations(args: argparse.Namespace) -> int:
    """Bring the French catalogs in step with the English: new messages get empty entries, edited ones turn
    fuzzy; then list what is left to translate."""
    from .pipeline.catalogs import problems, update

    root = Path(args.root).resolve()
    for path in update(root):
        print(f"updated {path.relative_to(root)}")
    left = problems(root)
    for p in left:
        print(str(p)[3:], file=sys.stderr)
    print(f"factcheck translations: {len(left)} entr{'y' if len(left) == 1 else 'ies'} to translate"
          if left else "factcheck translations: every French entry is current")
    return 0


def cmd_new_claim(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_claim

    try:
        created = new_claim(Path(args.root).resolve(), args.id)
    except ScaffoldError as exc:
        print(f"factcheck new-claim: {exc}", file=sys.stderr)
        return 1
    for path in created:
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check every table against datapackage.json and the project's rules")
    p.add_argument("--data", help="data folder (default: the nearest data/ above the working directory)")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("verdicts", help="list every claim with its computed rating and conclusion")
    p.add_argument("--data")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--base-url", default="", help="prefix for page URLs in the output")
    p.add_argument("--lang", choices=("en", "fr"), default="en",
                   help="the table's ratings and reasons in this edition's language (json and csv carry both)")
    p.set_defaults(func=cmd_verdicts)
    p = sub.add_parser("verify-quotes", help="fetch every source URL and report quotes no longer on the page "
                                             "(needs a network)")
    p.add_argument("--data")
    p.add_argument("--source", action="append", help="only this source_id (repeatable)")
    p.set_defaults(func=cmd_verify_quotes)
    p = sub.add_parser("execute", help="re-execute notebooks whose inputs changed (or check that none did)")
    p.add_argument("notebooks", nargs="*", help="default: every notebook in _toc.yml")
    p.add_argument("--root", default=".")
    p.add_argument("--check", action="store_true", help="execute nothing; fail if any stored output is stale")
    p.add_argument("--force", action="store_true", help="execute even current notebooks")
    p.add_argument("--jobs", type=int, default=2)
    p.set_defaults(func=cmd_execute)
    p = sub.add_parser("book", help="validate, execute stale notebooks, build _build/html strictly")
    p.add_argument("--root", default=".")
    p.add_argument("--check", action="store_true", help="execute nothing; fail if any stored output is stale")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--edition", action="append", choices=("en", "fr"),
                   help="build only this edition (repeatable; default: both, the French under _build/html/fr)")
    p.set_defaults(func=cmd_book)
    p = sub.add_parser("translations", help="bring the French catalogs (locales/fr) in step with the English, and "
                                             "list the entries to translate")
    p.add_argument("--root", default=".")
    p.set_defaults(func=cmd_translations)
    p = sub.add_parser("new-claim", help="scaffold book/claims/ID.ipynb from the template and list it in _toc.yml")
    p.add_argument("id", help="page id: lowercase letters, digits, - and _")
    p.add_argument("--root", default=".")
    p.set_defaults(func=cmd_new_claim)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(f"factcheck: data/ is invalid; run `factcheck validate`:\n{exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
