"""Meta-tests that keep the rule catalogue honest: metadata, texts in both languages,
sources that exist, placeholders the rule can fill."""

from __future__ import annotations

import re

import pytest

from advisor import knowledge, rules
from advisor.texts import filled_names

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
            filled = filled_names(rule.params)  # a labelled parameter's forms too ("vague_kind_title")
            assert placeholders <= filled, f"{rule.id}.{part}.{lang} uses {placeholders - filled}"


def test_no_texts_without_a_rule() -> None:
    assert set(knowledge.rule_texts()) <= {r.id for r in RULES}


def test_derived_rules_name_existing_rules() -> None:
    ids = {r.id for r in RULES}
    for rule in RULES:
        assert set(rule.based_on) <= ids, rule.id


def test_compiled_knowledge_holds_what_the_yaml_says_in_its_order() -> None:
    # knowledge/compiled.json spares a start-up the YAML parsing; it must be the same data,
    # keys in the same order (the first synonym that matches wins), for every file it holds.
    import json

    compiled = knowledge._compiled()
    assert "texts/rules/PH.yaml" in compiled and "plan_format.yaml" in compiled
    for name, entry in compiled.items():
        text = knowledge.knowledge_path(name).read_text(encoding="utf-8")
        parsed = knowledge.load_yaml(text)
        assert json.dumps(entry["data"], ensure_ascii=False) == json.dumps(parsed, ensure_ascii=False), name


def test_an_edited_yaml_wins_over_a_stale_compiled_copy(tmp_path, monkeypatch) -> None:
    import shutil

    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, copy)
    thresholds = copy / "thresholds.yaml"
    original = knowledge.load_yaml(thresholds.read_text(encoding="utf-8"))
    key = next(iter(original))
    thresholds.write_text(f"{key}: 12345\n", encoding="utf-8")  # edited after compiled.json was made
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)
    knowledge._compiled.cache_clear()
    try:
        assert knowledge._read("thresholds.yaml") == {key: 12345}
        assert knowledge._read("lexicon.yaml") == knowledge.load_yaml(
            (copy / "lexicon.yaml").read_text(encoding="utf-8")
        )
        (copy / "compiled.json").write_text("{not json", encoding="utf-8")  # damaged: the YAML is read
        knowledge._compiled.cache_clear()
        assert knowledge._read("thresholds.yaml") == {key: 12345}
    finally:
        knowledge._compiled.cache_clear()


def test_an_id_is_never_reused() -> None:
    # an alias (a rule merged into another) and a retired id never name another rule
    ids = [r.id for r in RULES]
    aliases = [a for r in RULES for a in r.aliases]
    assert len(set(aliases)) == len(aliases)
    assert not set(aliases) & set(ids)
    assert not set(rules.RETIRED) & (set(ids) | set(aliases))
    assert rules.get("DP003").id == "DP001"  # an old id still finds its rule
