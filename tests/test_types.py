"""STYLE 14: advisor/ and rules/ are typed, and ``mypy --strict`` keeps them so.

mypy runs as a developer runs it by hand, through ``tools/typecheck.py``: the installed layout
(rules/ as advisor.rules) built from links in a temporary folder, the ``[tool.mypy]`` settings of
pyproject.toml (strict), its cache in that folder so the working tree stays clean.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_settings_are_strict_on_advisor_and_rules() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["files"] == ["advisor"]  # advisor.rules (rules/) is inside it as installed
    # Only untyped third-party modules may be let through unchecked, never our own. The engine,
    # durable-rules, is third-party code built into advisor.durable (setup.py, build_support/).
    third_party = ("advisor.durable", "advisor.durable.*")
    for override in config.get("overrides", []):
        modules = override["module"] if isinstance(override["module"], list) else [override["module"]]
        ours = [name for name in modules if name.split(".")[0] in ("advisor", "rules") and name not in third_party]
        assert not ours, override


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (pip install '.[test]')")
def test_mypy_strict_passes() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "typecheck.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
