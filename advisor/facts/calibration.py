"""Facts for the calibrated and added checks of issue 14, after the other extractors ran.

Called from :func:`advisor.facts.extract` after the core and governance facts, which the new
facts are built from: the facts of issue 14's own modules (each declares its kinds in
:mod:`advisor.facts.schema`), and the attributes that come from fields and knowledge rather
than from reading text:

- ``pillar``: ``reason_given`` when ``pillars_not_involved`` says why the pillar takes no part;
- ``plan``: ``between_governments`` when two or more partners are governments: in a domestic
  plan that is cooperation between regional governments (kerja sama antardaerah, PP 28/2018),
  whose parties are the governments; the other pillars are advice there, not a requirement;
- ``form``: ``in_one_grouping`` when every partner's country belongs to one grouping that spans
  regions (knowledge/forms.yaml ``groupings``), and its name.
"""

from __future__ import annotations

from advisor import knowledge
from advisor.facts import agreement, budget, completeness, dates, links, reliance
from advisor.facts.base import FactSink


def add_facts(ex: FactSink) -> None:
    reliance.add_facts(ex)
    completeness.add_facts(ex)
    agreement.add_facts(ex)
    dates.add_facts(ex)
    budget.add_facts(ex)
    links.add_facts(ex)
    _kind_and_reasons(ex)


def _kind_and_reasons(ex: FactSink) -> None:
    plan = ex.plan
    reasons = plan.pillars_not_involved
    countries = sorted({(p.country or "ID").strip().upper() for p in plan.partners})
    grouping = next(
        (name for name, members in sorted(knowledge.forms().groupings.items()) if set(countries) <= set(members)),
        None,
    )
    for fact in ex.facts:
        if fact["kind"] == "pillar":
            fact["reason_given"] = bool(reasons and reasons.reason(fact["pillar"]).strip())
        elif fact["kind"] == "plan":
            fact["between_governments"] = sum(1 for p in plan.partners if p.pillar == "government") >= 2
        elif fact["kind"] == "form":
            fact["in_one_grouping"] = grouping is not None
            if grouping:
                fact["grouping"] = grouping
