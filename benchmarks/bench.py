"""Benchmark of the test command and the edit loop against the naive Jupyter Book pipeline, side by side.

Run on demand (`make bench`, or `python benchmarks/bench.py --runs 3 --full-test`); it is not a pass/fail
test. It prints medians over several runs, measured in one run on the same machine, and the ratios:

1. the full test command (`make test`: every check, browser, copies, offline) against the naive pipeline
   most Jupyter Book projects run (serial nbval over book/, then a forced cold strict build);
2. the test command's notebook checks (freshness + strict build + nbval on two workers) against the same;
3. the book command with nothing changed against a Sphinx rebuild that executes nothing;
4. how many notebooks a one-row evidence edit re-executes: with whole-file dependencies (every notebook
   that read evidence.csv) and with the row-scoped dependencies of claim pages;
5. the book command after a French word is fixed in the catalog against the book command with nothing changed;
   the book command after one exchange-rate edit against the execution of the notebooks it re-runs plus
   1.2 times the no-op rebuild; each notebook against the floor (a kernel start plus imports);
6. the size of the lock file, now and at the previous landing;
7. building both editions (English, and French under fr/) against building the English alone, each from an
   empty _build with every notebook current: wall-clock time and CPU time;
8. the book command's environment step on a fresh clone (`make env`: uv from pip, then `uv pip sync
   --require-hashes`) against a plain `python3 -m venv` + `pip install --require-hashes -r requirements.lock`,
   both into a new venv from empty caches (`--only-env` times this alone).

Everything runs in copies under benchmarks/_work/ (git-ignored); `--double` adds a synthetic copy with
every page doubled.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
BIN = Path(sys.executable).parent
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "-q", "book"]
FLOOR_NB = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                       "source": "import pandas, matplotlib"}],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "nbformat": 4, "nbformat_minor": 4}
RUN_NB = ("import sys, nbformat; from nbclient import NotebookClient; import subprocess;"
          "nb = nbformat.read(sys.argv[1], as_version=4);"
          "NotebookClient(nb, kernel_name='python3', resources={'metadata': {'path': sys.argv[2]}})"
          ".execute(stderr=subprocess.DEVNULL)")


def sh(args: list[str], cwd: Path, check: bool = True, env: dict | None = None) -> float:
    start = time.perf_counter()
    out = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                         env=env or {"PATH": f"{BIN}:/usr/bin:/bin:/usr/sbin:/sbin", "HOME": "/root",
                                     "PYTHONPATH": str(cwd / "src")})
    elapsed = time.perf_counter() - start
    if check and out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed in {cwd}:\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return elapsed


def median(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def cold_build(copy: Path, *editions: str) -> tuple[float, float]:
    """(wall, CPU) seconds of the book command from an empty _build, the notebooks being current."""
    shutil.rmtree(copy / "_build", ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = sh([str(BIN / "factcheck"), "book", *(f"--edition={e}" for e in editions)], copy)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def editions_cost(copy: Path, runs: int) -> dict:
    """Both editions against the English alone, alternated run by run so that both see the same machine."""
    english, both = [], []
    for _ in range(runs):
        english.append(cold_build(copy, "en"))
        both.append(cold_build(copy))
    return {"en_wall": statistics.median(w for w, _ in english), "en_cpu": statistics.median(c for _, c in english),
            "both_wall": statistics.median(w for w, _ in both), "both_cpu": statistics.median(c for _, c in both)}


def environment_step(runs: int) -> dict:
    """The book command's environment step on a fresh clone against the plain pip install of the same lock.

    Each into a new venv with empty caches, as on a new machine: uv's and pip's caches in an empty temporary
    directory, and no pip configuration (this machine's adds local indexes; its CA bundle is kept).
    uv: `make env`, where pip installs uv from requirements-bootstrap.lock, then uv syncs the venv to
    requirements.lock and installs the editable factcheck (uv does not byte-compile: Python does it on first
    import). pip: `python3 -m venv`, then `pip install --require-hashes -r requirements.lock` (not even the
    editable package). Alternated run by run, so that both see the same network."""
    copy = make_copy("env", False)
    python = str(Path(sys.base_prefix) / "bin" / "python3")
    scratch, venv = WORK / "env-caches", copy / ".venv"
    times: dict[str, list[float]] = {"uv": [], "pip": []}
    # the machine's network settings (proxy, CA bundle: PIP_CERT too), but none of pip's or uv's other settings
    machine = {k: v for k, v in os.environ.items()
               if not k.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "PYTHON", "MAKE", "MFLAGS")) or k == "PIP_CERT"}
    for _ in range(runs):
        for tool in times:
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.rmtree(venv, ignore_errors=True)
            scratch.mkdir()
            env = {**machine, "PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "HOME": str(scratch),
                   "PIP_CONFIG_FILE": os.devnull, "PIP_CACHE_DIR": str(scratch / "pip"),
                   "UV_CACHE_DIR": str(scratch / "uv")}
            if tool == "uv":
                times[tool].append(sh(["make", "--no-print-directory", "env", f"PYTHON={python}"], copy, env=env))
            else:
                times[tool].append(sh([python, "-m", "venv", str(venv)], copy, env=env) + sh(
                    [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                     "--require-hashes", "-r", "requirements.lock"], copy, env=env))
    shutil.rmtree(scratch, ignore_errors=True)
    packages = sum(bool(re.match(r"^[A-Za-z0-9_.-]+==", line))
                   for line in (copy / "requirements.lock").read_text(encoding="utf-8").splitlines())
    return {"packages": packages, "uv": statistics.median(times["uv"]), "pip": statistics.median(times["pip"]),
            "runs": times}


def report_environment(r: dict) -> None:
    print(f"\n== environment step on a fresh clone: new venv, empty caches, {r['packages']} packages "
          "(medians, seconds)")
    print(f"python3 -m venv + pip install --require-hashes -r requirements.lock: {r['pip']:.1f}")
    print(f"make env (pip installs uv, uv pip sync --require-hashes, editable factcheck): {r['uv']:.1f}  "
          f"ratio {r['uv'] / r['pip']:.2f} (target <= 0.40)")


def make_copy(name: str, double: bool) -> Path:
    dest = WORK / name
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(".venv", ".git", "_build", "benchmarks", "__pycache__",
                                                              "*.egg-info", ".hypothesis"), symlinks=True)
    if double:
        toc_path = dest / "_toc.yml"
        toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
        for part in toc["parts"]:
            extra = []
            for chapter in part["chapters"]:
                src = dest / f"{chapter['file']}.ipynb"
                if src.is_file():
                    copy = src.with_name(src.stem + "-copy.ipynb")
                    nb = json.loads(src.read_text(encoding="utf-8"))
                    for cell in nb["cells"]:  # a label may be defined once per book
                        if cell["cell_type"] == "markdown":
                            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                            cell["source"] = re.sub(r"^\([\w-]+\)=\n", "", text, flags=re.MULTILINE)
                    copy.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
                    shutil.copy(src.with_name(src.stem + ".inputs.json"), copy.with_name(copy.stem + ".inputs.json"))
                    extra.append({"file": f"{chapter['file']}-copy"})
            part["chapters"] += extra
        toc_path.write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    return dest


def naive_pipeline(copy: Path) -> float:
    config = yaml.safe_load((copy / "_config.yml").read_text(encoding="utf-8"))
    config["execute"]["execute_notebooks"] = "force"
    (copy / "_config_naive.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.rmtree(copy / "_build", ignore_errors=True)
    t = sh([str(BIN / "python"), "-m", "pytest", "-p", "no:xdist", *NBVAL], copy)
    return t + sh([str(BIN / "jupyter-book"), "build", ".", "--config", "_config_naive.yml"], copy)


def our_notebook_checks(copy: Path) -> float:
    t = sh([str(BIN / "factcheck"), "book", "--check"], copy)
    return t + sh([str(BIN / "python"), "-m", "pytest", "-n", "2", "--dist", "loadfile", *NBVAL], copy)


def edit_fx(copy: Path, n: int) -> None:
    path = copy / "data" / "fx_rates.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("not a close", f"not a close (edit {n})", 1) if "(edit" not in lines[1] else \
        lines[1].replace(f"(edit {n - 1})", f"(edit {n})")
    path.write_text("".join(lines), encoding="utf-8")


def readers_of(copy: Path, rel: str) -> list[Path]:
    return sorted(m.with_name(m.name.replace(".inputs.json", ".ipynb")) for m in (copy / "book").rglob("*.inputs.json")
                  if rel in json.loads(m.read_text(encoding="utf-8"))["files"])


def one_row_edit(copy: Path) -> tuple[int, int]:
    """(notebooks that read evidence.csv at all, notebooks stale after editing one row shown on one page)."""
    sys.path.insert(0, str(copy / "src"))
    from factcheck.data import Dataset
    from factcheck.pipeline.scope import rows_behind

    dataset = Dataset(copy / "data")
    shown_on: dict[str, set[str]] = {}
    for page in {p.page for p in dataset.passages}:
        for (evidence_id,) in rows_behind(dataset, page)["data/evidence.csv"]:
            shown_on.setdefault(evidence_id, set()).add(page)
    readers = readers_of(copy, "data/evidence.csv")
    path = copy / "data" / "evidence.csv"
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    exact = {line.split(",", 1)[0] for line in lines if ",exact," in line}  # an editor turns a figure's qualifier
    row = min((e for e in shown_on if e in exact), key=lambda e: (len(shown_on[e]), e))  # (a computed column)
    index = next(i for i, line in enumerate(lines) if line.startswith(row + ","))
    lines[index] = lines[index].replace(",exact,", ",about,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    out = subprocess.run([str(BIN / "factcheck"), "execute", "--check"], cwd=copy, capture_output=True, text=True,
                         env={"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONPATH": str(copy / "src")})
    path.write_text(original, encoding="utf-8")
    return len(readers), sum("stored outputs are stale" in line for line in out.stderr.splitlines())


def french_fix(copy: Path) -> float:
    """The book command after a translator fixes one French word of a message every claim page shows (then the
    same fix undone, untimed, so that each run makes a change)."""
    path = copy / "locales" / "fr" / "LC_MESSAGES" / "factcheck.po"
    original = path.read_text(encoding="utf-8")
    fixed = original.replace('msgstr "Les sources décisives : {outlets}"', 'msgstr "Les sources qui tranchent : {outlets}"')
    assert fixed != original, "the benchmark's French message is gone: pick another"
    path.write_text(fixed, encoding="utf-8")
    t = sh([str(BIN / "factcheck"), "book"], copy)
    path.write_text(original, encoding="utf-8")
    sh([str(BIN / "factcheck"), "book"], copy)
    return t


def lock_sizes() -> tuple[int, int]:
    def count(text: str) -> int:
        return sum(bool(re.match(r"^[A-Za-z0-9_.-]+==", line)) for line in text.splitlines())

    before = subprocess.run(["git", "show", f"{PREVIOUS_LANDING}:requirements.lock"], cwd=ROOT, capture_output=True,
                            text=True).stdout
    return count(before), count((ROOT / "requirements.lock").read_text(encoding="utf-8"))


PREVIOUS_LANDING = "efc65e1"  # the lock as it stood before it was compiled with hashes


def measure(name: str, double: bool, runs: int, full_test: bool) -> dict:
    copy = make_copy(name, double)
    sh([str(BIN / "factcheck"), "execute"], copy)  # copies of pages need their own manifests
    notebooks = sorted((copy / "book").rglob("*.ipynb"))
    r: dict = {"notebooks": len(notebooks)}
    r["naive"] = median(lambda: naive_pipeline(copy), runs)
    shutil.rmtree(copy / "_build", ignore_errors=True)
    r["ours_checks"] = median(lambda: our_notebook_checks(copy), runs)
    if full_test:
        r["full_test"] = median(lambda: sh(["make", "--no-print-directory", "-o", f"{BIN.parent}/.installed",
                                            "-o", "node_modules/axe-core/axe.min.js", "test", f"VENV={BIN.parent}"],
                                           copy), runs)
    r["readers_of_evidence"], r["stale_after_one_row"] = one_row_edit(copy)
    r.update(editions_cost(copy, runs))
    jb = [str(BIN / "jupyter-book"), "build", ".", "--builder", "html", "-n", "-W", "--keep-going"]
    sh(jb, copy)
    r["sphinx_noop"] = median(lambda: sh(jb, copy), runs)
    r["book_noop"] = median(lambda: sh([str(BIN / "factcheck"), "book", "--edition=en"], copy), runs)
    r["book_noop_both"] = median(lambda: sh([str(BIN / "factcheck"), "book"], copy), runs)
    readers = readers_of(copy, "data/fx_rates.csv")
    r["readers"] = [p.relative_to(copy).as_posix() for p in readers]
    edits, execs = [], []
    for n in range(1, runs + 1):
        edit_fx(copy, n)
        edits.append(sh([str(BIN / "factcheck"), "book"], copy))
        execs.append(sh([str(BIN / "factcheck"), "execute", "--force", *map(str, readers)], copy))
    r["book_after_edit"], r["exec_readers"] = statistics.median(edits), statistics.median(execs)
    r["book_after_french_fix"] = median(lambda: french_fix(copy), runs)
    floor = WORK / "floor.ipynb"
    floor.write_text(json.dumps(FLOOR_NB), encoding="utf-8")
    run_nb = lambda nb: sh([str(BIN / "python"), "-c", RUN_NB, str(nb), str(nb.parent)], copy)
    r["floor"] = median(lambda: run_nb(floor), runs)
    r["per_notebook"] = {p.relative_to(copy).as_posix(): median(lambda: run_nb(p), runs) for p in notebooks
                         if not p.stem.endswith("-copy")}
    return r


def report(name: str, r: dict) -> None:
    print(f"\n== {name}: {r['notebooks']} notebooks (medians, seconds)")
    print(f"naive pipeline (serial nbval + forced cold build): {r['naive']:.2f}")
    print(f"our notebook checks (freshness + strict build + nbval -n 2): {r['ours_checks']:.2f}"
          f"  ratio {r['ours_checks'] / r['naive']:.2f}")
    if "full_test" in r:
        print(f"full test command (make test): {r['full_test']:.2f}  ratio {r['full_test'] / r['naive']:.2f} "
              "(target <= 0.80)")
    print(f"one-row evidence edit: {r['readers_of_evidence']} notebooks read evidence.csv (whole-file rule); "
          f"{r['stale_after_one_row']} are stale with row-scoped pages, each executed once for both editions")
    print(f"both editions from an empty _build: {r['both_wall']:.2f} s wall, {r['both_cpu']:.2f} s CPU; English alone: "
          f"{r['en_wall']:.2f} s wall, {r['en_cpu']:.2f} s CPU  ratio {r['both_wall'] / r['en_wall']:.2f} wall "
          f"(target <= 1.60), {r['both_cpu'] / r['en_cpu']:.2f} CPU")
    print(f"Sphinx rebuild executing nothing: {r['sphinx_noop']:.2f}; book command, nothing changed: "
          f"{r['book_noop']:.2f}  ratio {r['book_noop'] / r['sphinx_noop']:.2f} (target <= 1.20); "
          f"both editions, nothing changed: {r['book_noop_both']:.2f}")
    budget = r["exec_readers"] + 1.2 * r["sphinx_noop"]
    print(f"one fx rate edited: re-runs {', '.join(r['readers'])}; book command {r['book_after_edit']:.2f} against "
          f"their execution {r['exec_readers']:.2f} + 1.2 x no-op = {budget:.2f}  ratio {r['book_after_edit'] / budget:.2f}"
          " (target <= 1.00)")
    print(f"a French word fixed in the catalog: book command {r['book_after_french_fix']:.2f} against both editions with "
          f"nothing changed {r['book_noop_both']:.2f}  ratio {r['book_after_french_fix'] / r['book_noop_both']:.2f} "
          "(target <= 1.50)")
    print(f"floor (kernel start + import pandas, matplotlib): {r['floor']:.2f}")
    for nb, t in r["per_notebook"].items():
        print(f"  {nb:<40} {t:.2f}  x{t / r['floor']:.2f} of the floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full-test", action="store_true", help="also time the whole test command once")
    parser.add_argument("--double", action="store_true", help="also measure a synthetic copy with every page doubled")
    parser.add_argument("--only-env", action="store_true", help="only time the environment step (uv against pip)")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.only_env:
        environment = environment_step(args.runs)
        report_environment(environment)
        (WORK / "results.json").write_text(json.dumps({"environment": environment}, indent=1), encoding="utf-8")
        return
    results = {"book": measure("book", False, args.runs, args.full_test)}
    report("book", results["book"])
    before, now = lock_sizes()
    print(f"\nlock: {before} pinned packages at the previous landing, {now} now (with hashes)")
    if args.double:
        results["doubled"] = measure("doubled", True, args.runs, False)
        report("doubled", results["doubled"])
    if "doubled" in results:
        a, b = results["book"], results["doubled"]
        print("\n== growth when the notebooks double")
        for key in ("naive", "ours_checks", "sphinx_noop", "book_noop", "book_after_edit"):
            print(f"{key:<16} {a[key]:.2f} -> {b[key]:.2f}  x{b[key] / a[key]:.2f}")
    results["environment"] = environment_step(args.runs)
    report_environment(results["environment"])
    (WORK / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
