"""tests/data/readings_dev10_prose: cases for the prose readings written by sentence structure
(issue 13, fourth round): a means to an activity's end, a rule word that only modifies
another noun, two gains of one kind compared, distrust of a thing, a decree cited as a basis,
each with near misses that must read the other way. Every case reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Tally, load_statements, score_statements

DEV10 = Path(__file__).parent / "data" / "readings_dev10_prose"
READINGS = tuple(sorted(p.stem for p in (DEV10 / "statements").glob("*.yaml")))


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV10, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", READINGS)
def test_every_case_reads_right(reading: str, tallies: dict[str, Tally]) -> None:
    tally = tallies[reading]
    assert tally.n >= 10
    assert not tally.misses, "\n".join(tally.misses)
