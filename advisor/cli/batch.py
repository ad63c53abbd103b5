"""``advisor batch``: review every plan in folders, in parallel, with a summary."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from advisor import api
from advisor.api import Skipped, discover
from advisor.cli.common import EXIT_INPUT, use_color
from advisor.cli.reports import (
    EXIT_CODES,
    config_errors,
    fail,
    options_of,
    parse_outputs,
    review_options,
    split_outputs,
    write_one,
    write_reports,
)
from advisor.cli.verbose import explain_groups
from advisor.findings import Failure, Outcome
from advisor.output import STDOUT_NAMES, Destination, OutputError
from advisor.problems import InputError
from advisor.render import renderer, review_lang, view
from advisor.terminal import display_name, one_line
from advisor.texts import error_text, ui


@click.command()
@click.argument("dirs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@review_options
@click.option("--exclude", multiple=True, metavar="PATTERN", help="Skip paths matching this gitignore-style pattern.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: every core).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on standard error.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Report only findings not in this baseline file.",
)
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record every finding here.")
def batch(
    dirs: tuple[Path, ...],
    fmt: str | None,
    outputs: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    quiet: bool,
    baseline_path: Path | None,
    write_baseline: Path | None,
    **params: Any,
) -> None:
    """Review every plan (.yaml, .yml, .json) under DIRS.

    Without --format, standard output gets a summary; with it, the full report in that format
    (and the summary goes to standard error). Exit 2 when any file could not be read or is not
    valid (the others are still reviewed and reported), else 1 when a finding is at or above
    the fail level, else 0."""
    options = options_of(params, exclude)
    with config_errors(options):
        run_opts = api.resolve(list(dirs), options)
    lang = review_lang(run_opts.lang, None)
    # This run's own reports are no plans to review, wherever they are written.
    own = [path for _, path in split_outputs(outputs, fmt or "text", lang)]
    own += [str(write_baseline)] if write_baseline else []
    try:
        found = discover(dirs, run_opts.exclude, own=[Path(p) for p in own if p not in STDOUT_NAMES])
    except InputError as err:
        for problem in err.problems:
            click.echo(view("problem")(problem, lang), err=True)
        raise SystemExit(EXIT_INPUT) from None
    plans = [t.path for t in found.targets]
    with config_errors(options):
        groups = api.configure(found.targets, options, run_opts)
    configs = {group.run.config.path for group in groups} | {run_opts.config.path}
    reads = [*plans, *found.ignore_files, *sorted(path for path in configs if path)]
    reads += [baseline_path] if baseline_path else []
    # Checked together, before any work: a baseline written where a report goes is refused.
    requested = [*outputs, *([f"json={write_baseline}"] if write_baseline else [])]
    checked = parse_outputs(requested, fmt or "text", reads, lang, stdout_taken=fmt is not None)
    pairs = checked[: len(outputs)]
    baseline_destination = checked[len(outputs)][1] if write_baseline else None
    if not found.targets:
        shown = ", ".join(display_name(d) for d in dirs)
        click.echo(one_line(f"{shown}: {error_text('no_plans', lang, {})}"), err=True)
        if found.skipped and not quiet:
            click.echo(view("batch-summary")(Outcome(()), found.skipped, lang), err=True, nl=False)
        raise SystemExit(EXIT_INPUT)
    known = None
    if baseline_path:
        try:
            known = api.load_baseline(baseline_path)
        except InputError as err:
            for problem in err.problems:
                click.echo(view("problem")(problem, lang), err=True)
            raise SystemExit(EXIT_INPUT) from None

    if params["verbose"]:
        explain_groups(groups, lang)
    show_progress = not quiet and sys.stderr.isatty()
    roots = [display_name(d) for d in dirs]
    with click.progressbar(
        length=len(found.targets), label=ui("batch_progress", lang), file=sys.stderr if show_progress else _Null()
    ) as bar:
        # With a baseline the reviews change after the run, so their parts cannot be made early.
        formats = [] if baseline_path else sorted({f for f, _ in pairs} | ({fmt} if fmt else set()))
        stdout_fmt = fmt if fmt and not any(d.is_stdout for _, d in pairs) else None
        destinations = [*pairs, *([(stdout_fmt, Destination(_FORMAT_ON_STDOUT))] if stdout_fmt else [])]
        coloured = stdout_fmt == "text" and use_color(False)
        if api.can_stream(groups, [f for f, _ in destinations], bool(baseline_path or write_baseline), coloured):
            streamed = api.check_streamed(
                groups[0], destinations, options.lang, jobs=jobs, progress=bar.update, parts=formats
            )
            _finish_streamed(streamed, found.skipped, lang, quiet)
        # Each plan with its nearest configuration (advisor/plan_configs.py).
        result = api.check(
            found.targets,
            options,
            groups=groups,
            jobs=jobs,
            parts=formats,
            baseline=known,
            roots=roots,
            progress=bar.update,
        )
    outcome, report_lang = result.outcome, result.lang

    notes = []
    if baseline_destination is not None:
        write_one(baseline_destination, api.record_baseline(result.reviewed, roots), lang)
        recorded = result.reviewed.reviews
        keys = sum(len(r.active()) for r in recorded)
        notes.append(ui("baseline_written", lang, path=write_baseline, files=len(recorded), findings=keys))
    if result.baseline_unmatched and known:
        sample = ", ".join(sorted(known)[:3])
        warning = ui("baseline_matches_nothing", lang, path=display_name(baseline_path), sample=sample)
        click.echo(one_line(warning), err=True)
    write_reports(outcome, pairs, report_lang)
    notes += [ui("report_written", lang, format=f, path=d.shown) for f, d in pairs if not d.is_stdout]

    text = view("batch-summary")(outcome, found.skipped, lang, baseline=known is not None)
    if any(d.is_stdout for _, d in pairs):  # a report on standard output: the summary beside it
        if not quiet:
            click.echo(text, err=True, nl=False)
    elif fmt:
        click.echo(renderer(fmt)(outcome, report_lang, color=fmt == "text" and use_color(False)), nl=False)
        if not quiet:
            click.echo(text, err=True, nl=False)
    else:
        click.echo(text, nl=False)
    if not quiet:
        for note in notes:
            click.echo(one_line(note), err=True)
    raise SystemExit(EXIT_CODES[result.status])


# The report --format sends to standard output (not an --output place): written as click.echo
# writes, so that a full or closed standard output is reported as for any command.
_FORMAT_ON_STDOUT = "--format"


def _finish_streamed(streamed: api.Streamed, skipped: Sequence[Skipped], lang: str, quiet: bool) -> NoReturn:
    """Write the streamed reports and the summary, as the whole-outcome path does, and exit."""
    tally, notes = streamed.tally, []
    on_stdout: list[api.Spool] = []
    try:
        for spool in streamed.spools:
            if spool.destination.is_stdout:
                on_stdout.append(spool)
                continue
            _finish(spool, tally.failures, lang)
            notes.append(ui("report_written", lang, format=spool.fmt, path=spool.destination.shown))
        text = view("batch-summary")(tally, skipped, lang)
        for spool in on_stdout:
            if spool.destination.shown == _FORMAT_ON_STDOUT:  # as click.echo wrote the whole report
                for piece in spool.pieces(tally.failures):
                    click.echo(piece, nl=False)
            else:
                _finish(spool, tally.failures, lang)
    finally:
        for spool in streamed.spools:
            spool.close()
    if not on_stdout:
        click.echo(text, nl=False)
    elif not quiet:
        click.echo(text, err=True, nl=False)
    if not quiet:
        for note in notes:
            click.echo(one_line(note), err=True)
    raise SystemExit(EXIT_CODES[streamed.status])


def _finish(spool: api.Spool, failures: Sequence[Failure], lang: str) -> None:
    try:
        spool.finish(failures)
    except OutputError as err:
        fail(err.render(lang))


class _Null(io.StringIO):
    """A stream for the progress bar when it must stay silent (not a terminal, or --quiet).

    A StringIO so that it is a text stream to click's types; nothing written is kept."""

    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False
