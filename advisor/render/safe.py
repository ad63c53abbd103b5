"""Make text from a plan safe to print: the one sanitiser (advisor/terminal.py), bounded."""

from __future__ import annotations

from advisor.terminal import one_line


def terminal(text: str, limit: int = 400) -> str:
    """One line of a terminal report: no escape or control sequences, line breaks and tabs
    shown escaped, at most ``limit`` characters (the middle cut, so that the end stays)."""
    return one_line(text, limit)
