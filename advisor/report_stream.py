"""A batch's reports written as the reviews arrive, so that the parent never holds them all.

Each review's part goes to an anonymous temporary file (the system removes it whatever
happens to this process) as it arrives, in report order. At the end the frame, which needs
the failed files, is rendered, and the report is written as a report always is
(advisor/output.py: a temporary file beside it, renamed into place): head, the parts copied
from the spool a block at a time, tail. The same frame and parts make the whole-report render
(advisor/render/frame.py), so both give the same bytes.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO

from advisor import output
from advisor.findings import Failure, Review
from advisor.output import Destination
from advisor.render import FORMATS
from advisor.render.frame import Frame, FrameRenderer, PartRenderer

_BLOCK = 1 << 20  # characters copied at a time from the spool


def streams(fmt: str) -> bool:
    """Whether the format is written as its parts arrive (its module has a frame)."""
    if fmt not in FORMATS:
        return False
    return hasattr(importlib.import_module(FORMATS[fmt]), "frame")


class Spool:
    """One report being written: :meth:`add` each review's part in report order, then
    :meth:`finish` with the failed files."""

    def __init__(self, fmt: str, destination: Destination, lang: str | None):
        module = importlib.import_module(FORMATS[fmt])
        self.fmt, self.destination, self.lang = fmt, destination, lang
        self._frame: FrameRenderer = module.frame
        self._part: PartRenderer = module.render_part
        self._between = self._frame((), lang).between  # the same whatever the failures
        self._file: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115 (closed by finish/close)
        self.count = 0

    def add(self, review: Review, lang: str, part: str | None) -> None:
        """The review's part (``part`` as a worker rendered it, else rendered here)."""
        if self.count:
            self._file.write(self._between)
        self._file.write(part if part is not None else self._part(review, lang))
        self.count += 1

    def finish(self, failures: Sequence[Failure]) -> None:
        """Write the report (:class:`advisor.output.OutputError` when the system refuses)."""
        try:
            output.write(self.destination, self.pieces(failures))
        finally:
            self.close()

    def pieces(self, failures: Sequence[Failure]) -> Iterator[str]:
        """The report's text, a block at a time, for a caller that writes it itself."""
        return self._pieces(self._frame(failures, self.lang))

    def _pieces(self, frame: Frame) -> Iterator[str]:
        if not self.count:
            yield frame.empty
            return
        yield frame.head
        self._file.seek(0)
        while block := self._file.read(_BLOCK):
            yield block
        yield frame.tail

    def close(self) -> None:
        self._file.close()
