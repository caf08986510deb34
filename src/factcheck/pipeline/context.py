"""What the build hands a renderer: the data, the edition's words for the page being read, and where charts go.

One :class:`~factcheck.data.Dataset` per build; one :class:`~factcheck.render.words.Words` per page, so the
build knows which catalog messages each page shows (a catalog edit re-reads exactly those pages).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from ..data import Dataset
from ..errors import DataError
from ..render import Page
from ..render.myst import block, container
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
    """Saves a chart under ``_build/.charts`` and returns the MyST that shows it with its description.

    A chart comes drawn for each width it may be shown at (``{"phone": Figure, "wide": Figure}``, see
    :mod:`factcheck.render.charts`), or once (a Figure, shown at every width); each drawing is saved as SVG with its text as text (``svg.fonttype: none``),
    sized in CSS pixels, and shown as an image of class ``fc-chart fc-chart-<name>`` in one ``fc-chart-variants``
    container, whose width picks the drawing a reader sees (``book/_static/factcheck.css``). Every image carries
    the chart's description; the stylesheet hides all but one, so a screen reader reads it once."""

    SVG = {"svg.fonttype": "none", "svg.hashsalt": "factcheck"}

    def __init__(self, srcdir: Path):
        self.folder = srcdir / CHART_DIR

    def save(self, fig) -> str:
        import matplotlib as mpl

        buffer = io.BytesIO()
        with mpl.rc_context(self.SVG):  # same chart, same bytes: no date, a fixed salt for the clip ids
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        data = _pixels(buffer.getvalue())
        path = self.folder / f"{hashlib.sha256(data).hexdigest()[:32]}.svg"
        if not path.is_file():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return "/" + CHART_DIR.as_posix() + "/" + path.name

    def __call__(self, charts, alt: str) -> str:
        alt = " ".join(alt.split())
        if not isinstance(charts, Mapping):  # one drawing, shown at every width
            return block("image", "", self.save(charts), alt=alt, class_="fc-chart")
        images = [block("image", "", self.save(fig), alt=alt, class_=f"fc-chart fc-chart-{name}")
                  for name, fig in charts.items()]
        return container("fc-chart-variants", "\n\n".join(images))


def _pixels(svg: bytes) -> bytes:
    """matplotlib sizes an SVG in points (``width="330pt"``) over a viewBox in the same units: sized in pixels
    instead, a chart drawn for a 330 px column is 330 px wide, and its text the size it was drawn."""
    head, rest = svg.split(b"<svg", 1)
    tag, body = rest.split(b">", 1)
    tag = re.sub(rb'(width|height)="([0-9.]+)pt"', rb'\1="\2"', tag)
    return head + b"<svg" + tag + b">" + body
