"""Lint and formatting regressions fail the suite: ``ruff check`` and ``ruff format --check``
over the whole repository, with the settings of pyproject.toml (no cache written in the tree),
the scope of its docstring rules, and yamllint over knowledge/ and examples/ with .yamllint."""

from __future__ import annotations

import importlib.util
import json
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


# A module with no docstring, one undocumented public function and one private function.
_UNDOCUMENTED = "def public():\n    return 1\n\n\ndef _private():\n    return 2\n"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # The public API: every public name documented (pyproject.toml says why this scope).
        ("advisor/api.py", {"D100", "D103"}),
        ("advisor/knowledge.py", {"D100", "D103"}),
        ("advisor/engine.py", {"D100", "D103"}),
        ("advisor/render/html.py", {"D100", "D103"}),
        ("rules/conditions.py", {"D100", "D103"}),
        ("advisor/texts.py", {"D100", "D103"}),
        ("advisor/a_new_module.py", {"D100", "D103"}),  # in scope unless listed as exempt
        # The command line and the review's internals: a module docstring, no more.
        ("advisor/cli/check.py", {"D100"}),
        ("advisor/facts/core.py", {"D100"}),
        ("advisor/review.py", {"D100"}),
        ("advisor/model.py", {"D100"}),  # a model's docstring would land in the plan's JSON Schema
        # Tests, tools and benchmarks: exempt.
        ("tests/test_api.py", set()),
        ("tools/build.py", set()),
        ("bench/__main__.py", set()),
    ],
)
def test_docstring_rules_cover_the_public_api(path: str, expected: set[str]) -> None:
    """The per-file scope of the D rules, checked on a sample as if it were ``path``: the whole-
    repository check above cannot tell a module in scope from one exempted by mistake."""
    done = subprocess.run(
        [*_ruff(), "check", "--no-cache", "--output-format", "json", "--stdin-filename", path, "-"],
        cwd=ROOT,
        input=_UNDOCUMENTED,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode in (0, 1), done.stderr
    reported = [(d["code"], d["location"]["row"]) for d in json.loads(done.stdout) if d["code"].startswith("D")]
    assert {code for code, _ in reported} == expected
    assert all(row == 1 for _, row in reported)  # never the private function (line 5)


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
