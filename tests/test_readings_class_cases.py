"""The class cases of the reading developers (tests/data/readings_devN_<who>/: readings_dev5_*,
dev8_*, dev10_*): each written for a class of wording (a semantic field, a word form, a sentence
structure) with near misses that must read the other way, and seen failing before the reader was
changed for it. Every case reads right, so a later broadening that starts taking a near miss, or
a narrowing that loses a class, fails here, naming the case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.accuracy import load_statements, score_statements

DATA = Path(__file__).parent / "data"
# readings_dev5_dir, readings_dev10_prose...: a developer's cases; readings_dev4 and the other
# sets without a suffix were written blind (tests/test_readings_blind_dev.py)
CLASS_CASES = re.compile(r"readings_dev\d+_[a-z]+")


def _cases() -> list[tuple[str, str]]:
    # the readings a folder labels (its files are named by reading or by round, each names its
    # reading inside)
    return [
        (folder.name, reading)
        for folder in sorted(DATA.iterdir())
        if CLASS_CASES.fullmatch(folder.name)
        for reading in sorted(load_statements(folder, ["dev"]))
    ]


def test_the_class_case_folders_are_found() -> None:
    folders = {name for name, _ in _cases()}
    assert {"readings_dev5_dir", "readings_dev5_prose", "readings_dev5_voice", "readings_dev10_dir"} <= folders


@pytest.mark.parametrize(("folder", "reading"), _cases())
def test_every_class_case_reads_right(folder: str, reading: str) -> None:
    tally = score_statements(load_statements(DATA / folder, ["dev"]))["dev"][reading]
    assert tally.n >= 5, f"{folder}: too few {reading} cases"
    assert not tally.misses, f"{folder}: " + "\n".join(tally.misses)
