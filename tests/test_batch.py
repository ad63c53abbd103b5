"""``advisor batch``: discovery, failed files, parallel runs that give identical results, the
summary, and reports written with --output."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import isolation
from advisor.batch import discover, run
from advisor.cli import main
from advisor.render.batch_summary import skipped_line
from tests.conftest import EXAMPLES
from tests.test_config import DOMINANT
from tests.test_suppress import PLAN


def _yaml(path: Path, plan: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "usulan"
    _yaml(root / "a-desa.yaml", PLAN)
    _yaml(root / "kabupaten" / "b-dominan.yml", DOMINANT)
    (root / "kabupaten" / "c.json").write_text(json.dumps({**PLAN, "title": "JSON"}), encoding="utf-8")
    (root / "rusak.yaml").write_text("title: [tanpa penutup\n", encoding="utf-8")
    (root / "catatan.md").write_text("catatan rapat\n", encoding="utf-8")
    _yaml(root / "draf" / "lama.yaml", PLAN)
    _yaml(root / "arsip" / "x.yaml", PLAN)
    _yaml(root / ".git" / "config.yaml", PLAN)
    (root / ".advisorignore").write_text("# drafts are not proposals yet\ndraf/\n", encoding="utf-8")
    os.symlink("..", root / "kabupaten" / "naik")  # a loop back to the root
    os.symlink("tidak-ada.yaml", root / "patah.yaml")
    return root


def test_discovery_finds_plans_and_says_why_others_were_skipped(folder: Path) -> None:
    found = discover([folder], exclude=["arsip/"])
    shown = [t.display for t in found.targets]
    assert shown == sorted(shown)
    assert [Path(s).relative_to(folder).as_posix() for s in shown] == [
        "a-desa.yaml",
        "kabupaten/b-dominan.yml",
        "kabupaten/c.json",
        "rusak.yaml",
    ]
    reasons = {Path(s.display).relative_to(folder).as_posix(): s.reason for s in found.skipped}
    assert reasons == {
        ".git": "hidden",
        "arsip": "excluded",
        "catatan.md": "not_plan",
        "draf": "ignored",
        "kabupaten/naik": "loop",
        "patah.yaml": "broken",
    }
    ignored = next(s for s in found.skipped if s.reason == "ignored")
    assert ".advisorignore" in skipped_line(ignored, "en") and "draf/" in skipped_line(ignored, "id")


def test_a_negated_pattern_takes_a_file_back(tmp_path: Path) -> None:
    _yaml(tmp_path / "draf" / "a.yaml", PLAN)
    _yaml(tmp_path / "b.yaml", PLAN)
    _yaml(tmp_path / "c.yaml", PLAN)
    (tmp_path / ".advisorignore").write_text("*.yaml\n!c.yaml\n", encoding="utf-8")
    assert [Path(t.display).name for t in discover([tmp_path]).targets] == ["c.yaml"]


def test_a_failed_file_is_a_row_and_the_batch_goes_on(folder: Path) -> None:
    found = discover([folder], exclude=["arsip/"])
    outcome = run(found.targets, jobs=1)
    assert len(outcome.reviews) == 3
    assert [Path(f.file).name for f in outcome.failures] == ["rusak.yaml"]
    assert outcome.failures[0].problems[0].line == 2  # where the unclosed list ends


def test_the_same_folder_gives_byte_identical_json_for_any_jobs(folder: Path) -> None:
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["batch", str(folder), "--jobs", jobs, "--format", "json", "-q"])
        assert result.exit_code == 2  # rusak.yaml cannot be read
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    data = json.loads(outputs[0])
    assert len(data["reviews"]) == 4 and len(data["failures"]) == 1


def test_forked_workers_give_the_same_report_as_one_process(folder: Path) -> None:
    # In a fresh process with one thread, --jobs 2 forks its workers.
    outputs = []
    for jobs in ("2", "1"):
        done = subprocess.run(
            [sys.executable, "-m", "advisor", "batch", str(folder), "--jobs", jobs, "--format", "json", "-q"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2 and "Traceback" not in done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["reviews"]) == 4


def test_workers_fork_only_while_one_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(isolation.threading, "active_count", lambda: 1)
    assert isolation.context().get_start_method() == "fork"
    monkeypatch.setattr(isolation.threading, "active_count", lambda: 2)
    assert isolation.context().get_start_method() == "spawn"


def test_summary_exit_codes_and_reports(folder: Path, tmp_path: Path) -> None:
    (folder / "rusak.yaml").unlink()
    out = tmp_path / "laporan"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "batch",
            str(folder),
            "-j",
            "1",
            "--lang",
            "en",
            "--select",
            "PH",
            "-o",
            f"json={out}/r.json",
            "-o",
            f"{out}/r.txt",
        ],
    )
    assert result.exit_code == 1, result.output  # PH001 errors
    assert "4 plan files: 4 reviewed, 0 could not be read" in result.stdout
    assert "Most common gaps:" in result.stdout and "PH001" in result.stdout
    assert "Plans that need the most attention:" in result.stdout
    assert "Files skipped:" in result.stdout and "hidden folder" in result.stdout
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert len(data["reviews"]) == 4
    assert "Cooperation plan review" in (out / "r.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["r.json", "r.txt"]  # no temporary files left
    clean = runner.invoke(main, ["batch", str(folder), "-j", "1", "--select", "PH007"])
    assert clean.exit_code == 0, clean.output


def test_reports_are_never_written_over_an_input(folder: Path) -> None:
    target = folder / "a-desa.yaml"
    before = target.read_bytes()
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(folder), "-j", "1", "--lang", "en", "-o", f"json={target}"])
    assert result.exit_code == 2 and "over an input" in result.output
    result = runner.invoke(main, ["check", str(target), "-o", f"text={target}"])
    assert result.exit_code == 2
    assert target.read_bytes() == before
    unknown = runner.invoke(main, ["check", str(target), "-o", "pdf=laporan.pdf"])
    assert unknown.exit_code == 2 and "pdf" in unknown.output


def test_check_writes_several_formats_at_once(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    _yaml(plan, PLAN)
    runner = CliRunner()
    result = runner.invoke(main, ["check", str(plan), "-o", f"json={tmp_path}/r.json", "-o", f"text={tmp_path}/r.txt"])
    assert result.stdout == ""  # reports went to files
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["reviews"][0]["file"] == str(plan)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("Tinjauan rencana kerja sama")
    both = runner.invoke(main, ["check", str(plan), "--format", "json", "-o", f"text={tmp_path}/r2.txt"])
    assert json.loads(both.stdout)["reviews"] and (tmp_path / "r2.txt").exists()


def test_batch_of_the_examples_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(EXAMPLES), "-j", "1", "-q", "-o", f"json={tmp_path}/r.json"])
    # examples/batch/06-rusak.yaml is broken on purpose: one failed row, exit 2, the rest reviewed
    assert result.exit_code == 2, result.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    plans = [p for p in EXAMPLES.rglob("*") if p.suffix in (".yaml", ".yml", ".json", ".xlsx") and p.is_file()]
    assert [Path(f["file"]).name for f in data["failures"]] == ["06-rusak.yaml"]
    assert len(data["reviews"]) == len(plans) - 1


def test_an_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert "no plan files" in result.output and "notes.txt" in result.output


def test_a_folder_given_twice_reviews_each_plan_once(folder: Path) -> None:
    shutil.rmtree(folder / "arsip")
    found = discover([folder, folder / "kabupaten"])
    names = [Path(t.display).name for t in found.targets]
    assert names.count("c.json") == 1
    assert any(s.reason in ("loop", "duplicate") for s in found.skipped)


def test_workers_render_report_parts_that_join_into_the_same_report(folder: Path) -> None:
    from advisor.render import renderer

    found = discover([folder], exclude=["arsip/"])
    parallel = run(found.targets, jobs=2, parts=["json", "text"], lang="en")
    assert len(parallel.parts) == 2 * len(parallel.reviews)  # a part per review in each format
    single = run(found.targets, jobs=1)
    assert not single.parts
    assert renderer("json")(parallel, "en") == renderer("json")(single, "en")
    assert renderer("text")(parallel, "en") == renderer("text")(single, "en")


def test_a_review_sent_from_a_worker_leaves_its_filled_texts_behind() -> None:
    # Workers fill the texts of every finding to render their part of a report; the parent
    # reports in its own language and fills them again, so they are not sent.
    import pickle

    from advisor.review import review_file

    review = review_file(EXAMPLES / "peran-kabur.yaml")
    finding = review.findings[0]
    english = finding.text("title", "en")
    received = pickle.loads(pickle.dumps(review))
    assert received == review
    assert "_text_memo" in finding.__dict__
    assert not any("_text_memo" in f.__dict__ for f in received.findings)
    assert received.findings[0].text("title", "en") == english
    assert received.findings[0].text("title", "id") == finding.text("title", "id")


def test_the_summary_lists_twenty_failed_files_and_counts_the_rest() -> None:
    from advisor.findings import Failure, Outcome
    from advisor.problems import Problem
    from advisor.render import view

    failures = tuple(Failure(f"p{i:02d}.yaml", (Problem("empty", f"p{i:02d}.yaml"),)) for i in range(25))
    text = view("batch-summary")(Outcome((), failures), [], "id")
    assert "p19.yaml" in text and "p20.yaml" not in text
    assert "... dan 5 lainnya" in text
    few = view("batch-summary")(Outcome((), failures[:20]), [], "en")
    assert "p19.yaml" in few and "more" not in few
