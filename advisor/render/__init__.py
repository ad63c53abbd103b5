"""Every view the advisor shows, by kind and name, in one registry (:data:`VIEWS`).

A view is a renderer: what it shows (``kind``: a report, the rule catalogue, a rule's
explanation, a revision's diff, an exercise screen, the batch summary, an input problem), its
format name, the file extension its output takes, and the function that renders it. The
function is imported only when used, so that a command that renders text does not pay for the
HTML renderer's imports. Renderers only render: they read the data they are given (an
outcome, an explanation, a revision), never a file, and never run a review.

A report module offers ``render(outcome, lang, color) -> str`` (:data:`FORMATS`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from advisor.findings import Outcome, Review


class Renderer(Protocol):
    """A report format's ``render``: a whole outcome to one string."""

    def __call__(self, outcome: Outcome, lang: str | None, color: bool = False) -> str:
        """``lang`` None tells each plan in its own language; ``color`` asks for terminal colours."""


FORMATS: dict[str, str] = {
    "text": "advisor.render.text",
    "json": "advisor.render.json_report",
    "markdown": "advisor.render.markdown",
    "html": "advisor.render.html",
    "sarif": "advisor.render.sarif",
    "junit": "advisor.render.junit",
    "csv": "advisor.render.csv_report",
    "compact": "advisor.render.compact",
    "github": "advisor.render.github",
}


@dataclass(frozen=True)
class View:
    """One renderer: ``kind`` is what it shows, ``name`` its format, ``extension`` the suffix
    of a file holding its output, ``target`` the render function as ``module:function``."""

    kind: str
    name: str
    extension: str
    target: str


_REPORT_EXTENSIONS = {
    "text": ".txt",
    "json": ".json",
    "markdown": ".md",
    "html": ".html",
    "sarif": ".sarif",
    "junit": ".xml",
    "csv": ".csv",
    "compact": ".txt",
    "github": ".txt",
}

VIEWS: tuple[View, ...] = (
    *(View("report", name, _REPORT_EXTENSIONS[name], f"{module}:render") for name, module in FORMATS.items()),
    View("report", "xlsx", ".xlsx", "advisor.render.xlsx_report:render_bytes"),  # bytes, to a file only
    # ``check --explain``: the text report with the reasoning behind each finding under it.
    View("explained", "text", ".txt", "advisor.render.text:render_explained"),
    View("catalogue", "text", ".txt", "advisor.render.catalogue:render_text"),
    View("catalogue", "markdown", ".md", "advisor.render.catalogue:render_markdown"),
    View("catalogue", "json", ".json", "advisor.render.catalogue:render_json"),
    View("explain", "text", ".txt", "advisor.render.explain:render_text"),
    View("explain", "markdown", ".md", "advisor.render.explain:render_markdown"),
    View("explain", "json", ".json", "advisor.render.explain:render_json"),
    View("diff", "text", ".txt", "advisor.render.diff:render_text"),
    View("diff", "json", ".json", "advisor.render.diff:render_json"),
    View("exercise-plan", "text", ".txt", "advisor.render.exercise:render_plan"),
    View("exercise-list", "text", ".txt", "advisor.render.exercise:render_list"),
    View("exercise-choices", "text", ".txt", "advisor.render.exercise:render_choices"),
    View("exercise-result", "text", ".txt", "advisor.render.exercise:render_result"),
    View("batch-summary", "text", ".txt", "advisor.render.batch_summary:render"),
    View("problem", "text", ".txt", "advisor.render.problem:render"),
    View("schema", "json", ".json", "advisor.render.plan_schema:render"),
    View("plan-format", "markdown", ".md", "advisor.render.plan_format:render"),
)


def names(kind: str) -> tuple[str, ...]:
    """The format names a kind of view has, in registry order (a command's ``--format`` choices)."""
    return tuple(v.name for v in VIEWS if v.kind == kind)


def view(kind: str, name: str = "text") -> Callable[..., Any]:
    """The render function of one view; ``KeyError`` names the views of that kind."""
    for entry in VIEWS:
        if entry.kind == kind and entry.name == name:
            module, _, function = entry.target.partition(":")
            found: Callable[..., Any] = getattr(importlib.import_module(module), function)
            return found
    raise KeyError(f"unknown view: {kind} {name} (known: {', '.join(names(kind))})")


# A report path's suffix names its format when ``--output`` gives none (``-o r.json``). The
# neutral suffixes of plain text leave the choice to ``--format``; any other suffix is refused,
# so that a report never lands in a file whose name says it is something else.
SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".sarif": "sarif",
    ".xml": "junit",
    ".csv": "csv",
    ".xlsx": "xlsx",  # a workbook report, written to a file only (advisor/render/xlsx_report.py)
}
NEUTRAL_SUFFIXES = ("", ".txt", ".text", ".log", ".out")


def format_of_path(path: str, default: str) -> str | None:
    """The format a bare report path asks for: by its suffix (``r.sarif.json`` is SARIF), else
    ``default`` for a neutral suffix or standard output (``-``); ``None`` for an unknown suffix."""
    name = path.rsplit("/", 1)[-1].lower()
    if path == "-" or (name.startswith(".") and name.count(".") == 1):
        return default
    if name.endswith(".sarif.json"):
        return "sarif"
    suffix = name[name.rfind(".") :] if "." in name else ""
    if suffix in NEUTRAL_SUFFIXES:
        return default
    return SUFFIXES.get(suffix)


def renderer(name: str) -> Renderer:
    """The render function of a report format (its module imported now); ``KeyError`` names the formats."""
    if name not in FORMATS:
        raise KeyError(f"unknown format: {name} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render


class PartRenderer(Protocol):
    """A streaming format's ``render_part``: one review's part of the report."""

    def __call__(self, review: Review, lang: str) -> str:
        """``lang`` is the review's own, already resolved (:func:`review_lang`)."""


def part_renderer(name: str) -> PartRenderer | None:
    """A format's renderer of one review's part of the report, when the format has one: a batch
    worker renders it beside the review, so that the parent only joins the parts."""
    if name not in FORMATS:  # the Excel report (bytes, advisor/render/xlsx_report.py) has no parts
        return None
    module = importlib.import_module(FORMATS[name])
    part: PartRenderer | None = getattr(module, "render_part", None)
    return part


def review_lang(explicit: str | None, plan_language: str | None) -> str:
    """--lang, else the config (folded into ``explicit`` by the caller), else the plan's
    ``language``, else Indonesian."""
    return explicit or plan_language or "id"
