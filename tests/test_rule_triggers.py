"""Every rule says, in both languages, what in a plan makes it fire and which near-identical
plans do not (its ``trigger`` in knowledge/texts/rules/<FAMILY>.yaml, shown in the docs)."""

from __future__ import annotations

import re

import pytest

from advisor import knowledge, rules
from advisor.model import SECTION_NAMES

RULES = rules.all_rules()
RULE_ID = re.compile(r"\b[A-Z]{2}\d{3}\b")
# "(option `dominant_share`, default 0.5)" / "(opsi `dominant_share`, bawaan 0,5)": a number a
# trigger quotes from the knowledge base, which must stay the number the rule compares against.
SETTING = {
    "en": re.compile(r"\b(?:option|value) `(\w+)`, default (\d+(?:\.\d+)?)"),
    "id": re.compile(r"\b(?:opsi|nilai) `(\w+)`, bawaan (\d+(?:,\d+)?)"),
}


def unknown_rule_ids(text: str) -> set[str]:
    """Rule ids named in ``text`` that are not rules of the catalogue."""
    return set(RULE_ID.findall(text)) - {r.id for r in RULES}


def setting_value(name: str) -> float:
    """A number the rules read from the knowledge base, by the name a trigger quotes."""
    table = knowledge.thresholds()
    if name in table:
        return float(table[name])
    for holder in (knowledge.challenges(), knowledge.forms()):
        if hasattr(holder, name):
            return float(getattr(holder, name))
    raise AssertionError(f"no option or value named {name}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_a_trigger_in_both_languages(rule) -> None:
    trigger = knowledge.rule_texts()[rule.id].trigger
    assert trigger is not None, f"{rule.id}: no trigger in knowledge/texts/rules/{rule.family}.yaml"
    assert trigger.id.strip() and trigger.en.strip(), f"{rule.id}: an empty trigger text"
    assert trigger.id != trigger.en, f"{rule.id}: the Indonesian trigger is the English one"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_trigger_names_only_rules_that_exist(rule) -> None:
    trigger = knowledge.rule_texts()[rule.id].trigger
    assert trigger is not None
    for lang in ("id", "en"):
        assert not unknown_rule_ids(trigger.get(lang)), f"{rule.id}.trigger.{lang}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_trigger_quotes_the_defaults_the_rule_uses(rule) -> None:
    trigger = knowledge.rule_texts()[rule.id].trigger
    assert trigger is not None
    for lang in ("id", "en"):
        for name, shown in SETTING[lang].findall(trigger.get(lang)):
            assert float(shown.replace(",", ".")) == setting_value(name), f"{rule.id}.trigger.{lang}: {name}"


def test_both_languages_quote_the_same_settings() -> None:
    for rule in RULES:
        trigger = knowledge.rule_texts()[rule.id].trigger
        assert trigger is not None
        names = {lang: [n for n, _ in SETTING[lang].findall(trigger.get(lang))] for lang in ("id", "en")}
        assert names["id"] == names["en"], rule.id


def plan_keys() -> dict[str, set[str]]:
    """The keys a trigger may quote, by language: the plan format's English keys in the English
    text; in the Indonesian one, the Indonesian keys, and the English keys that have none."""
    english = {name for model in SECTION_NAMES for name in model.model_fields}
    aliases = knowledge.plan_format().aliases
    indonesian = {alias for table in aliases.values() for alias in table}
    translated = {key for table in aliases.values() for key in table.values()}
    return {"en": english, "id": indonesian | (english - translated)}


def unknown_keys(text: str, lang: str) -> set[str]:
    """The parts of the keys quoted in ``text`` (`a.b`, `a.b: true`) that are neither a plan key
    of ``lang`` nor a number the rules read (an option), nor a character or a command."""
    allowed = plan_keys()[lang] | set(knowledge.thresholds()) | {"<", ">", "=", "advisor init"}
    allowed |= {name for holder in (knowledge.challenges(), knowledge.forms()) for name in vars(holder)}
    quoted = [q.split(":")[0] if q.endswith(": true") else q for q in re.findall(r"`([^`]+)`", text)]
    return {part for q in quoted for part in ([q] if q in allowed else q.split(".")) if part not in allowed}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_trigger_quotes_plan_keys_in_its_own_language(rule) -> None:
    trigger = knowledge.rule_texts()[rule.id].trigger
    assert trigger is not None
    for lang in ("id", "en"):
        assert not unknown_keys(trigger.get(lang), lang), f"{rule.id}.trigger.{lang}"


def test_the_checks_catch_what_they_are_for() -> None:
    # the helpers above must be able to fail: a retired or made-up id, a stale default
    assert unknown_rule_ids("left to KS008 and XX999, not to PH004") == {"KS008", "XX999"}
    assert SETTING["en"].findall("more than 50% (option `dominant_share`, default 0.7)") == [("dominant_share", "0.7")]
    assert setting_value("dominant_share") != 0.7
    with pytest.raises(AssertionError):
        setting_value("no_such_option")
    # an English key in the Indonesian text, an Indonesian one in the English text, a typo
    assert unknown_keys("`latar_belakang` and `monitoring.frequency`", "id") == {"monitoring", "frequency"}
    assert unknown_keys("`background` and `pemantauan.frekuensi`", "en") == {"pemantauan", "frekuensi"}
    assert unknown_keys("`target`, `donor: true`, `dominant_share`, `sustainabilty`", "en") == {"sustainabilty"}
    assert unknown_keys("`target`, `berbagi_data.data_pribadi: true`", "id") == set()
