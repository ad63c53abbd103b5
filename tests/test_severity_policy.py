"""The severity policy (docs/severity-policy.md), enforced over the whole rule catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from advisor.durable.lang import when_all
from advisor.rules.base import INFERRED_ATTRIBUTES, SEVERITY_RANK, Rule

from advisor import rules

RULES = rules.all_rules()
ERRORS = [r for r in RULES if r.severity == "error"]


def _attributes(expression: Any) -> Iterator[str]:
    """The fact attributes a condition reads: keys that are not operators, and the other
    attribute of a comparison between two (``{"$m": name}``)."""
    if isinstance(expression, dict):
        for key, value in expression.items():
            if key == "$m" and isinstance(value, str):
                yield value
                continue
            if not key.startswith("$"):
                yield key
            yield from _attributes(value)
    elif isinstance(expression, list):
        for item in expression:
            yield from _attributes(item)


def read_by(rule: Rule) -> set[str]:
    definition = when_all(*rule.when()).define()
    out: set[str] = set()
    for condition in definition["all"]:
        for expression in condition.values():  # {alias: expression}
            out |= set(_attributes(expression))
    return out


def _pinned_false(rule: Rule, flag: str) -> bool:
    definition = when_all(*rule.when()).define()

    def walk(expression: Any) -> bool:
        if isinstance(expression, dict):
            if expression.get(flag) is False:
                return True
            return any(walk(v) for v in expression.values())
        if isinstance(expression, list):
            return any(walk(v) for v in expression)
        return False

    return walk(definition)


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
