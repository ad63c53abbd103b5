"""Where something stands in a plan: a line and column of a text file, or a sheet and cell of a
workbook.

A workbook is read as if each of its rows were a line: every row gets a *virtual line* number
(sheets in workbook order, rows in sheet order), so everything that places by ``(line, col)``
(validation, findings, sorting) works unchanged. :class:`SheetMap` turns a virtual line back
into the sheet and cell a person looks for, and gives the row's cells as the excerpt that a
report shows where it shows a YAML line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass(frozen=True)
class Place:
    """A place in a plan file: ``line``/``col`` for text, ``sheet``/``cell`` for a workbook."""

    file: str
    line: int | None = None
    col: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def where(self) -> str:
        """``file:line:col`` or ``file:Sheet!C5``, as a person and an editor read them."""
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{self.cell}" if self.cell else f"{self.file}:{self.sheet}"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}" if self.col is None else f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class SheetMap:
    """The virtual lines of a workbook: line -> (sheet, row number, the row's cell texts)."""

    rows: dict[int, tuple[str, int, tuple[str, ...]]] = field(default_factory=dict)

    def place(self, file: str, line: int | None, col: int | None) -> Place:
        known = self.rows.get(line) if line is not None else None
        if known is None:
            return Place(file, line, col)
        sheet, row, _ = known
        return Place(file, sheet=sheet, cell=f"{column_letter(col or 1)}{row}")

    def excerpt(self, line: int) -> tuple[str, ...]:
        """The row's cells, ``C5: text`` each, non-empty only."""
        known = self.rows.get(line)
        if known is None:
            return ()
        _, row, cells = known
        return tuple(f"{column_letter(i)}{row}: {text}" for i, text in enumerate(cells, 1) if text)
