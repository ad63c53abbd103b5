"""The command line as a user meets it: formats, languages, severity filters, exit codes,
--output, validate, init, and usage errors (exit 2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.cli.init import KINDS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOOD = EXAMPLES / "desa-wisata-kopi.yaml"
WARNINGS_ONLY = EXAMPLES / "peran-kabur.yaml"  # warnings and advice, no error
WITH_ERRORS = EXAMPLES / "pilar-tidak-lengkap.yaml"  # PH001 errors
ENGLISH = EXAMPLES / "mangrove-demak-en.yaml"  # language: en


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def findings(result) -> list[dict]:
    data = json.loads(result.stdout)
    return [f for review in data["reviews"] for f in review["findings"]]


def test_text_and_json_formats() -> None:
    text = run("check", str(WITH_ERRORS))
    assert text.exit_code == 1
    assert "Kesiapan" in text.output and "PH001" in text.output
    as_json = run("check", str(WITH_ERRORS), "--format", "json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["reviews"][0]["counts"]["error"] == 2
    assert {f["rule"] for f in data["reviews"][0]["findings"]} >= {"PH001", "ST016"}


def test_lang_chooses_the_report_language_and_the_plan_language_is_the_default() -> None:
    indonesian = run("check", str(WITH_ERRORS), "--lang", "id")
    english = run("check", str(WITH_ERRORS), "--lang", "en")
    assert "Rekomendasi" in indonesian.output and "Recommendation" not in indonesian.output
    assert "Recommendation" in english.output and "Rekomendasi" not in english.output
    assert "Recommendation" in run("check", str(ENGLISH)).output  # the plan says `language: en`
    assert "Rekomendasi" in run("check", str(ENGLISH), "--lang", "id").output


@pytest.mark.parametrize(
    ("level", "allowed"),
    [("info", {"error", "warning", "info"}), ("warning", {"error", "warning"}), ("error", {"error"})],
)
def test_min_severity_hides_lower_findings(level: str, allowed: set[str]) -> None:
    result = run("check", str(WITH_ERRORS), "--format", "json", "--min-severity", level)
    severities = {f["severity"] for f in findings(result)}
    assert severities and severities <= allowed
    assert "error" in severities


@pytest.mark.parametrize(
    ("plan", "fail_level", "code"),
    [
        (GOOD, "error", 0),
        (GOOD, "info", 0),
        (WARNINGS_ONLY, "error", 0),
        (WARNINGS_ONLY, "warning", 1),
        (WARNINGS_ONLY, "info", 1),
        (WITH_ERRORS, "error", 1),
    ],
    ids=["good-error", "good-info", "warnings-error", "warnings-warning", "warnings-info", "errors-error"],
)
def test_fail_level_exit_codes(plan: Path, fail_level: str, code: int) -> None:
    result = run("check", str(plan), "--fail-level", fail_level)
    assert result.exit_code == code, result.output


def test_an_unreadable_plan_exits_2_even_beside_good_ones(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.yaml"
    broken.write_text("title: [unclosed\n", "utf-8")
    result = run("check", str(GOOD), str(broken), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert len(data["reviews"]) == 1 and data["failures"][0]["file"] == str(broken)


def test_output_writes_the_report_file(tmp_path: Path) -> None:
    target = tmp_path / "laporan" / "review.json"
    result = run("check", str(WITH_ERRORS), "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    written = json.loads(target.read_text("utf-8"))
    assert written["reviews"][0]["counts"]["error"] == 2
    assert not list(target.parent.glob(".*")), "no temporary file left behind"


def test_output_refuses_to_overwrite_an_input_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(WITH_ERRORS, plan)
    before = plan.read_bytes()
    result = run("check", str(plan), "--output", str(plan))
    assert result.exit_code == 2
    assert plan.read_bytes() == before


def test_json_output_is_byte_identical_across_runs(tmp_path: Path) -> None:
    files = [str(GOOD), str(WITH_ERRORS), str(EXAMPLES / "bus-listrik-surabaya.json")]
    first = run("check", *files, "--format", "json", "--lang", "en")
    second = run("check", *files, "--format", "json", "--lang", "en")
    assert first.stdout_bytes == second.stdout_bytes
    target = tmp_path / "r.json"
    run("check", *files, "--format", "json", "--lang", "en", "--output", str(target))
    assert target.read_bytes() == first.stdout_bytes


def test_validate_good_and_bad(tmp_path: Path) -> None:
    good = run("validate", str(GOOD), "--lang", "en")
    assert good.exit_code == 0
    assert "valid" in good.output and "5 partners" in good.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: A\npartners:\n  - {id: a, pillar: goverment}\n", "utf-8")
    result = run("validate", str(GOOD), str(bad), "--lang", "en")
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.output and "did you mean `government`?" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", str(GOOD), "--lang", "fr"],
        ["check", str(GOOD), "--format", "pdf"],
        ["check", str(GOOD), "--min-severity", "fatal"],
        ["check", str(GOOD), "--no-such-option"],
        ["validate"],
        ["init", "--kind", "trilateral"],
        ["init", "--lang", "de"],
        ["no-such-command"],
    ],
    ids=lambda a: " ".join(a[:1] + [x for x in a[1:] if x.startswith("-") or x in ("fr", "pdf", "trilateral")]),
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


# --- advisor init -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_init_template_is_a_valid_plan(tmp_path: Path, lang: str, kind: str) -> None:
    result = run("init", "--lang", lang, "--kind", kind)
    assert result.exit_code == 0
    plan = tmp_path / f"{lang}-{kind}.yaml"
    plan.write_text(result.output, "utf-8")
    validated = run("validate", str(plan), "--lang", lang)
    assert validated.exit_code == 0, validated.output
    # As printed, before any placeholder is filled: the one error is ST015 (placeholders left),
    # so the template's structure itself blocks nothing.
    checked = run("check", str(plan), "--format", "json", "--lang", lang)
    assert checked.exit_code == 1
    assert [f["rule"] for f in findings(checked) if f["severity"] == "error"] == ["ST015"]
    assert len(findings(checked)) <= 9, [f["rule"] for f in findings(checked)]


@pytest.mark.parametrize(
    ("lang", "keys", "comment"),
    [
        ("id", ("judul:", "mitra:", "pilar: pemerintah", "kegiatan:", "indikator:", "pemantauan:"), "# Langkah 4"),
        ("en", ("title:", "partners:", "pillar: government", "activities:", "indicators:", "monitoring:"), "# Step 4"),
    ],
)
def test_init_keys_and_comments_follow_the_language(lang: str, keys: tuple[str, ...], comment: str) -> None:
    text = run("init", "--lang", lang).output
    for key in keys:
        assert f"\n{key}" in text or f" {key}" in text, key
    assert comment in text
    other = "title:" if lang == "id" else "judul:"
    assert f"\n{other}" not in text


def test_init_kind_changes_partners_and_international_sections() -> None:
    pentahelix = run("init", "--lang", "en", "--kind", "pentahelix").output
    bilateral = run("init", "--lang", "en", "--kind", "bilateral").output
    assert "kind: pentahelix" in pentahelix and "kind: bilateral" in bilateral
    assert "pillar: media" in pentahelix and "pillar: media" not in bilateral
    assert "differences:" in bilateral and "differences:" not in pentahelix
    assert "country: JP" in bilateral
    assert "sovereignty" in bilateral.lower()


def test_init_default_is_the_indonesian_pentahelix_template() -> None:
    result = run("init")
    assert result.exit_code == 0
    assert "jenis: pentahelix" in result.output and "judul:" in result.output


def test_an_internal_fault_is_a_failed_file_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import advisor.review

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(advisor.review, "review_file", broken)
    result = CliRunner().invoke(main, ["check", str(GOOD), "--lang", "en"])
    assert result.exit_code == 2
    assert not isinstance(result.exception, RuntimeError)
    assert "internal error" in result.output and "engine exploded" in result.output
    assert "Traceback" not in result.output


def _fresh(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | env
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environ, timeout=120)


def test_the_cli_skips_pydantic_plugin_discovery_and_models_still_validate() -> None:
    # The command line stands in for Pydantic's plugin loader (which imports importlib.metadata
    # only to find that plugins are off); models must build and validate as before, and any
    # other name asked of the loader comes from the real module.
    script = (
        "import sys\n"
        "import advisor.cli\n"
        "from advisor.model import Plan\n"
        "assert Plan.model_validate({'title': 'T', 'partners': [{'id': 'a', 'pillar': 'media'}]}).title == 'T'\n"
        "assert 'importlib.metadata' not in sys.modules, 'plugin discovery ran'\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "assert tuple(loader.get_plugins()) == ()\n"
        "assert loader.PYDANTIC_ENTRY_POINT_GROUP == 'pydantic'\n"
        "print('ok')\n"
    )
    done = _fresh(script)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_a_user_who_names_plugins_keeps_pydantic_plugin_discovery() -> None:
    script = "import sys, advisor.cli\nimport pydantic.plugin._loader as l\nprint(hasattr(l, 'entry_points'))\n"
    done = _fresh(script, PYDANTIC_DISABLE_PLUGINS="some_plugin")
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stderr[-2000:]


def test_the_command_ends_without_teardown_keeping_its_exit_code_output_and_reports(tmp_path: Path) -> None:
    # The `advisor` program skips the interpreter's teardown once a command has returned
    # (advisor/__main__.py): the exit code, the whole standard output (reports longer than a
    # pipe's buffer) and a report written with --output must be what an in-process run gives.
    plans = [str(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "advisor", "check", *plans, "--format", "text", "-o", f"json={report}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    expected = run("check", *plans, "--format", "text")
    assert done.returncode == 1 == expected.exit_code, done.stderr[-2000:]
    assert len(done.stdout) > 65536 and done.stdout == expected.stdout
    assert report.read_text(encoding="utf-8") == run("check", *plans, "--format", "json").stdout
    usage = subprocess.run([sys.executable, "-m", "advisor", "chek"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2 and "`check`" in usage.stderr
    # A profiler that reports when the program ends still gets to (README: pyinstrument -m advisor).
    profiled = [sys.executable, "-m", "cProfile", "-m", "advisor", "check", str(WITH_ERRORS)]
    done = subprocess.run(profiled, capture_output=True, text=True, timeout=300)
    assert "function calls" in done.stdout, done.stderr[-2000:]
