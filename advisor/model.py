"""The plan document as Pydantic v2 models (DESIGN.md, "The plan document").

Only ``title`` and ``partners`` are required: a missing section is a finding for the rules,
not a validation error. Keys arrive here already normalised to their English names by
:mod:`advisor.validate`; free-text fields stay text, and the fact extraction reads meaning
out of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Pillar = Literal["government", "industry", "academia", "community", "media"]
PlanKind = Literal["pentahelix", "bilateral", "multilateral", "regional", "sectoral", "domestic"]
Scope = Literal["local", "national", "international"]
ContributionKind = Literal["funding", "technology", "expertise", "data", "regulation", "facilities", "network", "labor"]
Direction = Literal["increase", "decrease", "maintain"]
Number = int | float
TextList = list[str]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Period(Section):
    start: dt.date | None = None
    end: dt.date | None = None


class Goal(Section):
    id: str
    statement: str | None = None
    development_agenda: str | TextList | None = None


class Contribution(Section):
    kind: ContributionKind
    description: str | None = None
    share: float | None = Field(default=None, ge=0, le=100)

    @field_validator("share")
    @classmethod
    def _percent_to_fraction(cls, value: float | None) -> float | None:
        # Plans write shares both as 0.4 and as 40 (per cent); store fractions.
        if value is not None and value > 1:
            return value / 100
        return value


class Partner(Section):
    id: str
    name: str | None = None
    pillar: Pillar
    country: str | None = None
    donor: bool = False
    responsibilities: TextList = Field(default_factory=list)
    contributions: list[Contribution] = Field(default_factory=list)
    benefits: TextList = Field(default_factory=list)
    # Geographic region (e.g. ASEAN) when knowledge/forms.yaml cannot tell it from ``country``.
    region: str | None = None


class ActivityBudget(Section):
    """What an activity costs and who pays (issue 14): an amount, its source, the budget line."""

    amount: Number | str | None = None
    source: str | None = None
    line: str | None = None


class Activity(Section):
    id: str
    name: str | None = None
    lead: str | list[str] | None = None
    support: list[str] = Field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    goals: list[str] = Field(default_factory=list)
    budget: ActivityBudget | None = None


class Indicator(Section):
    id: str
    statement: str | None = None
    measures: str | list[str] | None = None
    unit: str | None = None
    baseline: Number | str | None = None
    target: Number | str | None = None
    due: dt.date | None = None
    data_source: str | None = None
    frequency: str | None = None
    responsible: str | None = None
    direction: Direction | None = None


class Dependency(Section):
    capacity_building: str | TextList | None = None
    technology_transfer: str | TextList | None = None
    exit_strategy: str | TextList | None = None


class Coordination(Section):
    mechanism: str | None = None
    frequency: str | None = None
    decision_making: str | None = None
    conflict_resolution: str | None = None


class Communication(Section):
    channels: TextList = Field(default_factory=list)
    public_disclosure: str | TextList | None = None


class Monitoring(Section):
    frequency: str | None = None
    evaluations: list[dt.date | str] = Field(default_factory=list)
    responsible: str | None = None
    reporting_to: str | None = None


class Risk(Section):
    description: str
    mitigation: str | None = None


class Signatory(Section):
    """Who signs for a party, and by what authority (the regional head, or an official he
    authorises in writing)."""

    partner: str | None = None
    official: str | None = None
    authorisation: str | None = None


class Agreement(Section):
    type: str | None = None
    legal_basis: str | TextList | None = None
    # Principles the agreement states (sovereignty, non-interference, mutual benefit...).
    principles: TextList = Field(default_factory=list)
    # The clauses an agreement needs beyond its object (issue 14); all optional.
    signatories: list[Signatory] = Field(default_factory=list)
    term: str | None = None
    amendment: str | TextList | None = None
    termination: str | TextList | None = None
    dispute_settlement: str | TextList | None = None
    # Languages the agreement is written in (UU 24/2009 Pasal 31 for international ones).
    language: str | TextList | None = None


class DataSharing(Section):
    """How data exchanged between the partners is governed (issue 14)."""

    arrangement: str | TextList | None = None
    personal_data: bool | None = None
    safeguards: str | TextList | None = None


class Differences(Section):
    """How an international plan handles differences of culture, language and regulation."""

    culture: str | TextList | None = None
    language: str | TextList | None = None
    regulation: str | TextList | None = None


class Suppression(Section):
    rule: str
    reason: str = Field(min_length=1)
    # What the finding is about (a partner, indicator or activity id, a pillar): the rule is
    # switched off for that one subject only; without it, for the whole plan.
    subject: str | None = None


class PillarReasons(Section):
    """Why a pillar takes no part in the cooperation; keys are the pillars."""

    government: str | None = None
    industry: str | None = None
    academia: str | None = None
    community: str | None = None
    media: str | None = None

    def reason(self, pillar: str) -> str:
        value = getattr(self, pillar, None)
        return value if isinstance(value, str) else ""


class Plan(Section):
    title: str = Field(min_length=1)
    kind: PlanKind | None = None
    scope: Scope | None = None
    language: Literal["id", "en"] | None = None
    period: Period | None = None
    background: str | None = None
    alternatives_considered: TextList = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    partners: list[Partner] = Field(min_length=1)
    activities: list[Activity] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    dependency: Dependency | None = None
    coordination: Coordination | None = None
    communication: Communication | None = None
    monitoring: Monitoring | None = None
    risks: list[Risk] = Field(default_factory=list)
    agreement: Agreement | None = None
    sustainability: str | None = None
    # Optional governance and challenge sections (issue 3); a missing one may be a finding.
    interests: str | TextList | None = None
    trust_building: str | TextList | None = None
    conflict_of_interest: str | TextList | None = None
    institutional_change: str | TextList | None = None
    goal_setting: str | None = None
    budget: str | TextList | None = None
    differences: Differences | None = None
    # Why a pillar takes no part, by pillar (issue 14): a reason recorded here is honoured by
    # the missing-pillar checks (PH001-PH003).
    pillars_not_involved: PillarReasons | None = None
    data_sharing: DataSharing | None = None
    suppress: list[Suppression] = Field(default_factory=list)


# Which alias table of knowledge/plan_format.yaml belongs to which model.
SECTION_NAMES: dict[type[BaseModel], str] = {
    Plan: "plan",
    Period: "period",
    Goal: "goal",
    Partner: "partner",
    Contribution: "contribution",
    Activity: "activity",
    Indicator: "indicator",
    Dependency: "dependency",
    Coordination: "coordination",
    Communication: "communication",
    Monitoring: "monitoring",
    Risk: "risk",
    Agreement: "agreement",
    Differences: "differences",
    PillarReasons: "pillars_not_involved",
    ActivityBudget: "activity_budget",
    Signatory: "signatory",
    DataSharing: "data_sharing",
    Suppression: "suppression",
}

# Fields whose values are enumerations with synonyms in knowledge/plan_format.yaml ``values``.
ENUM_FIELDS: dict[tuple[type[BaseModel], str], str] = {
    (Partner, "pillar"): "pillar",
    (Plan, "kind"): "kind",
    (Plan, "scope"): "scope",
    (Contribution, "kind"): "contribution",
    (Indicator, "direction"): "direction",
}
