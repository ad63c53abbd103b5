"""What ``check`` and ``batch`` share: the review options and ``--output FORMAT=PATH``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from advisor import output
from advisor.api import ConfigError, Status
from advisor.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, LANGS, SEVERITIES
from advisor.findings import Outcome
from advisor.output import Destination
from advisor.render import FORMATS, SUFFIXES, format_of_path, renderer, view
from advisor.settings import DEFAULT_MAX_BYTES, Options
from advisor.terminal import one_line
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
            "--verbose",
            "-v",
            is_flag=True,
            help="Say which configuration, language and rules each plan is reviewed with (standard error).",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            help=f"Refuse plan files larger than this many bytes (default {DEFAULT_MAX_BYTES}).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def options_of(params: dict[str, Any], exclude: Sequence[str] = (), keep_facts: bool = False) -> Options:
    """The review options given on the command line, for the API."""
    return Options(
        config_path=params["config_path"],
        lang=params["lang"],
        min_severity=params["min_severity"],
        fail_level=params["fail_level"],
        select=_split(params["select"]),
        ignore=_split(params["ignore"]),
        exclude=tuple(exclude),
        suppress=not params["no_suppress"],
        max_bytes=params.get("max_bytes"),
        keep_facts=keep_facts,
    )


@contextmanager
def config_errors(options: Options) -> Iterator[None]:
    """A configuration that cannot be used: every problem on standard error, exit 2."""
    try:
        yield
    except ConfigError as err:
        for problem in err.problems:
            click.echo(view("problem")(problem, options.lang or "id"), err=True)
        raise SystemExit(EXIT_INPUT) from None


def split_outputs(values: Sequence[str], default_fmt: str, lang: str) -> list[tuple[str, str]]:
    """``FORMAT=PATH`` (or a bare ``PATH``, in the format its suffix names, else ``default_fmt``)
    as (format, path) pairs; an unknown format or suffix exits 2 in one line."""
    pairs: list[tuple[str, str]] = []
    for value in values:
        name, sep, rest = value.partition("=")
        if sep and (name in FORMATS or name == "xlsx") and rest:  # xlsx: to a file only
            pairs.append((name, rest))
        elif sep and name and name.isidentifier():
            text = error_text("output_spec", lang, {"format": name, "allowed": ", ".join(sorted(FORMATS))})
            fail(f"--output {value}: {text}")
        else:
            inferred = format_of_path(value, default_fmt)
            if inferred is None:
                suffixes = ", ".join(sorted({*SUFFIXES, ".sarif.json"}))
                fail(f"--output {value}: " + error_text("output_suffix", lang, {"suffixes": suffixes}))
            pairs.append((inferred, value))
    return pairs


def parse_outputs(
    values: Sequence[str], default_fmt: str, inputs: Iterable[Path], lang: str, *, stdout_taken: bool = False
) -> list[tuple[str, Destination]]:
    """:func:`split_outputs`, each place checked before any work (advisor/output.py): a place
    a report may go, never over a file the run reads, never two reports in one place. A
    problem exits 2 in one line."""
    pairs = split_outputs(values, default_fmt, lang)
    try:
        destinations = output.check([path for _, path in pairs], inputs, stdout_taken=stdout_taken)
    except output.OutputError as err:
        fail(err.render(lang))
    return [(fmt, destination) for (fmt, _), destination in zip(pairs, destinations, strict=True)]


def fail(line: str) -> NoReturn:
    """One line on standard error, exit 2."""
    click.echo(one_line(line), err=True)
    raise SystemExit(EXIT_INPUT)


def write_reports(outcome: Outcome, pairs: Sequence[tuple[str, Destination]], lang: str | None) -> None:
    for fmt, destination in pairs:
        if fmt == "xlsx":  # a workbook (bytes): its renderer takes no colour
            write_one(destination, view("report", "xlsx")(outcome, lang), lang)
            continue
        write_one(destination, renderer(fmt)(outcome, lang, color=False), lang)


def write_one(destination: Destination, text: str | bytes, lang: str | None) -> None:
    try:
        output.write(destination, text)
    except output.OutputError as err:
        fail(err.render(lang or "id"))


# How a check ended, as the exit code: 0 clean, 1 a finding at or above the fail level, 2 a file
# that could not be read, validated or reviewed.
EXIT_CODES = {Status.CLEAN: EXIT_CLEAN, Status.FINDINGS: EXIT_FINDINGS, Status.FAILED: EXIT_INPUT}
