"""The blind development sets (tests/data/readings_dev4, dev6, dev7, dev9, and readings_fresh1 to
fresh9, fresh12 and fresh13, the held-out sets of earlier rounds, opened to tuning in rounds four
to seven): written by someone who read neither the text layer nor any other labelled data,
measured once before any change made for them (the first figures are in docs/performance.md and
the closing notes), then used to find the classes the readings missed. Each is held here to the
dev floors, or, where a reading is below them, to what it measures now, so that later work on one
set does not undo what another taught; their complete plans raise no warning or error and their
flawed plans raise what was planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import load_statements, score_plans, score_statements

DATA = Path(__file__).parent / "data"
PRECISION, RECALL = 0.95, 0.90
SLACK = 0.03
BLIND_SETS = (
    "readings_dev4",
    "readings_dev6",
    "readings_dev7",
    "readings_dev9",
    "readings_fresh1",
    "readings_fresh2",
    "readings_fresh3",
    "readings_fresh4",
    "readings_fresh5",
    "readings_fresh6",
    "readings_fresh7",
    "readings_fresh8",
    "readings_fresh9",
    "readings_fresh12",
    "readings_fresh13",
)
# (set, reading): (precision, recall) measured when this file was last changed, for readings below
# the dev floors. readings_dev4's number recall: three of its labels call "1.5" and "2.50" in an
# Indonesian plan ambiguous, where the labelled data's convention reads a decimal written with the
# other language's separator and one or two digits as that decimal (bench/labelled/README.md).
BELOW_FLOORS = {
    ("readings_dev4", "number"): (1.00, 0.62),
    ("readings_dev6", "direction"): (0.93, 0.93),
    ("readings_dev9", "match"): (0.90, 0.91),
    ("readings_fresh2", "match"): (0.91, 0.93),
    ("readings_fresh3", "direction"): (0.96, 0.87),
    ("readings_fresh3", "match"): (0.94, 0.95),
    ("readings_fresh5", "decision"): (0.93, 0.92),
    ("readings_fresh5", "match"): (0.82, 0.82),
    ("readings_fresh6", "match"): (0.90, 0.88),
    ("readings_fresh8", "match"): (0.75, 0.68),
    ("readings_fresh9", "match"): (0.80, 0.73),
    ("readings_fresh12", "match"): (0.91, 0.91),
    ("readings_fresh13", "match"): (0.83, 0.73),
}


def _cases() -> list[tuple[str, str]]:
    out = []
    for name in BLIND_SETS:
        for path in sorted((DATA / name / "statements").glob("*.yaml")):
            out.append((name, path.stem))
    return out


@pytest.fixture(scope="module")
def tallies():  # type: ignore[no-untyped-def]
    return {name: score_statements(load_statements(DATA / name, ("dev",))).get("dev", {}) for name in BLIND_SETS}


@pytest.mark.parametrize(("name", "reading"), _cases())
def test_blind_set_reading_holds_the_floors(name: str, reading: str, tallies) -> None:  # type: ignore[no-untyped-def]
    tally = tallies[name].get(reading)
    assert tally is not None and tally.n >= 10, f"{name}: too few {reading} statements"
    measured = BELOW_FLOORS.get((name, reading), (PRECISION, RECALL))
    floor_p = min(PRECISION, measured[0]) - (SLACK if measured[0] < PRECISION else 0)
    floor_r = min(RECALL, measured[1]) - (SLACK if measured[1] < RECALL else 0)
    precision, recall = tally.macro()
    misses = "\n".join(tally.misses[:15])
    assert precision >= floor_p, f"{name}: {reading}: precision {precision:.3f} < {floor_p:.2f}\n{misses}"
    assert recall >= floor_r, f"{name}: {reading}: recall {recall:.3f} < {floor_r:.2f}\n{misses}"


def test_the_below_floor_list_names_only_readings_below_the_floors(tallies) -> None:  # type: ignore[no-untyped-def]
    # a reading that reaches the floors leaves the list, so that it is held to them from then on
    for (name, reading), _ in BELOW_FLOORS.items():
        precision, recall = tallies[name][reading].macro()
        assert precision < PRECISION or recall < RECALL, f"{name}: {reading} now meets the floors"


@pytest.mark.parametrize("name", [n for n in BLIND_SETS if (DATA / n / "plans").is_dir()])
def test_blind_set_plans_raise_what_was_planted(name: str) -> None:
    plans = score_plans(DATA / name, ("dev",))
    assert plans, f"{name}: no plans"
    failed = [f"{p.name}: {p.error}" for p in plans if p.error]
    raised = [f"{p.name}: {s} {key} {title}" for p in plans if p.complete for s, key, title in p.raised]
    missed = [f"{p.name}: missed {key}" for p in plans for key, hit in p.must if not hit]
    assert not failed and not raised and not missed, "\n".join(failed + raised + missed)
