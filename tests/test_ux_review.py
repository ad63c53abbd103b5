"""Wording found rough in a review of the product as its users meet it (analyst, trainer, head
of section): texts that must read correctly whatever value fills them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from advisor.cli import main


def test_missing_pillar_advice_reads_for_every_pillar(review) -> None:
    plan = {
        "title": "Kerja sama vokasi",
        "kind": "domestic",
        "partners": [{"id": "pemda", "pillar": "government"}, {"id": "unpad", "pillar": "academia"}],
    }
    texts = {f.params: f.text("recommendation", "en") for f in review(plan).findings if f.rule_id == "PH002"}
    industry = texts[(("pillar", "industry"),)]
    # "a industry partner" was the old wording; the media example must say it is one.
    assert "a partner from the industry pillar" in industry
    assert "example for the media pillar" in industry


def test_one_input_problem_is_not_announced_as_plural(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: T\npartners:\n  - {id: a, pillar: government}\nactivities:\n  - {id: A1, name: X, lead: ngo}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(plan), "--lang", "en"])
    assert result.exit_code == 2
    assert "Problems in the input file: 1." in result.output
    assert "1 problems" not in result.output
