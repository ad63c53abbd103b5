"""``dates`` fact: dates of the plan that contradict each other, as one list (issue 14).

A period that ends before it starts, an activity that ends before it starts, and an activity,
an indicator's deadline or an evaluation outside the cooperation period. One fact for the
plan, so that one finding names every contradiction (not one per indicator); ``n_reversed``
counts the end-before-start ones, which no reading can reconcile.
"""

from __future__ import annotations

import datetime as dt

from advisor.facts import schema
from advisor.facts.base import FactSink


class DatesFact(schema.Fact):
    n_contradictions: int
    n_reversed: int
    contradictions: str
    period: str
    evidence: str


schema.register("dates", DatesFact)


def add_facts(ex: FactSink) -> None:
    plan = ex.plan
    period = plan.period
    start = period.start if period else None
    end = period.end if period else None
    found: list[tuple[str, str]] = []  # (path, what)
    reversed_ = 0
    if start and end and end < start:
        found.append(("period", f"period {start} - {end}"))
        reversed_ += 1
    within = bool(start and end and start <= end)

    def outside(day: dt.date) -> bool:
        return within and not (start <= day <= end)  # type: ignore[operator]

    for i, activity in enumerate(plan.activities):
        if activity.start and activity.end and activity.end < activity.start:
            found.append((f"activities[{i}].end", f"{activity.id}: {activity.start} - {activity.end}"))
            reversed_ += 1
        elif any(d and outside(d) for d in (activity.start, activity.end)):
            found.append((f"activities[{i}]", f"{activity.id}: {activity.start or '?'} - {activity.end or '?'}"))
    for i, indicator in enumerate(plan.indicators):
        if indicator.due and outside(indicator.due):
            found.append((f"indicators[{i}].due", f"{indicator.id}: {indicator.due}"))
    evaluations = plan.monitoring.evaluations if plan.monitoring else []
    for i, day in enumerate(evaluations):
        if isinstance(day, dt.date) and outside(day):
            found.append((f"monitoring.evaluations[{i}]", f"{day}"))
    ex.add(
        "dates",
        "plan",
        found[0][0] if found else "",
        n_contradictions=len(found),
        n_reversed=reversed_,
        contradictions="; ".join(what for _, what in found),
        period=f"{start} - {end}" if start and end else "-",
        evidence="; ".join(what for _, what in found),
    )
