"""Input problems: what is wrong with a file, where, and what was expected.

A problem carries a message code and parameters, never finished prose, so that it can be
rendered in Indonesian or English from the texts in ``knowledge/texts/errors.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int | None = None
    col: int | None = None
    path: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def where(self) -> str:
        """``file:line:col`` as editors and terminals link it."""
        if self.line is None:
            return self.file
        if self.col is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.col}"

    def render(self, lang: str) -> str:
        from advisor.texts import error_text

        text = error_text(self.code, lang, self.params)
        prefix = f"{self.path}: " if self.path else ""
        return f"{self.where()}: {prefix}{text}"


class InputError(Exception):
    """Raised when a plan cannot be read or validated; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems


def format_path(parts: tuple[str | int, ...]) -> str:
    """``("partners", 2, "pillar")`` -> ``partners[2].pillar``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


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
