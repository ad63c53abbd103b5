"""Bilingual texts: fill a message template from ``knowledge/texts`` in the chosen language."""

from __future__ import annotations

import re
from typing import Any

from advisor import knowledge

DEFAULT_LANG = "id"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plural(match: re.Match[str], params: dict[str, Any]) -> str:
    value = params.get(match.group(1))
    if not isinstance(value, int) or isinstance(value, bool):
        return match.group(0)
    return match.group(2) if value == 1 else match.group(3)


def fill(template: str, params: dict[str, Any]) -> str:
    """Replace ``{name}`` with its parameter, and ``{name|one|many}`` with the word that agrees
    with the number ``name`` (English needs it; Indonesian nouns do not change). Only that:
    texts written by domain experts may hold other braces ("{ ... }" in a JSON hint), and a
    placeholder with no parameter stays as it is rather than crashing a report."""
    template = _PLURAL.sub(lambda m: _plural(m, params), template)
    return _PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), template)


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
