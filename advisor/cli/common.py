"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

LANGS = click.Choice(["id", "en"])
SEVERITIES = click.Choice(["error", "warning", "info"])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def use_color(stream_is_file: bool) -> bool:
    if stream_is_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def write_atomically(target: Path, text: str, inputs: list[Path]) -> None:
    """Write a report next to its target and rename it into place, so that an interrupted run
    leaves the old report whole; never write over a plan being read."""
    resolved = Path(os.path.realpath(target))  # Path.resolve() raises on a symbolic link loop
    if any(resolved == Path(os.path.realpath(p)) for p in inputs):
        raise click.UsageError(f"{target}: refusing to write a report over an input plan")
    resolved.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # here: ~5 ms of imports (random, shutil) that a report to the terminal never needs

    fd, tmp = tempfile.mkstemp(prefix=f".{resolved.name}.", dir=resolved.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, resolved)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
