"""The three locks the Makefile installs from agree: JupyterLab only in the lab lock, which is the book's lock
(same versions, same hashes) plus what only it needs; the bootstrap lock is uv at the book's lock's version."""

import re

import pytest

REQUIREMENT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)",
                         re.MULTILINE)


def _pins(path) -> dict[str, tuple[str, frozenset[str]]]:
    text = path.read_text(encoding="utf-8")
    pins = {m[1].lower(): (m[2], frozenset(re.findall(r"sha256:([0-9a-f]{64})", m[3])))
            for m in REQUIREMENT.finditer(text)}
    requirements = [line for line in text.splitlines() if line and not line[0].isspace() and line[0] != "#"]
    assert len(requirements) == len(pins), f"{path.name}: every requirement is pinned with its hashes"
    return pins


@pytest.fixture(scope="module")
def locks(root):
    return {name: _pins(root / f"requirements{name}.lock") for name in ("", "-lab", "-bootstrap")}


def test_jupyterlab_is_installed_by_make_lab_only(locks):
    assert "jupyterlab" not in locks[""] and "jupyterlab" in locks["-lab"]


def test_the_lab_lock_is_the_books_lock_plus_the_lab(locks):
    book, lab = locks[""], locks["-lab"]
    assert {name: lab.get(name) for name in book} == book


def test_the_bootstrap_lock_is_uv_at_the_books_lock_version(locks):
    assert locks["-bootstrap"] == {"uv": locks[""]["uv"]}
