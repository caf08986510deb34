"""What the build hands a renderer: the data, the edition's words for the page being read, and where charts go.

One :class:`~factcheck.data.Dataset` per build; one :class:`~factcheck.render.words.Words` per page, so the
build knows which catalog messages each page shows (a catalog edit re-reads exactly those pages).
"""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from ..data import Dataset
from ..errors import DataError
from ..render import Page
from ..render.myst import block
from ..render.words import Words

LOCALE_DIR = "locales"
CHART_DIR = Path("_build") / ".charts"
"""Charts are drawn when a page is read, into the build folder, named by their content."""


def dataset(app: Sphinx) -> Dataset:
    if not hasattr(app, "_factcheck_dataset"):
        try:
            app._factcheck_dataset = Dataset(Path(app.srcdir) / "data")
        except DataError as exc:
            raise ExtensionError(f"data/ is invalid; run `factcheck validate`:\n{exc}") from None
    return app._factcheck_dataset


@cache
def verdicts(data: Dataset):
    """Every sentence's verdict, computed once per build (the pages that compute nothing show them)."""
    from ..ratings import all_passage_verdicts

    return all_passage_verdicts(data)


@cache
def standings(data: Dataset):
    from ..tracker import all_standings

    return all_standings(data)


def edition(app: Sphinx) -> str:
    return app.config.factcheck_edition


def locale_dir(app: Sphinx) -> Path:
    return Path(app.srcdir) / LOCALE_DIR


def words(env: BuildEnvironment) -> Words:
    """The edition's words for the page being read (each page keeps its own record of what it used)."""
    if "factcheck_words" not in env.temp_data:
        env.temp_data["factcheck_words"] = Words.of(edition(env.app), locale_dir(env.app), dataset(env.app).outlets)
    return env.temp_data["factcheck_words"]


def page(env: BuildEnvironment) -> Page:
    return Page(dataset(env.app), words(env), ChartWriter(Path(env.srcdir)))


class ChartWriter:
    """Saves a chart as PNG under ``_build/.charts`` and returns the MyST that shows it with its description."""

    def __init__(self, srcdir: Path):
        self.folder = srcdir / CHART_DIR

    def __call__(self, fig, alt: str) -> str:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=150, metadata={"Software": None})  # same chart, same bytes
        data = buffer.getvalue()
        path = self.folder / f"{hashlib.sha256(data).hexdigest()[:32]}.png"
        if not path.is_file():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return block("image", "", "/" + CHART_DIR.as_posix() + "/" + path.name, alt=" ".join(alt.split()),
                     class_="fc-chart")
