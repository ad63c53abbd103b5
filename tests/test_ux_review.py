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


def test_diff_marks_an_introduced_warning_without_the_error_glyph(tmp_path: Path) -> None:
    base = "title: T\npartners:\n  - {id: a, pillar: government, responsibilities: [Menyusun 1 perbup pada 2026]}\n"
    old, new = tmp_path / "v1.yaml", tmp_path / "v2.yaml"
    old.write_text(base, encoding="utf-8")
    new.write_text(base + "coordination: {decision_making: Ditetapkan oleh Bupati}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--lang", "en"])
    introduced = result.output.split("Introduced")[1].split("\n\n")[0]
    assert "warning: Decisions are not taken by deliberation" in introduced
    assert "✖" not in introduced
    assert "  + GV001  warning" in introduced
