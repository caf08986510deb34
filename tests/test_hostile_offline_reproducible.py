"""Hostile text renders as text; the suite and the book command run with no network; a clean build
reproduces the published HTML byte for byte."""

import json

import pytest
from bs4 import BeautifulSoup
from conftest import VENV, copy_project, run_in
from malformed.cases import set_cell

pytestmark = pytest.mark.slow

SCRIPT = "</script><script>alert('pwned')</script>"
IMG = '"><img src=x onerror=alert(1)>'
MYST = "{value}`n_claims` {eval-rst}`x` ```{danger} boom```"
HOSTILE_ARTICLE_LINE = f"\nIl a dit « {SCRIPT} {IMG} {MYST} ».\n"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """A copy whose data hold markup, script and MyST in every free-text field that reaches a page."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "proj", with_build=True)
    data = project / "data"
    with open(data / "article" / "article-fr.txt", "a", encoding="utf-8") as fh:
        fh.write(HOSTILE_ARTICLE_LINE)
    # The sentence on the "great negotiator" (its one part is a terms check, on the announcement page).
    set_cell("passages.csv", 6, "quote_fr", HOSTILE_ARTICLE_LINE.strip())(data)
    set_cell("passages.csv", 6, "quote_en", f"{SCRIPT} {IMG} {MYST}")(data)
    set_cell("passages.csv", 6, "claim_short_en", f"{SCRIPT} {IMG}"[:75])(data)
    set_cell("claims.csv", 12, "quote_fr", HOSTILE_ARTICLE_LINE.strip())(data)
    set_cell("claims.csv", 12, "claim_en", f"{SCRIPT} {IMG} {MYST}")(data)
    set_cell("claims.csv", 12, "claim_short_en", f"{SCRIPT} {IMG}"[:75])(data)
    set_cell("sources.csv", 1, "title", f"{IMG} {SCRIPT}")(data)
    set_cell("evidence.csv", 1, "note", f"{MYST} {SCRIPT}")(data)
    # Only the page under test is re-executed; the exports and JSON-LD come from the data at build time.
    for command in (("factcheck", "execute", "book/claims/announcement.ipynb"),
                    ("jupyter-book", "build", ".", "--builder", "html", "-n", "-W", "--keep-going")):
        out = run_in(project, *command)
        assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return project / "_build" / "html"


def test_hostile_text_renders_as_plain_text(hostile_build):
    page = (hostile_build / "book" / "claims" / "announcement.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.select('img[src="x"]'), "an <img> was injected"
    executable = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in executable if "pwned" in (s.string or "")], "a <script> was injected"
    text = soup.get_text()
    assert "alert('pwned')" in text and "onerror=alert(1)" in text and "{value}`n_claims`" in text


def test_hostile_text_cannot_break_the_json_ld(hostile_build):
    page = (hostile_build / "book" / "claims" / "announcement.html").read_text(encoding="utf-8")
    blocks = [json.loads(tag.string) for tag in
              BeautifulSoup(page, "html.parser").select('script[type="application/ld+json"]')]
    reviews = [r for b in blocks for r in (b if isinstance(b, list) else [b])]
    assert any(SCRIPT[:40] in r["claimReviewed"] for r in reviews)
    assert "</script><script>" not in page.split('application/ld+json">', 1)[1].split("</script>", 1)[0]


def test_hostile_text_reaches_the_exports_intact(hostile_build):
    records = json.loads((hostile_build / "exports" / "verdicts.json").read_text(encoding="utf-8"))
    assert any(SCRIPT in r["quote_en"] for r in records)
    assert any(SCRIPT in p["claim_en"] for r in records for p in r["parts"])


def test_the_suite_itself_runs_with_no_network():
    """`make test` runs pytest in a network namespace with only loopback (tests/offline.sh): every test in
    this run, the browser and JupyterLab ones included, passed with no network."""
    from pathlib import Path

    lines = Path("/proc/self/net/dev").read_text().splitlines()[2:]  # this process's network namespace
    assert sorted(line.split(":")[0].strip() for line in lines) == ["lo"], \
        "run the suite through `make test` (tests/offline.sh), which cuts the network"


def test_the_book_command_reexecutes_and_builds_with_no_network(tmp_path):
    project = copy_project(tmp_path / "proj", with_build=True)
    set_cell("fx_rates.csv", 1, "basis", "Edited offline, to force the notebooks that read it to re-run")(project / "data")
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(project / "src")}  # the copy's own code, as in run_in
    out = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "book", f"VENV={VENV}"],
                         cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "executed book/claims/assets.ipynb" in out.stdout


def test_jupyter_books_own_execution_gives_the_published_book_byte_for_byte(root, tmp_path):
    """``jupyter-book build .`` executing every notebook itself (``execute_notebooks: force``), in a clean copy,
    builds strictly and gives, byte for byte, the English HTML the test command built: no volatile parts, no
    duplicate outputs. (Where the test command's build was incremental, it differs only in the ``?v=`` checksum
    of myst-nb's stylesheet and keeps images no page uses any more; both are set aside here.)"""
    import re

    project = copy_project(tmp_path / "clean")
    config = project / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('execute_notebooks: "off"', "execute_notebooks: force"),
                      encoding="utf-8")
    out = run_in(project, "jupyter-book", "build", ".", "--builder", "html", "-n", "-W", "--keep-going")
    assert out.returncode == 0, out.stdout[-2000:]
    assert "execution_mode='force'" in out.stdout and "WARNING:" not in out.stdout + out.stderr
    clean, published = project / "_build" / "html", root / "_build" / "html"
    checksum = re.compile(rb"(mystnb\.[0-9a-f]+\.css)\?v=[0-9a-f]+")
    differ = [p.relative_to(clean) for p in clean.rglob("*") if p.is_file()
              and checksum.sub(rb"\1", p.read_bytes())
              != checksum.sub(rb"\1", (published / p.relative_to(clean)).read_bytes())]
    assert differ == []
