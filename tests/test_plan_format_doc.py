"""The plan-format reference in docs/ is generated from the model and the knowledge files, says
something about every field in both languages, and is current (tests/test_build.py checks that)."""

from __future__ import annotations

import pytest

from advisor import knowledge
from advisor.model import SECTION_NAMES
from advisor.render import plan_format


@pytest.mark.parametrize("model", list(SECTION_NAMES), ids=lambda m: SECTION_NAMES[m])
def test_every_field_of_the_model_is_described_in_both_languages(model: type) -> None:
    texts = knowledge.plan_fields()
    section = SECTION_NAMES[model]
    assert section in texts.sections
    described = texts.fields.get(section, {})
    missing = sorted(set(model.model_fields) - set(described))  # type: ignore[attr-defined]
    assert not missing, f"knowledge/texts/plan_fields.yaml has no text for {section}.{missing}"
    stale = sorted(set(described) - set(model.model_fields))  # type: ignore[attr-defined]
    assert not stale, f"knowledge/texts/plan_fields.yaml describes fields the model does not have: {stale}"
    for name, text in described.items():
        assert text.id.strip() and text.en.strip(), f"{section}.{name}"
        assert text.id != text.en, f"{section}.{name} is not translated"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reference_lists_every_indonesian_key_and_every_accepted_spelling(lang: str) -> None:
    text = plan_format.render(lang)
    fmt = knowledge.plan_format()
    for section, aliases in fmt.aliases.items():
        for alias, name in aliases.items():
            assert f"`{alias}`" in text, f"{section}.{alias} -> {name} is not in the reference"
    for spellings in fmt.values.values():
        for spellings_of_one in spellings.values():
            for spelling in spellings_of_one:
                assert spelling in text


def test_the_reference_separates_required_fields_from_optional_ones() -> None:
    lines = plan_format.render("en").splitlines()
    rows = {line.split("|")[1].strip(): line for line in lines if line.startswith("| `")}
    assert rows["`title`"].split("|")[4].strip() == "yes"
    assert rows["`background`"].split("|")[4].strip() == ""
