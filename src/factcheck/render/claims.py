"""A claim page in words: each sentence with its rating and reason first, the article's words, the parts, what
happened since, and the decisive sources; then the rest of the evidence and the computation, collapsed."""

from __future__ import annotations


from ..notebook import Computation, Overview, Part, Sentence
from ..notebook import Evidence as PageCards
from ..outcomes import Comparison, Finding
from ..ratings import DEFAULT_RULES, rate
from ..records import Article, Evidence, Passage, Source
from ..sources import Card
from . import Page
from .findings import metric_name
from .findings import sentence as finding_sentence
from .method import badge, status_badge
from .myst import html_text, anchor_of, block, container, doc, heading, link, list_table, md, ref
from .words import NC_, Words

STANCES = {"supports": NC_("stance", "Supports"), "contradicts": NC_("stance", "Contradicts"),
           "qualifies": NC_("stance", "Qualifies"), "context": NC_("stance", "Context")}


def stance_label(stance: str, w: Words) -> str:
    return w.ct("stance", STANCES[stance])


def passage_anchor(passage: Passage) -> str:
    return anchor_of("passage", passage.passage_id)


def claim_link(passage: Passage, page: Page) -> str:
    """A link to a sentence's verdict, from any page."""
    return ref(page.text(passage, "claim_short"), passage_anchor(passage))


def conclusion(part: Part, page: Page) -> str:
    """A part's reason: the judgment's rationale where one decided the rating, else the finding's own words."""
    if part.judged:
        judgment = page.dataset.judgment_for(part.claim_id)
        return page.text(judgment, "rationale")
    return finding_sentence(part.finding, page.w)


def when_published(article: Article, w: Words) -> str:
    if article.date_published:
        return w.t("published {date}", date=w.date(article.date_published))
    about = w.t("about the article")
    return w.t("undated, written between {after} and {before} ({about})", after=w.date(article.written_after),
               before=w.date(article.written_before), about=doc(about, "book/about-article"))


def when_short(article: Article, w: Words) -> str:
    """When the article appeared, in a few words: 'undated (December 2024 to January 2025)'."""
    if article.date_published:
        return w.date(article.date_published)
    return w.t("undated ({after} to {before})", after=w.month_year(article.written_after),
               before=w.month_year(article.written_before))


# --- a sentence of the article and its verdict ------------------------------------------------

def sentence(out: Sentence, page: Page) -> str:
    """The claim, our rating and its reason first (above the fold on a phone), then the article's own words,
    who published them and when, then the parts, what happened since, and the decisive sources."""
    w, data = page.w, page.dataset
    p = data.passage(out.passage_id)
    label = w.t("Claim:")
    head = heading(2, f'<span class="fc-claim-label">{html_text(label)}</span> {html_text(page.text(p, "claim_short"))}',
                   passage_anchor(p), "fc-passage-title")
    rating = container("fc-verdict", f"{badge(out.rating, w)} {md(page.text(p, 'conclusion'))}")
    lines = [container("fc-label", w.t("What the article says")),
             container("fc-quote-fr language-fr", f"« {md(p.quote_fr)} »")]
    if w.code != "fr":
        lines.append(container("fc-quote-en", w.t("*In English:* {quote}", quote=md(p.quote_en))))
    blocks = [head, rating, container("fc-claimbox", "\n\n".join(lines)), parts(out.parts, page)]
    blocks.append(tracker_note(out.promises, page))
    blocks.append(decisive(out.decisive, page))
    return "\n\n".join(b for b in blocks if b)


def overview(out: Overview, page: Page) -> str:
    """Which article the page checks, once; where it checks several sentences, each with its rating, linking to
    its section."""
    w, data = page.w, page.dataset
    article = data.article(data.passage(out.ratings[0][0]).article_id)
    publisher = article.publisher or w.t("Unknown publisher")
    source = container("fc-byline", w.t("From the article published by {publisher}, {when}.",
                                        publisher=doc(publisher, "book/about-article"), when=when_short(article, w)))
    if len(out.ratings) == 1:
        return source
    items = [f"- {badge(rating, w)} {claim_link(data.passage(pid), page)}" for pid, rating in out.ratings]
    title = w.t("**The {count} sentences this page checks**", count=w.count(len(items), feminine=True))
    return container("fc-overview", title + "\n\n" + "\n".join(items)) + "\n\n" + source


ROLES = {"core": NC_("part role", "a core part"), "detail": NC_("part role", "a detail")}


def parts(items: tuple[Part, ...], page: Page) -> str:
    """Each part with its rating, its role and its reason, so a reader can follow how they make the sentence's."""
    if len(items) == 1:
        return ""
    w = page.w
    roles = [w.ct("part role", ROLES[p.role]) for p in items]
    whys = [departure(p.finding, page) for p in items]
    lines = [f"- {badge(p.rating, w)} **{md(page.text(page.dataset.claim(p.claim_id), 'claim_short'))}** "
             f"({role}). {md(conclusion(p, page))}" + (f" {why}" if why else "") for p, role, why in zip(items, roles, whys)]
    how = doc(w.t("how we combine them"), "book/methodology")  # (Babel cannot read a message nested in another)
    rule = w.t("The core parts set the sentence's rating; a detail can only lower it ({how}).", how=how)
    title = w.nt("The {count} part of this sentence we checked", "The {count} parts of this sentence we checked",
                 len(items), count=w.count(len(items), feminine=True))
    return block("dropdown", container("fc-parts", "\n".join(lines) + "\n\n" + rule), title)


def tracker_note(promise_ids: tuple[str, ...], page: Page) -> str:
    """What a claim page says of the promises its sentence quotes, as the tracker rates them today: each named,
    kept apart from the verdict, linked to the tracker."""
    from ..tracker import standing
    from .tracker import promise_title

    if not promise_ids:
        return ""
    w, data = page.w, page.dataset
    standings = [standing(data, next(p for p in data.promises if p.promise_id == pid)) for pid in promise_ids]
    tracker = doc(w.t("pledge tracker"), "book/tracker")
    head = w.nt("**What happened since.** As of {date}, the {tracker} rates the promise this sentence quotes "
                "(a separate question from this verdict, which judges the article when it was written):",
                "**What happened since.** As of {date}, the {tracker} rates the promises this sentence quotes "
                "(a separate question from this verdict, which judges the article when it was written):",
                len(standings), date=w.date(standings[0].checked), tracker=tracker)
    items = [f"- {ref(promise_title(s, page), anchor_of('promise', s.promise.promise_id))} — {status_badge(s.status, w)}"
             for s in standings]
    return container("fc-tracker-link", head + "\n\n" + "\n".join(items))


# --- evidence ---------------------------------------------------------------------------------

def credit_text(source: Source, w: Words, in_text: bool = False) -> str:
    """'AP (via Spectrum News 13)': a copy is credited to its original outlet; a publication's title is marked
    for italics (text, not yet MyST: :func:`credit` for that). ``in_text``: as running text names it, with the
    article French puts first (« selon l'Associated Press »)."""
    name = w.outlet_in_text if in_text else w.outlet
    if source.is_copy:
        return w.t("{original} (via {site})", original=name(source.original_publisher or ""),
                   site=w.outlet(source.publisher))
    return name(source.publisher)


def credit(source: Source, w: Words, in_text: bool = False) -> str:
    return md(credit_text(source, w, in_text))


def evidence_card(ev: Evidence, stance: str, source: Source, page: Page) -> str:
    """A quote in its own language; where that is not the edition's, our translation follows, marked ours. The
    outlet's name links to the page (its title on hover); the sources page gives each title and access date."""
    w = page.w
    when = w.date(source.date_published) if source.date_published else w.t("undated")
    quote = container(f"fc-quote language-{ev.language}", w.quoted(md(ev.quote)) if ev.language == w.code
                      else ("“" + md(ev.quote) + "”" if ev.quote[:1] not in "“\"«" else md(ev.quote)))
    outlet = link(credit_text(source, w), source.url, page.source_title(source))
    lines = [f'<span class="fc-stance fc-{stance}">{stance_label(stance, w)}</span> · **{outlet}**, {when}', quote]
    translation = page.text(ev, "translation") if ev.language != w.code else ""
    if translation:
        lines.append(container(f"fc-translation language-{w.code}",
                               w.t("*Our translation:* {quote}", quote=w.quoted(md(translation)))))
    if source.anonymous:
        lines.append(container("fc-note", w.t("An anonymous copy with no identifiable original: shown as context, "
                                              "never counted as confirmation.")))
    return container(f"fc-evidence fc-{stance}", "\n\n".join(lines))


def cards(items: tuple[Card, ...], page: Page) -> str:
    data = page.dataset
    evidence = {e.evidence_id: e for e in data.evidence}
    return "\n\n".join(evidence_card(evidence[c.evidence_id], c.stance, data.source(evidence[c.evidence_id].source_id),
                                     page) for c in items)


def decisive(items: tuple[Card, ...], page: Page) -> str:
    """The sources that decide the rating, named in one line a reader can open to read their words: on a phone,
    their quotes and translations would push the next sentence's verdict screens away."""
    if not items:
        return ""
    w, data = page.w, page.dataset
    evidence = {e.evidence_id: e for e in data.evidence}
    names = dict.fromkeys(credit_text(data.source(evidence[c.evidence_id].source_id), w) for c in items)
    title = w.t("The decisive sources: {outlets}", outlets=md(w.join(list(names))))
    return container("fc-decisive", block("dropdown", cards(items, page), title))


def page_evidence(out: PageCards, page: Page) -> str:
    """Where the wording came from, then every other card of the page, each once, collapsed."""
    w, blocks = page.w, []
    if out.evidence.chain:
        blocks.append(block("dropdown", cards(out.evidence.chain, page),
                            w.t("Where the wording came from, and what the article leaves out ({count})",
                                count=len(out.evidence.chain))))
    if out.evidence.rest:
        blocks.append(block("dropdown", cards(out.evidence.rest, page),
                            w.t("All other evidence on this page ({count})", count=len(out.evidence.rest))))
    return "\n\n".join(blocks)


# --- the computation, for the cell a reader can open ------------------------------------------

COMPARED = {"match": NC_("compared", "agrees"), "mismatch": NC_("compared", "differs"),
            "approximate": NC_("compared", "close, not the same"),
            "qualifier_unsupported": NC_("compared", "same figure, qualified differently")}


def _reported(c: Comparison, w: Words) -> str:
    if c.metric:
        rate = w.t(" at ¥{rate}/$", rate=w.number(c.jpy_per_usd)) if c.jpy_per_usd else ""
        return f"{metric_name(c.metric, w)} {w.amount(c.amount.value, 'USD')}{rate}"
    if c.amount is not None:
        return w.quantity(c.amount)
    return w.date(c.date)


def clip(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def computation(out: Computation, page: Page) -> str:
    """What the check compared, row by row, in words a reader understands, collapsed under one line."""
    w, data = page.w, page.dataset
    evidence = {e.evidence_id: e for e in data.evidence}

    def outlet(evidence_id: str) -> str:
        return md(credit_text(data.source(evidence[evidence_id].source_id), w))

    if out.finding.comparisons:
        rows = [(outlet(c.evidence_id), md(_reported(c, w)), md(w.ct("compared", COMPARED[c.outcome])))
                for c in out.finding.comparisons]
        header = (w.ct("column", "Source"), w.ct("column", "Reported"), w.ct("column", "Against the article"))
        title = w.t("Every figure compared ({count})", count=len(rows))
    else:
        def says(card: Card) -> str:
            ev = evidence[card.evidence_id]
            return md(clip(ev.quote if ev.language == w.code else page.text(ev, "translation") or ev.quote))

        rows = [(outlet(c.evidence_id), stance_label(c.stance, w), says(c)) for c in out.stances]
        header = (w.ct("column", "Source"), w.ct("column", "Reading"), w.ct("column", "What it says"))
        title = w.t("How each source reads ({count})", count=len(rows))
    claim = data.claim(out.finding.claim_id)
    single = len(data.parts_of(data.passage(claim.passage_id))) == 1  # a sentence of parts gives it with each part
    why = departure(out.finding, page) if single else ""
    return block("dropdown", list_table(header, rows, "fc-table fc-cards") + (f"\n\n{why}" if why else ""), title)


def departure(finding: Finding, page: Page) -> str:
    """Where an editor rated a part otherwise than the rule for its finding, why (the methodology promises it)."""
    w, judgment = page.w, page.dataset.judgment_for(finding.claim_id)
    rating, judged, _ = rate(finding, judgment)
    usual = DEFAULT_RULES[finding.outcome]
    if not judged or rating is usual:
        return ""
    return w.t("**Why not the usual rating.** Our rules rate this finding {usual}; an editor rated this part "
               "{given}. {reason}", usual=badge(usual, w), given=badge(rating, w),
               reason=md(page.text(judgment, "departs_because")))

