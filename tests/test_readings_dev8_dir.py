"""tests/data/readings_dev8_dir: cases for the indicator readings written by class (issue 13,
third round): harms and goods by semantic field in both languages, the time a service takes,
words in a phrase of place or in a document's subject, counts of what is still undone, ratios,
and numbers in any currency, each with near misses that must not match. Every case reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Tally, load_statements, score_statements

DEV8 = Path(__file__).parent / "data" / "readings_dev8_dir"
READINGS = tuple(sorted(p.stem for p in (DEV8 / "statements").glob("*.yaml")))


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV8, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", READINGS)
def test_every_case_reads_right(reading: str, tallies: dict[str, Tally]) -> None:
    tally = tallies[reading]
    assert tally.n >= 10
    assert not tally.misses, "\n".join(tally.misses)
