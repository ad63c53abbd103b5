"""Make text from a plan safe to print: no terminal control sequences, bounded length."""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal(text: str, limit: int = 400) -> str:
    text = _CONTROL.sub("", _ANSI.sub("", text))
    return text if len(text) <= limit else text[: limit - 1] + "…"
