"""Suppressions inside a plan: kept in the report with their reason, not counted, unused ones
reported, and ignored altogether with --no-suppress."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.problems import InputError
from advisor.render.problem import render as render_problem
from advisor.settings import Settings
from tests.conftest import review_data

PLAN = {
    "title": "Desa wisata",
    "kind": "pentahelix",
    "partners": [
        {"id": "pemkab", "pillar": "government", "responsibilities": ["Menyusun peraturan desa wisata"]},
        {"id": "swasta", "pillar": "industry", "responsibilities": ["Membangun homestay percontohan"]},
        {"id": "kampus", "pillar": "academia", "responsibilities": ["Menyusun kajian daya dukung wisata"]},
        {"id": "pokdarwis", "pillar": "community", "responsibilities": ["Mengelola paket wisata desa"]},
    ],
}
REASON = "Media lokal direkrut pada tahap kedua (nota dinas 12/2025)"


def _ph001(review):
    return [f for f in review.findings if f.rule_id == "PH001"]


def test_a_suppressed_finding_is_listed_with_its_reason_and_not_counted() -> None:
    plain = review_data(PLAN)
    suppressed = review_data({**PLAN, "suppress": [{"rule": "PH001", "reason": REASON}]})
    assert _ph001(plain)[0].suppressed is None
    assert _ph001(suppressed)[0].suppressed == REASON
    assert "PH001" in {f.rule_id for f in plain.active()}
    assert "PH001" not in {f.rule_id for f in suppressed.active()}
    assert suppressed.counts()["error"] == plain.counts()["error"] - 1
    assert suppressed.notices == ()


def test_no_suppress_ignores_the_plan_suppressions() -> None:
    review = review_data({**PLAN, "suppress": [{"rule": "PH001", "reason": REASON}]}, Settings(suppress=False))
    assert _ph001(review)[0].suppressed is None
    assert "PH001" in {f.rule_id for f in review.active()}
    assert review.notices == ()


def test_an_unused_suppression_is_a_notice_with_its_line() -> None:
    review = review_data({**PLAN, "suppress": [{"rule": "PH002", "reason": "tidak relevan"}]})
    assert [n.code for n in review.notices] == ["suppression_unused"]
    notice = review.notices[0]
    assert notice.path == "suppress[0].rule"
    assert notice.line and notice.line > 1
    assert "PH002" in render_problem(notice, "en") and "PH002" in render_problem(notice, "id")
    # ... and it changes nothing else
    assert [f.key for f in review.active()] == [f.key for f in review_data(PLAN).active()]


def test_a_suppression_naming_no_rule_is_a_notice_with_a_suggestion() -> None:
    review = review_data({**PLAN, "suppress": [{"rule": "PH0O1", "reason": "salah ketik"}]})
    assert [n.code for n in review.notices] == ["suppression_unknown_rule"]
    assert "PH001?" in render_problem(review.notices[0], "en")


def test_a_reason_is_required() -> None:
    with pytest.raises(InputError) as caught:
        review_data({**PLAN, "suppress": [{"rule": "PH001"}]})
    assert any(p.path.startswith("suppress[0]") for p in caught.value.problems)


@pytest.fixture
def plan_file(tmp_path):
    def write(plan: dict) -> str:
        path = tmp_path / "plan.yaml"
        path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return str(path)

    return write


def test_cli_exit_code_and_reports_show_suppressions(plan_file) -> None:
    runner = CliRunner()
    plain = plan_file(PLAN)
    assert runner.invoke(main, ["check", plain, "--select", "PH001"]).exit_code == 1
    suppressed = plan_file({**PLAN, "suppress": [{"rule": "PH001", "reason": REASON}]})
    result = runner.invoke(main, ["check", suppressed, "--select", "PH001", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert REASON in result.output and "Suppressed" in result.output
    data = json.loads(runner.invoke(main, ["check", suppressed, "--select", "PH001", "--format", "json"]).output)
    finding = data["reviews"][0]["findings"][0]
    assert (finding["rule"], finding["suppressed"]) == ("PH001", REASON)
    assert data["reviews"][0]["counts"]["error"] == 0
    audit = runner.invoke(main, ["check", suppressed, "--select", "PH001", "--no-suppress"])
    assert audit.exit_code == 1


def test_cli_reports_unused_suppressions_in_both_languages(plan_file) -> None:
    path = plan_file({**PLAN, "suppress": [{"rule": "PH002", "reason": "tidak relevan"}]})
    runner = CliRunner()
    en = runner.invoke(main, ["check", path, "--lang", "en"]).output
    id_ = runner.invoke(main, ["check", path, "--lang", "id"]).output
    assert "Notices" in en and "is unused" in en
    assert "Catatan" in id_ and "tidak terpakai" in id_
    data = json.loads(runner.invoke(main, ["check", path, "--format", "json"]).output)
    assert [n["code"] for n in data["reviews"][0]["notices"]] == ["suppression_unused"]
