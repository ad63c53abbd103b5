"""One configuration per plan, as ruff does: each plan is reviewed with the ``advisor.toml``
(or ``pyproject.toml`` with ``[tool.advisor]``) nearest to it, so that a run over two folders
applies each folder's own. ``Options.config_path`` still sets one for every plan; the caller's
options apply over each plan's configuration.

Plans are grouped by the configuration they take and each group is reviewed with its own
settings; the outcomes are joined in file order, as one run gives them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from advisor.batch import Target
from advisor.config import RunOptions, find_config, run_options
from advisor.findings import Failure, Outcome, Review
from advisor.rules.base import reaches
from advisor.settings import Options


@dataclass(frozen=True)
class Group:
    """Plans that take one configuration, and the run options it gives them."""

    run: RunOptions
    targets: tuple[Target, ...]


def resolve(paths: Sequence[Path], options: Options) -> RunOptions:
    """The options over the configuration found for ``paths`` (or ``options.config_path``)
    over the defaults; raises :class:`advisor.config.ConfigError` for a configuration or a rule
    name that cannot be used."""
    run = run_options(
        paths,
        config_path=options.config_path,
        lang=options.lang,
        min_severity=options.min_severity,
        fail_level=options.fail_level,
        select=options.select,
        ignore=options.ignore,
        exclude=options.exclude,
        suppress=options.suppress,
    )
    settings = run.settings
    if options.max_bytes:
        settings = replace(settings, max_bytes=options.max_bytes)
    if options.keep_facts:
        settings = replace(settings, keep_facts=True)
    return run if settings is run.settings else replace(run, settings=settings)


def group_by_config(
    targets: Sequence[Target], options: Options, run: RunOptions, fixed: Sequence[Target] = ()
) -> list[Group]:
    """``targets`` by their nearest configuration (``fixed`` ones, e.g. a plan read from
    standard input, take the run's); raises :class:`advisor.config.ConfigError` for a broken one."""
    if options.config_path:
        return [Group(run, tuple(targets))]
    nearest: dict[Path, Path | None] = {}
    groups: dict[Path | None, list[Target]] = {}
    for target in targets:
        if target in fixed:
            found = run.config.path
        else:
            folder = target.path.parent
            if folder not in nearest:
                nearest[folder] = find_config([target.path])
            found = nearest[folder]
        groups.setdefault(found, []).append(target)
    out = []
    for found, members in groups.items():
        own = run if found == run.config.path else resolve([members[0].path], replace(options, config_path=found))
        out.append(Group(own, tuple(members)))
    return out


def report_lang(groups: Sequence[Group], explicit_lang: str | None) -> str | None:
    """The report language: the caller's, else the configurations' when they agree; None when
    they differ, and each plan is then reported in its own configuration's language."""
    langs = {group.run.lang for group in groups}
    return explicit_lang or (langs.pop() if len(langs) == 1 else None)


def relabelled(outcome: Outcome, group: Group, lang: str | None, explicit_lang: str | None) -> Outcome:
    """A group's outcome with each review in the language it is reported in, when the report
    has no one language and the group's configuration names one."""
    if not (lang is None and group.run.lang and not explicit_lang):
        return outcome
    reviews = tuple(replace(r, plan_language=group.run.lang) for r in outcome.reviews)
    return Outcome(reviews, outcome.failures, parts=outcome.parts)


def join(outcomes: Iterable[Outcome]) -> Outcome:
    """Outcomes joined in file order, with the report parts each carries."""
    reviews: list[Review] = []
    failures: list[Failure] = []
    parts: dict[tuple[int, str, str], tuple[Review, str]] = {}
    for outcome in outcomes:
        parts.update(outcome.parts)
        reviews += outcome.reviews
        failures += outcome.failures
    return Outcome(
        tuple(sorted(reviews, key=lambda r: r.file)), tuple(sorted(failures, key=lambda f: f.file)), parts=parts
    )


def failing(review: Review, fail_level: str) -> bool:
    """Whether the review has an active finding at or above ``fail_level``."""
    return any(reaches(f.severity, fail_level) for f in review.active())


def any_failing(outcome: Outcome, groups: Sequence[Group]) -> bool:
    """Whether a plan has a finding at or above its own configuration's fail level."""
    by_file = {target.display: group.run.fail_level for group in groups for target in group.targets}
    return any(failing(r, by_file.get(r.file, groups[0].run.fail_level)) for r in outcome.reviews)
