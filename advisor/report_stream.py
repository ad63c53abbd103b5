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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from advisor import output
from advisor.batch import Result, run
from advisor.findings import Digest, Digested, Failure, GapTally, Review, Tally
from advisor.output import Destination
from advisor.plan_configs import Group
from advisor.render import FORMATS, review_lang
from advisor.render.frame import Frame, FrameRenderer, PartRenderer
from advisor.rules.base import reaches
from advisor.status import Status

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

    def add(self, review: Review | Digested, lang: str, part: str | None) -> None:
        """The review's part (``part`` as a worker rendered it, else rendered here: a worker
        sends a :class:`Digested` review only with every part rendered)."""
        if part is None:
            if not isinstance(review, Review):
                raise ValueError(f"{self.fmt} part missing for a digested review")
            part = self._part(review, lang)
        if self.count:
            self._file.write(self._between)
        self._file.write(part)
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
        """Drop the parts written so far, without writing the report (:meth:`finish` closes too)."""
        self._file.close()


# --- a check whose reports are written as the reviews arrive ----------------------------------


def can_stream(groups: Sequence[Group], formats: Sequence[str], baseline: bool, coloured: bool) -> bool:
    """Whether the reports can be written as the reviews arrive: one configuration for every
    plan (reports are in file order; several groups are reviewed one after the other), no
    baseline (it changes the reviews after the run), formats with a frame, and no coloured
    text (the workers' parts are plain)."""
    return len(groups) == 1 and not baseline and not coloured and all(streams(f) for f in formats)


@dataclass
class Streamed:
    """A streamed check: what the summary and the status need (a digest per review, the
    common gaps, the failed files), and each report's spool, ready to be finished."""

    tally: Tally
    spools: list[Spool]
    status: Status


def check_streamed(
    group: Group,
    destinations: Sequence[tuple[str, Destination]],
    explicit_lang: str | None,
    *,
    jobs: int | None,
    progress: Callable[[int], None] | None,
    parts: Sequence[str],
) -> Streamed:
    """Review the group's plans; each report's part goes to its spool as it arrives, and only
    digests are kept. The caller finishes the spools (:meth:`Spool.finish`) or closes them."""
    report_lang = explicit_lang or group.run.lang  # as plan_configs.report_lang decides for one group
    spools = [Spool(f, d, report_lang) for f, d in destinations]
    digests: list[Digest] = []
    gaps = GapTally()
    failures: list[Failure] = []

    def take(result: Result, made: dict[tuple[str, str], str]) -> None:
        if isinstance(result, Failure):
            failures.append(result)
            return
        digested = result if isinstance(result, Digested) else Digested.of(result)
        digests.append(digested.digest)
        gaps.add(digested.active)
        review_language = review_lang(report_lang, digested.plan_language)
        for spool in spools:
            spool.add(result, review_language, made.get((spool.fmt, review_language)))

    # The workers render the parts in group.run.lang: only when the reports are in that language
    # too, and every report has its part rendered there, are the parts all the parent needs.
    same_lang = explicit_lang is None or explicit_lang == group.run.lang
    enough = same_lang and {spool.fmt for spool in spools} <= set(parts)
    try:
        run(list(group.targets), group.run.settings, jobs, progress, parts, group.run.lang, sink=take, digests=enough)
    except BaseException:
        for spool in spools:
            spool.close()
        raise
    tally = Tally(tuple(digests), gaps, tuple(sorted(failures, key=lambda f: f.file)))
    return Streamed(tally, spools, _status(tally, group))


def _status(tally: Tally, group: Group) -> Status:
    if tally.failures:
        return Status.FAILED
    level = group.run.fail_level
    failing = any(r.worst is not None and reaches(r.worst, level) for r in tally.reviews)
    return Status.FINDINGS if failing else Status.CLEAN
