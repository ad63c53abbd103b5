"""CSV for spreadsheets: a header row, then one row per finding (and one per input problem of
a file that could not be read), columns in a fixed order, quoted by the csv module.

A cell that starts with ``= + - @`` (or a tab or carriage return) is prefixed with ``'``:
plan text must never become a spreadsheet formula when the file is opened.
"""

from __future__ import annotations

import csv
import io

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
    flang = review_lang(lang, None)
    for failure in outcome.failures:
        for p in failure.problems:
            row = {c: "" for c in COLUMNS}
            row.update(
                kind="input_error",
                file=failure.file,
                rule=p.code,
                severity="error",
                message=p.render(flang),
                path=p.path,
                line=p.line if p.line is not None else "",
                col=p.col if p.col is not None else "",
            )
            writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, int):
        return value
    text = plain(value, 4000)
    return "'" + text if text.startswith(_FORMULA_START) else text
