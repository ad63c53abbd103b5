"""``advisor check -``: a plan read from standard input, as ruff, black and yamllint read one.

The text is kept in a private temporary file for the review (a worker process reads plans by
path), at most one byte beyond the size limit so that the loader refuses a larger plan as it
refuses a large file; the file is gone when the command ends. Reports name the plan ``-``, or
the name given with ``--stdin-filename`` (which also says whether it is JSON)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STDIN = Path("-")


@contextmanager
def stdin_as_file(name: str | None, max_bytes: int) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="advisor-stdin-") as folder:
        suffix = ".json" if name and name.lower().endswith(".json") else ".yaml"
        path = Path(folder) / f"stdin{suffix}"
        path.write_bytes(sys.stdin.buffer.read(max_bytes + 1))
        yield path
