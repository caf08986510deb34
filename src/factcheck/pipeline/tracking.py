"""What a notebook read: every file under the project that its kernel opened, recorded by an audit hook.

The executor starts each kernel with :func:`install` (IPython's ``exec_lines``), so whatever a cell does
(``factcheck``, ``pd.read_csv("../data/events.csv")``, a helper module imported from ``explore/``), every file
it opens under the project root is logged. Nothing in the fact-check itself knows this happens.
"""

from __future__ import annotations

import os
import sys

DATA_LAYER = (os.sep + os.path.join("factcheck", "data.py"), os.sep + os.path.join("factcheck", "schema.py"))

# Paths under the project that are never inputs of a page: tooling, caches, build output, history.
IGNORED_PARTS = {".venv", "_build", ".git", "node_modules", "__pycache__", ".ipynb_checkpoints", ".hypothesis"}


def install(log_path: str, root: str) -> None:
    """Log, once each, the real path of every project file the process opens for reading."""
    root = os.path.realpath(root) + os.sep
    prefix = os.path.realpath(sys.prefix) + os.sep
    seen: set[tuple[str, str]] = set()
    log = open(log_path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (open for the kernel's lifetime)

    def hook(event: str, args: tuple) -> None:
        if event != "open" or not args or not isinstance(args[0], (str, os.PathLike)):
            return
        mode = args[1] if len(args) > 1 and isinstance(args[1], str) else "r"
        if any(flag in mode for flag in "wax+"):
            return  # a file a cell writes is an output, not an input
        path = os.path.realpath(os.fspath(args[0]))
        if not path.startswith(root) or path.startswith(prefix) or path == log.name:
            return
        if IGNORED_PARTS.intersection(path[len(root):].split(os.sep)) or path.endswith(".pyc"):
            return
        how = "data-layer" if _called_from_data_layer() else "direct"
        if (path, how) not in seen:
            seen.add((path, how))
            log.write(f"{how}\t{path}\n")

    sys.addaudithook(hook)


def _called_from_data_layer(depth: int = 12) -> bool:
    """Was this file opened by factcheck's data layer (rows it hands out are known), or by a cell directly?"""
    frame = sys._getframe(2)
    for _ in range(depth):
        if frame is None:
            return False
        if frame.f_code.co_filename.endswith(DATA_LAYER):
            return True
        frame = frame.f_back
    return False


def kernel_arguments(log_path: str, root: str) -> list[str]:
    """The kernel command-line option that installs the hook before the first cell runs."""
    code = f"import factcheck.pipeline.tracking as _t; _t.install({log_path!r}, {root!r}); del _t"
    return [f"--IPKernelApp.exec_lines={code}"]
