"""Builds the engine (durable-rules 2.0.28, patched) inside the advisor package.

Everything else about the package is declared in pyproject.toml. The engine's source is
prepared first (build_support/durable_engine.py: fetched through pip, hash checked, patched),
because pyproject.toml maps the package ``advisor.durable`` into it and setuptools reads that
mapping in every build step. The C extension is compiled from all of durable-rules' C files at
once (durable-rules' own setup.py links them as a static library first; the result is the same
module).
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "build_support"))
from durable_engine import TARGET, BuildError, prepare_engine  # noqa: E402

try:
    prepare_engine(ROOT / TARGET)
except BuildError as exc:  # a sentence for the person installing, not a traceback
    raise SystemExit(f"error: the rule engine cannot be built: {exc}") from None

source = TARGET.as_posix()
if sys.platform == "win32":
    flags: list[str] = []  # MSVC: its defaults are what durable-rules' setup.py gets there too
elif sys.platform == "darwin":
    flags = ["-std=c99", "-D_GNU_SOURCE", "-fcommon"]  # as durable-rules' setup.py
else:
    flags = ["-std=c99", "-D_GNU_SOURCE"]

engine = Extension(
    "advisor.durable.durable_rules_engine",
    sources=[f"{source}/src/rulespy/rules.c"]
    + [f"{source}/src/rules/{name}.c" for name in ("json", "rete", "state", "events", "regex")],
    include_dirs=[f"{source}/src/rules"],
    extra_compile_args=flags,
)

setup(ext_modules=[engine])
