"""The assessment: the verdict, the 0-100 scores with the formula of knowledge/scoring.yaml,
the knowledge base behind the GV/PS/CH/KS families, and how `advisor check` shows it all."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import assess, knowledge, rules
from advisor.cli import main
from advisor.findings import Finding
from advisor.render.text import by_step
from tests.conftest import review_data

CASES = Path(__file__).resolve().parent.parent / "knowledge" / "cases"


def _finding(rule_id: str, severity: str, step: str = "roles", suppressed: str | None = None) -> Finding:
    return Finding(
        rule_id=rule_id,
        severity=severity,
        family=rule_id[:2],
        step=step,
        path="",
        line=1,
        col=1,
        subject=f"x:{rule_id}",
        evidence="",
        params=(),
        sources=("seed000",),
        suppressed=suppressed,
    )


PENTAHELIX_FACTS = [
    {"kind": "plan", "plan_kind": "pentahelix"},
    *({"kind": "pillar", "pillar": p, "present": p != "media"} for p in knowledge.pillars()),
    {"kind": "partner", "n_responsibilities": 4, "n_clear": 3},
    {
        "kind": "indicator",
        "has_target": True,
        "has_unit": True,
        "has_baseline": False,
        "has_due": True,
        "has_source": False,
    },
]


# --- verdict (unchanged contract) ------------------------------------------------------------


def test_verdict_levels() -> None:
    assert assess.verdict([]) == "ready"
    assert assess.verdict([_finding("GV007", "info")]) == "ready"
    assert assess.verdict([_finding("GV001", "warning")]) == "needs_revision"
    assert assess.verdict([_finding("CH012", "error"), _finding("GV001", "warning")]) == "not_ready"
    assert assess.verdict([_finding("CH012", "error", suppressed="agreed by the head of section")]) == "ready"


# --- scores ----------------------------------------------------------------------------------


def test_scores_apply_the_documented_weights_per_dimension() -> None:
    weights = knowledge.scoring().weights
    findings = [_finding("GV001", "warning"), _finding("GV007", "info"), _finding("KS005", "error")]
    scores = assess.scores(findings, [])
    assert scores["governance_principles"] == 100 - weights["warning"] - weights["info"] - weights["error"]
    assert scores["dependency_balance"] == 100
    assert list(scores) == sorted(knowledge.scoring().dimensions, key=lambda d: knowledge.scoring().dimensions[d].order)


def test_rule_overrides_move_a_finding_to_another_dimension() -> None:
    scores = assess.scores([_finding("CH003", "error")], [])
    assert scores["dependency_balance"] == 100 - knowledge.scoring().weights["error"]
    assert scores["governance_principles"] == 100


def test_scores_floor_at_zero_and_ignore_suppressed_findings() -> None:
    many = [replace(_finding("DP001", "error"), subject=f"s{i}") for i in range(10)]
    assert assess.scores(many, [])["dependency_balance"] == 0
    hidden = [_finding("DP001", "error", suppressed="accepted risk, signed off")]
    assert assess.scores(hidden, [])["dependency_balance"] == 100


def test_coverage_ratios_scale_the_base() -> None:
    scores = assess.scores([], PENTAHELIX_FACTS)
    assert scores["pentahelix_coverage"] == 80  # four of five pillars
    assert scores["role_clarity"] == 75  # three of four responsibilities clear
    assert scores["indicator_quality"] == 60  # three of five indicator fields


def test_pillar_ratio_only_for_plans_that_promise_five_pillars() -> None:
    bilateral = [{**PENTAHELIX_FACTS[0], "plan_kind": "bilateral"}, *PENTAHELIX_FACTS[1:]]
    assert assess.scores([], bilateral)["pentahelix_coverage"] == 100


def test_every_scored_family_and_ratio_exists() -> None:
    config = knowledge.scoring()
    for dimension in config.dimensions.values():
        assert dimension.ratio is None or dimension.ratio in assess.RATIOS
    assert set(rules.family_records()) == set(rules.families())
    for family in rules.family_records().values():
        assert family.dimension in config.dimensions, family
    for rule in rules.all_rules():
        assert rules.dimension_of(rule) in config.dimensions, rule.id
    assert rules.dimension_of(rules.get("CH005")) == "planning_steps"  # a rule's own dimension wins
    assert rules.dimension_of(rules.get("CH007")) == "governance_principles"
    assert set(config.weights) == {"error", "warning", "info"}


def test_review_scores_are_deterministic_and_reflect_findings() -> None:
    plan = {
        "title": "Kerja sama vokasi",
        "kind": "bilateral",
        "partners": [{"id": "kemnaker", "pillar": "government", "country": "ID"}],
    }
    first, second = review_data(plan), review_data(plan)
    assert first.scores == second.scores
    assert set(first.scores) == set(knowledge.scoring().dimensions)
    assert all(0 <= s <= 100 for s in first.scores.values())
    assert first.scores["governance_principles"] < 100  # KS001 fires: one country in a bilateral plan
    jica = {"id": "jica", "pillar": "government", "country": "JP"}
    better = review_data({**plan, "partners": [*plan["partners"], jica]})
    assert "KS001" not in {f.rule_id for f in better.findings}


# --- the knowledge base behind the families --------------------------------------------------


def _case_expectations() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["rule"]] = {c["expect"] for c in data["cases"].values()}
    return out


@pytest.mark.parametrize(
    "table",
    [
        lambda: knowledge.principles(),
        lambda: knowledge.phases(),
        lambda: knowledge.challenges().challenges,
    ],
    ids=["principles", "phases", "challenges"],
)
def test_every_principle_phase_and_challenge_is_a_tested_rule(table) -> None:
    cases = _case_expectations()
    for key, entry in table().items():
        assert entry.rules, f"{key} is checked by no rule"
        for rule_id in entry.rules:
            rule = rules.get(rule_id)
            assert set(entry.sources) & set(rule.sources), f"{rule_id} cites none of {key}'s sources"
            assert cases.get(rule_id, set()) >= {"fires", "passes"}, f"{rule_id} lacks a firing or passing case"
        for source in entry.sources:
            assert source in knowledge.sources()


def test_seigler_has_eight_principles_and_ratner_three_phases() -> None:
    assert sorted(p.seigler for p in knowledge.principles().values() if p.seigler) == list(range(1, 9))
    assert sorted(p.order for p in knowledge.phases().values()) == [1, 2, 3]


def test_forms_cover_every_plan_kind_with_both_languages() -> None:
    forms = knowledge.forms()
    assert set(forms.forms) == set(knowledge.plan_format().values["kind"])
    for form in forms.forms.values():
        assert form.definition.id != form.definition.en
    assert forms.forms["bilateral"].min_countries == forms.forms["bilateral"].max_countries == 2
    assert forms.forms["multilateral"].min_countries == 3
    every = [c for members in forms.regions.values() for c in members]
    assert len(every) == len(set(every)), "a country sits in two regions"
    assert all(isinstance(c, str) and len(c) == 2 for c in every)


# --- the report ------------------------------------------------------------------------------


def test_findings_are_grouped_in_planning_step_order() -> None:
    findings = (
        _finding("CH010", "warning", step="monitoring"),
        _finding("KS005", "error", step="stakeholders"),
        _finding("GV006", "warning", step="goal"),
        _finding("GV001", "warning", step="communication"),
    )
    steps = [step for step, _ in by_step(findings)]
    assert steps == ["goal", "stakeholders", "communication", "monitoring"]


def _check(tmp_path: Path, plan: dict, *args: str):
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(path), *args])


PLAN = {
    "title": "Pelatihan vokasi",
    "kind": "bilateral",
    "scope": "international",
    "goals": [{"id": "G1", "statement": "Melatih 200 tenaga kerja pada 2026"}],
    "partners": [
        {"id": "kemnaker", "pillar": "government", "country": "ID", "responsibilities": ["Menyiapkan 200 peserta"]},
        {"id": "jica", "pillar": "government", "country": "JP", "responsibilities": ["Menyediakan 10 instruktur"]},
    ],
}


def test_check_text_shows_scores_formula_and_step_groups(tmp_path: Path) -> None:
    result = _check(tmp_path, PLAN, "--lang", "en")
    out = result.output
    config = knowledge.scoring()
    assert config.heading.en in out
    assert f"minus {config.weights['error']} per error" in out
    for dimension in config.dimensions.values():
        assert dimension.label.en in out
    goal = out.index("== 1. Development goal ==")
    stakeholders = out.index("== 2. Stakeholder identification ==")
    assert goal < stakeholders < out.index("KS005", stakeholders)
    assert goal < out.index("GV006", goal) < stakeholders  # a goal-step finding sits under its step


def test_check_output_is_byte_identical_and_json_carries_scores(tmp_path: Path) -> None:
    assert _check(tmp_path, PLAN).output == _check(tmp_path, PLAN).output
    report = json.loads(_check(tmp_path, PLAN, "--format", "json").output)
    scores = report["reviews"][0]["scores"]
    assert set(scores) == set(knowledge.scoring().dimensions)
    assert scores["governance_principles"] < 100


def test_a_derived_conclusion_is_counted_once_with_its_premises() -> None:
    premise = replace(_finding("DP001", "warning"), subject="reliance:a")
    conclusion = replace(_finding("CH003", "warning"), subject="foreign_reliance:a", based_on=("DP001:reliance:a",))
    alone = assess.scores([premise], [])
    assert assess.scores([premise, conclusion], []) == alone
    # with its premise suppressed, the conclusion is what remains of the problem: it counts
    hidden = replace(premise, suppressed="agreed")
    assert assess.scores([hidden, conclusion], []) != assess.scores([hidden], [])


def test_top_problems_rank_by_severity_certainty_and_reach_not_rule_id() -> None:
    def at(rule_id: str, severity: str, subject: str, line: int = 1) -> Finding:
        return replace(_finding(rule_id, severity), subject=subject, line=line)

    item = at("IN015", "warning", "indicator:I1", line=2)  # stated values, one indicator
    plan_wide = at("ST008", "warning", "plan:plan", line=9)  # stated, the whole plan
    inferred = at("RL002", "warning", "partner:a", line=1)  # a reading of verbs
    error = at("ST004", "error", "plan:plan", line=30)
    derived = replace(at("CH003", "warning", "foreign_reliance:x"), based_on=("IN015:indicator:I1",))
    ranked = assess.top_problems([item, plan_wide, inferred, error, derived], 10)
    assert [f.rule_id for f in ranked] == ["ST004", "ST008", "IN015", "RL002"]
    assert assess.inferred("RL002") and not assess.inferred("IN015")
