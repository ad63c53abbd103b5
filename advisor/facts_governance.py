"""Facts for the governance, phase, challenge and form rules (GV, PS, CH, KS).

Called by :mod:`advisor.facts` after its own facts, with the same extractor, so the same
guarantees hold: flat facts, never ``None``, text read in Python with the lexicon. Kinds:

- ``governance`` (one): which principles and challenges the plan answers, as flags and counts;
- ``decision`` (one per stated decision process: coordination, goal setting): its style;
- ``budget`` (one): whether the money is identified and secured;
- ``risk`` (one per listed risk): whether it has a mitigation;
- ``form`` (one): the declared kind of cooperation against its partners' countries and regions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor import knowledge, textscan
from advisor.textscan import HOME_COUNTRIES

if TYPE_CHECKING:
    from advisor.facts import _Extractor

_text = textscan.joined
_has = textscan.filled


def add_facts(ex: _Extractor) -> None:
    _governance(ex)
    _decisions(ex)
    _budget(ex)
    _risks(ex)
    _form(ex)


def _countries(ex: _Extractor) -> list[str]:
    return sorted({p.country.strip().upper() for p in ex.plan.partners if p.country and p.country.strip()})


def _international(ex: _Extractor) -> bool:
    """Declared international, or with a partner from abroad (a partner with no country is
    taken to be domestic)."""
    foreign = any(c.lower() not in HOME_COUNTRIES for c in _countries(ex))
    return ex.plan.scope == "international" or len(_countries(ex)) > 1 or foreign


def _background_analysis(text: str) -> str:
    """``missing``, ``partial`` (names barriers or opportunities, not both) or ``complete``."""
    if not text.strip():
        return "missing"
    barriers = textscan.find(text, "barriers") is not None
    opportunities = textscan.find(text, "opportunities") is not None
    return "complete" if barriers and opportunities else "partial"


def _governance(ex: _Extractor) -> None:
    plan = ex.plan
    partners = plan.partners
    community = [p for p in partners if p.pillar == "community"]
    community_ids = {p.id for p in community}
    community_roles = sum(
        1
        for a in plan.activities
        for pid in ([a.lead] if isinstance(a.lead, str) else (a.lead or [])) + list(a.support)
        if pid in community_ids
    )
    empowering = sum(
        1 for p in partners if p.pillar != "community" for r in p.responsibilities if textscan.find(r, "empower")
    )
    government = [p for p in partners if p.pillar == "government"]
    coordination = plan.coordination
    mechanism = coordination.mechanism if coordination and coordination.mechanism else ""
    gov_coordinating = any(textscan.find(r, "coordinate") for p in government for r in p.responsibilities) or (
        ex._named_partner(mechanism, government) is not None
    )
    institutional = (
        _has(plan.institutional_change)
        or any(c.kind == "regulation" for p in partners for c in p.contributions)
        or any(textscan.find(r, "institutional") for p in partners for r in p.responsibilities)
    )
    monitoring = plan.monitoring
    frequency = coordination.frequency if coordination and coordination.frequency else ""
    differences = plan.differences
    dependency = plan.dependency
    donors = any(p.donor for p in partners)
    ex.add(
        "governance",
        "plan",
        "",
        international=_international(ex),
        n_partners=len(partners),
        n_activities=len(plan.activities),
        n_indicators=len(plan.indicators),
        n_goals=len(plan.goals),
        n_goals_with_agenda=sum(1 for g in plan.goals if _has(g.development_agenda)),
        background_analysis=_background_analysis(plan.background or ""),
        n_alternatives=len(plan.alternatives_considered),
        has_sustainability=_has(plan.sustainability),
        has_monitoring=monitoring is not None,
        has_reporting_line=bool(monitoring and _has(monitoring.responsible) and _has(monitoring.reporting_to)),
        has_disclosure=bool(plan.communication and _has(plan.communication.public_disclosure)),
        has_mechanism=bool(mechanism.strip()),
        coordination_regular=bool(frequency.strip()) and textscan.find(frequency, "ad_hoc") is None,
        has_conflict_resolution=bool(coordination and _has(coordination.conflict_resolution)),
        has_interests=_has(plan.interests),
        has_trust_building=_has(plan.trust_building),
        has_coi=_has(plan.conflict_of_interest),
        # Officials act in the state's name towards foreign states or donors (seed 004).
        coi_exposed=bool(government) and (_international(ex) or donors),
        has_institutional_change=institutional,
        community_roles=community_roles,
        community_contributions=sum(len(p.contributions) for p in community),
        n_empowering=empowering,
        has_capacity_building=bool(dependency and _has(dependency.capacity_building)),
        has_exit_strategy=bool(dependency and _has(dependency.exit_strategy)),
        gov_coordinating=gov_coordinating,
        has_culture_note=bool(differences and _has(differences.culture)),
        has_language_note=bool(differences and _has(differences.language)),
        has_regulation_note=bool(differences and _has(differences.regulation)),
        n_risks=len(plan.risks),
    )


def _decisions(ex: _Extractor) -> None:
    plan = ex.plan
    coordination = plan.coordination
    if coordination is not None:
        text = coordination.decision_making or ""
        _decision(ex, "coordination", "coordination.decision_making" if text else "coordination", text)
    if plan.goal_setting:
        _decision(ex, "goals", "goal_setting", plan.goal_setting)


def _decision(ex: _Extractor, about: str, path: str, text: str) -> None:
    ex.add(
        "decision",
        about,
        path,
        about=about,
        stated=bool(text.strip()),
        style=ex._decision_style(text),
        by_strong=ex._decided_by_strong_partner(text),
        evidence=text,
    )


def _budget(ex: _Extractor) -> None:
    plan = ex.plan
    text = _text(plan.budget)
    funded = [p for p in plan.partners if any(c.kind == "funding" for c in p.contributions)]
    if not text.strip():
        status = "missing"
    elif textscan.find(text, "unfunded"):
        status = "unfunded"
    else:
        status = "identified"
    ex.add(
        "budget",
        "plan",
        "budget" if text.strip() else "",
        status=status,
        has_funding=bool(funded),
        n_activities=len(plan.activities),
        evidence=text,
    )


def _risks(ex: _Extractor) -> None:
    for i, risk in enumerate(ex.plan.risks):
        ex.add(
            "risk",
            str(i),
            f"risks[{i}]",
            description=risk.description,
            has_mitigation=_has(risk.mitigation),
            evidence=risk.description,
        )


def _region_of(country: str, table: dict[str, list[str]]) -> str | None:
    for region, members in sorted(table.items()):
        if country in members:
            return region
    return None


def _form(ex: _Extractor) -> None:
    plan = ex.plan
    forms = knowledge.forms()
    countries = _countries(ex)
    regions: set[str] = set()
    for partner in plan.partners:
        region = partner.region or _region_of((partner.country or "").strip().upper(), forms.regions)
        if region:
            regions.add(region.strip())
    agreement = plan.agreement
    principle_text = " ".join(
        [
            *(agreement.principles if agreement else []),
            _text(agreement.legal_basis) if agreement else "",
            _text(plan.interests),
        ]
    )
    months = 0
    if plan.period and plan.period.start and plan.period.end:
        start, end = plan.period.start, plan.period.end
        months = (end.year - start.year) * 12 + (end.month - start.month) + (1 if end.day >= start.day else 0)
    pillars = sorted({p.pillar for p in plan.partners})
    fact: dict[str, Any] = {
        "plan_kind": plan.kind or "unspecified",
        "international": _international(ex),
        "n_countries": len(countries),
        "countries": ", ".join(countries) or "-",
        "n_foreign": sum(1 for c in countries if c.lower() not in HOME_COUNTRIES),
        "n_regions": len(regions),
        "regions": ", ".join(sorted(regions)) or "-",
        "n_pillars": len(pillars),
        "has_agreement": agreement is not None,
        "has_legal_basis": bool(agreement and _has(agreement.legal_basis)),
        "has_sovereignty": textscan.find(principle_text, "sovereignty") is not None,
        "has_mutual_benefit": textscan.find(principle_text, "mutual_benefit") is not None,
        "period_months": months,
        "period_years": round(months / 12, 1),
        "max_years": forms.regional_max_years,
        "evidence": plan.kind or "",
    }
    # No place of its own: each KS rule names its section (`kind`, `agreement`, `period`).
    ex.add("form", "plan", "", **fact)
