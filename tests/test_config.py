"""The team config: found upward, checked against its schema, and each setting changes the
run (and its absence does not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.config import ConfigError, find_config, load_config, run_options
from advisor.render.problem import render as render_problem
from advisor.settings import Settings
from tests.conftest import review_data
from tests.test_suppress import PLAN

# pemkab carries 4 of 7 responsibilities (57 %): above the default dominant_share of 0.5.
DOMINANT = {
    **PLAN,
    "partners": [
        {
            "id": "pemkab",
            "pillar": "government",
            "responsibilities": [
                "Menyusun peraturan desa wisata",
                "Menganggarkan pembangunan jalan desa",
                "Mengurus perizinan homestay",
                "Menyelenggarakan festival kopi tahunan",
            ],
        },
        *PLAN["partners"][1:],
    ],
}


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _plan(folder: Path, plan: dict = PLAN, name: str = "plan.yaml") -> Path:
    return _write(folder, name, yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))


def test_advisor_toml_is_found_upward_and_read(tmp_path: Path) -> None:
    config = _write(
        tmp_path, "advisor.toml", 'ignore = ["ph003"]\nfail_level = "warning"\n[severity]\nPH001 = "info"\n'
    )
    plan = _plan(tmp_path / "usulan" / "2025")
    assert find_config([plan]) == config
    loaded = load_config(config)
    assert loaded.ignore == ("PH003",)
    assert loaded.fail_level == "warning"
    assert loaded.severity == (("PH001", "info"),)


def test_pyproject_tool_advisor_is_used_and_a_pyproject_without_it_is_passed_over(tmp_path: Path) -> None:
    outer = _write(tmp_path, "pyproject.toml", '[tool.advisor]\nlanguage = "en"\n')
    _write(tmp_path / "proj", "pyproject.toml", '[project]\nname = "x"\n')
    plan = _plan(tmp_path / "proj" / "plans")
    assert find_config([plan]) == outer
    assert load_config(outer).language == "en"


@pytest.mark.parametrize(
    ("text", "code", "line", "where"),
    [
        ('select = ["PH"]\nfail_levle = "warning"\n', "config_unknown_key", 2, "fail_levle"),
        ('ignore = ["PH001", "PH999"]\n', "config_unknown_rule", 1, "ignore[1]"),
        ('\n\nfail_level = "fatal"\n', "config_bad_value", 3, "fail_level"),
        ("[thresholds]\ndominant_shar = 0.6\n", "config_unknown_threshold", 2, "thresholds.dominant_shar"),
        (
            "[thresholds]\ndominant_min_responsibilities = 2.5\n",
            "config_bad_value",
            2,
            "thresholds.dominant_min_responsibilities",
        ),
        ("select = [\n", "config_syntax", 1, ""),
        ("a = 1\nb = = 2\n", "config_syntax", 2, ""),
    ],
)
def test_a_bad_config_is_an_error_naming_file_and_line(
    tmp_path: Path, text: str, code: str, line: int, where: str
) -> None:
    path = _write(tmp_path, "advisor.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problem = caught.value.problems[0]
    assert (problem.code, problem.line, problem.path) == (code, line, where)
    assert render_problem(problem, "en").startswith(f"{path}:{line}")


def test_a_bad_config_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[tool.advisor]\nfail_levle = "warning"\n')
    plan = _plan(tmp_path)
    result = CliRunner().invoke(main, ["check", str(plan), "--lang", "en"])
    assert result.exit_code == 2
    assert "pyproject.toml:2" in result.output and "fail_levle" in result.output and "fail_level?" in result.output
    assert "Traceback" not in result.output


def test_select_and_ignore_by_id_or_family() -> None:
    settings = Settings(select=("PH",), ignore=("PH001",))
    assert not settings.selected("PH001", "PH")
    assert settings.selected("PH002", "PH")
    assert not settings.selected("RL001", "RL")
    specific = Settings(select=("PH001",), ignore=("PH",))
    assert specific.selected("PH001", "PH") and not specific.selected("PH002", "PH")
    assert Settings().selected("RL001", "RL")
    assert "PH001" not in {f.rule_id for f in review_data(PLAN, Settings(ignore=("PH001",))).findings}
    assert "PH001" in {f.rule_id for f in review_data(PLAN, Settings(ignore=("PH002",))).findings}


def test_severity_override_changes_finding_and_verdict() -> None:
    base = review_data(PLAN, Settings(select=("PH001",)))
    lowered = review_data(PLAN, Settings(select=("PH001",), severity=(("PH001", "info"),)))
    assert [f.severity for f in base.findings] == ["error"]
    assert [f.severity for f in lowered.findings] == ["info"]
    assert (base.verdict, lowered.verdict) == ("not_ready", "ready")


def test_threshold_override_both_ways() -> None:
    def fires(settings: Settings) -> bool:
        return any(f.rule_id == "PH005" for f in review_data(DOMINANT, settings).findings)

    assert fires(Settings())
    assert not fires(Settings(thresholds=(("dominant_share", 0.6),)))
    assert fires(Settings())  # the override did not leak into the next run


def test_fail_level_and_language_from_config_and_cli_over_config(tmp_path: Path) -> None:
    plan = _plan(tmp_path, {**PLAN, "language": "id"})
    runner = CliRunner()
    args = ["check", str(plan), "--select", "PH008", "--format", "json"]
    without = runner.invoke(main, args)
    assert without.exit_code == 0  # PH008 is a warning; the default fail level is error
    assert json.loads(without.output)["reviews"][0]["lang"] == "id"
    _write(tmp_path, "advisor.toml", 'fail_level = "warning"\nlanguage = "en"\n')
    with_config = runner.invoke(main, args)
    assert with_config.exit_code == 1
    assert json.loads(with_config.output)["reviews"][0]["lang"] == "en"
    cli = runner.invoke(main, [*args, "--fail-level", "error", "--lang", "id"])
    assert cli.exit_code == 0
    assert json.loads(cli.output)["reviews"][0]["lang"] == "id"


def test_threshold_from_a_config_file_reaches_the_rules(tmp_path: Path) -> None:
    plan = _plan(tmp_path, DOMINANT)
    args = ["check", str(plan), "--select", "PH005", "--format", "json", "--fail-level", "info"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 1
    _write(tmp_path, "advisor.toml", "[thresholds]\ndominant_share = 0.6\n")
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["reviews"][0]["findings"] == []


def test_explicit_config_and_cli_rule_lists(tmp_path: Path) -> None:
    config = _write(tmp_path / "elsewhere", "team.toml", 'ignore = ["PH"]\n')
    run = run_options([tmp_path], config_path=config)
    assert run.settings.ignore == ("PH",)
    assert run_options([tmp_path], config_path=config, ignore=["PH001"]).settings.ignore == ("PH001",)
    with pytest.raises(ConfigError):
        run_options([tmp_path], select=["XX001"])
