"""Re-execute exactly the notebooks whose inputs changed, and prove the rest are current.

A notebook's inputs are its own cells, every file under the project its kernel opened (recorded by the
audit hook of :mod:`factcheck.pipeline.tracking`: data read with ``factcheck`` or with pandas, modules
imported from ``src/`` or ``explore/``), and the lock file that pins the environment. Their hashes are
stored beside the notebook in ``<name>.inputs.json``; outputs are current exactly when they still match.

A claim page computes from its own rows only. When its kernel read a data table only through
``factcheck.data`` (never with pandas or ``open()`` directly), its manifest records a digest of the rows the page
rests on, without their words (:mod:`factcheck.pipeline.scope`), instead of the whole file, so a one-row
evidence edit re-executes only the pages that compute from that row, and a fix to a word re-executes nothing.
Execution writes only outputs, and only files whose content changed: a failing notebook is left untouched.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import toc, tracking

MANIFEST_SUFFIX = ".inputs.json"
ENVIRONMENT_FILES = ("requirements.lock",)
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cells_hash(nb: dict) -> str:
    """Only what a fact-checker writes (cell types and sources), never the outputs."""
    cells = [(c["cell_type"], _text(c["source"])) for c in nb["cells"]]
    return _sha(json.dumps(cells, ensure_ascii=False).encode())


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def environment_hash(root: Path) -> str:
    h = hashlib.sha256()
    for name in ENVIRONMENT_FILES:
        if (root / name).is_file():
            h.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    return h.hexdigest()


def manifest_path(notebook: Path) -> Path:
    return notebook.with_name(notebook.stem + MANIFEST_SUFFIX)


# --- row-scoped dependencies -------------------------------------------------------------------------

def page_of(root: Path, notebook: Path) -> str | None:
    """``book/claims/amount.ipynb`` → ``claims/amount``: a claim page's id is its path under book/."""
    rel = notebook.resolve().relative_to((root / "book").resolve()).with_suffix("").as_posix()
    return rel if rel.startswith("claims/") else None


def row_scope(root: Path, page: str) -> dict[str, set[tuple[str, ...]]] | None:
    """The primary keys of every row the page rests on, by data file; None if the data cannot say."""
    from ..data import Dataset
    from .scope import rows_behind

    try:
        dataset = Dataset(root / "data")
        if not dataset.passages_on(page):
            return None
        return rows_behind(dataset, page)
    except Exception:  # invalid data: `validate` reports it; the page is simply stale
        return None


def rows_digest(path: Path, primary_key: tuple[str, ...], keys: set[tuple[str, ...]]) -> str:
    """The header and the rows with these keys, as written, without their words: an edit to any other row, or
    to a word, leaves it unchanged."""
    from .scope import is_words

    reader = csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""))
    header = next(reader)
    index = [header.index(k) for k in primary_key]
    computed = [i for i, column in enumerate(header) if not is_words(column)]
    kept = sorted([row[i] for i in computed] for row in reader if tuple(row[i] for i in index) in keys)
    return _sha(json.dumps([[header[i] for i in computed], kept], ensure_ascii=False).encode())


def _primary_keys(root: Path) -> dict[str, tuple[str, ...]]:
    from ..schema import load_descriptor

    return {f"data/{table.path}": table.primary_key for table in load_descriptor(root / "data").values() if table.primary_key}


def digests(root: Path, files: Mapping[str, str], scope: Mapping[str, set] | None) -> dict[str, dict]:
    """Per input file: a whole-file hash, or (for a table read only through factcheck) a digest of its rows."""
    keys = _primary_keys(root) if scope else {}
    out = {}
    for rel, how in sorted(files.items()):
        path = root / rel
        if scope is not None and how == "data-layer" and rel in keys and rel in scope:
            out[rel] = {"rows": rows_digest(path, keys[rel], scope[rel])}
        else:
            out[rel] = {"sha256": _sha(path.read_bytes())}
    return out


# --- freshness ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Status:
    notebook: Path
    stale: bool
    reason: str


def status(root: Path, notebook: Path, environment: str | None = None) -> Status:
    mpath = manifest_path(notebook)
    if not mpath.is_file():
        return Status(notebook, True, "never executed by `factcheck execute`")
    manifest = json.loads(mpath.read_text(encoding="utf-8"))
    nb = json.loads(notebook.read_text(encoding="utf-8"))  # plain JSON: checking freshness must stay cheap
    if manifest.get("cells") != cells_hash(nb):
        return Status(notebook, True, "its cells changed")
    if manifest.get("environment") != (environment or environment_hash(root)):
        return Status(notebook, True, "requirements.lock changed")
    recorded = manifest.get("files", {})
    scoped = {rel: d for rel, d in recorded.items() if "rows" in d}
    for rel, digest in recorded.items():
        if not (root / rel).is_file():
            return Status(notebook, True, f"{rel} is gone")
        if "sha256" in digest and _sha((root / rel).read_bytes()) != digest["sha256"]:
            return Status(notebook, True, f"{rel} changed")
    if scoped:
        page = page_of(root, notebook)
        scope = row_scope(root, page) if page else None
        keys = _primary_keys(root)
        if scope is None:
            return Status(notebook, True, "data/ cannot say which rows the page shows (run `factcheck validate`)")
        for rel, digest in scoped.items():
            if rel not in scope or rows_digest(root / rel, keys[rel], scope[rel]) != digest["rows"]:
                return Status(notebook, True, f"rows of {rel} that the page shows changed")
    if any(c["cell_type"] == "code" and _text(c["source"]).strip() and c.get("execution_count") is None
           for c in nb["cells"]):
        return Status(notebook, True, "a code cell has no stored execution")
    return Status(notebook, False, "current")


# --- execution ---------------------------------------------------------------------------------------

def _read_log(log_path: Path, root: Path) -> dict[str, str]:
    """Project-relative path → how it was read: "data-layer" only when every read came through factcheck."""
    files: dict[str, str] = {}
    root = root.resolve()
    for line in log_path.read_text(encoding="utf-8").splitlines():
        how, _, path = line.partition("\t")
        try:
            rel = Path(path).relative_to(root).as_posix()
        except ValueError:
            continue
        files[rel] = "data-layer" if how == "data-layer" and files.get(rel, "data-layer") == "data-layer" else "direct"
    return files


def execute_notebook(root: Path, notebook: Path, timeout: int = 300) -> Path:
    """Run one notebook in its own folder; on success write its outputs and its inputs manifest."""
    import nbformat
    from nbclient import NotebookClient

    with tempfile.NamedTemporaryFile("r", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    try:
        for attempt in (1, 2):
            nb = nbformat.read(notebook, as_version=4)
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                    extra_arguments=tracking.kernel_arguments(str(log_path), str(root.resolve())),
                                    resources={"metadata": {"path": str(notebook.parent)}})
            try:
                # The kernel's own stderr only carries start-up chatter; cell errors arrive through the client.
                client.execute(stderr=subprocess.DEVNULL)
                break
            except RuntimeError as exc:
                # A kernel that dies before it answers has run no cell (two kernels starting at once on a
                # loaded machine can race for a port): start it once more. A failing cell is not retried.
                if attempt == 2 or "before replying to kernel_info" not in str(exc):
                    raise
                log_path.write_text("", encoding="utf-8")
        files = _read_log(log_path, root)
    finally:
        log_path.unlink(missing_ok=True)
    _sanitize(nb)
    page = page_of(root, notebook)
    scope = row_scope(root, page) if page else None
    _atomic_write(notebook, nbformat.writes(nb) + "\n")
    manifest = {"cells": cells_hash(nb), "environment": environment_hash(root), "files": digests(root, files, scope)}
    _atomic_write(manifest_path(notebook), json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return notebook


def _sanitize(nb) -> None:
    """Drop what changes on every run (timings, addresses) so git only sees real changes."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = _ADDRESS.sub(" at 0x…", out["text"])
            for key, value in out.get("data", {}).items():
                if key.startswith("text/") and isinstance(value, str):
                    out["data"][key] = _ADDRESS.sub(" at 0x…", value)
    nb.metadata.pop("widgets", None)


def _atomic_write(path: Path, text: str) -> None:
    """Replace the file in one step, and only if its content changes (no churn in a fact-checker's diff)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _run(args: tuple[str, str]) -> str:
    root, notebook = map(Path, args)
    execute_notebook(root, notebook)
    return notebook.relative_to(root).as_posix()


def stale(root: Path, notebooks: Iterable[Path] | None = None) -> list[Status]:
    environment = environment_hash(root)
    return [s for s in (status(root, nb, environment) for nb in (notebooks or toc.notebooks(root))) if s.stale]


def execute_stale(root: Path, notebooks: Iterable[Path] | None = None, force: bool = False, jobs: int = 2
                  ) -> list[Status]:
    """Execute every stale notebook (all of them with ``force``), ``jobs`` kernels at a time."""
    notebooks = list(notebooks) if notebooks is not None else toc.notebooks(root)
    environment = environment_hash(root)
    todo = [s for s in (status(root, nb, environment) for nb in notebooks) if force or s.stale]
    if not todo:
        return []
    work = [(str(root), str(s.notebook)) for s in todo]
    if jobs <= 1 or len(work) == 1:
        for item in work:
            _run(item)
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            list(pool.map(_run, work))
    return todo
