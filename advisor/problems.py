"""Input problems: what is wrong with a file, where, and what was expected.

A problem carries a message code and parameters, never finished prose, so that it can be
rendered in Indonesian or English from the texts in ``knowledge/texts/errors.yaml``
(advisor/render/problem.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from advisor.sources.place import Place


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file: a message ``code`` of knowledge/texts/errors.yaml with
    its ``params``, and where it is (line and column when known, ``path`` in the plan's keys)."""

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
