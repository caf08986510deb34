"""Hostile text renders as text; the book builds with no network; two clean builds are identical."""

import json
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import BIN, VENV, copy_project, run_in
from malformed.cases import set_cell

pytestmark = pytest.mark.slow

SCRIPT = "</script><script>alert('pwned')</script>"
IMG = '"><img src=x onerror=alert(1)>'
MYST = "{glue:text}`n_claims` {eval-rst}`x` ```{danger} boom```"
HOSTILE_ARTICLE_LINE = f"\nIl a dit « {SCRIPT} {IMG} {MYST} ».\n"


def _offline(cmd: str, cwd, timeout=900) -> subprocess.CompletedProcess:
    """Run a shell command in a new network namespace with only loopback up: no network at all."""
    return subprocess.run(["unshare", "--net", "sh", "-c", f"ip link set lo up && {cmd}"], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env={"PATH": f"{BIN}:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root",
                               "PYTHONPATH": str(cwd / "src")})


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
    set_cell("passages.csv", 6, "claim_short", f"{SCRIPT} {IMG}"[:75])(data)
    set_cell("claims.csv", 12, "quote_fr", HOSTILE_ARTICLE_LINE.strip())(data)
    set_cell("claims.csv", 12, "claim_en", f"{SCRIPT} {IMG} {MYST}")(data)
    set_cell("claims.csv", 12, "claim_short", f"{SCRIPT} {IMG}"[:75])(data)
    set_cell("sources.csv", 1, "title", f"{IMG} {SCRIPT}")(data)
    set_cell("evidence.csv", 1, "note", f"{MYST} {SCRIPT}")(data)
    out = _offline(f"{BIN}/factcheck execute && {BIN}/jupyter-book build . --builder html -n -W --keep-going", project)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    return project / "_build" / "html"


def test_hostile_text_renders_as_plain_text(hostile_build):
    page = (hostile_build / "book" / "claims" / "announcement.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert not soup.select('img[src="x"]'), "an <img> was injected"
    executable = [s for s in soup.find_all("script") if s.get("type") != "application/ld+json"]
    assert not [s for s in executable if "pwned" in (s.string or "")], "a <script> was injected"
    text = soup.get_text()
    assert "alert('pwned')" in text and "onerror=alert(1)" in text and "{glue:text}`n_claims`" in text


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


def test_the_book_and_test_commands_pass_with_no_network(tmp_path):
    project = copy_project(tmp_path / "proj", with_build=True)
    set_cell("fx_rates.csv", 1, "basis", "Edited offline, to force the notebooks that read it to re-run")(project / "data")
    out = _offline(f"make --no-print-directory -o {VENV}/.installed book VENV={VENV}", project)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "executed book/claims/assets.ipynb" in out.stdout
    tests = _offline(f"{BIN}/python -m pytest -q -p no:xdist --nbval --nbval-current-env "
                     "--nbval-sanitize-with tests/nbval_sanitize.cfg book/claims/assets.ipynb "
                     "tests/test_browser.py tests/test_built_html.py tests/test_lab.py", project)
    assert tests.returncode == 0, tests.stdout[-3000:]


def test_two_clean_builds_give_identical_html(tmp_path):
    """No volatile parts were found between clean builds. (An incremental build differs from a clean one
    only in the ``?v=`` checksum of myst-nb's stylesheet, and keeps images no page uses any more.)"""
    builds = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name)
        out = run_in(project, "jupyter-book", "build", ".", "--builder", "html", "-n", "-W", "--keep-going")
        assert out.returncode == 0, out.stdout[-2000:]
        html = project / "_build" / "html"
        builds.append({p.relative_to(html): p.read_bytes() for p in html.rglob("*") if p.is_file()})
    assert builds[0].keys() == builds[1].keys()
    assert [p for p in builds[0] if builds[0][p] != builds[1][p]] == []
