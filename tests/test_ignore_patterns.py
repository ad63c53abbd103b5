"""Ignore patterns (.advisorignore, --exclude) match in time about linear in a name's length:
pathspec's regular expressions backtrack once per `*`, so a pattern with many is refused, in one
line naming the file, the line and the limit; the patterns people write still work."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.batch import discover
from advisor.cli import main
from advisor.problems import InputError
from tests.conftest import EXAMPLES

HOSTILE = "a*" * 12 + "b"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    (plans / "drafts").mkdir(parents=True)
    shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", plans / "kopi.yaml")
    shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", plans / "drafts" / "kopi_v2_old.yaml")
    (plans / ("a" * 250)).touch()  # the long name a backtracking pattern chokes on
    return plans


def test_a_pattern_with_too_many_wildcards_is_refused_with_its_line(folder: Path) -> None:
    (folder / ".advisorignore").write_text("# drafts\n*.tmp\n" + HOSTILE + "\n", encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["batch", str(folder), "-q", "--lang", "en"])
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"{folder}/.advisorignore:3: the pattern `{HOSTILE}` has too many `*` (at most 2 between two slashes and 3 "
        "in one pattern): such a pattern can take minutes to match one long file name"
    )


def test_an_exclude_with_too_many_wildcards_is_refused(folder: Path) -> None:
    with pytest.raises(InputError) as err:
        discover([folder], exclude=[HOSTILE])
    assert err.value.problems[0].file == "--exclude"


def test_ordinary_patterns_still_match_and_fast(folder: Path) -> None:
    (folder / ".advisorignore").write_text("**/drafts/*_old*\n", encoding="utf-8")
    started = time.monotonic()
    found = discover([folder], exclude=["a*a*"])  # two stars on a 250-character name
    assert time.monotonic() - started < 2
    assert [t.display for t in found.targets] == [f"{folder}/kopi.yaml"]
    assert {s.reason for s in found.skipped} == {"ignored", "excluded"}


def test_a_config_exclude_with_too_many_wildcards_is_named_with_its_line(folder: Path) -> None:
    config = folder.parent / "advisor.toml"
    config.write_text(f'# team\nexclude = ["drafts/", "{HOSTILE}"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["batch", str(folder), "-q", "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.startswith(f"{config}:2: exclude[1]: the pattern `{HOSTILE}` has too many `*`"), result.output
