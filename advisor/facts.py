"""Turn a validated plan into the facts the rules reason over.

Rules never see YAML. Each fact is a flat mapping with ``kind`` (its type), ``id`` (unique
within the plan), ``path`` (where in the document it comes from) and attributes that are
always present and never ``None`` (durable-rules treats a missing attribute in a comparison
as a match, see ../shared/notes/durable-rules.md). Text meaning (vague verbs, quantities,
directions) is read here by :mod:`advisor.textscan`; counting and shares are computed here
because the engine has no aggregates. Judgements - what is missing, what is too much - are
the rules' job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from advisor import facts_calibration, textscan
from advisor.model import Activity, Indicator, Partner, Plan
from advisor.problems import format_path
from advisor.validate import ValidatedPlan

Fact = dict[str, Any]
PILLARS = ("government", "industry", "academia", "community", "media")
HOME_COUNTRIES = textscan.HOME_COUNTRIES
CRITICAL_RESOURCES = ("funding", "technology", "expertise")  # what dependency theory is about
# A placeholder of knowledge/templates/plan.*.yaml: "<Title of the cooperation plan, ...>": a
# letter first and a space inside, no "=", so that "<script>" or '<a href="x">' in a title (an
# HTML tag, not an unfilled entry) and "x < 5" are not taken for one.
_PLACEHOLDER = re.compile(r"<[^\W\d_][^<>=\n]*\s[^<>=\n]*>")
MAX_TEXT = 300  # durable-rules compares strings over 64 KiB wrongly; evidence needs far less


_text = textscan.joined
_has = textscan.filled


def _pct(fraction: float) -> int:
    return round(fraction * 100)


def _is_foreign(partner: Partner) -> bool:
    if not partner.country:
        return False
    return partner.country.strip().lower() not in HOME_COUNTRIES


def _leads(activity: Activity) -> list[str]:
    if isinstance(activity.lead, list):
        return activity.lead
    return [activity.lead] if activity.lead else []


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


def _measures(indicator: Indicator) -> list[str]:
    if isinstance(indicator.measures, list):
        return indicator.measures
    return [indicator.measures] if indicator.measures else []


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


class _Extractor:
    def __init__(self, vplan: ValidatedPlan):
        self.plan: Plan = vplan.plan
        self.facts: list[Fact] = []

    def add(self, kind: str, ident: str, path: str, **attrs: Any) -> Fact:
        fact = {"kind": kind, "id": f"{kind}:{ident}", "path": path}
        for key, value in attrs.items():
            if value is None:
                continue  # never assert None: it matches neither +attr nor -attr
            if isinstance(value, str):
                value = textscan.truncate(value, MAX_TEXT)
            fact[key] = value
        self.facts.append(fact)
        return fact

    def run(self) -> list[Fact]:
        plan = self.plan
        partners = plan.partners
        self.partner_index = {p.id: i for i, p in enumerate(partners)}
        self.leads_by_partner: dict[str, int] = defaultdict(int)
        for activity in plan.activities:
            for lead in _leads(activity):
                self.leads_by_partner[lead] += 1
        self.total_responsibilities = sum(len(p.responsibilities) for p in partners)
        # read once, used for the pillar facts and the partner facts
        self.clarities = [[textscan.clarity(r) for r in p.responsibilities] for p in partners]
        self._plan_fact()
        self._pillars()
        self._partners()
        self._shared_tasks()
        self._resources()
        self._activities()
        self._indicators()
        self._goals()
        # GV/PS/CH/KS facts live in their own module to keep this one small.
        from advisor import facts_governance

        facts_governance.add_facts(self)
        facts_calibration.add_facts(self)  # issue 14's checks, in their own modules
        return self.facts

    # --- the plan as a whole -----------------------------------------------------------------

    def _plan_fact(self) -> None:
        plan = self.plan
        countries = sorted({p.country.strip().upper() for p in plan.partners if p.country})
        coordination = plan.coordination
        communication = plan.communication
        monitoring = plan.monitoring
        dependency = plan.dependency
        decision_text = coordination.decision_making if coordination and coordination.decision_making else ""
        benefit_sides, sides = self._benefit_sides(countries)
        self.add(
            "plan",
            "plan",
            "",
            plan_kind=plan.kind or "unspecified",
            scope=plan.scope or "unspecified",
            international=plan.scope == "international" or len(countries) > 1,
            n_partners=len(plan.partners),
            n_countries=len(countries),
            n_goals=len(plan.goals),
            n_activities=len(plan.activities),
            n_indicators=len(plan.indicators),
            n_responsibilities=self.total_responsibilities,
            n_dated_activities=sum(1 for a in plan.activities if a.start and a.end),
            has_period=bool(plan.period and plan.period.start and plan.period.end),
            has_background=_has(plan.background),
            n_alternatives=len(plan.alternatives_considered),
            has_coordination=coordination is not None,
            has_mechanism=bool(coordination and _has(coordination.mechanism)),
            has_communication=communication is not None,
            has_channels=bool(communication and communication.channels),
            has_disclosure=bool(communication and _has(communication.public_disclosure)),
            has_monitoring=monitoring is not None,
            monitoring_has_frequency=bool(monitoring and _has(monitoring.frequency)),
            n_evaluations=len(monitoring.evaluations) if monitoring else 0,
            has_capacity_building=bool(dependency and _has(dependency.capacity_building)),
            has_technology_transfer=bool(dependency and _has(dependency.technology_transfer)),
            has_exit_strategy=bool(dependency and _has(dependency.exit_strategy)),
            decision=self._decision_style(decision_text),
            decision_by_strong=self._decided_by_strong_partner(decision_text),
            decision_text=decision_text,
            benefit_sides=benefit_sides,
            sides=sides,
            benefit_holders=self._benefit_holders(countries),
            has_agreement=plan.agreement is not None,
            n_risks=len(plan.risks),
            **self._placeholders(),
        )

    def _placeholders(self) -> dict[str, Any]:
        """Text values still holding an ``advisor init`` placeholder (``<...>``): how many, and
        the first one's path and text, where ST015 points."""
        # Most plans have none: one search over the plan as JSON text rules that out (it can
        # only err towards walking the plan, e.g. when a match spans two values).
        if not _PLACEHOLDER.search(self.plan.model_dump_json(exclude_none=True)):
            return {"n_placeholders": 0}
        found = list(_placeholder_texts(self.plan.model_dump(exclude_none=True), ()))
        if not found:
            return {"n_placeholders": 0}
        path, text = found[0]
        return {"n_placeholders": len(found), "placeholder_path": path, "placeholder_text": text}

    def _decision_style(self, text: str) -> str:
        if not text.strip():
            return "unspecified"
        if textscan.find(text, "unilateral"):
            return "unilateral"
        if textscan.find(text, "consensus"):
            return "consensus"
        if self._named_partner(text):
            return "unilateral"
        return "other"

    def _named_partner(self, text: str, among: list[Partner] | None = None) -> Partner | None:
        """The first partner (of the plan, or ``among``) that ``text`` names by id or by name."""
        lowered, tokens = text.lower(), set(textscan.words(text))
        for partner in self.plan.partners if among is None else among:
            if partner.id.lower() in tokens or (partner.name and partner.name.lower() in lowered):
                return partner
        return None

    def _decided_by_strong_partner(self, text: str) -> bool:
        """Decisions reserved to the partner the others depend on (top funder, foreign or donor)."""
        if self._decision_style(text) != "unilateral":
            return False
        partner = self._named_partner(text)
        if partner is None:
            return False
        return partner.donor or _is_foreign(partner) or partner.id in self._top_contributors()

    def _top_contributors(self) -> set[str]:
        tops = set()
        for contributions in self._shares_by_kind().values():
            if contributions:
                tops.add(max(contributions.items(), key=lambda kv: (kv[1], kv[0]))[0])
        return tops

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
        for pillar in PILLARS:
            indexes = [i for i, p in enumerate(self.plan.partners) if p.pillar == pillar]
            members = [self.plan.partners[i] for i in indexes]
            resp = [r for p in members for r in p.responsibilities]
            clarities = [c for i in indexes for c in self.clarities[i]]
            producing = (
                clarities.count("clear")
                + sum(len(p.contributions) for p in members)
                + sum(self.leads_by_partner[p.id] for p in members)
            )
            first = self.partner_index[members[0].id] if members else None
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

    def _partners(self) -> None:
        for i, partner in enumerate(self.plan.partners):
            clarities = self.clarities[i]
            vague = [r for r, c in zip(partner.responsibilities, clarities, strict=True) if c == "vague"]
            n = len(partner.responsibilities)
            self.add(
                "partner",
                partner.id,
                f"partners[{i}]" if not n else f"partners[{i}].responsibilities",
                partner=partner.id,
                name=partner.name or partner.id,
                pillar=partner.pillar,
                country=(partner.country or "").upper(),
                foreign=_is_foreign(partner),
                donor=partner.donor,
                n_responsibilities=n,
                n_clear=clarities.count("clear"),
                n_vague=len(vague),
                vague="; ".join(f'"{r}"' for r in vague),  # quoted in messages (RL009)
                n_passive=clarities.count("passive"),
                n_contributions=len(partner.contributions),
                n_benefits=len(partner.benefits),
                n_leads=self.leads_by_partner[partner.id],
                share_pct=_pct(n / self.total_responsibilities) if self.total_responsibilities else 0,
                evidence="; ".join(vague) if vague else "; ".join(partner.responsibilities),
            )

    def _shared_tasks(self) -> None:
        """The same responsibility written for several partners."""
        claims: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for i, partner in enumerate(self.plan.partners):
            for j, text in enumerate(partner.responsibilities):
                claims[" ".join(textscan.words(text))].append((i, j, partner.id))
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

    def _shares_by_kind(self) -> dict[str, dict[str, float]]:
        """Per resource kind, each partner's share: declared shares where given, else an equal
        split among those who contribute it."""
        by_kind: dict[str, dict[str, float]] = defaultdict(dict)
        for partner in self.plan.partners:
            for contribution in partner.contributions:
                current = by_kind[contribution.kind].get(partner.id, 0.0)
                by_kind[contribution.kind][partner.id] = current + (
                    contribution.share if contribution.share is not None else -1.0
                )
        out: dict[str, dict[str, float]] = {}
        for kind, shares in by_kind.items():
            declared = {k: v for k, v in shares.items() if v >= 0}
            if declared and len(declared) == len(shares):
                total = sum(declared.values()) or 1.0
                out[kind] = {k: v / total if total > 1 else v for k, v in declared.items()}
            else:
                out[kind] = {k: 1.0 / len(shares) for k in shares}
        return out

    def _resources(self) -> None:
        shares_by_kind = sorted(self._shares_by_kind().items())
        tops = {kind: max(shares.items(), key=lambda kv: (kv[1], kv[0]))[0] for kind, shares in shares_by_kind}
        for kind, shares in shares_by_kind:
            top_id, top_share = max(shares.items(), key=lambda kv: (kv[1], kv[0]))
            top = self.plan.partners[self.partner_index[top_id]]
            j = next(k for k, c in enumerate(top.contributions) if c.kind == kind)
            self.add(
                "resource",
                kind,
                f"partners[{self.partner_index[top_id]}].contributions[{j}]",
                resource=kind,
                n_contributors=len(shares),
                top_partner=top.id,
                top_name=top.name or top.id,
                top_pillar=top.pillar,
                top_share_pct=_pct(top_share),
                top_foreign=_is_foreign(top),
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
            has_target = textscan.parse_number(indicator.target) is not None
            for target in _measures(indicator):
                measured[target] += 1
                measurable[target] += has_target
        responsibilities = {p.id: " ".join(p.responsibilities) for p in plan.partners}
        for i, activity in enumerate(plan.activities):
            leads = _leads(activity)
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
                if partner_id not in self.partner_index:
                    continue
                self.add(
                    "role",
                    f"{_escaped(activity.id)}:{role}:{_escaped(partner_id)}",
                    f"activities[{i}].{where}",
                    activity=activity.id,
                    activity_name=activity.name or activity.id,
                    partner=partner_id,
                    partner_name=self.plan.partners[self.partner_index[partner_id]].name or partner_id,
                    role=role,
                    matched=textscan.stem_overlap(activity.name or "", responsibilities[partner_id]),
                    evidence=activity.name or activity.id,
                )
        self.measured = measured
        self.measurable = measurable

    def _indicators(self) -> None:
        plan = self.plan
        period = plan.period
        goal_text = {g.id: g.statement or "" for g in plan.goals}
        # What an indicator measures, as the texts its direction may be read from when its own
        # statement names none: a goal's statement, an activity's name. Not an activity's goals:
        # an output counted under "Menurunkan persentase kios kosong" ("Jumlah kios yang
        # selesai direnovasi", 0 -> 120) grows while the goal's figure falls.
        texts_of = {a.id: [a.name or ""] for a in plan.activities}
        for goal_id, text in goal_text.items():
            texts_of.setdefault(goal_id, [text])
        for i, ind in enumerate(plan.indicators):
            statement = ind.statement or ""
            target = textscan.parse_number(ind.target)
            baseline = textscan.parse_number(ind.baseline)
            unit = ind.unit or textscan.unit_of(ind.target) or textscan.unit_of(ind.baseline)
            direction = ind.direction or textscan.direction(statement)
            for target_id in _measures(ind):
                for text in texts_of.get(target_id, ()):
                    direction = direction or textscan.direction(text)
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
                has_unit=bool(unit),
                has_due=ind.due is not None,
                due=ind.due.isoformat() if ind.due else None,
                due_in_period=due_in_period,
                has_source=_has(ind.data_source),
                has_frequency=_has(ind.frequency),
                has_responsible=_has(ind.responsible),
                direction=direction or "unknown",
                quantified=textscan.is_quantified(statement) or target is not None,
                n_measures=len(_measures(ind)),
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
                quantified=textscan.has_number(statement),
                direction=textscan.direction(statement) or "unknown",
                has_agenda=_has(goal.development_agenda),
                evidence=statement or goal.id,
            )


def extract(vplan: ValidatedPlan) -> list[Fact]:
    """Facts of one plan, in a stable order."""
    return _Extractor(vplan).run()
