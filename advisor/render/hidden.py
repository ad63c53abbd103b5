"""The line every report shows when ``--min-severity`` left findings out: how many, and that
the verdict still counts them (otherwise "needs revision" beside "no findings" reads as a fault)."""

from __future__ import annotations

from advisor.findings import Review
from advisor.texts import label, ui


def hidden_note(review: Review, lang: str) -> str | None:
    """``None`` when nothing is hidden."""
    if not review.hidden:
        return None
    total = sum(count for _, count in review.hidden)
    parts = [ui(f"count_{severity}", lang, count=count) for severity, count in review.hidden]
    return ui(
        "hidden_findings",
        lang,
        count=total,
        detail=", ".join(parts),
        severity=label("severity", review.min_severity, lang),
    )
