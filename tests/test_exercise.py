"""``advisor exercise``: scoring against the engine's findings, the non-interactive path,
prompts through Click, and once through a real pseudo-terminal."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import exercise, rules
from advisor.cli import main
from advisor.review import review_file

EXERCISES = exercise.discover(exercise.EXERCISES_DIR)
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, **kw):
    return CliRunner().invoke(main, list(args), **kw)


def test_exercises_are_shipped() -> None:
    assert len(EXERCISES) >= 3


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_every_exercise_is_a_valid_flawed_plan(path: Path) -> None:
    review = review_file(path)
    assert exercise.expected(review, "warning"), f"{path.name} has nothing for a trainee to find"


def _plan() -> tuple[Path, tuple[str, ...]]:
    path = EXERCISES[0]
    return path, exercise.expected(review_file(path), "warning")


def test_perfect_answer_scores_full_marks() -> None:
    path, expected = _plan()
    result = run("exercise", "--plan", str(path), "--answers", ",".join(expected), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"you found {len(expected)} of {len(expected)} problems; 0 of your answers are not in this plan" in (
        result.output
    )
    assert "recall" not in result.output and "precision" not in result.output
    assert "Perfect" in result.output


def test_missed_problems_are_explained_and_false_alarms_named() -> None:
    path, expected = _plan()
    review = review_file(path)
    present = {f.rule_id for f in review.active()}
    # A code of another concept than any problem of the plan: neither a hit nor a near one.
    concepts = {exercise.concept(r) for r in present}
    wrong = next(r.id for r in rules.all_rules() if r.id not in present and exercise.concept(r.id) not in concepts)
    answer = [expected[0], wrong]
    result = run("exercise", "--plan", str(path), "--answers", ",".join(answer).lower(), "--lang", "en")
    assert result.exit_code == 0, result.output
    score = exercise.score(answer, review)
    assert score.hits == (expected[0],) and score.false_alarms == (wrong,)
    assert score.misses == expected[1:]
    assert round(score.precision, 2) == 0.5
    missed = result.output.split("Missed", 1)[1].split("Not in this plan", 1)[0]
    for rule_id in expected[1:]:
        finding = next(f for f in review.active() if f.rule_id == rule_id)
        assert rule_id in missed
        assert finding.text("recommendation", "en") in missed
    assert wrong in result.output.split("Not in this plan", 1)[1]


def test_answers_by_catalogue_number_and_in_indonesian() -> None:
    path, expected = _plan()
    numbers = [str(exercise.choices().index(r) + 1) for r in expected]
    assert exercise.parse_answer(" ; ".join(numbers)) == (expected, ())
    result = run("exercise", "--plan", str(path), "--answers", ",".join(numbers), "--lang", "id")
    assert f"Anda menemukan {len(expected)} dari {len(expected)} masalah" in result.output


def test_an_unknown_code_is_dropped_and_the_rest_scored() -> None:
    path, expected = _plan()
    result = run("exercise", "--plan", str(path), "--answers", f"{expected[0]},XX999", "--lang", "en")
    assert result.exit_code == 0
    assert "Not a rule, so not scored: XX999" in result.output
    assert f"you found 1 of {len(expected)} problems; 0 of your answers are not in this plan" in result.output


def test_interactive_prompt_reasks_until_the_answer_names_rules() -> None:
    path, expected = _plan()
    result = run("exercise", "--plan", str(path), "--lang", "en", input=f"nonsense\n{expected[0]}\n")
    assert result.exit_code == 0, result.output
    assert "Not a rule, so not scored: nonsense" in result.output
    assert f"you found 1 of {len(expected)} problems" in result.output


def test_trainer_drops_a_plan_into_a_folder(tmp_path: Path) -> None:
    (tmp_path / "only.yaml").write_text(EXERCISES[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a plan", encoding="utf-8")
    assert exercise.discover(tmp_path) == [tmp_path / "only.yaml"]
    result = run("exercise", "--folder", str(tmp_path), "--seed", "3", "--answers", "", "--lang", "en")
    assert result.exit_code == 0
    assert "only.yaml" in result.output and "found 0 of" in result.output


def test_seeded_choice_is_repeatable_and_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    assert exercise.pick(exercise.EXERCISES_DIR, 7) == exercise.pick(exercise.EXERCISES_DIR, 7)
    picks = {exercise.pick(exercise.EXERCISES_DIR, seed) for seed in range(40)}
    assert picks == set(EXERCISES)
    result = run("exercise", "--folder", str(tmp_path), "--lang", "en")
    assert result.exit_code == 2 and "No exercise plans" in result.output


def test_through_a_pseudo_terminal() -> None:
    pexpect = pytest.importorskip("pexpect")
    path, expected = _plan()
    env = {**os.environ, "NO_COLOR": "1"}  # the installed advisor (PYTHONSAFEPATH, conftest.py)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "advisor", "exercise", "--plan", str(path), "--lang", "en"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        timeout=60,
    )
    child.expect("The problems you see")
    child.sendline("XX1")
    child.expect("Not a rule, so not scored: XX1")
    child.expect("The problems you see")
    child.sendline(", ".join(expected))
    child.expect(f"you found {len(expected)} of {len(expected)} problems")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
