"""``advisor diff OLD NEW``: fixed, introduced and remaining findings, verdict and counts."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor import diff
from advisor.cli import main
from tests.conftest import review_data

CASES = Path(__file__).resolve().parent.parent / "knowledge" / "cases"


def _case(rule: str, expect: str) -> dict:
    cases = yaml.safe_load((CASES / f"{rule}.yaml").read_text(encoding="utf-8"))["cases"]
    return next(c["plan"] for c in cases.values() if c["expect"] == expect)


@pytest.fixture
def revision(tmp_path: Path) -> tuple[Path, Path, dict, dict]:
    """OLD lacks a media partner; NEW adds one but strips the academic partner's
    responsibilities, so it fixes something and introduces something."""
    old = _case("PH001", "fires")
    new = copy.deepcopy(_case("PH001", "passes"))
    new["partners"][2]["responsibilities"] = []
    paths = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    for path, plan in zip(paths, (old, new), strict=True):
        path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return paths[0], paths[1], old, new


def _keys(plan: dict) -> set[str]:
    return {f.key for f in review_data(plan).active()}


def test_json_lists_fixed_introduced_and_remaining(revision) -> None:
    old_path, new_path, old, new = revision
    result = CliRunner().invoke(main, ["diff", str(old_path), str(new_path), "--format", "json", "--lang", "en"])
    data = json.loads(result.output)
    old_keys, new_keys = _keys(old), _keys(new)
    assert {f["key"] for f in data["fixed"]} == old_keys - new_keys
    assert {f["key"] for f in data["introduced"]} == new_keys - old_keys
    assert {f["key"] for f in data["remaining"]} == old_keys & new_keys
    assert "PH001:pillar:media" in {f["key"] for f in data["fixed"]}
    assert data["introduced"], "stripping a partner's responsibilities must introduce a finding"
    assert data["old"]["verdict"] == review_data(old).verdict
    assert data["new"]["counts"] == review_data(new).counts()


def test_text_report_and_exit_code_follow_the_fail_level(revision) -> None:
    old_path, new_path, _, new = revision
    runner = CliRunner()
    result = runner.invoke(main, ["diff", str(old_path), str(new_path), "--lang", "en", "--fail-level", "info"])
    assert result.exit_code == 1, result.output
    assert "Fixed (" in result.output and "Introduced (" in result.output
    assert "PH001" in result.output.split("Fixed (", 1)[1].split("Introduced (", 1)[0]
    old_keys = _keys(revision[2])
    new_error = any(f.severity == "error" for f in review_data(new).active() if f.key not in old_keys)
    # An introduced finding below the fail level does not fail the run.
    strict = runner.invoke(main, ["diff", str(old_path), str(new_path), "--fail-level", "error"])
    assert strict.exit_code == (1 if new_error else 0)


def test_reverse_revision_swaps_fixed_and_introduced(revision) -> None:
    old_path, new_path, _, _ = revision
    forward = diff.compare_files(old_path, new_path)
    backward = diff.compare_files(new_path, old_path)
    assert {f.key for f in forward.fixed} == {f.key for f in backward.introduced}
    assert {f.key for f in forward.introduced} == {f.key for f in backward.fixed}


def test_same_file_changes_nothing(revision) -> None:
    old_path = revision[0]
    result = CliRunner().invoke(main, ["diff", str(old_path), str(old_path), "--lang", "id"])
    assert result.exit_code == 0
    assert "Sudah diperbaiki (0)" in result.output and "Temuan baru (0)" in result.output


def test_unreadable_revision_is_an_input_error(revision, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(revision[0]), str(broken)])
    assert result.exit_code == 2
    assert "broken.yaml" in result.output and "Traceback" not in result.output


def test_score_change_per_dimension(revision) -> None:
    old_path, new_path, old, new = revision
    data = json.loads(CliRunner().invoke(main, ["diff", str(old_path), str(new_path), "--format", "json"]).output)
    before, after = review_data(old).scores, review_data(new).scores
    assert before, "reviews are scored"
    assert data["score_changes"] == {
        name: {"old": before[name], "new": after[name], "change": after[name] - before[name]} for name in before
    }
