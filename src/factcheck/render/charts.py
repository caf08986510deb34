"""Charts readable at a glance, in either edition's language, on a phone as on a wide screen.

Each chart is drawn for each :data:`LAYOUTS` width, laid out in CSS pixels (one SVG unit is one pixel) and saved
as SVG with its text as text (:class:`~factcheck.pipeline.context.ChartWriter`); the stylesheet shows the drawing
made for the column's width, so its text is read at about the size it was drawn, as large as the page's small
print (``tests/test_charts.py`` measures it). Keys and labels stand outside the data, never over a line or a bar;
colours are Okabe and Ito's and never carry meaning alone; amounts are written as the prose writes them, and every
word is a catalog message. Each function returns ``{layout name: Figure}`` and the chart's description (alt).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import NamedTuple

import matplotlib as mpl
import matplotlib.dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle
from matplotlib.textpath import text_to_path

from ..metrics import MetricCandidate
from .findings import metric_name
from .typography import typeset
from .words import Words, plain

INK, MUTED, RULE = "#222222", "#555555", "#8c8c8c"
# Okabe–Ito, safe for colour-blind readers; two shades of one hue differ in lightness, never in hue alone.
BLUE, SKY, ORANGE, VERMILLION = "#0072b2", "#56b4e9", "#e69f00", "#d55e00"
AGREE, DIFFER = "#1a7f37", "#a3322a"  # the book's colours for True and Mostly false (factcheck.css), as text
FONT = "DejaVu Sans"  # matplotlib's own font, measured here; a browser without it falls back to a narrower one
RC = {"font.family": "sans-serif", "font.sans-serif": [FONT, "Verdana", "Arial", "Helvetica"],
      "text.parse_math": False, "axes.unicode_minus": False}


class Layout(NamedTuple):
    name: str  # its CSS class: fc-chart-phone, fc-chart-wide
    width: int  # CSS pixels
    text: float  # its smallest text, in pixels


LAYOUTS = (Layout("phone", 330, 14), Layout("wide", 680, 15))
"""A phone's column is 288 to 382 px wide (320 to 414 px screens), a wide one 620 to 900; the stylesheet shows the
phone drawing under 620 px of column, so the text is shown at 13.6 px (the evidence lines) or more from a 360 px
screen up (14 × 328 / 330; 15 × 620 / 680 at the narrowest wide column), and at 12 on a 320 px one."""

Charts = dict[str, Figure]


def each_layout(draw: Callable[[Layout], Figure]) -> Charts:
    """A chart drawn for each layout, in the charts' font, its text as text (no mathtext from a dollar sign)."""
    with mpl.rc_context(RC):
        return {layout.name: draw(layout) for layout in LAYOUTS}


def _font(size: float, bold: bool = False) -> FontProperties:
    """The chart font (:data:`RC`): the SVG names it with its fallbacks, ending with the reader's sans-serif."""
    return FontProperties(family="sans-serif", size=size, weight="bold" if bold else "normal")


class Sheet:
    """A chart laid out from top to bottom in CSS pixels: wrapped lines of text, keys and plots, each placed
    below the last; :meth:`figure` draws it once its height is known."""

    GAP = 8

    def __init__(self, layout: Layout, w: Words):
        self.layout, self.w, self.width, self.size = layout, w, layout.width, layout.text
        self.lh = round(layout.text * 1.35, 1)  # a line's height
        self.y = 6.0  # room for the ascent of the first line's capitals and accents
        self._ops: list[Callable[[Figure, Axes, float], None]] = []

    def words(self, text: str) -> str:
        """What the reader reads: French spacing and apostrophes in the French edition; no italics marks."""
        return typeset(plain(text)) if self.w.code == "fr" else plain(text)

    def measure(self, text: str, bold: bool = False) -> float:
        return text_to_path.get_text_width_height_descent(self.words(text), _font(self.size, bold), False)[0]

    def wrap(self, text: str, width: float, bold: bool = False) -> list[str]:
        """Lines no wider than ``width``, broken at spaces only (French no-break spaces hold « : » and « ; »)."""
        lines: list[str] = []
        for word in self.words(text).split(" "):
            if lines and self.measure(lines[-1] + " " + word, bold) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines

    def text(self, x: float, y: float, text: str, color: str = INK, bold: bool = False, ha: str = "left",
             va: str = "top") -> None:
        """One line of text, its top (or centre, ``va="center"``) at ``y`` pixels from the top."""
        words, font = self.words(text), _font(self.size, bold)
        self._ops.append(lambda fig, ax, h: ax.text(x, y, words, fontproperties=font, color=color, ha=ha, va=va,
                                                    zorder=5, parse_math=False))

    def lines(self, text: str, x: float = 0, color: str = INK, bold: bool = False) -> None:
        """Text wrapped from ``x`` to the right edge, below what came before."""
        for line in self.wrap(text, self.width - x, bold):
            self.text(x, self.y, line, color, bold)
            self.y += self.lh

    def rect(self, x: float, y: float, width: float, height: float, color: str, **style) -> None:
        self._ops.append(lambda fig, ax, h: ax.add_patch(Rectangle((x, y), width, height, facecolor=color,
                                                                   edgecolor="none", **style)))

    def rule(self, xs: Sequence[float], ys: Sequence[float], color: str = INK, lw: float = 2, **style) -> None:
        self._ops.append(lambda fig, ax, h: ax.plot(xs, ys, color=color, lw=lw, solid_capstyle="butt", **style))

    def key(self, swatch: Callable[[float, float], None], text: str, indent: float = 26) -> None:
        """A key entry above the plot it explains: a swatch drawn in the first ``indent`` pixels, then its words."""
        swatch(self.y, self.y + self.lh)
        self.lines(text, indent)
        self.y += 2

    def plot(self, left: float, height: float, draw: Callable[[Axes], None], right: float = 0) -> None:
        """An axes ``height`` px high, ``left`` px from the left edge (room for its labels), its dates under it."""
        top, width = self.y, self.width - left - right
        self._ops.append(lambda fig, ax, h: draw(fig.add_axes((left / self.width, 1 - (top + height) / h,
                                                               width / self.width, height / h))))
        self.y += height + self.lh + 8

    def source(self, text: str) -> None:
        """The line that says where the figures come from, last."""
        self.y += self.GAP
        self.lines(text, color=MUTED)

    def figure(self) -> Figure:
        height = round(self.y + 4)
        fig = Figure(figsize=(self.width / 72, height / 72), dpi=72)
        ax = fig.add_axes((0, 0, 1, 1), xlim=(0, self.width), ylim=(height, 0))
        ax.set_axis_off()
        for op in self._ops:
            op(fig, ax, height)
        return fig


def _time_axis(ax: Axes, start: dt.date, end: dt.date, width: float, size: float) -> None:
    """Muted axes, and a label for each year, or every other year where years are too close for their labels."""
    ax.tick_params(labelsize=size, colors=MUTED, length=4)
    ax.spines[["top", "right"]].set_visible(False)
    for spine in ax.spines.values():
        spine.set_color(RULE)
    ax.set_xlim(start, end)
    ax.xaxis.set_major_locator(mdates.YearLocator(1 if width / ((end - start).days / 365.25) >= size * 3.4 else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


# --- the assets figures: each measure SoftBank reported against the article's number -----------------------

def assets_chart(claimed_usd: float, tolerance: float, candidates: tuple[MetricCandidate, ...], outlets: str,
                 w: Words) -> tuple[Charts, str]:
    """Each figure SoftBank reported, in dollars at its own date's rate, against the article's number. Two sources
    giving the same measure on the same day are one bar."""
    distinct = {(c.metric, c.as_of, round(c.usd / 1e9)): c for c in candidates}
    ordered = sorted(distinct.values(), key=lambda c: -c.usd)
    labels = [f"{metric_name(c.metric, w)} ({w.date(c.as_of)})" for c in ordered]
    low, high = claimed_usd * (1 - tolerance), claimed_usd * (1 + tolerance)

    def draw(layout: Layout) -> Figure:
        s = Sheet(layout, w)
        band = lambda top, bottom: s.rect(2, top + 2, 18, bottom - top - 4, ORANGE, alpha=0.35)  # noqa: E731
        s.key(lambda top, bottom: (band(top, bottom), s.rule([11, 11], [top + 2, bottom - 2], VERMILLION)),
              w.t("the article: about {amount}", amount=w.amount(claimed_usd, "USD")))
        s.key(band, w.t("the article's figure, give or take {tolerance}", tolerance=w.percent(tolerance)))
        s.y += s.GAP
        scale = (layout.width - 2) / max([c.usd for c in ordered] + [high])
        bar = round(s.size * 1.5)
        for c, label in zip(ordered, labels):
            value = w.amount(c.usd, "USD")
            if layout.name == "wide" and c.jpy_per_usd == c.jpy_per_usd:  # on a phone, the table gives the rate
                value = w.t("{amount} at ¥{rate}/$", amount=value, rate=w.number(c.jpy_per_usd))
            length, width = c.usd * scale, s.measure(value, bold=True)
            # the figure inside its bar, after it or after the article's band, never across the band; else on a
            # line of its own, under the name of its measure
            spots = ((8, "white", width + 16 <= length), (length + 8, INK, True),
                     (high * scale + 8, INK, length < low * scale))
            spot = next(((x, ink) for x, ink, fits in spots if fits and x + width <= layout.width
                         and (x + width < low * scale - 4 or x > high * scale + 4)), None)
            s.lines(label)
            if spot is None:
                s.lines(value, bold=True)
            s.y += 2
            s.rect(0, s.y, length, bar, BLUE)
            if spot is not None:
                s.text(spot[0], s.y + bar / 2, value, color=spot[1], bold=True, va="center")
            # the article's figure crosses the bar only, never the words
            s.rect(low * scale, s.y - 2, (high - low) * scale, bar + 4, ORANGE, alpha=0.35, zorder=3)
            s.rule([claimed_usd * scale] * 2, [s.y - 2, s.y + bar + 2], VERMILLION, zorder=4)
            s.y += bar + 10
        s.source(w.t("Sources: {outlets}; yen converted at the rate of each figure's own date", outlets=outlets))
        return s.figure()

    bars = [w.t("{metric} on {date}, {amount}", metric=metric_name(c.metric, w), date=w.date(c.as_of),
                amount=w.amount(c.usd, "USD")) for c in ordered]
    alt = w.t("Bar chart of each figure SoftBank reported, in dollars, against the article's about {amount}: {bars}.",
              amount=w.amount(claimed_usd, "USD"), bars="; ".join(bars))
    return each_layout(draw), alt


# --- the timeline: dated events before and after the pledge ------------------------------------------------

def timeline_chart(events: list[tuple[dt.date, str]], pledge: dt.date, w: Words) -> tuple[Charts, str]:
    """Each dated event as a dot on a time line, dots of nearby dates stacked: how many came before the pledge
    and how many after, at a glance; the list below the chart gives each one."""
    dates = sorted(d for d, _ in events)
    before = sum(d <= pledge for d in dates)
    start, end = dates[0] - dt.timedelta(days=90), dates[-1] + dt.timedelta(days=90)

    def draw(layout: Layout) -> Figure:
        s = Sheet(layout, w)
        dot = 9 if layout.name == "phone" else 11
        s.key(lambda top, bottom: s.rect(6, (top + bottom) / 2 - dot / 2, dot, dot, BLUE),
              w.nt("{count} event up to the pledge", "{count} events up to the pledge", before, count=before))
        s.key(lambda top, bottom: s.rect(6, (top + bottom) / 2 - dot / 2, dot, dot, VERMILLION),
              w.nt("{count} event after the pledge", "{count} events after the pledge", len(dates) - before,
                   count=len(dates) - before))
        s.y += s.GAP
        width = layout.width - 8
        per_day = width / (end - start).days
        levels: list[list[float]] = []
        placed = []
        for d in dates:  # each dot at its date, on the lowest level where it overlaps no other
            x = (d - start).days * per_day
            level = next((i for i, xs in enumerate(levels) if all(abs(x - o) >= dot + 1 for o in xs)), len(levels))
            if level == len(levels):
                levels.append([])
            levels[level].append(x)
            placed.append((d, level))
        label = w.t("the pledge, {date}", date=w.date(pledge))
        half = s.measure(label) / 2  # above the pledge's line, inside the chart
        s.text(min(max(4 + (pledge - start).days * per_day, half), layout.width - half), s.y, label, ha="center")
        s.y += s.lh + 2
        height = (dot + 2) * len(levels) + 6

        def plot(ax: Axes) -> None:
            ys = [(level + 0.5) * (dot + 2) + 2 for _, level in placed]
            ax.scatter(dates, ys, s=(dot * 0.9) ** 2, marker="s", linewidths=0, zorder=3,
                       color=[BLUE if d <= pledge else VERMILLION for d, _ in placed])
            ax.axvline(pledge, color=INK, ls=(0, (4, 3)), lw=1.2, zorder=2)
            ax.set_ylim(0, height)
            ax.set_yticks([])
            _time_axis(ax, start, end, width, layout.text)
            ax.spines["left"].set_visible(False)
        s.plot(4, height, plot, right=4)
        s.source(w.t("Each event is dated by a quoted source, listed below"))
        return s.figure()

    alt = w.t("Timeline of {count} dated events from {first} to {last}: {before} up to the pledge of {date}, {after} "
              "after it; the list below gives each one.", count=len(events), first=min(dates).year,
              last=max(dates).year, before=before, date=w.date(pledge), after=len(events) - before)
    return each_layout(draw), alt


# --- the tracker: the money promised against what was reported since ------------------------------------

def tracker_chart(standing, reports: int, w: Words, keys: tuple[str, str, str]) -> tuple[Charts, str]:
    """The promised sum and its deadline against the sums paid and promised since, stacked by date: what
    counts, what counts in part, and what is announced or committed and not yet shown as paid. ``keys`` names
    the three as the tracker's text does."""
    money = lambda v: w.amount(v, standing.unit, 3)  # noqa: E731  (as the tracker text writes it)
    scale = 1e9
    points = list(standing.timeline)
    last = max(standing.as_of, points[-1].date)
    dates = [pt.date for pt in points] + [last]
    layers = ((lambda pt: pt.delivered, BLUE, keys[0]), (lambda pt: pt.delivered_in_part, SKY, keys[1]),
              (lambda pt: pt.pending, ORANGE, keys[2]))
    shown = [layer for i, layer in enumerate(layers) if i == 0 or any(layer[0](pt) for pt in points)]
    start = standing.promise.made_on - dt.timedelta(days=45)
    end = max(standing.deadline, last) + dt.timedelta(days=75)

    def draw(layout: Layout) -> Figure:
        s = Sheet(layout, w)
        s.key(lambda top, bottom: s.rule([2, 20], [(top + bottom) / 2] * 2, INK, lw=2.5),
              w.t("promised: {amount} by {date}", amount=money(standing.target), date=w.date(standing.deadline)))
        for _, color, label in shown:
            s.key(lambda top, bottom, color=color: s.rect(4, top + 3, 14, bottom - top - 6, color), label)
        s.y += s.GAP
        s.lines(w.t("US$ billion, cumulative"), color=MUTED)
        s.y += 4
        ticks = list(range(0, int(standing.target / scale) + 1, 25 if standing.target / scale > 60 else 10))
        left = max(s.measure(w.number(t, 0)) for t in ticks) + 10
        height = 170 if layout.name == "phone" else 210
        width = layout.width - left - 8

        def plot(ax: Axes) -> None:
            base = [0.0] * len(dates)
            for value, color, _ in shown:
                values = [value(pt) / scale for pt in points]
                values.append(values[-1])
                top = [b + v for b, v in zip(base, values)]
                ax.fill_between(dates, base, top, step="post", color=color, lw=0, zorder=2)
                base = top
            target = standing.target / scale
            ax.plot([standing.promise.made_on, standing.deadline], [target, target], color=INK, lw=2.5, zorder=4,
                    solid_capstyle="butt")
            ax.plot([standing.deadline] * 2, [target * 0.93, target * 1.07], color=INK, lw=2.5, zorder=4)
            ax.set_ylim(0, max(target, *base) * 1.1)  # never a sum cut off
            ax.set_yticks(ticks, [w.number(t, 0) for t in ticks])
            ax.grid(axis="y", color="#e3e3e3", lw=1, zorder=0)
            _time_axis(ax, start, end, width, layout.text)
        s.plot(left, height, plot, right=8)
        s.source(w.t("Sources: {count} dated reports and statements, listed below; each deal counted once; "
                     "updated {date}", count=reports, date=w.date(standing.as_of)))
        return s.figure()

    alt = w.t("Chart of the money promised, {target} by {deadline}, against what was reported since, up to {date}: "
              "{delivered} paid that counts, {in_part} paid that counts in part, {pending} announced or committed, "
              "not yet paid.", target=money(standing.target), deadline=w.date(standing.deadline),
              date=w.date(standing.as_of), delivered=money(standing.delivered),
              in_part=money(standing.delivered_in_part), pending=money(standing.pending))
    return each_layout(draw), alt
