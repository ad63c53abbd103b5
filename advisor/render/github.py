"""GitHub Actions workflow commands: one ``::warning file=...,line=...,col=...,title=RULE::message``
per finding, which GitHub shows beside the plan's line in a pull request. ``info`` becomes a
``notice``; the recommendation follows the message on its own line. Values are escaped as the
runner expects (``%``, line breaks, and in properties ``:`` and ``,``), so that plan text can
neither end an annotation early nor start a workflow command of its own."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.findings import Failure, Outcome, Review
from advisor.render import review_lang
from advisor.render.frame import Frame, compose, parts_of
from advisor.render.problem import render as render_problem
from advisor.terminal import clean
from advisor.texts import ui

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return clean(text, 4000).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, file: str, line: int | None, col: int | None, title: str, message: str) -> str:
    at = f",line={line},col={col}" if line is not None else ""
    return f"::{level} file={_property(file)}{at},title={_property(title)}::{_data(message)}\n"


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    return compose(frame(outcome.failures, lang), parts_of(outcome, "github", lang, render_part))


def render_part(review: Review, lang: str) -> str:
    """One review's part of the report, an annotation per active finding (a batch worker renders it)."""
    out: list[str] = []
    for f in review.findings:
        if f.suppressed is not None:
            continue
        message = f"{f.text('message', lang)}\n{ui('recommendation', lang)}: {f.text('recommendation', lang)}"
        if f.sheet is not None:
            title = f"{f.rule_id} {f.sheet}!{f.cell}"
            out.append(_annotation(_LEVEL[f.severity], review.file, None, None, title, message))
        else:
            out.append(_annotation(_LEVEL[f.severity], review.file, f.line, f.col, f.rule_id, message))
    return "".join(out)


def frame(failures: Sequence[Failure], lang: str | None) -> Frame:
    """Nothing around the parts; after them, an error annotation per problem of each unreadable file."""
    out: list[str] = []
    for failure in failures:
        flang = review_lang(lang, failure.lang)
        for p in failure.problems:
            out.append(_annotation("error", failure.file, p.line or 1, p.col or 1, p.code, render_problem(p, flang)))
    tail = "".join(out)
    return Frame("", "", tail, tail)
