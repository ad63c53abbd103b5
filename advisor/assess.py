"""The readiness verdict (siap / perlu perbaikan / belum siap) from a plan's findings."""

from __future__ import annotations

from collections.abc import Iterable

from advisor.findings import Finding
from advisor.knowledge import thresholds


def verdict(findings: Iterable[Finding]) -> str:
    """``not_ready`` with any error; ``needs_revision`` with more warnings than the
    threshold allows; else ``ready``. Suppressed findings do not count."""
    active = [f for f in findings if f.suppressed is None]
    if any(f.severity == "error" for f in active):
        return "not_ready"
    warnings = sum(1 for f in active if f.severity == "warning")
    if warnings > thresholds()["ready_max_warnings"]:
        return "needs_revision"
    return "ready"
