"""The core call from Python, without Click (advisor/api.py): what a web handler or a script
gets from ``api.check`` and ``api.review``, the settings each plan is reviewed with, and the
status the command line turns into its exit code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import api
from advisor.cli import main
from advisor.cli.reports import EXIT_CODES
from advisor.findings import Failure, Review
from advisor.problems import InputError
from advisor.render import renderer
from advisor.settings import Options, Settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOOD = EXAMPLES / "desa-wisata-kopi.yaml"  # no finding
WARNINGS_ONLY = EXAMPLES / "peran-kabur.yaml"  # warnings and advice, no error
WITH_ERRORS = EXAMPLES / "pilar-tidak-lengkap.yaml"  # PH001 errors
ENGLISH = EXAMPLES / "mangrove-demak-en.yaml"


def _copy(source: Path, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(source, folder / (name or source.name)))


def test_check_reviews_several_plans_and_names_the_bad_one(tmp_path: Path) -> None:
    good, bad_plan = _copy(GOOD, tmp_path), _copy(WITH_ERRORS, tmp_path)
    broken = tmp_path / "rusak.yaml"
    broken.write_text("judul: [tidak ditutup\n", encoding="utf-8")
    result = api.check([bad_plan, broken, good], Options(lang="en"))
    files = [r.file for r in result.outcome.reviews]
    assert files == sorted(files) == sorted([str(good), str(bad_plan)])  # file order, not the order given
    (failure,) = result.outcome.failures
    assert failure.file == str(broken) and failure.problems
    assert failure.problems[0].file == str(broken)
    assert result.status is api.Status.FAILED  # a file that could not be read outweighs findings
    assert result.lang == "en"
    by_file = {r.file: r for r in result.outcome.reviews}
    assert any(f.rule_id == "PH001" for f in by_file[str(bad_plan)].active())
    assert not any(f.severity == "error" for f in by_file[str(good)].active())


@pytest.mark.parametrize(
    ("plans", "fail_level", "status"),
    [
        ([GOOD], None, api.Status.CLEAN),
        ([WITH_ERRORS], None, api.Status.FINDINGS),
        ([GOOD, WITH_ERRORS], None, api.Status.FINDINGS),
        ([WARNINGS_ONLY], "warning", api.Status.FINDINGS),
        ([WARNINGS_ONLY], "error", api.Status.CLEAN),
    ],
)
def test_status_and_the_exit_code_the_command_line_gives_it(
    plans: list[Path], fail_level: str | None, status: api.Status
) -> None:
    result = api.check(plans, Options(fail_level=fail_level))
    assert result.status is status
    args = ["check", *map(str, plans), "--format", "json", *(["--fail-level", fail_level] if fail_level else [])]
    assert CliRunner().invoke(main, args).exit_code == EXIT_CODES[status]


def test_the_fail_level_decides_between_clean_and_findings() -> None:
    reviewed = api.check([WARNINGS_ONLY], Options(fail_level="warning"))
    severities = {f.severity for r in reviewed.outcome.reviews for f in r.active()}
    assert "warning" in severities and "error" not in severities
    assert reviewed.status is api.Status.FINDINGS
    assert api.check([WARNINGS_ONLY], Options(fail_level="error")).status is api.Status.CLEAN
    assert api.check([GOOD], Options(fail_level="info")).status is api.Status.CLEAN


def test_exit_codes_cover_every_status() -> None:
    assert EXIT_CODES == {api.Status.CLEAN: 0, api.Status.FINDINGS: 1, api.Status.FAILED: 2}


@pytest.mark.parametrize("plan", [GOOD, WITH_ERRORS, ENGLISH])
def test_check_gives_the_reviews_of_the_command_lines_json_report(plan: Path) -> None:
    cli = CliRunner().invoke(main, ["check", str(plan), "--format", "json", "--lang", "en"])
    result = api.check([plan], Options(lang="en"))
    assert renderer("json")(result.outcome, result.lang, color=False) == cli.stdout


def test_settings_are_resolved_from_the_options_over_the_nearest_config(tmp_path: Path) -> None:
    (tmp_path / "advisor.toml").write_text(
        'select = ["PH"]\nmin_severity = "warning"\nlanguage = "en"\nfail_level = "warning"\n', encoding="utf-8"
    )
    plan = _copy(WITH_ERRORS, tmp_path)
    run = api.resolve([plan])
    assert run.config.path == tmp_path / "advisor.toml"
    assert run.settings == Settings(lang="en", min_severity="warning", select=("PH",))
    assert (run.fail_level, run.lang) == ("warning", "en")
    # The caller's options over the configuration's values, the rest kept.
    over = api.resolve([plan], Options(lang="id", min_severity="info", ignore=("PH001",), max_bytes=1000))
    assert over.settings.lang == "id" and over.settings.min_severity == "info"
    assert over.settings.select == ("PH",) and over.settings.ignore == ("PH001",)
    assert over.settings.max_bytes == 1000
    reviewed = api.check([plan])
    assert {f.family for r in reviewed.outcome.reviews for f in r.findings} == {"PH"}


def test_each_plan_takes_its_own_folders_config(tmp_path: Path) -> None:
    (tmp_path / "a" / "advisor.toml").parent.mkdir()
    (tmp_path / "a" / "advisor.toml").write_text('language = "en"\n', encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "advisor.toml").write_text('language = "id"\nignore = ["PH"]\n', encoding="utf-8")
    first, second = _copy(WITH_ERRORS, tmp_path / "a"), _copy(WITH_ERRORS, tmp_path / "b")
    groups = api.configure([first, second])
    assert [(g.run.lang, [t.path for t in g.targets]) for g in groups] == [("en", [first]), ("id", [second])]
    result = api.check([first, second], groups=groups)
    assert result.lang is None  # the configurations disagree: each plan in its own language
    languages = {r.file: r.plan_language for r in result.outcome.reviews}
    assert languages == {str(first): "en", str(second): "id"}
    families = {r.file: {f.family for f in r.findings} for r in result.outcome.reviews}
    assert "PH" in families[str(first)] and "PH" not in families[str(second)]


def test_a_broken_config_is_an_error_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "advisor.toml").write_text('fail_level = "sometimes"\n', encoding="utf-8")
    plan = _copy(GOOD, tmp_path)
    with pytest.raises(api.ConfigError) as caught:
        api.check([plan])
    assert any("advisor.toml" in p.file for p in caught.value.problems)
    with pytest.raises(api.ConfigError):
        api.resolve([GOOD], Options(select=("NO999",)))


def test_on_result_gets_every_plans_result_once(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.yaml"
    broken.write_text("- a list, not a plan\n", encoding="utf-8")
    seen: list[Review | Failure] = []
    done: list[int] = []
    result = api.check([GOOD, WITH_ERRORS, broken], on_result=seen.append, progress=done.append)
    assert sorted(r.file for r in seen) == sorted([str(GOOD), str(WITH_ERRORS), str(broken)])
    assert {id(r) for r in seen} == {id(r) for r in (*result.outcome.reviews, *result.outcome.failures)}
    assert sum(done) == 3


def test_a_baseline_leaves_out_the_findings_it_knows(tmp_path: Path) -> None:
    first = api.check([WITH_ERRORS], jobs=1)
    baseline_file = tmp_path / "baseline.json"
    baseline_file.write_text(api.record_baseline(first.outcome), encoding="utf-8")
    again = api.check([WITH_ERRORS], baseline=api.load_baseline(baseline_file))
    (review,) = again.outcome.reviews
    assert review.active() == () and review.baselined == len(first.outcome.reviews[0].findings)
    assert again.status is api.Status.CLEAN and not again.baseline_unmatched
    assert again.reviewed.reviews[0].active()  # the reviews as made are kept beside
    elsewhere = api.check([GOOD], baseline=api.load_baseline(baseline_file))
    assert elsewhere.baseline_unmatched


def test_review_is_one_plans_review_and_raises_for_a_bad_one(tmp_path: Path) -> None:
    review = api.review(WITH_ERRORS, Settings(lang="en"))
    assert review.file == str(WITH_ERRORS) and any(f.rule_id == "PH001" for f in review.findings)
    assert review == api.check([WITH_ERRORS], Options(lang="en")).outcome.reviews[0]
    missing = tmp_path / "tidak-ada.yaml"
    with pytest.raises(InputError) as caught:
        api.review_many([GOOD, missing])
    assert caught.value.problems[0].file == str(missing)


def test_an_engine_fault_in_review_is_a_clear_problem_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    import advisor.review

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(advisor.review, "review_file", broken)  # the worker is forked with it
    with pytest.raises(InputError) as caught:
        api.review(GOOD)
    (problem,) = caught.value.problems
    assert problem.code == "review_failed" and "engine exploded" in problem.params["reason"]


def test_load_validates_without_reviewing(tmp_path: Path) -> None:
    vplan = api.load(GOOD)
    assert vplan.plan.partners and vplan.file == str(GOOD)
    with pytest.raises(InputError):
        api.load_text("judul: 3\n", "plan.yaml")
