"""A JSON Schema (draft 2020-12) of the plan format, for editors.

Built from the Pydantic model (advisor/model.py), then widened to what the validator really
accepts: every Indonesian key alias of ``knowledge/plan_format.yaml`` is a property of its
own, a required field may be given under any of its names, and enumerated values accept
their synonyms in any letter case. Unknown keys stay rejected, as in ``advisor validate``.
With it, the YAML language server validates and completes a plan as it is typed.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pydantic import BaseModel

from advisor import knowledge
from advisor.model import ENUM_FIELDS, SECTION_NAMES, Plan
from advisor.texts import ui

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _normal(spelling: str) -> str:
    # The validator's own normalisation (advisor/validate.py, enum_value).
    return " ".join(spelling.lower().replace("_", " ").replace("-", " ").split())


def _pattern(spellings: list[str]) -> str:
    """Any of ``spellings`` in any letter case, words separated by spaces, ``_`` or ``-``."""
    alternatives = []
    for spelling in sorted({_normal(s) for s in spellings}):
        out = ""
        for char in spelling:
            if char == " ":
                out += r"[\s_-]+"
            elif char.lower() != char.upper():
                out += f"[{char.lower()}{char.upper()}]"
            else:
                out += re.escape(char)
        alternatives.append(out)
    return r"^[\s_-]*(?:" + "|".join(alternatives) + r")[\s_-]*$"


def _enum_schema(table: dict[str, list[str]]) -> dict[str, Any]:
    spellings = list(dict.fromkeys(s for canon, words in table.items() for s in [canon, *words]))
    return {
        "anyOf": [
            {"enum": spellings},  # what editors offer as completions
            {"type": "string", "pattern": _pattern(spellings)},
        ]
    }


def _widen_enum(node: Any, replacement: dict[str, Any]) -> Any:
    """Replace the Literal's ``enum`` (also inside ``anyOf`` with null) by the synonyms."""
    if isinstance(node, dict):
        if "enum" in node:
            return copy.deepcopy(replacement)
        return {k: _widen_enum(v, replacement) for k, v in node.items()}
    if isinstance(node, list):
        return [_widen_enum(v, replacement) for v in node]
    return node


def _section(schema: dict[str, Any], model: type[BaseModel], lang: str) -> None:
    fmt = knowledge.plan_format()
    aliases = fmt.aliases.get(SECTION_NAMES[model], {})
    props: dict[str, Any] = schema["properties"]
    for name in list(props):
        prop = props[name]
        prop.pop("title", None)
        enum = ENUM_FIELDS.get((model, name))
        if enum:
            props[name] = prop = _widen_enum(prop, _enum_schema(fmt.values[enum]))
        if name == "frequency" and "frequency" in fmt.values:
            prop["examples"] = list(fmt.values["frequency"])
        names = sorted(a for a, canon in aliases.items() if canon == name)
        if names:
            prop["description"] = ui("schema_also", lang, aliases=", ".join(names))
    for alias, canon in sorted(aliases.items()):
        if canon in props and alias not in props:
            props[alias] = {
                **{k: v for k, v in props[canon].items() if k != "description"},
                "description": ui("schema_alias", lang, canonical=canon),
            }
    required = schema.pop("required", [])
    conditions = []
    for name in required:
        names = [name, *sorted(a for a, canon in aliases.items() if canon == name)]
        if len(names) == 1:
            schema.setdefault("required", []).append(name)
        else:
            conditions.append({"anyOf": [{"required": [n]} for n in names]})
    if conditions:
        schema["allOf"] = conditions
    schema["additionalProperties"] = False


def plan_schema(lang: str = "id") -> dict[str, Any]:
    raw = Plan.model_json_schema()
    defs: dict[str, Any] = raw.pop("$defs", {})
    by_name = {model.__name__: model for model in SECTION_NAMES}
    for name, sub in defs.items():
        sub.pop("title", None)
        _section(sub, by_name[name], lang)
    raw.pop("title", None)
    _section(raw, Plan, lang)
    return {
        "$schema": DRAFT,
        "title": ui("schema_title", lang),
        "description": ui("schema_description", lang),
        **raw,
        "$defs": dict(sorted(defs.items())),
    }
