"""What the tool guarantees (README, "Guarantees"): the input files are never modified, reports
are written atomically, the same inputs give byte-identical reports whatever the run, the
worker count or the order the files are listed, and one plan's review leaves nothing behind
that changes the next one's."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.problems import InputError
from advisor.render import FORMATS
from advisor.review import review_file
from advisor.settings import Settings
from tests.conftest import EXAMPLES

PLANS = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in {".yaml", ".yml", ".json"})
REPORT_FORMATS = [f for f in ("json", "sarif", "html", "markdown", "junit", "csv", "text") if f in FORMATS]


def _snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under ``folder``: content hash, modification time and mode."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            out[str(path.relative_to(folder))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                info.st_mtime_ns,
                info.st_mode,
            )
    return out


def _o(outputs: list[str]) -> list[str]:
    return list(itertools.chain(*(("-o", o) for o in outputs)))


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A copy of examples/ (with its broken batch file) as the folder under review."""
    folder = tmp_path / "usulan"
    shutil.copytree(EXAMPLES, folder, copy_function=shutil.copy2)
    return folder


def test_check_and_batch_never_modify_the_inputs(inputs: Path, tmp_path: Path) -> None:
    before = _snapshot(inputs)
    plans = sorted(str(p) for p in inputs.rglob("*") if p.suffix in {".yaml", ".json"})
    reports = tmp_path / "laporan"
    outputs = [f"{fmt}={reports / ('check.' + fmt)}" for fmt in REPORT_FORMATS]
    result = CliRunner().invoke(main, ["check", *plans, *_o(outputs)])
    assert result.exit_code == 2, result.output  # examples/batch holds one broken file
    outputs = [f"{fmt}={reports / ('batch.' + fmt)}" for fmt in REPORT_FORMATS]
    for jobs in ("1", "2"):
        result = CliRunner().invoke(
            main,
            [
                "batch",
                str(inputs),
                "-q",
                "--jobs",
                jobs,
                "--write-baseline",
                str(reports / "baseline.json"),
                *_o(outputs),
            ],
        )
        assert result.exit_code == 2, result.output
    assert _snapshot(inputs) == before
    assert {p.name for p in reports.iterdir()} >= {f"batch.{fmt}" for fmt in REPORT_FORMATS}


def test_a_report_is_never_written_over_an_input(inputs: Path) -> None:
    plan = inputs / "desa-wisata-kopi.yaml"
    before = _snapshot(inputs)
    for command in (["check", str(plan)], ["batch", str(inputs), "-q"]):
        result = CliRunner().invoke(main, [*command, "-o", f"json={plan}"])
        assert result.exit_code == 2, result.output
    assert _snapshot(inputs) == before


# --- atomic reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["while writing", "while renaming"])
def test_an_interrupted_run_leaves_the_old_report_whole(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    from advisor import output as common

    out = tmp_path / "laporan"
    out.mkdir()
    report = out / "review.json"
    report.write_text('{"old": "report"}\n', encoding="utf-8")

    if where == "while writing":
        real_fdopen = os.fdopen

        class Half:
            def __init__(self, handle):  # type: ignore[no-untyped-def]
                self.handle = handle

            def __enter__(self):  # type: ignore[no-untyped-def]
                return self

            def __exit__(self, *exc):  # type: ignore[no-untyped-def]
                self.handle.close()

            def write(self, text: str) -> int:
                self.handle.write(text[: len(text) // 2])
                self.handle.flush()
                raise KeyboardInterrupt  # Ctrl-C halfway through the report

        monkeypatch.setattr(common.os, "fdopen", lambda fd, *a, **k: Half(real_fdopen(fd, *a, **k)))
    else:

        def no_rename(src: str, dst: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(common.os, "replace", no_rename)
    plan = inputs / "desa-wisata-kopi.yaml"
    result = CliRunner().invoke(main, ["check", str(plan), "-o", f"json={report}"])
    assert result.exit_code != 0
    assert report.read_text(encoding="utf-8") == '{"old": "report"}\n'
    assert [p.name for p in out.iterdir()] == ["review.json"], "no temporary file is left behind"


def test_a_completed_run_replaces_the_report(inputs: Path, tmp_path: Path) -> None:
    report = tmp_path / "review.json"
    report.write_text("lama\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(inputs / "desa-wisata-kopi.yaml"), "-o", f"json={report}"])
    assert result.exit_code in (0, 1), result.output
    assert report.read_text(encoding="utf-8").startswith("{")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".review")] == []


# --- determinism --------------------------------------------------------------------------------


def _advisor(*args: str, seed: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def _reports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_batch_reports_are_byte_identical_across_runs_jobs_and_order(inputs: Path, tmp_path: Path) -> None:
    """Separate processes with different hash seeds; --jobs 1 and 2; the folders listed in
    either order."""
    batch = inputs / "batch"
    rest = tmp_path / "lain"
    rest.mkdir()
    for plan in ("desa-wisata-kopi.yaml", "peran-kabur.yaml", "bus-listrik-surabaya.json"):
        shutil.copy2(inputs / plan, rest / plan)
    runs = {
        "jobs1": ("1", "0", [batch, rest]),
        "jobs2": ("2", "12345", [batch, rest]),
        "reversed": ("2", "999", [rest, batch]),
    }
    seen = {}
    for name, (jobs, seed, folders) in runs.items():
        out = tmp_path / name
        out.mkdir()
        outputs = list(itertools.chain(*(("-o", f"{fmt}={out / ('report.' + fmt)}") for fmt in REPORT_FORMATS)))
        # relative folder names, so that the reports name the same files in every run
        done = _advisor("batch", *(str(f.relative_to(tmp_path)) for f in folders), "-q", "--jobs", jobs, *outputs,
                        seed=seed, cwd=tmp_path)  # fmt: skip
        assert done.returncode == 2, done.stderr  # examples/batch/06-rusak.yaml is broken on purpose
        assert "Traceback" not in done.stderr
        seen[name] = _reports(out)
    assert seen["jobs1"] == seen["jobs2"] == seen["reversed"]
    assert set(seen["jobs1"]) == {f"report.{fmt}" for fmt in REPORT_FORMATS}


def test_check_gives_the_same_bytes_whatever_the_order_of_the_files(inputs: Path, tmp_path: Path) -> None:
    names = ["desa-wisata-kopi.yaml", "peran-kabur.yaml", "mangrove-demak-en.yaml", "batch/06-rusak.yaml"]
    seen = []
    for seed, order in (("1", names), ("2", names[::-1])):
        out = tmp_path / f"order{seed}"
        out.mkdir()
        outputs = list(itertools.chain(*(("-o", f"{fmt}={out / ('report.' + fmt)}") for fmt in REPORT_FORMATS)))
        done = _advisor("check", *order, *outputs, seed=seed, cwd=inputs)
        assert done.returncode == 2, done.stderr
        seen.append(_reports(out))
    assert seen[0] == seen[1]


# --- no state leaks between plans in one process ---------------------------------------------------


def _alone(path: Path) -> object:
    """A review in a process that has reviewed nothing else."""
    try:
        review = review_file(path, Settings(keep_facts=True), display=path.name)
    except InputError as err:
        return ("failed", tuple(err.problems))
    return (review, [f.facts for f in review.findings])


def _here(path: Path) -> object:
    return _alone(path)


def test_a_review_does_not_depend_on_the_plan_reviewed_before() -> None:
    """Every ordered pair of examples: A then B in this process gives for B exactly what B
    gives in a fresh process (one process per plan, so nothing is shared)."""
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn"), max_tasks_per_child=1) as pool:
        reference = dict(zip(PLANS, pool.map(_alone, PLANS), strict=True))
    assert len(PLANS) >= 5
    for first, second in itertools.permutations(PLANS, 2):
        _here(first)
        assert _here(second) == reference[second], f"{second.name} after {first.name}"


def test_which_words_a_match_quotes_does_not_depend_on_the_hash_seed() -> None:
    # A word's lemmas were a set: "pewarnaan/warnanya" in one process, "pewarnaan/pewarnaan" in
    # another (check --explain shows the words a role was matched on).
    script = (
        "import yaml\n"
        "from advisor.text.matching import match, overlap\n"
        f"plan = yaml.safe_load(open({str(EXAMPLES / 'indikator-tidak-terukur.yaml')!r}, encoding='utf-8'))\n"
        "tasks = [t for p in plan['partners'] for t in p.get('responsibilities', [])]\n"
        "for a in plan['activities']:\n"
        "    for t in tasks:\n"
        "        print(match(a['name'], t).words, overlap(a['name'], t).words)\n"
    )
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        seen.add(done.stdout)
    assert len(seen) == 1
