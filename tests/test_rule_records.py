"""The rule and family records (rules/base.py, rules/__init__.py): options with their types and
defaults, families with their dimension, and the config's check of options against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from advisor.rules.base import Rule
from advisor.rules.conditions import c, m, option

from advisor import assess, knowledge, rules
from advisor.config import ConfigError, declared_options, load_config


def _rule(rule_id: str, *options: object) -> Rule:
    tests = [m.n > o for o in options]
    when = [c.f << (m.kind == "partner") & tests[0]] if tests else [c.f << (m.kind == "partner")]
    return Rule(id=rule_id, name="t.t", severity="info", step="roles", sources=("seed000",), when=lambda: when)


def test_every_default_belongs_to_a_rule_or_the_verdict() -> None:
    declared = set(rules.options()) | {assess.READY_MAX_WARNINGS.name}
    assert set(knowledge.base_thresholds()) == declared


def test_an_option_lists_the_rules_that_read_it() -> None:
    share = rules.options()["dominant_share"]
    assert share.option.type == "share" and share.rules == ("PH005", "PH006")
    assert share.default == knowledge.base_thresholds()["dominant_share"]
    # DP001 reads dependency_share through the reliance facts it matches, not in a condition
    assert rules.options()["dependency_share"].rules == ("DP001", "DP002")
    assert rules.get("RL008").all_options == (option("unclear_roles_for_risk", "count"),)


def test_one_name_one_type_and_a_default_that_fits() -> None:
    share, count = option("x_share", "share"), option("x_share", "count")
    with pytest.raises(RuntimeError, match="x_share declared as share and count"):
        rules.declared_options((_rule("TS001", share), _rule("TS002", count)), {"x_share": 0.5})
    with pytest.raises(RuntimeError, match="x_share: no default of type share"):
        rules.declared_options((_rule("TS001", share),), {"x_share": 1.5})
    with pytest.raises(RuntimeError, match="no default"):
        rules.declared_options((_rule("TS001", share),), {})
    found = rules.declared_options((_rule("TS001", share),), {"x_share": 0.5})
    assert found["x_share"].rules == ("TS001",)


SHARES = [
    ("share", 0.6, True),
    ("share", 1, True),
    ("share", 1.2, False),
    ("share", -0.1, False),
    ("share", True, False),
]
COUNTS = [
    ("count", 3, True),
    ("count", 0, True),
    ("count", 2.5, False),
    ("count", -1, False),
    ("count", float("nan"), False),
    ("share", "0.5", False),
]


@pytest.mark.parametrize(("kind", "value", "fits"), [*SHARES, *COUNTS])
def test_option_values_by_type(kind: str, value: object, fits: bool) -> None:
    assert rules.fits(option("o", kind), value) is fits  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("[thresholds]\ndominant_share = 1.5\n", "config_out_of_range"),
        ("[thresholds]\nunclear_roles_for_risk = 1.5\n", "config_bad_value"),
        ("[thresholds]\nunclear_roles = 1\n", "config_unknown_threshold"),
    ],
)
def test_the_config_checks_options_against_the_declarations(tmp_path: Path, body: str, code: str) -> None:
    path = tmp_path / "advisor.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, "en")
    (problem,) = caught.value.problems
    key = body.split("\n")[1].split(" =")[0]
    assert (problem.code, problem.file, problem.path) == (code, str(path), f"thresholds.{key}")
    assert (key in declared_options()) is (code != "config_unknown_threshold")


def test_every_family_has_a_record_names_and_a_dimension() -> None:
    records = rules.family_records()
    assert set(records) == set(rules.families())
    names = knowledge.labels()["family"]
    dimensions = knowledge.scoring().dimensions
    for code, family in records.items():
        assert family.code == code and family.module in rules.FAMILY_MODULES
        assert names[code].id and names[code].en
        assert family.dimension in dimensions


def test_explanations_and_docs_show_each_rules_trigger_and_options() -> None:
    from advisor import explain
    from advisor.render import view

    markdown = view("explain", "markdown")(explain.explanation("PH005", "en"), "en")
    assert "- `dominant_share`: a share from 0 to 1, default `0.5`; also read by PH006" in markdown
    assert "- `dominant_min_responsibilities`: a whole number from 0, default `4`; also read by PH006" in markdown
    text = view("explain", "text")(explain.explanation("PH005", "id"), "id")
    assert "`dominant_share`: proporsi antara 0 dan 1, nilai bawaan `0.5`" in text
    # no options: the trigger paragraph from the texts, and no options heading
    st001 = explain.explanation("ST001", "en")
    trigger = knowledge.rule_texts()["ST001"].trigger
    assert trigger is not None and st001.trigger == trigger.get("en") and st001.options == ()
    markdown = view("explain", "markdown")(st001, "en")
    assert f"**What triggers it.** {trigger.get('en')}" in markdown and "**Options" not in markdown
    data = json.loads(view("explain", "json")(st001, "en"))
    assert data["trigger"] == trigger.get("en") and data["options"] == []
    docs = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert f"**What triggers it.** {trigger.get('en')}" in docs.read_text(encoding="utf-8")


def test_the_docs_have_a_family_table() -> None:
    from advisor import catalogue

    table = catalogue.family_table("id").splitlines()
    assert len(table) == 2 + len(rules.family_records())
    assert "| PS | Fase kolaborasi | Langkah perencanaan | `advisor.rules.phases` | 3 |" in table
    # the family's dimension, not a rule's own (CH005 counts in planning steps, CH in governance)
    assert "| CH | Tantangan kerja sama | Prinsip tata kelola kolaboratif | `advisor.rules.challenges` | 12 |" in table
