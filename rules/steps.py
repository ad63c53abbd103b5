"""ST - planning steps: does the plan contain each of the six steps of pentahelix planning?

Knowledge (seed 000): a cooperation plan that serves a development goal goes through six steps -
name the development goal; identify the stakeholders; set each one's role and responsibility;
draw up a measurable action plan with concrete steps, timing and indicators; ensure
communication and coordination; monitor and evaluate periodically (knowledge/steps.yaml).

These rules judge the plan's structure only, from the ``plan`` fact: a step that is missing
altogether. What is weak inside a step that is there (a partner without responsibilities, an
indicator without a target) is the item-level business of the PH, RL and IN families.
A missing goal, partner side, role set, action plan or indicator set leaves nothing to sign
(error); a missing schedule, coordination, communication or monitoring arrangement has to be
fixed before the plan is workable (warning).
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Test, c, m


def _plan(condition: Test) -> list[Any]:
    return [c.f << (m.kind == "plan") & condition]


FAMILY = Family(code="ST", dimension="planning_steps", module=__name__)

RULES = [
    Rule(
        id="ST001",
        at="goals",
        name="steps.no-goal",
        severity="error",
        step="goal",
        sources=("seed000",),
        when=lambda: _plan(m.n_goals == 0),
        certain="the plan lists no goal: a count of the plan's own entries",
    ),
    Rule(
        id="ST002",
        at="partners",
        name="steps.single-party",
        severity="error",
        step="stakeholders",
        sources=("seed000", "etzkowitz2017"),
        # the plan model requires one partner at least: one partner is the only case
        when=lambda: _plan(m.n_partners == 1),
        certain="the plan lists fewer than two partners: a count of the plan's own entries",
    ),
    Rule(
        id="ST003",
        at="partners",
        name="steps.no-roles",
        severity="error",
        step="roles",
        sources=("seed000",),
        when=lambda: _plan((m.n_partners > 0) & (m.n_responsibilities == 0)),
        params=("n_partners",),
        certain="no partner has a single responsibility written: a count of the plan's own entries",
    ),
    Rule(
        id="ST004",
        at="activities",
        name="steps.no-action-plan",
        severity="error",
        step="action_plan",
        sources=("seed000",),
        when=lambda: _plan(m.n_activities == 0),
        certain="the plan lists no activity: a count of the plan's own entries",
    ),
    Rule(
        id="ST005",
        at="period",
        name="steps.no-period",
        severity="warning",
        step="action_plan",
        sources=("seed000", "doran1981"),
        when=lambda: _plan(m.has_period == False),  # noqa: E712
    ),
    Rule(
        id="ST006",
        at="activities",
        name="steps.unscheduled-activities",
        severity="warning",
        step="action_plan",
        sources=("seed000", "doran1981"),
        # Attribute against attribute: both guarded, as a missing one would match (engine trap).
        when=lambda: _plan(+m.n_dated_activities & +m.n_activities & (m.n_dated_activities < m.n_activities)),
        params=("n_dated_activities", "n_activities"),
    ),
    Rule(
        id="ST007",
        at="indicators",
        name="steps.no-indicators",
        severity="error",
        step="action_plan",
        sources=("seed000", "doran1981"),
        when=lambda: _plan(m.n_indicators == 0),
        certain="the plan lists no indicator: a count of the plan's own entries",
    ),
    Rule(
        id="ST008",
        at="coordination",
        name="steps.no-coordination",
        severity="warning",
        step="communication",
        sources=("seed000", "seed002"),
        when=lambda: _plan(m.has_coordination == False),  # noqa: E712
    ),
    Rule(
        id="ST009",
        at="coordination.mechanism",
        name="steps.coordination-without-mechanism",
        severity="warning",
        step="communication",
        sources=("seed000", "seed002"),
        when=lambda: _plan((m.has_coordination == True) & (m.has_mechanism == False)),  # noqa: E712
    ),
    Rule(
        id="ST012",
        at="monitoring",
        name="steps.no-monitoring",
        severity="warning",
        step="monitoring",
        sources=("seed000",),
        when=lambda: _plan(m.has_monitoring == False),  # noqa: E712
    ),
    Rule(
        id="ST013",
        at="monitoring.frequency",
        name="steps.monitoring-without-frequency",
        severity="warning",
        step="monitoring",
        sources=("seed000",),
        when=lambda: _plan((m.has_monitoring == True) & (m.monitoring_has_frequency == False)),  # noqa: E712
    ),
    Rule(
        id="ST014",
        at="monitoring.evaluations",
        name="steps.no-evaluation-dates",
        severity="warning",
        step="monitoring",
        sources=("seed000",),
        when=lambda: _plan((m.has_monitoring == True) & (m.n_evaluations == 0)),  # noqa: E712
    ),
    # An `advisor init` template sent in unfilled: the steps are all "there", as placeholders.
    Rule(
        id="ST015",
        at="@placeholder_path",
        name="steps.template-not-filled",
        severity="error",
        step="goal",
        sources=("seed000",),
        when=lambda: _plan(m.n_placeholders > 0),
        params=("n_placeholders", "placeholder_text"),
        certain="a value still holds the template's own placeholder text (<...>), matched literally",
    ),
    Rule(
        id="ST016",
        at="communication",
        name="steps.communication-gap",
        severity="warning",
        step="communication",
        sources=("seed000", "ansell2018"),
        # One finding for the communication arrangements, naming what is missing: the section,
        # channels, public disclosure, and (as an aggravation) a media partner. Replaces ST010,
        # ST011, GV009, GV010 and PH008; a missing media pillar alone is PH001-PH003.
        when=lambda: [c.f << (m.kind == "communication") & (m.n_missing > 0)],
        params=("missing_comm",),
        aliases=("ST010", "ST011", "GV009", "GV010", "PH008"),
    ),
    Rule(
        id="ST017",
        name="steps.contradicting-dates",
        severity="error",
        step="action_plan",
        sources=("seed000", "doran1981"),
        # One finding naming every date that contradicts another (advisor/facts/dates.py): an end
        # before its start, or an activity, deadline or evaluation outside the period. An end
        # before its start cannot be carried out: error; dates outside the period: warning.
        when=lambda: [c.f << (m.kind == "dates") & (m.n_contradictions > 0)],
        params=("contradictions", "period"),
        certain="dates the plan states, compared with each other",
        severity_when=(("f", "n_reversed", 0, "warning"),),
        aliases=("IN005",),
    ),
    Rule(
        id="ST018",
        name="steps.activity-without-goal",
        severity="warning",
        step="action_plan",
        sources=("seed000",),
        # Activities whose ``goals`` name no declared goal, when the plan has goals: one finding.
        when=lambda: [c.f << (m.kind == "goal_links") & (m.n_unlinked > 0)],
        params=("unlinked",),
    ),
]
