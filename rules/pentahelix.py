"""PH - pentahelix: are all five pillars in the cooperation, and do they each carry a part?

Knowledge (seed 000, after Etzkowitz 2017 via Ansell): pentahelix cooperation joins
government, industry, academia, community and media; planning step 2 asks to make sure each
pillar is present and contributes; the COVID-19 case shows each pillar's part, media's being
accurate public information and transparency. Seigler's first principle (seed 003): citizens
take part in producing the public good, not only in receiving it.

How severe a missing pillar is depends on the plan's ``kind``: a pentahelix plan promises all
five (error); other multi-stakeholder plans should consider them (warning); a
government-to-government plan, international or between regional governments at home (kerja
sama antardaerah: two or more government partners), gets advice only (info). A pillar the plan
says why it leaves out (``pillars_not_involved``) is not reported at all.
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Test, c, m, option

_G2G = ("bilateral", "multilateral", "regional")


def _kinds(kinds: tuple[str, ...]) -> Any:
    test: Test = m.plan_kind == kinds[0]
    for kind in kinds[1:]:
        test = test | (m.plan_kind == kind)
    return test


def _missing_pillar(kinds: tuple[str, ...], between_governments: bool | None = None) -> list[Any]:
    """A pillar no partner has and the plan gives no reason for (``pillars_not_involved``),
    in a plan of one of ``kinds``; ``between_governments`` picks plans with two or more
    government partners (True), or the others (False)."""
    plan = (m.kind == "plan") & _kinds(kinds)
    if between_governments is not None:
        plan = plan & (m.between_governments == between_governments)
    gap = (m.kind == "pillar") & (m.present == False) & (m.reason_given == False)  # noqa: E712
    return [c.f << gap, c.plan << plan]


_DOMESTIC = ("domestic", "sectoral", "unspecified")


def _government_to_government(yes: bool) -> Any:
    """Plans between governments (``yes``): international kinds, and domestic ones with two or more
    government partners (kerja sama antardaerah); or, with ``yes`` False, every other plan: a
    pentahelix plan, or a domestic one with fewer government partners. Written both ways because
    a condition cannot be negated."""
    if yes:
        return _kinds(_G2G) | (_kinds(_DOMESTIC) & (m.between_governments == True))  # noqa: E712
    return (m.plan_kind == "pentahelix") | (_kinds(_DOMESTIC) & (m.between_governments == False))  # noqa: E712


# A partner or pillar carrying more than this share of all responsibilities dominates; judged
# only from this many responsibilities on.
DOMINANT_SHARE = option("dominant_share", "share")
DOMINANT_MIN_RESPONSIBILITIES = option("dominant_min_responsibilities", "count")


def _dominant_partner() -> list[Any]:
    return [
        c.f << (m.kind == "partner") & (m.share_pct > DOMINANT_SHARE),
        c.plan << (m.kind == "plan") & (m.n_responsibilities >= DOMINANT_MIN_RESPONSIBILITIES),
    ]


def _dominant_pillar() -> list[Any]:
    return [
        c.f << (m.kind == "pillar") & (m.n_partners > 1) & (m.share_pct > DOMINANT_SHARE),
        # Not for a plan between governments: there the government pillar holds most tasks by
        # design, and the missing pillars are only advice (PH003).
        c.plan << (m.kind == "plan")
        & (m.n_responsibilities >= DOMINANT_MIN_RESPONSIBILITIES)
        & _government_to_government(False),
    ]


FAMILY = Family(code="PH", dimension="pentahelix_coverage", module=__name__)

RULES = [
    Rule(
        id="PH001",
        name="pentahelix.pillar-missing",
        severity="error",
        step="stakeholders",
        sources=("etzkowitz2017", "seed000"),
        when=lambda: _missing_pillar(("pentahelix",)),
        params=("pillar",),
        asserts="pillar_gap",
        carries=("pillar",),
        certain="the plan declares itself pentahelix and no partner has the pillar: declared kind and pillars",
    ),
    Rule(
        id="PH002",
        name="pentahelix.pillar-not-considered",
        severity="warning",
        step="stakeholders",
        sources=("etzkowitz2017", "seed000"),
        # A domestic plan between regional governments (kerja sama antardaerah) is PH003's advice.
        when=lambda: _missing_pillar(_DOMESTIC, between_governments=False),
        params=("pillar",),
        asserts="pillar_gap",
        carries=("pillar",),
    ),
    Rule(
        id="PH003",
        name="pentahelix.pillar-advice",
        severity="info",
        step="stakeholders",
        sources=("etzkowitz2017", "seed000", "ansell2018"),
        # Government-to-government plans: international ones by kind, domestic ones (kerja sama
        # antardaerah) by two or more government partners. The branches exclude each other.
        when=lambda: [
            c.f << (m.kind == "pillar") & (m.present == False) & (m.reason_given == False),  # noqa: E712
            c.plan << (m.kind == "plan") & _government_to_government(True),
        ],
        params=("pillar",),
        asserts="pillar_gap",
        carries=("pillar",),
    ),
    Rule(
        id="PH004",
        name="pentahelix.pillar-without-responsibility",
        severity="warning",
        step="roles",
        sources=("seed000", "etzkowitz2017"),
        when=lambda: [c.f << (m.kind == "pillar") & (m.present == True) & (m.n_responsibilities == 0)],  # noqa: E712
        params=("pillar", "names"),
    ),
    Rule(
        id="PH005",
        name="pentahelix.dominant-partner",
        severity="warning",
        step="roles",
        sources=("seed000", "febrian2016"),
        when=_dominant_partner,
        params=("name", "share_pct"),
    ),
    Rule(
        id="PH006",
        name="pentahelix.dominant-pillar",
        severity="warning",
        step="roles",
        sources=("seed000", "etzkowitz2017", "practice_pentahelix"),
        when=_dominant_pillar,
        params=("pillar", "share_pct"),
    ),
    Rule(
        id="PH007",
        name="pentahelix.community-only-beneficiary",
        severity="warning",
        step="roles",
        sources=("seigler2011", "seed003", "seed000"),
        when=lambda: [
            c.f << (m.kind == "pillar")
            & (m.pillar == "community")
            & (m.present == True)  # noqa: E712
            & (m.n_responsibilities > 0)
            & (m.n_producing == 0)
        ],
        params=("names",),
    ),
]
