"""A real, non-editable install ships everything the advisor reads at run time.

The wheel is built from a copy of the source (so that the build leaves nothing in the working
tree) the way pip builds it for a user: in an isolated build environment, which fetches the
engine's sdist through pip, checks its hash, patches it and compiles it (setup.py,
build_support/). It is installed into a folder of its own and run from an unrelated working
directory: if ``knowledge/`` data, rule modules, templates or the engine were missing from the
wheel, the review below would fail. Runs in the default suite (CI); it takes some seconds, not
minutes.

The unified-diff reader that applies the engine's patch is tested here too.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "build_support", "advisor", "rules", "knowledge")
sys.path.insert(0, str(ROOT / "build_support"))
import durable_engine  # noqa: E402  (build_support/ is not a package: setup.py imports it the same way)


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)


def test_wheel_installs_and_reviews_a_plan_from_elsewhere(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, source / name)

    wheels = tmp_path / "wheels"
    # Build isolation, as for a user: a Python 3.13 venv has no setuptools of its own.
    build = ["wheel", "--no-deps", "-q", "-w", str(wheels), str(source)]
    built = _run(
        [sys.executable, "-m", "pip", *build],
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("pentahelix_advisor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "advisor/knowledge_base/plan_format.yaml",
        "advisor/knowledge_base/compiled.json",
        "advisor/knowledge_base/texts/errors.yaml",
        "advisor/knowledge_base/templates/kinds.yaml",
        "advisor/knowledge_base/templates/plan.id.yaml",
        "advisor/rules/__init__.py",
        "advisor/rules/pentahelix.py",
        "advisor/durable/__init__.py",
        "advisor/durable/lang.py",
        "advisor/durable/engine.py",
        "advisor/durable/LICENSE",
    ):
        assert required in names, f"{required} is not in the wheel"
    (native,) = [n for n in names if n.startswith("advisor/durable/durable_rules_engine.")]
    assert native.endswith((".so", ".pyd")), native
    with zipfile.ZipFile(wheel) as archive:
        # The engine is built from the patched sdist: no call to the C function 3.13 removed,
        # and the Python wrapper imports the extension from inside the advisor namespace.
        assert b"PyEval_CallObject" not in archive.read(native)
        assert b"PyObject_CallObject" in archive.read(native)
        assert "from . import durable_rules_engine" in archive.read("advisor/durable/engine.py").decode()
        assert "Copyright (c) 2013 Jesus Ruiz" in archive.read("advisor/durable/LICENSE").decode()
    assert any(n.startswith("advisor/knowledge_base/texts/rules/") for n in names)
    # One import name in site-packages: generic names such as `rules` belong to nobody.
    top_level = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top_level == {"advisor"}, top_level

    site = tmp_path / "site"
    installed = _run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)], cwd=tmp_path
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    # Run from a folder that holds only the plan: nothing can come from the repository.
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    shutil.copy(ROOT / "examples" / "pilar-tidak-lengkap.yaml", workdir / "plan.yaml")
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    probe = (
        "import advisor as a, advisor.knowledge_base as k, advisor.rules as r\n"
        "from advisor.durable import durable_rules_engine as e, lang as d\n"
        "print(a.__file__, k.__file__, r.__file__, e.__file__, d.__file__)\n"
        "from advisor import knowledge as kb; assert kb._compiled(), 'compiled knowledge not found'"
    )
    where = _run(
        [sys.executable, "-c", probe],
        cwd=workdir,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    assert len(where.stdout.split()) == 5
    assert all(Path(p).is_relative_to(site) for p in where.stdout.split()), where.stdout
    # Only the advisor: no top-level `durable` or `durable_rules_engine` beside it.
    importable = {p.name for p in site.iterdir() if not p.name.endswith(".dist-info")} - {"bin"}  # bin: the script
    assert importable == {"advisor"}, importable

    check = ["check", "plan.yaml", "--format", "json", "--lang", "en"]
    review = _run([sys.executable, "-m", "advisor", *check], workdir, env)
    assert review.returncode == 1, review.stdout + review.stderr  # the plan misses two pillars
    data = json.loads(review.stdout)
    rules_found = {f["rule"] for f in data["reviews"][0]["findings"]}
    assert "PH001" in rules_found
    assert all(f["message"] and f["recommendation"] for f in data["reviews"][0]["findings"])

    template = _run([sys.executable, "-m", "advisor", "init", "--lang", "en"], workdir, env)
    assert template.returncode == 0 and "partners:" in template.stdout, template.stderr


# The engine's patch is applied by build_support/durable_engine.py; its diff reader is strict.

ORIGINAL = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
DIFF = """Free text before the first file is a comment.
--- a/src/x.c
+++ b/src/x.c
@@ -2,3 +2,3 @@
 two
-three
+THREE
 four
@@ -6,2 +6,3 @@
 six
+six and a half
 seven
"""


def test_patch_changes_exactly_what_the_diff_says(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    target = tmp_path / "src" / "x.c"
    target.write_text(ORIGINAL)
    assert durable_engine.apply_patch(DIFF, tmp_path) == ["src/x.c"]
    assert target.read_text() == "one\ntwo\nTHREE\nfour\nfive\nsix\nsix and a half\nseven\n"


def test_patch_keeps_windows_line_endings(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    target = tmp_path / "src" / "x.c"
    target.write_bytes(ORIGINAL.replace("\n", "\r\n").encode())
    durable_engine.apply_patch(DIFF, tmp_path)
    assert target.read_bytes() == b"one\r\ntwo\r\nTHREE\r\nfour\r\nfive\r\nsix\r\nsix and a half\r\nseven\r\n"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (ORIGINAL.replace("three", "3"), "line 3 is not what the patch expects"),  # another release
        (ORIGINAL.replace("two\n", ""), "line 2 is not what the patch expects"),  # lines moved
    ],
)
def test_patch_refuses_a_file_it_does_not_fit(tmp_path: Path, source: str, reason: str) -> None:
    (tmp_path / "src").mkdir()
    target = tmp_path / "src" / "x.c"
    target.write_text(source)
    with pytest.raises(durable_engine.BuildError, match=reason):
        durable_engine.apply_patch(DIFF, tmp_path)


def test_patch_refuses_paths_outside_the_sdist(tmp_path: Path) -> None:
    (tmp_path / "inside").mkdir()
    (tmp_path / "x.c").write_text(ORIGINAL)
    escaping = DIFF.replace("a/src/x.c", "a/../x.c").replace("b/src/x.c", "b/../x.c")
    with pytest.raises(durable_engine.BuildError, match="no file"):
        durable_engine.apply_patch(escaping, tmp_path / "inside")
    assert (tmp_path / "x.c").read_text() == ORIGINAL


def test_the_engine_patch_touches_only_what_its_header_names() -> None:
    patch = durable_engine.PATCH.read_text(encoding="utf-8")
    files = [line[6:] for line in patch.splitlines() if line.startswith("+++ b/")]
    assert files == ["libpy/durable/engine.py", "src/rulespy/rules.c"]
    removed = [line[1:].strip() for line in patch.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert sum("PyEval_CallObject(" in line for line in removed) == 5
    assert "PyEval_CallObject" not in "".join(
        line for line in patch.splitlines() if line.startswith("+") and not line.startswith("+++")
    )


def test_a_wrong_sdist_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / durable_engine.SDIST_NAME
    fake.write_bytes(b"not the pinned file")
    monkeypatch.setenv(durable_engine.SDIST_ENV, str(fake))
    target = tmp_path / "build" / "durable-engine"
    with pytest.raises(durable_engine.BuildError, match="is not the pinned"):
        durable_engine.prepare_engine(target)
    assert not target.exists()


def test_a_prepared_engine_is_not_fetched_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "durable-engine"
    monkeypatch.setenv(durable_engine.SDIST_ENV, str(tmp_path / "missing.tar.gz"))  # a fetch would fail
    target.mkdir()
    patch_hash = hashlib.sha256(durable_engine.PATCH.read_bytes()).hexdigest()
    stamp = f"{durable_engine.LAYOUT} {durable_engine.SDIST_SHA256} {patch_hash}\n"
    (target / durable_engine.STAMP).write_text(stamp)
    assert durable_engine.prepare_engine(target) == target
    (target / durable_engine.STAMP).write_text("an older patch\n")  # a changed patch is applied afresh
    with pytest.raises(durable_engine.BuildError, match="no such file"):
        durable_engine.prepare_engine(target)


def test_every_package_of_the_source_tree_is_listed_for_the_wheel() -> None:
    # An editable install finds a package that pyproject.toml forgets (its finder maps the
    # folders), so only a non-editable install would notice: advisor/facts and advisor/text once
    # installed without their code. Checked here against the folders themselves.
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "advisor").rglob("__init__.py")}
    mapped = {"advisor.rules", "advisor.knowledge_base", "advisor.durable"}  # package-dir mapping
    assert found - listed == set(), f"packages missing from pyproject.toml: {sorted(found - listed)}"
    assert listed - found - mapped == set(), f"listed packages with no folder: {sorted(listed - found - mapped)}"
