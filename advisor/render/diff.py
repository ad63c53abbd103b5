"""A revision's diff (``advisor diff``) as text or JSON, from the :class:`Revision` made before."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from advisor.findings import Finding, Review
from advisor.render.colour import styler
from advisor.render.report_data import score_items
from advisor.render.safe import terminal
from advisor.texts import label, ui

if TYPE_CHECKING:  # the model's type only: a renderer never runs the review behind it
    from advisor.diff import Revision


def _counts(review: Review, lang: str) -> str:
    c = review.counts()
    return ui("findings_count", lang, errors=c["error"], warnings=c["warning"], infos=c["info"])


def render_text(rev: Revision, lang: str, color: bool = False) -> str:
    """Verdict, counts and scores before and after, then the findings fixed, introduced, suppressed
    and remaining, each at its place in the plan that has it."""
    style = styler(color)
    old_verdict = label("verdict", rev.old.verdict, lang)
    new_verdict = label("verdict", rev.new.verdict, lang)
    lines = [
        style(f"{ui('diff_title', lang)}: {rev.old.file} → {rev.new.file}", bold=True),
        f"{ui('verdict', lang)}: {old_verdict} → " + style(new_verdict, bold=True),
        f"{ui('diff_findings', lang)}: {_counts(rev.old, lang)} → {_counts(rev.new, lang)}",
    ]
    changes = rev.score_changes()
    if changes:
        lines.append(f"{ui('diff_score', lang)}:")
        # Names and order of knowledge/scoring.yaml, as in the check report.
        for item in score_items(dict.fromkeys(changes, 0), lang):
            before, after = changes[item.key]
            change = f" ({after - before:+d})" if before is not None and after is not None else ""
            lines.append(f"  {item.label}: {_num(before)} → {_num(after)}{change}")
    groups = (
        ("diff_fixed", rev.fixed, rev.old.file, "✓", "green"),
        # "+", not the error glyph ✖: an introduced warning must not read as an error.
        ("diff_introduced", rev.introduced, rev.new.file, "+", "red"),
        ("diff_suppressed", rev.suppressed, rev.old.file, "~", "cyan"),
        ("diff_remaining", rev.remaining, rev.new.file, "·", None),
    )
    for key, items, file, mark, colour in groups:
        if not items and key == "diff_suppressed":
            continue
        lines += ["", style(f"{ui(key, lang)} ({len(items)})", bold=True)]
        if not items:
            lines.append(f"  {ui('diff_none', lang)}")
        for f in items:
            severity = label("severity", f.severity, lang)
            title = terminal(f.text("title", lang))
            lines.append(f"  {style(mark, fg=colour) if colour else mark} {f.rule_id}  {severity}: {title}")
            lines.append(f"      {f.where(file)}" + (f"  {f.path}" if f.path else ""))
    return "\n".join(lines) + "\n"


def _num(value: int | None) -> str:
    return "-" if value is None else str(value)


def render_json(rev: Revision, lang: str, color: bool = False) -> str:
    """``color`` is taken as every diff view takes it, and has no meaning in JSON."""

    def items(findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
        return [
            {
                "key": f.key,
                "rule": f.rule_id,
                "severity": f.severity,
                "title": f.text("title", lang),
                "path": f.path,
                "line": f.line,
            }
            for f in findings
        ]

    document = {
        "old": {"file": rev.old.file, "verdict": rev.old.verdict, "counts": rev.old.counts(), "scores": rev.old.scores},
        "new": {"file": rev.new.file, "verdict": rev.new.verdict, "counts": rev.new.counts(), "scores": rev.new.scores},
        "lang": lang,
        "score_changes": {
            name: {"old": a, "new": b, "change": (b - a) if a is not None and b is not None else None}
            for name, (a, b) in rev.score_changes().items()
        },
        "fixed": items(rev.fixed),
        "introduced": items(rev.introduced),
        "suppressed": items(rev.suppressed),
        "remaining": items(rev.remaining),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
