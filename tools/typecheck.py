"""Run ``mypy --strict`` over the product code laid out as it is installed.

``rules/`` and ``knowledge/`` are top-level folders in the repository but install as
``advisor.rules`` and ``advisor.knowledge_base`` (a setuptools package-dir mapping), which mypy
cannot follow. This tool builds the installed layout from symbolic links in a temporary folder
and runs mypy there with the ``[tool.mypy]`` settings of pyproject.toml.

    python tools/typecheck.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"rules": "rules", "knowledge_base": "knowledge"}  # advisor.<name> -> repository folder


def layout(into: Path) -> Path:
    """The installed ``advisor`` package as links into the repository."""
    package = into / "advisor"
    package.mkdir()
    for entry in (ROOT / "advisor").iterdir():
        if entry.name != "__pycache__":
            (package / entry.name).symlink_to(entry)
    for name, folder in MAPPED.items():
        (package / name).symlink_to(ROOT / folder)
    (into / "pyproject.toml").symlink_to(ROOT / "pyproject.toml")
    return package


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="advisor-typecheck-") as tmp:
        package = layout(Path(tmp))
        cache = Path(tmp) / ".mypy_cache"
        # The build tool (tools/build.py) is product code too, run by developers and tests.
        command = [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(cache),
            str(package.name),
            str(ROOT / "tools" / "build.py"),
        ]
        return subprocess.run(command, cwd=tmp, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
