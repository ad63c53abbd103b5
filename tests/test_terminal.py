"""One sanitiser for everything shown on a terminal (advisor/terminal.py): escape sequences from
plan values, keys, file names and configs are removed, and a line break inside a value is shown
as ``\\n``, so that one problem is one line and no line can pass for another plan's verdict.
File names that are not UTF-8 are written escaped, the same in every format and locale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.terminal import display_name, one_line
from tests.conftest import EXAMPLES
from tests.test_suppress import PLAN

EVIL = "x\x1b[2J\x1b]8;;http://evil\x07\nREADY: semua siap\tok"


def test_the_sanitiser() -> None:
    assert one_line(EVIL) == "x\\nREADY: semua siap\\tok"
    assert display_name(os.fsdecode(b"ren\xe7ana\n.yaml")) == "ren\\xe7ana\\n.yaml"
    assert one_line("a" * 50 + "b" * 50, 21) == "a" * 10 + "…" + "b" * 10  # the end stays


def _lines_ok(output: str, expected_lines: int | None = None) -> list[str]:
    assert "\x1b" not in output and "\x07" not in output, output
    assert "READY: semua siap" not in [line.strip() for line in output.splitlines()]
    return output.splitlines()


def test_problems_quoting_plan_values_stay_one_line_each(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    data = {**PLAN, "partners": [{**PLAN["partners"][0], "pillar": EVIL}, *PLAN["partners"][1:]], EVIL: 1}
    plan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for args in (["validate", str(plan)], ["check", str(plan)], ["diff", str(plan), str(plan)]):
        result = CliRunner().invoke(main, [*args, "--lang", "en"])
        assert result.exit_code == 2
        lines = [line for line in _lines_ok(result.output) if line.startswith(str(plan))]
        assert len(lines) == 2, result.output  # the unknown key and the unknown pillar


def test_config_keys_and_suppression_reasons_are_sanitised(tmp_path: Path) -> None:
    (tmp_path / "advisor.toml").write_text('"k\\u001b[31m\\nREADY: semua siap" = 1\n', encoding="utf-8")
    plan = tmp_path / "p.yaml"
    plan.write_text(yaml.safe_dump(PLAN, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "--lang", "en"])
    assert result.exit_code == 2 and len(_lines_ok(result.output)) == 1, result.output
    (tmp_path / "advisor.toml").unlink()
    plan.write_text(yaml.safe_dump({**PLAN, "suppress": [{"rule": "PH001", "reason": EVIL}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(plan), "--lang", "en"])
    assert "x\\nREADY: semua siap" in result.output
    _lines_ok(result.output)


def test_names_that_are_not_utf8_are_escaped_alike_in_every_format_and_locale(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    name = os.fsdecode(b"ren\xe7ana\n\x1b[31m.yaml")
    shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", os.path.join(folder, name))
    shown = f"{folder}/ren\\xe7ana\\n\\x1b[31m.yaml"
    for locale in ("C", "C.UTF-8"):
        env = {**os.environ, "LC_ALL": locale, "NO_COLOR": "1"}
        for fmt in ("text", "json") if locale == "C" else ("json", "markdown"):
            done = subprocess.run(
                [sys.executable, "-m", "advisor", "batch", str(folder), "--format", fmt, "-q"],
                capture_output=True,
                env=env,
                timeout=120,
                check=False,
            )
            assert done.returncode in (0, 1), done.stderr[-500:]
            out = done.stdout.decode("utf-8")  # valid UTF-8 whatever the locale
            assert "\x1b" not in out
            if fmt == "json":
                assert [r["file"] for r in json.loads(out)["reviews"]] == [shown]
            else:
                assert shown in out, out[:500]
