"""``advisor convert``: a plan from one file form to another (.yaml, .yml, .json, .xlsx), the
keys in the source's language unless asked otherwise. What goes through is the validated plan
data, so the target gives the same plan; what a form cannot carry (YAML comments) is named.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from advisor import knowledge
from advisor.loader import Document
from advisor.model import Plan
from advisor.sources import layout

_COMMENT = re.compile(r"(?m)(?:^|[ \t])#")
TEXT_SUFFIXES = (".yaml", ".yml", ".json")
TARGET_SUFFIXES = (*TEXT_SUFFIXES, ".xlsx")


def key_language(doc: Document) -> str:
    """``id`` when the plan's keys (or a workbook's sheet names) are Indonesian, else ``en``."""
    if doc.sheets is not None:
        sheet_words = layout.texts()["sheets"]
        indonesian = {w["id"] for w in sheet_words.values()} - {w["en"] for w in sheet_words.values()}
        titles = {sheet for sheet, _, _ in doc.sheets.rows.values()}
        return "id" if titles & indonesian else "en"
    aliases = knowledge.plan_format().aliases["plan"]
    keys = doc.data.keys() if isinstance(doc.data, dict) else ()
    return "id" if any(k in aliases and k not in Plan.model_fields for k in keys) else "en"


def translated(data: Any, lang: str, model: type[BaseModel] = Plan) -> Any:
    """Canonical plan data with its keys in ``lang`` (the first Indonesian alias of each)."""
    if not isinstance(data, dict):
        return data
    names = layout.alias_of(layout.section_of(model), lang)
    out: dict[str, Any] = {}
    for key, value in data.items():
        inner = layout.nested_model(model, key) if key in model.model_fields else None
        if inner is not None and isinstance(value, list):
            value = [translated(v, lang, inner) for v in value]
        elif inner is not None:
            value = translated(value, lang, inner)
        out[str(names.get(key, key))] = value
    return out


def _plain(value: Any) -> Any:
    """Data without empty sections, for a YAML or JSON file a person reads."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class _Dumper(yaml.SafeDumper):
    pass


def _text_block(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_block)


def to_yaml(data: dict[str, Any], lang: str) -> str:
    return yaml.dump(translated(_plain(data), lang), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def to_json(data: dict[str, Any], lang: str) -> str:
    def default(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps(translated(_plain(data), lang), ensure_ascii=False, indent=2, default=default) + "\n"


def render(data: dict[str, Any], suffix: str, lang: str) -> bytes:
    """Canonical plan data as the bytes of a ``suffix`` file."""
    if suffix == ".xlsx":
        from advisor.sources.xlsx_write import write_workbook

        return write_workbook(data, lang)
    if suffix == ".json":
        return to_json(data, lang).encode("utf-8")
    return to_yaml(data, lang).encode("utf-8")


def lost_on_the_way(source: Path, target_suffix: str) -> list[str]:
    """What the source holds that the target cannot: ``comments`` for a YAML source with any."""
    if source.suffix.lower() not in (".yaml", ".yml"):
        return []
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    # PyYAML's scanner drops comments; in YAML a comment is `#` at a line's start or after a blank.
    return ["comments"] if _COMMENT.search(text) else []
