"""Colour for the terminal views (the text report, the diff): one helper, so that every view
colours alike and only here knows how (click's ANSI styles)."""

from __future__ import annotations

from typing import Any, Protocol

import click


class Style(Protocol):
    """What :func:`styler` returns: click's ``style`` or one that leaves the text as it is."""

    def __call__(self, text: str, **kw: Any) -> str:
        """``text`` in the style ``kw`` names (click's ``fg``, ``bold``, ...)."""


def styler(color: bool) -> Style:
    """``style(text, fg=..., bold=...)``: the text in that style when ``color``, else as it is."""

    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

    return style
