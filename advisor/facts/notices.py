"""Notices about how a plan's numbers were read: a number that reads differently in the two
languages' conventions ("1.500" in a plan that declares English or no language) is read the
plan language's way and reported with both readings, never silently."""

from __future__ import annotations

from advisor.problems import Problem
from advisor.text.numbers import read_number
from advisor.validate import ValidatedPlan

_FIELDS = ("baseline", "target")


def _shown(value: float) -> str:
    return f"{value:,.10g}".replace(",", " ") if abs(value) >= 1000 else f"{value:.10g}"


def _written(value: float, lang: str) -> str:
    """``value`` as the plan's language writes it with no room for doubt: no thousands
    separator, and its own decimal mark."""
    text = f"{value:.10g}"
    return text.replace(".", ",") if lang == "id" else text


def number_notices(vplan: ValidatedPlan) -> tuple[Problem, ...]:
    lang = vplan.plan.language
    out = []
    for i, indicator in enumerate(vplan.plan.indicators):
        for name in _FIELDS:
            value = getattr(indicator, name)
            reading = read_number(value, lang) if isinstance(value, str) else None
            if reading is None or reading.other is None:
                continue
            line, col = vplan.position(("indicators", i, name))
            params = {
                "value": reading.source,
                "first": _shown(reading.value),
                "second": _shown(reading.other),
                "lang": lang or "id",
                "other_written": _written(reading.other, lang or "id"),
            }
            out.append(Problem("number_ambiguous", vplan.file, line, col, f"indicators[{i}].{name}", params))
    return tuple(out)
