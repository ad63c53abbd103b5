"""The declared fact schema (advisor/facts/schema.py) holds every fact the extractor writes, and
rule conditions that read an undeclared attribute fail when the rules are registered."""

from __future__ import annotations

from pathlib import Path

import pytest
from advisor.rules.base import Rule
from advisor.rules.conditions import c, m

from advisor import rules
from advisor.engine import Engine, _check_schema
from advisor.facts import extract
from advisor.facts.schema import Fact, SchemaError, _attributes, check_fact, check_rules
from advisor.review import load_plan
from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def _plans(tmp_path: Path) -> list[Path]:
    examples = sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "examples").glob("*.json"))
    return examples + write_corpus(tmp_path, 40)


def test_every_fact_matches_its_declared_record(tmp_path: Path) -> None:
    checked = 0
    for path in _plans(tmp_path):
        try:
            vplan = load_plan(path)
        except Exception:  # the corpus writes a few invalid files on purpose
            continue
        for fact in extract(vplan):
            check_fact(fact)
            checked += 1
    assert checked > 1000


def test_a_fact_with_an_undeclared_or_mistyped_attribute_is_refused() -> None:
    good = {"kind": "risk", "id": "risk:0", "path": "risks[0]", "description": "x", "has_mitigation": True}
    check_fact({**good, "evidence": "x"})
    with pytest.raises(SchemaError, match="undeclared attribute 'mitigated'"):
        check_fact({**good, "evidence": "x", "mitigated": True})
    with pytest.raises(SchemaError, match="has_mitigation"):
        check_fact({**good, "evidence": "x", "has_mitigation": "yes"})
    with pytest.raises(SchemaError, match="missing attribute 'evidence'"):
        check_fact(good)


def test_a_record_declares_by_annotations_its_bases_first_with_defaults_optional() -> None:
    class Sample(Fact):
        count: int
        share: float | None = None
        label: str

    declared = _attributes(Sample)
    assert list(declared) == ["kind", "id", "path", "count", "share", "label"]
    assert declared["count"] == ((int,), True)
    assert declared["share"] == ((float, int), False)  # a float attribute takes an int too
    assert declared["label"] == ((str,), True)


def _rule(rule_id: str, when) -> Rule:  # type: ignore[no-untyped-def]
    return Rule(id=rule_id, name="test.rule", severity="advice", step="roles", sources=("seed000",), when=when)


def test_the_shipped_rules_read_only_declared_attributes() -> None:
    shipped = rules.all_rules()
    check_rules(shipped)


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (lambda: [c.f << (m.kind == "partner") & (m.n_vauge > 0)], "kind 'partner' has no attribute 'n_vauge'"),
        (lambda: [c.f << (m.kind == "indicator") & (m.target <= m.baseline_value)], "baseline_value"),
        (
            lambda: [c.p << (m.kind == "partner"), c.r << (m.kind == "role") & (m.partner == c.p.partner_id)],
            "kind 'partner' has no attribute 'partner_id'",
        ),
        (lambda: [c.f << (m.kind == "indicatr")], "kind 'indicatr', which no fact module declares"),
    ],
)
def test_a_misspelt_attribute_fails_when_the_rules_are_registered(when, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = _rule("TS001", when)
    with pytest.raises(SchemaError, match=message):
        check_rules([bad])
    with pytest.raises(SchemaError, match=message):
        _check_schema(Engine([bad]))


def test_a_derived_kind_holds_what_its_rules_carry() -> None:
    source = Rule(
        id="TS010",
        name="test.source",
        severity="advice",
        step="roles",
        sources=("seed000",),
        when=lambda: [c.f << (m.kind == "partner") & (m.n_vague > 0)],
        asserts="vague_gap",
        carries=("partner",),
    )
    good = _rule("TS011", lambda: [c.g << (m.kind == "vague_gap") & (m.partner != "") & (m.ordinal == 1)])
    check_rules([source, good])
    bad = _rule("TS012", lambda: [c.g << (m.kind == "vague_gap") & (m.n_vague > 0)])
    with pytest.raises(SchemaError, match="'vague_gap' has no attribute 'n_vague'"):
        check_rules([source, bad])
