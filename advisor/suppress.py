"""Suppressions written inside a plan: ``suppress: [{rule: RL002, reason: "..."}]``.

A team may accept a finding for a plan, but only in writing: the model requires a reason.
A suppressed finding stays in the report, marked with that reason, and no longer counts
towards the verdict or the exit code. A suppression that matches nothing (the rule no longer
fires, or names no rule at all) is reported as a notice, so that it cannot silently hide a
future finding.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from advisor import rules
from advisor.findings import Finding
from advisor.problems import Problem, format_path
from advisor.validate import ValidatedPlan


def apply_suppressions(
    findings: tuple[Finding, ...], vplan: ValidatedPlan
) -> tuple[tuple[Finding, ...], tuple[Problem, ...]]:
    """The findings with the plan's suppressions applied, and a notice for each unused one."""
    reasons: dict[str, str] = {}
    first_entry: dict[str, int] = {}
    notices: list[Problem] = []
    for index, entry in enumerate(vplan.plan.suppress):
        key = ("suppress", index, "rule")
        line, col = vplan.position(key)
        try:
            rule_id = rules.get(entry.rule).id
        except KeyError:
            notices.append(
                Problem(
                    "suppression_unknown_rule",
                    vplan.file,
                    line,
                    col,
                    format_path(key),
                    {"rule": entry.rule, "hint": _hint(entry.rule)},
                )
            )
            continue
        if rule_id in first_entry:
            notices.append(Problem("suppression_duplicate", vplan.file, line, col, format_path(key), {"rule": rule_id}))
            continue
        first_entry[rule_id] = index
        reasons[rule_id] = entry.reason
    out = tuple(replace(f, suppressed=reasons[f.rule_id]) if f.rule_id in reasons else f for f in findings)
    used = {f.rule_id for f in out if f.suppressed is not None}
    for rule_id, index in first_entry.items():
        if rule_id not in used:
            key = ("suppress", index, "rule")
            line, col = vplan.position(key)
            notices.append(Problem("suppression_unused", vplan.file, line, col, format_path(key), {"rule": rule_id}))
    notices.sort(key=lambda p: (p.line or 0, p.col or 0, p.code))
    return out, tuple(notices)


def _hint(word: str) -> str:
    match = difflib.get_close_matches(word.upper(), sorted(rules.by_id()), n=1, cutoff=0.6)
    return f" ({match[0]}?)" if match else ""
