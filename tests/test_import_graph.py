"""The shape of the code, read from the source with ``ast``: the ``advisor.*`` modules import
one another without a cycle, and the command line (``advisor/cli/``) reaches the core only
through the API (advisor/api.py), as black's and ruff's command lines do: it parses options,
calls the API, renders and maps the outcome to an exit code.

Imports inside functions count as much as those at the top of a module: a late import hides
a dependency from a reader, not from the graph.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Source folder -> the package it installs as (pyproject.toml's package-dir mapping).
PACKAGES = {"advisor": "advisor", "rules": "advisor.rules"}
VENDORED = "advisor.durable"  # durable-rules' own code, built into the package: not ours to shape

# What a module under advisor/cli/ may import besides the other CLI modules. A name ending in
# ".*" allows the package and everything in it. Anything else (advisor.review, advisor.engine,
# advisor.facts, advisor.batch, advisor.config, advisor.loader, advisor.validate, ...) is the
# core's business, reached through advisor.api.
CLI_MAY_IMPORT = {
    "advisor": "the package itself: __version__ for --version",
    "advisor.api": "the core call: check, review, load, resolve settings",
    "advisor.settings": "Options and Settings, what a caller hands the API",
    "advisor.render.*": "the renderers: every report format",
    "advisor.texts": "the words of every message, in both languages",
    "advisor.terminal": "terminal helpers: the name a file is shown by, one-line messages",
    "advisor.problems": "the problems the API raises (InputError), printed one a line",
    "advisor.findings": "Outcome and Review, the data handed to the renderers",
    "advisor.output": "where reports may be written, and writing them atomically: the CLI's own I/O",
    "advisor.signals": "SIGTERM and Ctrl-C turned into exit codes around a command",
    "advisor.knowledge": "`init`'s template text and Click's translated messages are knowledge data",
    "advisor.catalogue": "`rules` and `explain`: the rule catalogue, no review",
    "advisor.rules": "`rules --family`: the registry's family codes (the package, not the rule modules)",
    "advisor.explain": "`explain`: a rule's explanation",
    "advisor.diff": "`diff`: compares two reviews the API made",
    "advisor.exercise": "`exercise`: picks an exercise and scores the answer against the API's review",
    "advisor.schema": "`schema`: the JSON Schema of the plan format",
    "advisor.sources.convert": "`convert`: a plan's data written in another file form",
    "advisor.sources.registry": "`convert`: which language a plan's keys are written in",
}


def _module_name(path: Path) -> str:
    folder, *rest = path.relative_to(ROOT).with_suffix("").parts
    parts = [PACKAGES[folder], *rest]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    found = {}
    for folder in PACKAGES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = _module_name(path)
            if name != VENDORED and not name.startswith(VENDORED + "."):
                found[name] = path
    return found


def _imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    """Every name an import statement anywhere in ``tree`` brings in, made absolute; for
    ``from a import b``, ``a.b`` (the module ``a.b``, or a name in the module ``a``)."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *([base] if base else [])])
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """``advisor.*`` module -> the ``advisor.*`` modules it imports (the nearest module that
    exists for a name such as ``advisor.rules.base.SEVERITY_RANK``)."""
    sources = _sources()
    graph: dict[str, set[str]] = {}
    for module, path in sources.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = set()
        for name in _imported(tree, module, path.name == "__init__.py"):
            while name and name not in sources:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as the path that closes it (``[a, b, a]``), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def _allowed_for_cli(target: str) -> bool:
    if target == "advisor.cli" or target.startswith("advisor.cli."):
        return True
    for name in CLI_MAY_IMPORT:
        if name.endswith(".*"):
            package = name[:-2]
            if target == package or target.startswith(package + "."):
                return True
        elif target == name:
            return True
    return False


def cli_violations(graph: dict[str, set[str]]) -> list[str]:
    """``cli module -> core module`` for each import the command line may not make."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if module == "advisor.cli" or module.startswith("advisor.cli.")
        for target in targets
        if not _allowed_for_cli(target)
    )


# --- the checks ---------------------------------------------------------------------------------


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    # A module-level import, a function-level one, a relative-free `from advisor import x`, and
    # a rule module read through the package-dir mapping.
    assert "advisor.review" in graph["advisor.api"] or "advisor.batch" in graph["advisor.api"]
    assert "advisor.rule_reads" in graph["advisor.assess"]  # imported inside inferred()
    assert "advisor.rules.base" in graph["advisor.rules.pentahelix"]
    assert "advisor.cli.check" in graph and "advisor.api" in graph["advisor.cli.check"]
    assert not any(module.startswith(VENDORED) for module in graph)


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_command_line_reaches_the_core_only_through_the_api() -> None:
    assert cli_violations(import_graph()) == []


def test_every_allowed_cli_import_exists_and_says_why() -> None:
    sources = _sources()
    for name, reason in CLI_MAY_IMPORT.items():
        assert name.removesuffix(".*") in sources, name
        assert len(reason.split()) >= 3, name


def test_a_cycle_is_found_and_named() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"a"}}) == ["a", "a"]


def test_a_cli_import_of_the_core_is_reported() -> None:
    graph = {
        "advisor.cli.check": {"advisor.api", "advisor.render.text", "advisor.cli.common", "advisor.review"},
        "advisor.cli.batch": {"advisor.batch", "advisor.settings"},
        "advisor.review": {"advisor.engine"},  # the core may import the core
    }
    assert cli_violations(graph) == ["advisor.cli.batch -> advisor.batch", "advisor.cli.check -> advisor.review"]


def test_function_level_imports_count() -> None:
    tree = ast.parse("def f():\n    from advisor import engine\n    import advisor.facts.notices\n")
    assert {"advisor.engine", "advisor.facts.notices"} <= set(_imported(tree, "advisor.x", False))
    relative = ast.parse("from .base import Rule\nfrom . import loader\n")
    assert {"advisor.rules.base.Rule", "advisor.rules.loader"} <= set(_imported(relative, "advisor.rules.x", False))
