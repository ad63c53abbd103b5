"""What a revision of a plan changed: findings it fixed, findings it introduced, findings that
remain, and how the verdict, counts and scores moved.

Findings are matched by :attr:`Finding.key` (rule and subject, e.g. ``PH001:pillar:media``),
which does not depend on line numbers, so moving a section around is not a change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from advisor.findings import Finding, Review
from advisor.render.report_data import score_items
from advisor.render.safe import terminal
from advisor.settings import Settings
from advisor.texts import label, ui


@dataclass(frozen=True)
class Revision:
    old: Review
    new: Review
    fixed: tuple[Finding, ...]
    introduced: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]  # open before, suppressed with a justification now

    def score_changes(self) -> dict[str, tuple[int | None, int | None]]:
        names = sorted(set(self.old.scores) | set(self.new.scores))
        return {n: (self.old.scores.get(n), self.new.scores.get(n)) for n in names}


def compare(old: Review, new: Review) -> Revision:
    old_active = {f.key: f for f in old.active()}
    new_active = {f.key: f for f in new.active()}
    new_suppressed = {f.key for f in new.findings if f.suppressed is not None}
    return Revision(
        old=old,
        new=new,
        fixed=tuple(f for k, f in old_active.items() if k not in new_active and k not in new_suppressed),
        introduced=tuple(f for k, f in new_active.items() if k not in old_active),
        remaining=tuple(f for k, f in new_active.items() if k in old_active),
        suppressed=tuple(f for k, f in old_active.items() if k in new_suppressed),
    )


def compare_files(old: Path, new: Path, settings: Settings | None = None) -> Revision:
    """Both revisions reviewed through the core call (in a worker process); raises
    :class:`advisor.problems.InputError` when either file cannot be reviewed."""
    from advisor import api

    return compare(*api.review_many([old, new], settings or Settings()))


def _counts(review: Review, lang: str) -> str:
    c = review.counts()
    return ui("findings_count", lang, errors=c["error"], warnings=c["warning"], infos=c["info"])


def render_text(rev: Revision, lang: str, color: bool = False) -> str:
    def style(text: str, **kw: Any) -> str:
        return click.style(text, **kw) if color else text

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


def render_json(rev: Revision, lang: str) -> str:
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
