"""ST015: an `advisor init` template sent in unfilled is an error, pointed at its first
placeholder; a filled-in plan is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.review import review_file
from tests.conftest import EXAMPLES


@pytest.mark.parametrize("lang", ["id", "en"])
def test_an_unfilled_init_template_gets_st015(lang: str, tmp_path: Path) -> None:
    made = CliRunner().invoke(main, ["init", "--lang", lang])
    assert made.exit_code == 0, made.output
    plan = tmp_path / f"rencana.{lang}.yaml"
    plan.write_text(made.stdout, encoding="utf-8")
    review = review_file(plan)
    hits = [f for f in review.findings if f.rule_id == "ST015"]
    assert len(hits) == 1 and hits[0].severity == "error" and review.verdict == "not_ready"
    params = dict(hits[0].params)
    assert params["n_placeholders"] >= 20  # the template's every <...> value, not only the first
    assert hits[0].path == ("judul" if lang == "id" else "title")  # as the template writes it
    assert params["placeholder_text"].startswith("<")
    line = made.stdout.splitlines()[hits[0].line - 1]
    assert line.lstrip().startswith(("title:", "judul:")), line


def test_a_filled_in_plan_does_not_get_st015() -> None:
    for plan in sorted(EXAMPLES.glob("*.yaml")):
        assert all(f.rule_id != "ST015" for f in review_file(plan).findings), plan
