"""What a reader sees, as MyST Markdown: claim boxes, ratings with their reasons, evidence cards, tables.

Pages are written as Markdown (rendered by myst-nb with ``nb_render_markdown_format: myst``) rather
than raw HTML, so that their words reach the search index, their links reach the link checker, and
French or Japanese text carries its ``lang`` (docutils turns a ``language-fr`` class into ``lang="fr"``).
Every string from ``data/`` passes through :func:`md` (Markdown) or :func:`html.escape` (the few
inline HTML spans), so a quote holding markup, a MyST role or a ``</script>`` renders as plain text.

Nothing here imports Jupyter or Sphinx: these are pure functions from records to text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .checks import KIND_ORDER
from .data import Article, Dataset, Evidence, Link, Passage, Source
from .language import EN, FR, Language
from .ratings import (COMBINATION_RULES, COMBINATION_RULES_FR, DEFAULT_RULES, OUTCOME_LABELS, OUTCOME_LABELS_FR,
                      PassageVerdict, Rating, Verdict)

SCALE_LABEL = "rating-scale"
"""The methodology's label for the rating scale: every badge links there."""

STANCE_LABELS = {"supports": "Supports", "contradicts": "Contradicts", "qualifies": "Qualifies", "context": "Context"}
STANCE_LABELS_FR = {"supports": "Confirme", "contradicts": "Contredit", "qualifies": "Nuance", "context": "Contexte"}


def stance_label(stance: str, L: Language = EN) -> str:
    return L(en=STANCE_LABELS[stance], fr=STANCE_LABELS_FR[stance])
DECISIVE_SOURCES = (2, 4)
"""How many sources stay visible under a sentence's verdict: at least two where there are two, at most four
(two each where a page checks several sentences, so that the page stays short enough to read on a phone)."""


# --- Markdown primitives -----------------------------------------------------------------------

def md(text: str) -> str:
    """Escape every ASCII punctuation mark: data renders as text, never as Markdown or MyST syntax."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(text.split()))


def block(directive: str, body: str, argument: str = "", **options: str) -> str:
    """A MyST colon-fenced directive whose fence is longer than any fence nested in its body."""
    inner = max((len(m) for m in re.findall(r"(?m)^:{3,}", body)), default=2)
    fence = ":" * (inner + 1)
    opts = "".join(f":{k.rstrip('_').replace('_', '-')}: {v}\n" for k, v in options.items())
    return f"{fence}{{{directive}}} {argument}".rstrip() + f"\n{opts}{body.strip()}\n{fence}"


def container(classes: str, body: str, name: str = "") -> str:
    return block("container", body, classes, **({"name": name} if name else {}))


def md_role(text: str) -> str:
    """Text inside a role's backticks is not Markdown: escape only what ends or re-targets the role."""
    return " ".join(text.split()).replace("`", "'").replace("<", "‹").replace(">", "›")


def link(text: str, url: str) -> str:
    return f"[{md(text)}](<{url.replace('<', '%3C').replace('>', '%3E').replace(chr(10), '')}>)"


def fr(text: str) -> str:
    """Inline French text: marked ``lang="fr"`` for screen readers, hyphenation and the French edition."""
    return f'<span lang="fr">{escape(" ".join(text.split()))}</span>'


def badge(rating: Rating, L: Language = EN) -> str:
    """The rating as a coloured badge, linked to its definition on the methodology page."""
    return (f'<span class="fc-badge fc-{rating.slug}">{{ref}}`{rating.label(L)} <{SCALE_LABEL}>`</span>')


def anchor(passage: Passage) -> str:
    return f"passage-{passage.passage_id.replace('_', '-')}"


def date_range(after: dt.date, before: dt.date, L: Language = EN) -> str:
    return L(en=f"between {L.date(after)} and {L.date(before)}", fr=f"entre le {L.date(after)} et le {L.date(before)}")


def when_published(article: Article, L: Language = EN) -> str:
    if article.date_published:
        return L(en="published ", fr="publié le ") + L.date(article.date_published)
    window = date_range(article.written_after, article.written_before, L)
    return L(en=f"undated, written {window} ({{doc}}`about the article </book/about-article>`)",
             fr=f"non daté, écrit {window} ({{doc}}`à propos de l'article </book/about-article>`)")


# --- a sentence of the article and its verdict ------------------------------------------------

def passage_markdown(verdict: PassageVerdict, article: Article, L: Language = EN) -> str:
    """The claim, our rating and its reason first (above the fold on a phone), then the article's own
    words, who published them and when, then the parts."""
    p = verdict.passage
    # The MyST target lets {ref} resolve from other pages; the raw heading carries the id it links to.
    head = (f'({anchor(p)})=\n<h2 class="fc-passage-title" id="{anchor(p)}"><span class="fc-claim-label">'
            f'{L(en="Claim:", fr="Affirmation :")}</span> {escape(L.of(p, "claim_short"))}</h2>')
    rating = container("fc-verdict", f"{badge(verdict.rating, L)} {md(verdict.conclusion_in(L))}")
    lines = [container("fc-label", L(en="What the article says", fr="Ce que dit l'article")),
             container("fc-quote-fr language-fr", f"« {md(p.quote_fr)} »")]
    if L.code == "en":
        lines.append(container("fc-quote-en", f"*In English:* {md(p.quote_en)}"))
    publisher = md(article.publisher or L(en="Unknown publisher", fr="Éditeur inconnu"))
    lines.append(container("fc-byline", f"{publisher}, « {fr(article.headline_fr)} », {when_published(article, L)}."))
    box = container("fc-claimbox", "\n\n".join(lines))
    return "\n\n".join([head, rating, box, parts_markdown(verdict.parts, L)])


def parts_markdown(parts: Sequence[Verdict], L: Language = EN) -> str:
    if len(parts) == 1:
        return ""
    items = [f"- {badge(v.rating, L)} **{md(L.of(v.claim, 'claim_short'))}.** {md(v.conclusion_in(L))}" for v in parts]
    n = L.number_word(len(parts), feminine=True)
    return container("fc-parts", L(en=f"**The {n} parts of this sentence we checked**",
                                   fr=f"**Les {n} parties de cette phrase que nous avons vérifiées**")
                     + "\n\n" + "\n".join(items))


# --- evidence ---------------------------------------------------------------------------------

def credit(source: Source, L: Language = EN) -> str:
    """'AP (via Spectrum News 13)': a copy is credited to its original outlet."""
    if source.is_copy:
        return f"{md(source.original_publisher or '')} ({L(en='via', fr='repris par')} {md(_site(source.publisher))})"
    return md(source.publisher)


def _site(publisher: str) -> str:
    """'The Business Times (businesstimes.com.sg)' → 'The Business Times': one pair of brackets is enough."""
    return re.sub(r"\s*\([^()]*\)$", "", publisher) or publisher


def evidence_card(ev: Evidence, stance: str, source: Source, L: Language = EN) -> str:
    """A quote in its own language; where that is not the edition's, our translation follows, marked ours."""
    when = L.date(source.date_published) if source.date_published else L(en="undated", fr="non daté")
    quote = container(f"fc-quote language-{ev.language}", f"“{md(ev.quote)}”")
    lines = [f'<span class="fc-stance fc-{stance}">{stance_label(stance, L)}</span> · **{credit(source, L)}**, {when}',
             quote]
    translation = L.of(ev, "translation") if ev.language != L.code else ""
    if translation:
        lines.append(container(f"fc-translation language-{L.code}",
                               L(en="*Our translation:* ", fr="*Notre traduction :* ") + L.quoted(md(translation))))
    if source.anonymous:
        lines.append(container("fc-note", L(en="An anonymous copy with no identifiable original: shown as context, "
                                               "never counted as confirmation.",
                                            fr="Une copie anonyme sans original identifiable : montrée pour le "
                                               "contexte, jamais comptée comme une confirmation.")))
    accessed = L(en="accessed ", fr="consulté le ") + L.date(source.date_accessed)
    lines.append(container("fc-cite", f"{link(source.title, source.url)}, {accessed}"))
    return container(f"fc-evidence fc-{stance}", "\n\n".join(lines))


def source_rank(source: Source) -> tuple:
    return (KIND_ORDER.index(source.kind) if source.kind in KIND_ORDER else len(KIND_ORDER), source.is_copy)


def decisive_evidence(verdict: PassageVerdict, dataset: Dataset, shown: set[str] = frozenset(),
                      most: int = DECISIVE_SOURCES[1]) -> list[tuple[Link, Evidence]]:
    """Two to four cards that carry the verdict: the rows the parts' findings rest on, worst part first,
    one original outlet each, the strongest kind of source first, none already shown on the page."""
    sources = {s.source_id: s for s in dataset.sources}
    chosen: list[tuple[Link, Evidence]] = []
    outlets: set[str] = set()
    least = DECISIVE_SOURCES[0]
    quoted = {(e.source_id, e.quote) for e in dataset.evidence if e.evidence_id in shown}
    by_part = sorted(verdict.parts, key=lambda v: (v.claim.role != "core", v.rating.rank or 6))
    for _ in range(most):
        added = False
        for v in by_part:
            used = set(v.finding.evidence_ids)
            pairs = [(l, e) for l, e in dataset.evidence_for(v.claim.claim_id)
                     if e.evidence_id in used and (e.source_id, e.quote) not in quoted and l.stance != "context"
                     and not sources[e.source_id].anonymous and sources[e.source_id].outlet not in outlets]
            # Beside a poor rating, show first what the article got wrong, not what it got right.
            pairs.sort(key=lambda le: (le[0].stance == "supports" and v.rating.rank < 4,
                                       source_rank(sources[le[1].source_id])))
            if pairs and len(chosen) < most:
                chosen.append(pairs[0])
                outlets.add(sources[pairs[0][1].source_id].outlet)
                added = True
        if len(chosen) >= least or not added:
            break
    return chosen


def decisive_plan(verdicts: Sequence[PassageVerdict], dataset: Dataset) -> dict[str, list[tuple[Link, Evidence]]]:
    """The decisive cards of every sentence on one page, in page order, no card twice: two to four for a
    page with one sentence, two each where a page checks several."""
    most = DECISIVE_SOURCES[1] if len(verdicts) == 1 else DECISIVE_SOURCES[0]
    shown: set[str] = set()
    plan = {}
    for v in verdicts:
        plan[v.passage.passage_id] = decisive_evidence(v, dataset, shown, most)
        shown |= {e.evidence_id for _, e in plan[v.passage.passage_id]}
    return plan


def decisive_markdown(cards: Sequence[tuple[Link, Evidence]], dataset: Dataset, L: Language = EN) -> str:
    sources = {s.source_id: s for s in dataset.sources}
    if not cards:
        return ""
    return container("fc-decisive", L(en="**The decisive sources**", fr="**Les sources décisives**") + "\n\n"
                     + "\n\n".join(evidence_card(ev, link_.stance, sources[ev.source_id], L) for link_, ev in cards))


def page_evidence_markdown(passages: Sequence[PassageVerdict], dataset: Dataset, L: Language = EN) -> str:
    """Where the wording came from, then every other card of the page, each once, collapsed."""
    sources = {s.source_id: s for s in dataset.sources}
    claim_ids = [v.claim.claim_id for pv in passages for v in pv.parts]
    shown = {e.evidence_id for cards in decisive_plan(passages, dataset).values() for _, e in cards}
    quoted = {(e.source_id, e.quote) for e in dataset.evidence if e.evidence_id in shown}
    seen: dict[tuple[str, str], tuple[Link, Evidence]] = {}
    for cid in claim_ids:
        for link_, ev in dataset.evidence_for(cid):
            key = (ev.source_id, ev.quote)  # two rows quoting the same sentence are one card
            if key not in quoted and key not in seen:
                seen[key] = (link_, ev)
    chain = [(l, e) for l, e in seen.values() if l.stance == "context"]
    rest = [(l, e) for l, e in seen.values() if l.stance != "context"]
    out = []
    if chain:
        out.append(block("dropdown", "\n\n".join(evidence_card(e, l.stance, sources[e.source_id], L) for l, e in chain),
                         L(en="Where the wording came from, and what the article leaves out",
                           fr="D'où vient la formulation, et ce que l'article omet") + f" ({len(chain)})"))
    if rest:
        rest.sort(key=lambda le: (list(STANCE_LABELS).index(le[0].stance), source_rank(sources[le[1].source_id])))
        out.append(block("dropdown", "\n\n".join(evidence_card(e, l.stance, sources[e.source_id], L) for l, e in rest),
                         L(en="All other evidence on this page", fr="Tous les autres éléments de cette page")
                         + f" ({len(rest)})"))
    return "\n\n".join(out)


# --- the landing page -------------------------------------------------------------------------

def claim_link(passage: Passage, L: Language = EN) -> str:
    """A link to a sentence's verdict, from any page (a MyST reference to its label)."""
    return f"{{ref}}`{md_role(L.of(passage, 'claim_short'))} <{anchor(passage)}>`"


def bottom_line(verdicts: Sequence[PassageVerdict], L: Language = EN) -> str:
    """Two sentences on what the article gets right and wrong, written from the verdicts."""
    def summary(v: PassageVerdict) -> str:
        return L.of(v.passage, "summary")

    holding = [v for v in verdicts if v.rating in (Rating.TRUE, Rating.MOSTLY_TRUE)]
    right = md(L.join([summary(v) for v in holding if v.central] or [summary(v) for v in holding]))
    wrong = md(L.join([summary(v) for v in verdicts if v.rating in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE)]))
    unknown = md(L.join([summary(v) for v in verdicts if v.rating is Rating.UNVERIFIED]))
    n, held = L.number_word(len(verdicts), feminine=True), L.number_word(len(holding), feminine=True)
    text = L(en=f"**The bottom line.** Of the {n} sentences we checked, {held} hold up fully or mostly, among them {right}.",
             fr=f"**L'essentiel.** Sur les {n} phrases vérifiées, {held} tiennent entièrement ou en grande partie, "
                f"dont {right}.")
    if wrong:
        text += L(en=f" But it misleads or is wrong on {wrong}.", fr=f" Mais l'article trompe ou se trompe sur {wrong}.")
    if unknown:
        text += L(en=f" We could not verify {unknown}.", fr=f" Nous n'avons pas pu vérifier {unknown}.")
    return container("fc-bottom-line", text)


CORRECTIONS_SHOWN = 5
"""The landing page lists at most this many corrections, worst and most central first; the table has all."""


def corrections_list(verdicts: Sequence[PassageVerdict], L: Language = EN) -> str:
    wrong = sorted((v for v in verdicts if v.rating in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE)),
                   key=lambda v: (v.rating.rank, not v.central))
    items = [f"- {badge(v.rating, L)} **{claim_link(v.passage, L)}.** {md(v.conclusion_in(L))}"
             for v in wrong[:CORRECTIONS_SHOWN]]
    rest = len(wrong) - CORRECTIONS_SHOWN
    if rest > 0:
        items.append(L(en=f"- And {L.number_word(rest)} more in the table below.",
                       fr=f"- Et {L.number_word(rest)} de plus dans le tableau ci-dessous."))
    return container("fc-corrections", "\n".join(items))


def verdict_table(verdicts: Sequence[PassageVerdict], L: Language = EN) -> str:
    """Claim · rating · reason, as a list-table that stacks into cards on a phone (the reason stays)."""
    rows = []
    for v in verdicts:
        rows.append(f"* - {claim_link(v.passage, L)}\n  - {badge(v.rating, L)}\n  - {md(v.conclusion_in(L))}")
    body = L(en="* - Claim\n  - Rating\n  - Why\n", fr="* - Affirmation\n  - Verdict\n  - Pourquoi\n") + "\n".join(rows)
    return block("list-table", body, "", header_rows="1", class_="fc-verdicts", widths="30 15 55")


# --- methodology ------------------------------------------------------------------------------

def rating_scale(L: Language = EN) -> str:
    """The scale. The English edition also names each rating's French twin, which shares its ClaimReview value."""
    rows = [f"* - {badge(r, L)}\n  - {r.rating_value or '–'}\n" + (f"  - {fr(r.label(FR))}\n" if L.code == "en" else "")
            + f"  - {md(r.definition_in(L))}" for r in Rating]
    head = L(en="* - Rating\n  - ClaimReview value\n  - French edition\n  - Meaning\n",
             fr="* - Verdict\n  - Valeur ClaimReview\n  - Définition\n")
    return block("list-table", head + "\n".join(rows), "", header_rows="1", class_="fc-scale",
                 widths=L(en="18 12 15 55", fr="20 15 65"))


def default_rules(L: Language = EN) -> str:
    labels = L(en=OUTCOME_LABELS, fr=OUTCOME_LABELS_FR)
    rows = [f"* - {md(labels[o].capitalize())}\n  - {badge(r, L)}" for o, r in DEFAULT_RULES.items()]
    head = L(en="* - What the check finds\n  - Default rating\n", fr="* - Ce que trouve la vérification\n  - Verdict par défaut\n")
    return block("list-table", head + "\n".join(rows), "", header_rows="1", class_="fc-rules", widths="70 30")


def combination_rules(L: Language = EN) -> str:
    first, *rest = L(en=COMBINATION_RULES, fr=COMBINATION_RULES_FR)
    lines = [f"1. {md(first)}", f"2. {md(rest[0])}", f"3. {md(rest[1])}"]
    lines += [f"   - {md(r)}" for r in rest[2:]]
    return "\n".join(lines)


# --- sources ----------------------------------------------------------------------------------

KIND_LABELS_FR = {"company_report": "Documents de l'entreprise", "company_statement": "Déclarations de l'entreprise",
                  "official_statement": "Déclarations officielles", "wire": "Agences de presse",
                  "newspaper": "Journaux et magazines", "broadcaster": "Radios et télévisions",
                  "trade_press": "Presse spécialisée", "social_media": "Réseaux sociaux et blogs",
                  "aggregator": "Agrégateurs et copies", "reference": "Ouvrages de référence",
                  "data_provider": "Données de marché"}
KIND_LABELS = {"company_report": "Company reports", "company_statement": "Company statements",
               "official_statement": "Official statements", "wire": "News agencies (wires)",
               "newspaper": "Newspapers and magazines", "broadcaster": "Broadcasters", "trade_press": "Trade press",
               "social_media": "Social media and blogs", "aggregator": "Aggregators and copies",
               "reference": "Reference works", "data_provider": "Market data"}


def sources_markdown(dataset: Dataset, L: Language = EN) -> str:
    """Every source, grouped by kind, one collapsed group each: the titles link to the pages consulted."""
    by_source: dict[str, set[str]] = {}
    ev_source = {e.evidence_id: e.source_id for e in dataset.evidence}
    for l in dataset.links:
        by_source.setdefault(ev_source[l.evidence_id], set()).add(l.claim_id)
    short = {c.claim_id: L.of(c, "claim_short") for c in dataset.claims}
    out = []
    for kind in KIND_ORDER:
        group = sorted((s for s in dataset.sources if s.kind == kind), key=lambda s: (s.outlet.lower(), s.source_id))
        if not group:
            continue
        items = []
        for s in group:
            when = L.date(s.date_published) if s.date_published else L(en="undated", fr="non daté")
            bears = sorted(short[c] for c in by_source.get(s.source_id, ()))
            used = (L(en=" Bears on: ", fr=" Porte sur : ") + md("; ".join(bears)) + "." if bears else
                    L(en=" Dates an event on the timeline.", fr=" Date un événement de la chronologie."))
            accessed = L(en="accessed ", fr="consulté le ") + L.date(s.date_accessed)
            items.append(f"- {link(s.title, s.url)}. {credit(s, L)}, {when}{L(en='; ', fr=' ; ')}{accessed}. "
                         f"*{md(L.of(s, 'reliability_note'))}*{used}")
        label = L(en=KIND_LABELS, fr=KIND_LABELS_FR).get(kind, kind)
        out.append(block("dropdown", "\n".join(items), f"{label} ({len(group)})"))
    return "\n\n".join(out)


# --- dated events -----------------------------------------------------------------------------

def events_markdown(dataset: Dataset, after: dt.date | None = None, L: Language = EN) -> str:
    sources = {s.source_id: s for s in dataset.sources}
    evidence = {e.evidence_id: e for e in dataset.evidence}
    items = []
    for event in sorted(dataset.events, key=lambda e: e.date):
        if after is not None and event.date <= after:
            continue
        ev = evidence[event.evidence_id]
        source = sources[ev.source_id]
        quote = f"“{md(ev.quote)}”"
        if L.code == "fr" and ev.language != "fr":
            quote += f" (notre traduction : {L.quoted(md(ev.translation_fr or ''))})"
        items.append(f"- **{L.date(event.date)}**{L(en=':', fr=' :')} {md(L.of(event, 'label'))}. {quote} "
                     f"({link(source.title, source.url)}, {credit(source, L)})")
    return "\n".join(items)


# --- plain tables a reader understands (HTML for the page, text for nbval) --------------------

@dataclass(frozen=True)
class ReaderTable:
    """A table with reader column names and no index: HTML in the book, aligned text for nbval."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    summary: str = ""  # when set, the table is collapsed under this line

    def _repr_html_(self) -> str:
        # One row per line: a changed figure shows in a diff as the one row it changed.
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        body = "\n".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>" for row in self.rows)
        table = f'<table class="fc-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
        if self.summary:
            return f'<details class="fc-collapsed"><summary>{escape(self.summary)}</summary>{table}</details>'
        return table

    def __repr__(self) -> str:
        widths = [max(len(c), *(len(r[i]) for r in self.rows)) if self.rows else len(c)
                  for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths))]
        lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in self.rows]
        return "\n".join(line.rstrip() for line in lines)


# --- about this fact-check: who, when, what changed, how to report an error ---------------------

def publication_dates(dataset: Dataset) -> tuple:
    """(first publication, last substantive change): the two dates every page shows, with their notes."""
    published = min((c for c in dataset.changelog if c.change == "published"), key=lambda c: c.date)
    substantive = max((c for c in dataset.changelog if c.change in ("published", "substantive")),
                      key=lambda c: c.date)
    return published, substantive


def about_markdown(dataset: Dataset, config: dict, L: Language = EN) -> str:
    article = dataset.article()
    published, changed = publication_dates(dataset)
    archived = f"{config['repository'].rstrip('/')}/blob/main/data/{article.text_path}"
    publisher, contact = config["publisher"], config["contact"]
    site = L(en=f"on {article.publisher or 'its site'}", fr=f"sur {article.publisher or 'son site'}")
    where = link(site, article.url) if article.url else L(en="address unknown", fr="adresse inconnue")
    by = link(publisher.get("name", ""), publisher.get("url", ""))
    report = link(L(en=contact.get("name", "Report it"), fr=contact.get("name_fr", "Signalez-la")), contact.get("url", ""))
    note, first, last = md(L.of(changed, "note")), L.date(published.date), L.date(changed.date)
    return "\n".join(L(en=[
        f"- **The article under review:** « {fr(article.headline_fr)} », {where}, {when_published(article, L)}; "
        f"{link('our archived copy', archived)}, against which every quote is checked.",
        f"- **Published** by {by} on {first}. **Last substantive change** {last}: {note} "
        f"{{doc}}`Every change </book/corrections>`.",
        f"- **Found an error?** {report}: each report is answered, and each correction is logged with its date.",
    ], fr=[
        f"- **L'article vérifié :** « {fr(article.headline_fr)} », {where}, {when_published(article, L)} ; "
        f"{link('notre copie archivée', archived)}, à laquelle chaque citation est comparée.",
        f"- **Publié** par {by} le {first}. **Dernière modification de fond** le {last} : {note} "
        f"{{doc}}`Toutes les modifications </book/corrections>`.",
        f"- **Vous avez repéré une erreur ?** {report} : chaque signalement reçoit une réponse, et chaque correction "
        f"est consignée avec sa date.",
    ]))


# --- the pledge tracker -------------------------------------------------------------------------

def status_name(status: str, L: Language = EN) -> str:
    from .tracker import STATUS_NAMES_FR

    return L(en=status, fr=STATUS_NAMES_FR[status])


def status_badge(status: str, L: Language = EN) -> str:
    slug = status.lower().replace(" ", "-")
    return f'<span class="fc-status fc-status-{slug}">{{ref}}`{status_name(status, L)} <status-scale>`</span>'


def promise_anchor(promise_id: str) -> str:
    return f"promise-{promise_id.replace('_', '-')}"


def promise_title(standing, L: Language = EN) -> str:
    p = standing.promise
    return f"{L.of(p, 'pledge')}{L(en=':', fr=' :')} {L.amount(standing.target, standing.unit)} {L.of(p, 'aim')}"


def standing_summary(standing, L: Language = EN) -> str:
    """What counts, what counts in part, and what is only promised, by the as-of date, against the target."""
    fmt = lambda v: L.amount(v, standing.unit)  # noqa: E731
    if standing.measure == "jobs":
        found = [L(en=f"{fmt(standing.delivered)} reported created that count",
                   fr=f"{fmt(standing.delivered)} annoncés comme créés et qui comptent")]
    else:
        found = [L(en=f"{fmt(standing.delivered)} spent that counts", fr=f"{fmt(standing.delivered)} dépensés qui comptent")]
        if standing.delivered_in_part:
            found.append(L(en=f"{fmt(standing.delivered_in_part)} spent that counts only in part",
                           fr=f"{fmt(standing.delivered_in_part)} dépensés qui ne comptent qu'en partie"))
        if standing.pending:
            found.append(L(en=f"{fmt(standing.pending)} announced or committed, not yet shown as spent",
                           fr=f"{fmt(standing.pending)} annoncés ou engagés, sans preuve qu'ils aient été dépensés"))
    found_text = L(en="; ", fr=" ; ").join(found)
    return L(en=f"By {L.date(standing.as_of)}: {found_text}. Promised: {fmt(standing.target)} by "
                f"{L.date(standing.deadline)}.",
             fr=f"Au {L.date(standing.as_of)} : {found_text}. Promis : {fmt(standing.target)} d'ici au "
                f"{L.date(standing.deadline)}.")


def tracker_markdown(standing, dataset: Dataset, L: Language = EN) -> str:
    p = standing.promise
    evidence = {e.evidence_id: e for e in dataset.evidence}
    sources = {s.source_id: s for s in dataset.sources}
    words = evidence[p.words_evidence_id]
    head = (f"({promise_anchor(p.promise_id)})=\n<h2 class=\"fc-promise-title\" id=\"{promise_anchor(p.promise_id)}\">"
            f"{escape(promise_title(standing, L))}</h2>")
    status = container("fc-verdict", f"{status_badge(standing.status, L)} {md(standing_summary(standing, L))}")
    quote = md(words.quote) if words.quote[:1] in "\"“" else f"“{md(words.quote)}”"
    lines = [container("fc-label", L(en="The promise", fr="La promesse")),
             container(f"fc-quote language-{words.language}", quote)]
    if words.language != L.code and L.code == "fr":
        lines.append(container("fc-translation language-fr", f"*Notre traduction :* {L.quoted(md(words.translation_fr or ''))}"))
    made = L(en=f"{md(p.made_by_en)}, {L.date(p.made_on)}, as reported by {credit(sources[words.source_id], L)}. "
                f"Deadline: {L.date(standing.deadline)}.",
             fr=f"{md(p.made_by_fr)}, le {L.date(p.made_on)}, selon {credit(sources[words.source_id], L)}. "
                f"Échéance : {L.date(standing.deadline)}.")
    lines.append(container("fc-byline", made))
    box = container("fc-claimbox", "\n\n".join(lines))
    history = "\n".join(
        f"- **{L.date(c.date)}**{L(en=':', fr=' :')} {status_badge(c.status, L)}"
        + (L(en=" on ", fr=" d'après ") + md(_outlet_names(c.evidence_ids, evidence, sources, L)) if c.evidence_ids else
           (L(en=" (the deadline passed)", fr=" (l'échéance est passée)") if c.date > standing.deadline else ""))
        for c in standing.history)
    rows = []
    for e in sorted(standing.entries, key=lambda e: e.date):
        figure = L.amount(e.amount, standing.unit if e.evidence.unit and e.evidence.unit.split()[0] in
                          ("USD", "jobs") else e.evidence.unit or "") if e.amount is not None else "–"
        source = sources[e.evidence.source_id]
        rows.append(f"* - {L.date(e.date)}\n  - {kind_word(e.row.kind, L)}\n  - {md(figure)}\n"
                    f"  - {counts_word(e.counts, L)}\n  - {md(L.of(e.row, 'why'))}\n"
                    f"  - {link(credit(source, L).replace(chr(92), ''), source.url)}")
    head_row = L(en="* - Date\n  - What\n  - Figure\n  - Counts?\n  - Why\n  - Source\n",
                 fr="* - Date\n  - Quoi\n  - Montant\n  - Compte ?\n  - Pourquoi\n  - Source\n")
    table = block("list-table", head_row + "\n".join(rows), "", header_rows="1", class_="fc-tracker-rows",
                  widths="12 12 10 10 38 18")
    evidence_block = block("dropdown", table, L(en="The evidence, row by row", fr="Les éléments, ligne par ligne")
                           + f" ({len(rows)})")
    changed = L(en="**How the status changed**", fr="**Comment le statut a évolué**")
    return "\n\n".join([head, status, box, changed + "\n\n" + history, evidence_block])


KIND_WORDS = {"announced": "Announced", "committed": "Committed", "paid": "Paid",
              "jobs_reported": "Jobs reported", "statement": "Statement", "doubt": "Doubt"}
KIND_WORDS_FR = {"announced": "Annoncé", "committed": "Engagé", "paid": "Versé",
                 "jobs_reported": "Emplois annoncés", "statement": "Déclaration", "doubt": "Doute"}
COUNTS_WORDS = {"yes": "Counts", "partly": "In part", "no": "Does not count"}
COUNTS_WORDS_FR = {"yes": "Compte", "partly": "En partie", "no": "Ne compte pas"}


def kind_word(kind: str, L: Language = EN) -> str:
    return L(en=KIND_WORDS, fr=KIND_WORDS_FR)[kind]


def counts_word(counts: str, L: Language = EN) -> str:
    return L(en=COUNTS_WORDS, fr=COUNTS_WORDS_FR)[counts]


def _outlet_names(evidence_ids, evidence, sources, L: Language = EN) -> str:
    from .checks import outlet_list

    return outlet_list([evidence[e] for e in evidence_ids], sources).render(L)


def tracker_note(standing, L: Language = EN) -> str:
    """What a claim page says of the promise it quotes: kept apart from the verdict, linked to the tracker."""
    target = promise_anchor(standing.promise.promise_id)
    badge_, when = status_badge(standing.status, L), L.date(standing.as_of)
    return container("fc-tracker-link", L(
        en=f"**What happened since.** The {{ref}}`pledge tracker <{target}>` rates this promise {badge_} as of {when}. "
           "That is separate from this verdict, which judges the article when it was written.",
        fr=f"**Ce qui s'est passé depuis.** Le {{ref}}`suivi des promesses <{target}>` classe cette promesse {badge_} "
           f"au {when}. C'est distinct de ce verdict, qui juge l'article au moment où il a été écrit."))


def status_scale(L: Language = EN) -> str:
    from .tracker import STATUS_DEFINITIONS, STATUS_DEFINITIONS_FR

    definitions = L(en=STATUS_DEFINITIONS, fr=STATUS_DEFINITIONS_FR)
    rows = [f"* - {status_badge(s, L)}\n  - {md(d)}" for s, d in definitions.items()]
    return block("list-table", L(en="* - Status\n  - Meaning\n", fr="* - Statut\n  - Définition\n") + "\n".join(rows),
                 "", header_rows="1", class_="fc-scale", widths="25 75")


# --- what a claim page rests on, row by row ---------------------------------------------------------

def rows_behind(dataset: Dataset, page: str) -> dict[str, set[tuple[str, ...]]]:
    """The primary keys of every row a claim page's content depends on, by data file: its sentences and
    their parts, their links, evidence, sources and judgments, the exchange rates a measure converts at,
    and the promises it quotes with their tracker rows. An edit to any other row cannot change the page."""
    passages = dataset.passages_on(page)
    claims = [c for p in passages for c in dataset.parts_of(p)]
    claim_ids = {c.claim_id for c in claims}
    links = [l for l in dataset.links if l.claim_id in claim_ids]
    evidence_ids = {l.evidence_id for l in links}
    if any(c.check == "metric_match" for c in claims):
        evidence_ids |= {r.evidence_id for r in dataset.fx_rates}
    promises = [p for p in dataset.promises if p.article_claim_id in claim_ids]
    promise_ids = {p.promise_id for p in promises}
    tracker = [r for r in dataset.tracker if r.promise_id in promise_ids]
    evidence_ids |= {r.evidence_id for r in tracker}
    evidence_ids |= {getattr(p, k) for p in promises for k in ("words_evidence_id", "target_evidence_id",
                                                                 "deadline_evidence_id")}
    by_id = {e.evidence_id: e for e in dataset.evidence}
    return {
        "data/passages.csv": {(p.passage_id,) for p in passages},
        "data/claims.csv": {(c,) for c in claim_ids},
        "data/claim_evidence.csv": {(l.claim_id, l.evidence_id) for l in links},
        "data/evidence.csv": {(e,) for e in evidence_ids},
        "data/sources.csv": {(by_id[e].source_id,) for e in evidence_ids},
        "data/judgments.csv": {(j.claim_id,) for j in dataset.judgments if j.claim_id in claim_ids},
        "data/fx_rates.csv": ({(r.rate_id,) for r in dataset.fx_rates}
                              if any(c.check == "metric_match" for c in claims) else set()),
        "data/articles.csv": {(a.article_id,) for a in dataset.articles},
        "data/promises.csv": {(p,) for p in promise_ids},
        "data/tracker.csv": {(r.promise_id, r.evidence_id) for r in tracker},
    }
