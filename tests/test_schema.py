"""``advisor schema``: the JSON Schema accepts what the validator accepts (every example,
exercise and rule case, Indonesian keys, synonyms in any case) and rejects broken plans."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import schema
from advisor.cli import main
from advisor.loader import parse_text
from advisor.problems import InputError
from advisor.validate import validate_document

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent


def _as_json(data):
    # What an editor's YAML language server sees: dates are strings.
    return json.loads(json.dumps(data, default=str))


# Written broken on purpose, to show a failed row in `advisor batch examples/`.
BROKEN_ON_PURPOSE = {"examples/batch/06-rusak.yaml"}


def _plans() -> list:
    found = []
    for path in sorted((ROOT / "examples").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.json")):
        if str(path.relative_to(ROOT)) not in BROKEN_ON_PURPOSE:
            found.append(pytest.param(path, id=str(path.relative_to(ROOT))))
    for path in sorted((ROOT / "knowledge" / "exercises").glob("*.yaml")):
        found.append(pytest.param(path, id=str(path.relative_to(ROOT))))
    return found


@pytest.fixture(scope="module")
def validator():
    document = schema.plan_schema("en")
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def _valid_for_advisor(plan) -> bool:
    try:
        validate_document(parse_text(yaml.safe_dump(plan, allow_unicode=True), "plan.yaml"))
    except InputError:
        return False
    return True


def test_examples_exist() -> None:
    assert _plans(), "examples/ and knowledge/exercises hold plans"


@pytest.mark.parametrize("path", _plans())
def test_every_example_validates(validator, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    errors = [e.message for e in validator.iter_errors(_as_json(data))]
    if _valid_for_advisor(data):
        assert not errors, errors
    else:
        assert errors, f"{path.name} is invalid for the advisor but the schema accepts it"


def test_schema_agrees_with_the_validator_on_every_rule_case(validator) -> None:
    checked = 0
    for path in sorted((ROOT / "knowledge" / "cases").glob("*.yaml")):
        for name, case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"].items():
            errors = [e.message for e in validator.iter_errors(_as_json(case["plan"]))]
            assert bool(errors) != _valid_for_advisor(case["plan"]), (path.name, name, errors)
            checked += 1
    assert checked


BASE = {
    "judul": "Desa wisata",
    "jenis": "Penta-Helix",
    "periode": {"mulai": "2025-01-01", "selesai": "2026-12-31"},
    "mitra": [
        {"id": "pemkab", "pilar": "Pemerintah Daerah", "tanggung_jawab": ["Menyusun peraturan"]},
        {"id": "kampus", "pillar": "perguruan_tinggi", "kontribusi": [{"jenis": "keahlian", "porsi": 40}]},
    ],
    "indikator": [{"id": "I1", "pernyataan": "Jumlah pemandu", "target": 50, "arah": "naik"}],
}


def _broken(change) -> dict:
    plan = copy.deepcopy(BASE)
    change(plan)
    return plan


BROKEN = {
    "unknown key": lambda p: p.update(judull="x"),
    "unknown key in a partner": lambda p: p["mitra"][0].update(pilarr="media"),
    "unknown pillar": lambda p: p["mitra"][0].update(pilar="kementerian"),
    "no partners": lambda p: p.pop("mitra"),
    "no title": lambda p: p.pop("judul"),
    "empty partner list": lambda p: p.update(mitra=[]),
    "partners not a list": lambda p: p.update(mitra="pemkab"),
    "partner without pillar": lambda p: p["mitra"][1].pop("pillar"),
    "share over 100": lambda p: p["mitra"][1]["kontribusi"][0].update(porsi=150),
    "unknown plan kind": lambda p: p.update(jenis="trilateral"),
    "target as a list": lambda p: p["indikator"][0].update(target=[1, 2]),
}


def test_indonesian_aliases_and_synonyms_are_accepted(validator) -> None:
    assert _valid_for_advisor(BASE)
    assert not [e.message for e in validator.iter_errors(BASE)]


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_plans_are_rejected_like_the_validator_does(validator, name: str) -> None:
    plan = _broken(BROKEN[name])
    assert not _valid_for_advisor(plan), "the case must be broken for the advisor too"
    assert list(validator.iter_errors(plan)), f"the schema accepts a plan with {name}"


def test_aliases_are_documented_for_editors() -> None:
    document = schema.plan_schema("id")
    assert "judul" in document["properties"]["title"]["description"]
    assert "`title`" in document["properties"]["judul"]["description"]
    assert document["additionalProperties"] is False
    assert all(sub["additionalProperties"] is False for sub in document["$defs"].values())


def test_cli_prints_and_writes_the_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["schema", "--lang", "en"])
    assert result.exit_code == 0
    assert json.loads(result.output) == schema.plan_schema("en")
    target = tmp_path / "plan.schema.json"
    assert runner.invoke(main, ["schema", "--output", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema.plan_schema("id")
