"""The slow-test list of tests/conftest.py names tests that exist, so that a renamed test does
not silently join the fast run (``pytest -m "not slow"``, CONTRIBUTING.md)."""

from __future__ import annotations

import importlib

from tests.conftest import ALL, ROOT, SLOW


def test_every_listed_slow_test_exists() -> None:
    for module_file, names in SLOW.items():
        assert (ROOT / "tests" / module_file).is_file(), module_file
        if names == ALL:
            continue
        module = importlib.import_module(f"tests.{module_file.removesuffix('.py')}")
        missing = sorted(name for name in names if not callable(getattr(module, name, None)))
        assert not missing, f"tests/{module_file} has no {missing}: update SLOW in tests/conftest.py"


def test_the_fast_run_leaves_the_slow_tests_out(pytestconfig) -> None:
    # The marker is declared (pyproject.toml), so `-m "not slow"` selects by it.
    assert any(line.startswith("slow:") for line in pytestconfig.getini("markers"))
