"""The landing page and the record of changes: the bottom line, what the article gets wrong, every sentence with
its rating and reason, who publishes this check, when it changed and how to report an error."""

from __future__ import annotations

from collections.abc import Sequence

from ..data import Dataset
from ..ratings import PassageVerdict, Rating
from ..tracker import checked_up_to
from . import Page
from .claims import claim_link, passage_anchor
from .method import badge
from .myst import block, container, doc, lang_span, link, list_table, md, ref
from .words import NC_, Words

CORRECTIONS_SHOWN = 5
"""The landing page lists at most this many corrections, worst and most central first; the table has all."""
WRONG = (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE)
CHANGES = {"published": NC_("change", "publication"), "substantive": NC_("change", "substantive change"),
           "minor": NC_("change", "minor change")}


def bottom_line(verdicts: Sequence[PassageVerdict], page: Page) -> str:
    """Two or three sentences on what the article gets right and wrong, written from the verdicts."""
    w = page.w

    def summaries(vs) -> str:
        return md(w.join([page.text(v.passage, "summary") for v in vs]))

    holding = [v for v in verdicts if v.rating in (Rating.TRUE, Rating.MOSTLY_TRUE)]
    wrong = [v for v in verdicts if v.rating in WRONG]
    unknown = [v for v in verdicts if v.rating is Rating.UNVERIFIED]
    text = w.nt("**The bottom line.** Of the {count} sentences we checked, {held} holds up fully or mostly: "
                "{right}.",
                "**The bottom line.** Of the {count} sentences we checked, {held} hold up fully or mostly, among "
                "them {right}.", len(holding), count=w.count(len(verdicts), feminine=True),
                held=w.count(len(holding), feminine=True), right=summaries([v for v in holding if v.central] or holding))
    if wrong:
        text += " " + w.t("But it misleads or is wrong on {wrong}.", wrong=summaries(wrong))
    if unknown:
        text += " " + w.t("We could not verify {unknown}.", unknown=summaries(unknown))
    return container("fc-bottom-line", text)


def shown_corrections(verdicts: Sequence[PassageVerdict]) -> list[PassageVerdict]:
    """The sentences the landing page corrects first: the worst and most central of those it gets wrong."""
    wrong = sorted((v for v in verdicts if v.rating in WRONG), key=lambda v: (v.rating.rank, not v.central))
    return wrong[:CORRECTIONS_SHOWN]


def corrections_list(verdicts: Sequence[PassageVerdict], page: Page) -> str:
    w = page.w
    items = [f"- {badge(v.rating, w)} **{claim_link(v.passage, page)}.** {md(page.text(v.passage, 'conclusion'))}"
             for v in shown_corrections(verdicts)]
    rest = sum(v.rating in WRONG for v in verdicts) - len(items)
    if rest > 0:
        items.append("- " + w.nt("And {count} more in the table below.", "And {count} more in the table below.", rest,
                                 count=w.count(rest, feminine=True)))
    return w.t("**What the article gets wrong**") + "\n\n" + container("fc-corrections", "\n".join(items))


def verdict_table(verdicts: Sequence[PassageVerdict], page: Page) -> str:
    """Claim · rating · reason for every sentence the corrections above do not already give, as cards on a phone
    (the reason stays): each verdict is read once."""
    w, shown = page.w, {v.passage.passage_id for v in shown_corrections(verdicts)}
    rows = [(claim_link(v.passage, page), badge(v.rating, w), md(page.text(v.passage, "conclusion")))
            for v in verdicts if v.passage.passage_id not in shown]
    return list_table((w.ct("column", "Claim"), w.ct("column", "Rating"), w.ct("column", "Why")), rows,
                      "fc-verdicts fc-cards", "30 15 55")


def team(w: Words) -> str:
    """The team's name (``author`` in _config.yml) in the edition's language."""
    return w.ct("publisher", "the executable fact-check team")


def publication_dates(dataset: Dataset) -> tuple:
    """(first publication, last substantive change): the two dates every page shows, with their notes."""
    published = min((c for c in dataset.changelog if c.change == "published"), key=lambda c: c.date)
    substantive = max((c for c in dataset.changelog if c.change in ("published", "substantive")),
                      key=lambda c: c.date)
    return published, substantive


def about(page: Page, config: dict) -> str:
    """Who publishes this check, when it was published and last changed, and how to report an error."""
    w, data = page.w, page.dataset
    article = data.article()
    published, changed = publication_dates(data)
    archived = f"{config['repository'].rstrip('/')}/blob/main/data/{article.text_path}"
    publisher, contact = config["publisher"], config["contact"]
    site = w.t("on {publisher}", publisher=article.publisher) if article.publisher else w.t("on its site")
    where = link(site, article.url) if article.url else w.t("address unknown")
    report = link(w.t("Report an error or ask for a correction"), contact.get("url", ""))
    email = contact.get("email")
    if email:
        report += " " + w.t("(or write to {email})", email=link(email, f"mailto:{email}"))
    from .claims import when_published

    copy, every_change, tracker = w.t("our archived copy"), w.t("what changed, and why"), w.t("pledge tracker")
    return "\n".join([
        "- " + w.t("**The article under review:** « {headline} », {where}, {when}; {archived}, against which every "
                   "quote is checked.", headline=lang_span(article.headline_fr, "fr"), where=where,
                   when=when_published(article, w), archived=link(copy, archived)),
        "- " + w.t("**Published** by {publisher} on {first}, **last changed in substance** on {last} ({changes}).",
                   publisher=link(team(w), publisher.get("url", "")), first=w.date(published.date),
                   last=w.date(changed.date), changes=doc(every_change, "book/corrections")),
        "- " + w.t("**Found an error?** {report}: each report is answered, and each correction is logged with its "
                   "date.", report=report),
        "- " + w.t("**What happened since** is followed in the {tracker}, for which we looked for new reports up "
                   "to {date}.", tracker=doc(tracker, "book/tracker"), date=w.date(checked_up_to(data))),
    ])


def newest_first(log: Sequence) -> list:
    """A log the latest first; entries of one day in the reverse of the order they were written."""
    return [entry for _, entry in sorted(enumerate(log), key=lambda ie: (ie[1].date, ie[0]), reverse=True)]


def corrections(page: Page) -> str:
    """The newest first. Those that touched a sentence's verdict are open; the rest (the tracker, the sources, our
    wording) one tap away, so a phone reader reaches what changed a verdict first."""
    w, data = page.w, page.dataset
    if not data.corrections:
        return "*" + w.t("No corrections so far.") + "*"
    verdicts, others = [], []
    for c in newest_first(data.corrections):
        about_ = ""
        if c.claim_id:  # the part it touched, linked to its sentence's verdict
            claim = data.claim(c.claim_id)
            about_ = f" ({ref(page.text(claim, 'claim_short'), passage_anchor(data.passage(claim.passage_id)))})"
        (verdicts if c.claim_id else others).append(f"- **{w.date(c.date)}**{about_}: {md(page.text(c, 'correction'))}")
    shown = "\n".join(verdicts)
    if others:
        title = w.t("Corrections to the tracker, the sources and our wording ({count})", count=len(others))
        shown += "\n\n" + block("dropdown", "\n".join(others), title)
    return shown


def changes(page: Page) -> str:
    w, lines = page.w, []
    for c in newest_first(page.dataset.changelog):
        kind = w.ct("change", CHANGES[c.change])
        lines.append(f"- **{w.date(c.date)}** ({kind}): {md(page.text(c, 'note'))}")
    return "\n".join(lines)

