"""Every knowledge file is checked against its declared schema (advisor/knowledge_schemas.py)
when it is read, and a mistake in it is one line naming the file, the line and the key.

For each file, a copy of ``knowledge/`` gets one mistake (an unknown key, a missing key, a value
of the wrong type) written at a known line, and reading the file must report exactly that."""

from __future__ import annotations

import fnmatch
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, RootModel

from advisor import knowledge, loader
from advisor.knowledge_schemas import FILES, NOT_DATA, schema_for
from advisor.problems import InputError

KNOWLEDGE = Path(knowledge.KNOWLEDGE_DIR)
NAMES = sorted(
    p.relative_to(KNOWLEDGE).as_posix()
    for p in KNOWLEDGE.rglob("*.yaml")
    if not any(fnmatch.fnmatchcase(p.relative_to(KNOWLEDGE).as_posix(), pattern) for pattern in NOT_DATA)
)
# One file of each kind (a cases file or a rule texts file stands for the others).
KINDS = sorted({next(n for n in NAMES if fnmatch.fnmatchcase(n, pattern)) for pattern in FILES})


def test_every_knowledge_file_has_a_schema_and_passes_it() -> None:
    assert len(NAMES) > 100  # the cases, the texts, the lists
    for name in NAMES:
        assert schema_for(name) is not None, f"knowledge/{name} has no schema in advisor/knowledge_schemas.py"
        knowledge.check_file(name)  # by Pydantic, whatever the compiled copy holds
        knowledge.checked_data(name)


def test_every_declared_pattern_names_a_file() -> None:
    for pattern in FILES:
        assert any(fnmatch.fnmatchcase(n, pattern) for n in NAMES), pattern


def _unwrap(annotation: Any) -> Any:
    while typing.get_origin(annotation) in (typing.Union, typing.Annotated) or type(annotation) is type(int | None):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _unwrap(annotation.model_fields["root"].annotation)
    return annotation


def _target(schema: Any, data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Mappings that the schema declares as a model, inside the file (not the whole file), with
    a required key present: (path of the mapping, the key, the key's type)."""
    schema = _unwrap(schema)
    if isinstance(schema, type) and issubclass(schema, BaseModel) and isinstance(data, dict):
        for key, field in schema.model_fields.items():
            if key in data and len(data) > 1:
                yield path, key, _unwrap(field.annotation), field.is_required()
        for key, field in schema.model_fields.items():
            if key in data:
                yield from _target(field.annotation, data[key], (*path, key))
    elif typing.get_origin(schema) is dict and isinstance(data, dict):
        for key, value in data.items():
            yield from _target(typing.get_args(schema)[1], value, (*path, key))
    elif typing.get_origin(schema) is list and isinstance(data, list):
        for i, value in enumerate(data):
            yield from _target(typing.get_args(schema)[0], value, (*path, i))


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _line_of(text: str, marker: str) -> int:
    (line,) = [i for i, content in enumerate(text.splitlines(), 1) if marker in content]
    return line


@pytest.fixture
def knowledge_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)
    knowledge._loaded.cache_clear()
    knowledge._compiled.cache_clear()
    knowledge._compiled_document.cache_clear()
    yield copy
    knowledge._loaded.cache_clear()
    knowledge._compiled.cache_clear()
    knowledge._compiled_document.cache_clear()


def _error(copy: Path, name: str, data: Any) -> tuple[str, str]:
    """The message for the file written as ``data`` (block style, one key a line), and the text."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    (copy / name).write_text(text, encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError) as caught:
        knowledge.checked_data(name)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message, text


MISTAKES = ("unknown key", "missing key", "wrong type")


@pytest.mark.parametrize("mistake", MISTAKES)
@pytest.mark.parametrize("name", KINDS)
def test_a_mistake_names_the_file_the_line_and_the_key(knowledge_copy: Path, name: str, mistake: str) -> None:
    data = knowledge.load_yaml((KNOWLEDGE / name).read_text(encoding="utf-8"))
    found = [t for t in _target(schema_for(name), data) if t[3] or mistake != "missing key"]
    target = next((t for t in found if t[0]), found[0] if found else None)  # inside the file first
    if target is None:  # a table of plain values (thresholds, Click's texts): only a value can be wrong
        if mistake != "wrong type":
            pytest.skip(f"{name} has no model mapping with a required key")
        key = next(iter(data))
        data[key] = ["wrong_type_19"]
        message, text = _error(knowledge_copy, name, data)
        assert message.startswith(f"knowledge/{name}:{_line_of(text, 'wrong_type_19') - 1}:1: {key}: "), message
        assert "found list" in message, message
        return
    path, key, kind, _ = target
    mapping = _at(data, path)
    dotted = ".".join(map(str, path))
    if mistake == "unknown key":
        mapping["not_a_key_19"] = 1
        message, text = _error(knowledge_copy, name, data)
        assert message.startswith(f"knowledge/{name}:{_line_of(text, 'not_a_key_19')}:"), message
        assert f": {dotted + ': ' if dotted else ''}unknown key 'not_a_key_19' (allowed: " in message, message
        assert key in message, message
    elif mistake == "missing key":
        del mapping[key]
        message, text = _error(knowledge_copy, name, data)
        doc = loader.locate(text, name)
        parent = doc.key_positions.get(path) or doc.positions[path]
        assert message.startswith(f"knowledge/{name}:{parent[0]}:"), message
        assert message.endswith(f": {dotted + ': ' if dotted else ''}missing key '{key}'"), message
    else:
        mapping[key] = {"wrong_type_19": 1} if typing.get_origin(kind) is list else ["wrong_type_19"]
        message, text = _error(knowledge_copy, name, data)
        assert message.startswith(f"knowledge/{name}:{_line_of(text, 'wrong_type_19') - 1}:"), message
        assert f": {dotted + '.' if dotted else ''}{key}: expected " in message and "found " in message, message


def test_a_rule_text_may_carry_a_trigger_paragraph(knowledge_copy: Path) -> None:
    name = "texts/rules/PH.yaml"
    data = yaml.safe_load((knowledge_copy / name).read_text(encoding="utf-8"))
    data["PH001"]["trigger"] = {"id": "Pilar hilang.", "en": "A pillar is missing."}
    (knowledge_copy / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    trigger = knowledge.rule_texts.__wrapped__()["PH001"].trigger  # not the cached texts of knowledge/
    assert trigger is not None and trigger.en == "A pillar is missing."


def test_a_duplicate_key_is_not_the_schema_s_business_but_the_line_finder_survives_it(knowledge_copy: Path) -> None:
    # The line finder reads the file as the plan loader does; a file it refuses still gets the
    # schema's message, without a place.
    path = knowledge_copy / "coverage.yaml"
    path.write_text("full: 100\nfull: 90\nrules: {PH001: {level: 0, colour: red}}\n", encoding="utf-8")
    with pytest.raises(knowledge.KnowledgeError, match=r"^knowledge/coverage.yaml: rules.PH001: unknown key 'colour'"):
        knowledge.checked_data("coverage.yaml")


def test_a_broken_file_stops_the_command_with_one_line(knowledge_copy: Path) -> None:
    # What a person sees: the accessor the product calls raises the same one-line error.
    path = knowledge_copy / "pillars.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  media:\n", "  media:\n    colour: red\n", 1))
    with pytest.raises(
        knowledge.KnowledgeError, match=r"^knowledge/pillars.yaml:\d+:5: pillars.media: unknown key 'colour'"
    ):
        knowledge.pillars.__wrapped__()


def test_the_line_finder_follows_merge_keys_and_plans_still_refuse_them() -> None:
    text = "base: &plan\n  title: A\n  kind: pentahelix\ncase:\n  <<: *plan\n  kind: bilateral\n"
    doc = loader.locate(text, "case.yaml")
    assert doc.data["case"] == {"title": "A", "kind": "bilateral"}
    assert doc.key_positions[("case", "title")] == (2, 3)  # where the merged key is written
    assert doc.key_positions[("case", "kind")] == (6, 3)  # the key written in the mapping wins
    with pytest.raises(InputError) as caught:
        loader.parse_text(text, "plan.yaml")
    assert [p.code for p in caught.value.problems] == ["merge_key"]


def test_the_command_line_says_it_in_one_line_and_exits_2(knowledge_copy: Path) -> None:
    from click.testing import CliRunner

    from advisor.cli import main
    from tests.conftest import EXAMPLES

    ui = knowledge_copy / "texts" / "ui.yaml"
    text = ui.read_text(encoding="utf-8").replace('en: "Cooperation plan review"}', 'en: "Review", fr: "Revue"}')
    ui.write_text(text, encoding="utf-8")
    line = text.splitlines()[1]
    assert line.startswith("report_title:")
    knowledge.ui_texts.cache_clear()
    try:
        result = CliRunner().invoke(main, ["check", str(EXAMPLES / "desa-wisata-kopi.yaml")])
    finally:
        knowledge.ui_texts.cache_clear()
    assert result.exit_code == 2, result.output
    col = line.index("fr:") + 1
    assert result.output == f"knowledge/texts/ui.yaml:2:{col}: report_title: unknown key 'fr' (allowed: id, en)\n"


def _same(value: Any, checked: Any) -> bool:
    """Whether a value built as records holds what Pydantic's model of the same data holds."""
    if isinstance(checked, BaseModel):
        fields = type(checked).model_fields
        return list(vars(value)) == list(fields) and all(_same(getattr(value, k), getattr(checked, k)) for k in fields)
    if isinstance(checked, dict):
        return (
            isinstance(value, dict)
            and list(value) == list(checked)
            and all(_same(value[k], checked[k]) for k in checked)
        )
    if isinstance(checked, list):
        return isinstance(value, list) and len(value) == len(checked) and all(map(_same, value, checked))
    return type(value) is type(checked) and value == checked


def test_records_hold_what_pydantic_s_models_of_the_same_data_hold() -> None:
    # Defaults filled in, unions resolved, every level: the records a check reads are what the
    # validated models were (they replaced them at run time).
    from advisor.knowledge_schemas import build, kind_for, validator

    for name in NAMES:
        data = knowledge.load_yaml((KNOWLEDGE / name).read_text(encoding="utf-8"))
        kind = kind_for(name)
        assert _same(build(kind, data), validator(kind)(data)), name


def test_the_compiled_copy_is_taken_as_checked_only_under_the_schema_it_was_checked_with(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    checked: list[str] = []
    check = knowledge.check
    monkeypatch.setattr(knowledge, "check", lambda name, data, kind: (checked.append(name), check(name, data, kind)))
    compiled = knowledge_copy / "compiled.json"
    document = json.loads(compiled.read_text(encoding="utf-8"))
    assert document["schemas"] == knowledge.schemas_crc()  # made by tools/build.py under this schema
    document["files"]["coverage.yaml"]["data"]["full"] = 12345  # the copy, not the YAML, is read
    compiled.write_text(json.dumps(document), encoding="utf-8")
    assert knowledge.coverage.__wrapped__().full == 12345 and checked == []
    document["schemas"] += 1  # the schema changed since the build: the copy is checked again
    compiled.write_text(json.dumps(document), encoding="utf-8")
    knowledge._compiled.cache_clear()
    knowledge._compiled_document.cache_clear()
    knowledge._loaded.cache_clear()
    assert knowledge.coverage.__wrapped__().full == 12345 and checked == ["coverage.yaml"]


def test_without_the_schema_module_s_source_nothing_compiled_is_taken_as_checked(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An old compiled copy (no "schemas") read where the module's source cannot be read
    # (bytecode only): both are None, and that must not pass for a match.
    import json

    compiled = knowledge_copy / "compiled.json"
    document = json.loads(compiled.read_text(encoding="utf-8"))
    del document["schemas"]
    compiled.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setattr(knowledge, "schemas_crc", lambda: None)
    assert knowledge._read_checked("coverage.yaml")[1] is False


def test_the_lexicon_reads_every_purpose_lower_cased_as_the_file_writes_it() -> None:
    # each entry is lower-cased when first read: every purpose, in the file's order, equal to
    # the file's own lists lower-cased, and a purpose read twice is the same record
    written = yaml.safe_load((KNOWLEDGE / "lexicon.yaml").read_text(encoding="utf-8"))
    read = knowledge.lexicon()
    assert list(read) == list(written) and len(read) == len(written)
    for purpose, entry in written.items():
        assert read[purpose].id == [w.lower() for w in entry["id"]], purpose
        assert read[purpose].en == [w.lower() for w in entry["en"]], purpose
        assert read[purpose].match == entry.get("match", "lemma"), purpose
        assert read[purpose] is read[purpose]
    assert any(w != w.lower() for entry in written.values() for w in (*entry["id"], *entry["en"]))
    with pytest.raises(KeyError):
        read["no such purpose"]
