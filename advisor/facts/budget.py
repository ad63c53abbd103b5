"""``budget_detail`` fact: whether the money is stated with an amount and a source, per
activity or for the plan, and whether the declared funding shares add up (issue 14).

The plan's ``budget`` text counts when it gives a number and names a source (APBD, APBN,
hibah, CSR...); so do the partners' funding contributions (each names its source, the partner,
and gives the amount when every description has one); failing both, every activity must carry
``budget.amount`` and ``budget.source``. Funding shares are the partners' declared ``share`` of ``funding``
contributions, as fractions.
"""

from __future__ import annotations

from advisor.facts import schema
from advisor.facts.base import FactSink
from advisor.text import find, has_number, joined


class BudgetDetailFact(schema.Fact):
    stated: bool
    has_funding: bool
    missing_budget: str  # "amount", "source" (comma-separated), or "none"
    n_missing_budget: int
    unbudgeted: str
    funding_share_total: float
    funding_share_text: str
    n_funding_shares: int
    evidence: str


schema.register("budget_detail", BudgetDetailFact)


def _names_source(text: str) -> bool:
    return find(text, "budget_source") is not None


def add_facts(ex: FactSink) -> None:
    plan = ex.plan
    text = joined(plan.budget)
    # A funding contribution names its source (the partner); its description may give the amount.
    funding = [c.description or "" for p in plan.partners for c in p.contributions if c.kind == "funding"]
    plan_amount = has_number(text) or bool(funding and all(has_number(d) for d in funding))
    plan_source = _names_source(text) or bool(funding)
    activities = plan.activities
    unbudgeted = [
        a.id
        for a in activities
        if not (a.budget and a.budget.amount is not None and str(a.budget.amount).strip() and a.budget.source)
    ]
    missing = []
    if activities and unbudgeted:
        if not plan_amount:
            missing.append("amount")
        if not plan_source:
            missing.append("source")
    shares = [c.share for p in plan.partners for c in p.contributions if c.kind == "funding" and c.share is not None]
    total = round(sum(shares) * 100, 1)
    ex.add(
        "budget_detail",
        "plan",
        "budget" if text.strip() else "",
        stated=bool(text.strip()) or any(a.budget for a in activities),
        has_funding=any(c.kind == "funding" for p in plan.partners for c in p.contributions),
        missing_budget=",".join(missing) or "none",
        n_missing_budget=len(missing),
        unbudgeted=", ".join(unbudgeted),
        funding_share_total=total,
        funding_share_text=f"{total:g}%",
        n_funding_shares=len(shares),
        evidence=text,
    )
