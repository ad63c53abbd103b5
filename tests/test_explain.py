"""``advisor explain`` and ``advisor check --explain``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import explain, knowledge, rules
from advisor.cli import main
from advisor.render import explain as render_explain
from advisor.settings import Settings
from tests.conftest import review_data

RULES = rules.all_rules()
CASES = Path(__file__).resolve().parent.parent / "knowledge" / "cases"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_an_explanation_with_a_bad_and_a_fixed_example(rule, lang: str) -> None:
    ex = explain.explanation(rule.id, lang)
    assert ex.bad is not None and ex.fixed is not None, f"{rule.id}: needs a fires and a passes case"
    assert ex.bad.findings, f"{rule.id}: the bad example does not fire the rule"
    assert not ex.fixed.findings, f"{rule.id}: the fixed example still fires the rule"
    assert ex.why and ex.why != explain.ui("no_why", lang)
    assert ex.checks and "{" not in ex.title
    assert [key for key, _ in ex.sources] == list(rule.sources)
    for key, citation in ex.sources:
        assert citation == knowledge.sources()[key].cited(lang)
    text = render_explain.render_text(ex, lang)
    assert ex.bad.case in text and ex.fixed.case in text
    assert ex.bad.findings[0].text("message", lang) in " ".join(text.split())


def test_examples_are_the_rule_cases() -> None:
    ex = explain.explanation("PH001", "en")
    cases = yaml.safe_load((CASES / "PH001.yaml").read_text(encoding="utf-8"))["cases"]
    first_fires = next(name for name, c in cases.items() if c["expect"] == "fires")
    assert ex.bad.case == f"PH001_{first_fires}"
    assert yaml.safe_load(ex.bad.yaml) == cases[first_fires]["plan"]


def test_fixed_example_is_shown_as_changes_to_the_bad_one() -> None:
    assert render_explain.diff_lines("a: 1\nb: 2\n", "a: 1\nb: 3\nc: 4\n") == ["  a: 1", "- b: 2", "+ b: 3", "+ c: 4"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_cli_explain_in_both_languages(lang: str) -> None:
    result = run("explain", "PH001", "--lang", lang)
    assert result.exit_code == 0, result.output
    texts = knowledge.rule_texts()["PH001"]
    assert " ".join(texts.why.get(lang).split()) in " ".join(result.output.split())
    assert knowledge.sources()["etzkowitz2017"].cited("id").split(".")[0] in result.output


def test_cli_explain_accepts_names_and_lower_case_and_json() -> None:
    by_name = run("explain", "pentahelix.pillar-missing", "--lang", "en")
    by_id = run("explain", "ph001", "--lang", "en")
    assert by_name.exit_code == by_id.exit_code == 0
    assert by_name.output == by_id.output
    data = json.loads(run("explain", "PH001", "--format", "json", "--lang", "en").output)
    assert data["id"] == "PH001" and data["bad_example"]["findings"] and not data["fixed_example"]["findings"]
    assert run("explain", "PH001", "--format", "markdown").output.startswith("# PH001")


def test_unknown_rule_is_exit_2_with_did_you_mean() -> None:
    result = run("explain", "PH01", "--lang", "en")
    assert result.exit_code == 2
    assert "PH01" in result.output and "Did you mean" in result.output and "PH001" in result.output
    assert "Traceback" not in result.output


# --- check --explain ---------------------------------------------------------------------------


def _fires_plan(rule_id: str) -> dict:
    cases = yaml.safe_load((CASES / f"{rule_id}.yaml").read_text(encoding="utf-8"))["cases"]
    return next(c["plan"] for c in cases.values() if c["expect"] == "fires")


def test_tested_attributes_come_from_the_conditions() -> None:
    attributes = explain.tested_attributes("PH001")
    assert attributes == {"f": ("present", "reason_given"), "plan": ("plan_kind",)}


def test_check_explain_shows_the_matched_facts(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(_fires_plan("PH001")), encoding="utf-8")
    result = run("check", str(plan), "--explain", "--lang", "en")
    assert result.exit_code == 1, result.output
    block = result.output.split("PH001", 1)[1]
    assert "fact pillar:media (partners): present = false" in block
    assert 'fact plan:plan: plan_kind = "pentahelix"' in block
    plain = run("check", str(plan), "--lang", "en")
    assert "Reasoning trace" not in plain.output and "Reasoning trace" in result.output


@pytest.mark.parametrize("rule", [r for r in RULES if r.based_on], ids=lambda r: r.id)
def test_check_explain_shows_the_chain_of_a_derived_conclusion(rule, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(_fires_plan(rule.id), allow_unicode=True), encoding="utf-8")
    result = run("check", str(plan), "--explain", "--lang", "en")
    review = review_data(_fires_plan(rule.id), Settings(keep_facts=True))  # as check --explain reviews
    finding = next(f for f in review.findings if f.rule_id == rule.id)
    lines = render_explain.trace_lines(explain.trace(finding, review), "en")
    assert any("derived fact" in line for line in lines)
    sources = [line.split("← ", 1)[1].split()[0] for line in lines if "← " in line]
    assert sources and set(sources) <= set(rule.based_on)
    assert "\n".join(lines) in result.output


def test_check_explain_needs_the_text_format(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(yaml.safe_dump(_fires_plan("PH001")), encoding="utf-8")
    result = run("check", str(plan), "--explain", "--format", "json")
    assert result.exit_code == 2


def test_a_reference_is_listed_in_the_report_language() -> None:
    # A citation with a date or a description exists in both languages; a plain reference
    # (a law, a book) reads the same in both.
    aziz = knowledge.sources()["seed000"]
    assert "24 Desember" in aziz.cited("id") and "artikel blog" in aziz.cited("id")
    assert "24 December" in aziz.cited("en") and "blog article" in aziz.cited("en")
    law = knowledge.sources()["pp28_2018"]
    assert law.cited("id") == law.cited("en") == law.citation
