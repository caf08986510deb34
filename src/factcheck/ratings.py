"""The rating scale, and the rules that turn a finding into a verdict.

Where a verdict needs judgment, the judgment lives in ``data/judgments.csv`` with its rationale, and
it names the outcome it was written for: if new data changes the outcome, the old judgment no longer
applies, the default rule takes over, and ``factcheck validate`` says the judgment needs review.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .checks import Finding, run_check
from .data import Claim, Dataset, Judgment, Passage
from .language import EN, Language


class Rating(str, enum.Enum):
    TRUE = "True"
    MOSTLY_TRUE = "Mostly true"
    MISLEADING = "Misleading"
    MOSTLY_FALSE = "Mostly false"
    FALSE = "False"
    UNVERIFIED = "Unverified"

    @property
    def rating_value(self) -> int | None:
        """ClaimReview ``ratingValue`` on a 1 (worst) to 5 (best) scale; none for Unverified."""
        return RATING_VALUES[self]

    @property
    def definition(self) -> str:
        return DEFINITIONS[self]

    def label(self, lang: Language = EN) -> str:
        """The rating's name in an edition: the English name, or the French one it maps to."""
        return lang(en=self.value, fr=FRENCH_NAMES[self])

    def definition_in(self, lang: Language) -> str:
        return lang(en=DEFINITIONS[self], fr=DEFINITIONS_FR[self])

    @property
    def slug(self) -> str:
        return self.value.lower().replace(" ", "-")

    @property
    def rank(self) -> int:
        """Higher is better; Unverified ranks with nothing, so rules treat it apart."""
        return self.rating_value or 0


RATING_VALUES = {Rating.TRUE: 5, Rating.MOSTLY_TRUE: 4, Rating.MISLEADING: 3, Rating.MOSTLY_FALSE: 2,
                 Rating.FALSE: 1, Rating.UNVERIFIED: None}
BEST_RATING, WORST_RATING = 5, 1

DEFINITIONS = {
    Rating.TRUE: "The claim is accurate as stated, and sources independent of the article confirm it.",
    Rating.MOSTLY_TRUE: "The claim is accurate in substance but overstates, understates or loosens a detail "
                        "(a qualifier, a title, a deadline) in a way that does not change its meaning much.",
    Rating.MISLEADING: "Part of the claim is accurate, but it leaves a false impression: a word, a frame or an "
                       "omission leads the reader to a wrong conclusion.",
    Rating.MOSTLY_FALSE: "The claim contains an element of truth but its central point is wrong.",
    Rating.FALSE: "The sources contradict the claim.",
    Rating.UNVERIFIED: "No reliable source we could find establishes or refutes the claim; the page says what was searched.",
}

FRENCH_NAMES = {Rating.TRUE: "Vrai", Rating.MOSTLY_TRUE: "Plutôt vrai", Rating.MISLEADING: "Trompeur",
                Rating.MOSTLY_FALSE: "Plutôt faux", Rating.FALSE: "Faux", Rating.UNVERIFIED: "Invérifiable"}
"""One French name per rating, the words French fact-checkers use (the methodology says which and why);
each keeps its English twin's ClaimReview ``ratingValue``."""

DEFINITIONS_FR = {
    Rating.TRUE: "L'affirmation est exacte telle qu'elle est formulée, et des sources indépendantes de l'article "
                 "la confirment.",
    Rating.MOSTLY_TRUE: "L'affirmation est exacte sur le fond, mais elle exagère, minimise ou relâche un détail "
                        "(un qualificatif, un titre, une échéance) sans en changer beaucoup le sens.",
    Rating.MISLEADING: "Une partie de l'affirmation est exacte, mais elle laisse une fausse impression : un mot, un "
                       "cadrage ou une omission conduit le lecteur à une conclusion erronée.",
    Rating.MOSTLY_FALSE: "L'affirmation contient une part de vérité, mais son point central est faux.",
    Rating.FALSE: "Les sources contredisent l'affirmation.",
    Rating.UNVERIFIED: "Aucune source fiable que nous avons trouvée n'établit ni ne réfute l'affirmation ; la page dit "
                       "ce qui a été cherché.",
}

DEFAULT_RULES = {
    "match": Rating.TRUE,
    "qualified": Rating.MOSTLY_TRUE,
    "approximate": Rating.MOSTLY_TRUE,
    "qualifier_unsupported": Rating.MOSTLY_TRUE,
    "partial": Rating.MISLEADING,
    "mismatch": Rating.FALSE,
    "contradicted": Rating.FALSE,
    "no_metric_match": Rating.FALSE,
    "unestablished": Rating.UNVERIFIED,
    "no_evidence": Rating.UNVERIFIED,
}
"""The rating each check outcome earns unless a judgment (data/judgments.csv) says why a claim departs."""

OUTCOMES_THAT_ESTABLISH_NOTHING = ("unestablished", "no_evidence")
"""The only outcomes an Unverified rating may rest on: nothing we found establishes or refutes the claim."""

OUTCOME_LABELS = {
    "match": "the sources agree with it",
    "qualified": "the sources agree, with a caveat",
    "approximate": "the sources give a close but different figure",
    "qualifier_unsupported": "the figure agrees, but not the word that qualifies it",
    "partial": "the sources agree with part of it and dispute part",
    "mismatch": "the sources give a different figure or date",
    "contradicted": "the sources contradict it",
    "unestablished": "the sources neither establish nor refute it",
    "no_metric_match": "none of the company's reported figures matches it",
    "no_evidence": "we found no source that bears on it",
}
"""Each check outcome in plain words, for readers and for the contributing guide."""

OUTCOME_LABELS_FR = {
    "match": "les sources la confirment",
    "qualified": "les sources la confirment, avec une réserve",
    "approximate": "les sources donnent un chiffre proche mais différent",
    "qualifier_unsupported": "le chiffre concorde, mais pas le mot qui le nuance",
    "partial": "les sources en confirment une partie et en contestent une autre",
    "mismatch": "les sources donnent un autre chiffre ou une autre date",
    "contradicted": "les sources la contredisent",
    "unestablished": "les sources ne l'établissent ni ne la réfutent",
    "no_metric_match": "aucun des chiffres publiés par l'entreprise ne lui correspond",
    "no_evidence": "nous n'avons trouvé aucune source qui porte sur elle",
}


@dataclass(frozen=True)
class Verdict:
    claim: Claim
    finding: Finding
    rating: Rating
    rationale: str | None
    stale_judgment: Judgment | None
    source_ids: tuple[str, ...]
    rationale_fr: str | None = None

    @property
    def conclusion(self) -> str:
        """The reason for the rating in one or two sentences: the judgment's, or the finding's own."""
        return self.conclusion_in(EN)

    def conclusion_in(self, lang: Language) -> str:
        rationale = lang(en=self.rationale or "", fr=self.rationale_fr or "")
        return rationale or self.finding.sentence_in(lang)


def rate(finding: Finding, judgment: Judgment | None) -> tuple[Rating, str | None, Judgment | None]:
    """Rating, rationale, and the judgment that no longer applies (if any)."""
    if judgment is not None and judgment.applies_when == finding.outcome:
        return Rating(judgment.rating), judgment.rationale_en, None
    return DEFAULT_RULES[finding.outcome], None, judgment


def verdict_for(dataset: Dataset, claim: Claim) -> Verdict:
    finding = run_check(dataset, claim)
    judgment = dataset.judgment_for(claim.claim_id)
    rating, rationale, stale = rate(finding, judgment)
    by_id = {e.evidence_id: e for e in dataset.evidence}
    source_ids = tuple(dict.fromkeys(by_id[e].source_id for e in finding.evidence_ids))
    return Verdict(claim, finding, rating, rationale, stale, source_ids, judgment.rationale_fr if rationale else None)


def all_verdicts(dataset: Dataset) -> tuple[Verdict, ...]:
    return tuple(verdict_for(dataset, claim) for claim in dataset.claims)


# --- the article-level verdict: one per sentence, combined from its parts ---------------------

COMBINATION_RULES = (
    "A core part rated False or Mostly false decides the sentence: it takes the worst such rating.",
    "Otherwise, if a core part is Unverified and no core part is rated Misleading, the sentence is Unverified: "
    "what it rests on is not established, so it cannot be rated True or Mostly true.",
    "Otherwise the sentence takes the worst rating among its core parts that were rated, then:",
    "a detail rated Misleading, Mostly false or False caps it at Misleading;",
    "a detail rated Mostly true or Unverified caps it at Mostly true.",
)
"""Written once, shown in the methodology, and applied by :func:`combine`."""

COMBINATION_RULES_FR = (
    "Une partie centrale jugée Faux ou Plutôt faux décide de la phrase : celle-ci prend la pire de ces notes.",
    "Sinon, si une partie centrale est Invérifiable et qu'aucune partie centrale n'est jugée Trompeur, la phrase est "
    "Invérifiable : ce sur quoi elle repose n'est pas établi, elle ne peut donc être jugée Vrai ou Plutôt vrai.",
    "Sinon, la phrase prend la pire note des parties centrales qui ont été notées, puis :",
    "un détail jugé Trompeur, Plutôt faux ou Faux la plafonne à Trompeur ;",
    "un détail jugé Plutôt vrai ou Invérifiable la plafonne à Plutôt vrai.",
)


def combine(parts: tuple[tuple[str, Rating], ...]) -> Rating:
    """The rating of a sentence from its parts' (role, rating) pairs, by :data:`COMBINATION_RULES`."""
    core = [r for role, r in parts if role == "core"]
    details = [r for role, r in parts if role == "detail"]
    if not core:
        raise ValueError("a sentence needs at least one core part")
    false = [r for r in core if r in (Rating.FALSE, Rating.MOSTLY_FALSE)]
    if false:
        return min(false, key=lambda r: r.rank)
    rated = [r for r in core if r is not Rating.UNVERIFIED]
    if len(rated) < len(core) and Rating.MISLEADING not in rated:
        return Rating.UNVERIFIED  # what the sentence rests on is not established: never (mostly) true
    rating = min(rated, key=lambda r: r.rank)
    caps = []
    if any(r in (Rating.MISLEADING, Rating.MOSTLY_FALSE, Rating.FALSE) for r in details):
        caps.append(Rating.MISLEADING)
    if any(r in (Rating.MOSTLY_TRUE, Rating.UNVERIFIED) for r in details):
        caps.append(Rating.MOSTLY_TRUE)
    return min([rating, *caps], key=lambda r: r.rank)


@dataclass(frozen=True)
class PassageVerdict:
    """What a reader read, rated as a whole; its parts keep their own verdicts underneath."""

    passage: Passage
    parts: tuple[Verdict, ...]
    rating: Rating

    @property
    def conclusion(self) -> str:
        return self.passage.conclusion_en

    def conclusion_in(self, lang: Language) -> str:
        return lang.of(self.passage, "conclusion")

    @property
    def conclusion_is_current(self) -> bool:
        """The written conclusion names the rating it was written for; new data may change the rating."""
        return self.passage.conclusion_rating == self.rating.value

    @property
    def central(self) -> bool:
        return any(p.claim.central for p in self.parts)

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.parts for s in p.source_ids))


def passage_verdict(dataset: Dataset, passage: Passage, parts: tuple[Verdict, ...] | None = None) -> PassageVerdict:
    if parts is None:
        parts = tuple(verdict_for(dataset, c) for c in dataset.parts_of(passage))
    return PassageVerdict(passage, parts, combine(tuple((v.claim.role, v.rating) for v in parts)))


def all_passage_verdicts(dataset: Dataset) -> tuple[PassageVerdict, ...]:
    verdicts = {v.claim.claim_id: v for v in all_verdicts(dataset)}
    return tuple(passage_verdict(dataset, p, tuple(verdicts[c.claim_id] for c in dataset.parts_of(p)))
                 for p in dataset.passages)
