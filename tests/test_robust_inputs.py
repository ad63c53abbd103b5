"""Numbers too large to hold, config values that would make every plan fail or pass, configs
and baselines that are pipes, devices, huge or deeply nested: each is one line naming the file
(and the line where there is one), exit 2, no traceback, decided before any review."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advisor.cli import main
from advisor.config import find_config
from tests.conftest import EXAMPLES

GOOD = (EXAMPLES / "desa-wisata-kopi.yaml").read_text(encoding="utf-8")


def _cli(*args: str) -> Result:
    return CliRunner().invoke(main, [*args, "--lang", "en"])


def _one_line_exit_2(result: Result, where: str, says: str) -> None:
    assert result.exit_code == 2, result.output
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.startswith(where)]
    assert lines and says in lines[0], result.output


@pytest.mark.parametrize(
    "field, pattern, value",
    [
        ("target", r"(target: )\S+", "9" * 4000),  # an int Python holds, no float does
        ("target", r"(target: )\S+", '"' + "9" * 4000 + ' orang"'),
        ("baseline", r"(baseline: )\S+", "9" * 5000),  # beyond int's digit limit: kept as text
        ("share", r"(share: )[\d.]+", "9" * 4000),
    ],
)
def test_numbers_too_large_to_hold_are_wrong_values_everywhere(
    tmp_path: Path, field: str, pattern: str, value: str
) -> None:
    plan = tmp_path / "besar.yaml"
    plan.write_text(re.sub(pattern, lambda m: m.group(1) + value, GOOD, count=1), encoding="utf-8")
    for args in (
        ("check", str(plan)),
        ("validate", str(plan)),
        ("diff", str(EXAMPLES / "desa-wisata-kopi.yaml"), str(plan)),
        ("exercise", "--plan", str(plan), "--answers", "PH001"),
    ):
        result = _cli(*args)
        _one_line_exit_2(result, f"{plan}:", f"{field}: wrong value: expected a number")


@pytest.mark.parametrize(
    "value, says",
    [
        ("dominant_share = nan", "nan is out of range; expected from 0 to 1"),
        ("dominant_share = inf", "inf is out of range"),
        ("dominant_share = 1e308", "1e+308 is out of range"),
        ("dominant_share = 60", "60 is out of range"),
        ("ready_max_warnings = -1", "-1 is out of range; expected from 0 to 1000000"),
    ],
)
def test_thresholds_are_finite_and_in_range(tmp_path: Path, value: str, says: str) -> None:
    (tmp_path / "advisor.toml").write_text(f"[thresholds]\n{value}\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(GOOD, encoding="utf-8")
    _one_line_exit_2(_cli("check", str(tmp_path / "p.yaml")), f"{tmp_path / 'advisor.toml'}:2: thresholds.", says)


@pytest.mark.parametrize(
    "text", ['[tool."advisor"]\nfail_level = "bogus"\n', '[tool]\nadvisor = {fail_level = "bogus"}\n']
)
def test_pyproject_is_read_as_toml(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    plan = tmp_path / "p.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    assert find_config([plan]) == tmp_path / "pyproject.toml"
    result = _cli("check", str(plan))
    assert result.exit_code == 2 and "tool.advisor.fail_level: 'bogus'" in result.output


def test_a_pyproject_whose_tool_is_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('tool = "advisor"\n', encoding="utf-8")
    plan = tmp_path / "p.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    _one_line_exit_2(_cli("check", str(plan)), f"{tmp_path / 'pyproject.toml'}:1:", "must be a table")


def test_a_pyproject_without_the_advisor_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndescription = "tool.advisor"\n', "utf-8")
    assert find_config([tmp_path / "p.yaml"]) is None


def _special(tmp_path: Path, kind: str) -> str:
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe")
        return str(tmp_path / "pipe")
    if kind == "device":
        return "/dev/zero"
    path = tmp_path / f"{kind}.json"
    if kind == "deep":  # JSON for a baseline, TOML for a config
        path.write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    else:  # many entries, in a few hundred kB
        path.write_text("select = [" + ", ".join(['"PH001"'] * 30_000) + "]\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("kind", ["fifo", "device", "deep", "many"])
def test_configs_are_bounded_and_never_block(tmp_path: Path, kind: str) -> None:
    (tmp_path / "p.yaml").write_text(GOOD, encoding="utf-8")
    config = _special(tmp_path, kind)
    _one_line_exit_2(_cli("check", str(tmp_path / "p.yaml"), "--config", config), config, "configuration file")


@pytest.mark.parametrize("kind", ["fifo", "device", "deep"])
def test_baselines_are_bounded_and_never_block(tmp_path: Path, kind: str) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "p.yaml").write_text(GOOD, encoding="utf-8")
    baseline = _special(tmp_path, kind)
    if kind == "deep":
        Path(baseline).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = _cli("batch", str(tmp_path / "plans"), "--baseline", baseline, "-q")
    _one_line_exit_2(result, baseline, "baseline file cannot be read")
