"""Only advisor/engine.py knows durable-rules: every other module of the product speaks the
condition vocabulary (advisor/rules/conditions.py), so the rules' meaning does not depend on
an engine that has had no release since 2020."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {Path("advisor/engine.py")}
SCANNED = ("advisor", "rules", "tools", "bench")


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            # `from advisor import durable`
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _is_durable(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in ("durable", "advisor.durable"))


def offenders() -> list[str]:
    found = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative in ALLOWED or relative.parts[:2] == ("advisor", "durable"):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            found += [f"{relative}: {name}" for name in _imports(tree) if _is_durable(name)]
    return found


def test_only_the_engine_imports_durable() -> None:
    assert offenders() == []


def test_the_scan_sees_an_import() -> None:
    for source in ("import durable.lang\n", "from advisor.durable.lang import c\n", "from advisor import durable\n"):
        assert any(_is_durable(n) for n in _imports(ast.parse(source))), source
    assert not any(_is_durable(n) for n in _imports(ast.parse("from advisor.engine import Engine\n")))
    # the engine itself is found and allowed: the scan reads real files
    engine = ast.parse((ROOT / "advisor/engine.py").read_text(encoding="utf-8"))
    assert any(_is_durable(n) for n in _imports(engine))
