"""Turn a validated plan into the facts the rules reason over.

Rules never see YAML or text: each fact is a flat mapping of a declared kind
(:mod:`advisor.facts.schema`) whose text attributes were read by the text layer
(:mod:`advisor.text`). Modules: :mod:`index` (what every module needs, computed once per plan),
:mod:`readings` (each text read once), :mod:`base` (the sink), :mod:`core` (plan, pillars,
partners, resources, activities, indicators, goals), :mod:`governance` (GV, PS, CH, KS kinds),
and issue 14's checks: :mod:`calibration` runs :mod:`reliance`, :mod:`completeness`,
:mod:`agreement`, :mod:`dates`, :mod:`budget` and :mod:`links`, each declaring its own kinds.
"""

from __future__ import annotations

from advisor.facts import calibration
from advisor.facts.base import Fact, FactSink
from advisor.facts.core import PILLARS, CoreFacts
from advisor.facts.governance import add_facts as _governance_facts
from advisor.validate import ValidatedPlan

__all__ = ["PILLARS", "Fact", "FactSink", "extract"]


def extract(vplan: ValidatedPlan) -> list[Fact]:
    """Facts of one plan, in a stable order."""
    sink = FactSink(vplan)
    core = CoreFacts(sink)
    core.run()
    _governance_facts(sink, core)
    calibration.add_facts(sink)  # issue 14's checks, over the facts above
    return sink.facts
