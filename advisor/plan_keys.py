"""Keys named in a finding's texts (`anggaran`, `ketergantungan.strategi_keluar`) as the plan
writes them: a plan written with the English keys reads `budget` even in an Indonesian report,
and one written with the Indonesian keys reads `anggaran` in an English one. The texts in
``knowledge/texts/rules`` name keys in their own language; only words between backticks that
are keys of the plan format are changed, so that a quoted value or rule id stays as it is."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pydantic import BaseModel

from advisor import knowledge
from advisor.model import SECTION_NAMES, Plan
from advisor.validate import _field_model, indonesian_key

# A key alone (`anggaran`) or with an example value (`mengukur: A1`): the value stays as written.
_QUOTED = re.compile(r"`([a-z_]+(?:\.[a-z_]+)*)(: [^`]*)?`")


@cache
def _models() -> dict[str, type[BaseModel]]:
    return {name: model for model, name in SECTION_NAMES.items()}


def _canonical(word: str, model: type[BaseModel]) -> str | None:
    if word in model.model_fields:
        return word
    return knowledge.plan_format().aliases.get(SECTION_NAMES[model], {}).get(word)


def _owner(word: str) -> type[BaseModel] | None:
    """The section a lone key belongs to: the plan's own first, then the others in order."""
    for model in _models().values():
        if _canonical(word, model) is not None:
            return model
    return None


# The keys the texts quote are a small set (those of the plan format and a few words that only
# look like keys); each text that quotes one is new (its parameters are the plan's own words),
# so the renaming is cached per key rather than per text.
@lru_cache(maxsize=1024)
def _rename(path: str, key_lang: str) -> str:
    parts = path.split(".")
    model: type[BaseModel] | None = Plan if len(parts) > 1 else _owner(parts[0])
    out = []
    for part in parts:
        name = _canonical(part, model) if model is not None else None
        if name is None or model is None:
            return path  # not a key of the format: a word that only looks like one
        out.append(indonesian_key(SECTION_NAMES[model], name) if key_lang == "id" else name)
        model = _field_model(model, name)
    return ".".join(out)


@lru_cache(maxsize=4096)
def as_written(text: str, key_lang: str | None) -> str:
    """``text`` with its quoted keys in ``key_lang`` (``id`` or ``en``); unchanged for None."""
    if key_lang is None or "`" not in text:
        return text
    return _QUOTED.sub(lambda m: f"`{_rename(m.group(1), key_lang)}{m.group(2) or ''}`", text)


def with_indonesian_keys(data: object, model: type[BaseModel] = Plan) -> object:
    """A plan (as data, English keys) with the Indonesian keys and value words, as an
    Indonesian analyst writes it: for examples shown in an Indonesian report."""
    if not isinstance(data, dict):
        return data
    from advisor.model import ENUM_FIELDS

    section = SECTION_NAMES[model]
    words = knowledge.plan_format().value_words_id
    out: dict[str, object] = {}
    for key, value in data.items():
        name = _canonical(key, model) if isinstance(key, str) else None
        if name is None:
            out[key] = value
            continue
        inner = _field_model(model, name)
        enum = ENUM_FIELDS.get((model, name))
        if enum and isinstance(value, str):
            value = words.get(enum, {}).get(value, value)
        elif inner is not None and isinstance(value, list):
            value = [with_indonesian_keys(item, inner) for item in value]
        elif inner is not None:
            value = with_indonesian_keys(value, inner)
        out[indonesian_key(section, name)] = value
    return out
