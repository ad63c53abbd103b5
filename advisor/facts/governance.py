"""Facts for the governance, phase, challenge and form rules (GV, PS, CH, KS).

Kinds:

- ``governance`` (one): which principles and challenges the plan answers, as flags and counts;
- ``background`` (one): whether the background sets out problems and assets;
- ``decision`` (one per stated decision process: coordination, goal setting; and one per
  responsibility that decides something): its style, its decider;
- ``budget`` (one): whether the money is identified and secured;
- ``risk`` (one per listed risk): whether it has a mitigation;
- ``form`` (one): the declared kind of cooperation against its partners' countries and regions,
  and the statements of principle found anywhere in the plan's prose.
"""

from __future__ import annotations

from typing import Any

from advisor import knowledge
from advisor.facts.base import FactSink
from advisor.facts.core import STYLE, CoreFacts
from advisor.text import HOME_COUNTRIES, filled, find, joined
from advisor.text.decision import deliberated
from advisor.text.planning import in_budget_cycle


def add_facts(sink: FactSink, core: CoreFacts) -> None:
    _governance(sink)
    _background(sink)
    _decisions(sink, core)
    _budget(sink)
    _risks(sink)
    _form(sink)


def _stated(sink: FactSink, topic: str) -> bool:
    return sink.readings.statements[topic].label == "present"


def _background_analysis(sink: FactSink) -> str:
    """``missing``, ``partial`` (sets out problems or assets, not both) or ``complete``."""
    if not filled(sink.plan.background):
        return "missing"
    both = sink.readings.problems.label == "present" and sink.readings.assets.label == "present"
    return "complete" if both else "partial"


def _governance(sink: FactSink) -> None:
    plan = sink.plan
    partners = plan.partners
    community = [p for p in partners if p.pillar == "community"]
    community_ids = {p.id for p in community}
    community_roles = sum(
        1
        for a in plan.activities
        for pid in ([a.lead] if isinstance(a.lead, str) else (a.lead or [])) + list(a.support)
        if pid in community_ids
    )
    empowering = sum(1 for p in partners if p.pillar != "community" for r in p.responsibilities if find(r, "empower"))
    government = [p for p in partners if p.pillar == "government"]
    coordination = plan.coordination
    mechanism = coordination.mechanism if coordination and coordination.mechanism else ""
    gov_coordinating = any(find(r, "coordinate") for p in government for r in p.responsibilities) or (
        sink._named_partner(mechanism, government) is not None
    )
    institutional = (
        filled(plan.institutional_change)
        or any(c.kind == "regulation" for p in partners for c in p.contributions)
        or any(find(r, "institutional") for p in partners for r in p.responsibilities)
    )
    monitoring = plan.monitoring
    frequency = coordination.frequency if coordination and coordination.frequency else ""
    differences = plan.differences
    dependency = plan.dependency
    donors = any(p.donor for p in partners)
    international = sink.index.international
    sink.add(
        "governance",
        "plan",
        "",
        international=international,
        n_partners=len(partners),
        n_activities=len(plan.activities),
        n_indicators=len(plan.indicators),
        n_goals=len(plan.goals),
        n_goals_with_agenda=sum(1 for g in plan.goals if filled(g.development_agenda)),
        # or named in the goal itself ("... sesuai RPJMD", "SDG 6")
        n_goals_with_agenda_any=sum(
            1 for g in plan.goals if filled(g.development_agenda) or find(g.statement or "", "development_agenda")
        ),
        background_analysis=_background_analysis(sink),
        n_alternatives=len(plan.alternatives_considered),
        has_sustainability=filled(plan.sustainability),
        has_monitoring=monitoring is not None,
        has_reporting_line=bool(monitoring and filled(monitoring.responsible) and filled(monitoring.reporting_to)),
        has_disclosure=bool(plan.communication and filled(plan.communication.public_disclosure)),
        has_mechanism=bool(mechanism.strip()),
        # a stated rhythm ("paling sedikit sekali setiap triwulan") is regular even when the
        # forum may also meet "sewaktu-waktu bila diperlukan"
        coordination_regular=bool(frequency.strip())
        and (find(frequency, "schedule") is not None or find(frequency, "ad_hoc") is None),
        has_conflict_resolution=bool(coordination and filled(coordination.conflict_resolution)),
        # Written in its own field, or stated anywhere in the prose (issue 13).
        has_interests=filled(plan.interests) or _stated(sink, "interests"),
        has_trust_building=filled(plan.trust_building) or _stated(sink, "trust_building"),
        has_coi=filled(plan.conflict_of_interest) or _stated(sink, "conflict_of_interest"),
        # Officials act in the state's name towards foreign states or donors (seed 004).
        coi_exposed=bool(government) and (international or donors),
        has_institutional_change=institutional,
        community_roles=community_roles,
        community_contributions=sum(len(p.contributions) for p in community),
        n_empowering=empowering,
        has_capacity_building=bool(dependency and filled(dependency.capacity_building)),
        has_exit_strategy=bool(dependency and filled(dependency.exit_strategy)),
        gov_coordinating=gov_coordinating,
        has_culture_note=bool(differences and filled(differences.culture)),
        has_language_note=bool(differences and filled(differences.language)),
        has_regulation_note=bool(differences and filled(differences.regulation))
        or _stated(sink, "regulatory_differences"),
        n_risks=len(plan.risks),
    )


def _background(sink: FactSink) -> None:
    problems, assets = sink.readings.problems, sink.readings.assets
    sink.add(
        "background",
        "plan",
        "background" if filled(sink.plan.background) else "",
        has_background=filled(sink.plan.background),
        has_problems=problems.label == "present",
        has_assets=assets.label == "present",
        problems_words=problems.words,
        assets_words=assets.words,
        evidence=sink.plan.background or "",
    )


def _decisions(sink: FactSink, core: CoreFacts) -> None:
    plan = sink.plan
    coordination = plan.coordination
    if coordination is not None:
        text = coordination.decision_making or ""
        _decision(sink, core, "coordination", "coordination.decision_making" if text else "coordination", text)
    if plan.goal_setting:
        _decision(sink, core, "goals", "goal_setting", plan.goal_setting)
    for i, partner in enumerate(plan.partners):
        for j, reading in enumerate(sink.readings.decisions_in_responsibilities[i]):
            if reading.label in ("unilateral", "authority"):
                text = partner.responsibilities[j]
                path = f"partners[{i}].responsibilities[{j}]"
                _decision(sink, core, "responsibility", path, text, partner.id, ident=f"{partner.id}:{j}")


def _decision(
    sink: FactSink, core: CoreFacts, about: str, path: str, text: str, partner_id: str = "", ident: str = ""
) -> None:
    reading, decider, by_strong = core.decision_of(text, partner_id)
    sink.add(
        "decision",
        ident or about,
        path,
        about=about,
        stated=bool(text.strip()),
        style=STYLE[reading.label],
        deliberated=deliberated(text),
        decider=decider,
        decider_name=_partner_name(sink, decider),
        by_strong=by_strong,
        style_words=reading.words,
        style_reason=reading.reason,
        evidence=text,
    )


def _partner_name(sink: FactSink, partner_id: str) -> str:
    """The partner's name as messages show it ("" when no partner decides)."""
    i = sink.index.partner_index.get(partner_id)
    return (sink.plan.partners[i].name or partner_id) if i is not None else ""


def _budget(sink: FactSink) -> None:
    plan = sink.plan
    text = joined(plan.budget)
    funded = [p for p in plan.partners if any(c.kind == "funding" for c in p.contributions)]
    if not text.strip():
        status = "missing"
    elif find(text, "unfunded"):
        status = "unfunded"
    else:
        status = "identified"
    sink.add(
        "budget",
        "plan",
        "budget" if text.strip() else "",
        status=status,
        # already in an RKA/DPA SKPD or the APBD, even as a draft: not unsecured (CH006)
        in_budget_cycle=in_budget_cycle(text).label == "present",
        has_funding=bool(funded),
        n_activities=len(plan.activities),
        evidence=text,
    )


def _risks(sink: FactSink) -> None:
    for i, risk in enumerate(sink.plan.risks):
        sink.add(
            "risk",
            str(i),
            f"risks[{i}]",
            description=risk.description,
            has_mitigation=filled(risk.mitigation),
            evidence=risk.description,
        )


def _regions_by_country(table: dict[str, list[str]]) -> dict[str, str]:
    """Each country's region: the first, in name order, that lists it."""
    out: dict[str, str] = {}
    for region, members in sorted(table.items()):
        for country in members:
            out.setdefault(country, region)
    return out


def _form(sink: FactSink) -> None:
    plan = sink.plan
    forms = knowledge.forms()
    countries = sink.index.countries
    regions: set[str] = set()
    region_of = _regions_by_country(forms.regions)
    for partner in plan.partners:
        region = partner.region or region_of.get((partner.country or "").strip().upper())
        if region:
            regions.add(region.strip())
    agreement = plan.agreement
    months = 0
    if plan.period and plan.period.start and plan.period.end:
        start, end = plan.period.start, plan.period.end
        months = (end.year - start.year) * 12 + (end.month - start.month) + (1 if end.day >= start.day else 0)
    pillars = sorted({p.pillar for p in plan.partners})
    said = sink.readings.statements
    fact: dict[str, Any] = {
        "plan_kind": plan.kind or "unspecified",
        "international": sink.index.international,
        "n_countries": len(countries),
        "countries": ", ".join(countries) or "-",
        "n_foreign": sum(1 for c in countries if c.lower() not in HOME_COUNTRIES),
        "n_regions": len(regions),
        "regions": ", ".join(sorted(regions)) or "-",
        "n_pillars": len(pillars),
        "has_agreement": agreement is not None,
        "has_legal_basis": bool(agreement and filled(agreement.legal_basis)),
        # Statements of principle, wherever the plan makes them (their own fields included).
        "has_sovereignty": said["sovereignty"].label == "present",
        "has_mutual_benefit": said["mutual_benefit"].label == "present",
        "has_trust_building": said["trust_building"].label == "present" or filled(plan.trust_building),
        "has_interests": said["interests"].label == "present" or filled(plan.interests),
        "has_regulatory_differences": said["regulatory_differences"].label == "present"
        or bool(plan.differences and filled(plan.differences.regulation)),
        "has_conflict_safeguard": said["conflict_of_interest"].label == "present" or filled(plan.conflict_of_interest),
        "sovereignty_words": said["sovereignty"].words,
        "mutual_benefit_words": said["mutual_benefit"].words,
        "period_months": months,
        "period_years": round(months / 12, 1),
        "evidence": plan.kind or "",
    }
    # No place of its own: each KS rule names its section (`kind`, `agreement`, `period`).
    sink.add("form", "plan", "", **fact)
