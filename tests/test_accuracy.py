"""Floors on the labelled data (bench/labelled/, issue 13): every reading reads
the labelled statements with precision >= 0.95 and recall >= 0.90 (macro averages over its
labels) on the dev split, and the complete dev plans raise no warning and no error; the holdout
split (never tuned on) is held to its measured level until it reaches the same floors.
`python -m bench accuracy` prints the figures behind these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import DATA, READERS, _hit, current_key, load_statements, score_plans, score_statements

PRECISION, RECALL = 0.95, 0.90
needs_data = pytest.mark.skipif(
    not (DATA / "statements").is_dir() or not (DATA / "plans").is_dir(),
    reason=f"no labelled data in {DATA} (bench/labelled/ is written on its own branch, i13data)",
)
# The holdout split is what the readings were never tuned on: its figures are the honest ones.
# It is eight sets written blind and label-checked by a second blind reviewer: `*-fresh10`,
# `*-fresh11` (round six's last hour; measured on the final code of rounds six to nine),
# `*-fresh14`, `*-fresh15` (round eight's start; measured before and after its first part),
# `*-fresh16`, `*-fresh17` (round eight's middle; measured before and after its second part) and
# `*-fresh18`, `*-fresh19` (round nine; measured once, before its one change of a reading),
# 3,711 statements and 16 plans read by nobody tuning (but ten background lines of the first four
# sets, seen by a reader's mistaken search in round eight, ten match pairs of fresh10 and two
# indicators of fresh18's complete plan, seen by the lead in round nine; bench/labelled/README.md);
# the earlier
# held-out sets (the last, fresh12 and fresh13, after round seven's analysis of their misses) were
# opened to tuning and are blind
# development sets now (tests/test_readings_blind_dev.py). Several readings are below the
# product's floors (PRECISION, RECALL) on it; until they reach them, each reading is held to what
# it measured (docs/performance.md), minus SLACK for a case or two, so that a change that reads
# unseen text worse fails here. Raise a figure when a reading improves; the target stays
# PRECISION/RECALL.
HOLDOUT_MEASURED = {  # reading: (precision, recall), macro, holdout split (eight sets), round nine
    "background_assets": (0.92, 0.92),
    "background_problems": (0.94, 0.94),
    "clarity": (0.98, 0.98),
    "decision": (0.95, 0.95),
    "direction": (0.93, 0.92),
    "goal_measurable": (1.00, 1.00),
    "indicator_measurable": (0.97, 0.97),
    "match": (0.79, 0.76),
    "number": (1.00, 1.00),
    "statement": (0.94, 0.95),
}
SLACK = 0.03
# Warnings and errors the complete holdout plans raise: three IN010 warnings on directions judged
# from what an indicator counts (fresh15, fresh16). Measured at five when fresh18 and fresh19 were
# added, with an IN010 error and a warning on fresh18's complete plan; the lead read those two
# indicators and the reader was mended for their classes (tests/data/readings_dev21_dir). The
# complete dev plans raise none.
HOLDOUT_COMPLETE_RAISED = 3


@pytest.fixture(scope="module")
def tallies():  # type: ignore[no-untyped-def]
    return score_statements(load_statements(DATA, ("dev", "holdout")))


@needs_data
@pytest.mark.parametrize("reading", sorted(READERS))
def test_reading_meets_the_floors_on_the_dev_split(reading: str, tallies) -> None:  # type: ignore[no-untyped-def]
    tally = tallies.get("dev", {}).get(reading)
    assert tally is not None and tally.n >= 10, f"dev: too few labelled {reading} statements to measure"
    precision, recall = tally.macro()
    misses = "\n".join(tally.misses[:15])
    assert precision >= PRECISION, f"dev: {reading}: precision {precision:.3f} < {PRECISION}\n{misses}"
    assert recall >= RECALL, f"dev: {reading}: recall {recall:.3f} < {RECALL}\n{misses}"


@needs_data
@pytest.mark.parametrize("reading", sorted(READERS))
def test_reading_holds_its_measured_level_on_the_holdout_split(reading: str, tallies) -> None:  # type: ignore[no-untyped-def]
    tally = tallies.get("holdout", {}).get(reading)
    assert tally is not None and tally.n >= 10, f"holdout: too few labelled {reading} statements to measure"
    precision, recall = tally.macro()
    floor_p = min(PRECISION, HOLDOUT_MEASURED[reading][0]) - SLACK
    floor_r = min(RECALL, HOLDOUT_MEASURED[reading][1]) - SLACK
    # the misses of the holdout split are not printed: whoever tunes the readings must not see them
    assert precision >= floor_p, f"holdout: {reading}: precision {precision:.3f} fell below {floor_p:.2f}"
    assert recall >= floor_r, f"holdout: {reading}: recall {recall:.3f} fell below {floor_r:.2f}"


@needs_data
def test_complete_dev_plans_raise_no_warning_or_error() -> None:
    plans = [p for p in score_plans(DATA, ("dev",)) if p.complete]
    assert plans, "dev: the labelled data has no complete plan"
    raised = [f"{p.name}: {severity} {key} {title}" for p in plans for severity, key, title in p.raised]
    failed = [f"{p.name}: {p.error}" for p in plans if p.error]
    assert not failed and not raised, "dev: warnings or errors on complete plans:\n" + "\n".join(failed + raised)


@needs_data
def test_complete_holdout_plans_raise_no_more_than_measured() -> None:
    plans = [p for p in score_plans(DATA, ("holdout",)) if p.complete]
    assert plans, "holdout: the labelled data has no complete plan"
    assert not [p.name for p in plans if p.error]
    raised = sum(len(p.raised) for p in plans)
    assert raised <= HOLDOUT_COMPLETE_RAISED, f"holdout: {raised} warnings or errors on complete plans"


def test_retired_rule_ids_resolve_through_the_registry() -> None:
    # expectations written before issue 14 merged rules: the successor's findings count
    assert current_key("IN003:indicator:I1") == "IN015:indicator:I1"
    assert current_key("DP004") == "DP001" and current_key("IN005:plan:plan") == "ST017:plan:plan"
    assert current_key("KS008") is None  # retired without a successor: not scored
    keys = {"IN015:indicator:I1", "DP001:reliance:koica", "DP007:decision:coordination"}
    assert _hit("IN003:indicator:I1", keys) and not _hit("IN003:indicator:I2", keys)
    assert _hit("DP003:resource:funding", keys)  # DP001 now speaks of the reliance, not the resource
    assert _hit("DP007:plan:plan", keys) and not _hit("PH001", keys)
    # an expectation may leave the kind out: RULE:subject is that subject's finding, no other's
    assert _hit("IN003:I1", keys) and not _hit("IN003:I2", keys) and not _hit("DP001:funding", keys)


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
