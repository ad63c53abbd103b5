"""A real, non-editable install ships everything the advisor reads at run time.

The wheel is built from a copy of the source (so that the build leaves nothing in the working
tree), installed into a folder of its own, and run from an unrelated working directory: if
``knowledge/`` data, rule modules or templates were missing from the package data, the review
below would fail. Runs in the default suite (CI); it takes some seconds, not minutes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pyproject.toml", "README.md", "advisor", "rules", "knowledge")


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
    build = ["wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(source)]
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
    ):
        assert required in names, f"{required} is not in the wheel"
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
        "print(a.__file__, k.__file__, r.__file__)\n"
        "from advisor import knowledge as kb; assert kb._compiled(), 'compiled knowledge not found'"
    )
    where = _run(
        [sys.executable, "-c", probe],
        cwd=workdir,
        env=env,
    )
    assert where.returncode == 0, where.stderr
    assert all(Path(p).is_relative_to(site) for p in where.stdout.split()), where.stdout

    check = ["check", "plan.yaml", "--format", "json", "--lang", "en"]
    review = _run([sys.executable, "-m", "advisor", *check], workdir, env)
    assert review.returncode == 1, review.stdout + review.stderr  # the plan misses two pillars
    data = json.loads(review.stdout)
    rules_found = {f["rule"] for f in data["reviews"][0]["findings"]}
    assert "PH001" in rules_found
    assert all(f["message"] and f["recommendation"] for f in data["reviews"][0]["findings"])

    template = _run([sys.executable, "-m", "advisor", "init", "--lang", "en"], workdir, env)
    assert template.returncode == 0 and "partners:" in template.stdout, template.stderr
