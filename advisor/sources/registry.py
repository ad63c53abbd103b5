"""Plan readers by file suffix: every reader returns the :class:`advisor.loader.Document` the
pipeline validates, so a plan reads the same from YAML, JSON or a workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from advisor.loader import DEFAULT_MAX_BYTES, Document, load_file

Reader = Callable[[Path, str, int], Document]


def _text(path: Path, display: str, max_bytes: int) -> Document:
    return load_file(path, display, max_bytes)


def _workbook(path: Path, display: str, max_bytes: int) -> Document:
    from advisor.sources.xlsx_read import read_workbook  # openpyxl only when a workbook is read

    return read_workbook(path, display, max_bytes)


READERS: dict[str, Reader] = {".yaml": _text, ".yml": _text, ".json": _text, ".xlsx": _workbook, ".xlsm": _workbook}
PLAN_SUFFIXES = tuple(READERS)


def is_workbook(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")


def read_plan(path: str | Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read any plan file; an unknown suffix is read as YAML, as before there were workbooks."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower(), _text)
    return reader(path, display or str(path), max_bytes)
