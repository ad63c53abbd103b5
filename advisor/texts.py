"""Bilingual texts: fill a message template from ``knowledge/texts`` in the chosen language."""

from __future__ import annotations

from typing import Any

from advisor import knowledge

DEFAULT_LANG = "id"


class _Params(dict[str, Any]):
    # A template naming a parameter the caller did not give shows the name, never crashes.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_Params(params))


def error_text(code: str, lang: str, params: dict[str, Any]) -> str:
    texts = knowledge.error_texts()
    entry = texts.get(code) or texts["unknown"]
    return fill(entry.get(lang), params)


def ui(key: str, lang: str, **params: Any) -> str:
    return fill(knowledge.ui_texts()[key].get(lang), params)


def label(group: str, key: str, lang: str) -> str:
    """Display name of an enumerated value, or the value itself when it has none."""
    entry = knowledge.labels().get(group, {}).get(key)
    return entry.get(lang) if entry else key
