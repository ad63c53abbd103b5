"""tests/data/readings_dev5_dir: cases for the indicator readings written by semantic field
(health, education, environment, economy, disaster, services, infrastructure) and by word form
(every affix of the increase and decrease words, "maintain" forms, "dari X menjadi Y",
thresholds, numbers with Rp, ±, juta/miliar), with near misses that must not match. Each
reading holds the product's floors on it, per label."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Tally, load_statements, score_statements

DEV5 = Path(__file__).parent / "data" / "readings_dev5_dir"
READINGS = ("direction", "goal_measurable", "indicator_measurable", "number")
PRECISION, RECALL = 0.95, 0.90


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV5, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", READINGS)
def test_indicator_readings_hold_the_floors_per_label(reading: str, tallies: dict[str, Tally]) -> None:
    tally = tallies[reading]
    assert tally.n >= 20
    low = tally.below(PRECISION, RECALL)
    assert not low, "\n".join([*low, *tally.misses])
