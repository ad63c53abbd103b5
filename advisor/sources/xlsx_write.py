"""Write plan data as a workbook (the template, ``advisor convert``) and make any workbook we
write byte-identical for the same content (fixed zip times and document dates).

Input is canonical plan data (English keys, canonical values: ``ValidatedPlan.data``); names
shown are in ``lang``. openpyxl writes; nothing here reads a user's file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from advisor.model import Partner, Plan
from advisor.sources import layout
from advisor.sources.place import column_letter

FIXED_TIME = dt.datetime(2000, 1, 1)  # what every workbook we write says about when it was made
_ROWS_WITH_CHOICES = 500  # drop-downs reach this far below the header
_WIDTH = {"text": 48, "texts": 48, "ids": 16, "date": 13, "bool": 10, "number": 14, "model": 30}
_HEAD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def header_name(model: type[BaseModel], path: tuple[str, ...], lang: str) -> str:
    """The column or field name shown: ``Tanggung jawab``, ``Anggaran: jumlah``, ``Data source``."""
    words = []
    for name in path:
        words.append(layout.alias_of(layout.section_of(model), lang).get(name, name).replace("_", " "))
        inner = layout.nested_model(model, name) if name in model.model_fields else None
        model = inner or model
    text = ": ".join(words)
    return text[:1].upper() + text[1:]


def field_key(model: type[BaseModel], path: tuple[str, ...], lang: str) -> str:
    """A key/value sheet's key: ``periode.mulai`` / ``period.start``."""
    words = []
    for name in path:
        words.append(layout.alias_of(layout.section_of(model), lang).get(name, name))
        inner = layout.nested_model(model, name) if name in model.model_fields else None
        model = inner or model
    return ".".join(words)


def choice_words(enum: str, lang: str) -> dict[str, str]:
    return {canon: words[lang] for canon, words in layout.texts()["choices"][enum].items()}


def write_workbook(data: dict[str, Any], lang: str) -> bytes:
    book = Workbook()
    words = layout.texts()
    intro = book.active
    assert intro is not None
    intro.title = words["sheets"]["instructions"][lang]
    intro.column_dimensions["A"].width = 110
    for i, line in enumerate(words["instructions"][lang], 1):
        intro.cell(i, 1, line).alignment = _WRAP
    intro.cell(1, 1).font = Font(bold=True, size=13)
    for spec in layout.SHEETS:
        ws = book.create_sheet(words["sheets"][spec.key][lang])
        if spec.kind == "fields":
            _fields(ws, spec, _at(data, spec.path), lang)
        elif spec.kind == "table":
            _table(ws, spec, _at(data, spec.path), lang)
        elif spec.kind == "items":
            _items(ws, spec, data.get("partners") or [], lang)
        else:
            _reasons(ws, spec, _at(data, spec.path), lang)
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = f"A1:{column_letter(ws.max_column)}{ws.max_row}"
    return deterministic(book)


def deterministic(book: Workbook) -> bytes:
    """The workbook's bytes, the same for the same content: fixed document dates and zip times."""
    book.properties.creator = "Pentahelix Advisor"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return fix_zip(buffer.getvalue())


_CORE_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def fix_zip(raw: bytes) -> bytes:
    """Every entry rewritten with one fixed time, in the same order; core.xml's dates fixed
    (openpyxl stamps `modified` with the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _CORE_DATE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content)
    return out.getvalue()


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _head(ws: Worksheet, names: list[str], widths: list[int]) -> None:
    for col, (name, width) in enumerate(zip(names, widths, strict=True), 1):
        ws.cell(1, col, name).font = _HEAD
        ws.column_dimensions[column_letter(col)].width = width


def _cell_value(value: Any, kind: str, lang: str, only_list: bool = False) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return layout.texts()["booleans"][str(value).lower()][lang]
    if isinstance(value, list):
        sep = ", " if kind == "ids" else "\n"
        joined = sep.join(str(_cell_value(v, "text", lang)) for v in value)
        # A list of one stays a list (the field could hold a single text): a trailing comma or
        # line break says so, and the reader keeps it a list (xlsx_read._convert).
        return joined + sep.strip(" ") if len(value) == 1 and not only_list else joined
    if isinstance(value, dt.date | int | float):
        return value
    return str(value)


def _put(ws: Worksheet, row: int, col: int, value: Any, kind: str, lang: str, only_list: bool = False) -> None:
    cell = ws.cell(row, col, _cell_value(value, kind, lang, only_list))
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"  # a plan's text that starts with "=" stays text, never a formula
    if isinstance(cell.value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    elif kind in ("text", "texts"):
        cell.alignment = _WRAP


def _choices(ws: Worksheet, model: type[BaseModel], name: str, ref: str, lang: str) -> None:
    enum = layout.ENUMS.get((model, name)) or layout.SUGGESTED.get((model, name))
    if name == "language" and model is Plan:
        enum = "language"
    words: list[str] | None = None
    if enum:
        words = list(choice_words(enum, lang).values())
    elif layout.field_type(model, name) == "bool" if name in model.model_fields else False:
        words = [w[lang] for w in layout.texts()["booleans"].values()]
    if not words:
        return
    rule = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
    rule.add(ref)
    ws.add_data_validation(rule)


def _enum_value(model: type[BaseModel], name: str, value: Any, lang: str) -> Any:
    enum = layout.ENUMS.get((model, name))
    if enum and isinstance(value, str):
        return choice_words(enum, lang).get(value, value)
    return value


def _fields(ws: Worksheet, spec: layout.Sheet, data: Any, lang: str) -> None:
    words = layout.texts()["columns"]
    _head(ws, [words["field"][lang], words["value"][lang]], [34, 90])
    data = data if isinstance(data, dict) else {}
    row = 2
    for path in layout.fields_rows(spec.model):
        owner, name = layout.model_at(spec.model, path)
        kind = layout.field_type(owner, name)
        value = _at(data, path)
        items = value if isinstance(value, list) else [value]
        if value is not None and not items:
            continue
        if isinstance(value, list) and len(value) == 1 and not layout.always_list(owner, name):
            items = [*items, None]  # a row for another entry: the field is a list of one, not a text
        for item in items:
            ws.cell(row, 1, field_key(spec.model, path, lang))
            _put(ws, row, 2, _enum_value(owner, name, item, lang), "text" if kind == "texts" else kind, lang)
            ref = f"B{row}"
            if path in (("coordination", "frequency"), ("monitoring", "frequency")):
                rule = DataValidation(
                    type="list", formula1='"' + ",".join(choice_words("frequency", lang).values()) + '"'
                )
                rule.showErrorMessage = False  # a free text ("setiap Senin pertama") is accepted too
                rule.add(ref)
                ws.add_data_validation(rule)
            else:
                _choices(ws, owner, name, ref, lang)
            row += 1


def _table(ws: Worksheet, spec: layout.Sheet, records: Any, lang: str) -> None:
    paths = [tuple(c.split(".")) for c in spec.columns]
    kinds = [layout.field_type(*layout.model_at(spec.model, p)) for p in paths]
    _head(ws, [header_name(spec.model, p, lang) for p in paths], [_WIDTH[k] for k in kinds])
    for col, path in enumerate(paths, 1):
        owner, name = layout.model_at(spec.model, path)
        _choices(ws, owner, name, f"{column_letter(col)}2:{column_letter(col)}{_ROWS_WITH_CHOICES}", lang)
    for row, record in enumerate(records if isinstance(records, list) else [], 2):
        for col, (path, kind) in enumerate(zip(paths, kinds, strict=True), 1):
            owner, name = layout.model_at(spec.model, path)
            value = _enum_value(owner, name, _at(record, path), lang)
            _put(ws, row, col, value, kind, lang, layout.always_list(owner, name))


def _partner_choice(ws: Worksheet, lang: str) -> None:
    partners = layout.texts()["sheets"]["partners"][lang]
    rule = DataValidation(type="list", formula1=f"'{partners}'!$A$2:$A${_ROWS_WITH_CHOICES}", allow_blank=True)
    rule.add(f"A2:A{_ROWS_WITH_CHOICES}")
    ws.add_data_validation(rule)


def _items(ws: Worksheet, spec: layout.Sheet, partners: list[Any], lang: str) -> None:
    partner_head = layout.texts()["columns"]["partner"][lang]
    _partner_choice(ws, lang)
    if spec.item:
        _head(ws, [partner_head, header_name(Partner, (spec.item,), lang)], [16, 90])
        row = 2
        for partner in partners:
            for text in partner.get(spec.item) or []:
                ws.cell(row, 1, partner.get("id"))
                _put(ws, row, 2, text, "text", lang)
                row += 1
        return
    paths = [tuple(c.split(".")) for c in spec.columns[1:]]
    kinds = [layout.field_type(*layout.model_at(spec.model, p)) for p in paths]
    _head(ws, [partner_head, *(header_name(spec.model, p, lang) for p in paths)], [16, *(_WIDTH[k] for k in kinds)])
    for col, path in enumerate(paths, 2):
        owner, name = layout.model_at(spec.model, path)
        _choices(ws, owner, name, f"{column_letter(col)}2:{column_letter(col)}{_ROWS_WITH_CHOICES}", lang)
    row = 2
    for partner in partners:
        for record in partner.get(spec.path[-1]) or []:
            ws.cell(row, 1, partner.get("id"))
            for col, (path, kind) in enumerate(zip(paths, kinds, strict=True), 2):
                owner, name = layout.model_at(spec.model, path)
                value = _enum_value(owner, name, _at(record, path), lang)
                _put(ws, row, col, value, kind, lang, layout.always_list(owner, name))
            row += 1


def _reasons(ws: Worksheet, spec: layout.Sheet, data: Any, lang: str) -> None:
    words = layout.texts()["columns"]
    _head(ws, [words["pillar"][lang], words["reason"][lang]], [18, 90])
    pillars = choice_words("pillar", lang)
    rule = DataValidation(type="list", formula1='"' + ",".join(pillars.values()) + '"', allow_blank=True)
    rule.add(f"A2:A{_ROWS_WITH_CHOICES}")
    ws.add_data_validation(rule)
    for row, (pillar, reason) in enumerate(sorted((data or {}).items()) if isinstance(data, dict) else [], 2):
        ws.cell(row, 1, pillars.get(pillar, pillar))
        _put(ws, row, 2, reason, "text", lang)
