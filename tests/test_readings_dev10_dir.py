"""tests/data/readings_dev10_dir: cases for the indicator readings written by structure (issue 13,
fourth round): the polarity of the measured quantity composed from its head and its object (a
fall or a worsening of a good thing, the use of a resource or of a good input, a thing done
against the rules, a count in the unit of a rate), an attribute, a breakdown or a document at the
head that says nothing, and what an activity's abstract noun blocks, each with near misses that
must not match. Every case reads right."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Tally, load_statements, score_statements

DEV10 = Path(__file__).parent / "data" / "readings_dev10_dir"
READINGS = tuple(sorted(p.stem for p in (DEV10 / "statements").glob("*.yaml")))


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV10, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", READINGS)
def test_every_case_reads_right(reading: str, tallies: dict[str, Tally]) -> None:
    tally = tallies[reading]
    assert tally.n >= 10
    assert not tally.misses, "\n".join(tally.misses)
