"""The book command: validate → bring stale notebooks up to date (or, checking, refuse them) → build strictly.

One process for the three steps, so a no-op rebuild pays start-up once. Each edition is built through Jupyter
Book's own Sphinx entry point with the flags CI uses (``-n -W --keep-going``); the two run side by side.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from . import execute


@dataclass(frozen=True)
class Outcome:
    ok: bool
    lines: tuple[str, ...]  # what to tell the fact-checker, one line each


def validate(root: Path, catalogs: bool = True) -> Outcome:
    """The data's rules, the notebooks against the data, and (``catalogs``) the French catalogs against the
    English they translate."""
    from ..data import Dataset
    from ..validate import validate as rules
    from . import catalogs as translations
    from . import notebooks

    problems = rules(root / "data")
    # Nothing is built from invalid data; a data folder on its own (a copy to check) has no book or catalogs.
    if not problems and (root / "book").is_dir():
        problems += notebooks.problems(Dataset(root / "data"))
    if not problems and catalogs and (root / translations.MAPPING).is_file():
        problems += translations.problems(root)
    # Problems name files relative to data/; a notebook's or a catalog's is "../...", shown from the project root.
    lines = tuple(str(p)[3:] if p.file.startswith("../") else f"data/{p}" for p in problems)
    if problems:
        lines += (f"factcheck validate: {len(problems)} problem(s); no file was changed",)
    return Outcome(not problems, lines)


def bring_up_to_date(root: Path, check: bool, jobs: int, notebooks: list[Path] | None = None,
                     force: bool = False) -> Outcome:
    """With ``check``: fail on any stale notebook. Otherwise: execute exactly the stale ones."""
    if check:
        stale = execute.stale(root, notebooks)
        return Outcome(not stale, tuple(f"{s.notebook.relative_to(root)}: stored outputs are stale ({s.reason}); "
                                        "run `make execute`" for s in stale))
    from nbclient.exceptions import CellExecutionError

    try:
        done = execute.execute_stale(root, notebooks, force=force, jobs=jobs)
    except CellExecutionError as exc:
        return Outcome(False, (f"factcheck execute: a cell failed; the notebook on disk is unchanged.\n{exc}",))
    lines = tuple(f"executed {s.notebook.relative_to(root)} ({s.reason})" for s in done)
    return Outcome(True, lines or ("factcheck execute: every notebook is current",))


def build_edition(root: Path, lang: str, builder: str = "html") -> int:
    """One edition, strictly (``-n -W --keep-going``, as Jupyter Book's own command line builds it); with the
    gettext builder, the page templates the catalogs are kept in step with (``_build/gettext``)."""
    from jupyter_book.sphinx import build_sphinx

    from . import editions

    html, doctrees = editions.output_dirs(root, lang)
    if builder == "gettext":
        html, doctrees = root / "_build" / "gettext", root / "_build" / ".doctrees-gettext"
    result = build_sphinx(root, html, use_external_toc=True, noconfig=True, path_config=root / "_config.yml",
                          confoverrides=editions.overrides(root, lang), doctreedir=doctrees, builder=builder,
                          warningiserror=True, keep_going=True, quiet=builder == "gettext")
    if isinstance(result, Exception):
        print(f"factcheck book: the {lang} edition failed: {result}", file=sys.stderr)
        return 1
    return int(result or 0)


def build_html(root: Path, languages: tuple[str, ...] = ("en", "fr")) -> int:
    """Both editions side by side, one process each (forked after the imports, which they share): the
    English into ``_build/html``, the French into ``_build/html/fr``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import jupyter_book.sphinx  # noqa: F401  (imported once, before the fork)

    if len(languages) == 1:
        return build_edition(root, languages[0])
    with ProcessPoolExecutor(len(languages), mp_context=multiprocessing.get_context("fork")) as pool:
        codes = list(pool.map(build_edition, [root] * len(languages), languages))
    return max(codes)


def book(root: Path, check: bool = False, jobs: int = 2, languages: tuple[str, ...] = ("en", "fr")) -> int:
    """Validate, bring the notebooks up to date, build; then list the files a fact-checker has to commit."""
    before = _changed(root)
    for step in (lambda: validate(root), lambda: bring_up_to_date(root, check, jobs)):
        outcome = step()
        for line in outcome.lines:
            print(line, file=sys.stdout if outcome.ok else sys.stderr)
        if not outcome.ok:
            return 1
    code = build_html(root, languages)
    written = sorted({path for path, _ in _changed(root) - before})
    if written:
        print("factcheck book: commit these files with your edit:\n" + "\n".join(f"  {p}" for p in written))
    return code


def _changed(root: Path) -> set[tuple[str, str]]:
    """Each notebook and manifest of the book with a digest of its content: what execution may rewrite."""
    import hashlib

    return {(p.relative_to(root).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
            for pattern in ("*.ipynb", f"*{execute.MANIFEST_SUFFIX}") for p in (root / "book").rglob(pattern)}
