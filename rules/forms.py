"""KS - the form of cooperation: does the declared ``kind`` fit the partners, and does an
international plan rest on an agreement that respects sovereignty and mutual benefit?

Knowledge (seeds 002 and 004): bilateral cooperation is between two countries, multilateral
among many (three or more), regional among countries of one region; international
cooperation is reached through negotiation and written agreements, does not interfere in
domestic affairs nor reduce sovereignty, and must benefit each side (also PP 28/2018 for
cooperation between regions). A pentahelix plan sets out to involve all five pillars: KS004
chains on PH001's ``pillar_gap`` facts and calls a plan missing three or more pillars
pentahelix in name only. Country counts, regions and limits are in knowledge/forms.yaml.
"""

from __future__ import annotations

from typing import Any

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Test, c, m

from advisor.knowledge import forms


def _form(condition: Test) -> list[Any]:
    return [c.f << (m.kind == "form") & condition]


def _international(condition: Test) -> list[Any]:
    return _form((m.international == True) & condition)  # noqa: E712


def _bilateral() -> list[Any]:
    n = forms().forms["bilateral"].min_countries
    return _form((m.plan_kind == "bilateral") & (m.n_countries != n))


def _multilateral() -> list[Any]:
    return _form((m.plan_kind == "multilateral") & (m.n_countries < forms().forms["multilateral"].min_countries))


def _regional() -> list[Any]:
    # partners of one grouping that spans regions (CTI-CFF, APEC, IORA; knowledge/forms.yaml
    # ``groupings``) are one region for this purpose
    return _form(
        (m.plan_kind == "regional")
        & (m.n_regions > forms().forms["regional"].max_regions)
        & (m.in_one_grouping == False)  # noqa: E712
    )


def _domestic() -> list[Any]:
    return _form((m.plan_kind == "domestic") & (m.n_countries > forms().forms["domestic"].max_countries))


def _domestic_form() -> Any:
    return c.x << (m.kind == "form") & (m.international == False)  # noqa: E712


def _international_form() -> Any:
    return c.x << (m.kind == "form") & (m.international == True)  # noqa: E712


FAMILY = Family(code="KS", dimension="governance_principles", module=__name__)

RULES = [
    Rule(
        id="KS010",
        at="agreement",
        name="forms.domestic-without-agreement",
        severity="warning",
        step="stakeholders",
        sources=("pp28_2018", "permendagri22_2020", "seed004", "seed000"),
        # A domestic cooperation with a government party and no agreement section: kerja sama
        # daerah is set out in a Kesepakatan Bersama and a Perjanjian Kerja Sama.
        when=lambda: [
            c.f << (m.kind == "agreement_terms") & (m.has_agreement == False) & (m.n_government > 0),  # noqa: E712
            _domestic_form(),
        ],
    ),
    Rule(
        id="KS014",
        at="agreement.type",
        name="forms.memorandum-only",
        severity="warning",
        step="stakeholders",
        sources=("pp28_2018", "permendagri22_2020"),
        # A domestic cooperation with a government party whose agreement is only a memorandum (a
        # Nota Kesepahaman, or a Kesepakatan Bersama with no Perjanjian Kerja Sama named anywhere
        # in the plan): the work, the money and the assets are bound by the PKS that follows it.
        when=lambda: [
            c.f << (m.kind == "agreement_terms")
            & (m.has_agreement == True)  # noqa: E712
            & (m.n_government > 0)
            & (m.memorandum_only == True),  # noqa: E712
            _domestic_form(),
        ],
        params=("memorandum",),
    ),
    Rule(
        id="KS011",
        at="agreement.signatories",
        name="forms.signing-authority-not-shown",
        severity="warning",
        step="stakeholders",
        sources=("pp28_2018", "permendagri22_2020"),
        # A government signatory who is not the regional head (or minister) and shows no written
        # authorisation (warning); no signatories listed at all, naming every Indonesian
        # government party (advice). A foreign party's signing follows its own law.
        when=lambda: [
            c.f << (m.kind == "agreement_terms")
            & (m.has_agreement == True)  # noqa: E712
            & (m.n_government > 0)
            & (m.n_unauthorised > 0)
        ],
        params=("unauthorised",),
        severity_when=(("f", "n_signatories", 0, "info"),),
    ),
    Rule(
        id="KS012",
        at="agreement",
        name="forms.agreement-clauses-missing",
        severity="warning",
        step="action_plan",
        sources=("pp28_2018", "seed004", "seed000"),
        # One finding naming the closing clauses the agreement lacks: dispute settlement (or a
        # conflict procedure in coordination), term (or the plan's period), amendment, termination.
        when=lambda: [c.f << (m.kind == "agreement_terms") & (m.n_missing_clauses > 0)],
        params=("missing_clauses",),
    ),
    Rule(
        id="KS013",
        at="agreement",
        name="forms.agreement-language",
        severity="error",
        step="stakeholders",
        sources=("uu24_2009", "uu24_2000"),
        # An international agreement of a government party: the languages it names leave out
        # Bahasa Indonesia (error), or it names none (warning).
        when=lambda: [
            c.f << (m.kind == "agreement_terms")
            & (m.has_agreement == True)  # noqa: E712
            & (m.n_government > 0)
            & (m.language_has_indonesian == False),  # noqa: E712
            _international_form(),
        ],
        params=("language",),
        certain="the agreement's own language field, stated and without Bahasa Indonesia",
        severity_when=(("f", "language_stated", False, "warning"),),
    ),
    Rule(
        id="KS001",
        at="kind",
        name="forms.bilateral-not-two-countries",
        severity="warning",
        step="stakeholders",
        sources=("seed002", "seed004"),
        when=_bilateral,
        params=("n_countries", "countries"),
    ),
    Rule(
        id="KS002",
        at="kind",
        name="forms.multilateral-too-few-countries",
        severity="warning",
        step="stakeholders",
        sources=("seed002", "seed004"),
        when=_multilateral,
        params=("n_countries", "countries"),
    ),
    Rule(
        id="KS003",
        at="kind",
        name="forms.regional-across-regions",
        severity="warning",
        step="stakeholders",
        sources=("seed002", "seed004"),
        when=_regional,
        params=("regions",),
    ),
    Rule(
        id="KS004",
        at="kind",
        name="forms.pentahelix-in-name-only",
        severity="warning",
        step="stakeholders",
        sources=("etzkowitz2017", "seed000"),
        when=lambda: [
            c.g << (m.kind == "pillar_gap")
            & (m.source_rule == "PH001")
            & (m.ordinal == forms().pentahelix_missing_for_mislabel),
            c.f << (m.kind == "form") & (m.plan_kind == "pentahelix"),
        ],
        params=("n_pillars",),
        based_on=("PH001",),
        aggregate=True,
    ),
    Rule(
        id="KS005",
        at="agreement.legal_basis",
        name="forms.international-without-legal-basis",
        severity="error",
        step="stakeholders",
        sources=("seed004", "dougherty_pfaltzgraff1971"),
        when=lambda: _international(m.has_legal_basis == False),  # noqa: E712
        certain="an international plan (declared scope or partners' countries) whose agreement names no legal basis",
    ),
    Rule(
        id="KS006",
        at="agreement",
        name="forms.sovereignty-not-stated",
        severity="warning",
        step="stakeholders",
        sources=("seed004",),
        when=lambda: _international(m.has_sovereignty == False),  # noqa: E712
    ),
    Rule(
        id="KS007",
        at="agreement",
        name="forms.mutual-benefit-not-stated",
        severity="info",
        step="stakeholders",
        sources=("seed004", "pp28_2018"),
        when=lambda: _international(m.has_mutual_benefit == False),  # noqa: E712
    ),
    Rule(
        id="KS009",
        at="kind",
        name="forms.domestic-with-foreign-partners",
        severity="warning",
        step="stakeholders",
        sources=("pp28_2018", "seed004"),
        when=_domestic,
        params=("countries",),
    ),
]
