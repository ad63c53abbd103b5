"""CSV for spreadsheets: a header row, then one row per finding, one per notice (such as an
unused suppression) and one per input problem of a file that could not be read; columns in a
fixed order, quoted by the csv module.

A cell that starts with ``= + - @`` (or a tab or carriage return) is prefixed with ``'``:
plan text must never become a spreadsheet formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from advisor.findings import Outcome
from advisor.render import review_lang
from advisor.render.report_data import plain

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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for review in outcome.reviews:
        rlang = review_lang(lang, review.plan_language)
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
                "title": f.text("title", rlang),
                "message": f.text("message", rlang),
                "recommendation": f.text("recommendation", rlang),
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
            _problem_row(writer, "notice", review.file, notice, rlang)
    for failure in outcome.failures:
        for problem in failure.problems:
            _problem_row(writer, "input_error", failure.file, problem, review_lang(lang, failure.lang))
    return out.getvalue()


def _problem_row(writer: Any, kind: str, file: str, p: Any, lang: str) -> None:
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update(
        kind=kind,
        file=file,
        rule=p.code,
        severity="error" if kind == "input_error" else "info",
        message=p.render(lang),
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
