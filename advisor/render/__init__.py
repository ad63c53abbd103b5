"""Renderers by name. Each module offers ``render(outcome, lang, color) -> str``.

The registry maps a format name to its module, imported only when used, so that a command
that renders text does not pay for the HTML renderer's imports.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from advisor.findings import Outcome, Review


class Renderer(Protocol):
    def __call__(self, outcome: Outcome, lang: str | None, color: bool = False) -> str: ...


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
    if name not in FORMATS:
        raise KeyError(f"unknown format: {name} (known: {', '.join(FORMATS)})")
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render


class PartRenderer(Protocol):
    def __call__(self, review: Review, lang: str) -> str: ...


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
