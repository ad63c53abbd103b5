"""The review as a workbook for heads of section (``-o xlsx=review.xlsx``): a summary sheet
(one row per plan: verdict, counts, scores), the findings one per row, and for several plans
the most common gaps. Filters on, header frozen; the same input gives the same bytes
(advisor/sources/xlsx_write.py fixes the dates a workbook carries)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from advisor.findings import Outcome
from advisor.render import review_lang
from advisor.render.citations import shorts
from advisor.render.hidden import hidden_note
from advisor.render.problem import render as render_problem
from advisor.render.report_data import common_gaps, plain, score_columns
from advisor.sources.place import column_letter
from advisor.sources.xlsx_write import deterministic
from advisor.texts import label, ui

_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(value: Any) -> Any:
    # A plan's text could start with "=": written as text, never as a formula.
    return plain(value, 2000) if isinstance(value, str) else value


def _sheet(ws: Worksheet, head: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    for col, (name, width) in enumerate(zip(head, widths, strict=True), 1):
        ws.cell(1, col, name).font = Font(bold=True)
        ws.column_dimensions[column_letter(col)].width = width
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row, 1):
            cell = ws.cell(r, c)
            cell.value = _cell(value)
            cell.data_type = "s" if isinstance(value, str) else cell.data_type
            if isinstance(value, str) and len(value) > 40:
                cell.alignment = _WRAP
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{column_letter(len(head))}{max(len(rows) + 1, 2)}"


def render_bytes(outcome: Outcome, lang: str | None) -> bytes:
    """The workbook's bytes, for a file only; ``lang`` None gives Indonesian sheets and labels."""
    shown = lang or "id"
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = ui("report_summary", shown)[:31]
    scores = score_columns(outcome.reviews, shown)
    head = [
        ui("report_file", shown),
        ui("report_plan", shown),
        ui("verdict", shown),
        *(label("severity", s, shown) for s in ("error", "warning", "info")),
        *(s.label for s in scores),
    ]
    # With --min-severity, what the counts leave out and the verdict still counts (issue 16).
    hiding = any(review.hidden for review in outcome.reviews)
    if hiding:
        head.append(ui("report_not_shown", shown))
    rows: list[list[Any]] = []
    for review in outcome.reviews:
        counts = review.counts()
        rows.append(
            [
                review.file,
                review.title,
                label("verdict", review.verdict, shown),
                counts["error"],
                counts["warning"],
                counts["info"],
                *(review.scores.get(s.key, "") for s in scores),
                *([hidden_note(review, shown) or ""] if hiding else []),
            ]
        )
    for failure in outcome.failures:
        first = render_problem(failure.problems[0], shown) if failure.problems else ""
        rows.append(
            [failure.file, first, ui("report_input_error", shown), "", "", "", *("" for _ in scores), *([""] * hiding)]
        )
    _sheet(summary, head, rows, [30, 50, 18, 10, 10, 10, *(14 for _ in scores), *([60] * hiding)])

    findings = book.create_sheet(ui("report_findings", shown)[:31])
    head = [
        ui("report_file", shown),
        ui("report_rule", shown),
        ui("report_severity", shown),
        ui("report_location", shown),
        ui("report_finding", shown),
        ui("recommendation", shown),
        ui("sources", shown),
    ]
    rows = []
    for review in outcome.reviews:
        rlang = review_lang(lang, review.plan_language)
        for f in review.active():
            place = f.where(review.file) + (f"  {f.path}" if f.path else "")
            message = f"{f.text('title', rlang)}. {f.text('message', rlang)}"
            rows.append(
                [
                    review.file,
                    f.rule_id,
                    label("severity", f.severity, shown),
                    place,
                    message,
                    f.text("recommendation", rlang),
                    shorts(f.sources, rlang),
                ]
            )
    _sheet(findings, head, rows, [28, 9, 12, 34, 80, 80, 40])

    if len(outcome.reviews) > 1:
        gaps = book.create_sheet(ui("report_common_gaps", shown)[:31])
        head = [ui("report_rule", shown), ui("report_severity", shown), ui("report_finding", shown)]
        head += [ui("report_in_plans", shown), ui("report_findings", shown)]
        gap_rows: list[list[Any]] = [
            [g.rule_id, label("severity", g.severity, shown), g.title, g.plans, g.findings]
            for g in common_gaps(outcome, shown)
        ]
        _sheet(gaps, head, gap_rows, [9, 12, 80, 14, 10])
    return deterministic(book)
