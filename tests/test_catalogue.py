"""Meta-tests that keep the rule catalogue honest: metadata, texts in both languages,
sources that exist, placeholders the rule can fill."""

from __future__ import annotations

import re

import pytest

import rules
from advisor import knowledge

RULES = rules.all_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_metadata(rule) -> None:
    assert re.fullmatch(r"[A-Z]{2}\d{3}", rule.id)
    assert rule.severity in {"error", "warning", "info"}
    assert rule.step in knowledge.steps() or rule.step == "other", rule.step
    assert rule.sources, "every rule cites the knowledge it encodes"
    for source in rule.sources:
        assert source in knowledge.sources(), f"{rule.id}: unknown source {source}"
    assert rule.name.count(".") == 1


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_texts_in_both_languages(rule) -> None:
    texts = knowledge.rule_texts().get(rule.id)
    assert texts is not None, f"no texts for {rule.id} in knowledge/texts/rules/"
    for part in ("title", "message", "recommendation", "why"):
        entry = getattr(texts, part)
        assert entry is not None, f"{rule.id}.{part} missing"
        assert entry.id.strip() and entry.en.strip()
        assert entry.id != entry.en, f"{rule.id}.{part}: the Indonesian text is the English one"
        for lang in ("id", "en"):
            placeholders = set(re.findall(r"{(\w+)}", entry.get(lang)))
            assert placeholders <= set(rule.params), f"{rule.id}.{part}.{lang} uses {placeholders - set(rule.params)}"


def test_no_texts_without_a_rule() -> None:
    assert set(knowledge.rule_texts()) <= {r.id for r in RULES}


def test_derived_rules_name_existing_rules() -> None:
    ids = {r.id for r in RULES}
    for rule in RULES:
        assert set(rule.based_on) <= ids, rule.id
