"""Charts readable at a glance, in either edition's language: units on the axes and a line saying what the
sources are. Each function returns a matplotlib Figure and the words that say what it shows (its alt text);
the build saves the figure where the page can show it."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from ..metrics import MetricCandidate, PerJob
from .findings import metric_name
from .words import plain, Words

INK, MUTED = "#222222", "#555555"
BLUE, ORANGE, GREEN, LIGHT_GREEN = "#0072b2", "#e69f00", "#009e73", "#56b4e9"  # Okabe–Ito: colour-blind safe


def _source_line(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=7.5, color=MUTED, ha="left", va="bottom", wrap=True)


def _tex(text: str) -> str:
    """Dollar signs as text (two in one string would otherwise be read as mathtext), no italics marks."""
    return plain(text).replace("$", r"\$")


def pledges_chart(pledges: tuple[PerJob, ...], w: Words) -> tuple[Figure, str]:
    """The 2016 and 2024 pledges side by side: dollars, jobs, and dollars per promised job."""
    fig = Figure(figsize=(9, 3.2))
    axes = fig.subplots(1, 3)
    labels = [w.t("{year} pledge", year=p.label) for p in pledges]
    panels = ((w.t("Pledged, $ billion"), [p.dollars / 1e9 for p in pledges], 0),
              (w.t("Jobs promised, thousands"), [p.jobs / 1e3 for p in pledges], 0),
              (w.t("Dollars per job, $ million"), [p.dollars_per_job / 1e6 for p in pledges], 2))
    for ax, (title, values, decimals) in zip(axes, panels):
        bars = ax.bar(labels, values, color=[LIGHT_GREEN, BLUE][: len(values)])
        ax.bar_label(bars, labels=[w.number(v, decimals) for v in values], fontsize=9)
        ax.set_title(_tex(title), fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(0, max(values) * 1.25)
    fig.subplots_adjust(bottom=0.22, wspace=0.35)
    _source_line(fig, _tex(w.t("Source: the article's own figures, read from its French text")))
    parts = [w.t("the {year} pledge, {dollars} for {jobs}, {per_job} per job", year=p.label,
                 dollars=w.amount(p.dollars, "USD"), jobs=w.amount(p.jobs, "jobs"),
                 per_job=w.amount(p.dollars_per_job, "USD")) for p in pledges]
    return fig, w.t("Bar charts of the article's own figures: {bars}.", bars="; ".join(parts))


def assets_chart(claimed_usd: float, tolerance: float, candidates: tuple[MetricCandidate, ...], outlets: str,
                 w: Words) -> tuple[Figure, str]:
    """Each figure SoftBank reported, in dollars at its own date's rate, against the article's number. Two sources
    giving the same measure on the same day are one bar."""
    distinct = {(c.metric, c.as_of, round(c.usd / 1e9)): c for c in candidates}
    ordered = sorted(distinct.values(), key=lambda c: c.usd)
    fig = Figure(figsize=(8, 0.55 * len(ordered) + 1.8))
    ax = fig.subplots()
    positions = range(len(ordered))
    ax.barh(positions, [c.usd / 1e9 for c in ordered], color=BLUE)
    ax.set_yticks(positions, [f"{metric_name(c.metric, w)}\n({w.date(c.as_of)})" for c in ordered])
    target = claimed_usd / 1e9
    ax.axvspan(target * (1 - tolerance), target * (1 + tolerance), color=ORANGE, alpha=0.25,
               label=w.t("the article's figure, give or take {tolerance}", tolerance=w.percent(tolerance)))
    ax.axvline(target, color=ORANGE, lw=2, label=_tex(w.t("the article: about {amount}",
                                                          amount=w.amount(claimed_usd, "USD"))))
    for i, c in enumerate(ordered):
        label = w.amount(c.usd, "USD")
        if c.jpy_per_usd == c.jpy_per_usd:
            label = w.t("{amount} at ¥{rate}/$", amount=label, rate=w.number(c.jpy_per_usd))
        ax.text(c.usd / 1e9 + 3, i, _tex(label), va="center", fontsize=8)
    ax.set_xlabel(_tex(w.t("US$ billion")))
    ax.set_xlim(0, max([c.usd / 1e9 for c in ordered] + [target]) * 1.45)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.28 if len(ordered) < 4 else 0.18, left=0.28)
    _source_line(fig, _tex(w.t("Sources: {outlets}; yen converted at the rate of each figure's own date",
                               outlets=outlets)))
    bars = [w.t("{metric} on {date}, {amount}", metric=metric_name(c.metric, w), date=w.date(c.as_of),
                amount=w.amount(c.usd, "USD")) for c in sorted(distinct.values(), key=lambda c: -c.usd)]
    alt = w.t("Bar chart of each figure SoftBank reported, in dollars, against the article's about {amount}: {bars}.",
              amount=w.amount(claimed_usd, "USD"), bars="; ".join(bars))
    return fig, alt


def timeline_chart(events: list[tuple[dt.date, str]], pledge: dt.date, w: Words) -> tuple[Figure, str]:
    fig = Figure(figsize=(9, 0.32 * len(events) + 1.4))
    ax = fig.subplots()
    dates = [d for d, _ in events]
    ax.scatter(dates, range(len(events)), color=[BLUE if d <= pledge else ORANGE for d in dates], zorder=3)
    for i, (d, label) in enumerate(events):
        ax.text(d, i, f"  {_tex(label)}", va="center", fontsize=8)
    ax.axvline(pledge, color="#999999", ls="--", lw=1)
    ax.text(pledge, -1.2, w.t(" the pledge (blue: before, orange: after)"), fontsize=8, color=MUTED)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(min(dates) - dt.timedelta(days=120), max(dates) + dt.timedelta(days=1400))
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.subplots_adjust(bottom=0.12)
    _source_line(fig, w.t("Each event is dated by a quoted source, listed below"))
    before = sum(d <= pledge for d in dates)
    alt = w.t("Timeline of {count} dated events from {first} to {last}: {before} up to the pledge of {date}, {after} "
              "after it; the list below gives each one.", count=len(events), first=min(dates).year,
              last=max(dates).year, before=before, date=w.date(pledge), after=len(events) - before)
    return fig, alt


def tracker_chart(standing, reports: int, w: Words) -> tuple[Figure, str]:
    """The promised sum and its deadline against the sums announced, committed and paid since, by date: what
    counts, what counts in part, and what is promised and not yet paid."""
    fig = Figure(figsize=(8, 3.6))
    ax = fig.subplots()
    scale = 1e9
    money = lambda v: w.amount(v, standing.unit)  # noqa: E731
    ax.hlines(standing.target / scale, standing.promise.made_on, standing.deadline, color=INK, lw=2,
              label=_tex(w.t("promised: {amount} by {date}", amount=money(standing.target),
                             date=w.date(standing.deadline))))
    ax.plot([standing.deadline], [standing.target / scale], marker="|", markersize=18, color=INK)
    series = ((w.t("paid, counts"), lambda pt: pt.delivered, GREEN),
              (w.t("paid, counts in part"), lambda pt: pt.delivered_in_part, LIGHT_GREEN),
              (w.t("announced or committed, not yet paid"), lambda pt: pt.pending, ORANGE))
    points = list(standing.timeline)
    dates = [pt.date for pt in points] + [max(standing.as_of, points[-1].date)]
    for label, value, color in series:
        values = [value(pt) / scale for pt in points]
        values.append(values[-1])
        ax.step(dates, values, where="post", color=color, lw=2,
                label=_tex(w.t("{label}: {amount}", label=label, amount=money(values[-1] * scale))))
    ax.set_ylabel(_tex(w.t("US$ billion, cumulative")))
    ax.set_ylim(0, standing.target / scale * 1.15)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(standing.promise.made_on - dt.timedelta(days=60), standing.deadline + dt.timedelta(days=90))
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.22, left=0.1)
    _source_line(fig, w.t("Sources: {count} dated reports and statements, listed below; each deal counted once; "
                          "updated {date}", count=reports, date=w.date(standing.as_of)))
    alt = w.t("Chart of the money promised, {target} by {deadline}, against what was reported since, up to {date}: "
              "{delivered} paid that counts, {in_part} paid that counts in part, {pending} announced or committed, "
              "not yet paid.", target=money(standing.target), deadline=w.date(standing.deadline),
              date=w.date(standing.as_of), delivered=money(standing.delivered),
              in_part=money(standing.delivered_in_part), pending=money(standing.pending))
    return fig, alt
