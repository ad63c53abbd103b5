"""Every rule's YAML cases (knowledge/cases/<RULE>.yaml): plans that fire it and near-identical
plans that do not. Test ids are ``<RULE>_<case>``, so ``pytest -k PH001`` runs one rule."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from advisor import rules
from tests.conftest import review_data

CASES_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "cases"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data["rule"], case, id=f"{data['rule']}_{name}")


@pytest.mark.parametrize(("rule_id", "case"), list(_cases()))
def test_rule_case(rule_id: str, case: dict) -> None:
    review = review_data(case["plan"])
    hits = [f for f in review.findings if f.rule_id == rule_id]
    if case["expect"] == "fires":
        assert hits, f"{rule_id} did not fire; fired: {[f.key for f in review.findings]}"
        if "count" in case:
            assert len(hits) == case["count"], [f.key for f in hits]
        for field, value in (case.get("finding") or {}).items():
            expected = (
                tuple(tuple(v) if isinstance(v, list) else v for v in value) if isinstance(value, list) else value
            )
            assert getattr(hits[0], field) == expected, (field, getattr(hits[0], field))
    else:
        assert case["expect"] == "passes"
        assert not hits, f"{rule_id} fired on a plan that should pass: {[f.key for f in hits]}"


def test_every_rule_has_a_firing_and_a_passing_case() -> None:
    seen: dict[str, set[str]] = {}
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert path.stem == data["rule"], f"{path.name} holds cases for {data['rule']}"
        seen[data["rule"]] = {c["expect"] for c in data["cases"].values()}
    for rule in rules.all_rules():
        assert seen.get(rule.id, set()) >= {"fires", "passes"}, f"{rule.id} needs a firing and a passing case"
