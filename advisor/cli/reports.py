"""What ``check`` and ``batch`` share: the review options, ``--output FORMAT=PATH`` and the exit code."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from advisor.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, LANGS, SEVERITIES, write_atomically
from advisor.config import ConfigError, RunOptions, run_options
from advisor.findings import Outcome
from advisor.loader import DEFAULT_MAX_BYTES
from advisor.render import FORMATS, renderer
from advisor.rules.base import SEVERITY_RANK
from advisor.texts import error_text


def _split(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def review_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options that shape a review and its reports; defaults come from the team config."""
    options = [
        click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), help="Report format on standard output."),
        click.option(
            "--output",
            "-o",
            "outputs",
            multiple=True,
            metavar="[FORMAT=]PATH",
            help="Write a report to PATH (atomically), in FORMAT or else --format; repeat for several.",
        ),
        click.option(
            "--lang", type=LANGS, help="Report language; default: config, else the plan's `language`, else id."
        ),
        click.option("--min-severity", type=SEVERITIES, help="Hide findings below this (default: config, else info)."),
        click.option(
            "--fail-level",
            type=SEVERITIES,
            help="Exit 1 when a finding is at or above this (default: config, else error).",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Use this advisor.toml or pyproject.toml instead of the one found upward from the plans.",
        ),
        click.option(
            "--select", multiple=True, metavar="RULES", help="Report only these rule ids or families (comma-separated)."
        ),
        click.option(
            "--ignore",
            multiple=True,
            metavar="RULES",
            help="Never report these rule ids or families (comma-separated).",
        ),
        click.option("--no-suppress", is_flag=True, help="Ignore the plans' `suppress` entries (an audit)."),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            help=f"Refuse plan files larger than this many bytes (default {DEFAULT_MAX_BYTES}).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def resolve(paths: Sequence[Path], params: dict[str, Any], exclude: Sequence[str] = ()) -> RunOptions:
    """The run's options from the command line and the config; a config error exits 2."""
    try:
        run = run_options(
            paths,
            config_path=params["config_path"],
            lang=params["lang"],
            min_severity=params["min_severity"],
            fail_level=params["fail_level"],
            select=_split(params["select"]),
            ignore=_split(params["ignore"]),
            exclude=exclude,
            suppress=not params["no_suppress"],
        )
    except ConfigError as err:
        lang = params["lang"] or "id"
        for problem in err.problems:
            click.echo(problem.render(lang), err=True)
        raise SystemExit(EXIT_INPUT) from None
    if params.get("max_bytes"):
        run = replace(run, settings=replace(run.settings, max_bytes=params["max_bytes"]))
    return run


def parse_outputs(values: Sequence[str], default_fmt: str, inputs: Iterable[Path], lang: str) -> list[tuple[str, Path]]:
    """``FORMAT=PATH`` (or a bare ``PATH`` in ``default_fmt``) pairs, checked before any work:
    a known format, no two reports in one file, never a report over an input."""
    pairs: list[tuple[str, Path]] = []
    for value in values:
        name, sep, rest = value.partition("=")
        if sep and name in FORMATS and rest:
            pairs.append((name, Path(rest)))
        elif sep and name and name.isidentifier():
            text = error_text("output_spec", lang, {"format": name, "allowed": ", ".join(sorted(FORMATS))})
            raise click.UsageError(f"--output {value}: {text}")
        else:
            pairs.append((default_fmt, Path(value)))
    guarded = {Path(os.path.realpath(p)) for p in inputs}  # Path.resolve() raises on a link loop
    seen: set[Path] = set()
    for _, path in pairs:
        target = Path(os.path.realpath(path))
        if target in guarded:
            raise click.UsageError(f"{path}: {error_text('output_over_input', lang, {})}")
        if target in seen:
            raise click.UsageError(f"{path}: {error_text('output_twice', lang, {})}")
        seen.add(target)
    return pairs


def write_reports(outcome: Outcome, pairs: Sequence[tuple[str, Path]], lang: str | None, inputs: list[Path]) -> None:
    for fmt, path in pairs:
        write_atomically(path, renderer(fmt)(outcome, lang, color=False), inputs)


def exit_code(outcome: Outcome, fail_level: str) -> int:
    """0 clean, 1 an active finding at or above the fail level; input errors (2) are decided
    by the caller, before this."""
    failing = any(
        SEVERITY_RANK[f.severity] <= SEVERITY_RANK[fail_level] for review in outcome.reviews for f in review.active()
    )
    return EXIT_FINDINGS if failing else EXIT_CLEAN
