"""Findings and reviews: plain, frozen, ordered data that renderers only read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from advisor import knowledge
from advisor.rules.base import SEVERITY_RANK
from advisor.texts import fill, labelled_params


@dataclass(frozen=True)
class Finding:
    """One rule's conclusion about one subject of a plan, located at its line (or cell) and told in
    its rule's texts; ``based_on`` holds the keys of the findings a derived conclusion is drawn
    from, ``suppressed`` the plan's reason for setting it aside (still reported, never counted)."""

    rule_id: str
    severity: str
    family: str
    step: str
    path: str
    line: int
    col: int
    subject: str
    evidence: str
    params: tuple[tuple[str, Any], ...]
    sources: tuple[str, ...]
    based_on: tuple[str, ...] = ()
    suppressed: str | None = None
    # The facts the rule's conditions matched, by alias, as sorted (attribute, value) pairs:
    # what ``advisor check --explain`` shows. Not part of a finding's identity.
    facts: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = field(default=(), compare=False)
    # In a workbook: the sheet and cell, and the row's cells to show where a YAML line is shown
    # (line and col are then the row's virtual line and the column number).
    sheet: str | None = None
    cell: str | None = None
    excerpt: tuple[str, ...] = field(default=(), compare=False)
    # In a text file: the plan's own lines around the finding's line, numbered, as the review
    # read them (a report that quotes the plan never reads the file again).
    lines: tuple[tuple[int, str], ...] = field(default=(), compare=False)
    # The language of the plan's keys ("id" for `mitra`, "en" for `partners`): the texts name
    # keys as the plan writes them (advisor/plan_keys.py). None leaves the texts as written.
    key_lang: str | None = field(default=None, compare=False)
    # The reasoning behind the finding (``check --explain``), made from ``facts`` by
    # :func:`advisor.explain.traced` before the report is rendered.
    trace: Trace | None = field(default=None, compare=False)

    def where(self, file: str) -> str:
        """``file:line:col``, or ``file:Sheet!C5`` in a workbook."""
        if self.sheet is not None:
            return f"{file}:{self.sheet}!{self.cell}"
        return f"{file}:{self.line}:{self.col}"

    @property
    def key(self) -> str:
        """Stable identity across runs and revisions: rule and what it is about."""
        return f"{self.rule_id}:{self.subject}"

    @property
    def derived(self) -> bool:
        """Drawn from other findings (``based_on``), not from the facts alone."""
        return bool(self.based_on)

    def sort_key(self) -> tuple[Any, ...]:
        """The order of a report: gravest first, then rule, place and subject (deterministic)."""
        return (SEVERITY_RANK[self.severity], self.rule_id, self.line, self.col, self.subject)

    def text(self, part: str, lang: str) -> str:
        """``title``, ``message``, ``recommendation`` or ``why`` in ``lang``."""
        memo = self.__dict__.get("_text_memo")
        if memo is None or memo[0] != lang:
            memo = (lang, self._texts(lang))
            # A memo, not a field: equality, hashing and repr ignore it. Reports ask each
            # finding for three or four texts; this makes it one lookup instead of four.
            object.__setattr__(self, "_text_memo", memo)
        text = memo[1][part]
        if self.key_lang is None:
            return text
        return _key_renamer()(text, self.key_lang)

    def __getstate__(self) -> dict[str, Any]:
        # Pickled without the memo: a batch worker sends its reviews to the parent, which
        # fills the texts again in the language it reports in; the memo was a third of the bytes.
        return {k: v for k, v in self.__dict__.items() if k != "_text_memo"}

    def _texts(self, lang: str) -> dict[str, str]:
        # The values' types are part of the key: 1, 1.0 and True are equal keys, different texts.
        types = tuple(type(value) for _, value in self.params)
        try:
            return _texts(self.rule_id, lang, self.params, types)
        except TypeError:  # a parameter value that cannot be hashed: fill it uncached
            return _texts.__wrapped__(self.rule_id, lang, self.params, types)


@cache
def _key_renamer() -> Callable[[str, str | None], str]:
    """:func:`advisor.plan_keys.as_written`, imported at its first use (it imports the plan
    models) and not at every text asked for: the import statement cost more than the text."""
    from advisor.plan_keys import as_written

    return as_written


_PARTS = ("title", "message", "recommendation", "why")


# Every report format asks for the same few texts of each finding, and a batch meets the same
# rule with the same parameters in plan after plan. Bounded: parameters hold plan text.
@lru_cache(maxsize=4096)
def _texts(rule_id: str, lang: str, params: tuple[tuple[str, Any], ...], _types: tuple[type, ...]) -> dict[str, str]:
    entry = knowledge.rule_texts()[rule_id]
    labelled = labelled_params(params, lang)
    out = {}
    for part in _PARTS:
        text = getattr(entry, part)
        out[part] = fill(text.get(lang), labelled) if text else ""
    return out


@dataclass(frozen=True)
class TracedFact:
    """One fact a rule matched, as ``check --explain`` shows it: the attributes the rule's
    conditions test, and the evidence of the text readings it carries."""

    name: Any  # the fact's id, else its alias in the rule
    source_rule: Any  # the rule that derived it; None for a fact of the plan
    path: Any
    tested: tuple[tuple[str, Any], ...]
    readings: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class TracedSource:
    """A finding a derived conclusion rests on: ``finding`` None when it is not in the review
    (suppressed or not selected), ``trace`` None where the chain is cut."""

    key: str
    finding: Finding | None
    trace: Trace | None


@dataclass(frozen=True)
class Trace:
    """Why a finding was made: the facts its rule matched and the findings it was drawn from."""

    facts: tuple[TracedFact, ...]
    sources: tuple[TracedSource, ...]


@dataclass(frozen=True)
class Review:
    """One plan reviewed: its findings (suppressed ones included), the verdict (``ready``,
    ``needs_revision`` or ``not_ready``) and the scores by dimension; what every report renders."""

    file: str
    title: str
    plan_language: str | None
    findings: tuple[Finding, ...]
    verdict: str
    scores: dict[str, int] = field(default_factory=dict)
    # Notes about the plan that are not findings (advisor.problems.Problem), e.g. a suppression
    # that matched nothing; they never count towards the verdict or the exit code.
    notices: tuple[Any, ...] = ()
    # Findings left out because a baseline already knows them (advisor/baseline.py).
    baselined: int = 0
    # Active findings left out of the report by ``--min-severity``, by severity: the verdict
    # still counts them, so a report must say they exist (advisor/render/hidden.py).
    hidden: tuple[tuple[str, int], ...] = ()
    min_severity: str = "info"

    def active(self) -> tuple[Finding, ...]:
        """Findings not suppressed."""
        return tuple(f for f in self.findings if f.suppressed is None)

    def counts(self) -> dict[str, int]:
        """Active findings by severity, every severity present (zero when none)."""
        out = {"error": 0, "warning": 0, "info": 0}
        for finding in self.active():
            out[finding.severity] += 1
        return out

    def worst(self) -> str | None:
        """The gravest active finding's severity; None when no finding is active."""
        active = self.active()
        return min((f.severity for f in active), key=SEVERITY_RANK.__getitem__) if active else None


@dataclass(frozen=True)
class Failure:
    """A file that could not be reviewed, with every problem found in it."""

    file: str
    problems: tuple[Any, ...]
    lang: str | None = None  # the language the plan declares, if it could be read that far


@dataclass(frozen=True)
class Outcome:
    """What one run produced: the reviews, and the files that failed."""

    reviews: tuple[Review, ...]
    failures: tuple[Failure, ...] = ()
    # Report parts already rendered where the reviews were made (batch workers, in parallel),
    # by (id of the review, format, language), each stored with its review. A renderer uses a
    # part only for that very Review object: a review replaced since (a baseline applied, a
    # severity changed) is another object, and is rendered afresh.
    parts: dict[tuple[int, str, str], tuple[Review, str]] = field(default_factory=dict, compare=False, hash=False)

    def part(self, review: Review, fmt: str, lang: str) -> str | None:
        """The part rendered in advance for this very review object, or None: render it afresh."""
        stored = self.parts.get((id(review), fmt, lang))
        return stored[1] if stored and stored[0] is review else None


# --- what a streamed batch keeps of each review ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Digest:
    """What the summary and the exit code need of one review: all a streaming batch keeps of it
    (about two hundred bytes, where the review and its parts are tens of kilobytes)."""

    file: str
    verdict: str
    errors: int
    warnings: int
    infos: int
    baselined: int
    suppressed: int
    notices: int
    worst: str | None  # the gravest active finding's severity

    @classmethod
    def of(cls, review: Review) -> Digest:
        """Made as ``review`` arrives, so that the review itself can be dropped."""
        active = review.active()
        counts = review.counts()
        return cls(
            review.file,
            review.verdict,
            counts["error"],
            counts["warning"],
            counts["info"],
            review.baselined,
            len(review.findings) - len(active),
            len(review.notices),
            review.worst(),
        )


def active_pairs(review: Review) -> tuple[tuple[str, str], ...]:
    """The review's active findings as (rule id, severity), as the common gaps count them."""
    return tuple((f.rule_id, f.severity) for f in review.active())


@dataclass(frozen=True)
class Digested:
    """A review as a streaming batch's worker sends it once it has rendered every report part
    of it: what the parent keeps and counts of the review (its digest, its active findings for
    the common gaps) and the plan's language (the language its parts are in). Pickling the
    whole review in the worker and unpickling it in the parent, to keep only this, was most
    of the parent's work per plan."""

    digest: Digest
    active: tuple[tuple[str, str], ...]
    plan_language: str | None

    @classmethod
    def of(cls, review: Review) -> Digested:
        """Made in the worker, which keeps the review."""
        return cls(Digest.of(review), active_pairs(review), review.plan_language)


class GapTally:
    """The common gaps counted plan by plan, so that a streaming batch keeps one count per rule
    instead of every plan's findings (advisor/render/report_data.py ranks them)."""

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


@dataclass(frozen=True)
class Tally:
    """A streamed batch's outcome for the summary: the reviews' digests, the common gaps
    counted as they came, and the failed files."""

    reviews: tuple[Digest, ...]
    gaps: GapTally
    failures: tuple[Failure, ...] = ()
