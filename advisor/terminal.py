r"""The one sanitiser for text shown on a terminal, used by every command.

A plan's values, keys and file names, a config's keys, a suppression's reason: any of them can
hold escape sequences (which drive the terminal: colours, titles, cursor moves, hyperlinks)
or a newline that makes one problem look like two, or a second plan's verdict. Escape and
control sequences are removed; a newline, carriage return or tab inside a value is shown as
``\n``, ``\r``, ``\t``; a byte of a file name that is not UTF-8 (decoded by Python as a lone
surrogate) is shown as ``\xNN``, the same way in every format and locale.
"""

from __future__ import annotations

import re

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
# C0 and C1 controls but tab, newline and carriage return; DEL; bidirectional overrides and
# isolates, which reorder what follows them on the line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BREAK = re.compile("[\n\r\t]")
_SURROGATE = re.compile("[\udc80-\udcff]")


def escaped_name(text: str) -> str:
    r"""A file name as text that can be written anywhere: undecodable bytes as ``\xNN``."""
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)


_NAME_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def display_name(path: object) -> str:
    r"""How reports name a file, the same in every format and locale: bytes that are not
    UTF-8 as ``\xNN``, a line break or tab as ``\n``, ``\r``, ``\t``, any other control
    character as ``\xNN`` (a name can hold them all). The file is still read by its real path."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _BREAKS.get(char) or f"\\x{ord(char):02x}"

    return _NAME_CONTROL.sub(escape, escaped_name(str(path)))


def clean(text: str, limit: int | None = None) -> str:
    """``text`` without escape or control sequences (line breaks kept), at most ``limit`` long:
    a longer text loses its middle, so that both its start (a file name) and its end (what is
    wrong) stay."""
    text = _CONTROL.sub("", _ANSI.sub("", escaped_name(text)))
    if limit is not None and len(text) > limit:
        head = (limit - 1) // 2
        return text[:head] + "…" + text[len(text) - (limit - 1 - head) :]
    return text


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` as one line: :func:`clean`, and line breaks and tabs shown escaped."""
    return clean(_BREAK.sub(lambda m: _BREAKS[m.group()], text), limit)
