"""What the document reports (markdown, html, sarif, junit, csv) compute alike from an outcome:
safe text, the plan's own lines, pillar coverage, findings per family, the most common gaps.

Everything here is a pure function of the outcome (and of the plan files for quoted lines),
ordered explicitly, so that equal input gives equal reports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from advisor import catalogue, knowledge, rules
from advisor.findings import Finding, Outcome, Review
from advisor.knowledge_base import KNOWLEDGE_DIR
from advisor.rules.base import SEVERITY_RANK
from advisor.terminal import clean

# Characters XML 1.0 cannot carry at all (clean() already drops C0/C1 controls).
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
# A plan file larger than this is not read again for quoting (it was reviewed already).
_MAX_QUOTE_BYTES = 5_000_000
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
    number: int
    text: str
    target: bool


def quote(file: str, line: int, before: int = 1, after: int = 1) -> tuple[QuotedLine, ...]:
    """The plan's own lines around ``line``; nothing when the file cannot be read (a report
    never fails for want of a quote)."""
    lines = _file_lines(file)
    if not lines or line < 1 or line > len(lines):
        return ()
    first, last = max(1, line - before), min(len(lines), line + after)
    return tuple(QuotedLine(n, plain(lines[n - 1].rstrip("\r\n"), 200), n == line) for n in range(first, last + 1))


def row_quote(f: Finding) -> tuple[QuotedLine, ...]:
    """A workbook finding's row, one cell a line (``C5: text``), the finding's cell marked."""
    return tuple(QuotedLine(i, plain(text, 200), text.startswith(f"{f.cell}:")) for i, text in enumerate(f.excerpt, 1))


@cache
def _file_lines(file: str) -> tuple[str, ...]:
    try:
        path = Path(file)
        if not path.is_file() or path.stat().st_size > _MAX_QUOTE_BYTES:
            return ()
        return tuple(path.read_bytes().decode("utf-8", errors="replace").splitlines())
    except (OSError, ValueError):
        return ()


@cache
def _coverage_map() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((KNOWLEDGE_DIR / "coverage.yaml").read_text(encoding="utf-8"))
    return data


def coverage(review: Review) -> dict[str, int]:
    """Pillar -> 0..100 in the order of knowledge/pillars.yaml (see knowledge/coverage.yaml)."""
    table = _coverage_map()
    out = {pillar: int(table["full"]) for pillar in knowledge.pillars()}
    for finding in review.findings:
        entry = table["rules"].get(finding.rule_id)
        if not entry:
            continue
        pillar = entry.get("pillar") or dict(finding.params).get("pillar")
        if pillar in out:
            out[pillar] = min(out[pillar], int(entry["level"]))
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
    return tally.ranked(lang, top)


class GapTally:
    """The common gaps counted plan by plan, so that a streaming batch (advisor/batch.py) keeps
    one count per rule instead of every plan's findings."""

    def __init__(self) -> None:
        self.plans: Counter[str] = Counter()
        self.occurrences: Counter[str] = Counter()
        self.worst: dict[str, str] = {}

    def add(self, active: Sequence[tuple[str, str]]) -> None:
        """One plan's active findings, as (rule id, severity)."""
        self.plans.update({rule_id for rule_id, _ in active})
        self.occurrences.update(rule_id for rule_id, _ in active)
        worst = self.worst
        for rule_id, severity in active:  # a configured severity may differ between plans: show the gravest
            if rule_id not in worst or SEVERITY_RANK[severity] < SEVERITY_RANK[worst[rule_id]]:
                worst[rule_id] = severity

    def ranked(self, lang: str, top: int = 10) -> tuple[Gap, ...]:
        plans, occurrences, worst = self.plans, self.occurrences, self.worst
        # Errors first (they decide readiness), then the gaps found in most plans.
        ranked = sorted(
            plans, key=lambda rule_id: (SEVERITY_RANK[worst[rule_id]], -plans[rule_id], -occurrences[rule_id], rule_id)
        )[:top]
        return tuple(
            Gap(rule_id, worst[rule_id], plain(rule_summary(rule_id, lang), 300), plans[rule_id], occurrences[rule_id])
            for rule_id in ranked
        )


def verdict_counts(outcome: Outcome) -> dict[str, int]:
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
    key: str
    label: str
    value: int


def score_items(scores: dict[str, int], lang: str) -> tuple[Score, ...]:
    """A review's scores in the order and with the names of knowledge/scoring.yaml; a
    dimension unknown there comes last under its own key."""
    dims = knowledge.scoring().dimensions
    ordered = sorted(scores, key=lambda k: (dims[k].order if k in dims else len(dims) + 1, k))
    return tuple(Score(k, dims[k].label.get(lang) if k in dims else k, scores[k]) for k in ordered)


def score_columns(reviews: tuple[Review, ...], lang: str) -> tuple[Score, ...]:
    """Every dimension any review was scored on (value 0), for a table's columns."""
    keys = {key for review in reviews for key in review.scores}
    return score_items(dict.fromkeys(keys, 0), lang)
