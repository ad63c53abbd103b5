"""One configuration per plan, as ruff does: each plan is reviewed with the ``advisor.toml``
(or ``pyproject.toml`` with ``[tool.advisor]``) nearest to it, so that a run over two folders
applies each folder's own. ``--config`` still sets one for every plan; the command line's
options apply over each plan's configuration.

Plans are grouped by the configuration they take and each group is reviewed with its own
settings; the outcomes are joined in file order, as one run gives them."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from advisor.batch import Target
from advisor.config import RunOptions, find_config
from advisor.findings import Failure, Outcome, Review
from advisor.terminal import display_name
from advisor.texts import ui


@dataclass(frozen=True)
class Group:
    run: RunOptions
    targets: tuple[Target, ...]


def group_by_config(
    targets: Sequence[Target],
    params: dict[str, Any],
    run: RunOptions,
    resolve: Callable[[list[Path], dict[str, Any]], RunOptions],
    fixed: Sequence[Target] = (),
) -> list[Group]:
    """``targets`` by their nearest configuration (``fixed`` ones, e.g. a plan read from
    standard input, take the run's). ``resolve`` builds a configuration's run options with the
    command line's values over it (and exits 2 on a broken one)."""
    if params.get("config_path"):
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
        own = run if found == run.config.path else resolve([members[0].path], {**params, "config_path": found})
        out.append(Group(own, tuple(members)))
    return out


def review_groups(
    groups: Sequence[Group], review: Callable[[Group], Outcome], explicit_lang: str | None
) -> tuple[Outcome, str | None]:
    """Each group reviewed, the outcomes joined in file order, and the report language: the
    command line's, else the configurations' when they agree; when they differ, each plan is
    reported in its own configuration's language."""
    outcomes = [(group, review(group)) for group in groups]
    langs = {group.run.lang for group in groups}
    lang = explicit_lang or (langs.pop() if len(langs) == 1 else None)
    reviews: list[Review] = []
    failures: list[Failure] = []
    parts: dict[tuple[int, str, str], tuple[Review, str]] = {}
    for group, outcome in outcomes:
        parts.update(outcome.parts)
        for r in outcome.reviews:
            if lang is None and group.run.lang and not explicit_lang:
                r = replace(r, plan_language=group.run.lang)  # the language this plan is reported in
            reviews.append(r)
        failures += outcome.failures
    joined = Outcome(
        tuple(sorted(reviews, key=lambda r: r.file)), tuple(sorted(failures, key=lambda f: f.file)), parts=parts
    )
    return joined, lang


def _shown(path: Path) -> str:
    """A configuration's path as the user would type it: relative when under the working folder."""
    relative = os.path.relpath(path)
    return display_name(path if relative.startswith("..") else relative)


def explain_groups(groups: Sequence[Group], lang: str) -> None:
    """``--verbose``: which configuration, language and rule selection each plan was reviewed
    with, on standard error."""
    for group in groups:
        settings = group.run.settings
        config = _shown(group.run.config.path) if group.run.config.path else ui("verbose_no_config", lang)
        rules = ui(
            "verbose_rules",
            lang,
            select=", ".join(settings.select) or ui("verbose_all", lang),
            ignore=", ".join(settings.ignore) or "-",
            min_severity=settings.min_severity,
        )
        for target in group.targets:
            plan_lang = group.run.lang or ui("verbose_plan_lang", lang)
            click.echo(
                ui("verbose_plan", lang, file=target.display, config=config, language=plan_lang, rules=rules), err=True
            )


def groups_exit_code(outcome: Outcome, groups: Sequence[Group]) -> int:
    """1 when a plan has a finding at or above its own configuration's fail level, else 0."""
    from advisor.cli.reports import exit_code

    by_file = {target.display: group.run.fail_level for group in groups for target in group.targets}
    return max(
        (exit_code(Outcome((r,)), by_file.get(r.file, groups[0].run.fail_level)) for r in outcome.reviews),
        default=0,
    )
