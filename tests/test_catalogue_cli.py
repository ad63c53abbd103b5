"""``advisor rules`` and the generated docs/ (which must match the rule metadata and texts)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from advisor import catalogue, rules
from advisor.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_text_catalogue_lists_every_rule_with_its_summary(lang: str) -> None:
    result = run("rules", "--lang", lang)
    assert result.exit_code == 0, result.output
    for rule in rules.all_rules():
        assert rule.id in result.output
        assert rule.name in result.output
        assert catalogue.summary(rule, lang) in result.output


def test_json_catalogue_has_the_fields_of_every_rule() -> None:
    result = run("rules", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [e["id"] for e in data] == [r.id for r in rules.all_rules()]
    for entry, rule in zip(data, rules.all_rules(), strict=True):
        assert entry["name"] == rule.name
        assert entry["severity"] == rule.severity
        assert entry["family"] == rule.family
        assert entry["sources"] == list(rule.sources)
        assert entry["summary"] and "{" not in entry["summary"]


def test_family_filter_and_markdown() -> None:
    result = run("rules", "--family", "ph", "--format", "markdown")
    assert result.exit_code == 0
    rows = [line for line in result.output.splitlines() if line.startswith("| ")][1:]
    expected = [r.id for r in rules.all_rules() if r.family == "PH"]
    assert [row.split("|")[1].strip() for row in rows] == expected


def test_unknown_family_is_a_usage_error() -> None:
    result = run("rules", "--family", "ZZ", "--lang", "en")
    assert result.exit_code == 2
    assert "ZZ" in result.output and "PH" in result.output


def test_summaries_neutralise_placeholders() -> None:
    assert catalogue.neutral("The {pillar} pillar holds {share_pct}%") == "The … pillar holds …%"


def test_docs_mention_every_rule() -> None:
    for lang in ("en", "id"):
        text = catalogue.rules_document(lang)
        for rule in rules.all_rules():
            assert f"## {rule.id}\n" in text
