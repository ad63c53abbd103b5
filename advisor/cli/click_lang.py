"""Click's own messages ("No such option", "Missing argument", "Did you mean") in the report
language. Click looks its messages up with ``gettext`` at the moment it writes them; while a
command line in Indonesian runs, its modules' lookup functions are replaced by one that reads
``knowledge/texts/click.yaml`` (a message not listed there stays in English), and restored after.
"""

from __future__ import annotations

import contextlib
import gettext
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types")


def lang_of(args: Sequence[str]) -> str:
    """``--lang`` as given on the command line, else Indonesian (the reports' default)."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "id"


@cache
def _table() -> tuple[dict[str, str], dict[str, str]]:
    from advisor import knowledge

    raw: dict[str, Any] = dict(knowledge.read_text_table("texts/click.yaml"))
    plural = raw.pop("plural", {})
    return {str(k): str(v) for k, v in raw.items()}, {str(k): str(v) for k, v in plural.items()}


def translate(message: str) -> str:
    return _table()[0].get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return _table()[1].get(chosen, chosen)


@contextlib.contextmanager
def click_messages(lang: str) -> Iterator[None]:
    if lang != "id":
        yield
        return
    saved: list[tuple[Any, str, Any]] = []
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        for attr, replacement in (("_", translate), ("ngettext", translate_plural)):
            if getattr(module, attr, None) in (gettext.gettext, gettext.ngettext):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, replacement)
    try:
        yield
    finally:
        for module, attr, original in saved:
            setattr(module, attr, original)
