"""A reading is a function of its text alone, whatever the process read before: the text layer's
caches (the scan's, the tokeniser's, the readings') are bounded and evict on their own schedules,
and a reading must not depend on which of them still holds a text."""

from __future__ import annotations

import sys

from advisor.text import lexicon
from advisor.text.direction import direction
from advisor.text.measurable import indicator_measurable

TEXTS = (
    "Persentase balita yang ditimbang di posyandu",
    "Jumlah kapal yang bersandar di dermaga",
    "Percentage of schools meeting the minimum service standard",
    "Dokumen rencana induk desa wisata",
)


def _forget_all_but_the_scan() -> None:
    """Every cache of the text layer evicts its texts, except the scan's (which then holds
    matches made from an earlier tokenising of each text, as after a long batch)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("advisor.text"):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and value is not lexicon._by_purpose:
                value.cache_clear()


def test_a_reading_does_not_depend_on_which_cache_still_holds_its_text() -> None:
    first = [(direction(t, []), indicator_measurable(t)) for t in TEXTS]
    _forget_all_but_the_scan()
    assert [(direction(t, []), indicator_measurable(t)) for t in TEXTS] == first
