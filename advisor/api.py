"""The core call: review plans from Python, as the command line does, without Click.

    from pathlib import Path
    from advisor import api
    from advisor.settings import Options

    result = api.check([Path("plans/a.yaml"), Path("plans/b.yaml")], Options(lang="en"))
    for review in result.outcome.reviews: ...       # findings, verdict, scores per plan
    for failure in result.outcome.failures: ...     # the files that could not be reviewed, and why
    result.status                                   # Status.CLEAN, FINDINGS or FAILED

:func:`check` reviews many plans (each with its nearest configuration, in worker processes, so
that a crash in the rule engine costs one file), applies a baseline and decides the status;
:func:`review` reviews one plan the same way; :func:`resolve` lays a caller's options over the
configuration. Rendering a report (``advisor.render``) and turning the status into an exit code
are the caller's. See docs/api.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from advisor import plan_configs
from advisor.batch import Discovery, Skipped, Target, discover
from advisor.batch import run as run_reviews
from advisor.config import ConfigError, RunOptions
from advisor.findings import Failure, Outcome, Review
from advisor.plan_configs import Group
from advisor.problems import InputError
from advisor.report_stream import Spool, Streamed, can_stream, check_streamed
from advisor.rules.base import reaches
from advisor.settings import DEFAULT_OPTIONS, DEFAULT_SETTINGS, Options, Settings
from advisor.status import Status
from advisor.terminal import display_name

if TYPE_CHECKING:
    from advisor.validate import ValidatedPlan

__all__ = [
    "Checked",
    "ConfigError",
    "Discovery",
    "Group",
    "Options",
    "RunOptions",
    "Settings",
    "Skipped",
    "Spool",
    "Status",
    "Streamed",
    "Target",
    "can_stream",
    "check",
    "check_streamed",
    "configure",
    "discover",
    "load",
    "load_baseline",
    "load_text",
    "reaches",
    "record_baseline",
    "resolve",
    "review",
    "review_many",
]

Source = Path | Target  # a plan file, or one with the name reports give it
OnResult = Callable[[Review | Failure], None]


@dataclass(frozen=True)
class Checked:
    """What :func:`check` gives back."""

    outcome: Outcome  # the reviews and failures in file order, a baseline applied: what reports show
    lang: str | None  # the report language; None: each plan in its own
    status: Status
    groups: tuple[Group, ...]  # the plans by the configuration (and so the settings) they took
    reviewed: Outcome  # the reviews as made, before a baseline: what a new baseline records
    baseline_unmatched: bool = False  # a non-empty baseline named none of the plans (wrong folder?)


def resolve(paths: Sequence[Path], options: Options = DEFAULT_OPTIONS) -> RunOptions:
    """The run's settings: ``options`` over the configuration found upward from ``paths`` (or
    ``options.config_path``) over the defaults. Raises :class:`ConfigError`."""
    return plan_configs.resolve(paths, options)


def configure(
    sources: Sequence[Source],
    options: Options = DEFAULT_OPTIONS,
    run: RunOptions | None = None,
    fixed: Sequence[Target] = (),
) -> list[Group]:
    """Each plan with its nearest configuration, grouped (``fixed`` plans, e.g. one read from
    standard input, take the run's). Raises :class:`ConfigError`."""
    targets = [_target(s) for s in sources]
    run = run or resolve([t.path for t in targets], options)
    return plan_configs.group_by_config(targets, options, run, fixed)


def check(
    sources: Sequence[Source],
    options: Options = DEFAULT_OPTIONS,
    *,
    groups: Sequence[Group] | None = None,
    jobs: int | None = 1,
    parts: Sequence[str] = (),
    baseline: dict[str, frozenset[str]] | None = None,
    roots: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
    on_result: OnResult | None = None,
) -> Checked:
    """Review ``sources`` with ``options`` over each plan's nearest configuration.

    ``groups`` (from :func:`configure` for the same sources, which they then stand for) skips
    finding the configurations again; ``jobs`` worker processes review (None: one per core);
    ``parts`` names report formats whose per-plan parts the workers render as they review;
    ``baseline`` (from :func:`load_baseline`, with the ``roots`` its names are relative to)
    leaves out the findings it knows. ``progress(n)`` is called as plans are done,
    ``on_result(result)`` once per plan's review or failure, baseline applied, as its group's
    results arrive: a caller can write each plan's part of a report without waiting for the
    whole run. Raises :class:`ConfigError`; a bad plan is a failure in the outcome, never an
    exception."""
    if groups is None:
        groups = configure(sources, options)
    lang = plan_configs.report_lang(groups, options.lang)
    if baseline is not None:
        from advisor import baseline as baselines  # its Pydantic model, only when a baseline is used
    made: list[Outcome] = []
    shown: list[Outcome] = []
    matched = 0
    for group in groups:
        got = run_reviews(
            list(group.targets), group.run.settings, jobs, progress=progress, parts=parts, lang=group.run.lang
        )
        got = plan_configs.relabelled(got, group, lang, options.lang)
        made.append(got)
        if baseline is not None:
            matched += baselines.matched(got, baseline, roots)
            got = baselines.apply(got, baseline, roots)
        shown.append(got)
        if on_result is not None:
            for plan_review in got.reviews:
                on_result(plan_review)
            for failure in got.failures:
                on_result(failure)
    reviewed = plan_configs.join(made)
    outcome = plan_configs.join(shown) if baseline is not None else reviewed
    unmatched = bool(baseline) and not matched
    return Checked(outcome, lang, _status(outcome, groups), tuple(groups), reviewed, unmatched)


def _status(outcome: Outcome, groups: Sequence[Group]) -> Status:
    if outcome.failures:
        return Status.FAILED
    return Status.FINDINGS if plan_configs.any_failing(outcome, groups) else Status.CLEAN


def review(source: Source, settings: Settings = DEFAULT_SETTINGS) -> Review:
    """One plan's review, made in a worker process (a crash in the rule engine is a clear
    problem, not a dead caller). Raises :class:`advisor.problems.InputError`."""
    (found,) = review_many([source], settings)
    return found


def review_many(sources: Sequence[Source], settings: Settings = DEFAULT_SETTINGS) -> list[Review]:
    """Several plans' reviews, in the order given, made in one worker process. Raises
    :class:`advisor.problems.InputError` for the first plan (in that order) that failed."""
    targets = [_target(s) for s in sources]
    outcome = run_reviews(targets, settings, jobs=1)
    failed = {f.file: f for f in outcome.failures}
    reviews = {r.file: r for r in outcome.reviews}
    for target in targets:
        if target.display in failed:
            failure = failed[target.display]
            raise InputError(list(failure.problems), failure.lang)
    return [reviews[t.display] for t in targets]


def load(source: Source, settings: Settings = DEFAULT_SETTINGS) -> ValidatedPlan:
    """Read and validate one plan, without reviewing it. Raises :class:`advisor.problems.InputError`."""
    from advisor.review import load_plan

    target = _target(source)
    return load_plan(target.path, settings, display=target.display)


def load_text(text: str, display: str, settings: Settings = DEFAULT_SETTINGS) -> ValidatedPlan:
    """A plan given as text (YAML or JSON) read and validated, without reviewing it; ``display``
    names it in problems. Raises :class:`advisor.problems.InputError`."""
    from advisor.loader import parse_text
    from advisor.validate import validate_document

    return validate_document(parse_text(text, display), settings.lang or "id")


def load_baseline(path: Path) -> dict[str, frozenset[str]]:
    """A baseline file's known findings by file. Raises :class:`advisor.problems.InputError`."""
    from advisor import baseline as baselines

    return baselines.load(path)


def record_baseline(outcome: Outcome, roots: Sequence[str] = ()) -> str:
    """The baseline file recording every active finding of ``outcome`` (names relative to ``roots``)."""
    from advisor import baseline as baselines

    return baselines.build(outcome, roots)


def _target(source: Source) -> Target:
    return source if isinstance(source, Target) else Target(source, display_name(source))
