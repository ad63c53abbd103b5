"""Validation: types, enumerations, unknown keys, Indonesian aliases and references. Each problem
names the file, the line and the path, reads well in both languages, and gives exit code 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.loader import parse_text
from advisor.problems import InputError, Problem
from advisor.render.problem import render as render_problem
from advisor.validate import ValidatedPlan, validate_document

PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")

GOOD = """\
title: Desa wisata kopi
kind: pentahelix
period: {start: 2025-01-01, end: 2027-12-31}
goals:
  - id: G1
    statement: Kunjungan naik 30%
partners:
  - id: pemkab
    pillar: government
    contributions:
      - {kind: funding, share: 40}
  - id: pokdarwis
    pillar: community
activities:
  - id: A1
    name: Pelatihan pemandu
    lead: pemkab
    support: [pokdarwis]
    goals: [G1]
indicators:
  - id: I1
    measures: A1
    responsible: pokdarwis
"""


def validate(text: str, lang: str = "id") -> ValidatedPlan:
    return validate_document(parse_text(text, "plan.yaml"), lang)


def problems(text: str, lang: str = "id") -> list[Problem]:
    """The problems found when validating in ``lang``; the same text validated in the other
    language gives the same problems, every message readable and different in each."""
    found: dict[str, list[Problem]] = {}
    for language in ("id", "en"):
        with pytest.raises(InputError) as info:
            validate(text, language)
        found[language] = info.value.problems
        for problem in found[language]:
            rendered = render_problem(problem, language)
            assert rendered.startswith(f"plan.yaml:{problem.line}:"), rendered
            assert not PLACEHOLDER.search(rendered), rendered
            assert rendered.split(": ", 2)[-1].strip()
    assert [(p.code, p.line, p.path) for p in found["id"]] == [(p.code, p.line, p.path) for p in found["en"]]
    for ours, theirs in zip(found["id"], found["en"], strict=True):
        assert render_problem(ours, "id") != render_problem(theirs, "en")
    return found[lang]


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``fragment``."""
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if fragment in line]
    return hits[occurrence - 1]


def test_the_good_plan_validates() -> None:
    vplan = validate(GOOD)
    plan = vplan.plan
    assert plan.partners[0].contributions[0].share == 0.4  # 40 per cent stored as a fraction
    assert vplan.position(("activities", 0, "lead")) == (line_of(GOOD, "lead: pemkab"), 5)


def test_indonesian_keys_and_values_are_accepted() -> None:
    text = """\
judul: Penurunan stunting
jenis: Penta Helix
cakupan: lokal
periode: {mulai: 2025-01-01, selesai: 2026-12-31}
tujuan:
  - {id: T1, pernyataan: Prevalensi stunting turun menjadi 20%}
mitra:
  - id: dinkes
    nama: Dinas Kesehatan
    pilar: pemerintah
    tanggung_jawab: [Mengukur balita setiap bulan]
    kontribusi: [{jenis: dana, porsi: 0.5}]
  - {id: pt, pilar: swasta}
  - {id: unair, pilar: perguruan tinggi}
  - {id: pkk, pilar: masyarakat}
  - {id: rri, pilar: Media}
kegiatan:
  - {id: K1, nama: Pengukuran balita, pelaksana: dinkes, pendukung: [pkk], tujuan: [T1]}
indikator:
  - {id: I1, pernyataan: Prevalensi stunting, mengukur: T1, satuan: "%", nilai_awal: 30, target: 20,
     penanggung_jawab: dinkes}
koordinasi: {mekanisme: Forum bulanan, pengambilan_keputusan: musyawarah}
pemantauan: {frekuensi: triwulanan, evaluasi: [2026-06-30]}
"""
    vplan = validate(text)
    plan = vplan.plan
    assert plan.title == "Penurunan stunting"
    assert plan.kind == "pentahelix" and plan.scope == "local"
    assert [p.pillar for p in plan.partners] == ["government", "industry", "academia", "community", "media"]
    assert plan.partners[0].contributions[0].kind == "funding"
    assert plan.activities[0].lead == "dinkes"
    assert plan.indicators[0].baseline == 30
    assert plan.coordination is not None and plan.coordination.decision_making == "musyawarah"
    # positions are kept under the canonical (English) path
    assert vplan.position(("partners", 0, "pillar")) == (line_of(text, "pilar: pemerintah"), 5)


def test_unknown_pillar_suggests_the_right_one() -> None:
    text = GOOD.replace("pillar: government", "pillar: goverment")
    (problem,) = problems(text, "en")
    assert problem.code == "unknown_value"
    assert problem.line == line_of(text, "goverment")
    assert problem.path == "partners[0].pillar"
    assert "did you mean `government`?" in render_problem(problem, "en")
    (problem,) = problems(text, "id")
    assert "maksud Anda `government`?" in render_problem(problem, "id")


def test_unknown_key_suggests_the_right_one() -> None:
    text = GOOD.replace("indicators:", "indicatros:")
    (problem,) = problems(text, "en")
    assert problem.code == "unknown_key"
    assert problem.line == line_of(text, "indicatros:")
    assert "`indicators`" in render_problem(problem, "en")


def test_unknown_nested_key_without_a_close_match_lists_the_known_keys() -> None:
    text = GOOD.replace("    pillar: community", "    pillar: community\n    anggaran_rahasia: 5")
    (problem,) = problems(text, "en")
    assert problem.code == "unknown_key"
    assert problem.path == "partners[1].anggaran_rahasia"
    assert "known keys:" in render_problem(problem, "en") and "responsibilities" in render_problem(problem, "en")


def test_an_english_key_and_its_indonesian_alias_together_are_a_duplicate() -> None:
    text = GOOD.replace("title: Desa wisata kopi", "title: Desa wisata kopi\njudul: Desa wisata")
    (problem,) = problems(text)
    assert problem.code == "duplicate_key"
    assert problem.line == 2


@pytest.mark.parametrize(
    ("old", "new", "path", "expected_en"),
    [
        (
            "  - id: pemkab\n    pillar: government\n",
            "  - id: pemkab\n    pillar: [government]\n",
            "partners[0].pillar",
            "allowed values",
        ),
        (
            "{kind: funding, share: 40}",
            "{kind: funding, share: banyak}",
            "partners[0].contributions[0].share",
            "number",
        ),
        ("share: 40}", "share: 250}", "partners[0].contributions[0].share", "share"),
        ("start: 2025-01-01", "start: 2025-13-45", "period.start", "date"),
        ("support: [pokdarwis]", "support: pokdarwis", "activities[0].support", "list"),
        ("title: Desa wisata kopi", "title: [Desa, wisata]", "title", "text"),
    ],
    ids=["pillar-list", "share-text", "share-too-big", "bad-date", "support-not-list", "title-list"],
)
def test_wrong_types_name_the_place_and_what_was_expected(old: str, new: str, path: str, expected_en: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new)
    found = problems(text, "en")
    assert [p.path for p in found] == [path], [render_problem(p, "en") for p in found]
    problem = found[0]
    assert problem.code in ("wrong_type", "unknown_value")
    assert expected_en in render_problem(problem, "en")
    assert problem.line == line_of(text, new.strip().splitlines()[-1].strip())


def test_a_date_that_does_not_exist_is_placed_on_its_line() -> None:
    text = GOOD.replace("start: 2025-01-01", "start: 2025-02-30")
    (problem,) = problems(text, "en")
    assert problem.line == 3
    assert "YYYY-MM-DD" in render_problem(problem, "en")


def test_missing_title_and_empty_partners() -> None:
    text = "kind: pentahelix\npartners: []\n"
    found = problems(text, "en")
    codes = {p.path: p.code for p in found}
    assert codes == {"title": "missing_field", "partners": "wrong_type"}
    partners = next(p for p in found if p.path == "partners")
    assert partners.line == 2
    assert "non-empty" in render_problem(partners, "en")


def test_missing_partner_id_and_pillar() -> None:
    text = GOOD.replace("  - id: pokdarwis\n    pillar: community\n", "  - name: Pokdarwis\n")
    found = problems(text, "en")
    assert {p.path for p in found} >= {"partners[1].id", "partners[1].pillar"}
    assert all(p.line == line_of(text, "name: Pokdarwis") for p in found if p.path.startswith("partners[1]"))


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("lead: pemkab", "lead: pemkb", "activities[0].lead"),
        ("support: [pokdarwis]", "support: [pokdarwiz]", "activities[0].support[0]"),
        ("goals: [G1]", "goals: [G9]", "activities[0].goals[0]"),
        ("measures: A1", "measures: A7", "indicators[0].measures"),
        ("responsible: pokdarwis", "responsible: dinas", "indicators[0].responsible"),
    ],
    ids=["lead", "support", "goals", "measures", "responsible"],
)
def test_dangling_references_are_reported_with_their_line(old: str, new: str, path: str) -> None:
    text = GOOD.replace(old, new)
    (problem,) = problems(text, "en")
    assert problem.code == "dangling_reference"
    assert problem.path == path
    assert problem.line == line_of(text, new)
    value = new.split(": ", 1)[1].strip("[]")
    assert f"`{value}`" in render_problem(problem, "en") and f"`{value}`" in render_problem(problem, "id")


def test_a_dangling_reference_suggests_a_close_id() -> None:
    (problem,) = problems(GOOD.replace("lead: pemkab", "lead: pemkb"), "en")
    assert "did you mean `pemkab`?" in render_problem(problem, "en")
    (problem,) = problems(GOOD.replace("lead: pemkab", "lead: pemkb"), "id")
    assert "maksud Anda `pemkab`?" in render_problem(problem, "id")


def test_duplicate_ids_point_at_the_first_one() -> None:
    text = GOOD.replace("  - id: pokdarwis\n", "  - id: pemkab\n")
    text = text.replace("support: [pokdarwis]", "support: [pemkab]").replace(
        "responsible: pokdarwis", "responsible: pemkab"
    )
    (problem,) = problems(text, "en")
    assert problem.code == "duplicate_id"
    assert problem.line == line_of(text, "- id: pemkab", 2)
    assert problem.params["first_line"] == line_of(text, "- id: pemkab", 1)
    assert f"line {line_of(text, '- id: pemkab', 1)}" in render_problem(problem, "en")


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = (
        GOOD.replace("pillar: government", "pillar: goverment")
        .replace("lead: pemkab", "lead: x")
        .replace("indicators:", "indicatros:")
    )
    found = problems(text, "en")
    assert {p.code for p in found} == {"unknown_value", "unknown_key"}
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_cli_validate_prints_one_line_per_problem_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "rencana.yaml"
    path.write_text(
        GOOD.replace("pillar: government", "pillar: goverment").replace("indicators:", "indicatros:"), "utf-8"
    )
    for lang, word in (("en", "did you mean"), ("id", "maksud Anda")):
        result = CliRunner().invoke(main, ["validate", str(path), "--lang", lang])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 2, result.output
        assert all(line.startswith(f"{path}:") for line in lines)
        assert word in result.output
        assert "Traceback" not in result.output


def test_cli_validate_accepts_a_good_plan(tmp_path: Path) -> None:
    path = tmp_path / "rencana.yaml"
    path.write_text(GOOD, "utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "2 partners" in result.output


def test_a_problem_renders_wholly_in_either_language() -> None:
    # Problems keep raw values (suggestions, type names, targets) and are worded when rendered,
    # so a problem found while validating in Indonesian reads as plain English, and back.
    text = (
        "title: T\n"
        "indicatros: []\n"
        "partners:\n"
        "  - {id: a, pillar: goverment, responsibilities: Menyusun kajian}\n"
        "activities:\n"
        "  - {id: A1, lead: b}\n"
    )
    with pytest.raises(InputError) as caught:
        validate_document(parse_text(text, "p.yaml"), "id")
    english = "\n".join(render_problem(p, "en") for p in caught.value.problems)
    indonesian = "\n".join(render_problem(p, "id") for p in caught.value.problems)
    assert "did you mean `indicators`?" in english and "did you mean `government`?" in english
    assert "expected a list" in english
    for word in ("maksud Anda", "daftar", " atau ", "mitra"):
        assert word not in english, word
    assert "maksud Anda `indicators`?" in indonesian and "diharapkan daftar" in indonesian
    assert "{" not in english + indonesian


def test_a_reference_with_no_close_match_lists_what_is_declared() -> None:
    text = "title: T\npartners:\n  - {id: pemkab, pillar: government}\n  - {id: unud, pillar: academia}\n"
    text += "activities:\n  - {id: A1, lead: ngo}\n"
    with pytest.raises(InputError) as caught:
        validate_document(parse_text(text, "p.yaml"))
    [problem] = caught.value.problems
    assert render_problem(problem, "en").endswith(
        "refers to a partner that is not declared; declared: `pemkab`, `unud`"
    )
    assert render_problem(problem, "id").endswith("yang dideklarasikan: `pemkab`, `unud`")


@pytest.mark.parametrize(("declared", "expected"), [("en", "unknown pillar"), ("id", "tidak dikenal untuk pillar")])
def test_problems_are_told_in_the_language_the_plan_declares(tmp_path: Path, declared: str, expected: str) -> None:
    plan = tmp_path / "rencana.yaml"
    plan.write_text(f"title: T\nlanguage: {declared}\npartners:\n  - {{id: a, pillar: goverment}}\n", encoding="utf-8")
    for command in (["check", str(plan)], ["validate", str(plan)], ["check", str(plan), "--format", "json"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2
        assert expected in result.output, command
    # --lang still wins over the plan's own language
    other = "id" if declared == "en" else "en"
    result = CliRunner().invoke(main, ["check", str(plan), "--lang", other])
    assert expected not in result.output


# --- the as-written shortcut -------------------------------------------------------------------


def _plan_texts() -> list[tuple[str, str]]:
    """Every plan that ships: the examples and every rule case, as YAML text."""
    import yaml

    root = Path(__file__).resolve().parent.parent
    out = []
    for path in sorted((root / "examples").rglob("*")):
        if path.suffix in (".yaml", ".yml", ".json"):
            out.append((path.name, path.read_text(encoding="utf-8")))
    for path in sorted((root / "knowledge" / "cases").glob("*.yaml")):
        for name, case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"].items():
            text = yaml.safe_dump(case["plan"], allow_unicode=True, sort_keys=False, default_flow_style=False)
            out.append((f"{path.stem}:{name}", text))
    return out


def test_a_plan_as_written_validates_as_the_normaliser_would() -> None:
    # validate_document() skips the normaliser when Pydantic accepts the plan as it is; the
    # result must be the one the normaliser's path gives: same plan, data and positions.
    from advisor.validate import _validate_as_written, _validate_normalised

    shortcut = 0
    for name, text in _plan_texts():
        try:
            doc = parse_text(text, name if name.endswith((".json", ".yaml")) else name + ".yaml")
        except InputError:
            continue  # examples/batch holds a file that does not parse, on purpose
        fast = _validate_as_written(doc, "id")
        try:
            slow = _validate_normalised(doc, "id")
        except InputError:
            assert fast is None, name
            continue
        if fast is None:
            continue  # aliases or synonyms: only the normaliser's path applies
        shortcut += 1
        assert fast.plan == slow.plan and fast.data == slow.data, name
        assert fast.positions == slow.positions, name
    assert shortcut > 100  # most shipped plans are written with the English keys


def test_every_enumerated_field_is_a_literal_of_its_canonical_values() -> None:
    # What makes the shortcut sound: Pydantic accepts a value of these fields only when the
    # normaliser would have left it unchanged.
    import typing

    from advisor import knowledge
    from advisor.model import ENUM_FIELDS

    for (model, name), table in ENUM_FIELDS.items():
        annotation = model.model_fields[name].annotation
        literals = [a for a in (typing.get_args(annotation) or (annotation,)) if typing.get_origin(a) is typing.Literal]
        assert typing.get_origin(annotation) is typing.Literal or literals, (model, name)
        allowed = set(typing.get_args(literals[0] if literals else annotation))
        assert allowed == set(knowledge.plan_format().values[table]), (model, name)
