"""CSV for spreadsheets: a header row, then for each plan one ``plan`` row (its verdict and
counts, present even when the plan has no finding, so that ready plans can be counted), one row
per finding and one per notice (such as an unused suppression), and one row per input problem
of a file that could not be read; columns in a fixed order, quoted by the csv module. The text
starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page
and garbles every "é" and "—".

A cell that starts with ``= + - @`` (or a tab or carriage return) is prefixed with ``'``:
plan text must never become a spreadsheet formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from advisor.findings import Failure, Outcome, Review
from advisor.render import review_lang
from advisor.render.frame import Frame, compose, parts_of
from advisor.render.problem import render as render_problem
from advisor.render.report_data import plain
from advisor.texts import ui

COLUMNS = (
    "kind",
    "file",
    "plan_title",
    "verdict",
    "rule",
    "severity",
    "family",
    "step",
    "title",
    "message",
    "recommendation",
    "path",
    "line",
    "col",
    "evidence",
    "sources",
    "based_on",
    "suppressed",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    return compose(frame(outcome.failures, lang), parts_of(outcome, "csv", lang, render_part))


def frame(failures: Sequence[Failure], lang: str | None) -> Frame:
    """The header row before the plans, one row per input problem after them."""
    head, writer = _writer()
    writer.writerow(COLUMNS)
    tail, tail_writer = _writer()
    for failure in failures:
        for problem in failure.problems:
            _problem_row(tail_writer, "input_error", failure.file, problem, review_lang(lang, failure.lang))
    return Frame(BOM + head.getvalue(), "", tail.getvalue(), BOM + head.getvalue() + tail.getvalue())


def _writer() -> tuple[io.StringIO, Any]:
    out = io.StringIO()
    return out, csv.writer(out, lineterminator="\n")


def render_part(review: Review, lang: str) -> str:
    """The plan's row, then one row per finding and one per notice."""
    out, writer = _writer()
    _plan_row(writer, review, lang)
    for f in review.findings:
        row = {
            "kind": "finding",
            "file": review.file,
            "plan_title": review.title,
            "verdict": review.verdict,
            "rule": f.rule_id,
            "severity": f.severity,
            "family": f.family,
            "step": f.step,
            "title": f.text("title", lang),
            "message": f.text("message", lang),
            "recommendation": f.text("recommendation", lang),
            "path": f.path,
            "line": f.line,
            "col": f.col,
            "evidence": f.evidence,
            "sources": ";".join(f.sources),
            "based_on": ";".join(f.based_on),
            "suppressed": f.suppressed if f.suppressed is not None else "",
        }
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    for notice in review.notices:
        _problem_row(writer, "notice", review.file, notice, lang)
    return out.getvalue()


BOM = "\ufeff"


def _plan_row(writer: Any, review: Review, lang: str) -> None:
    """The plan itself: ``severity`` is its worst active finding (empty when none), ``message``
    its counts as the text report gives them."""
    counts = review.counts()
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update(
        kind="plan",
        file=review.file,
        plan_title=review.title,
        verdict=review.verdict,
        severity=review.worst() or "",
        message=ui("findings_count", lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"]),
    )
    writer.writerow([_cell(row[c]) for c in COLUMNS])


def _problem_row(writer: Any, kind: str, file: str, p: Any, lang: str) -> None:
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update(
        kind=kind,
        file=file,
        rule=p.code,
        severity="error" if kind == "input_error" else "info",
        message=render_problem(p, lang),
        path=p.path,
        line=p.line if p.line is not None else "",
        col=p.col if p.col is not None else "",
    )
    writer.writerow([_cell(row[c]) for c in COLUMNS])


def _cell(value: object) -> object:
    if isinstance(value, int):
        return value
    text = plain(value, 4000)
    return "'" + text if text.startswith(_FORMULA_START) else text
