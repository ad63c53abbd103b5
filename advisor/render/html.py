"""One self-contained HTML page: CSS, JS and SVG inline, nothing fetched from the network;
readable on a phone and in print.

One plan: its verdict, scores, a pentahelix coverage chart (five axes, inline SVG; values from
knowledge/coverage.yaml) and each finding with the plan's own lines quoted. Several plans: a
dashboard (a sortable table of plans, a heatmap of plans x rule families, the most common gaps,
the files that failed) with each plan's details below it.

Jinja2 renders the templates with autoescaping on, and every plan text passes through
``plain`` first, so neither markup nor terminal codes in a plan do anything in the page.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from advisor import __version__, knowledge
from advisor.findings import Finding, Outcome, Review
from advisor.render import review_lang
from advisor.render.citations import short, works_cited
from advisor.render.hidden import hidden_note
from advisor.render.problem import render as render_problem
from advisor.render.report_data import (
    VERDICT_ORDER,
    code_spans,
    common_gaps,
    coverage,
    families,
    family_counts,
    plain,
    quote,
    row_quote,
    score_columns,
    score_items,
    verdict_counts,
)
from advisor.texts import label, pillar_label, ui

_MARK = {"error": "✖", "warning": "▲", "info": "●"}
# Radar geometry, in SVG user units.
_CENTRE, _RADIUS = 160.0, 100.0
_RINGS = (25, 50, 75, 100)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole page; ``lang`` None tells one plan in its own language and a dashboard in Indonesian
    (``color`` is unused)."""
    page_lang = review_lang(lang, None)
    single = len(outcome.reviews) == 1 and not outcome.failures
    # A dashboard is one page in one language (--lang, else the default), whatever each plan's
    # own; one plan's report is in that plan's language. Its plans are listed by urgency.
    reviews = list(outcome.reviews) if single else sorted(outcome.reviews, key=urgency)
    plans = [
        _plan(i, review, review_lang(lang, review.plan_language) if single else page_lang)
        for i, review in enumerate(reviews)
    ]
    context: dict[str, Any] = {
        "lang": page_lang,
        "t": lambda key, **kw: ui(key, page_lang, **kw),
        "single": single,
        "plans": plans,
        "title": plans[0]["title"] if single else ui("report_dashboard", page_lang),
        "failures": [
            {
                "file": plain(f.file, 500),
                "problems": [plain(render_problem(p, review_lang(lang, f.lang))) for p in f.problems],
            }
            for f in outcome.failures
        ],
        "generated": ui("report_generated", page_lang, version=__version__),
    }
    if not single:
        context["dashboard"] = _dashboard(outcome, reviews, plans, page_lang)
    return _environment().get_template("report.html.j2").render(context)


def _plan(index: int, review: Review, lang: str) -> dict[str, Any]:
    counts = review.counts()
    return {
        "anchor": f"plan-{index + 1}",
        "lang": lang,
        "t": lambda key, **kw: ui(key, lang, **kw),
        "title": plain(review.title, 300),
        "file": plain(review.file, 500),
        "verdict": review.verdict,
        "verdict_label": label("verdict", review.verdict, lang),
        "verdict_rank": VERDICT_ORDER.index(review.verdict) if review.verdict in VERDICT_ORDER else 0,
        "counts": counts,
        "counts_text": ui(
            "findings_count", lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
        ),
        "hidden": hidden_note(review, lang),
        "scores": score_items(review.scores, lang),
        "radar": _radar(coverage(review), lang),
        "findings": [_finding(f, review.file, lang) for f in review.findings],
        "notices": [plain(render_problem(notice, lang)) for notice in review.notices],
        "works_cited": [
            {"id": s, "short": plain(label_), "citation": plain(citation)}
            for s, label_, citation in works_cited(review.findings, lang)
        ],
    }


def _finding(f: Finding, file: str, lang: str) -> dict[str, Any]:
    sources = knowledge.sources()
    return {
        "severity": f.severity,
        "mark": _MARK[f.severity],
        "severity_label": label("severity", f.severity, lang),
        "rule_id": f.rule_id,
        "title": _with_code(f.text("title", lang)),
        "message": _with_code(f.text("message", lang)),
        "recommendation": _with_code(f.text("recommendation", lang)),
        "why": _with_code(f.text("why", lang)),
        "place": plain(f.where(file), 600),
        "path": plain(f.path, 300),
        "evidence": plain(f.evidence, 400),
        "based_on": list(f.based_on),
        "sources": [
            {"id": s, "short": plain(short(s, lang)), "citation": plain(sources[s].cited(lang)) if s in sources else s}
            for s in f.sources
        ],
        "suppressed": plain(f.suppressed, 500) if f.suppressed is not None else None,
        "quote": row_quote(f) if f.sheet is not None else quote(f),
    }


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = _RADIUS * value / 100
    return round(_CENTRE + r * math.cos(angle), 1), round(_CENTRE + r * math.sin(angle), 1)


def _with_code(text: str) -> markupsafe.Markup:
    """A finding's text, escaped, with its `keys` as <code>."""
    return markupsafe.Markup("").join(
        markupsafe.Markup("<code>{}</code>").format(piece) if is_code else piece
        for is_code, piece in code_spans(plain(text))
    )


def _radar(values: dict[str, int], lang: str) -> dict[str, Any]:
    names = list(values)
    n = len(names)
    axes = []
    for i, name in enumerate(names):
        end = _point(i, n, 100)
        lx, ly = _point(i, n, 122)
        anchor = "middle" if abs(lx - _CENTRE) < 1 else ("start" if lx > _CENTRE else "end")
        axes.append(
            {
                "name": name,
                "label": pillar_label(name, lang),
                "value": values[name],
                "x": end[0],
                "y": end[1],
                "lx": lx,
                "ly": round(ly + 4, 1),
                "anchor": anchor,
            }
        )
    rings = [" ".join(f"{x},{y}" for x, y in (_point(i, n, ring) for i in range(n))) for ring in _RINGS]
    shape = " ".join(f"{x},{y}" for x, y in (_point(i, n, values[name]) for i, name in enumerate(names)))
    return {"axes": axes, "rings": rings, "shape": shape, "centre": _CENTRE, "viewbox": _viewbox(axes)}


# An upper bound of a label character's width at the chart's 14px font (a bold "M" is ~12px;
# text averages ~8px): the view box is made wide enough for every label, in either language.
_CHAR_WIDTH = 8.5


def _viewbox(axes: list[dict[str, Any]]) -> str:
    """Room for the chart and each label beside it, so that no label is cut at the edge."""
    left, right = 0.0, 2.0 * _CENTRE
    for axis in axes:
        width = len(f"{axis['label']} ({axis['value']})") * _CHAR_WIDTH
        start = {"start": axis["lx"], "end": axis["lx"] - width}.get(axis["anchor"], axis["lx"] - width / 2)
        left, right = min(left, start), max(right, start + width)
    left, right = math.floor(left - 8), math.ceil(right + 8)
    return f"{left} 10 {right - left} 300"


ATTENTION = 10  # plans listed first, as needing attention


def urgency(review: Review) -> tuple[int, int, int, int, str]:
    """Not ready before needs revision before ready; within a verdict, most errors, then most
    warnings and advice; then by file, so that the order is stable."""
    counts = review.counts()
    rank = VERDICT_ORDER.index(review.verdict) if review.verdict in VERDICT_ORDER else len(VERDICT_ORDER)
    return (rank, -counts["error"], -counts["warning"], -counts["info"], review.file)


def _dashboard(outcome: Outcome, reviews: list[Review], plans: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    fams = families(outcome)
    per_plan = [family_counts(review) for review in reviews]
    peak = max((n for counts in per_plan for n in counts.values()), default=0)
    return {
        "summary": ui(
            "report_plans_checked",
            lang,
            count=len(outcome.reviews),
            failed=len(outcome.failures),
            **verdict_counts(outcome),
        ),
        "score_columns": score_columns(outcome.reviews, lang),
        "families": [{"id": fam, "label": label("family", fam, lang)} for fam in fams],
        "heat": [
            [{"count": counts.get(fam, 0), "level": _level(counts.get(fam, 0), peak)} for fam in fams]
            for counts in per_plan
        ],
        "gaps": [
            {
                "rule_id": g.rule_id,
                "mark": _MARK[g.severity],
                "severity": g.severity,
                "title": g.title,
                "plans": g.plans,
            }
            for g in common_gaps(outcome, lang)
        ],
        "score_of": {plan["anchor"]: dict(review.scores) for plan, review in zip(plans, reviews, strict=True)},
        "attention": [plan for plan in plans if plan["verdict"] != "ready"][:ATTENTION],
    }


def _level(count: int, peak: int) -> int:
    """Heatmap shade 0..4: 0 only for no findings, 4 for the folder's worst cell."""
    if count == 0 or peak == 0:
        return 0
    return max(1, math.ceil(4 * count / peak))
