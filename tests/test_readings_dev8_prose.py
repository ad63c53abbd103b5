"""tests/data/readings_dev8_prose: cases for the prose readings written by class (a sentence
structure, a semantic field, a near miss) in the third round, before the readers were changed
for them: who decides when a body acts by decree or under a regulation, a decision said to be
final and binding, a body's membership or a decision only recorded (no decider), a norm set
rather than a quality measured; distrust eased (trust-building), one body barred from judging
and taking part (conflict of interest), a sovereign territory as a place. Each reading holds the
product's floors on it, per label."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Tally, load_statements, score_statements

DEV8 = Path(__file__).parent / "data" / "readings_dev8_prose"
READINGS = ("background_assets", "background_problems", "clarity", "decision", "match", "statement")
PRECISION, RECALL = 0.95, 0.90


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV8, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", READINGS)
def test_prose_readings_hold_the_floors_per_label(reading: str, tallies: dict[str, Tally]) -> None:
    tally = tallies[reading]
    assert tally.n >= 10
    low = tally.below(PRECISION, RECALL)
    assert not low, "\n".join([*low, *tally.misses])
