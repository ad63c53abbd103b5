"""Baselines: written stable and sorted; with one, only findings it does not know are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import baseline
from advisor.cli import main
from advisor.findings import Outcome, Review
from advisor.problems import InputError
from tests.conftest import review_data
from tests.test_suppress import PLAN

WITH_MEDIA = {
    **PLAN,
    "partners": [*PLAN["partners"], {"id": "radio", "pillar": "media", "responsibilities": ["Siaran"]}],
}


def _folder(tmp_path: Path, plans: dict[str, dict]) -> Path:
    folder = tmp_path / "usulan"
    folder.mkdir(exist_ok=True)
    for name, plan in plans.items():
        (folder / name).write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_build_is_sorted_and_stable_and_round_trips(tmp_path: Path) -> None:
    outcome = Outcome((review_data(PLAN),))
    text = baseline.build(outcome)
    assert text == baseline.build(outcome)
    keys = json.loads(text)["files"]["case.yaml"]
    assert keys == sorted(keys) and "PH001:pillar:media" in keys
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    assert baseline.load(path) == {"case.yaml": frozenset(keys)}


def test_apply_drops_known_findings_and_keeps_new_ones() -> None:
    review = review_data(PLAN)
    known = {"case.yaml": frozenset({"PH001:pillar:media"})}
    applied = baseline.apply(Outcome((review,)), known).reviews[0]
    assert "PH001" not in {f.rule_id for f in applied.findings}
    assert applied.baselined == 1
    assert len(applied.findings) == len(review.findings) - 1
    # another file's baseline does not hide this file's findings
    other = baseline.apply(Outcome((review,)), {"other.yaml": frozenset({"PH001:pillar:media"})}).reviews[0]
    assert other.findings == review.findings and other.baselined == 0


def test_a_bad_baseline_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"files": []}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        baseline.load(path)
    assert caught.value.problems[0].code == "baseline_invalid"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(InputError):
        baseline.load(path)


def test_cli_write_then_compare_reports_only_new_findings(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.yaml": PLAN, "b.yaml": WITH_MEDIA})
    b = tmp_path / "b.json"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", str(folder), "--jobs", "1", "--select", "PH", "--write-baseline", str(b)])
    assert first.exit_code == 1, first.output  # PH001 is an error in a.yaml
    recorded = json.loads(b.read_text(encoding="utf-8"))["files"]
    assert "PH001:pillar:media" in recorded["a.yaml"]  # relative to the folder reviewed

    args = ["batch", str(folder), "--jobs", "1", "--select", "PH", "--baseline", str(b), "--format", "json"]
    same = runner.invoke(main, args)
    assert same.exit_code == 0, same.output
    assert all(r["findings"] == [] for r in json.loads(same.stdout)["reviews"])

    # b.yaml loses its media partner: PH001 is new there, and only that is reported
    _folder(tmp_path, {"b.yaml": PLAN})
    changed = runner.invoke(main, args)
    assert changed.exit_code == 1
    reviews = {r["file"]: r for r in json.loads(changed.stdout)["reviews"]}
    assert reviews[f"{folder}/a.yaml"]["findings"] == []
    assert "PH001:pillar:media" in [f["key"] for f in reviews[f"{folder}/b.yaml"]["findings"]]

    # without the baseline, everything again
    full = runner.invoke(main, ["batch", str(folder), "--jobs", "1", "--select", "PH", "--format", "json"])
    assert json.loads(full.stdout)["reviews"][0]["findings"] != []


def test_cli_refuses_an_unreadable_baseline(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.yaml": PLAN})
    bad = tmp_path / "b.json"
    bad.write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(folder), "--jobs", "1", "--baseline", str(bad)])
    assert result.exit_code == 2
    assert "b.json:1:1" in result.output and "Traceback" not in result.output


def test_a_baseline_with_parallel_workers_reports_what_one_process_does(tmp_path: Path) -> None:
    # Workers render report parts beside the reviews; a baseline changes the reviews after
    # that, so the parts must not be used. --jobs 2 and --jobs 1 give the same bytes.
    folder = _folder(tmp_path, {"a.yaml": PLAN, "b.yaml": WITH_MEDIA})
    known = tmp_path / "base.json"
    CliRunner().invoke(main, ["batch", str(folder), "-j", "1", "-q", "--write-baseline", str(known)])
    (folder / "a.yaml").write_text(yaml.safe_dump(WITH_MEDIA, allow_unicode=True), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(
            main, ["batch", str(folder), "-j", jobs, "-q", "--format", "json", "--baseline", str(known)]
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert sum(r["baselined"] for r in json.loads(outputs[0])["reviews"]) > 0


def test_an_older_baseline_naming_files_as_displayed_still_matches() -> None:
    review = Review("plans/a.yaml", "A", "id", (), "ready")
    known = {"plans/a.yaml": frozenset({"PH001:pillar:media"})}
    assert baseline.matched(Outcome((review,)), known, ["plans"]) == 1
    assert baseline.relative_name("plans/a.yaml", ["plans/"]) == "a.yaml"
    assert baseline.relative_name("plans/a.yaml", ["plans", "other"]) == "plans/a.yaml"  # could collide
