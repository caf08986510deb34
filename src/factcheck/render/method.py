"""The words of the method: the rating scale and its rules, the tracker's statuses and what counts, each
written once here and shown on the methodology and tracker pages (and as every badge)."""

from __future__ import annotations

from ..outcomes import Outcome
from ..ratings import DEFAULT_RULES, Rating
from ..tracker import BASES, STATUSES
from .myst import SCALE_LABEL, STATUS_LABEL, list_table, md, md_role
from .words import NC_, Words

RATINGS = {Rating.TRUE: NC_("rating", "True"), Rating.MOSTLY_TRUE: NC_("rating", "Mostly true"),
           Rating.MISLEADING: NC_("rating", "Misleading"), Rating.MOSTLY_FALSE: NC_("rating", "Mostly false"),
           Rating.FALSE: NC_("rating", "False"), Rating.UNVERIFIED: NC_("rating", "Unverified")}
DEFINITIONS = {
    Rating.TRUE: NC_("definition", "The claim is accurate as stated, and sources independent of the article "
                                   "confirm it."),
    Rating.MOSTLY_TRUE: NC_("definition", "The claim is accurate in substance but overstates, understates or "
                                          "loosens a detail (a qualifier, a title, a deadline) in a way that does "
                                          "not change its meaning much."),
    Rating.MISLEADING: NC_("definition", "Part of the claim is accurate, but it leaves a false impression: a "
                                         "word, a frame or an omission leads the reader to a wrong conclusion."),
    Rating.MOSTLY_FALSE: NC_("definition", "The claim contains an element of truth but its central point is "
                                           "wrong."),
    Rating.FALSE: NC_("definition", "The sources contradict the claim."),
    Rating.UNVERIFIED: NC_("definition", "No reliable source we could find establishes or refutes the claim; the "
                                         "page says what was searched."),
}
OUTCOMES = {
    Outcome.MATCH: NC_("outcome", "the sources agree with it"),
    Outcome.QUALIFIED: NC_("outcome", "the sources agree, with a caveat"),
    Outcome.APPROXIMATE: NC_("outcome", "the sources give a close but different figure"),
    Outcome.QUALIFIER_UNSUPPORTED: NC_("outcome", "the figure agrees, but not the word that qualifies it"),
    Outcome.PARTIAL: NC_("outcome", "the sources agree with part of it and dispute part"),
    Outcome.MISMATCH: NC_("outcome", "the sources give a different figure or date"),
    Outcome.CONTRADICTED: NC_("outcome", "the sources contradict it"),
    Outcome.UNESTABLISHED: NC_("outcome", "the sources neither establish nor refute it"),
    Outcome.NO_METRIC_MATCH: NC_("outcome", "none of the company's reported figures matches it"),
    Outcome.NO_EVIDENCE: NC_("outcome", "we found no source that bears on it"),
}
STATUS_NAMES = {"Not yet rated": NC_("status", "Not yet rated"), "In the works": NC_("status", "In the works"),
                "Stalled": NC_("status", "Stalled"), "Compromise": NC_("status", "Compromise"),
                "Kept": NC_("status", "Kept"), "Broken": NC_("status", "Broken"),
                "Unverifiable": NC_("status", "Unverifiable")}
STATUS_DEFINITIONS = {
    "Not yet rated": NC_("status definition", "No dated, sourced evidence of progress toward the promise has been "
                                              "found yet."),
    "In the works": NC_("status definition", "Before the deadline, with sourced evidence of money committed or "
                                             "spent (or jobs created) within the year before we last looked for new "
                                             "reports."),
    "Stalled": NC_("status definition", "Before the deadline, with evidence of progress, but none within the year "
                                        "before we last looked for new reports."),
    "Compromise": NC_("status definition", "After the deadline, the promise was partly met: what was delivered, "
                                           "counting what counts only in part, reaches at least half the target."),
    "Kept": NC_("status definition", "What counts as delivered reaches the target."),
    "Broken": NC_("status definition", "After the deadline, what was delivered falls short of half the target."),
    "Unverifiable": NC_("status definition", "After the deadline, no sourced figure measures what was delivered."),
}
BASIS_WORDS = {
    "new_in_us": NC_("basis", "New money spent, or new jobs created, in the United States"),
    "stake": NC_("basis", "Shares of a company in the United States"),
    "purchase": NC_("basis", "A company or plant in the United States that already existed changes hands"),
    "outside_us": NC_("basis", "Money spent outside the United States"),
    "not_softbank": NC_("basis", "Money or jobs that are not SoftBank's"),
    "existing_jobs": NC_("basis", "Jobs that already existed"),
}
COUNTS = {"yes": NC_("counts", "Counts"), "partly": NC_("counts", "In part"), "no": NC_("counts", "Does not count")}
assert set(STATUS_NAMES) == set(STATUSES) and set(BASIS_WORDS) == set(BASES)


def rating_name(rating: Rating | str, w: Words) -> str:
    return w.ct("rating", RATINGS[Rating(rating)])


def badge(rating: Rating | str, w: Words) -> str:
    """The rating as a coloured badge, linked to its definition on the methodology page."""
    rating = Rating(rating)
    return f'<span class="fc-badge fc-{rating.slug}">{{ref}}`{md_role(rating_name(rating, w))} <{SCALE_LABEL}>`</span>'


def definition(rating: Rating, w: Words) -> str:
    return w.ct("definition", DEFINITIONS[rating])


def status_name(status: str, w: Words) -> str:
    return w.ct("status", STATUS_NAMES[status])


def status_badge(status: str, w: Words) -> str:
    slug = status.lower().replace(" ", "-")
    return f'<span class="fc-status fc-status-{slug}">{{ref}}`{md_role(status_name(status, w))} <{STATUS_LABEL}>`</span>'


def rating_scale(w: Words) -> str:
    """The scale: each rating's badge and what it means."""
    rows = [(badge(r, w), md(definition(r, w))) for r in Rating]
    return list_table((w.ct("column", "Rating"), w.ct("column", "Meaning")), rows, "fc-scale fc-cards", "25 75")


def default_rules(w: Words) -> str:
    rows = [(md(w.sentence(w.ct("outcome", OUTCOMES[o])).rstrip(".")), badge(r, w)) for o, r in DEFAULT_RULES.items()]
    return list_table((w.ct("column", "What the check finds"), w.ct("column", "Default rating")), rows,
                      "fc-rules fc-cards", "70 30")


def combination_rules(w: Words) -> str:
    """How a sentence's rating follows from its parts' (:func:`factcheck.ratings.combine`)."""
    names = {r: w.quoted(rating_name(r, w)) for r in Rating}
    return "\n".join([
        "1. " + md(w.t("A core part rated {false} or {mostly_false} decides the sentence: it takes the worst such "
                       "rating.", false=names[Rating.FALSE], mostly_false=names[Rating.MOSTLY_FALSE])),
        "2. " + md(w.t("Otherwise, if a core part is {unverified} and no core part is rated {misleading}, the "
                       "sentence is {unverified}: what it rests on is not established, so it cannot be rated {true} or "
                       "{mostly_true}.", unverified=names[Rating.UNVERIFIED], misleading=names[Rating.MISLEADING],
                       true=names[Rating.TRUE], mostly_true=names[Rating.MOSTLY_TRUE])),
        "3. " + md(w.t("Otherwise the sentence takes the worst rating among its core parts that were rated, then:")),
        "   - " + md(w.t("a detail rated {misleading}, {mostly_false} or {false} caps it at {misleading};",
                         misleading=names[Rating.MISLEADING], mostly_false=names[Rating.MOSTLY_FALSE],
                         false=names[Rating.FALSE])),
        "   - " + md(w.t("a detail rated {mostly_true} or {unverified} caps it at {mostly_true}.",
                         mostly_true=names[Rating.MOSTLY_TRUE], unverified=names[Rating.UNVERIFIED])),
    ])


def status_scale(w: Words) -> str:
    rows = [(status_badge(s, w), md(w.ct("status definition", STATUS_DEFINITIONS[s]))) for s in STATUSES]
    return list_table((w.ct("column", "Status"), w.ct("column", "Meaning")), rows, "fc-scale fc-cards", "25 75")


def status_rules(w: Words) -> str:
    names = {s: w.quoted(status_name(s, w)) for s in STATUSES}
    return "\n".join("- " + md(line) for line in (
        w.t("{kept} when what counts as delivered reaches the target, whatever the date.", kept=names["Kept"]),
        w.t("Before the deadline: {not_yet} without evidence of progress; {stalled} when the latest progress is "
            "more than a year old; otherwise {in_the_works}.", not_yet=names["Not yet rated"],
            stalled=names["Stalled"], in_the_works=names["In the works"]),
        w.t("After the deadline: {compromise} when delivered plus what counts in part reaches half the target; "
            "{broken} when a sourced figure shows less; {unverifiable} when no sourced figure measures it.",
            compromise=names["Compromise"], broken=names["Broken"], unverifiable=names["Unverifiable"]),
    ))


def counting_rules(w: Words) -> str:
    """How money and jobs are counted: the arithmetic of a deal, then what each basis counts for."""
    rules = "\n".join("- " + md(line) for line in (
        w.t("Each deal is counted once, however many reports of it we found."),
        w.t("Each payment of a deal is counted at its latest report; the payments of a deal add up."),
        w.t("What a deal commits or announces is its latest such report, and it shrinks by the payments made "
            "against it, so nothing is lost and nothing is counted twice."),
        w.t("A deal's only payment, when its report gives no figure (a purchase that closed), pays what the deal "
            "committed, in full; a payment among several with no figure of its own is dated, never counted."),
        w.t("A report from a site with no identifiable original never counts."),
        w.t("A figure another named outlet disputes in its report of the same event is shown, never counted, until "
            "a report settles it."),
        w.t("A sum to be spent together with others counts only once a report gives SoftBank's share, except for "
            "the 2016 pledge, whose money the reports of the time said would come from the Vision Fund, set up "
            "with Saudi Arabia: what that fund invested counts, outside investors' money included."),
    ))
    rows = [(md(w.ct("basis", BASIS_WORDS[b])), md(w.ct("counts", COUNTS[c]))) for b, c in BASES.items()]
    return rules + "\n\n" + list_table((w.ct("column", "What the money or the jobs are"),
                                        w.ct("column", "Toward the promise")), rows, "fc-rules fc-cards", "70 30")
