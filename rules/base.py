"""The rule record: one small typed record per rule, its conditions beside it.

A rule's conditions are patterns over facts (see advisor/facts/) in the project's own
vocabulary (advisor/rules/conditions.py), each bound to an alias with ``c.<alias> << ...``.
When the rule fires, the finding takes its place, evidence and message parameters from the
fact bound to ``subject``. A rule may assert a derived fact (``asserts``) that other rules
match on: that is how conclusions chain.
Texts (title, message, recommendation, why) live in ``knowledge/texts/rules/<FAMILY>.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from advisor.rules.conditions import Fact, Option, options_read

Severity = Literal["error", "warning", "info"]

# Attributes whose value is a reading of free text or a judgement drawn from it, not a value
# the plan states: an error may not rest on them (docs/severity-policy.md). The value is the
# attribute that says whether this fact's reading was inferred; an error may read the
# attribute only together with that flag (pinned to False). None: always a reading.
INFERRED_ATTRIBUTES: dict[str, str | None] = {
    "direction": "direction_judged",
    "quantified": None,
    "measurability": None,
    "n_vague": None,
    "n_passive": None,
    "n_passive_voice": None,
    "pillar_producing": None,
    "n_clear": None,
    "style": None,
    "decision": None,
    "decider": None,
    "by_strong": None,
    "decision_by_strong": None,
    "coordination_regular": None,
    "background_analysis": None,
    "gov_coordinating": None,
    "has_institutional_change": None,
    "n_empowering": None,
    "matched": None,
    "has_sovereignty": None,
    "has_mutual_benefit": None,
    "status": None,
    "deliberated": None,
    "n_clear_or_role": None,
    "n_vague_task": None,
    "in_budget_cycle": None,
    "n_goals_with_agenda_any": None,
    "has_interests": None,
    "has_trust_building": None,
    "has_regulatory_differences": None,
    "has_conflict_safeguard": None,
}
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


def reaches(severity: str, level: str) -> bool:
    """Whether ``severity`` is at or above ``level`` (error > warning > info): a fail level or a
    severity floor is met."""
    return SEVERITY_RANK[severity] <= SEVERITY_RANK[level]


@dataclass(frozen=True)
class Family:
    """A rule family: its code (the rules' id prefix), the scoring dimension its rules count
    in (knowledge/scoring.yaml) and the module that holds them. Its names in Indonesian and
    English are texts: ``family`` in knowledge/texts/labels.yaml."""

    code: str
    dimension: str
    module: str


@dataclass(frozen=True)
class Rule:
    """One rule: its id and dotted ``name``, default severity, planning ``step`` and cited
    ``sources``; ``when`` builds its conditions (:mod:`advisor.rules.conditions`). A finding is
    about the fact bound to ``subject`` and fills its message with that fact's ``params``.
    ``asserts`` names the derived fact it adds for other rules to match; ``report=False`` makes
    it add only that, with no finding."""

    id: str
    name: str
    severity: Severity
    step: str
    sources: tuple[str, ...]
    # Built on first use (some read knowledge files): see :attr:`conditions`.
    when: Callable[[], list[Fact]]
    subject: str = "f"
    params: tuple[str, ...] = ()
    asserts: str | None = None
    # Attributes copied from the subject fact into the derived fact.
    carries: tuple[str, ...] = ()
    # The subject attribute a derived fact is about (default: the subject fact itself). Two
    # subjects with the same value conclude one derived fact, e.g. one reliance per partner
    # however many resources it supplies.
    key_by: str = ""
    report: bool = True
    based_on: tuple[str, ...] = ()
    # True when the conclusion is drawn from a count of derived facts (matched on ``ordinal``):
    # it then rests on every finding of its ``based_on`` rules, not on the one fact it matched.
    aggregate: bool = False
    # Where a finding about the plan as a whole belongs (e.g. "coordination.decision_making"),
    # used when the subject fact has no place of its own; trimmed to the part the plan has.
    at: str = ""
    aliases: tuple[str, ...] = field(default=())
    # An error must rest on certain evidence (docs/severity-policy.md): why this one's is, in
    # one line. Required for every error rule; the meta-test in tests/test_severity_policy.py
    # checks it and that no error reads an inferred attribute unless it pins it to "stated".
    certain: str = ""
    # Where the severity depends on what was matched: (alias, attribute, value, severity),
    # the first entry whose matched fact has attribute == value gives the finding's severity.
    # E.g. IN010 is an error on a declared or stated direction and a warning on one judged from
    # what is counted or inferred from the goal; a plan's
    # kind or scope is read from the plan fact the same way. Sibling rules are the other way
    # (PH001 error / PH002 warning / PH003 advice by kind).
    severity_when: tuple[tuple[str, str, object, Severity], ...] = ()
    # Options the rule depends on besides those its conditions compare with: those the facts it
    # matches were computed with (DP001's reliance facts and dependency_share).
    options: tuple[Option, ...] = ()
    # The scoring dimension, when not its family's (e.g. CH005, an unidentified budget, counts
    # against the planning steps).
    dimension: str = ""

    def severity_for(self, facts: dict[str, dict[str, Any]]) -> Severity:
        """The severity of one firing, given the facts it matched by alias."""
        for alias, attribute, value, severity in self.severity_when:
            if facts.get(alias, {}).get(attribute) == value:
                return severity
        return self.severity

    @cached_property
    def conditions(self) -> tuple[Fact, ...]:
        """The rule's patterns, in order (built once; they are plain data)."""
        patterns = tuple(self.when())
        for pattern in patterns:
            if not isinstance(pattern, Fact):
                raise TypeError(
                    f"{self.id}: a condition must be a pattern of advisor/rules/conditions.py, not {pattern!r}"
                )
        return patterns

    @property
    def all_options(self) -> tuple[Option, ...]:
        """Every option the rule reads, in its conditions or through its facts, once each."""
        found = [*self.options, *(o for fact in self.conditions for o in options_read(fact.test))]
        return tuple(dict.fromkeys(found))

    @property
    def family(self) -> str:
        """The family code: the id's two-letter prefix."""
        return self.id[:2]

    @property
    def derived(self) -> bool:
        """Concluded from other rules' findings (``based_on``), not from the facts alone."""
        return bool(self.based_on)
