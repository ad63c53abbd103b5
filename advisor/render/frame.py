"""A report as a frame around one part per review, so that a batch can write it as the reviews
arrive (advisor/report_stream.py) and a whole outcome renders through the very same functions.

A streaming format's module offers ``render_part(review, lang) -> str`` and
``frame(failures, lang) -> Frame``; its ``render`` is :func:`compose` of the two. What the
frame needs (the failed files) is small, and known only at the end: the frame is rendered last.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from advisor.findings import Failure, Outcome, Review


@dataclass(frozen=True)
class Frame:
    """A format's text around the parts of a report, made once the failed files are known."""

    head: str  # before the first part
    between: str  # between two parts
    tail: str  # after the last part
    empty: str  # the whole report when no review has a part


class FrameRenderer(Protocol):
    """A streaming format's ``frame``."""

    def __call__(self, failures: Sequence[Failure], lang: str | None) -> Frame:
        """The frame, with ``failures`` (files that could not be read) wherever the format reports them."""


class PartRenderer(Protocol):
    """A streaming format's ``render_part``."""

    def __call__(self, review: Review, lang: str) -> str:
        """One review's part, in ``lang`` (the review's own, already resolved)."""


def compose(frame: Frame, parts: Iterable[str]) -> str:
    """The whole report: what :class:`advisor.report_stream.Spool` writes, as one string."""
    listed = list(parts)
    return frame.head + frame.between.join(listed) + frame.tail if listed else frame.empty


def parts_of(outcome: Outcome, fmt: str, lang: str | None, render_part: PartRenderer) -> list[str]:
    """Each review's part, as a batch worker rendered it where it did, else rendered here."""
    from advisor.render import review_lang

    out = []
    for review in outcome.reviews:
        review_language = review_lang(lang, review.plan_language)
        part = outcome.part(review, fmt, review_language)
        out.append(part if part is not None else render_part(review, review_language))
    return out


def frame_renderer(module_name: str) -> FrameRenderer | None:
    """The format's frame, when it streams."""
    module = importlib.import_module(module_name)
    frame: FrameRenderer | None = getattr(module, "frame", None)
    return frame
