"""RL - roles: does every partner have a clear part, and does every activity have one owner?

Knowledge (seed 000, planning step 3): the plan must set out each pillar's role and
responsibilities clearly - the contribution expected of each party and how they will work
together. Step 5 adds coordination, so that every party understands its role. Vagueness is
read in Python (advisor/text/clarity.py with the ``vague`` list of knowledge/lexicon.yaml); the
rules only judge the counts it leaves on the facts.

To avoid reporting one gap twice: a partner with no responsibility is left to PH004 when its
whole pillar has none, and a lead or support partner with no responsibility at all is left to
RL001 rather than also being reported as a mismatch (RL005, RL006).
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import c, m, option


def _role_mismatch(role: str) -> list[Any]:
    # A partner named as lead/support whose responsibilities share no content word with the
    # activity; only when it has responsibilities at all (else RL001 already says so).
    return [
        c.f << (m.kind == "role") & (m.role == role) & (m.matched == False),  # noqa: E712
        c.p << (m.kind == "partner") & (m.partner == c.f.partner) & (m.n_responsibilities > 0),
    ]


# The Nth partner with unclear roles that makes a coordination risk.
UNCLEAR_ROLES_FOR_RISK = option("unclear_roles_for_risk", "count")


def _coordination_risk() -> list[Any]:
    # Chains on RL002: the Nth partner with unclear roles (N = unclear_roles_for_risk), and no
    # coordination mechanism to sort out who does what.
    return [
        c.u << (m.kind == "role_unclear") & (m.ordinal == UNCLEAR_ROLES_FOR_RISK),
        c.f << (m.kind == "plan") & (m.has_mechanism == False),  # noqa: E712
    ]


FAMILY = Family(code="RL", dimension="role_clarity", module=__name__)

RULES = [
    Rule(
        id="RL001",
        name="roles.partner-without-responsibility",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # A partner with no responsibility, in a pillar where others do have some.
        when=lambda: [
            c.f << (m.kind == "partner") & (m.n_responsibilities == 0),
            c.pl << (m.kind == "pillar") & (m.pillar == c.f.pillar) & (m.n_responsibilities > 0),
        ],
        params=("name",),
    ),
    Rule(
        id="RL002",
        name="roles.vague-responsibilities",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # Every responsibility of the partner opens with a verb that names no task ("mendukung",
        # "assist") or hedges ("sesuai kebutuhan"), or is written in the passive voice ("Data
        # disediakan oleh ...", "Funds will be provided"), which makes nobody its actor: nothing in
        # it can be checked, or held against the partner.
        # A government partner that facilitates or coordinates something plays government's own
        # role (seed 000: "fasilitator dan koordinator"): n_clear_or_role counts it as clear.
        # Lines that only receive ("Penerima manfaat program", "Menerima pelatihan") name no task
        # either. A community that produces nothing at all is PH007's finding: the passive lines
        # of its partners add no second one. (The alternatives exclude each other: the engine
        # fires once for each alternative that holds.)
        when=lambda: [
            c.f << (m.kind == "partner")
            & (m.n_clear_or_role == 0)
            & (
                (m.n_vague_task > 0)
                | ((m.n_vague_task == 0) & (m.n_passive > 0) & (m.pillar != "community"))
                | ((m.n_vague_task == 0) & (m.n_passive > 0) & (m.pillar == "community") & (m.pillar_producing > 0))
            )
        ],
        params=("name", "vague_evidence", "vague_kind"),
        asserts="role_unclear",
        carries=("partner",),
    ),
    Rule(
        id="RL003",
        name="roles.activity-without-lead",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # An activity with no ``lead`` at all: nobody answers for it.
        when=lambda: [c.f << (m.kind == "activity") & (m.n_leads == 0)],
        params=("name",),
    ),
    Rule(
        id="RL004",
        name="roles.activity-with-several-leads",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # ``lead`` given as a list of more than one partner: shared leadership, no single owner.
        when=lambda: [c.f << (m.kind == "activity") & (m.n_leads > 1)],
        params=("name", "leads"),
    ),
    Rule(
        id="RL005",
        name="roles.lead-without-matching-responsibility",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # The lead partner's responsibilities share no content word with the activity's name.
        when=lambda: _role_mismatch("lead"),
        params=("partner_name", "activity_name"),
    ),
    Rule(
        id="RL006",
        name="roles.support-without-matching-responsibility",
        severity="info",
        step="roles",
        sources=("seed000",),
        # As RL005 for a support partner: advice, since support is often ad hoc.
        when=lambda: _role_mismatch("support"),
        params=("partner_name", "activity_name"),
    ),
    Rule(
        id="RL007",
        at="coordination",
        name="roles.shared-task-without-coordination",
        severity="warning",
        step="roles",
        sources=("seed000",),
        # The same responsibility written for several partners, and no coordination mechanism
        # that would settle who does which part.
        when=lambda: [
            c.f << (m.kind == "shared_task"),
            c.plan << (m.kind == "plan") & (m.has_mechanism == False),  # noqa: E712
        ],
        params=("task", "partners"),
    ),
    Rule(
        id="RL008",
        at="coordination",
        name="roles.coordination-risk",
        severity="warning",
        step="communication",
        sources=("seed000",),
        when=_coordination_risk,
        based_on=("RL002",),
        aggregate=True,
    ),
    Rule(
        id="RL009",
        name="roles.some-vague-responsibilities",
        severity="info",
        step="roles",
        sources=("seed000",),
        # Some responsibilities are concrete, others only "support" or "as needed": advice to
        # sharpen the vague ones. Never beside RL002, which needs every one to be vague.
        when=lambda: [c.f << (m.kind == "partner") & (m.n_clear > 0) & (m.n_vague > 0)],
        params=("name", "vague"),
    ),
]
