"""What the document reports (markdown, html, sarif, junit, csv) compute alike from an outcome:
safe text, the plan's own lines, pillar coverage, findings per family, the most common gaps.

Everything here is a pure function of the outcome (the plan's lines a report quotes are in its
findings, and the knowledge is read through advisor.knowledge), ordered explicitly, so that
equal input gives equal reports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from advisor import catalogue, knowledge, rules
from advisor.findings import Finding, GapTally, Outcome, Review
from advisor.rules.base import SEVERITY_RANK
from advisor.terminal import clean
from advisor.texts import dimension_label

# Characters XML 1.0 cannot carry at all (clean() already drops C0/C1 controls).
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
VERDICT_ORDER = ("not_ready", "needs_revision", "ready")


def plain(text: object, limit: int = 2000) -> str:
    """Text from a plan made inert for any report: no ANSI or control codes, bounded."""
    return _NOT_XML.sub("", clean(str(text), limit))


# A code span of the texts: a key, a path or a `<...>` placeholder between backticks.
_CODE = re.compile(r"`([^`|\n]{1,80})`")


def code_spans(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is code, piece): the texts quote keys between backticks, which the
    Markdown and HTML reports show as code rather than as backticks."""
    pieces: list[tuple[bool, str]] = []
    end = 0
    for match in _CODE.finditer(text):
        if match.start() > end:
            pieces.append((False, text[end : match.start()]))
        pieces.append((True, match.group(1)))
        end = match.end()
    if end < len(text):
        pieces.append((False, text[end:]))
    return pieces


@dataclass(frozen=True)
class QuotedLine:
    """A line of the plan a report quotes; ``target`` marks the finding's own line."""

    number: int
    text: str
    target: bool


def quote(f: Finding) -> tuple[QuotedLine, ...]:
    """The plan's own lines around a finding in a text file, as the review kept them."""
    return tuple(QuotedLine(n, plain(text, 200), n == f.line) for n, text in f.lines)


def row_quote(f: Finding) -> tuple[QuotedLine, ...]:
    """A workbook finding's row, one cell a line (``C5: text``), the finding's cell marked."""
    return tuple(QuotedLine(i, plain(text, 200), text.startswith(f"{f.cell}:")) for i, text in enumerate(f.excerpt, 1))


def coverage(review: Review) -> dict[str, int]:
    """Pillar -> 0..100 in the order of knowledge/pillars.yaml (see knowledge/coverage.yaml)."""
    table = knowledge.coverage()
    out = dict.fromkeys(knowledge.pillars(), table.full)
    for finding in review.findings:
        entry = table.rules.get(finding.rule_id)
        if not entry:
            continue
        pillar = entry.pillar or dict(finding.params).get("pillar")
        if pillar in out:
            out[pillar] = min(out[pillar], entry.level)
    return out


def families(outcome: Outcome) -> tuple[str, ...]:
    """Every registered rule family, plus any a finding names (e.g. from an older registry)."""
    known = set(rules.families())
    known.update(f.family for review in outcome.reviews for f in review.findings)
    return tuple(sorted(known))


def family_counts(review: Review) -> dict[str, int]:
    """Active findings per family."""
    return dict(Counter(f.family for f in review.active()))


@dataclass(frozen=True)
class Gap:
    """One rule's findings across the plans of an outcome: one of the most common gaps."""

    rule_id: str
    severity: str
    title: str
    plans: int
    findings: int = 0


def rule_summary(rule_id: str, lang: str) -> str:
    """The rule's title with its placeholders neutralised (as ``advisor rules`` lists it): one
    line that fits every finding of the rule; the id itself for a rule not registered."""
    try:
        return catalogue.summary(rules.get(rule_id), lang)
    except KeyError:
        return rule_id


def common_gaps(outcome: Outcome, lang: str, top: int = 10) -> tuple[Gap, ...]:
    """Active findings by rule, with the number of plans they appear in and of findings, errors
    first and then most plans first. Grouped by rule, not by filled title: a rule met for five partners of one plan
    is one gap of that plan, not five gaps of one plan each."""
    return rank_gaps((tuple((f.rule_id, f.severity) for f in r.active()) for r in outcome.reviews), lang, top)


def rank_gaps(plans_active: Iterable[Sequence[tuple[str, str]]], lang: str, top: int = 10) -> tuple[Gap, ...]:
    """:func:`common_gaps` from each plan's active findings as (rule id, severity)."""
    tally = GapTally()
    for active in plans_active:
        tally.add(active)
    return rank_tally(tally, lang, top)


def rank_tally(tally: GapTally, lang: str, top: int = 10) -> tuple[Gap, ...]:
    """The gaps a tally counted, ranked: errors first (they decide readiness), then the gaps
    found in most plans."""
    plans, occurrences, worst = tally.plans, tally.occurrences, tally.worst
    ranked = sorted(
        plans, key=lambda rule_id: (SEVERITY_RANK[worst[rule_id]], -plans[rule_id], -occurrences[rule_id], rule_id)
    )[:top]
    return tuple(
        Gap(rule_id, worst[rule_id], plain(rule_summary(rule_id, lang), 300), plans[rule_id], occurrences[rule_id])
        for rule_id in ranked
    )


def verdict_counts(outcome: Outcome) -> dict[str, int]:
    """Plans per verdict, gravest first, every verdict present (zero when none)."""
    counts = Counter(review.verdict for review in outcome.reviews)
    return {verdict: counts.get(verdict, 0) for verdict in VERDICT_ORDER}


def rule_name(finding: Finding) -> str:
    """The rule's dotted name (``pentahelix.pillar-missing``), or its id if not registered."""
    try:
        return rules.get(finding.rule_id).name
    except KeyError:
        return finding.rule_id


@dataclass(frozen=True)
class Score:
    """A scored dimension as a report shows it: ``label`` in the report's language."""

    key: str
    label: str
    value: int


def score_items(scores: dict[str, int], lang: str) -> tuple[Score, ...]:
    """A review's scores in the order and with the names of knowledge/scoring.yaml; a
    dimension unknown there comes last under its own key."""
    dims = knowledge.scoring().dimensions
    ordered = sorted(scores, key=lambda k: (dims[k].order if k in dims else len(dims) + 1, k))
    return tuple(Score(k, dimension_label(k, lang), scores[k]) for k in ordered)


def score_columns(reviews: tuple[Review, ...], lang: str) -> tuple[Score, ...]:
    """Every dimension any review was scored on (value 0), for a table's columns."""
    keys = {key for review in reviews for key in review.scores}
    return score_items(dict.fromkeys(keys, 0), lang)
