"""Options and helpers shared by the commands."""

from __future__ import annotations

import os
import sys

import click

LANGS = click.Choice(["id", "en"])
SEVERITIES = click.Choice(["error", "warning", "info"])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def use_color(stream_is_file: bool) -> bool:
    if stream_is_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
