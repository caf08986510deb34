"""Charts readable at a glance: units on the axes and a source line under each, in either edition's language.

Functions return the matplotlib Figure; notebooks display it with the inline backend so the image is
stored in the notebook and reaches the book. Numbers on a French chart follow :mod:`factcheck.french`.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from .checks import ABOUT_TOLERANCE, MetricCandidate, PerJob, metric_name
from . import french
from .language import EN, Language


def _source_line(fig: Figure, text: str) -> None:
    fig.text(0.01, 0.01, french.typeset(text), fontsize=7.5, color="#555555", ha="left", va="bottom", wrap=True)


def _dollars(L: Language, value: float, decimals: int = 0) -> str:
    """'\\$72 billion' or '72 milliards de dollars' (the backslash keeps matplotlib from reading mathtext)."""
    return L(en=f"\\${value:,.{decimals}f} billion", fr=L.amount(value * 1e9, "USD"))


def pledges_chart(pledges: tuple[PerJob, ...], L: Language = EN) -> Figure:
    """The 2016 and 2024 pledges side by side: dollars, jobs, and dollars per promised job."""
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.2))
    labels = [L(en=f"{p.label} pledge", fr=f"Promesse de {p.label}") for p in pledges]
    panels = ((L(en="Pledged, $ billion", fr="Promis, en milliards de $"), [p.dollars / 1e9 for p in pledges], 0),
              (L(en="Jobs promised, thousands", fr="Emplois promis, en milliers"), [p.jobs / 1e3 for p in pledges], 0),
              (L(en="Dollars per job, $ million", fr="Dollars par emploi, en millions de $"),
               [p.dollars_per_job / 1e6 for p in pledges], 2))
    for ax, (title, values, decimals) in zip(axes, panels):
        bars = ax.bar(labels, values, color=["#9fc5e8", "#3d85c6"][: len(values)])
        ax.bar_label(bars, labels=[L(en=f"{v:,.{decimals}f}", fr=L.number(v, decimals)) for v in values], fontsize=9)
        ax.set_title(title, fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_ylim(0, max(values) * 1.25)
    fig.subplots_adjust(bottom=0.22, wspace=0.35)
    _source_line(fig, L(en="Source: the article's own figures (data/claims.csv), parsed from its French text",
                        fr="Source : les chiffres de l'article lui-même (data/claims.csv), lus dans son texte"))
    return fig


def assets_chart(claimed_usd: float, candidates: tuple[MetricCandidate, ...], outlets: str, L: Language = EN) -> Figure:
    """Each figure SoftBank reported, in dollars at its own date's rate, against the article's number.
    Two sources giving the same measure on the same day are one bar."""
    distinct = {(c.metric, c.as_of, round(c.usd / 1e9)): c for c in candidates}
    ordered = sorted(distinct.values(), key=lambda c: c.usd)
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(ordered) + 1.8))
    positions = range(len(ordered))
    ax.barh(positions, [c.usd / 1e9 for c in ordered], color="#3d85c6")
    ax.set_yticks(positions, [f"{metric_name(c.metric, L)}\n({L.date(c.as_of)})" for c in ordered])
    target = claimed_usd / 1e9
    ax.axvspan(target * (1 - ABOUT_TOLERANCE), target * (1 + ABOUT_TOLERANCE), color="#e69138", alpha=0.25,
               label=L(en="article's figure ±", fr="chiffre de l'article ±") + L.percent(ABOUT_TOLERANCE))
    ax.axvline(target, color="#e69138", lw=2, label=L(en="article: about ", fr="article : environ ") + _dollars(L, target))
    for i, c in enumerate(ordered):
        rate = "" if c.jpy_per_usd != c.jpy_per_usd else \
            L(en=f" at ¥{c.jpy_per_usd:,.2f}/\\$", fr=f" à {L.number(c.jpy_per_usd)} ¥/\\$")
        # "\$": two dollar signs in one string would otherwise be read as mathtext.
        ax.text(c.usd / 1e9 + 3, i, L(en=f"\\${c.usd / 1e9:,.0f}bn", fr=f"{L.number(c.usd / 1e9, 0)} Md\\$") + rate,
                va="center", fontsize=8)
    ax.set_xlabel(L(en="US$ billion", fr="Milliards de dollars américains"))
    ax.set_xlim(0, max([c.usd / 1e9 for c in ordered] + [target]) * 1.35)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.28 if len(ordered) < 4 else 0.18, left=0.28)
    _source_line(fig, L(en=f"Sources: {outlets}; yen converted at the dated rates in data/fx_rates.csv",
                        fr=f"Sources : {outlets} ; yens convertis aux taux datés de data/fx_rates.csv"))
    return fig


def timeline_chart(events: list[tuple[dt.date, str]], article_date: dt.date, L: Language = EN) -> Figure:
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(events) + 1.4))
    dates = [d for d, _ in events]
    ax.scatter(dates, range(len(events)), color=["#3d85c6" if d <= article_date else "#e69138" for d in dates], zorder=3)
    for i, (d, label) in enumerate(events):
        ax.text(d, i, f"  {label}", va="center", fontsize=8)
    ax.axvline(article_date, color="#999999", ls="--", lw=1)
    ax.text(article_date, -1.2, L(en=" the pledge (blue: before, orange: after)",
                                  fr=" la promesse (en bleu : avant ; en orange : après)"), fontsize=8, color="#555555")
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(min(dates) - dt.timedelta(days=120), max(dates) + dt.timedelta(days=1400))
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.subplots_adjust(bottom=0.12)
    _source_line(fig, L(en="Source: data/events.csv, each event dated by a quoted source (see the list below)",
                        fr="Source : data/events.csv, chaque événement daté par une source citée (voir la liste "
                           "ci-dessous)"))
    return fig


def tracker_chart(standing, source_count: int, L: Language = EN) -> Figure:
    """The promised sum and its deadline against the sums announced, committed and spent since, by date:
    what counts, what counts in part, and what does not count (yet)."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    scale = 1e9
    ax.hlines(standing.target / scale, standing.promise.made_on, standing.deadline, color="#444444", lw=2,
              label=L(en=f"promised: {_dollars(L, standing.target / scale)} by {L.date(standing.deadline)}",
                      fr=f"promis : {_dollars(L, standing.target / scale)} d'ici au {L.date(standing.deadline)}"))
    ax.plot([standing.deadline], [standing.target / scale], marker="|", markersize=18, color="#444444")
    series = ((L(en="paid, counts", fr="versé, compte"), lambda pt: pt.delivered, "#1a7f37"),
              (L(en="paid, counts in part", fr="versé, compte en partie"), lambda pt: pt.delivered_in_part, "#6aa84f"),
              (L(en="announced or committed, not yet paid", fr="annoncé ou engagé, pas encore versé"),
               lambda pt: pt.pending, "#e69138"))
    points = list(standing.timeline)
    dates = [pt.date for pt in points] + [max(standing.as_of, points[-1].date)]
    for label, value, color in series:
        values = [value(pt) / scale for pt in points]
        values.append(values[-1])
        ax.step(dates, values, where="post", color=color, lw=2,
                label=f"{label}{L(en=':', fr=' :')} {_dollars(L, values[-1], 1)}")
    ax.set_ylabel(L(en="US$ billion, cumulative", fr="Milliards de dollars, en cumul"))
    ax.set_ylim(0, standing.target / scale * 1.15)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.set_xlim(standing.promise.made_on - dt.timedelta(days=60), standing.deadline + dt.timedelta(days=90))
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.subplots_adjust(bottom=0.22, left=0.1)
    _source_line(fig, L(en=f"Sources: {source_count} dated reports and statements in data/tracker.csv (listed below); "
                           f"each deal counted once, at its latest stage; status as of {L.date(standing.as_of)}",
                        fr=f"Sources : {source_count} articles et déclarations datés, dans data/tracker.csv (listés "
                           f"ci-dessous) ; chaque opération comptée une fois, à son dernier stade ; statut au "
                           f"{L.date(standing.as_of)}"))
    return fig


# --- what each chart shows, in words: its alt text, for a reader who cannot see it ------------------

def pledges_alt(pledges: tuple[PerJob, ...], L: Language = EN) -> str:
    parts = [L(en=f"the {p.label} pledge, {L.amount(p.dollars, 'USD')} for {L.amount(p.jobs, 'jobs')}, "
                  f"{L.amount(p.dollars_per_job, 'USD')} per job",
               fr=f"la promesse de {p.label}, {L.amount(p.dollars, 'USD')} pour {L.amount(p.jobs, 'jobs')}, "
                  f"soit {L.amount(p.dollars_per_job, 'USD')} par emploi") for p in pledges]
    return L(en="Bar charts of the article's own figures: ", fr="Graphiques en barres des chiffres de l'article : ") \
        + L(en="; ", fr=" ; ").join(parts) + "."


def assets_alt(claimed_usd: float, candidates: tuple[MetricCandidate, ...], L: Language = EN) -> str:
    distinct = {(c.metric, c.as_of, round(c.usd / 1e9)): c for c in candidates}
    bars = [L(en=f"{metric_name(c.metric, L)} on {L.date(c.as_of)}, {L.amount(c.usd, 'USD')}",
              fr=f"{metric_name(c.metric, L)} au {L.date(c.as_of)}, {L.amount(c.usd, 'USD')}")
            for c in sorted(distinct.values(), key=lambda c: -c.usd)]
    return L(en=f"Bar chart of each figure SoftBank reported, in dollars, against the article's about "
                f"{L.amount(claimed_usd, 'USD')}: ",
             fr=f"Graphique en barres de chaque chiffre publié par SoftBank, en dollars, face aux environ "
                f"{L.amount(claimed_usd, 'USD')} de l'article : ") + L(en="; ", fr=" ; ").join(bars) + "."


def timeline_alt(events: list[tuple[dt.date, str]], article_date: dt.date, L: Language = EN) -> str:
    before = sum(d <= article_date for d, _ in events)
    first, last = min(d for d, _ in events), max(d for d, _ in events)
    return L(en=f"Timeline of {len(events)} dated events from {first.year} to {last.year}: {before} up to the pledge "
                f"of {L.date(article_date)}, {len(events) - before} after it; the list below gives each one.",
             fr=f"Chronologie de {len(events)} événements datés, de {first.year} à {last.year} : {before} jusqu'à la "
                f"promesse du {L.date(article_date)}, {len(events) - before} après ; la liste ci-dessous les donne "
                "un par un.")


def tracker_alt(standing, L: Language = EN) -> str:
    fmt = lambda v: L.amount(v, standing.unit)  # noqa: E731
    return L(en=f"Chart of the money promised, {fmt(standing.target)} by {L.date(standing.deadline)}, against what "
                f"was reported since, by {L.date(standing.as_of)}: {fmt(standing.delivered)} paid that counts, "
                f"{fmt(standing.delivered_in_part)} paid that counts in part, {fmt(standing.pending)} announced or "
                "committed, not yet paid.",
             fr=f"Graphique de l'argent promis, {fmt(standing.target)} d'ici au {L.date(standing.deadline)}, face à ce "
                f"qui a été rapporté depuis, au {L.date(standing.as_of)} : versé et qui compte, {fmt(standing.delivered)} ; "
                f"versé et qui compte en partie, {fmt(standing.delivered_in_part)} ; annoncé ou engagé, pas encore "
                f"versé, {fmt(standing.pending)}.")
