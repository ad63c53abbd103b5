"""A crash in the rule engine's C code (SIGABRT, SIGSEGV) is one failed file: ``check`` exits 2
naming it, ``batch`` reviews and reports every other plan with either ``--jobs``, and the plans
reviewed after it are reviewed by a fresh worker.

No valid plan is known to crash the engine any more (tests/test_engine_crashes.py), so the
crash is injected: a wrapper script replaces the review of files named ``crash-*`` with a call
that aborts or dereferences NULL, then runs the command line. It runs in a subprocess, so that
a containment that fails takes that process down, not pytest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from advisor.render.problem import render as render_problem
from tests.conftest import EXAMPLES

SCRIPT = """
import ctypes, os, sys
from advisor import review
from advisor.cli import main

original = review.review_file

def crashing(path, *args, **kwargs):
    if os.path.basename(str(path)).startswith("crash-"):
        if sys.argv[1] == "abort":
            os.abort()
        ctypes.string_at(0)  # SIGSEGV
    return original(path, *args, **kwargs)

review.review_file = crashing
main(sys.argv[2:], prog_name="advisor")
"""


def _run(tmp_path: Path, how: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "crashing.py"
    script.write_text(SCRIPT, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), how, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a-good.yaml", "crash-one.yaml", "z-good.yaml"):
        shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", plans / name)
    return plans


@pytest.mark.parametrize("how, signal", [("abort", "SIGABRT"), ("segv", "SIGSEGV")])
def test_check_reports_a_crash_as_one_failed_file(tmp_path: Path, folder: Path, how: str, signal: str) -> None:
    crash, good = folder / "crash-one.yaml", folder / "z-good.yaml"
    done = _run(tmp_path, how, "check", str(crash), str(good), "--format", "json", "--lang", "en")
    assert done.returncode == 2, done.stderr[-1000:]
    report = json.loads(done.stdout)
    assert [r["file"] for r in report["reviews"]] == [str(good)]
    (failure,) = report["failures"]
    assert failure["file"] == str(crash) and signal in json.dumps(failure), failure
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_reviews_and_reports_every_other_plan(tmp_path: Path, folder: Path, jobs: str) -> None:
    report = tmp_path / "report.json"
    done = _run(tmp_path, "abort", "batch", str(folder), "--jobs", jobs, "-o", f"json={report}", "-q")
    assert done.returncode == 2, done.stderr[-1000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(r["file"].rsplit("/", 1)[1] for r in data["reviews"]) == ["a-good.yaml", "z-good.yaml"]
    assert [f["file"].rsplit("/", 1)[1] for f in data["failures"]] == ["crash-one.yaml"]
    # the plan reviewed after the crash, by a fresh worker, is reviewed as it is alone
    alone = _run(tmp_path, "abort", "check", str(folder / "z-good.yaml"), "--format", "json")
    (after,) = [r for r in data["reviews"] if r["file"].endswith("z-good.yaml")]
    (expected,) = json.loads(alone.stdout)["reviews"]
    assert after["findings"] == expected["findings"]


def test_an_error_of_ours_in_a_worker_is_one_failed_file_without_a_traceback(tmp_path: Path, folder: Path) -> None:
    script = tmp_path / "raising.py"
    script.write_text(
        "import sys\nfrom advisor import batch\nfrom advisor.cli import main\n"
        "def boom(result, formats, lang):\n    raise ValueError('render failed')\n"
        "batch.render_parts = boom\nmain(sys.argv[1:], prog_name='advisor')\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script), "check", str(folder / "a-good.yaml"), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr
    assert "the review failed on an internal error (ValueError('render failed'))" in done.stdout


def test_no_worker_process_is_every_file_failed_not_a_traceback(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from advisor import batch, isolation

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(isolation._Worker, "__init__", refuse)
    targets = batch.discover([folder]).targets
    outcome = batch.run(targets, jobs=2)
    assert outcome.reviews == () and len(outcome.failures) == 3
    assert "Resource temporarily unavailable" in render_problem(outcome.failures[0].problems[0], "en")
