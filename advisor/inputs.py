"""Reading the small files a run is configured with (a config, a baseline), bounded.

A path given as ``--config`` or ``--baseline`` may be anything: a named pipe (opening it
blocks until a writer comes), a device (``/dev/zero`` never ends), a folder, a file of
gigabytes. Only a regular file is opened, and never more than ``limit`` bytes are read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path


class UnreadableInput(Exception):
    """Why a file was not read: ``params`` for a problem, either ``reason_code`` (a text of
    knowledge/texts/errors.yaml, told in the reader's language) or the system's ``reason``."""

    def __init__(self, params: dict[str, object]):
        super().__init__(params)
        self.params = params


def read_bounded(path: Path, limit: int) -> str:
    """The UTF-8 text of the regular file ``path``; :class:`UnreadableInput` otherwise."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput({"reason_code": "reason_folder"})
        if not stat.S_ISREG(info.st_mode):  # checked before opening: opening a pipe blocks
            raise UnreadableInput({"reason_code": "reason_not_regular"})
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableInput({"reason": exc.strerror or type(exc).__name__}) from None
    if len(raw) > limit:
        raise UnreadableInput({"reason_code": "reason_too_large", "limit": limit})
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableInput({"reason_code": "reason_not_utf8"}) from None


def depth(data: object, limit: int) -> int:
    """How deeply ``data`` (parsed JSON or TOML) nests, counted without recursion, stopping
    once past ``limit``."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


# Ignore patterns (.advisorignore, --exclude, a config's `exclude`) are matched by pathspec with
# Python regular expressions, which backtrack: each `*` is a loop over the name, so `a*a*a*a*b`
# on a name of 250 "a" takes seconds and one more star a minute. Patterns are capped so that
# matching stays about linear in a name's length.
MAX_STARS_PER_PART = 2  # `*` runs between two slashes
MAX_STARS = 3  # `*` runs in the whole pattern (`**` included)
_STARS = re.compile(r"\*+")


def too_many_wildcards(pattern: str) -> bool:
    text = pattern.strip()
    if not text or text.startswith("#"):
        return False
    parts = [len(_STARS.findall(part)) for part in text.split("/")]
    return max(parts) > MAX_STARS_PER_PART or sum(parts) > MAX_STARS


def wildcard_limits(pattern: str) -> dict[str, object]:
    """The parameters of the problem ``pattern_too_many_wildcards``."""
    return {"pattern": pattern.strip(), "part": MAX_STARS_PER_PART, "total": MAX_STARS}
