"""A finding in words: the reason for its outcome's default rating, written from its facts in an edition's
language. Each message says what the sources say, as a person would, with the outlets counted by original
(at most three named) and the figures written by :class:`~factcheck.render.words.Words`.
"""

from __future__ import annotations

import datetime as dt

from ..outcomes import Amount, DateFacts, Finding, MetricFacts, Outcome, QuantityFacts, StanceFacts, TermsFacts
from ..quantities import PartialDate, Qualifier
from .words import NC_, Words

METRICS = {"net_asset_value": NC_("metric", "net asset value"), "total_assets": NC_("metric", "total assets"),
           "equity_value_of_holdings": NC_("metric", "equity value of holdings"),
           "ltv": NC_("metric", "loan-to-value ratio"), "cash_position": NC_("metric", "cash position")}
"""The measures SoftBank reports that a metric check compares (``evidence.metric``), in words."""


def metric_name(metric: str, w: Words) -> str:
    return w.ct("metric", METRICS[metric]) if metric in METRICS else metric.replace("_", " ")


def metric_on(metric: str, as_of: dt.date, w: Words) -> str:
    return w.t("{metric} on {date}", metric=metric_name(metric, w), date=w.date(as_of))


def gap_phrase(relative_gap: float, w: Words, short: bool = False) -> str:
    """(article − reported) / reported, said with its direction: 'the article's figure is 6% below'; ``short``
    for a table column about the article's figure: '6% below'."""
    if abs(relative_gap) < 0.0005:
        return w.t("equal") if short else w.t("the article's figure equals it")
    size = w.percent(abs(relative_gap), 1 if abs(relative_gap) < 0.1 else 0)  # 5.2%, not 5%
    if short:
        return w.t("{size} below", size=size) if relative_gap < 0 else w.t("{size} above", size=size)
    if relative_gap < 0:
        return w.t("the article's figure is {size} below", size=size)
    return w.t("the article's figure is {size} above", size=size)


def partial_date(d: PartialDate, w: Words) -> str:
    if d.qualifier == "between":
        return w.t("between {start} and {end}", start=d.year, end=d.until_year)
    if d.qualifier == "by_end_of":
        return w.t("by the end of {year}", year=d.year)
    if d.day and d.month:
        return w.date(dt.date(d.year, d.month, d.day)) if d.year else w.day_month(d.day, d.month)
    return " ".join(str(p) for p in ((w.month(d.month) if d.month else ""), d.year) if p)


def sentence(finding: Finding, w: Words) -> str:
    """The finding's reason, as one sentence."""
    if finding.outcome is Outcome.NO_EVIDENCE or finding.facts is None:
        return w.sentence(_no_evidence(finding.check, w))
    facts = finding.facts
    if isinstance(facts, QuantityFacts):
        text = _quantity(finding.outcome, facts, w)
    elif isinstance(facts, DateFacts):
        text = _date(finding.outcome, facts, w)
    elif isinstance(facts, TermsFacts):
        text = _terms(finding.outcome, facts, w)
    elif isinstance(facts, StanceFacts):
        text = _stance(finding.outcome, facts, w)
    else:
        text = _metric(facts, w)
    return w.sentence(text)


def _no_evidence(check: str, w: Words) -> str:
    if check == "quantity":
        return w.t("no source gives a figure to compare with the article's")
    if check == "date":
        return w.t("no source gives a date")
    if check == "terms":
        return w.t("no source quotes these words")
    if check == "metric_match":
        return w.t("no reported figure to compare it with")
    return w.t("no source we found bears on it directly")


def _figures(amounts: tuple[Amount, ...], w: Words) -> str:
    """The figures reported, each once: where some reports qualify a figure others give plainly ("about 50,000
    jobs" and "50,000 jobs"), the plain one."""
    by_value: dict[tuple[float, str], Amount] = {}
    for a in amounts:
        if (a.value, a.unit) not in by_value or a.qualifier is Qualifier.EXACT:
            by_value[(a.value, a.unit)] = a
    return w.join([w.quantity(a) for a in by_value.values()])


def _quantity(outcome: Outcome, f: QuantityFacts, w: Words) -> str:
    n, outlets = len(f.outlets), w.outlets(f.outlets)
    reported, claimed = _figures(f.reported, w), w.quantity(f.asserted)
    if outcome is Outcome.MATCH:
        return w.nt("{outlets} reports {reported}, as the article says",
                    "{outlets} report {reported}, as the article says", n, outlets=outlets, reported=reported)
    if outcome is Outcome.QUALIFIER_UNSUPPORTED:
        return w.nt("{outlets} reports {reported}, but does not say {qualifier}",
                    "{outlets} report {reported}, but none of them says {qualifier}", n, outlets=outlets,
                    reported=reported, qualifier=w.quoted(w.qualifier(f.asserted.qualifier)))
    if outcome is Outcome.APPROXIMATE:
        return w.nt("{outlets} reports {reported}: close to the article's {claimed}, but not the same figure",
                    "{outlets} report {reported}: close to the article's {claimed}, but not the same figure", n,
                    outlets=outlets, reported=reported, claimed=claimed)
    return w.nt("{outlets} reports {reported}, not the article's {claimed}",
                "{outlets} report {reported}, not the article's {claimed}", n, outlets=outlets,
                reported=reported, claimed=claimed)


def _dating(outlets: tuple[str, ...], days: tuple[dt.date, ...], w: Words) -> str:
    return w.nt("{outlets} dates it to {days}", "{outlets} date it to {days}", len(outlets),
                outlets=w.outlets(outlets), days=w.join([w.date(d) for d in days]))


def _date(outcome: Outcome, f: DateFacts, w: Words) -> str:
    if outcome is Outcome.MATCH and f.asserted.qualifier == "between":
        return w.t("{dating}, within the period the article gives ({period})",
                   dating=_dating(f.agreeing_outlets, f.agreeing_dates, w),
                   period=partial_date(f.asserted, w))
    if outcome is Outcome.MATCH:
        return w.t("{dating}, the day the article gives", dating=_dating(f.agreeing_outlets, f.agreeing_dates, w))
    if outcome is Outcome.PARTIAL:
        return w.t("{dating}, but {other}", dating=_dating(f.agreeing_outlets, f.agreeing_dates, w),
                   other=_dating(f.differing_outlets, f.differing_dates, w))
    return w.t("{dating}, not {claimed}", dating=_dating(f.differing_outlets, f.differing_dates, w),
               claimed=partial_date(f.asserted, w))


def _terms(outcome: Outcome, f: TermsFacts, w: Words) -> str:
    def confirm() -> str:
        return w.nt("{outlets} confirms it, in its words: {words}",
                    "{outlets} confirm it, in their words: {words}", len(f.confirming),
                    outlets=w.outlets(f.confirming), words=w.join([w.quoted(term) for term in f.present]))

    def objection() -> str:
        return w.nt("{outlets} qualifies or contradicts it", "{outlets} qualify or contradict it",
                    len(f.objecting), outlets=w.outlets(f.objecting))

    unconfirmed = w.t("no source confirms {words}", words=w.join([w.quoted(term) for term in f.missing]))
    if outcome is Outcome.MATCH:
        return confirm()
    if outcome is Outcome.PARTIAL:
        return w.t("{first}, but {second}", first=confirm(),
                   second=objection() if f.objecting and not f.missing else unconfirmed)
    if outcome is Outcome.CONTRADICTED:
        return w.t("{first}, and {second}", first=objection(), second=unconfirmed)
    return unconfirmed


def _stance(outcome: Outcome, f: StanceFacts, w: Words) -> str:
    def confirms() -> str:
        return w.nt("{outlets} confirms it", "{outlets} confirm it", len(f.supports), outlets=w.outlets(f.supports))

    def contradicts() -> str:
        return w.nt("{outlets} contradicts it", "{outlets} contradict it", len(f.contradicts),
                    outlets=w.outlets(f.contradicts))

    if outcome is Outcome.PARTIAL:
        part = w.nt("{outlets} confirms part of it", "{outlets} confirm part of it", len(f.supports),
                    outlets=w.outlets(f.supports))
        return w.t("{first}, but {second}", first=part, second=contradicts())
    if outcome is Outcome.CONTRADICTED:
        return contradicts()
    if outcome is Outcome.QUALIFIED:
        caveat = w.nt("{outlets} adds a caveat", "{outlets} add a caveat", len(f.qualifies),
                      outlets=w.outlets(f.qualifies))
        return w.t("{first}, and {second}", first=confirms(), second=caveat)
    if outcome is Outcome.MATCH:
        return confirms()
    return w.nt("no source establishes or refutes it; {outlets} reports only related facts",
                "no source establishes or refutes it; {outlets} report only related facts", len(f.qualifies),
                outlets=w.outlets(f.qualifies))


def _metric(f: MetricFacts, w: Words) -> str:
    count, within, claimed = w.count(f.compared), w.percent(f.tolerance), w.quantity(f.asserted)
    if f.close:
        return w.nt("of the {count} figures SoftBank reported, {names} comes within {within} of {claimed}",
                    "of the {count} figures SoftBank reported, {names} come within {within} of {claimed}",
                    len(f.close), count=count, names=w.join([metric_on(m, d, w) for m, d in f.close]),
                    within=within, claimed=claimed)
    nearest = w.t("{gap} the nearest, {metric} ({figure})", gap=gap_phrase(f.nearest_gap, w),
                  metric=metric_on(f.nearest_metric, f.nearest_as_of, w), figure=w.amount(f.nearest_usd, "USD"))
    return w.t("none of the {count} figures SoftBank reported comes within {within} of {claimed}: {nearest}",
               count=count, within=within, claimed=claimed, nearest=nearest)
