"""Input problems: what is wrong with a file, where, and what was expected.

A problem carries a message code and parameters, never finished prose, so that it can be
rendered in Indonesian or English from the texts in ``knowledge/texts/errors.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from advisor.sources.place import Place


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int | None = None
    col: int | None = None
    path: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    # In a workbook: the sheet and cell (advisor/sources/place.py); line and col are then the
    # row's virtual line and the column number.
    sheet: str | None = None
    cell: str | None = None

    def where(self) -> str:
        """``file:line:col`` as editors and terminals link it; ``file:Sheet!C5`` in a workbook."""
        return Place(self.file, self.line, self.col, self.sheet, self.cell).where()

    def render(self, lang: str) -> str:
        """One line, whatever the values it quotes hold (escape sequences, line breaks)."""
        from advisor.terminal import one_line
        from advisor.texts import error_text

        text = error_text(self.code, lang, self.localised_params(lang))
        prefix = f"{self.path}: " if self.path else ""
        return one_line(f"{self.where()}: {prefix}{text}")

    def localised_params(self, lang: str) -> dict[str, Any]:
        """Parameters with the parts that are words (hints, type names, targets) in ``lang``:
        a problem keeps raw values, so it renders in either language."""
        from advisor.texts import error_text, label

        params = dict(self.params)
        if params.get("suggestion"):
            params["hint"] = error_text("did_you_mean", lang, {"suggestion": params["suggestion"]})
        elif params.get("allowed_keys"):
            params["hint"] = error_text("expected_keys", lang, {"allowed": params["allowed_keys"]})
        elif params.get("declared"):
            params["hint"] = error_text("declared_ids", lang, {"ids": params["declared"]})
        elif "suggestion" in params:
            params["hint"] = ""
        if "expected_types" in params:
            joiner = " atau " if lang == "id" else " or "
            params["expected"] = joiner.join(label("types", t, lang) for t in params["expected_types"])
        if "target_kind" in params:
            params["target"] = label("targets", params["target_kind"], lang)
        if "reason_code" in params:
            params["reason"] = error_text(params["reason_code"], lang, params)
        if self.code in ("yaml_syntax", "json_syntax"):
            params["reason"] = _yaml_reason(params, lang)
        return params


def _yaml_reason(params: dict[str, Any], lang: str) -> str:
    from advisor import knowledge
    from advisor.texts import fill

    problem, context = params.get("problem", ""), params.get("context", "")
    for entry in knowledge.yaml_reasons():
        if entry.problem in problem and entry.context in context:
            if "{context_line}" in entry.en and "context_line" not in params:
                continue
            return fill(entry.en if lang == "en" else entry.id, params)
    return str(params.get("reason", ""))


class InputError(Exception):
    """Raised when a plan cannot be read or validated; carries every problem found."""

    def __init__(self, problems: list[Problem], lang: str | None = None):
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems
        # the `language` the plan declares, when the file could be read that far: its problems
        # are then told in that language unless --lang or the config says otherwise
        self.lang = lang


def format_path(parts: tuple[str | int, ...]) -> str:
    """``("partners", 2, "pillar")`` -> ``partners[2].pillar``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@lru_cache(maxsize=4096)  # every finding's place is looked up by its path; plans share their shapes
def parse_path(text: str) -> tuple[str | int, ...]:
    """``partners[2].pillar`` -> ``("partners", 2, "pillar")``; the inverse of format_path."""
    parts: list[str | int] = []
    for chunk in text.split("."):
        if not chunk:
            continue
        name, _, rest = chunk.partition("[")
        if name:
            parts.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            parts.append(int(index))
            rest = rest.lstrip("[")
    return tuple(parts)
