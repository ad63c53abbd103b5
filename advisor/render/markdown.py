"""A GitHub-flavoured Markdown report: for a pull request comment, a wiki page or a ticket.

Every text that comes from a plan (or a message that quotes one) is escaped, so that a plan
cannot inject links, HTML or table cells into the report.
"""

from __future__ import annotations

import re

from advisor import __version__
from advisor.findings import Finding, Outcome, Review
from advisor.render import review_lang
from advisor.render.citations import shorts, works_cited
from advisor.render.hidden import hidden_note
from advisor.render.problem import render as render_problem
from advisor.render.report_data import code_spans, common_gaps, plain, score_items, verdict_counts
from advisor.texts import label, ui

_MARK = {"error": "✖", "warning": "▲", "info": "●"}
# Characters with a meaning anywhere in GFM inline text, tables included ("(" and "!" only
# matter after "]" or before "[", which are escaped).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Characters that start a block (heading, list, quote, setext line) at the start of a line.
_LEADING = re.compile(r"^([#+\-=>]|\d+[.)])")


def md(text: object, limit: int = 2000) -> str:
    """Inline-safe Markdown: one line, every markup character escaped."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(plain(text, limit).split()))
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def md_text(text: str, limit: int = 2000) -> str:
    """A finding's text: :func:`md`, with its `keys` kept as code spans instead of escaped."""
    return "".join(f"`{piece}`" if is_code else _md_piece(piece) for is_code, piece in code_spans(plain(text, limit)))


def _md_piece(piece: str) -> str:
    """:func:`md` keeping the one space on either side that separates it from a code span."""
    before = " " if piece[:1].isspace() else ""
    after = " " if piece[-1:].isspace() and piece.strip() else ""
    return before + md(piece) + after


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    blocks: list[str] = []
    if len(outcome.reviews) + len(outcome.failures) > 1:
        blocks.append(_summary(outcome, review_lang(lang, None)))
    blocks += [_review(review, review_lang(lang, review.plan_language)) for review in outcome.reviews]
    if outcome.failures:
        blocks.append(_failures(outcome, lang))
    blocks.append(f"<sub>{md(ui('report_generated', review_lang(lang, None), version=__version__))}</sub>")
    return "\n\n".join(blocks) + "\n"


def _summary(outcome: Outcome, lang: str) -> str:
    counts = verdict_counts(outcome)
    lines = [
        f"# {md(ui('report_dashboard', lang))}",
        "",
        md(ui("report_plans_checked", lang, count=len(outcome.reviews), failed=len(outcome.failures), **counts)),
        "",
        f"| {ui('report_plan', lang)} | {ui('verdict', lang)} | ✖ | ▲ | ● |",
        "|---|---|---:|---:|---:|",
    ]
    for review in outcome.reviews:
        c = review.counts()
        lines.append(
            f"| {md(review.title, 200)} ({md(review.file, 300)}) | {md(label('verdict', review.verdict, lang))}"
            f" | {c['error']} | {c['warning']} | {c['info']} |"
        )
    gaps = common_gaps(outcome, lang)
    if gaps:
        lines += [
            "",
            f"## {md(ui('report_common_gaps', lang))}",
            "",
            f"| {ui('report_rule', lang)} | {ui('report_finding', lang)} | {ui('report_in_plans', lang)} |",
            "|---|---|---:|",
        ]
        lines += [f"| {gap.rule_id} | {_MARK[gap.severity]} {md(gap.title)} | {gap.plans} |" for gap in gaps]
    return "\n".join(lines)


def _review(review: Review, lang: str) -> str:
    counts = review.counts()
    lines = [
        f"## {md(ui('report_title', lang))}: {md(review.title, 300)}",
        "",
        f"- **{ui('report_file', lang)}:** `{_code(review.file)}`",
        f"- **{ui('verdict', lang)}:** **{md(label('verdict', review.verdict, lang).upper())}** — "
        + md(ui("findings_count", lang, errors=counts["error"], warnings=counts["warning"], infos=counts["info"])),
    ]
    hidden = hidden_note(review, lang)
    if hidden:
        lines.append(f"- {md(hidden)}")
    if review.scores:
        lines += ["", f"| {ui('report_dimension', lang)} | {ui('report_score', lang)} |", "|---|---:|"]
        lines += [f"| {md(score.label)} | {score.value} |" for score in score_items(review.scores, lang)]
    if review.notices:
        lines += ["", f"**{ui('notices', lang)}:**", ""]
        lines += [f"- {md(render_problem(notice, lang))}" for notice in review.notices]
    if not review.findings:
        if not hidden:
            lines += ["", md(ui("no_findings", lang))]
        return "\n".join(lines)
    lines += [
        "",
        f"| | {ui('report_rule', lang)} | {ui('report_finding', lang)} | {ui('report_line', lang)} |",
        "|---|---|---|---:|",
    ]
    for f in review.findings:
        title = md(f.text("title", lang))
        if f.suppressed is not None:
            title = f"~~{title}~~ ({md(ui('report_suppressed_short', lang))})"
        at = f"{f.sheet}!{f.cell}" if f.sheet is not None else f.line
        lines.append(f"| {_MARK[f.severity]} | {f.rule_id} | {title} | {md(str(at))} |")
    for f in review.findings:
        lines += ["", *_finding(f, review.file, lang)]
    cited = works_cited(review.findings, lang)
    if cited:
        lines += ["", f"### {ui('works_cited', lang)}", ""]
        lines += [f"- **{md(label_)}**: {md(citation)}" for _, label_, citation in cited]
    return "\n".join(lines)


def _finding(f: Finding, file: str, lang: str) -> list[str]:
    lines = [
        f"### {_MARK[f.severity]} {f.rule_id} · {md_text(f.text('title', lang))}",
        "",
        f"*{md(label('severity', f.severity, lang))}* · `{_code(f.where(file))}`"
        + (f" · `{_code(f.path)}`" if f.path else ""),
        "",
        md_text(f.text("message", lang)),
    ]
    if f.excerpt:  # a workbook finding: its row's cells, where a YAML line would be quoted
        lines += ["", " · ".join(f"`{_code(cell)}`" for cell in f.excerpt)]
    if f.suppressed is not None:
        lines += ["", f"> {md(ui('report_suppressed', lang, reason=f.suppressed))}"]
    if f.evidence:
        lines += ["", f"**{ui('evidence', lang)}:** “{md(f.evidence, 300)}”"]
    if f.based_on:
        lines += ["", f"**{ui('conclusion', lang)}**, {ui('based_on', lang)}: {md(', '.join(f.based_on))}"]
    lines += ["", f"**{ui('recommendation', lang)}:** {md_text(f.text('recommendation', lang))}"]
    why = f.text("why", lang)
    if why:
        lines += ["", f"**{ui('report_why', lang)}:** {md(why)}"]
    lines += ["", f"**{ui('sources', lang)}:** {md(shorts(f.sources, lang))}"]
    return lines


def _failures(outcome: Outcome, lang: str | None) -> str:
    lines = [f"## {md(ui('report_failed', review_lang(lang, None)))}"]
    for failure in outcome.failures:
        lines += ["", f"- `{_code(failure.file)}`"]
        lines += [f"  - {md(render_problem(p, review_lang(lang, failure.lang)))}" for p in failure.problems]
    return "\n".join(lines)


def _code(text: str) -> str:
    """Inside a code span nothing is markup; only a backtick could end it early."""
    return plain(text, 300).replace("`", "'").replace("\n", " ")
