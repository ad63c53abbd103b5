"""Suppressions written inside a plan: ``suppress: [{rule: RL002, reason: "..."}]``, or for one
subject only: ``{rule: RL002, subject: media, reason: "..."}``.

A team may accept a finding for a plan, but only in writing: the model requires a reason.
A suppressed finding stays in the report, marked with that reason, and no longer counts
towards the verdict or the exit code. A suppression that matches nothing (the rule no longer
fires, fires about nothing by that name, or names no rule at all) is reported as a notice, so
that it cannot silently hide a future finding.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from advisor import rules
from advisor.findings import Finding
from advisor.problems import Problem, format_path
from advisor.validate import ValidatedPlan

# (rule id, subject or None for the whole plan)
Scope = tuple[str, str | None]


def about(finding: Finding, subject: str) -> bool:
    """Whether a finding is about ``subject`` as a plan writes it: its whole subject key
    (``partner:media``) or any id in it (``media``; ``A1`` or ``dlhk`` of ``role:A1:dlhk``)."""
    parts = finding.subject.split(":")
    return subject == finding.subject or subject in parts[1:]


def apply_suppressions(
    findings: tuple[Finding, ...], vplan: ValidatedPlan
) -> tuple[tuple[Finding, ...], tuple[Problem, ...]]:
    """The findings with the plan's suppressions applied, and a notice for each unused one."""
    reasons: dict[Scope, str] = {}
    first_entry: dict[Scope, int] = {}
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
        scope = (rule_id, entry.subject)
        if scope in first_entry or (rule_id, None) in first_entry:
            notices.append(Problem("suppression_duplicate", vplan.file, line, col, format_path(key), {"rule": rule_id}))
            continue
        first_entry[scope] = index
        reasons[scope] = entry.reason
    used: set[Scope] = set()
    out = []
    for finding in findings:
        applies = _scope_of(finding, reasons)
        if applies is None:
            out.append(finding)
        else:
            used.add(applies)
            out.append(replace(finding, suppressed=reasons[applies]))
    for scope, index in first_entry.items():
        if scope not in used:
            key = ("suppress", index, "rule")
            line, col = vplan.position(key)
            rule_id, subject = scope
            code, params = (
                ("suppression_unused", {"rule": rule_id})
                if subject is None
                else ("suppression_unused_subject", {"rule": rule_id, "subject": subject})
            )
            notices.append(Problem(code, vplan.file, line, col, format_path(key), params))
    notices.sort(key=lambda p: (p.line or 0, p.col or 0, p.code))
    return tuple(out), tuple(notices)


def _scope_of(finding: Finding, reasons: dict[Scope, str]) -> Scope | None:
    """The suppression that applies to a finding: the whole plan's, else its subject's."""
    if (finding.rule_id, None) in reasons:
        return (finding.rule_id, None)
    for rule_id, subject in reasons:
        if rule_id == finding.rule_id and subject is not None and about(finding, subject):
            return (rule_id, subject)
    return None


def _hint(word: str) -> str:
    match = difflib.get_close_matches(word.upper(), sorted(rules.by_id()), n=1, cutoff=0.6)
    return f" ({match[0]}?)" if match else ""
