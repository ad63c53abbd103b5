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


def test_a_communication_gap_is_one_finding_beside_the_pillar_gap() -> None:
    # no communication section and no media pillar: one communication finding naming its parts
    # (it replaced ST010, ST011, GV009, GV010 and PH008) and the pillar's own finding
    review = review_data(TRANSPARENCY)
    [gap] = [f for f in review.findings if f.rule_id == "ST016"]
    assert dict(gap.params)["missing_comm"] == "section,disclosure,media"
    assert [f.key for f in review.findings if f.rule_id == "PH001"] == ["PH001:pillar:media"]
    for retired in ("ST010", "ST011", "GV009", "GV010", "PH008"):
        assert rules.get(retired).id == "ST016"  # the old id is an alias


def test_a_media_partner_alone_does_not_close_the_communication_gap() -> None:
    with_media = copy.deepcopy(TRANSPARENCY)
    with_media["partners"].append({"id": "radio", "pillar": "media", "responsibilities": ["Menyiarkan promosi"]})
    [gap] = _keys(with_media, "ST016")
    assert dict(gap.params)["missing_comm"] == "section,disclosure"
    disclosed = {**with_media, "communication": {"channels": ["Rapat"], "public_disclosure": "Laporan di laman PPID"}}
    assert _keys(disclosed, "ST016") == []


def test_one_reliance_finding_per_partner_whatever_it_supplies() -> None:
    # A donor that supplies the funding, the technology and the expertise is one reliance, one
    # finding naming the three resources and the missing safeguards (DP003-DP005 and CH012
    # are its aliases), and the conclusions drawn on it are drawn once.
    plan = copy.deepcopy(DONOR_RELIANCE)
    donor = next(p for p in plan["partners"] if p.get("donor"))
    donor["contributions"] = [
        {"kind": "funding", "share": 0.9},
        {"kind": "technology", "description": "Sensor"},
        {"kind": "expertise", "description": "Ahli hidrologi"},
    ]
    review = review_data(plan)
    [reliance] = [f for f in review.findings if f.rule_id == "DP001"]
    assert dict(reliance.params)["top_of"] == "funding,technology,expertise"
    assert "funding, technology and expertise" in reliance.text("message", "en")
    assert "pendanaan, teknologi dan keahlian" in reliance.text("message", "id")
    assert "an exit strategy (`exit_strategy`)" in reliance.text("message", "en")
    [firing] = [f for f in _firings(plan) if f.rule.id == "DP001"]
    assert firing.facts["f"]["kind"] == "reliance"
    for retired in ("DP003", "DP004", "DP005", "CH012"):
        assert rules.get(retired).id == "DP001"


@pytest.mark.parametrize(
    ("change", "severity"),
    [
        ({}, "warning"),
        ({"dependency": {"exit_strategy": "APBD mengambil alih biaya operasi mulai 2028"}}, "info"),
    ],
    ids=["no_exit_strategy", "exit_strategy"],
)
def test_reliance_with_its_safeguard_is_advice(change: dict, severity: str) -> None:
    [finding] = _keys({**DONOR_RELIANCE, **change}, "DP001")
    assert finding.severity == severity


def test_reliance_needs_an_outside_supplier() -> None:
    domestic_funder = copy.deepcopy(DONOR_RELIANCE)
    domestic_funder["partners"][0]["contributions"][0]["share"] = 0.9
    domestic_funder["partners"][1]["contributions"][0]["share"] = 0.1
    assert _keys(domestic_funder, "DP001") == []


def test_power_imbalance_chains_on_foreign_reliance() -> None:
    plan = {**DONOR_RELIANCE, "coordination": {"mechanism": "Rapat proyek", "decision_making": "Rapat proyek"}}
    [finding] = _keys(plan, "CH003")
    assert finding.based_on == ("DP001:reliance:donor",)
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
