"""Floors on the labelled data (bench/labelled/, issue 13): every reading reads the labelled
statements with precision >= 0.95 and recall >= 0.90 (macro averages over its labels), and
the complete full plans raise no warning and no error. `python -m bench accuracy` prints the
figures behind these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import DATA, READERS, load_statements, score_plans, score_statements

PRECISION, RECALL = 0.95, 0.90
needs_data = pytest.mark.skipif(
    not (DATA / "statements").is_dir() or not (DATA / "plans").is_dir(),
    reason=f"no labelled data in {DATA} (bench/labelled/ is written on its own branch, i13data)",
)


@pytest.fixture(scope="module")
def tallies():  # type: ignore[no-untyped-def]
    cases = load_statements(DATA, ("dev", "holdout"))
    merged = {reading: [dict(c, split="all") for c in items] for reading, items in cases.items()}
    return score_statements(merged)["all"]


@needs_data
@pytest.mark.parametrize("reading", sorted(READERS))
def test_reading_meets_the_floors(reading: str, tallies) -> None:  # type: ignore[no-untyped-def]
    tally = tallies.get(reading)
    assert tally is not None and tally.n >= 20, f"too few labelled {reading} statements to measure"
    precision, recall = tally.macro()
    misses = "\n".join(tally.misses[:15])
    assert precision >= PRECISION, f"{reading}: precision {precision:.3f} < {PRECISION}\n{misses}"
    assert recall >= RECALL, f"{reading}: recall {recall:.3f} < {RECALL}\n{misses}"


@needs_data
def test_complete_plans_raise_no_warning_or_error() -> None:
    plans = [p for p in score_plans(DATA, ("dev", "holdout")) if p.complete]
    assert plans, "the labelled data has no complete plan"
    raised = [f"{p.name}: {severity} {key} {title}" for p in plans for severity, key, title in p.raised]
    failed = [f"{p.name}: {p.error}" for p in plans if p.error]
    assert not failed and not raised, "\n".join(failed + raised)


def test_the_harness_reads_a_small_table(tmp_path: Path) -> None:
    # The harness itself, on a table of its own: a wrong reading lowers precision and recall.
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "clarity.yaml").write_text(
        "reading: clarity\ncases:\n"
        "  - {text: Memberikan dukungan, lang: id, label: vague, split: dev}\n"
        "  - {text: Melatih 40 pemandu wisata, lang: id, label: clear, split: dev}\n"
        "  - {text: Menerima pelatihan, lang: id, label: clear, split: dev}\n",
        encoding="utf-8",
    )
    tally = score_statements(load_statements(tmp_path, ("dev",)))["dev"]["clarity"]
    assert tally.recall("vague") == 1.0 and tally.recall("clear") == 0.5
    assert tally.precision("passive") == 0.0
