"""IN - indicators: can the plan's progress actually be measured?

Knowledge (seed 000, planning step 4): the action plan must carry measurable indicators of
achievement to monitor the cooperation's progress. What makes an indicator measurable is taken
from S.M.A.R.T. (Doran 1981): specific, measurable, assignable (someone responsible), realistic,
time-related (a deadline). Doran says nothing of baselines, data sources, units or the direction
of change: those rest on seed 000's "indikator pencapaian yang dapat diukur" (a change can only
be shown against where it started, and a reported result only checked against its source).

Quantities, units and the intended direction of change are read in Python during fact
extraction (advisor/text/); the rules judge the facts. One finding per indicator names
everything it lacks (IN015, which replaced IN001-IN004, IN006, IN008 and IN009, kept as its
aliases): a statement that is not even countable is "no measure", not also "no target"; a
missing unit only counts when there is a target to carry it. A goal with no
indicator is either IN011 (its statement has a number) or IN012 (it has none), never both; a
goal with no figure whose indicators have no target either is IN014 (IN012 keeps its meaning:
no indicator at all).
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import c, m

_INDICATOR = m.kind == "indicator"


def _wrong_direction() -> list[Any]:
    # +m.baseline and +m.target guard the attribute comparison: durable-rules matches a
    # comparison with a missing attribute. "maintain" and "unknown" directions are not judged.
    # A target that is a bound ("paling tinggi 3,5 persen", "at least 90 percent") the baseline
    # already meets is a limit to stay within, not a target pointing the wrong way: a cap at or
    # above the baseline of what should fall, a floor at or below the baseline of what should rise.
    # A bound the baseline does not meet yet goes the bound's way, and is judged as any target.
    # A reduction named at the head ("Reduction in diesel consumption", "Pengurangan timbulan sampah")
    # whose figures fall is given the figures of the level it lowers (45,000 -> 15,000 litres): the
    # right way for that level, so not judged; a reduction counted ("sampah yang berhasil dikurangi")
    # is judged as any count.
    rising_not_beyond = (
        (m.direction == "increase")
        & (m.target <= m.baseline)
        & (m.direction_bound != "floor")
        & (m.direction_reason != "reduction_named")
    )
    falling_not_below = (m.direction == "decrease") & (m.target >= m.baseline) & (m.direction_bound != "cap")
    return [c.f << _INDICATOR & +m.baseline & +m.target & (rising_not_beyond | falling_not_below)]


FAMILY = Family(code="IN", dimension="indicator_quality", module=__name__)

RULES = [
    Rule(
        id="IN007",
        name="indicators.no-frequency",
        severity="info",
        step="monitoring",
        sources=("seed000",),
        # Only when the plan's monitoring section sets no frequency either: that one covers
        # every indicator that does not set its own.
        when=lambda: [
            c.f << _INDICATOR & (m.has_frequency == False),  # noqa: E712
            c.plan << (m.kind == "plan") & (m.monitoring_has_frequency == False),  # noqa: E712
        ],
        params=("indicator", "name"),
    ),
    Rule(
        id="IN010",
        name="indicators.target-wrong-direction",
        severity="error",
        step="action_plan",
        sources=("seed000",),
        # Increase with target <= baseline, or decrease with target >= baseline: reaching the
        # target would mean no progress, or going backwards.
        when=_wrong_direction,
        params=("indicator", "name", "target_text", "baseline_text", "direction_basis", "direction_quote"),
        certain=(
            "the target and baseline are numbers the plan states; the direction is declared in `direction`"
            " or stated by the indicator's own words of change"
        ),
        # Error only on a direction the plan declares or the indicator's words state ("Menurunkan
        # angka kemiskinan"); one judged from what is counted ("Persentase penduduk miskin") or
        # inferred from the goal is a reading, and a reading makes a warning, never an error.
        severity_when=(("f", "direction_judged", True, "warning"),),
    ),
    Rule(
        id="IN011",
        name="indicators.goal-without-indicator",
        severity="warning",
        step="action_plan",
        sources=("seed000", "doran1981"),
        # No indicator measures the goal, directly or through one of its activities; the goal
        # itself names a number (a goal that names none is IN012).
        when=lambda: [
            c.f << (m.kind == "goal")
            & (m.n_indicators == 0)
            & (m.n_indicators_via_activities == 0)
            & (m.quantified == True)  # noqa: E712
        ],
        params=("goal", "name"),
    ),
    Rule(
        id="IN012",
        name="indicators.goal-not-measurable",
        severity="warning",
        step="goal",
        sources=("seed000", "doran1981"),
        # Neither the goal's statement nor any indicator says how much should change.
        when=lambda: [
            c.f << (m.kind == "goal")
            & (m.n_indicators == 0)
            & (m.n_indicators_via_activities == 0)
            & (m.quantified == False)  # noqa: E712
        ],
        params=("goal", "name"),
    ),
    Rule(
        id="IN013",
        name="indicators.activity-without-indicator",
        severity="info",
        step="action_plan",
        sources=("seed000",),
        # No indicator names the activity in ``measures``; advice, as its goal may be measured.
        when=lambda: [c.f << (m.kind == "activity") & (m.n_indicators == 0)],
        params=("activity", "name"),
    ),
    Rule(
        id="IN014",
        name="indicators.goal-indicators-not-measurable",
        severity="warning",
        step="goal",
        sources=("seed000", "doran1981"),
        # The goal names no figure, and the indicators that measure it (directly or through its
        # activities) have no numeric target either ("Meningkatnya kualitas layanan"): the
        # change sought is stated nowhere. A goal with no indicator at all is IN012.
        when=lambda: [
            c.f << (m.kind == "goal")
            # exclusive branches: durable-rules fires once per matching branch of a disjunction
            & ((m.n_indicators > 0) | ((m.n_indicators == 0) & (m.n_indicators_via_activities > 0)))
            & (m.n_measurable_indicators == 0)
            & (m.quantified == False)  # noqa: E712
        ],
        params=("goal", "name"),
    ),
    Rule(
        id="IN015",
        name="indicators.incomplete",
        severity="warning",
        step="action_plan",
        sources=("seed000", "doran1981"),
        # One finding per indicator naming everything it lacks: a countable measure, a target,
        # a unit, a baseline, a deadline, a data source, a responsible partner
        # (advisor/facts/completeness.py). Replaces IN001-IN004, IN006, IN008 and IN009.
        when=lambda: [c.f << _INDICATOR & (m.n_missing > 0)],
        params=("indicator", "name", "missing_parts"),
        aliases=("IN001", "IN002", "IN003", "IN004", "IN006", "IN008", "IN009"),
    ),
]
