"""The verdicts: every claim has evidence and every row is used, every judgment is current, and every rating obeys
the scale's definitions."""

from __future__ import annotations

from .. import schema
from ..checks import run_check
from ..data import Dataset
from ..errors import Problem
from ..metrics import metric_candidates
from ..money import MissingRate
from ..outcomes import Outcome
from ..quantities import ParseError, parse_quantity_fr
from ..ratings import DEFAULT_RULES, OUTCOMES_THAT_ESTABLISH_NOTHING, Rating, all_passage_verdicts, rate
from .base import row_of


def rules(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = coverage(ds, tables) + judgments(ds, tables)
    try:
        out += scale(ds, tables)
    except (ParseError, ValueError, KeyError, MissingRate):
        pass  # a check that cannot run is reported by judgments() or articles, with the column to fix
    return out


def coverage(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    linked = {link.claim_id for link in ds.links}
    for claim in ds.claims:
        if claim.claim_id not in linked:
            out.append(Problem(tables["claims"].path, row_of(ds, "claims", claim), "claim_id", claim.claim_id,
                               "claim has no evidence in claim_evidence.csv"))
    used_evidence = ({l.evidence_id for l in ds.links} | {r.evidence_id for r in ds.fx_rates}
                     | {e.evidence_id for e in ds.events} | {r.evidence_id for r in ds.tracker}
                     | {getattr(p, k) for p in ds.promises
                        for k in ("words_evidence_id", "target_evidence_id", "deadline_evidence_id")})
    for ev in ds.evidence:
        if ev.evidence_id not in used_evidence:
            out.append(Problem(tables["evidence"].path, row_of(ds, "evidence", ev), "evidence_id", ev.evidence_id,
                               "evidence is used by no claim, exchange rate, event or promise"))
    used_sources = {ev.source_id for ev in ds.evidence}
    for source in ds.sources:
        if source.source_id not in used_sources:
            out.append(Problem(tables["sources"].path, row_of(ds, "sources", source), "source_id", source.source_id,
                               "source is cited by no evidence row"))
    return out




def judgments(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    out = []
    for claim in ds.claims:
        row = row_of(ds, "claims", claim)
        if claim.check == "metric_match":
            try:
                metric_candidates(parse_quantity_fr(claim.value_in_quote or "").value, ds.evidence_for(claim.claim_id), ds.fx_rates)
            except MissingRate as exc:
                out.append(Problem(tables["fx_rates"].path, None, "date", None, f"{exc} (needed by claim {claim.claim_id})"))
                continue
            except ParseError:
                continue  # reported by _article_rules
        try:
            finding = run_check(ds, claim)
        except ParseError:
            continue  # reported by _article_rules, with the column to fix
        except (ValueError, KeyError) as exc:
            out.append(Problem(tables["claims"].path, row, "check", claim.check, f"the check cannot run: {exc}"))
            continue
        judgment = ds.judgment_for(claim.claim_id)
        if judgment and judgment.applies_when != finding.outcome.value:
            out.append(Problem(tables["judgments"].path, row_of(ds, "judgments", judgment), "applies_when",
                               judgment.applies_when,
                               f"the checks now find '{finding.outcome.value}' for {claim.claim_id}; review this judgment"))
    return out


def scale(ds: Dataset, tables: dict[str, schema.Table]) -> list[Problem]:
    """The rating scale's definitions, enforced: a verdict that breaks them is refused."""
    out = []
    jpath = tables["judgments"].path
    for judgment in ds.judgments:
        row = row_of(ds, "judgments", judgment)
        default = DEFAULT_RULES[Outcome(judgment.applies_when)]
        for column in ("departs_because_en", "departs_because_fr"):  # the page says why, in each edition
            reason = getattr(judgment, column)
            if judgment.rating != default.value and not reason:
                out.append(Problem(jpath, row, column, "",
                                   f"{judgment.claim_id}: the outcome '{judgment.applies_when}' is rated "
                                   f"{default.value} everywhere else; say why this claim departs (rule: same outcome, "
                                   "same rating)"))
            if judgment.rating == default.value and reason:
                out.append(Problem(jpath, row, column, reason,
                                   f"{judgment.claim_id}: {default.value} is already the rule for "
                                   f"'{judgment.applies_when}'; nothing departs, so leave this empty"))
    stances: dict[str, set[str]] = {}
    for link in ds.links:
        stances.setdefault(link.claim_id, set()).add(link.stance)
    for claim in ds.claims:
        finding = run_check(ds, claim)
        rating, _, _ = rate(finding, ds.judgment_for(claim.claim_id))
        if rating is not Rating.UNVERIFIED:
            continue
        where = (jpath, row_of(ds, "judgments", ds.judgment_for(claim.claim_id)), "rating") \
            if ds.judgment_for(claim.claim_id) else (tables["claims"].path, row_of(ds, "claims", claim), "check")
        if "contradicts" in stances.get(claim.claim_id, set()):
            out.append(Problem(*where, "Unverified", f"{claim.claim_id}: evidence contradicts it, so it is not "
                               "Unverified (rule: Unverified means nothing establishes or refutes the claim)"))
        elif finding.outcome not in OUTCOMES_THAT_ESTABLISH_NOTHING:
            out.append(Problem(*where, "Unverified", f"{claim.claim_id}: the checks find '{finding.outcome.value}', which "
                               "refutes or establishes something (rule: Unverified means nothing establishes or "
                               "refutes the claim)"))
    for pv in all_passage_verdicts(ds):
        if not pv.conclusion_is_current:
            out.append(Problem(tables["passages"].path, row_of(ds, "passages", pv.passage), "conclusion_rating",
                               pv.passage.conclusion_rating,
                               f"its parts now rate {pv.passage.passage_id} {pv.rating.value}; rewrite conclusion_en "
                               f"for that rating and set conclusion_rating to it"))
    return out
