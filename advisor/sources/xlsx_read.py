"""Read a plan workbook into the same data a YAML plan gives, each value placed at its cell.

openpyxl in read-only mode with the stored values (``data_only``): measured against
python-calamine (see the commit and bench/run.py), it gives each cell's coordinate and type,
the workbook's date system, and is already what writes the template. Merged ranges and
formulas without a stored value come from the bounded first pass of :mod:`.guard`.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from advisor import knowledge
from advisor.loader import Document, Key, Position
from advisor.problems import InputError, Problem
from advisor.sources import guard, layout
from advisor.sources.place import SheetMap, column_letter

_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
_TRUE = {"ya", "yes", "true", "benar", "y", "1"}
_FALSE = {"tidak", "no", "false", "salah", "t", "n", "0"}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ID_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.500 / 1.500,25
_EN_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")  # 1,500 / 1,500.25
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?$")
_SPLIT_IDS = re.compile(r"[,;\n]+")
_LAST_SERIAL = 2_958_466  # 9999-12-31: Excel has no date after it


@dataclass
class _Row:
    line: int
    number: int
    cells: dict[int, Any]  # column -> value, empty cells left out


@dataclass
class _Sheet:
    title: str
    spec: layout.Sheet
    rows: list[_Row] = field(default_factory=list)


class _Reader:
    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.positions: dict[Key, Position] = {}
        self.key_positions: dict[Key, Position] = {}
        self.map = SheetMap()
        self.lang = "en"
        self.epoch = dt.datetime(1899, 12, 30)

    def problem(self, code: str, sheet: str, line: int, row: int, col: int, **params: Any) -> None:
        cell = f"{column_letter(col)}{row}"
        self.problems.append(Problem(code, self.display, line, col, sheet=sheet, cell=cell, params=params))


def read_workbook(path: Path, display: str, max_bytes: int) -> Document:
    archive, notes = guard.open_zip(path, display, max_bytes)
    with archive:
        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl warns about parts it does not read
                book = openpyxl.load_workbook(
                    archive.fp,  # type: ignore[arg-type]
                    read_only=True,
                    data_only=True,
                    keep_vba=False,
                    keep_links=False,
                )
        except Exception as exc:  # any way openpyxl finds the package broken
            raise InputError([Problem("xlsx_unreadable", display, params={"reason": str(exc)[:200]})]) from None
        try:
            reader = _Reader(display)
            reader.epoch = book.epoch
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # e.g. a date cell out of range: read as an error value
                sheets = _read_sheets(book, archive, reader)
        finally:
            book.close()
    if not sheets:  # none of the plan's sheets: say that, not every sheet it has instead
        raise InputError([Problem("xlsx_no_plan", display)])
    data = _assemble(sheets, reader)
    if reader.problems:
        raise InputError(reader.problems)
    if not data:
        raise InputError([Problem("xlsx_no_plan", display)])
    return Document(display, data, reader.positions, reader.key_positions, reader.map, tuple(notes))


def _sheet_names() -> dict[str, tuple[layout.Sheet, str]]:
    """Every accepted sheet name, normalised -> (its sheet, its language)."""
    names: dict[str, tuple[layout.Sheet, str]] = {}
    words = layout.texts()["sheets"]
    for spec in layout.SHEETS:
        for lang in ("en", "id"):
            names[_norm(words[spec.key][lang])] = (spec, lang)
        names[_norm(spec.key)] = (spec, "en")
    return names


def _norm(text: str) -> str:
    return "_".join(str(text).strip().lower().replace("-", " ").replace("_", " ").split())


def _read_sheets(book: Any, archive: Any, reader: _Reader) -> list[_Sheet]:
    known = _sheet_names()
    ignored = {_norm(layout.texts()["sheets"]["instructions"][lang]) for lang in ("en", "id")}
    out: list[_Sheet] = []
    langs: list[str] = []
    line = 0
    for ws in book.worksheets:
        title = str(ws.title)
        name = _norm(title)
        if name in ignored:
            continue
        if name not in known:
            reader.problems.append(
                Problem(
                    "xlsx_unknown_sheet",
                    reader.display,
                    sheet=title,
                    params={"name": title, "allowed": ", ".join(sorted({k for k in known if "_" not in k}))},
                )
            )
            continue
        spec, lang = known[name]
        langs.append(lang)
        part = str(getattr(ws, "_worksheet_path", ""))
        scan = guard.scan_sheet(archive, part, reader.display, title)
        sheet = _Sheet(title, spec)
        for ref in scan.uncached:
            row, col = guard.cell_index(ref)
            line += 1
            reader.problem("xlsx_formula_uncached", title, line, row, col)
        if not scan.rows:
            out.append(sheet)
            continue
        merged_from: dict[tuple[int, int], tuple[int, int]] = {}
        for r1, c1, r2, c2 in scan.merged:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        merged_from[(r, c)] = (r1, c1)
        grid: dict[tuple[int, int], Any] = {}
        for row_cells in ws.iter_rows(min_row=1, max_row=scan.rows, max_col=scan.cols):
            for cell in row_cells:
                value = getattr(cell, "value", None)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                grid[(cell.row, cell.column)] = (cell.data_type, value)
        for (r, c), origin in merged_from.items():  # a merged range means its value in each cell
            if origin in grid and (r, c) not in grid:
                grid[(r, c)] = grid[origin]
        by_row: dict[int, dict[int, Any]] = {}
        for (r, c), typed in sorted(grid.items()):
            by_row.setdefault(r, {})[c] = typed
        for number, cells in sorted(by_row.items()):
            line += 1
            texts = tuple(_shown(cells.get(c, (None, None))[1]) for c in range(1, max(cells) + 1))
            reader.map.rows[line] = (title, number, texts)
            values: dict[int, Any] = {}
            for c, (kind, value) in cells.items():
                if kind == "e" or (isinstance(value, str) and value.strip() in _ERRORS):
                    reader.problem("xlsx_error_value", title, line, number, c, value=str(value))
                    continue
                values[c] = value
            sheet.rows.append(_Row(line, number, values))
        out.append(sheet)
    reader.lang = "id" if langs.count("id") > langs.count("en") else "en"
    return out


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).split())[:200]


# --- from rows to plan data ----------------------------------------------------------------


def _assemble(sheets: list[_Sheet], reader: _Reader) -> dict[str, Any]:
    data: dict[str, Any] = {}
    # Partners first: the sheets of responsibilities, contributions and benefits refer to them.
    order = {spec.key: i for i, spec in enumerate(layout.SHEETS)}
    for sheet in sorted(sheets, key=lambda s: order[s.spec.key]):
        header, rows = _header(sheet)
        if header is None:
            continue
        kind = sheet.spec.kind
        if kind == "fields":
            _fields(sheet, header, rows, data, reader)
        elif kind == "table":
            _table(sheet, header, rows, data, reader)
        elif kind == "items":
            _items(sheet, header, rows, data, reader)
        else:
            _reasons(sheet, header, rows, data, reader)
    return data


def _header(sheet: _Sheet) -> tuple[dict[int, str] | None, list[_Row]]:
    """The first row holding anything is the header; columns without a name are left out."""
    if not sheet.rows:
        return None, []
    first = sheet.rows[0]
    names = {c: _norm(str(v)).replace(":_", ".").replace(":", ".") for c, v in first.cells.items()}
    return names, sheet.rows[1:]


def _canonical(model: type[BaseModel], name: str) -> str:
    if name in model.model_fields:
        return name
    aliases = knowledge.plan_format().aliases.get(layout.section_of(model), {})
    return aliases.get(name, name)


def _column(model: type[BaseModel], header: str) -> tuple[str, ...]:
    """A column's header as a canonical key path within ``model`` (``anggaran.jumlah`` ->
    ``budget.amount``); an unknown name stays as written, for validation to report."""
    path: list[str] = []
    current: type[BaseModel] | None = model
    for part in header.split("."):
        if current is None:
            path.append(part)
            continue
        name = _canonical(current, part)
        path.append(name)
        current = layout.nested_model(current, name) if name in current.model_fields else None
    return tuple(path)


def _kind(model: type[BaseModel], path: tuple[str, ...]) -> str:
    try:
        owner, name = layout.model_at(model, path)
    except (AssertionError, KeyError):
        return "text"
    return layout.field_type(owner, name) if name in owner.model_fields else "text"


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        inner = target.setdefault(part, {})
        if not isinstance(inner, dict):
            return
        target = inner
    target[path[-1]] = value


def _table(sheet: _Sheet, header: dict[int, str], rows: list[_Row], data: dict[str, Any], reader: _Reader) -> None:
    spec = sheet.spec
    records: list[dict[str, Any]] = []
    for row in rows:
        record: dict[str, Any] = {}
        key: Key = (*spec.path, len(records))
        for col, value in sorted(row.cells.items()):
            if col not in header or not header[col]:
                continue
            path = _column(spec.model, header[col])
            kind = _kind(spec.model, path)
            converted = _convert(value, kind, reader)
            if kind == "ids" and isinstance(converted, str):
                owner, name = layout.model_at(spec.model, path)
                if layout.always_list(owner, name):
                    converted = [converted]  # `support: [dinas]`; `lead: dinas` stays a single id
            if isinstance(converted, list):
                for k in range(len(converted)):
                    reader.positions[(*key, *path, k)] = (row.line, col)
            _put(record, path, converted)
            for depth in range(1, len(path) + 1):
                reader.positions.setdefault((*key, *path[:depth]), (row.line, col))
                reader.key_positions.setdefault((*key, *path[:depth]), (row.line, col))
        if record:
            reader.positions[key] = (row.line, min(row.cells))
            records.append(record)
    if records:
        _put(data, spec.path, records)
        reader.positions.setdefault(spec.path, (rows[0].line, 1))


def _items(sheet: _Sheet, header: dict[int, str], rows: list[_Row], data: dict[str, Any], reader: _Reader) -> None:
    """Rows of a list each partner holds: the partner's id, then one item (or its fields)."""
    spec = sheet.spec
    partners = data.get("partners") if isinstance(data.get("partners"), list) else None
    index = {str(p.get("id", "")).strip(): i for i, p in enumerate(partners or []) if isinstance(p, dict)}
    partner_names = {_norm(w) for w in layout.texts()["columns"]["partner"].values()} | {"partner", "mitra", "pihak"}
    partner_col = next((c for c, name in sorted(header.items()) if name in partner_names), None)
    field_name = spec.path[-1]
    for row in rows:
        if partner_col is None or partner_col not in row.cells:
            col = partner_col or min(row.cells)
            reader.problem("xlsx_no_partner", sheet.title, row.line, row.number, col)
            continue
        pid = _shown(row.cells[partner_col])
        if pid not in index or partners is None:
            reader.problem(
                "xlsx_unknown_partner", sheet.title, row.line, row.number, partner_col, id=pid, ids=", ".join(index)
            )
            continue
        owner = partners[index[pid]]
        held = owner.setdefault(field_name, [])
        base: Key = ("partners", index[pid], field_name)
        reader.positions.setdefault(base, (row.line, partner_col))
        reader.key_positions.setdefault(base, (row.line, partner_col))
        rest = {c: v for c, v in row.cells.items() if c != partner_col and header.get(c)}
        if spec.item:  # one text per row
            if not rest:
                continue
            col = min(rest)
            reader.positions[(*base, len(held))] = (row.line, col)
            held.append(_convert(rest[col], "text", reader))
            continue
        record: dict[str, Any] = {}
        for col, value in sorted(rest.items()):
            path = _column(spec.model, header[col])
            _put(record, path, _convert(value, _kind(spec.model, path), reader))
            reader.positions[(*base, len(held), *path)] = (row.line, col)
            reader.key_positions[(*base, len(held), *path)] = (row.line, col)
        if record:
            reader.positions[(*base, len(held))] = (row.line, min(rest))
            held.append(record)


def _fields(sheet: _Sheet, header: dict[int, str], rows: list[_Row], data: dict[str, Any], reader: _Reader) -> None:
    """Key/value rows: the first named column holds the key (dotted for a nested field), the
    second the value; a key on several rows is a list."""
    spec = sheet.spec
    columns = sorted(c for c, name in header.items() if name)
    if len(columns) < 2:
        return
    key_col, value_col = columns[0], columns[1]
    target: dict[str, Any] = data
    for part in spec.path:
        inner = target.setdefault(part, {})
        if not isinstance(inner, dict):  # the section was given a single value on the plan sheet
            return
        target = inner
    seen: set[tuple[str, ...]] = set()
    marked: set[tuple[str, ...]] = set()  # written with a row left empty: a list, even of one
    for row in rows:
        if key_col not in row.cells:
            continue
        written = _norm(_shown(row.cells[key_col]))
        path = _column(spec.model, written)
        if value_col not in row.cells:
            marked.add(path)
            continue
        kind = _kind(spec.model, path)
        owner_ok = True
        try:
            owner, name = layout.model_at(spec.model, path)
            listed = name in owner.model_fields and (layout.always_list(owner, name) or kind == "texts")
        except (AssertionError, KeyError):
            listed, owner_ok = False, False
        value = _convert(row.cells[value_col], "text" if kind == "texts" else kind, reader)
        full: Key = (*spec.path, *path)
        if listed and owner_ok:
            current = _get(target, path)
            items = current if isinstance(current, list) else []
            reader.positions[(*full, len(items))] = (row.line, value_col)
            items.append(value)
            _put(target, path, items)
        elif path in seen:
            reader.problem("duplicate_key", sheet.title, row.line, row.number, key_col, key=".".join(path))
            continue
        else:
            _put(target, path, value)
        seen.add(path)
        for depth in range(1, len(path) + 1):
            reader.positions.setdefault((*spec.path, *path[:depth]), (row.line, value_col))
            reader.key_positions.setdefault((*spec.path, *path[:depth]), (row.line, key_col))
    for path in seen - marked:  # a list written on one row is a text where the field may be one
        value = _get(target, path)
        try:
            owner, name = layout.model_at(spec.model, path)
        except (AssertionError, KeyError):
            continue
        known = name in owner.model_fields
        if known and isinstance(value, list) and len(value) == 1 and not layout.always_list(owner, name):
            _put(target, path, value[0])
    if not target and spec.path:
        del data[spec.path[0]]
    elif spec.path:
        reader.positions.setdefault(spec.path, (rows[0].line if rows else 1, 1))


def _get(target: dict[str, Any], path: tuple[str, ...]) -> Any:
    for part in path:
        if not isinstance(target, dict):
            return None
        target = target.get(part)  # type: ignore[assignment]
    return target


def _reasons(sheet: _Sheet, header: dict[int, str], rows: list[_Row], data: dict[str, Any], reader: _Reader) -> None:
    columns = sorted(c for c, name in header.items() if name)
    if len(columns) < 2:
        return
    key_col, value_col = columns[0], columns[1]
    out: dict[str, Any] = {}
    for row in rows:
        if key_col not in row.cells:
            continue
        key = _norm(_shown(row.cells[key_col]))
        out[key] = _convert(row.cells.get(value_col, ""), "text", reader)
        reader.positions[(*sheet.spec.path, key)] = (row.line, value_col)
        reader.key_positions[(*sheet.spec.path, key)] = (row.line, key_col)
    if out:
        data[sheet.spec.path[0]] = out
        reader.positions.setdefault(sheet.spec.path, (rows[0].line, 1))


# --- cell values -----------------------------------------------------------------------------


def _convert(value: Any, kind: str, reader: _Reader) -> Any:
    """A cell's value as a person meant it for a field of this kind."""
    if isinstance(value, dt.datetime):
        return value.date() if kind == "date" else _shown(value)
    if isinstance(value, str):
        text = value.strip()
        if kind == "date":
            return _date_text(text)
        if kind == "bool":
            low = text.lower()
            return True if low in _TRUE else False if low in _FALSE else text
        if kind == "number":
            return _number_text(text, reader.lang)
        if kind == "ids":
            ids = [part.strip() for part in _SPLIT_IDS.split(text) if part.strip()]
            return ids if len(ids) != 1 or value.rstrip(" ").endswith((",", ";", "\n")) else ids[0]
        if kind == "texts":
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            return lines if len(lines) > 1 or value.rstrip(" ").endswith("\n") else text
        return text
    if isinstance(value, bool):
        return value if kind == "bool" else ("ya" if value and reader.lang == "id" else str(value).lower())
    if isinstance(value, int | float):
        if kind == "date" and 1 <= value < _LAST_SERIAL:
            return (reader.epoch + dt.timedelta(days=float(value))).date()
        if kind == "number":
            return int(value) if isinstance(value, float) and value.is_integer() else value
        if kind == "ids":
            return [_text_of(value)]
        return _text_of(value)
    return _text_of(value)


def _text_of(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return _shown(value)
    return str(value)


def _date_text(text: str) -> Any:
    iso, dmy = _ISO.match(text), _DMY.match(text)
    try:
        if iso:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:  # Indonesian and British order: day first
            return dt.date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        pass
    return text


def _number_text(text: str, lang: str) -> Any:
    """A number typed as text: ``1.500`` is fifteen hundred in an Indonesian workbook, ``1,500``
    in an English one; anything that is not a plain number stays text for the text layer."""
    compact = text.replace(" ", "").replace("\u00a0", "")
    if lang == "id" and _ID_THOUSANDS.match(compact):
        whole, _, frac = compact.replace(".", "").partition(",")
        return float(f"{whole}.{frac}") if frac else int(whole)
    if lang == "en" and _EN_THOUSANDS.match(compact):
        return _plain(compact.replace(",", ""))
    if _PLAIN_NUMBER.match(compact):
        if lang == "id":
            return _plain(compact.replace(",", "."))
        if "," in compact:
            return text
        return _plain(compact)
    return text


def _plain(text: str) -> int | float:
    return float(text) if "." in text else int(text)
