"""What a revision of a plan changed: findings it fixed, findings it introduced, findings that
remain, and how the verdict, counts and scores moved.

Findings are matched by :attr:`Finding.key` (rule and subject, e.g. ``PH001:pillar:media``),
which does not depend on line numbers, so moving a section around is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advisor.findings import Finding, Review
from advisor.settings import Settings


@dataclass(frozen=True)
class Revision:
    """What changed from one review of a plan to the next (``advisor diff``), findings matched by key."""

    old: Review
    new: Review
    fixed: tuple[Finding, ...]
    introduced: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]  # open before, suppressed with a justification now

    def score_changes(self) -> dict[str, tuple[int | None, int | None]]:
        """Every dimension's score (before, after), by name; None where one review has no such score."""
        names = sorted(set(self.old.scores) | set(self.new.scores))
        return {n: (self.old.scores.get(n), self.new.scores.get(n)) for n in names}


def compare(old: Review, new: Review) -> Revision:
    """Findings active in ``old`` and gone from ``new`` (fixed) or suppressed there, those ``new``
    introduced and those in both."""
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
