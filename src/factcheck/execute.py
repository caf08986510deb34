"""Re-execute exactly the notebooks whose inputs changed, and prove the rest are current.

A notebook's inputs are its own cells, every data file and every ``factcheck`` module it read (logged
by :mod:`factcheck.data` while it ran, so editing the ClaimReview code re-runs no notebook), and the
lock file that pins the environment. Their content hashes are stored beside the
notebook in ``<name>.inputs.json`` after each execution. Stored outputs are therefore current exactly
when the recorded hashes equal today's, which ``factcheck execute --check`` asserts in CI. Execution
writes only outputs: a notebook whose cell fails is left untouched on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .data import INPUTS_LOG_ENV

MANIFEST_SUFFIX = ".inputs.json"
ENVIRONMENT_FILES = ("requirements.lock",)
PACKAGE_GLOB = "src/factcheck/**/*.py"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cells_hash(nb: dict) -> str:
    """Only what a fact-checker writes (cell types and sources), never the outputs."""
    cells = [(c["cell_type"], _text(c["source"])) for c in nb["cells"]]
    return _sha(json.dumps(cells, ensure_ascii=False).encode())


def _text(source: str | list[str]) -> str:
    return source if isinstance(source, str) else "".join(source)


def _read_json(notebook: Path) -> dict:
    """Plain JSON: checking freshness must stay cheap, so no nbformat validation here."""
    return json.loads(notebook.read_text(encoding="utf-8"))


def environment_hash(root: Path) -> str:
    files = [root / name for name in ENVIRONMENT_FILES if (root / name).is_file()]
    h = hashlib.sha256()
    for p in files:
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def manifest_path(notebook: Path) -> Path:
    return notebook.with_name(notebook.stem + MANIFEST_SUFFIX)


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
    nb = _read_json(notebook)
    if manifest.get("cells") != cells_hash(nb):
        return Status(notebook, True, "its cells changed")
    if manifest.get("environment") != (environment or environment_hash(root)):
        return Status(notebook, True, "requirements.lock changed")
    for rel, digest in manifest.get("files", {}).items():
        path = root / rel
        if not path.is_file():
            return Status(notebook, True, f"{rel} is gone")
        if _sha(path.read_bytes()) != digest:
            return Status(notebook, True, f"{rel} changed")
    if any(c["cell_type"] == "code" and _text(c["source"]).strip() and c.get("execution_count") is None
           for c in nb["cells"]):
        return Status(notebook, True, "a code cell has no stored execution")
    return Status(notebook, False, "current")


def toc_notebooks(root: Path) -> list[Path]:
    """Notebooks the book publishes, in _toc.yml order."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    found: list[Path] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("root", "file"):
                if key in node:
                    candidate = root / f"{node[key]}.ipynb"
                    if candidate.is_file():
                        found.append(candidate)
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return found


def execute_notebook(root: Path, notebook: Path, timeout: int = 300) -> Path:
    """Run one notebook in its own folder; on success write outputs and the inputs manifest."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    with tempfile.NamedTemporaryFile("r", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    old = os.environ.get(INPUTS_LOG_ENV)
    os.environ[INPUTS_LOG_ENV] = str(log_path)
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(notebook.parent)}})
        # The kernel's own stderr only carries start-up chatter; cell errors arrive through the client.
        client.execute(stderr=subprocess.DEVNULL)
    finally:
        if old is None:
            os.environ.pop(INPUTS_LOG_ENV, None)
        else:
            os.environ[INPUTS_LOG_ENV] = old
        read = sorted(set(log_path.read_text(encoding="utf-8").split()))
        log_path.unlink()
    _sanitize(nb)
    package = [p.as_posix() for p in root.glob(PACKAGE_GLOB)]
    if not any(name.startswith(str(root / "src" / "factcheck")) for name in read):
        read += package  # the kernel did not report its imports: depend on the whole package, to be safe
    files = {}
    for name in read:
        path = Path(name)
        try:
            rel = path.relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
        files[rel] = _sha(path.read_bytes())
    _atomic_write(notebook, nbformat.writes(nb) + "\n")
    manifest = {"cells": cells_hash(nb), "environment": environment_hash(root), "files": files}
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
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _run(args: tuple[str, str]) -> str:
    root, notebook = map(Path, args)
    execute_notebook(root, notebook)
    return notebook.relative_to(root).as_posix()


def execute_stale(root: Path, notebooks: Iterable[Path] | None = None, force: bool = False, jobs: int = 2
                  ) -> list[Status]:
    """Execute every stale notebook (all of them with ``force``), ``jobs`` kernels at a time."""
    notebooks = list(notebooks) if notebooks is not None else toc_notebooks(root)
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
