"""Every view is a renderer in ``advisor/render/``, registered once (``advisor.render.VIEWS``);
the CLI takes its views from the registry; a renderer reads only what it is given."""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib
import inspect
import os
import pathlib
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor import explain, knowledge
from advisor.findings import Outcome
from advisor.render import FORMATS, VIEWS, names, view
from advisor.review import Settings, review_file
from tests.conftest import EXAMPLES

ADVISOR = Path(__file__).resolve().parent.parent / "advisor"
# The modules that hold what a view shows (the model), not how it is shown.
MODELS = ("catalogue", "explain", "diff", "exercise", "batch", "problems", "findings")


def test_every_view_has_a_kind_a_name_an_extension_and_a_renderer() -> None:
    assert len({(v.kind, v.name) for v in VIEWS}) == len(VIEWS), "a view registered twice"
    for entry in VIEWS:
        assert entry.kind and entry.name, entry
        assert entry.extension.startswith(".") and len(entry.extension) > 1, entry
        module, _, function = entry.target.partition(":")
        assert module.startswith("advisor.render."), entry  # every renderer lives in advisor/render/
        assert callable(getattr(importlib.import_module(module), function)), entry
        assert view(entry.kind, entry.name) is getattr(importlib.import_module(module), function)


def test_the_registry_holds_every_kind_of_view() -> None:
    kinds = {v.kind for v in VIEWS}
    assert {"report", "catalogue", "explain", "explained", "diff", "batch-summary", "problem", "schema"} <= kinds
    assert {k for k in kinds if k.startswith("exercise-")} == {
        "exercise-plan",
        "exercise-list",
        "exercise-choices",
        "exercise-result",
    }
    assert set(FORMATS) | {"xlsx"} == set(names("report"))
    assert set(names("catalogue")) == set(names("explain")) == {"text", "markdown", "json"}
    with pytest.raises(KeyError, match="known: text, json"):
        view("diff", "html")


def _cli_modules() -> list[Path]:
    return sorted((ADVISOR / "cli").glob("*.py"))


def test_the_cli_takes_every_view_from_the_registry() -> None:
    """No CLI module imports a renderer module or a render function directly, nor calls a
    ``render_*`` function of another module: each view is ``view(kind, name)``."""
    offences = []
    for path in _cli_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith("advisor.render."):  # the registry (advisor.render) is the way
                    offences.append(f"{path.name}:{node.lineno} imports {node.module}")
                offences += [
                    f"{path.name}:{node.lineno} imports {a.name} from {node.module}"
                    for a in node.names
                    if a.name.startswith("render")
                    and node.module.startswith("advisor.")
                    and node.module != "advisor.render"
                ]
            elif isinstance(node, ast.Import):
                offences += [
                    f"{path.name}:{node.lineno} imports {a.name}"
                    for a in node.names
                    if a.name.startswith("advisor.render.")
                ]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("render_"):
                offences.append(f"{path.name}:{node.lineno} calls .{node.attr}")
    assert offences == []


def test_the_check_is_not_blind() -> None:
    """The CLI check above finds what it looks for (as the CLI was before the registry)."""
    before = "from advisor.render.text import render as render_text\nlibrary.render_json(revision, lang)\n"
    tree = ast.parse(before)
    found = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module.startswith("advisor.render.")]
    found += [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr.startswith("render_")]
    assert len(found) == 2


def test_the_models_hold_no_rendering() -> None:
    """What stays in the model modules is the data a view shows: no render function, no
    colour (click), no renderer imported."""
    for name in MODELS:
        tree = ast.parse((ADVISOR / f"{name}.py").read_text(encoding="utf-8"))
        functions = [n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        # batch.render_parts has a worker render its reviews through the registry (part_renderer)
        rendering = [f for f in functions if f.startswith("render") or f == "trace_lines"]
        assert rendering == (["render_parts"] if name == "batch" else []), name
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert "click" not in imported, name
        # advisor.render itself (the registry) is allowed: catalogue.py renders the docs through it
        assert not {m for m in imported if m and m.startswith("advisor.render.")}, name


# --- a renderer reads only what it is given ---------------------------------------------------


class ReadDuringRender(AssertionError):
    """Not an OSError: a renderer that swallowed a failed read (and quoted nothing) is caught too."""


@contextlib.contextmanager
def no_reading() -> Iterator[None]:
    """Opening or reading any file raises inside the block (and only there: pytest reads files
    to report a failure). Only a scratch folder of the block's own is open: openpyxl builds a
    workbook through a temporary file of its own, which is not reading a plan."""
    real_open, real_path_open = builtins.open, pathlib.Path.open
    with tempfile.TemporaryDirectory() as scratch, pytest.MonkeyPatch.context() as patch:

        def scratch_only(opener: Any) -> Any:
            def guarded(target: Any, *args: Any, **kwargs: Any) -> Any:
                if isinstance(target, str | os.PathLike) and os.fspath(target).startswith(scratch + os.sep):
                    return opener(target, *args, **kwargs)
                raise ReadDuringRender(f"a file was opened while rendering: {target}")

            return guarded

        patch.setattr(tempfile, "tempdir", scratch)
        patch.setattr(builtins, "open", scratch_only(real_open))
        patch.setattr(pathlib.Path, "open", scratch_only(real_path_open))
        yield


def _warm_knowledge() -> None:
    """The knowledge is data loaded once per process (advisor.knowledge caches each file): load
    it all before rendering, so that what the test catches is a renderer going to a file."""
    for _, function in inspect.getmembers(knowledge, callable):
        if hasattr(function, "cache_info") and not inspect.signature(function).parameters:
            function()
    from advisor import rules
    from advisor.render import html

    rules.all_rules()
    environment = html._environment()
    for template in environment.list_templates():
        environment.get_template(template)
    for entry in VIEWS:  # imported now: an import reads a module, not a plan
        importlib.import_module(entry.target.partition(":")[0])


@pytest.fixture(scope="module")
def loaded() -> Outcome:
    settings = Settings(keep_facts=True)
    plans = sorted(EXAMPLES.glob("*.yaml"))[:3]
    return explain.traced(Outcome(tuple(review_file(p, settings, display=str(p)) for p in plans)))


@pytest.mark.parametrize("name", names("report"))
def test_rendering_a_loaded_outcome_reads_no_file(name: str, loaded: Outcome) -> None:
    assert any(f.lines for r in loaded.reviews for f in r.findings)  # lines to quote are there
    _warm_knowledge()
    for lang in ("id", "en"):
        with no_reading():
            out = view("report", name)(loaded, lang)
        assert out


def test_the_explained_report_reads_no_file(loaded: Outcome) -> None:
    _warm_knowledge()
    with no_reading():
        text = view("explained", "text")(loaded, "en")
    assert "Reasoning trace" in text


def test_the_no_reading_check_catches_a_read(loaded: Outcome) -> None:
    """The guard is not blind: a read of the plan file during rendering fails the render."""
    plan = loaded.reviews[0].file
    reads = (
        lambda: Path(plan).read_text(encoding="utf-8"),
        lambda: Path(plan).read_bytes(),
        lambda: open(plan).close(),
    )
    for read in reads:
        with pytest.raises(ReadDuringRender), no_reading():
            read()


def test_the_renderers_do_not_import_the_core() -> None:
    """A renderer gets its data made: importing every registered renderer loads neither the
    review, the engine, the loader, the batch runner nor the explanation's maker."""
    code = (
        "import importlib, sys\n"
        "from advisor.render import VIEWS\n"
        "for v in VIEWS: importlib.import_module(v.target.partition(':')[0])\n"
        "core = ('advisor.review', 'advisor.engine', 'advisor.loader', 'advisor.batch', 'advisor.explain', 'durable')\n"
        "print(','.join(m for m in core if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
