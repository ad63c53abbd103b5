"""Derived conclusions come from rule chaining in the engine: a premise rule asserts a fact,
the conclusion rule matches it. Each chain is shown to fire with all its premises, to name
the findings it rests on, and not to fire when any one premise is missing."""

from __future__ import annotations

import copy

import pytest
import yaml

from advisor import rules
from advisor.engine import engine_for
from advisor.facts import extract
from advisor.loader import parse_text
from advisor.validate import validate_document
from tests.conftest import review_data

FOUR_PILLARS = [
    {"id": "pemkab", "pillar": "government", "responsibilities": ["Menyusun peraturan desa wisata"]},
    {"id": "swasta", "pillar": "industry", "responsibilities": ["Membangun homestay percontohan"]},
    {"id": "kampus", "pillar": "academia", "responsibilities": ["Menyusun kajian daya dukung wisata"]},
    {"id": "pokdarwis", "pillar": "community", "responsibilities": ["Mengelola paket wisata desa"]},
]
TRANSPARENCY = {"title": "Desa wisata", "kind": "pentahelix", "partners": FOUR_PILLARS}

DONOR_RELIANCE = {
    "title": "Sistem peringatan dini banjir",
    "scope": "international",
    "partners": [
        {
            "id": "bpbd",
            "pillar": "government",
            "country": "ID",
            "responsibilities": ["Mengoperasikan pusat kendali"],
            "contributions": [{"kind": "funding", "share": 0.1}],
        },
        {
            "id": "donor",
            "pillar": "industry",
            "country": "DE",
            "donor": True,
            "responsibilities": ["Memasang 30 sensor"],
            "contributions": [{"kind": "funding", "share": 0.9}],
        },
    ],
}


def _keys(plan: dict, rule_id: str) -> list:
    return [f for f in review_data(plan).findings if f.rule_id == rule_id]


def _firings(plan: dict) -> list:
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    facts = extract(validate_document(parse_text(text, "case.yaml")))
    return engine_for(rules.all_rules()).evaluate(facts)


def test_transparency_at_risk_chains_on_pillar_gap_and_disclosure_gap() -> None:
    [finding] = _keys(TRANSPARENCY, "GV010")
    assert finding.based_on == ("GV009:governance:plan", "PH001:pillar:media")
    # The engine matched the derived facts the premises asserted, not the raw plan facts.
    [firing] = [f for f in _firings(TRANSPARENCY) if f.rule.id == "GV010"]
    assert {fact["kind"] for fact in firing.facts.values()} == {"pillar_gap", "disclosure_gap"}
    assert firing.facts["f"]["source_rule"] == "PH001"
    assert firing.facts["d"]["source_rule"] == "GV009"


def test_transparency_needs_both_premises() -> None:
    with_media = copy.deepcopy(TRANSPARENCY)
    with_media["partners"].append({"id": "radio", "pillar": "media", "responsibilities": ["Menyiarkan promosi"]})
    assert _keys(with_media, "GV010") == []
    disclosed = {**TRANSPARENCY, "communication": {"public_disclosure": "Laporan di laman PPID"}}
    assert _keys(disclosed, "GV010") == []
    # the premise findings themselves still stand where they apply
    assert _keys(disclosed, "PH001") and not _keys(disclosed, "GV009")


def test_transparency_chain_works_whatever_pillar_rule_saw_the_gap() -> None:
    # a domestic plan's missing media is PH002's finding; the conclusion rests on it instead
    [finding] = _keys({**TRANSPARENCY, "kind": "domestic"}, "GV010")
    assert finding.based_on == ("GV009:governance:plan", "PH002:pillar:media")


def test_asymmetric_dependency_chains_on_foreign_reliance() -> None:
    [finding] = _keys(DONOR_RELIANCE, "CH012")
    assert finding.severity == "warning"  # a judgement drawn from DP001 is never an error (docs/severity-policy.md)
    assert finding.based_on == ("DP001:resource:funding",)
    assert dict(finding.params)["top_of"] == "funding"
    [firing] = [f for f in _firings(DONOR_RELIANCE) if f.rule.id == "CH012"]
    assert firing.facts["f"]["kind"] == "foreign_reliance"


def test_one_conclusion_per_partner_whatever_it_supplies() -> None:
    # A donor that supplies the funding, the technology and the expertise is one asymmetric
    # dependency (and one unchecked power imbalance), not three: the derived fact is per partner.
    plan = copy.deepcopy(DONOR_RELIANCE)
    donor = next(p for p in plan["partners"] if p.get("donor"))
    donor["contributions"] = [
        {"kind": "funding", "share": 0.9},
        {"kind": "technology", "description": "Sensor"},
        {"kind": "expertise", "description": "Ahli hidrologi"},
    ]
    review = review_data(plan)
    assert len([f for f in review.findings if f.rule_id == "DP001"]) == 3  # one per resource
    [conclusion] = [f for f in review.findings if f.rule_id == "CH012"]
    assert dict(conclusion.params)["top_of"] == "funding,technology,expertise"
    assert "funding, technology and expertise" in conclusion.text("message", "en")
    assert "pendanaan, teknologi dan keahlian" in conclusion.text("message", "id")


@pytest.mark.parametrize(
    "change",
    [
        {"dependency": {"exit_strategy": "APBD mengambil alih biaya operasi mulai 2028"}},
        {"dependency": {"capacity_building": "Teknisi BPBD dilatih merawat sensor"}},
    ],
    ids=["exit_strategy", "capacity_building"],
)
def test_asymmetric_dependency_not_high_with_a_safeguard(change: dict) -> None:
    assert _keys({**DONOR_RELIANCE, **change}, "CH012") == []


def test_asymmetric_dependency_needs_the_foreign_reliance() -> None:
    domestic_funder = copy.deepcopy(DONOR_RELIANCE)
    domestic_funder["partners"][0]["contributions"][0]["share"] = 0.9
    domestic_funder["partners"][1]["contributions"][0]["share"] = 0.1
    assert _keys(domestic_funder, "DP001") == []
    assert _keys(domestic_funder, "CH012") == []


def test_power_imbalance_chains_on_foreign_reliance() -> None:
    plan = {**DONOR_RELIANCE, "coordination": {"mechanism": "Rapat proyek", "decision_making": "Rapat proyek"}}
    [finding] = _keys(plan, "CH003")
    assert finding.based_on == ("DP001:resource:funding",)
    balanced = {**plan, "coordination": {**plan["coordination"], "conflict_resolution": "Mediasi komite bersama"}}
    assert _keys(balanced, "CH003") == []


def test_phase_three_chains_on_continuity_gap() -> None:
    plan = {
        "title": "Desa wisata",
        "partners": FOUR_PILLARS[:1],
        "activities": [{"id": "A1", "name": "Penyusunan peraturan desa wisata", "lead": "pemkab"}],
    }
    [finding] = _keys(plan, "PS003")
    assert finding.based_on == ("GV005:governance:plan",)
    assert _keys({**plan, "sustainability": "Dikelola BUMDes setelah 2027"}, "PS003") == []


def test_pentahelix_in_name_only_counts_the_gaps() -> None:
    two_pillars = {"title": "Desa wisata", "kind": "pentahelix", "partners": FOUR_PILLARS[:2]}
    [finding] = _keys(two_pillars, "KS004")
    assert finding.based_on == ("PH001:pillar:academia", "PH001:pillar:community", "PH001:pillar:media")
    # two gaps are below the threshold in knowledge/forms.yaml
    assert _keys({**two_pillars, "partners": FOUR_PILLARS[:3]}, "KS004") == []
