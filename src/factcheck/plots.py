"""Charts readable at a glance: units on the axes and a source line under each.

Functions return the matplotlib Figure; notebooks display it with the inline backend so the image is
stored in the notebook and reaches the book.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from .checks import ABOUT_TOLERANCE, MetricCandidate, PerJob


def _source_line(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=7.5, color="#555555", ha="left", va="bottom", wrap=True)


def pledges_chart(pledges: tuple[PerJob, ...]) -> Figure:
    """The 2016 and 2024 pledges side by side: dollars, jobs, and dollars per promised job."""
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
    labels = [p.label for p in pledges]
    panels = (("Pledged, $ billion", [p.dollars / 1e9 for p in pledges], "{:,.0f}"),
              ("Jobs promised, thousands", [p.jobs / 1e3 for p in pledges], "{:,.0f}"),
              ("Dollars per job, $ million", [p.dollars_per_job / 1e6 for p in pledges], "{:,.2f}"))
    for ax, (title, values, fmt) in zip(axes, panels):
        bars = ax.bar(labels, values, color=["#9fc5e8", "#3d85c6"][: len(values)])
        ax.bar_label(bars, labels=[fmt.format(v) for v in values], fontsize=9)
        ax.set_title(title, fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(0, max(values) * 1.25)
    fig.subplots_adjust(bottom=0.22, wspace=0.35)
    _source_line(fig, "Source: the article's own figures (data/claims.csv), parsed from its French text")
    return fig


def assets_chart(claimed_usd: float, candidates: tuple[MetricCandidate, ...], outlets: str) -> Figure:
    """Each figure SoftBank reported, in dollars at its own date's rate, against the article's number.
    Two sources giving the same measure on the same day are one bar."""
    from .checks import long_date

    distinct = {(c.metric, c.as_of, round(c.usd / 1e9)): c for c in candidates}
    ordered = sorted(distinct.values(), key=lambda c: c.usd)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(ordered) + 1.8))
    positions = range(len(ordered))
    ax.barh(positions, [c.usd / 1e9 for c in ordered], color="#3d85c6")
    ax.set_yticks(positions, [f"{c.metric.replace('_', ' ')}\n({long_date(c.as_of)})" for c in ordered])
    target = claimed_usd / 1e9
    ax.axvspan(target * (1 - ABOUT_TOLERANCE), target * (1 + ABOUT_TOLERANCE), color="#e69138", alpha=0.25,
               label=f"article's figure ±{ABOUT_TOLERANCE:.0%}")
    ax.axvline(target, color="#e69138", lw=2, label=f"article: about \\${target:,.0f} billion")
    for i, c in enumerate(ordered):
        rate = "" if c.jpy_per_usd != c.jpy_per_usd else f" at ¥{c.jpy_per_usd:,.2f}/\\$"
        # "\$": two dollar signs in one string would otherwise be read as mathtext.
        ax.text(c.usd / 1e9 + 3, i, f"\\${c.usd / 1e9:,.0f}bn{rate}", va="center", fontsize=8)
    ax.set_xlabel("US$ billion")
    ax.set_xlim(0, max([c.usd / 1e9 for c in ordered] + [target]) * 1.35)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.28 if len(ordered) < 4 else 0.18, left=0.28)
    _source_line(fig, f"Sources: {outlets}; yen converted at the dated rates in data/fx_rates.csv")
    return fig


def timeline_chart(events: list[tuple[dt.date, str]], article_date: dt.date) -> Figure:
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(events) + 1.4))
    dates = [d for d, _ in events]
    ax.scatter(dates, range(len(events)), color=["#3d85c6" if d <= article_date else "#e69138" for d in dates], zorder=3)
    for i, (d, label) in enumerate(events):
        ax.text(d, i, f"  {label}", va="center", fontsize=8)
    ax.axvline(article_date, color="#999999", ls="--", lw=1)
    ax.text(article_date, -1.2, " the pledge (blue: before, orange: after)", fontsize=8, color="#555555")
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(min(dates) - dt.timedelta(days=120), max(dates) + dt.timedelta(days=1400))
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.subplots_adjust(bottom=0.12)
    _source_line(fig, "Source: data/events.csv, each event dated by a quoted source (see the list below)")
    return fig


def tracker_chart(standing, source_count: int) -> Figure:
    """The promised sum and its deadline against the sums announced, committed and spent since, by date:
    what counts, what counts in part, and what does not count (yet)."""
    from .checks import long_date

    fig, ax = plt.subplots(figsize=(8, 3.6))
    scale = 1e9
    ax.hlines(standing.target / scale, standing.promise.made_on, standing.deadline, color="#444444", lw=2,
              label=f"promised: \\${standing.target / scale:,.0f} billion by {long_date(standing.deadline)}")
    ax.plot([standing.deadline], [standing.target / scale], marker="|", markersize=18, color="#444444")
    series = (("paid, counts", lambda pt: pt.delivered, "#1a7f37"),
              ("paid, counts in part", lambda pt: pt.delivered_in_part, "#6aa84f"),
              ("announced or committed, not yet paid", lambda pt: pt.pending, "#e69138"))
    points = list(standing.timeline)
    dates = [pt.date for pt in points] + [max(standing.as_of, points[-1].date)]
    for label, value, color in series:
        values = [value(pt) / scale for pt in points]
        values.append(values[-1])
        ax.step(dates, values, where="post", color=color, lw=2, label=f"{label}: \\${values[-1]:,.1f} billion")
    ax.set_ylabel("US$ billion, cumulative")
    ax.set_ylim(0, standing.target / scale * 1.15)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(standing.promise.made_on - dt.timedelta(days=60), standing.deadline + dt.timedelta(days=90))
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.22, left=0.1)
    _source_line(fig, f"Sources: {source_count} dated reports and statements in data/tracker.csv (listed below); "
                      f"each deal counted once, at its latest stage; status as of {long_date(standing.as_of)}")
    return fig
