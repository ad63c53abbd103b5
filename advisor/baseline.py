"""A baseline: the findings a team already knows, so that a run reports only new ones.

``advisor batch plans/ --write-baseline b.json`` records, per file, the sorted keys
(``RULE:subject``) of its active findings. A file is named by its path relative to the folder
reviewed (``a.yaml`` for ``plans/a.yaml``), so that the baseline still matches when the same
folder is reviewed from elsewhere (``batch ../repo/plans``); an older baseline's names, as the
run displayed them, are still matched. ``--baseline b.json`` then leaves
those findings out of the report and the exit code. A plan's verdict still counts them: a
baseline is a tool for CI, not a judgement that the plan is ready.

The file is stable (sorted keys, no dates), so that it can be kept in version control.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from advisor import __version__
from advisor.findings import Outcome
from advisor.inputs import UnreadableInput, depth, read_bounded
from advisor.problems import InputError, Problem

BASELINE_VERSION = 1
# A baseline holds a few keys per plan; these bounds keep a wrong file (/dev/zero, a huge or
# deeply nested JSON) from hanging or exhausting a run. The file itself is 3 levels deep.
MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 8


class _Schema(BaseModel):
    # Built on first use: only a run given --baseline reads one.
    model_config = ConfigDict(extra="forbid", strict=True, defer_build=True)

    baseline_version: int
    tool: dict[str, str] = {}
    files: dict[str, list[str]]


Baseline = dict[str, frozenset[str]]


def relative_name(file: str, roots: Sequence[str] = ()) -> str:
    """``file`` (as the run displays it) relative to the one folder it was found under; as it
    is when several folders were given (their relative names could collide) or none."""
    if len(roots) != 1:
        return file
    root = roots[0].rstrip("/")
    if root in ("", "."):
        return file.removeprefix("./")
    return file[len(root) + 1 :] if file.startswith(root + "/") else file


def build(outcome: Outcome, roots: Sequence[str] = ()) -> str:
    """The baseline of an outcome as JSON text; equal outcomes give equal bytes."""
    files = {relative_name(r.file, roots): sorted({f.key for f in r.active()}) for r in outcome.reviews}
    document = {
        "baseline_version": BASELINE_VERSION,
        "tool": {"name": "pentahelix-advisor", "version": __version__},
        "files": dict(sorted(files.items())),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file; raises :class:`InputError` with a clear problem."""
    display = str(path)
    too_deep = {"reason_code": "reason_too_deep", "limit": MAX_DEPTH}
    try:
        data = json.loads(read_bounded(path, MAX_BYTES))
    except UnreadableInput as exc:
        raise InputError([Problem("baseline_unreadable", display, params=exc.params)]) from None
    except json.JSONDecodeError as exc:
        raise InputError([Problem("json_syntax", display, exc.lineno, exc.colno, params={"reason": exc.msg})]) from None
    except RecursionError:
        raise InputError([Problem("baseline_unreadable", display, params=too_deep)]) from None
    if depth(data, MAX_DEPTH) > MAX_DEPTH:
        raise InputError([Problem("baseline_unreadable", display, params=too_deep)])
    try:
        schema = _Schema.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise InputError([Problem("baseline_invalid", display, path=where, params={})]) from None
    if schema.baseline_version != BASELINE_VERSION:
        raise InputError(
            [
                Problem(
                    "baseline_version", display, params={"found": schema.baseline_version, "expected": BASELINE_VERSION}
                )
            ]
        )
    return {file: frozenset(keys) for file, keys in schema.files.items()}


def matched(outcome: Outcome, baseline: Baseline, roots: Sequence[str] = ()) -> int:
    """How many of the run's files the baseline names: 0 for a non-empty baseline means it was
    written for other files (or from another folder), and every finding would look new."""
    return sum(1 for r in outcome.reviews if _known(r.file, baseline, roots) is not None)


def _known(file: str, baseline: Baseline, roots: Sequence[str]) -> frozenset[str] | None:
    found = baseline.get(relative_name(file, roots))
    return found if found is not None else baseline.get(file)


def apply(outcome: Outcome, baseline: Baseline, roots: Sequence[str] = ()) -> Outcome:
    """The outcome without the findings the baseline knows (per file)."""
    reviews = []
    for review in outcome.reviews:
        known = _known(review.file, baseline, roots) or frozenset()
        kept = tuple(f for f in review.findings if f.key not in known)
        reviews.append(replace(review, findings=kept, baselined=len(review.findings) - len(kept)))
    return Outcome(tuple(reviews), outcome.failures)  # without parts rendered for the old reviews
