"""A folder given twice (itself and through a link, or inside another one given) is reviewed
once, under one name whatever the order; a path longer than PATH_MAX inside a folder is one
skipped entry, not a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from advisor.batch import discover
from advisor.render.batch_summary import skipped_line
from tests.conftest import EXAMPLES


def test_a_folder_and_a_link_to_it_give_the_same_names_in_either_order(tmp_path: Path) -> None:
    real = tmp_path / "usulan"
    real.mkdir()
    shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", real / "kopi.yaml")
    link = tmp_path / "tautan"
    link.symlink_to(real)
    inner = real / "kopi.yaml"
    orders = [[real, link], [link, real], [link, real, inner], [inner, real]]
    shown = {tuple(t.display for t in discover(order).targets) for order in orders}
    assert shown == {(f"{real}/kopi.yaml",)}


def test_a_path_longer_than_path_max_is_skipped_with_its_reason(tmp_path: Path) -> None:
    folder = tmp_path / "dalam"
    os.makedirs(folder)
    here = os.getcwd()
    try:  # each step is short; the whole path is not
        os.chdir(folder)
        for _ in range(20):
            os.mkdir("d" * 250)
            os.chdir("d" * 250)
        shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", "kopi.yaml")
    finally:
        os.chdir(here)
    found = discover([folder])
    assert found.targets == ()
    assert [s.reason for s in found.skipped] == ["unreadable"]
    assert "File name too long" in skipped_line(found.skipped[0], "en")
