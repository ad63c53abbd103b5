"""The plan-format reference as Markdown: every section and field of the plan model, its
Indonesian keys, what it holds and what it means, and the enumerated values with the spellings
accepted for them. Built from the model (advisor/model.py) and the knowledge files, so the
reference cannot drift from what the validator accepts."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel

from advisor import knowledge
from advisor.model import ENUM_FIELDS, SECTION_NAMES, Plan

# The enumerations listed at the end, in the order a reader meets them in a plan.
_ENUM_ORDER = ("kind", "scope", "pillar", "contribution", "frequency", "direction")


def render(lang: str) -> str:
    """The whole reference in ``lang`` (``id`` or ``en``)."""
    fields_text = knowledge.plan_fields()
    word = {key: text.get(lang) for key, text in fields_text.words.items()}
    aliases = knowledge.plan_format().aliases
    lines = [f"# {word['title']}", "", word["intro"], ""]
    for model in _sections_in_order():
        section = SECTION_NAMES[model]
        lines += [f"## `{section}`", "", fields_text.sections[section].get(lang), ""]
        lines += [
            f"| {word['key']} | {word['aliases']} | {word['type']} | {word['required']} | {word['meaning']} |",
            "|---|---|---|---|---|",
        ]
        by_field: dict[str, list[str]] = {}
        for alias, name in aliases.get(section, {}).items():
            by_field.setdefault(name, []).append(alias)
        for name, info in model.model_fields.items():
            alias_cell = ", ".join(f"`{a}`" for a in by_field.get(name, [])) or "-"
            kind = _kind(model, name, info.annotation, word)
            required = word["required_mark"] if info.is_required() else ""
            meaning = fields_text.fields[section][name].get(lang)
            lines.append(f"| `{name}` | {alias_cell} | {kind} | {required} | {meaning} |")
        lines.append("")
    lines += [f"## {word['values']}", ""]
    values = knowledge.plan_format().values
    for enum in _ENUM_ORDER:
        heading = f'### <a id="values-{enum}"></a>`{enum}`'
        lines += [heading, "", f"| {word['value']} | {word['synonyms']} |", "|---|---|"]
        for canonical, spellings in values[enum].items():
            lines.append(f"| `{canonical}` | {', '.join(spellings)} |")
        lines.append("")
    lines += [f"## {word['example']}", "", word["example_text"], ""]
    return "\n".join(lines)


def _sections_in_order() -> list[type[BaseModel]]:
    """The plan first, then every section model in the order the plan's fields reach it."""
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                visit(inner)

    visit(Plan)
    return seen


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _kind(model: type[BaseModel], name: str, annotation: Any, word: dict[str, str]) -> str:
    """What a field holds, in words: a text, a list of a section, one of an enumeration..."""
    enum = ENUM_FIELDS.get((model, name))
    if enum is not None:
        return f"{word['one_of']} [`{enum}`](#values-{enum})"
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        lists = [a for a in args if typing.get_origin(a) is list]
        if lists and all(a is str or typing.get_origin(a) is list for a in args):
            inner = [typing.get_args(a)[0] for a in lists]
            return word["texts"] if all(i is str for i in inner) else word["ids"]
        if len(args) == 1:
            return _kind(model, name, args[0], word)
        if {a for a in args} >= {int, float, str}:
            return word["number_or_text"]
    if origin is list:
        (inner,) = typing.get_args(annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return f"{word['list_of']} `{SECTION_NAMES[inner]}`"
        return f"{word['list_of']} {_kind(model, name, inner, word)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{word['section']} `{SECTION_NAMES[annotation]}`"
    simple = {str: "text", dt.date: "date", bool: "boolean", float: "number", int: "number"}
    if annotation in simple:
        return word[simple[annotation]]
    if typing.get_origin(annotation) is typing.Literal:
        return ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return " / ".join(_kind(model, name, a, word) for a in args)
    return word["text"]
