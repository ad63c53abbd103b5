"""Issue 16, the first hour of use: what a new user meets and what habits from other checkers
(ruff, yamllint, sqlfluff) they bring. One test (or a few) per point of the issue."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.render.problem import render as render_problem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WARNINGS_ONLY = EXAMPLES / "peran-kabur.yaml"  # warnings and advice, no error


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), **kw)


# --- --min-severity says what it hides -------------------------------------------------------


def test_min_severity_says_how_many_findings_are_hidden_and_that_the_verdict_counts_them() -> None:
    full = json.loads(run("check", str(WARNINGS_ONLY), "--format", "json").stdout)["reviews"][0]
    result = run("check", str(WARNINGS_ONLY), "--min-severity", "error", "--lang", "en")
    hidden = full["counts"]["warning"] + full["counts"]["info"]
    assert hidden > 0
    assert f"{hidden} findings below error not shown" in result.output
    assert "the readiness verdict still counts them" in result.output
    assert "No findings" not in result.output  # it contradicted "needs revision"
    as_json = json.loads(run("check", str(WARNINGS_ONLY), "--min-severity", "error", "--format", "json").stdout)
    review = as_json["reviews"][0]
    assert review["findings"] == [] and review["verdict"] == full["verdict"]
    assert review["hidden"] == {"warning": full["counts"]["warning"], "info": full["counts"]["info"]}
    markdown = run("check", str(WARNINGS_ONLY), "--min-severity", "warning", "--format", "markdown").output
    assert f"{full['counts']['info']} temuan di bawah tingkat peringatan tidak ditampilkan" in markdown
    # Nothing hidden, nothing said.
    assert "not shown" not in run("check", str(WARNINGS_ONLY), "--lang", "en").output
    assert full["hidden"] == {}


def test_advice_is_counted_as_an_uncountable_noun() -> None:
    text = run("check", str(WARNINGS_ONLY), "--lang", "en").output
    assert "pieces of advice)" in text and " advice)" not in text.replace("pieces of advice)", "")


# --- -o PATH infers the format from the suffix ---------------------------------------------


def test_output_format_is_inferred_from_the_suffix(tmp_path: Path) -> None:
    out = {name: tmp_path / name for name in ("r.json", "r.sarif.json", "r.md", "r.csv", "r.xml", "r.html", "r.txt")}
    args = [arg for path in out.values() for arg in ("-o", str(path))]
    result = run("check", str(WARNINGS_ONLY), *args)
    assert result.exit_code == 0, result.output
    assert json.loads(out["r.json"].read_text())["schema_version"] == 1
    assert "sarif" in json.loads(out["r.sarif.json"].read_text())["$schema"]
    assert out["r.md"].read_text().startswith("## ")
    assert out["r.csv"].read_text(encoding="utf-8-sig").startswith("kind,file,")
    assert out["r.xml"].read_text().startswith("<?xml")
    assert out["r.html"].read_text().startswith("<!DOCTYPE html>")
    assert out["r.txt"].read_text().startswith("Tinjauan rencana kerja sama")
    # An explicit FORMAT= still wins over the suffix.
    run("check", str(WARNINGS_ONLY), "-o", f"text={out['r.json']}")
    assert out["r.json"].read_text().startswith("Tinjauan")


def test_an_unknown_output_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    result = run("check", str(WARNINGS_ONLY), "-o", str(target), "--lang", "en")
    assert result.exit_code == 2
    assert "suffix names no report format" in result.output and "json=report.json" in result.output
    assert not target.exists()


# --- habits from other checkers --------------------------------------------------------------


def test_check_reads_a_plan_from_standard_input() -> None:
    text = WARNINGS_ONLY.read_text(encoding="utf-8")
    from_file = run("check", str(WARNINGS_ONLY), "--format", "json")
    from_stdin = run("check", "-", "--format", "json", input=text)
    assert from_stdin.exit_code == from_file.exit_code == 0
    a, b = json.loads(from_file.stdout)["reviews"][0], json.loads(from_stdin.stdout)["reviews"][0]
    assert b["file"] == "-" and [f["key"] for f in a["findings"]] == [f["key"] for f in b["findings"]]
    named = run("check", "-", "--stdin-filename", "plans/kuta.yaml", "--format", "compact", input=text)
    assert named.output.startswith("plans/kuta.yaml:")
    broken = run("check", "-", "--lang", "en", input="title: [unclosed\n")
    assert broken.exit_code == 2 and "-:" in broken.output and "Traceback" not in broken.output


def test_compact_format_is_one_line_per_finding_by_place() -> None:
    data = json.loads(run("check", str(WARNINGS_ONLY), "--format", "json").stdout)["reviews"][0]
    result = run("check", str(WARNINGS_ONLY), "--format", "compact", "--lang", "en")
    lines = result.output.splitlines()
    assert len(lines) == len(data["findings"])
    places = []
    for line in lines:
        file, row, col, rest = line.split(":", 3)
        severity, rule, message = rest.strip().split(" ", 2)
        assert file == str(WARNINGS_ONLY) and severity in ("error", "warning", "info") and message
        assert rule in {f["rule"] for f in data["findings"]}
        places.append((int(row), int(col)))
    assert places == sorted(places)
    first = min(data["findings"], key=lambda f: (f["line"], f["col"]))
    assert f":{first['line']}:{first['col']}: {first['severity']} " in lines[0]


def test_github_format_writes_workflow_annotations_with_escaped_text(tmp_path: Path) -> None:
    result = run("check", str(WARNINGS_ONLY), "--format", "github")
    lines = result.output.splitlines()
    assert lines and all(line.startswith(("::warning file=", "::notice file=", "::error file=")) for line in lines)
    assert f"file={WARNINGS_ONLY},line=" in lines[0] and ",title=" in lines[0]
    # Plan text holding a line break, a percent sign and a workflow command stays inside one annotation.
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "title: 'Rencana 100%'\nkind: pentahelix\npartners:\n  - id: p1\n    pillar: government\n"
        '    responsibilities: ["menyusun\\n::error::x"]\n',
        encoding="utf-8",
    )
    out = run("check", str(plan), "--format", "github").output
    assert all(line.startswith("::") for line in out.splitlines())
    assert "\n::error::x" not in out
    broken = tmp_path / "b.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    failed = run("check", str(broken), "--format", "github")
    assert failed.exit_code == 2 and failed.output.startswith(f"::error file={broken},line=")


def test_a_mistyped_command_gets_a_suggestion_and_click_speaks_the_report_language() -> None:
    english = run("chek", "x.yaml", "--lang", "en")
    assert english.exit_code == 2 and "No such command 'chek'. Did you mean `check`?" in english.output
    indonesian = run("chek", "x.yaml")
    assert "Perintah 'chek' tidak dikenal. Maksud Anda `check`?" in indonesian.output
    assert "Kesalahan:" in indonesian.output and "Error:" not in indonesian.output
    assert "Did you mean" not in run("zzzz").output  # nothing close: no guess
    option = run("check", "--formt", "json", "x.yaml")
    assert "Opsi '--formt' tidak dikenal. Maksud Anda '--format'?" in option.output
    missing = run("check", "--lang", "en")
    assert "Missing argument" in missing.output
    # Restored after the command: the next English run is English again.
    assert "Missing argument" in run("check", "--lang=en").output


def test_every_translated_click_message_is_one_click_still_writes() -> None:
    """A Click upgrade that rewords a message would silently leave it in English."""
    import pathlib

    import click

    from advisor.cli.click_lang import _table

    source = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path(click.__file__).parent.glob("*.py"))
    single, plural = _table()
    for message in [*single, *plural]:
        assert message in source.replace('"\n        "', "").replace('"\n            "', ""), message


def test_a_rule_is_suppressed_for_one_subject_only() -> None:
    import yaml

    from tests.conftest import review_data

    plan = yaml.safe_load(WARNINGS_ONLY.read_text(encoding="utf-8"))
    plain = review_data(plan)
    rl002 = sorted(f.subject for f in plain.findings if f.rule_id == "RL002")
    assert len(rl002) >= 2  # dlhk and phri: one is accepted, the other must stay
    one = rl002[0].split(":")[1]
    entry = {"aturan": "RL002", "subjek": one, "alasan": "peran diatur dalam SK Bupati"}
    review = review_data({**plan, "pengecualian": [entry]})
    suppressed = [f.subject for f in review.findings if f.rule_id == "RL002" and f.suppressed]
    active = sorted(f.subject for f in review.active() if f.rule_id == "RL002")
    assert suppressed == [rl002[0]] and active == rl002[1:]
    assert review.notices == ()
    # A subject the rule finds nothing about is a notice naming it, not a silent no-op.
    typo = review_data({**plan, "pengecualian": [{**entry, "subjek": "dlkh"}]})
    assert [n.code for n in typo.notices] == ["suppression_unused_subject"]
    assert "`dlkh`" in render_problem(typo.notices[0], "en")
    assert [f.subject for f in typo.findings if f.suppressed] == []
    # The whole plan's suppression still covers every subject.
    whole = review_data({**plan, "pengecualian": [{"aturan": "RL002", "alasan": "diterima"}]})
    assert not [f for f in whole.active() if f.rule_id == "RL002"]


# --- common Indonesian values and synonyms ---------------------------------------------------


def _validated(text: str):
    from advisor.loader import parse_text
    from advisor.validate import validate_document

    return validate_document(parse_text(text, "p.yaml")).plan


_MINIMAL = "judul: Rencana\nmitra:\n  - id: a\n    pilar: pemerintah\n"


@pytest.mark.parametrize(
    ("written", "kind", "scope"),
    [
        ("KSDD", "domestic", "local"),  # kerja sama daerah dengan daerah lain
        ("ksdpk", "domestic", "local"),  # dengan pihak ketiga
        ("KSDPL", "bilateral", "international"),  # dengan pemerintah daerah di luar negeri
        ("KSDLL", "bilateral", "international"),  # dengan lembaga di luar negeri
    ],
)
def test_permendagri_forms_name_a_kind_and_a_scope(written: str, kind: str, scope: str) -> None:
    plan = _validated(f"jenis: {written}\n{_MINIMAL}")
    assert (plan.kind, plan.scope) == (kind, scope)
    # A scope the plan writes wins over the one the form implies.
    assert _validated(f"jenis: {written}\ncakupan: nasional\n{_MINIMAL}").scope == "national"


def test_a_plain_kind_implies_no_scope() -> None:
    assert _validated(f"jenis: pentahelix\n{_MINIMAL}").scope is None


@pytest.mark.parametrize("pillar", ["BUMN", "BUMD", "BUMDes", "badan usaha milik daerah"])
def test_state_and_region_owned_enterprises_are_industry(pillar: str) -> None:
    plan = _validated(f"judul: R\nmitra:\n  - id: a\n    pilar: {pillar}\n")
    assert plan.partners[0].pillar == "industry"


def test_planning_document_words_are_accepted_for_their_sections() -> None:
    plan = _validated(
        _MINIMAL + "sasaran:\n  - id: S1\n    pernyataan: x\n"
        "indikator_kinerja:\n  - id: I1\n    pernyataan: y\n    mengukur: S1\n"
    )
    assert [g.id for g in plan.goals] == ["S1"] and [i.id for i in plan.indicators] == ["I1"]
    assert [i.id for i in _validated(_MINIMAL + "keluaran:\n  - id: K1\n    pernyataan: z\n").indicators] == ["K1"]


@pytest.mark.parametrize(
    ("extra", "suggested"),
    [
        ("mitraa: x\n", "mitra"),
        ("partnrs: x\n", "partners"),
        ("indikatr: x\n", "indikator"),
        ("    tanggung_jawap: [x]\n", "tanggung_jawab"),  # inside the partner
    ],
)
def test_did_you_mean_for_close_matches(extra: str, suggested: str) -> None:
    from advisor.problems import InputError

    with pytest.raises(InputError) as caught:
        _validated(_MINIMAL + extra)
    (problem,) = caught.value.problems
    assert problem.params["suggestion"] == suggested


@pytest.mark.parametrize("key", ["version", "catatan_tambahan", "lampiran"])
def test_unrelated_keys_get_no_misleading_suggestion(key: str) -> None:
    from advisor.problems import InputError

    with pytest.raises(InputError) as caught:
        _validated(_MINIMAL + f"{key}: x\n")
    assert caught.value.problems[0].params["suggestion"] is None


def test_csv_counts_ready_plans_and_opens_in_excel(tmp_path: Path) -> None:
    import csv
    import io

    from advisor.findings import Outcome, Review
    from advisor.render import renderer

    clean = Review(file="siap.yaml", title="Rencana siap", plan_language="id", findings=(), verdict="ready")
    text = renderer("csv")(Outcome((clean,)), "id")
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only after a BOM
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [{**dict.fromkeys(rows[0], ""), "kind": "plan", "file": "siap.yaml",
                     "plan_title": "Rencana siap", "verdict": "ready",
                     "message": "0 kesalahan, 0 peringatan, 0 saran"}]  # fmt: skip


# --- wording ---------------------------------------------------------------------------------


def test_the_failed_files_list_explains_its_count_of_further_problems(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "rusak.yaml").write_text("judul: R\nmitra:\n  - id: a\n    pilar: x\n  - id: b\n    pilar: y\n")
    result = run("batch", str(folder), "--lang", "en", "--jobs", "1")
    assert result.exit_code == 2
    assert "(and 1 more problem in this file; see them with advisor validate)" in result.output
    assert "(+1)" not in result.output


def test_one_indonesian_term_for_collaborative_governance() -> None:
    from advisor import knowledge

    texts = [str(p.read_text(encoding="utf-8")) for p in (knowledge.KNOWLEDGE_DIR / "texts").rglob("*.yaml")]
    texts.append((knowledge.KNOWLEDGE_DIR / "scoring.yaml").read_text(encoding="utf-8"))
    assert not any("pemerintahan kolaboratif" in t.lower() for t in texts)
    assert "Prinsip tata kelola kolaboratif" in (knowledge.KNOWLEDGE_DIR / "texts" / "labels.yaml").read_text()
    assert "bring in `contributions`" not in "".join(texts)


# --- the plan's own keys ---------------------------------------------------------------------

INDONESIAN_KEYS = EXAMPLES / "penurunan-stunting-kunci-id.yaml"


def test_problems_name_keys_and_values_as_an_indonesian_plan_writes_them(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "judul: R\nmitra:\n  - id: a\n    pilar: gub\n    tanggung_jawabb: [x]\n"
        "pengecualian:\n  - aturan: RL002\nbagian_lain: x\n",
        encoding="utf-8",
    )
    out = run("validate", str(plan), "--lang", "en").output
    assert (
        "mitra[0].pilar: unknown pilar `gub`; valid values: pemerintah, industri, akademisi, masyarakat, media" in out
    )
    assert "mitra[0].tanggung_jawabb: unknown key `tanggung_jawabb`; did you mean `tanggung_jawab`?" in out
    assert "pengecualian[0].alasan: `alasan` is required" in out
    assert "bagian_lain: unknown key `bagian_lain`; known keys: alternatif, anggaran, bahasa," in out
    assert "partners" not in out and "reason" not in out and "government" not in out
    # The same plan written with the English keys is answered in English keys.
    plan.write_text("title: R\npartners:\n  - id: a\n    pillar: gub\nsuppress:\n  - rule: RL002\n", encoding="utf-8")
    english = run("validate", str(plan), "--lang", "id").output
    assert "partners[0].pillar" in english and "government, industry" in english
    assert "suppress[0].reason: `reason` wajib diisi" in english


def test_finding_paths_use_the_plans_own_keys() -> None:
    data = json.loads(run("check", str(INDONESIAN_KEYS), "--format", "json").stdout)["reviews"][0]
    paths = [f["path"] for f in data["findings"] if f["path"]]
    assert paths and any(p.startswith("mitra[") for p in paths)
    english_fields = ("partners", "activities", "indicators", "responsibilities", "support", "coordination")
    assert not [p for p in paths if any(word in p for word in english_fields)]


def test_a_finding_about_the_whole_plan_is_placed_at_the_files_top() -> None:
    data = json.loads(run("check", str(WARNINGS_ONLY), "--format", "json").stdout)["reviews"][0]
    whole = [f for f in data["findings"] if not f["path"]]
    assert whole and all((f["line"], f["col"]) == (1, 1) for f in whole)
    # A missing field of a section that exists is placed at that section.
    placed = [f for f in data["findings"] if f["path"]]
    assert all(f["line"] > 1 for f in placed)


def test_recommendations_name_keys_as_the_plan_writes_them() -> None:
    english_keys = json.loads(run("check", str(WARNINGS_ONLY), "--format", "json").stdout)["reviews"][0]
    texts = " ".join(f["recommendation"] + f["message"] for f in english_keys["findings"])
    assert "`contributions`" in texts and "`kontribusi`" not in texts  # an Indonesian report, English keys
    indonesian_keys = run("check", str(INDONESIAN_KEYS), "--format", "json", "--lang", "en").stdout
    texts = " ".join(f["recommendation"] + f["message"] for f in json.loads(indonesian_keys)["reviews"][0]["findings"])
    assert "`tanggung_jawab`" in texts and "`responsibilities`" not in texts


def test_a_key_quoted_with_an_example_value_is_named_as_the_plan_writes_it() -> None:
    from advisor.plan_keys import as_written

    text = "Tambahkan indikator dengan `mengukur: A1`, lalu isi `target: 50` dan `satuan`."
    assert as_written(text, "en") == "Tambahkan indikator dengan `measures: A1`, lalu isi `target: 50` dan `unit`."
    assert as_written(as_written(text, "en"), "id") == text
    # A quoted value that is no key is left as it is, with or without a colon.
    assert as_written("tulis `contoh: nilai` atau `bukan_kunci`", "en") == "tulis `contoh: nilai` atau `bukan_kunci`"


def test_explain_examples_use_the_report_languages_keys_and_no_yaml_anchors() -> None:
    indonesian = run("explain", "RL002", "--lang", "id").output
    assert "mitra:" in indonesian and "pilar: pemerintah" in indonesian and "partners:" not in indonesian
    assert "(mitra[1].tanggung_jawab, baris" in indonesian
    english = run("explain", "RL002", "--lang", "en").output
    assert "partners:" in english and "mitra:" not in english
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") + (ROOT / "docs" / "rules.id.md").read_text(
        encoding="utf-8"
    )
    assert "&id0" not in docs and "*id0" not in docs


# --- the unfilled template -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unfilled_template_gets_no_scores_and_only_the_not_filled_in_finding(lang: str, tmp_path: Path) -> None:
    plan = tmp_path / "rencana.yaml"
    plan.write_text(run("init", "--lang", lang).stdout, encoding="utf-8")
    review = json.loads(run("check", str(plan), "--format", "json").stdout)["reviews"][0]
    assert [f["rule"] for f in review["findings"]] == ["ST015"]
    assert review["scores"] == {} and review["verdict"] == "not_ready"
    html = run("check", str(plan), "--format", "html").stdout
    assert 'class="radar"' not in html and "<meter" not in html


# --- single-plan HTML and Markdown -----------------------------------------------------------


def test_radar_labels_fit_inside_the_chart() -> None:
    from advisor.render.html import _CHAR_WIDTH, _radar

    for lang in ("id", "en"):
        radar = _radar({p: 100 for p in ("government", "industry", "academia", "community", "media")}, lang)
        left, _, width, _ = (float(v) for v in radar["viewbox"].split())
        for axis in radar["axes"]:
            size = len(f"{axis['label']} ({axis['value']})") * _CHAR_WIDTH
            start = {"start": axis["lx"], "end": axis["lx"] - size}.get(axis["anchor"], axis["lx"] - size / 2)
            assert left <= start and start + size <= left + width, axis


def test_keys_in_backticks_are_code_in_html_and_markdown() -> None:
    html = run("check", str(WARNINGS_ONLY), "--format", "html").stdout
    assert "<code>budget</code>" in html and "`budget`" not in html
    markdown = run("check", str(WARNINGS_ONLY), "--format", "markdown").stdout
    assert "Isi `budget` (perkiraan" in markdown and "\\`" not in markdown


@pytest.mark.parametrize("kind", ["pentahelix", "sectoral", "domestic", "bilateral"])
def test_the_indonesian_template_uses_indonesian_values_and_names_its_schema(kind: str) -> None:
    import jsonschema
    import yaml

    from advisor.knowledge import plan_format

    text = run("init", "--lang", "id", "--kind", kind).stdout
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n")
    data = yaml.safe_load(text)
    assert data["jenis"] == plan_format().value_words_id["kind"][kind]
    english = set(plan_format().values["pillar"]) - {"media"}
    assert not {p["pilar"] for p in data["mitra"]} & english
    assert data["cakupan"] in ("lokal", "nasional", "internasional")
    schema = json.loads((ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_a_domestic_template_is_local_in_scope() -> None:
    import yaml

    assert yaml.safe_load(run("init", "--lang", "id", "--kind", "domestic").stdout)["cakupan"] == "lokal"
    assert yaml.safe_load(run("init", "--lang", "en", "--kind", "domestic").stdout)["scope"] == "local"


# --- training --------------------------------------------------------------------------------


def _review_with(*rule_ids: str):
    from advisor import rules
    from advisor.findings import Finding, Review

    findings = tuple(
        Finding(
            r, rules.get(r).severity, rules.get(r).family, rules.get(r).step, "", 1, 1, f"indicator:I{n}", "", (), ()
        )
        for n, r in enumerate(rule_ids)
    )
    return Review(file="p.yaml", title="P", plan_language="id", findings=findings, verdict="needs_revision")


def test_training_scores_by_the_problem_not_the_exact_code() -> None:
    from advisor import exercise
    from advisor.render import exercise as render_exercise

    # IN010 (a target pointing the wrong way) named as IN015 (an incomplete indicator): one
    # indicator problem of the same step. IN001 is an old id of IN015 (issue 14's merge).
    review = _review_with("IN010")
    assert exercise.parse_answer("IN001") == (("IN015",), ())
    near = exercise.score(["IN015"], review)
    assert near.hits == ("IN010",) and near.false_alarms == () and near.near == (("IN015", "IN010"),)
    # One answer names one problem: two codes of one concept do not count twice.
    twice = exercise.score(["IN013", "IN015"], review)
    assert twice.hits == ("IN010",) and len(twice.false_alarms) == 1
    # A code of another concept stays a false alarm.
    other = exercise.score(["PH001"], review)
    assert other.hits == () and other.false_alarms == ("PH001",)
    text = render_exercise.render_result(near, review, "en")
    assert "(you named it IN015: the same problem)" in text
    assert "recall" not in text.lower() and "presisi" not in render_exercise.render_result(near, review, "id")


def test_training_list_prints_names_and_plan_accepts_them() -> None:
    listed = run("exercise", "--list").output.splitlines()
    assert listed and all("/" not in name and name.endswith((".yaml", ".yml", ".json")) for name in listed)
    result = run("exercise", "--plan", listed[0], "--answers", "", "--lang", "en")
    assert result.exit_code == 0 and "you found 0 of" in result.output


def test_training_fits_an_80_by_24_terminal() -> None:
    """The rule list is no longer printed before the prompt (it is 70+ lines): `?` or --rules."""
    from advisor.exercise import EXERCISES_DIR, discover

    plan = discover(EXERCISES_DIR)[0]
    result = run("exercise", "--plan", str(plan), "--lang", "en", input="\n")
    before_prompt = result.output.split("The problems you see", 1)[0]
    plan_lines = len(plan.read_text(encoding="utf-8").splitlines())
    assert len(before_prompt.splitlines()) <= plan_lines + 4  # the intro, the plan, the hint
    assert "type ? to see the rule list" in before_prompt
    rules_list = run("exercise", "--rules", "--lang", "en").output
    assert "PH001" in rules_list and len(rules_list.splitlines()) > 24


# --- baselines -------------------------------------------------------------------------------


def _plans(folder: Path) -> Path:
    import shutil

    folder.mkdir(parents=True)
    for name in ("peran-kabur.yaml", "pilar-tidak-lengkap.yaml", "desa-wisata-kopi.yaml"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_a_baseline_matches_by_path_relative_to_the_reviewed_folder(tmp_path: Path, monkeypatch) -> None:
    plans = _plans(tmp_path / "repo" / "plans")
    monkeypatch.chdir(tmp_path / "repo")
    assert run("batch", "plans", "--write-baseline", "b.json", "--jobs", "1", "-q").exit_code in (0, 1)
    written = json.loads((tmp_path / "repo" / "b.json").read_text())["files"]
    assert sorted(written) == sorted(p.name for p in plans.iterdir())
    # The same folder reviewed from elsewhere: everything is known, nothing is new.
    monkeypatch.chdir(tmp_path)
    result = run("batch", "repo/plans", "--baseline", "repo/b.json", "--jobs", "1", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)["reviews"]
    assert all(r["findings"] == [] and r["baselined"] > 0 for r in reviews if r["verdict"] != "ready")
    assert "names none of the files" not in result.output


def test_a_baseline_matching_no_file_is_warned_about(tmp_path: Path) -> None:
    plans = _plans(tmp_path / "plans")
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"baseline_version": 1, "files": {"elsewhere/x.yaml": ["PH001:pillar:media"]}}))
    result = run("batch", str(plans), "--baseline", str(other), "--jobs", "1", "--lang", "en")
    assert "Warning: baseline" in result.output and "names none of the files reviewed" in result.output
    assert "elsewhere/x.yaml" in result.output


def test_with_a_baseline_the_plans_needing_attention_are_those_with_new_findings(tmp_path: Path) -> None:
    plans = _plans(tmp_path / "plans")
    baseline_file = tmp_path / "b.json"
    run("batch", str(plans), "--write-baseline", str(baseline_file), "--jobs", "1", "-q")
    # One plan gains a new problem: a partner with no responsibility.
    changed = plans / "desa-wisata-kopi.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("partners:\n", "partners:\n  - id: baru\n    pillar: media\n", 1),
        encoding="utf-8",
    )
    result = run("batch", str(plans), "--baseline", str(baseline_file), "--jobs", "1", "--lang", "en")
    attention = result.output.split("Plans that need the most attention:", 1)[1].split("\n\n", 1)[0]
    listed = [line.split(":")[0].strip() for line in attention.splitlines()[1:] if line.strip()]
    assert listed == [f"{plans}/desa-wisata-kopi.yaml"], result.output


# --- one configuration per plan --------------------------------------------------------------


def _two_folders(root: Path) -> None:
    import shutil

    for name in ("a", "b"):
        (root / name).mkdir(parents=True)
        shutil.copy(WARNINGS_ONLY, root / name / "plan.yaml")
    (root / "a" / "advisor.toml").write_text('ignore = ["RL"]\nlanguage = "en"\n', encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "batch"])
def test_each_plan_takes_its_nearest_configuration(command: str, tmp_path: Path, monkeypatch) -> None:
    _two_folders(tmp_path)
    monkeypatch.chdir(tmp_path)
    args = ["a/plan.yaml", "b/plan.yaml"] if command == "check" else ["a", "b", "--jobs", "1"]
    result = run(command, *args, "--format", "json", "--verbose")
    reviews = {r["file"]: r for r in json.loads(result.stdout)["reviews"]}
    assert reviews["a/plan.yaml"]["lang"] == "en" and reviews["b/plan.yaml"]["lang"] == "id"
    assert not [f for f in reviews["a/plan.yaml"]["findings"] if f["family"] == "RL"]
    assert [f for f in reviews["b/plan.yaml"]["findings"] if f["family"] == "RL"]
    # --verbose says it, per plan, on standard error.
    assert "a/plan.yaml: konfigurasi a/advisor.toml; bahasa laporan en" in result.stderr
    assert "b/plan.yaml: konfigurasi tidak ada (bawaan)" in result.stderr
    # --config still applies one configuration to every plan.
    forced = run(command, *args, "--format", "json", "--config", "a/advisor.toml")
    assert all(r["lang"] == "en" for r in json.loads(forced.stdout)["reviews"])


# --- the batch dashboard ---------------------------------------------------------------------


def _dashboard(tmp_path: Path, *args: str) -> str:
    import shutil

    folder = tmp_path / "plans"
    folder.mkdir(parents=True)
    shutil.copy(EXAMPLES / "mangrove-demak-en.yaml", folder / "mangrove-en.yaml")  # language: en
    shutil.copy(WARNINGS_ONLY, folder / "kuta-v1.yaml")
    shutil.copy(WARNINGS_ONLY, folder / "kuta-v2.yaml")  # one plan in two versions
    shutil.copy(EXAMPLES / "pilar-tidak-lengkap.yaml", folder / "pilar.yaml")
    (folder / "rusak.yaml").write_text("judul: [\n", encoding="utf-8")
    out = tmp_path / "d.html"
    run("batch", str(folder), "--jobs", "1", "-q", "-o", str(out), *args)
    return out.read_text(encoding="utf-8")


def test_the_dashboard_speaks_one_language_unless_told(tmp_path: Path) -> None:
    html = _dashboard(tmp_path)
    assert "belum siap" in html and "perlu perbaikan" in html
    assert ">not ready<" not in html and ">needs revision<" not in html and "Readiness" not in html
    english = _dashboard(tmp_path / "en", "--lang", "en")
    assert "Readiness" in english and "Kesiapan" not in english


def test_the_dashboard_puts_what_to_act_on_first(tmp_path: Path) -> None:
    html = _dashboard(tmp_path)
    order = [html.index(marker) for marker in (
        "Rencana yang paling perlu perhatian", "Kelemahan yang paling sering muncul",
        "Berkas yang tidak dapat diperiksa", 'id="plans"', 'id="heatmap"', "Rincian per rencana",
    )]  # fmt: skip
    assert order == sorted(order)
    # Heatmap columns are named, and versions of one plan are told apart by their file.
    heat = html[html.index('id="heatmap"') :]
    assert ">Peran</th>" in heat and ">RL</th>" not in heat
    assert "kuta-v1.yaml</code>" in heat and "kuta-v2.yaml</code>" in heat
    # Within a verdict, by urgency: the plan with errors (not ready) before the others.
    attention = html[html.index('class="attention"') : html.index("</ol>")]
    assert attention.index("pilar.yaml") < attention.index("kuta-v1.yaml")
    # Common gaps: errors first.
    gaps = html[html.index('id="gaps"') : html.index("</table>", html.index('id="gaps"'))]
    marks = re.findall(r'class="sev (error|warning|info)"', gaps)
    assert marks == sorted(marks, key=("error", "warning", "info").index)


def test_the_dashboard_in_a_browser(tmp_path: Path) -> None:
    """Chromium renders it (when installed): a screenshot is made without error."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no Chromium")
    page = tmp_path / "d.html"
    page.write_text(_dashboard(tmp_path), encoding="utf-8")
    shot = tmp_path / "d.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.stat().st_size > 10_000


def test_a_vague_responsibility_is_placed_at_its_list_item() -> None:
    data = json.loads(run("check", str(WARNINGS_ONLY), "--format", "json").stdout)["reviews"][0]
    lines = WARNINGS_ONLY.read_text(encoding="utf-8").splitlines()
    vague = [f for f in data["findings"] if f["rule"] == "RL002"]
    assert vague
    for f in vague:
        item = lines[f["line"] - 1]
        assert item.lstrip().startswith("- ") and item.lstrip()[2:] in f["evidence"], item
        assert f["col"] == len(item) - len(item.lstrip()) + 3  # the text after "- "


def test_the_readme_documents_the_new_formats_and_options() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in (
        "--format compact",
        "--format github",
        "advisor check -",
        "--stdin-filename",
        "--verbose",
        "subject: media",
        "reviews[].hidden",
        "`.sarif.json`",
        "kind = plan",
        "byte order mark",
        "KSDD",
        "advisor exercise --rules",
        "relative to the folder reviewed",
    ):
        assert needle in readme, needle
    assert "../shared" not in readme


def test_recommendation_examples_are_not_about_one_domain() -> None:
    """Examples about tourism or floods read oddly in a plan about waste, health or transport."""
    import yaml

    from advisor import knowledge

    for path in sorted((knowledge.KNOWLEDGE_DIR / "texts" / "rules").glob("*.yaml")):
        for rule_id, texts in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            for lang, text in (texts.get("recommendation") or {}).items():
                lowered = text.lower()
                words = ("wisata", "homestay", "banjir", "genangan", "touris", "flood")
                assert not any(word in lowered for word in words), (rule_id, lang, text)


def test_a_wrong_target_or_deadline_is_placed_at_its_own_line() -> None:
    plan = EXAMPLES / "indikator-tidak-terukur.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines()
    data = json.loads(run("check", str(plan), "--format", "json").stdout)["reviews"][0]
    placed = {f["rule"]: lines[f["line"] - 1].strip() for f in data["findings"]}
    assert placed["IN010"].startswith("target:")
    # A deadline outside the period (IN005, now part of ST017's contradicting dates).
    assert placed["ST017"].startswith("due:")
