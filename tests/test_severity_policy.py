"""The severity policy (docs/severity-policy.md), enforced over the whole rule catalogue."""

from __future__ import annotations

import pytest
from advisor.rules.base import INFERRED_ATTRIBUTES, SEVERITY_RANK, Rule
from advisor.rules.conditions import pinned, reads

from advisor import rules

RULES = rules.all_rules()
ERRORS = [r for r in RULES if r.severity == "error"]


def read_by(rule: Rule) -> set[str]:
    """Every attribute the rule's conditions read, of any alias's fact."""
    return {attribute for fact in rule.conditions for attribute, _ in reads(fact.test)}


def _pinned_false(rule: Rule, flag: str) -> bool:
    """Whether some condition requires ``flag`` to be False in every match."""
    return any(pinned(fact.test, flag, False) for fact in rule.conditions)


def test_the_attribute_reader_sees_comparisons() -> None:
    # IN010 compares target with baseline and reads the direction: the reader must see all three
    assert {"target", "baseline", "direction", "kind"} <= read_by(rules.get("IN010"))


@pytest.mark.parametrize("rule", ERRORS, ids=lambda r: r.id)
def test_an_error_says_why_its_evidence_is_certain(rule: Rule) -> None:
    assert rule.certain.strip(), f"{rule.id} is an error and does not say why its evidence is certain"


@pytest.mark.parametrize("rule", ERRORS, ids=lambda r: r.id)
def test_no_error_rests_on_an_inferred_reading(rule: Rule) -> None:
    for attribute in sorted(read_by(rule) & set(INFERRED_ATTRIBUTES)):
        flag = INFERRED_ATTRIBUTES[attribute]
        assert flag is not None, f"{rule.id} is an error and reads {attribute}, which is always a reading"
        lowered = any(
            a == flag and value is True and SEVERITY_RANK[s] > SEVERITY_RANK["error"]
            for _, a, value, s in rule.severity_when
        )
        assert lowered or _pinned_false(rule, flag), (
            f"{rule.id} is an error on {attribute} and neither requires {flag} to be false "
            "nor lowers its severity when it is true"
        )


@pytest.mark.parametrize("rule", [r for r in RULES if r.based_on], ids=lambda r: r.id)
def test_a_derived_conclusion_is_not_an_error(rule: Rule) -> None:
    assert rule.severity != "error", f"{rule.id} is a judgement drawn from other findings"


@pytest.mark.parametrize("rule", [r for r in RULES if r.severity_when], ids=lambda r: r.id)
def test_severity_when_only_lowers(rule: Rule) -> None:
    for _, _, _, severity in rule.severity_when:
        assert SEVERITY_RANK[severity] >= SEVERITY_RANK[rule.severity], rule.id


def test_the_policy_is_documented() -> None:
    from pathlib import Path

    doc = Path(__file__).resolve().parent.parent / "docs" / "severity-policy.md"
    text = doc.read_text(encoding="utf-8")
    assert "No error rests on an inferred reading" in text
