"""Facts for the calibrated and added checks of issue 14, after the other extractors ran.

Called from :mod:`advisor.facts` with one line. The provisional readings come first (they
complete facts the new facts are built from).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor import facts_completeness, facts_provisional, facts_reliance

if TYPE_CHECKING:
    from advisor.facts import _Extractor


def add_facts(ex: _Extractor) -> None:
    facts_provisional.add_all(ex)
    facts_reliance.add_facts(ex)
    facts_completeness.add_facts(ex)
