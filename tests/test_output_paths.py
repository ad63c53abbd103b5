"""Where a report may go: a regular file or standard output. Everything else, and every file
the run reads, is refused in one line before any review; a report keeps the mode of the file it
replaces; a run's own report inside a reviewed folder is no plan for the next run."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import output
from advisor.cli import main
from tests.conftest import EXAMPLES


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", folder / "kopi.yaml")
    (folder / ".advisorignore").write_text("draft*\n", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _refused(args: list[str], target: str, says: str) -> None:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.output.strip().splitlines() == [f"{target}: {says}"], result.output[-300:]


@pytest.mark.parametrize(
    "where, says",
    [
        ("folder", "this is a folder; name a report file inside it"),
        ("/proc/self/status", "a report is written only to a regular file or to standard output"),
        ("/dev/null", "a report is written only to a regular file or to standard output"),
        ("fifo", "a report is written only to a regular file or to standard output"),
        ("kopi.yaml/r.json", "a folder on this path is a file"),
        ("x" * 300 + ".json", "this path or file name is too long for the file system"),
        ("kopi.yaml", "refusing to write a report over an input file"),
        (".advisorignore", "refusing to write a report over an input file"),
    ],
)
def test_places_a_report_cannot_go_are_refused_before_any_work(plans: Path, where: str, says: str) -> None:
    (plans / "folder").mkdir()
    os.mkfifo(plans / "fifo")
    target = where if where.startswith("/") else str(plans / where)
    before = _snapshot(plans)
    for command in (["check", str(plans / "kopi.yaml")], ["batch", str(plans), "-q"]):
        if where == ".advisorignore" and command[0] == "check":
            continue  # check reads no ignore file
        _refused([*command, "-o", f"json={target}"], target, f"{says}" + _tail(says))
    assert _snapshot(plans) == before


def _tail(says: str) -> str:
    full = {
        "a report is written only to a regular file or to standard output": " (`-`), not to a named pipe, a device or"
        " a system file",
    }
    return full.get(says, "")


def test_the_baseline_and_a_report_in_one_file_is_refused(plans: Path, tmp_path: Path) -> None:
    target = str(tmp_path / "x.json")
    _refused(
        ["batch", str(plans), "-q", "-o", f"json={target}", "--write-baseline", target],
        target,
        "two reports are requested for the same file",
    )
    assert not Path(target).exists()


def test_a_baseline_being_read_is_not_a_report_place(plans: Path, tmp_path: Path) -> None:
    known = tmp_path / "known.json"
    assert CliRunner().invoke(main, ["batch", str(plans), "-q", "--write-baseline", str(known)]).exit_code in (0, 1)
    before = known.read_bytes()
    _refused(
        ["batch", str(plans), "-q", "--baseline", str(known), "-o", f"json={known}"],
        str(known),
        "refusing to write a report over an input file",
    )
    assert known.read_bytes() == before


def test_a_folder_that_cannot_be_written_is_named(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root every folder is writable, so the read-only file system is simulated.
    monkeypatch.setattr(output, "_writable", lambda folder: False)
    monkeypatch.setattr(output, "_read_only", lambda folder: True)
    target = str(plans / "r.json")
    _refused(
        ["check", str(plans / "kopi.yaml"), "-o", f"json={target}"],
        target,
        "the report cannot be written (Read-only file system)",
    )


def test_a_report_keeps_the_mode_it_replaces_else_0666_less_the_umask(plans: Path, tmp_path: Path) -> None:
    kept, new = tmp_path / "kept.json", tmp_path / "new.json"
    kept.write_text("{}", encoding="utf-8")
    kept.chmod(0o640)
    old = os.umask(0o022)
    try:
        args = ["check", str(plans / "kopi.yaml"), "-o", f"json={kept}", "-o", f"json={new}"]
        assert CliRunner().invoke(main, args).exit_code in (0, 1)
    finally:
        os.umask(old)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert stat.S_IMODE(new.stat().st_mode) == 0o644


def test_a_report_inside_the_reviewed_folder_is_passed_over_by_the_next_run(plans: Path) -> None:
    args = ["batch", str(plans), "--format", "json", "-o", f"json={plans / 'report.json'}"]
    first, second = (CliRunner().invoke(main, [*args, "--lang", "en"]) for _ in range(2))
    assert first.exit_code == second.exit_code == 0, second.output
    assert first.stdout == second.stdout  # the same plans reviewed, the same report
    assert "report.json: a report this run writes" in second.stderr


def _advisor(*args: str, stdout: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args, "--lang", "en"],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        check=False,
    )


def test_standard_output_is_a_stream_never_replaced(plans: Path, tmp_path: Path) -> None:
    log = tmp_path / "run.log"
    log.write_text("earlier lines\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as handle:
        done = _advisor("check", str(plans / "kopi.yaml"), "-o", "text=/dev/stdout", stdout=handle)
    assert done.returncode in (0, 1), done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier lines\n") and len(text.splitlines()) > 5


def test_a_full_standard_output_is_one_line_and_exit_2(plans: Path) -> None:
    with open("/dev/full", "w") as full:
        for command in (["check", str(plans / "kopi.yaml")], ["batch", str(plans)]):
            done = _advisor(*command, stdout=full)
            assert done.returncode == 2
            assert done.stderr.strip() == "standard output: the report cannot be written (No space left on device)"
