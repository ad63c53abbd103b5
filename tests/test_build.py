"""The build tool (tools/build.py) makes knowledge/compiled.json and docs/; the advisor only
reads them and never imports the tool."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from advisor import knowledge
from tests.conftest import EXAMPLES, ROOT

TOOL = ROOT / "tools" / "build.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("advisor_build_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_files_are_up_to_date() -> None:
    """docs/ and knowledge/compiled.json are made from the rules, the model and the knowledge
    files; run ``python tools/build.py`` after changing any of them."""
    tool = _tool()
    names = {path.relative_to(ROOT).as_posix() for path in tool.generated()}
    assert names == {
        "docs/rules.md",
        "docs/rules.id.md",
        "docs/plan.schema.json",
        "docs/plan-format.md",
        "docs/plan-format.id.md",
        "knowledge/compiled.json",
    }
    stale = [str(path.relative_to(ROOT)) for path in tool.stale()]
    assert not stale, f"out of date: {stale}; run python tools/build.py"


def test_a_broken_knowledge_file_stops_the_build_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge.KNOWLEDGE_DIR, copy)
    (copy / "coverage.yaml").write_text("full: 100\nrules:\n  PH001: {level: zero}\n", encoding="utf-8")
    monkeypatch.setattr(knowledge, "KNOWLEDGE_DIR", copy)
    knowledge._loaded.cache_clear()
    try:
        assert _tool().main(["--check"]) == 2
    finally:
        knowledge._loaded.cache_clear()
    err = capsys.readouterr().err
    assert err == "knowledge/coverage.yaml:3:11: rules.PH001.level: expected int, found str\n"


@pytest.mark.slow
def test_the_tool_writes_what_the_repository_holds_and_check_names_a_stale_file(tmp_path: Path) -> None:
    # The tool writes next to itself: a copy in an empty tree writes every generated file there.
    (tmp_path / "tools").mkdir()
    (tmp_path / "knowledge").mkdir()
    shutil.copy2(TOOL, tmp_path / "tools" / "build.py")
    command = [sys.executable, str(tmp_path / "tools" / "build.py")]
    written = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert written.returncode == 0, written.stderr
    tool = _tool()
    for path in tool.generated():
        relative = path.relative_to(ROOT)
        assert (tmp_path / relative).read_bytes() == path.read_bytes(), relative
        assert f"wrote {relative}" in written.stdout
    assert subprocess.run([*command, "--check"], capture_output=True, timeout=300).returncode == 0
    (tmp_path / "docs" / "rules.md").write_text("edited by hand\n", encoding="utf-8")
    checked = subprocess.run([*command, "--check"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 1
    assert checked.stdout == "docs/rules.md is out of date: run python tools/build.py\n"


@pytest.mark.slow
def test_the_advisor_never_imports_the_build_tool() -> None:
    # A check in a fresh process, as a user runs it: no module of tools/ is loaded, and the
    # catalogue module has no writer left.
    code = f"""
import sys
from advisor.cli import main
try:
    main(["check", {str(EXAMPLES / "desa-wisata-kopi.yaml")!r}])
except SystemExit as exit:
    assert exit.code == 0, exit.code
from advisor import catalogue, knowledge
tools = {str(ROOT / "tools")!r}
loaded = [name for name, module in sys.modules.items() if (getattr(module, "__file__", None) or "").startswith(tools)]
writers = [n for n in ("generated_docs", "stale_docs", "main") if hasattr(catalogue, n)]
print(json.dumps([loaded, writers, hasattr(knowledge, "compiled_text"), "advisor_build_tool" in sys.modules]))
"""
    done = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [[], [], False, False]
