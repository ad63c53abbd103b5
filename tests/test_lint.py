"""Lint and formatting regressions fail the suite: ``ruff check`` and ``ruff format --check``
over the whole repository, with the settings of pyproject.toml (no cache written in the tree)."""

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
