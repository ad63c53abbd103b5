"""DP - dependency: does the cooperation leave one side relying on, or ruled by, the other?

Knowledge: dependency theory (seed 000, after Mastanduno 2018) points at asymmetric relations
between developed and developing partners, which lasting and fair cooperation must overcome;
seed 002 names power inequality, which lets the stronger partner dominate; seed 004 warns that
technology cooperation often breeds excessive one-sided dependency unless a long-term solution
is found, and that foreign experts should only bridge the time until domestic experts can take
over.

Who supplies a resource matters. A domestic government funding its own programme is ownership,
not dependency: no finding. Reliance on a foreign partner or a donor is the asymmetric case
(warning; it asserts ``foreign_reliance`` for later conclusions). Reliance on one domestic
private sponsor is a continuity risk rather than an asymmetry of power (advice). The shares come
from the ``resource`` facts (advisor/facts/core.py): per resource kind, its largest supplier.

One finding per root cause: DP001 is one finding per partner relied on (``reliance`` facts,
advisor/facts/reliance.py), listing the resources and which safeguards of the ``dependency``
section answer them and which are missing: the former DP003 (technology without transfer),
DP004 (expertise without capacity building), DP005 (donor funding without exit strategy) and
CH012 (asymmetric dependency high) are its aliases. Who decides is the one separate action
(DP007, at the decision).
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import c, m, option

# A single partner supplying at least this share of one resource is relied on (also read by
# the reliance facts DP001 matches, advisor/facts/reliance.py).
DEPENDENCY_SHARE = option("dependency_share", "share")


def _single_private_sponsor() -> list[Any]:
    return [
        c.f << (m.kind == "resource")
        & (m.resource == "funding")
        & (m.top_share_pct >= DEPENDENCY_SHARE)
        & (m.top_pillar == "industry")
        & (m.top_foreign == False)  # noqa: E712
        & (m.top_donor == False)  # noqa: E712
    ]


FAMILY = Family(code="DP", dimension="dependency_balance", module=__name__)

RULES = [
    Rule(
        id="DP008",
        at="partners",
        name="dependency.funding-shares-over-100",
        severity="error",
        step="roles",
        sources=("seed000", "seed002"),
        # The declared shares of funding add up to more than 100 % (0.5 point of rounding allowed).
        when=lambda: [c.f << (m.kind == "budget_detail") & (m.funding_share_total > 100.5)],
        params=("funding_share_text",),
        certain="the shares are numbers the plan declares; their sum is arithmetic",
    ),
    Rule(
        id="DP001",
        name="dependency.foreign-reliance",
        severity="warning",
        step="roles",
        sources=("seed000", "seed002", "seed004"),
        # A foreign or donor partner supplies at least dependency_share of funding, technology or
        # expertise: one finding per partner, naming the resources and the safeguards missing.
        when=lambda: [c.f << (m.kind == "reliance")],
        params=("top_name", "top_of", "shares", "missing_safeguards", "present_safeguards"),
        options=(DEPENDENCY_SHARE,),
        asserts="foreign_reliance",
        carries=("top_partner", "top_name", "top_share_pct", "top_of"),
        # Every safeguard the resources call for is in the plan: advice, no longer a change to require.
        severity_when=(("f", "n_missing", 0, "info"),),
        aliases=("DP003", "DP004", "DP005", "CH012"),
    ),
    Rule(
        id="DP002",
        name="dependency.single-private-sponsor",
        severity="info",
        step="roles",
        sources=("seed003", "febrian2016"),
        # One domestic business (not a donor) pays at least dependency_share of the funding.
        when=_single_private_sponsor,
        params=("top_name", "top_share_pct"),
    ),
    Rule(
        id="DP006",
        at="partners",
        name="dependency.one-sided-benefits",
        severity="warning",
        step="roles",
        sources=("seed000", "seed002", "pp28_2018"),
        # Every party, domestic plans too (PP 28/2018: mutual benefit): one finding naming the
        # partners with no benefit written for them (advisor/facts/links.py).
        when=lambda: [c.f << (m.kind == "plan") & (m.n_without_benefits > 0) & (m.n_partners >= 2)],
        params=("without_benefits",),
    ),
    Rule(
        id="DP007",
        name="dependency.decisions-by-strong-partner",
        severity="warning",
        step="communication",
        sources=("seed002", "seed003", "febrian2016"),
        # The decision process names one partner as the one who decides (the partner named first),
        # and it is a top supplier, foreign or a donor.
        when=lambda: [c.f << (m.kind == "decision") & (m.about == "coordination") & (m.by_strong == True)],  # noqa: E712
        params=("decider_name", "evidence"),
    ),
]
