"""How a check ended, whether its reports were written whole or as the reviews arrived."""

from __future__ import annotations

import enum


class Status(enum.Enum):
    """How a check ended; the command line maps it to its exit code (0, 1, 2)."""

    CLEAN = "clean"  # every plan reviewed, no finding at or above its fail level
    FINDINGS = "findings"  # a plan has an active finding at or above its fail level
    FAILED = "failed"  # a file could not be read, validated or reviewed
