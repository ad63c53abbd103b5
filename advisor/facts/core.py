"""Facts of the plan as a whole, its pillars, partners, resources, activities, indicators and
goals. Counting and shares are computed here because the engine has no aggregates; text is
read by the text layer (through :class:`~advisor.facts.readings.PlanReadings`). Judgements -
what is missing, what is too much - are the rules' job."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from advisor.facts.base import FactSink
from advisor.facts.index import CRITICAL_RESOURCES, is_foreign, leads_of, strings_of
from advisor.problems import format_path
from advisor.text import filled, matching, unit_of, words
from advisor.text.clarity import coordinates
from advisor.text.decision import decision
from advisor.text.direction import is_stated
from advisor.text.reading import Reading

PILLARS = ("government", "industry", "academia", "community", "media")
# A placeholder of knowledge/templates/plan.*.yaml: "<Title of the cooperation plan, ...>": a
# letter first and a space inside, no "=", so that "<script>" or '<a href="x">' in a title (an
# HTML tag, not an unfilled entry) and "x < 5" are not taken for one.
_PLACEHOLDER = re.compile(r"<[^\W\d_][^<>=\n]*\s[^<>=\n]*>")
# a partner with no responsibility to match (a frozen value: one is shared by every plan)
_NO_SHARED_LEMMA = Reading("no_match", "no_shared_lemma")
# decision readings as the facts name them (the rules' vocabulary since issue 3)
STYLE = {"deliberative": "consensus", "authority": "authority", "unilateral": "unilateral", "none": "unstated"}


def _pct(fraction: float) -> int:
    return round(fraction * 100)


def _shown(value: object) -> str | None:
    """A number as the plan wrote it, for messages: 50 not 50.0, "30%" kept as "30%"."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _escaped(part: str) -> str:
    """An id as one part of a composed id: ``:`` (the separator) and ``%`` escaped, so that
    ``a:lead`` + ``p`` and ``a`` + ``lead:p`` make two ids, not one."""
    return part.replace("%", "%25").replace(":", "%3A")


def _placeholder_texts(value: Any, key: tuple[str | int, ...]) -> Iterator[tuple[str, str]]:
    """(path, text) of every string under ``value`` that holds a template placeholder, in
    document order (the model's field order, list order)."""
    if isinstance(value, str):
        if _PLACEHOLDER.search(value):
            yield format_path(key), value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _placeholder_texts(item, (*key, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _placeholder_texts(item, (*key, i))


def evidence_of(reading: Reading) -> str:
    """A reading's decisive words for messages, or "" when it has none."""
    return reading.words


def _basis(direction: Reading) -> str:
    """How a direction was come by, for messages: declared in the plan, stated by the
    indicator's words of change, judged from what it counts, or inferred from its goal."""
    if direction.reason == "declared":
        return "declared"
    if direction.inferred:
        return "inferred"
    return "stated" if is_stated(direction) else "judged"


class CoreFacts:
    """Adds the core fact kinds to a sink."""

    def __init__(self, sink: FactSink):
        self.sink = sink
        self.plan = sink.plan
        self.index = sink.index
        self.readings = sink.readings
        self.add = sink.add

    def run(self) -> None:
        self.total_responsibilities = sum(len(p.responsibilities) for p in self.plan.partners)
        self.clarities = [[r.label for r in rs] for rs in self.readings.clarities]
        self._plan_fact()
        self._pillars()
        self._partners()
        self._shared_tasks()
        self._resources()
        self._activities()
        self._indicators()
        self._goals()

    # --- the plan as a whole -----------------------------------------------------------------

    def coordination_decision(self) -> tuple[Reading, str, bool]:
        """The coordination's decision reading, its decider (a partner id or "") and whether
        that is the partner the plan depends on most."""
        coordination = self.plan.coordination
        text = coordination.decision_making if coordination and coordination.decision_making else ""
        return self.decision_of(text)

    def decision_of(self, text: str, partner_id: str = "") -> tuple[Reading, str, bool]:
        reading = decision(text) if text.strip() else Reading("none", "no_text")
        decider = partner_id
        if reading.label in ("unilateral", "authority") and not decider:
            named = self.sink._named_partner(reading.detail or text)
            decider = named.id if named else ""
        by_strong = reading.label == "unilateral" and bool(decider) and self._is_strong(decider)
        return reading, decider, by_strong

    def _is_strong(self, partner_id: str) -> bool:
        """Does the plan depend on this partner: the main supplier of its funding (else of its
        technology or expertise), the holder of a majority of a critical resource, or a donor
        or foreign partner that is the main supplier of one?"""
        if partner_id == self.index.strongest:
            return True
        i = self.index.partner_index.get(partner_id)
        if i is None:
            return False
        partner = self.plan.partners[i]
        for kind in CRITICAL_RESOURCES:
            shares = self.index.shares_by_kind.get(kind, {})
            if self.index.tops().get(kind) == partner_id and (
                shares[partner_id] >= 0.5 or partner.donor or is_foreign(partner)
            ):
                return True
        return False

    def _plan_fact(self) -> None:
        plan = self.plan
        countries = self.index.countries
        coordination = plan.coordination
        communication = plan.communication
        monitoring = plan.monitoring
        dependency = plan.dependency
        decision_text = coordination.decision_making if coordination and coordination.decision_making else ""
        reading, decider, by_strong = self.coordination_decision()
        by_strong = by_strong or any(self._responsibility_decisions_by_strong())
        benefit_sides, sides = self._benefit_sides(countries)
        self.add(
            "plan",
            "plan",
            "",
            plan_kind=plan.kind or "unspecified",
            scope=plan.scope or "unspecified",
            language=plan.language or "unspecified",
            international=plan.scope == "international" or len(countries) > 1,
            n_partners=len(plan.partners),
            n_countries=len(countries),
            n_goals=len(plan.goals),
            n_activities=len(plan.activities),
            n_indicators=len(plan.indicators),
            n_responsibilities=self.total_responsibilities,
            n_dated_activities=sum(1 for a in plan.activities if a.start and a.end),
            has_period=bool(plan.period and plan.period.start and plan.period.end),
            has_background=filled(plan.background),
            n_alternatives=len(plan.alternatives_considered),
            has_coordination=coordination is not None,
            has_mechanism=bool(coordination and filled(coordination.mechanism)),
            has_communication=communication is not None,
            has_channels=bool(communication and communication.channels),
            has_disclosure=bool(communication and filled(communication.public_disclosure)),
            has_monitoring=monitoring is not None,
            monitoring_has_frequency=bool(monitoring and filled(monitoring.frequency)),
            n_evaluations=len(monitoring.evaluations) if monitoring else 0,
            has_capacity_building=bool(dependency and filled(dependency.capacity_building)),
            has_technology_transfer=bool(dependency and filled(dependency.technology_transfer)),
            has_exit_strategy=bool(dependency and filled(dependency.exit_strategy)),
            decision=STYLE[reading.label] if decision_text.strip() else "unstated",
            decision_by_strong=by_strong,
            decider=decider,
            decision_text=decision_text,
            decision_words=reading.words,
            benefit_sides=benefit_sides,
            sides=sides,
            benefit_holders=self._benefit_holders(countries),
            has_agreement=plan.agreement is not None,
            n_risks=len(plan.risks),
            **self._placeholders(),
        )

    def _responsibility_decisions_by_strong(self) -> Iterator[bool]:
        for i, partner in enumerate(self.plan.partners):
            for reading in self.readings.decisions_in_responsibilities[i]:
                if reading.label == "unilateral":
                    yield self._is_strong(partner.id)

    def _placeholders(self) -> dict[str, Any]:
        """Text values still holding an ``advisor init`` placeholder (``<...>``): how many, and
        the first one's path and text, where ST015 points."""
        # Most plans have none: a search of each text rules that out, without dumping the plan.
        # Then, as before, a search over the plan as JSON text decides whether it is walked (a
        # newline in a value is no space there: kept so that every plan reads as it did).
        texts = strings_of(self.plan.suppress, list(self.index.texts))
        # one search over the texts joined by "=", which no placeholder can hold or cross, finds
        # what a search of each text would (a plan has some three hundred)
        if not _PLACEHOLDER.search("=".join(texts)):
            return {"n_placeholders": 0}
        if not _PLACEHOLDER.search(self.plan.model_dump_json(exclude_none=True)):
            return {"n_placeholders": 0}
        found = list(_placeholder_texts(self.plan.model_dump(exclude_none=True), ()))
        if not found:
            return {"n_placeholders": 0}
        path, text = found[0]
        return {"n_placeholders": len(found), "placeholder_path": path, "placeholder_text": text}

    def _benefit_sides(self, countries: list[str]) -> tuple[int, int]:
        """How many sides list benefits, out of how many sides (countries when international,
        else partners)."""
        partners = self.plan.partners
        if len(countries) > 1:
            with_benefits = {p.country.strip().upper() for p in partners if p.benefits and p.country}
            return len(with_benefits), len(countries)
        return sum(1 for p in partners if p.benefits), len(partners)

    def _benefit_holders(self, countries: list[str]) -> str:
        """Who the benefits are written for, on the same sides as :meth:`_benefit_sides`."""
        partners = self.plan.partners
        if len(countries) > 1:
            # Name the partners, with their country: a bare country code reads poorly in a message.
            return ", ".join(
                f"{p.name or p.id} ({p.country.strip().upper()})" for p in partners if p.benefits and p.country
            )
        return ", ".join(p.name or p.id for p in partners if p.benefits)

    # --- pillars and partners ----------------------------------------------------------------

    def _pillars(self) -> None:
        self._producing: dict[str, int] = {}  # what each pillar produces, for the partners' facts
        for pillar in PILLARS:
            indexes = [i for i, p in enumerate(self.plan.partners) if p.pillar == pillar]
            members = [self.plan.partners[i] for i in indexes]
            resp = [r for p in members for r in p.responsibilities]
            clarities = [c for i in indexes for c in self.clarities[i]]
            producing = self._producing[pillar] = self._n_producing(pillar)
            first = indexes[0] if indexes else None
            self.add(
                "pillar",
                pillar,
                f"partners[{first}].pillar" if first is not None else "partners",
                pillar=pillar,
                present=bool(members),
                n_partners=len(members),
                n_responsibilities=len(resp),
                n_passive=clarities.count("passive"),
                n_producing=producing,
                share_pct=_pct(len(resp) / self.total_responsibilities) if self.total_responsibilities else 0,
                names=", ".join(p.name or p.id for p in members),
                evidence="; ".join(resp),
            )

    def _n_producing(self, pillar: str) -> int:
        """What a pillar's partners produce: clear tasks, contributions and activities they lead."""
        indexes = [i for i, p in enumerate(self.plan.partners) if p.pillar == pillar]
        members = [self.plan.partners[i] for i in indexes]
        return (
            sum(self.clarities[i].count("clear") for i in indexes)
            + sum(len(p.contributions) for p in members)
            + sum(self.index.leads_by_partner.get(p.id, 0) for p in members)
        )

    def _partners(self) -> None:
        for i, partner in enumerate(self.plan.partners):
            readings = self.readings.clarities[i]
            clarities = self.clarities[i]
            vague = [(r, c) for r, c in zip(partner.responsibilities, readings, strict=True) if c.label == "vague"]
            n = len(partner.responsibilities)
            # A government partner that facilitates or coordinates something plays government's
            # own role (seed 000: fasilitator dan koordinator), however general its object.
            own_role = [r for r, _ in vague if partner.pillar == "government" and coordinates(r)]
            tasks = [(r, c) for r, c in vague if r not in own_role]
            # a line in the passive voice ("Data disediakan oleh ...") makes the partner its actor no
            # more than a vague one does, nor does a line that only receives ("Penerima manfaat
            # program"); a vague task is quoted first, as before, then a passive line
            voiced = [c for c in readings if c.reason == "passive_voice"]
            passive = voiced or [c for c in readings if c.label == "passive"]
            first_vague = tasks[0][1] if tasks else passive[0] if passive else vague[0][1] if vague else None
            self.add(
                "partner",
                partner.id,
                f"partners[{i}]" if not n else f"partners[{i}].responsibilities",
                partner=partner.id,
                name=partner.name or partner.id,
                pillar=partner.pillar,
                country=(partner.country or "").upper(),
                foreign=is_foreign(partner),
                donor=partner.donor,
                n_responsibilities=n,
                n_clear=clarities.count("clear"),
                n_vague=len(vague),
                n_clear_or_role=clarities.count("clear") + len(own_role),
                n_vague_task=len(tasks),
                vague="; ".join(f'"{r}"' for r, _ in vague),  # quoted in messages (RL009)
                vague_evidence=first_vague.words if first_vague else "",
                vague_reason=first_vague.reason if first_vague else "",
                vague_kind=first_vague.reason
                if first_vague is not None and first_vague.reason in ("passive_voice", "receives")
                else "vague",
                n_passive=clarities.count("passive"),
                n_passive_voice=len(voiced),
                pillar_producing=self._producing.get(partner.pillar, 0),
                n_contributions=len(partner.contributions),
                n_benefits=len(partner.benefits),
                n_leads=self.index.leads_by_partner.get(partner.id, 0),
                share_pct=_pct(n / self.total_responsibilities) if self.total_responsibilities else 0,
                strongest=self._is_strong(partner.id),
                evidence="; ".join(r for r, _ in vague) if vague else "; ".join(partner.responsibilities),
            )

    def _shared_tasks(self) -> None:
        """The same responsibility written for several partners."""
        claims: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for i, partner in enumerate(self.plan.partners):
            for j, text in enumerate(partner.responsibilities):
                claims[" ".join(words(text))].append((i, j, partner.id))
        for n, (normalised, holders) in enumerate(sorted(claims.items())):
            owners = sorted({h[2] for h in holders})
            if len(owners) < 2 or not normalised:
                continue
            i, j, _ = holders[0]
            self.add(
                "shared_task",
                str(n),
                f"partners[{i}].responsibilities[{j}]",
                task=self.plan.partners[i].responsibilities[j],
                partners=", ".join(owners),
                n_partners=len(owners),
                evidence=self.plan.partners[i].responsibilities[j],
            )

    def _resources(self) -> None:
        shares_by_kind = sorted(self.index.shares_by_kind.items())
        tops = self.index.tops()
        for kind, shares in shares_by_kind:
            top_id, top_share = max(shares.items(), key=lambda kv: (kv[1], kv[0]))
            top = self.plan.partners[self.index.partner_index[top_id]]
            j = next(k for k, c in enumerate(top.contributions) if c.kind == kind)
            self.add(
                "resource",
                kind,
                f"partners[{self.index.partner_index[top_id]}].contributions[{j}]",
                resource=kind,
                n_contributors=len(shares),
                top_partner=top.id,
                top_name=top.name or top.id,
                top_pillar=top.pillar,
                top_share_pct=_pct(top_share),
                top_foreign=is_foreign(top),
                top_donor=top.donor,
                # the critical resources this partner is the main supplier of, for conclusions
                # drawn once per partner (DP001 -> CH003, CH012)
                top_of=",".join(k for k in CRITICAL_RESOURCES if tops.get(k) == top.id),
                evidence=top.contributions[j].description or kind,
            )

    # --- action plan -------------------------------------------------------------------------

    def _activities(self) -> None:
        plan = self.plan
        measured: dict[str, int] = defaultdict(int)
        # indicators with a numeric target: the ones that say how much should change
        measurable: dict[str, int] = defaultdict(int)
        for indicator in plan.indicators:
            has_target = self.readings.number(indicator.target) is not None
            for target in self.index.measures[indicator.id]:
                measured[target] += 1
                measurable[target] += has_target
        responsibilities = {p.id: p.responsibilities for p in plan.partners}
        for i, activity in enumerate(plan.activities):
            leads = leads_of(activity)
            self.add(
                "activity",
                activity.id,
                f"activities[{i}]",
                activity=activity.id,
                name=activity.name or activity.id,
                n_leads=len(leads),
                n_support=len(activity.support),
                has_dates=bool(activity.start and activity.end),
                n_indicators=measured[activity.id],
                n_goals=len(activity.goals),
                leads=", ".join(leads),
                evidence=activity.name or activity.id,
            )
            roles = [(lead, "lead", "lead") for lead in leads] + [
                (s, "support", f"support[{k}]") for k, s in enumerate(activity.support)
            ]
            for partner_id, role, where in roles:
                if partner_id not in self.index.partner_index:
                    continue
                found = self._match(activity.name or "", responsibilities[partner_id], role)
                self.add(
                    "role",
                    f"{_escaped(activity.id)}:{role}:{_escaped(partner_id)}",
                    f"activities[{i}].{where}",
                    activity=activity.id,
                    activity_name=activity.name or activity.id,
                    partner=partner_id,
                    partner_name=self.plan.partners[self.index.partner_index[partner_id]].name or partner_id,
                    role=role,
                    matched=found.label == "match",
                    matched_words=found.words,
                    evidence=activity.name or activity.id,
                )
        self.measured = measured
        self.measurable = measurable

    @staticmethod
    def _match(activity: str, responsibilities: list[str], role: str) -> Reading:
        """Does one of the partner's responsibilities cover the activity: the activity's head
        and object for the lead, any content word in common for a supporting role."""
        reading = _NO_SHARED_LEMMA
        for text in responsibilities:
            if role == "lead":
                reading = matching.match(activity, text, tuple(r for r in responsibilities if r != text))
            else:
                reading = matching.overlap(activity, text)
            if reading.label == "match":
                return reading
        return reading

    def _indicators(self) -> None:
        plan = self.plan
        period = plan.period
        goal_text = {g.id: g.statement or "" for g in plan.goals}
        # What an indicator measures, as the texts its direction may be inferred from when its
        # own statement names none: a goal's statement, an activity's name. Not an activity's
        # goals: an output counted under "Menurunkan persentase kios kosong" ("Jumlah kios yang
        # selesai direnovasi", 0 -> 120) grows while the goal's figure falls.
        texts_of = {a.id: [a.name or ""] for a in plan.activities}
        for goal_id, text in goal_text.items():
            texts_of.setdefault(goal_id, [text])
        for i, ind in enumerate(plan.indicators):
            statement = ind.statement or ""
            target_reading = self.readings.number(ind.target)
            baseline_reading = self.readings.number(ind.baseline)
            target = target_reading.value if target_reading else None
            baseline = baseline_reading.value if baseline_reading else None
            unit = ind.unit or unit_of(ind.target) or unit_of(ind.baseline)
            context = [t for target_id in self.index.measures[ind.id] for t in texts_of.get(target_id, ())]
            if ind.direction:
                direction = Reading(ind.direction, "declared")
            else:
                direction = self.readings.direction(statement, context)
            bound, bound_words = self.readings.direction_bound(statement, direction)
            basis = _basis(direction)
            measurability = self.readings.indicator_measurability(statement)
            due_in_period = "unknown"
            if ind.due and period and period.start and period.end:
                due_in_period = "yes" if period.start <= ind.due <= period.end else "no"
            self.add(
                "indicator",
                ind.id,
                f"indicators[{i}]",
                indicator=ind.id,
                statement=statement,
                name=statement or ind.id,  # for messages: the statement, or the id when there is none
                has_target=target is not None,
                target=target,
                target_text=_shown(ind.target),
                has_baseline=baseline is not None,
                baseline=baseline,
                baseline_text=_shown(ind.baseline),
                number_ambiguous=bool(
                    (target_reading and target_reading.ambiguous) or (baseline_reading and baseline_reading.ambiguous)
                ),
                has_unit=bool(unit),
                has_due=ind.due is not None,
                due=ind.due.isoformat() if ind.due else None,
                due_in_period=due_in_period,
                has_source=filled(ind.data_source),
                has_frequency=filled(ind.frequency),
                has_responsible=filled(ind.responsible),
                direction=direction.label,
                direction_inferred=direction.inferred,
                direction_judged=basis in ("judged", "inferred"),
                direction_basis=f"{direction.label}_{basis}",
                direction_quote=f"(\u201c{direction.words}\u201d)" if direction.words else "",
                direction_reason=direction.reason,
                direction_words=direction.words,
                direction_bound=bound,
                direction_bound_words=bound_words,
                measurability=measurability.label,
                measurability_words=measurability.words,
                quantified=measurability.label == "countable" or target is not None,
                n_measures=len(self.index.measures[ind.id]),
                evidence=statement or ind.id,
            )

    def _goals(self) -> None:
        activities_by_goal: dict[str, list[str]] = defaultdict(list)
        for activity in self.plan.activities:
            for goal_id in activity.goals:
                activities_by_goal[goal_id].append(activity.id)
        for i, goal in enumerate(self.plan.goals):
            statement = goal.statement or ""
            via_activities = sum(self.measured[a] for a in activities_by_goal[goal.id])
            measurable = self.measurable[goal.id] + sum(self.measurable[a] for a in activities_by_goal[goal.id])
            reading, has_amount, has_time = self.readings.goal_measurability(statement)
            direction = self.readings.direction(statement, [])
            self.add(
                "goal",
                goal.id,
                f"goals[{i}]",
                goal=goal.id,
                statement=statement,
                name=statement or goal.id,  # for messages: the statement, or the id when there is none
                n_indicators=self.measured[goal.id],
                n_indicators_via_activities=via_activities,
                n_measurable_indicators=measurable,  # direct or via activities, with a numeric target
                n_activities=len(activities_by_goal[goal.id]),
                quantified=reading.label == "measurable",  # an amount AND a time
                has_amount=has_amount,
                has_time=has_time,
                quantified_words=reading.words,
                direction=direction.label,
                has_agenda=filled(goal.development_agenda),
                evidence=statement or goal.id,
            )
