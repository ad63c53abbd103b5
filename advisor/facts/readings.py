"""The plan's readings, each text read once: every responsibility's clarity and decision, the
background's problems and assets, the statements anywhere in the prose, the indicators'
direction and measurability, the goals' measurability, and each number as the plan's language
writes it."""

from __future__ import annotations

from functools import cached_property, lru_cache

from advisor.facts.index import PlanIndex
from advisor.model import Plan
from advisor.text import background, clarity, decision, direction, measurable, statements
from advisor.text.numbers import NumberReading, read_number
from advisor.text.reading import Reading


class PlanReadings:
    def __init__(self, plan: Plan, index: PlanIndex):
        self.plan = plan
        self.index = index
        self.lang = plan.language  # None: the number reader then takes Indonesian first, with a notice

    @cached_property
    def clarities(self) -> list[list[Reading]]:
        return [[clarity.clarity(r) for r in p.responsibilities] for p in self.plan.partners]

    @cached_property
    def decisions_in_responsibilities(self) -> list[list[Reading]]:
        return [[decision.decision(r) for r in p.responsibilities] for p in self.plan.partners]

    @cached_property
    def problems(self) -> Reading:
        return background.problems(self.plan.background or "")

    @cached_property
    def assets(self) -> Reading:
        return background.assets(self.plan.background or "")

    @cached_property
    def statements(self) -> dict[str, Reading]:
        return statements.statements(self.index.prose)

    def number(self, value: object) -> NumberReading | None:
        return read_number(value, self.lang)

    def direction(self, statement: str, context: list[str]) -> Reading:
        return _direction(statement, tuple(context))

    def direction_bound(self, statement: str, reading: Reading) -> tuple[str, str]:
        return direction.bound_of_level(statement, reading)

    def indicator_measurability(self, statement: str) -> Reading:
        return measurable.indicator_measurable(statement)

    def goal_measurability(self, statement: str) -> tuple[Reading, bool, bool]:
        return measurable.goal_measurable(statement)


@lru_cache(maxsize=16384)
def _direction(statement: str, context: tuple[str, ...]) -> Reading:
    """An indicator's or goal's direction, a pure function of its texts: every review of a plan
    asks it of each indicator (direction's own caches are per text, and this reading weighs the
    statement against its goals and activities each time)."""
    return direction.direction(statement, context)
