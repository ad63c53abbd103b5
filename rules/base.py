"""The rule record: one small typed record per rule, its conditions beside it.

A rule's conditions are durable-rules DSL expressions over facts (see advisor/facts.py),
each bound to an alias with ``c.<alias> << ...``. When the rule fires, the finding takes its
place, evidence and message parameters from the fact bound to ``subject``. A rule may assert
a derived fact (``asserts``) that other rules match on: that is how conclusions chain.
Texts (title, message, recommendation, why) live in ``knowledge/texts/rules/<FAMILY>.yaml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    step: str
    sources: tuple[str, ...]
    when: Callable[[], list[Any]]
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

    @property
    def family(self) -> str:
        return self.id[:2]

    @property
    def derived(self) -> bool:
        return bool(self.based_on)
