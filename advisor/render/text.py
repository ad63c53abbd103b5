"""The report for a person at a terminal: verdict and scores, the worst problems on one screen,
then every finding by planning step (worst first within a step), each with its place, why it
matters and what to do, in the review's language."""

from __future__ import annotations

from collections.abc import Sequence

from advisor import knowledge
from advisor.assess import top_problems
from advisor.findings import Failure, Finding, Outcome, Review
from advisor.render import review_lang
from advisor.render.citations import shorts, works_cited
from advisor.render.colour import Style, styler
from advisor.render.frame import Frame, compose, parts_of
from advisor.render.hidden import hidden_note
from advisor.render.problem import render as render_problem
from advisor.render.safe import terminal
from advisor.texts import dimension_label, label, scores_explanation, scores_heading, step_heading, ui

_MARK = {"error": "✖", "warning": "▲", "info": "●"}
_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
_VERDICT_COLOUR = {"ready": "green", "needs_revision": "yellow", "not_ready": "red"}


def render(outcome: Outcome, lang: str | None, color: bool = False, explain: bool = False) -> str:
    """``explain`` adds under each finding the reasoning behind it (``check --explain``), made
    before by :func:`advisor.explain.traced`."""
    if color or explain:  # not the parts a batch worker rendered: those are plain
        style = styler(color)
        parts = [_review(r, review_lang(lang, r.plan_language), style, explain) for r in outcome.reviews]
    else:
        parts = parts_of(outcome, "text", lang, render_part)
    return compose(frame(outcome.failures, lang, color), parts)


def render_part(review: Review, lang: str) -> str:
    """One review's part of the report, uncoloured: a coloured report is rendered whole, never from parts."""
    return _review(review, lang, styler(False))


def frame(failures: Sequence[Failure], lang: str | None, color: bool = False) -> Frame:
    """One block per review, then one per file that could not be read, a blank line between."""
    style = styler(color)
    blocks = []
    for failure in failures:
        failure_lang = review_lang(lang, failure.lang)
        lines = [style(ui("input_errors", failure_lang, count=len(failure.problems)), fg="red", bold=True)]
        lines += [terminal(render_problem(p, failure_lang)) for p in failure.problems]
        blocks.append("\n".join(lines))
    return Frame("", "\n\n", "".join("\n\n" + block for block in blocks) + "\n", "\n\n".join(blocks) + "\n")


def render_explained(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The report with the reasoning under each finding (``check --explain``)."""
    return render(outcome, lang, color, explain=True)


def _review(review: Review, lang: str, style: Style, explain: bool = False) -> str:
    counts = review.counts()
    verdict = label("verdict", review.verdict, lang)
    lines = [
        style(f"{ui('report_title', lang)}: {terminal(review.title)}", bold=True),
        terminal(review.file),  # a file name may hold control characters too
        f"{ui('verdict', lang)}: "
        + style(verdict.upper(), fg=_VERDICT_COLOUR[review.verdict], bold=True)
        + f"  ({ui('findings_count', lang, errors=counts['error'], warnings=counts['warning'], infos=counts['info'])})",
    ]
    hidden = hidden_note(review, lang)
    if hidden:
        lines.append(style(hidden, dim=True))
    lines += _scores(review, lang, style)
    lines += _top_problems(review, lang, style)
    if not review.findings and not review.baselined and not hidden:
        lines += ["", ui("no_findings", lang)]
    # Grouped by planning step, in the order a plan is written; worst first within a step.
    for step, findings in by_step(review.findings):
        lines += ["", style(f"== {step_heading(step, lang)} ==", bold=True)]
        for finding in findings:
            lines += ["", *_finding(finding, review.file, lang, style)]
            if explain and finding.trace is not None:
                from advisor.render.explain import trace_lines

                lines += trace_lines(finding.trace, lang)
    if review.baselined:
        lines += ["", ui("baselined", lang, count=review.baselined)]
    if review.notices:
        lines += ["", style(ui("notices", lang), bold=True)]
        lines += [f"  ℹ {terminal(render_problem(notice, lang))}" for notice in review.notices]
    cited = works_cited(review.findings, lang)
    if cited:
        lines += ["", style(ui("works_cited", lang), bold=True)]
        lines += [f"  {label_}: {citation}" for _, label_, citation in cited]
    return "\n".join(lines)


TOP_PROBLEMS = 5


def _top_problems(review: Review, lang: str, style: Style) -> list[str]:
    """The worst problems on one screen before the report walks through the planning steps:
    errors and warnings ranked by severity, certainty and reach. Left out when the report is
    short anyway."""
    active = [f for f in review.findings if f.suppressed is None]
    # ranked by severity, certainty and reach (advisor/assess.py), not by rule id
    ranked = top_problems(active, len(active))
    if len(active) <= 3 or not ranked:
        return []
    worst = ranked
    lines = ["", style(ui("top_problems", lang), bold=True)]
    for f in worst[:TOP_PROBLEMS]:
        mark = style(_MARK[f.severity], fg=_COLOUR[f.severity], bold=True)
        where = f"{f.sheet}!{f.cell}" if f.sheet is not None else ui("at_line", lang, line=f.line)
        lines.append(f"  {mark} {f.rule_id}  {terminal(f.text('title', lang), 120)}  ({where})")
    if len(worst) > TOP_PROBLEMS:
        lines.append("  " + ui("more_below", lang, count=len(worst) - TOP_PROBLEMS))
    return lines


def by_step(findings: tuple[Finding, ...]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by planning step (knowledge/steps.yaml order; unknown steps last)."""
    order = {key: step.order for key, step in knowledge.steps().items()}
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.step, []).append(finding)
    return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order) + 1), kv[0]))


def _scores(review: Review, lang: str, style: Style) -> list[str]:
    if not review.scores:
        return []
    lines = ["", style(scores_heading(lang), bold=True)]
    width = max(len(dimension_label(d, lang)) for d in knowledge.scoring().dimensions)
    for name, score in review.scores.items():
        lines.append(f"  {dimension_label(name, lang):<{width}}  {score:>3}")
    lines.append("  " + style(scores_explanation(lang), dim=True))
    return lines


def _finding(f: Finding, file: str, lang: str, style: Style) -> list[str]:
    head = f"{_MARK[f.severity]} {label('severity', f.severity, lang)}"
    lines = [
        style(head, fg=_COLOUR[f.severity], bold=True)
        + f"  {f.rule_id}  "
        + style(terminal(f.text("title", lang)), bold=True),
        f"   {terminal(f.where(file))}" + (f"  {f.path}" if f.path else ""),
        f"   {terminal(f.text('message', lang))}",
    ]
    if f.suppressed is not None:
        lines.insert(1, "   " + style(ui("suppressed_reason", lang, reason=terminal(f.suppressed, 300)), dim=True))
    if f.evidence:
        lines.append(f"   {ui('evidence', lang)}: “{terminal(f.evidence, 160)}”")
    if f.based_on:
        lines.append(f"   {ui('conclusion', lang)}, {ui('based_on', lang)}: {', '.join(f.based_on)}")
    lines.append(
        "   " + style(f"→ {ui('recommendation', lang)}: ", fg="green") + terminal(f.text("recommendation", lang))
    )
    lines.append(f"   {ui('sources', lang)}: {shorts(f.sources, lang)}")
    return lines
