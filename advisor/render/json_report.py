"""The machine-readable report. Its shape is documented in README.md ("JSON report") and is
stable: fields are only ever added. Keys are sorted, so equal input gives equal bytes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from advisor import __version__
from advisor.findings import Failure, Finding, Outcome, Review
from advisor.render import jsonfmt, review_lang
from advisor.render.citations import works_cited
from advisor.render.frame import Frame, compose, parts_of
from advisor.render.problem import render as render_problem

SCHEMA_VERSION = 1


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    return compose(frame(outcome.failures, lang), parts_of(outcome, "json", lang, render_part))


# A review's place in the document: {"reviews": [<here>]}, two levels deep.
_REVIEW_DEPTH = 2
_PLACE = "\x00"  # never in an encoded document: the JSON encoder escapes control characters


def frame(failures: Sequence[Failure], lang: str | None) -> Frame:
    """The document around the reviews: keys are sorted, so the failures come before them."""
    placed = jsonfmt.dumps(_document(failures, lang, [jsonfmt.Encoded(_PLACE, _REVIEW_DEPTH)])) + "\n"
    head, tail = placed.split(_PLACE)
    return Frame(head, ",\n" + "  " * _REVIEW_DEPTH, tail, jsonfmt.dumps(_document(failures, lang, [])) + "\n")


def _document(failures: Sequence[Failure], lang: str | None, reviews: list[Any]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "pentahelix-advisor", "version": __version__},
        "reviews": reviews,
        "failures": [
            {
                "file": failure.file,
                "problems": [
                    {
                        "code": p.code,
                        "line": p.line,
                        "col": p.col,
                        "path": p.path,
                        "message": render_problem(p, review_lang(lang, failure.lang)),
                        **({"sheet": p.sheet, "cell": p.cell} if p.sheet is not None else {}),
                    }
                    for p in failure.problems
                ],
            }
            for failure in failures
        ],
    }


def render_part(review: Review, lang: str) -> str:
    """One review as it appears inside the report (see advisor.render.part_renderer)."""
    return jsonfmt.dumps(_review(review, lang), depth=_REVIEW_DEPTH, floats=False)  # only integers: see _review


def _review(review: Review, lang: str) -> dict[str, Any]:
    return {
        "file": review.file,
        "title": review.title,
        "lang": lang,
        "verdict": review.verdict,
        "counts": review.counts(),
        "scores": dict(review.scores),
        "findings": [_finding(f, lang) for f in review.findings],
        "notices": [
            {"code": n.code, "line": n.line, "col": n.col, "path": n.path, "message": render_problem(n, lang)}
            for n in review.notices
        ],
        "baselined": review.baselined,
        # added in 0.2 (issue 14): the full reference of every source the findings cite by id
        "works_cited": [
            {"id": s, "short": label_, "citation": citation}
            for s, label_, citation in works_cited(review.findings, lang)
        ],
        # Active findings below --min-severity, left out of "findings" but counted in the verdict.
        "hidden": {severity: count for severity, count in review.hidden},
    }


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": f.rule_id,
        "key": f.key,
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
        "sources": list(f.sources),
        "based_on": list(f.based_on),
        "suppressed": f.suppressed,
        **({"sheet": f.sheet, "cell": f.cell} if f.sheet is not None else {}),
    }
