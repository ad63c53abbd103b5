"""Lint and formatting regressions fail the suite: ``ruff check`` and ``ruff format --check``
over the whole repository, with the settings of pyproject.toml (no cache written in the tree),
and yamllint over knowledge/ and examples/ with .yamllint."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff() -> list[str]:
    if importlib.util.find_spec("ruff") is not None:
        return [sys.executable, "-m", "ruff"]
    found = shutil.which("ruff")
    if found is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    return [found]


@pytest.mark.parametrize("command", [["check", "--no-cache", "."], ["format", "--no-cache", "--check", "."]])
def test_ruff(command: list[str]) -> None:
    done = subprocess.run([*_ruff(), *command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_yamllint_over_the_knowledge_base_and_the_examples() -> None:
    """``yamllint knowledge examples`` with the repository's .yamllint (which says why each
    default it changes is changed): duplicate keys, bad indentation, trailing spaces, YAML 1.1
    truthy words in the knowledge files."""
    pytest.importorskip("yamllint", reason="yamllint is not installed (pip install '.[test]')")
    done = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-f", "parsable", "knowledge", "examples"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_yamllint_finds_what_it_is_there_for(tmp_path: Path) -> None:
    # The configuration is not a blanket: a duplicate key and a YAML 1.1 `yes` in a knowledge
    # file are still reported.
    config = pytest.importorskip("yamllint.config")
    linter = pytest.importorskip("yamllint.linter")
    conf = config.YamlLintConfig(file=str(ROOT / ".yamllint"))
    problems = linter.run("ratio: 1\nratio: 2\nflag: yes\n", conf, "knowledge/thresholds.yaml")
    assert {p.rule for p in problems} == {"key-duplicates", "truthy"}
    assert not list(linter.run("title: a very long line " + "x" * 300 + "\n", conf, "examples/plan.yaml"))
