"""``advisor batch``: review every plan in folders, in parallel, with a summary."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from advisor.batch import Digest, Skipped, Tally, active_pairs, discover, run, summary
from advisor.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, use_color
from advisor.cli.plan_configs import Group, explain_groups, group_by_config, groups_exit_code, review_groups
from advisor.cli.reports import (
    fail,
    parse_outputs,
    resolve,
    review_options,
    split_outputs,
    write_one,
    write_reports,
)
from advisor.findings import Failure, Outcome, Review
from advisor.output import STDOUT_NAMES, Destination, OutputError
from advisor.problems import InputError
from advisor.render import renderer, review_lang
from advisor.render.report_data import GapTally
from advisor.report_stream import Spool, streams
from advisor.rules.base import SEVERITY_RANK
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
    run_opts = resolve(list(dirs), params, exclude)
    lang = review_lang(run_opts.lang, None)
    # This run's own reports are no plans to review, wherever they are written.
    own = [path for _, path in split_outputs(outputs, fmt or "text", lang)]
    own += [str(write_baseline)] if write_baseline else []
    try:
        found = discover(dirs, run_opts.exclude, own=[Path(p) for p in own if p not in STDOUT_NAMES])
    except InputError as err:
        for problem in err.problems:
            click.echo(problem.render(lang), err=True)
        raise SystemExit(EXIT_INPUT) from None
    plans = [t.path for t in found.targets]
    groups = group_by_config(found.targets, params, run_opts, resolve)
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
            click.echo(summary(Outcome(()), found.skipped, lang), err=True, nl=False)
        raise SystemExit(EXIT_INPUT)
    known = None
    if baseline_path or write_baseline:
        from advisor import baseline as baselines  # its Pydantic model, only when a baseline is used
    if baseline_path:
        try:
            known = baselines.load(baseline_path)
        except InputError as err:
            for problem in err.problems:
                click.echo(problem.render(lang), err=True)
            raise SystemExit(EXIT_INPUT) from None

    if params["verbose"]:
        explain_groups(groups, lang)
    show_progress = not quiet and sys.stderr.isatty()
    with click.progressbar(
        length=len(found.targets), label=ui("batch_progress", lang), file=sys.stderr if show_progress else _Null()
    ) as bar:
        # With a baseline the reviews change after the run, so their parts cannot be made early.
        formats = [] if baseline_path else sorted({f for f, _ in pairs} | ({fmt} if fmt else set()))
        stdout_fmt = fmt if fmt and not any(d.is_stdout for _, d in pairs) else None
        if _can_stream(groups, pairs, stdout_fmt, bool(baseline_path or write_baseline)):
            tally, spools = _stream(groups[0], pairs, stdout_fmt, jobs, bar.update, formats, params["lang"])
            streamed = True
        else:

            def review(group: Group) -> Outcome:
                targets = list(group.targets)
                return run(targets, group.run.settings, jobs, progress=bar.update, parts=formats, lang=group.run.lang)

            # Each plan with its nearest configuration (advisor/cli/plan_configs.py).
            outcome, report_lang = review_groups(groups, review, params["lang"])
            streamed = False

    if streamed:
        _finish_streamed(tally, spools, found.skipped, lang, quiet, groups[0])
    notes = []
    roots = [display_name(d) for d in dirs]
    if baseline_destination is not None:
        write_one(baseline_destination, baselines.build(outcome, roots), lang)
        keys = sum(len(r.active()) for r in outcome.reviews)
        notes.append(ui("baseline_written", lang, path=write_baseline, files=len(outcome.reviews), findings=keys))
    if known is not None:
        if known and not baselines.matched(outcome, known, roots):
            sample = ", ".join(sorted(known)[:3])
            warning = ui("baseline_matches_nothing", lang, path=display_name(baseline_path), sample=sample)
            click.echo(one_line(warning), err=True)
        outcome = baselines.apply(outcome, known, roots)
    write_reports(outcome, pairs, report_lang)
    notes += [ui("report_written", lang, format=f, path=d.shown) for f, d in pairs if not d.is_stdout]

    text = summary(outcome, found.skipped, lang, baseline=known is not None)
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
    if outcome.failures:
        raise SystemExit(EXIT_INPUT)
    raise SystemExit(groups_exit_code(outcome, groups))


# The report --format sends to standard output (not an --output place): written as click.echo
# writes, so that a full or closed standard output is reported as for any command.
_FORMAT_ON_STDOUT = "--format"


def _can_stream(
    groups: list[Group], pairs: list[tuple[str, Destination]], stdout_fmt: str | None, baseline: bool
) -> bool:
    """Whether the reports can be written as the reviews arrive: one configuration for every
    plan (reports are in file order; several groups are reviewed one after the other), no
    baseline (it changes the reviews after the run), formats with a frame, and no coloured
    text on standard output (the workers' parts are plain)."""
    wanted = [f for f, _ in pairs] + ([stdout_fmt] if stdout_fmt else [])
    coloured = stdout_fmt == "text" and use_color(False)
    return len(groups) == 1 and not baseline and not coloured and all(streams(f) for f in wanted)


def _stream(
    group: Group,
    pairs: list[tuple[str, Destination]],
    stdout_fmt: str | None,
    jobs: int | None,
    progress: Any,
    formats: list[str],
    explicit_lang: str | None,
) -> tuple[Tally, list[Spool]]:
    """Review the group, each report's part written as it arrives; only digests are kept."""
    report_lang = explicit_lang or group.run.lang  # as review_groups() decides it for one group
    destinations = [*pairs, *([(stdout_fmt, Destination(_FORMAT_ON_STDOUT))] if stdout_fmt else [])]
    spools = [Spool(f, d, report_lang) for f, d in destinations]
    digests: list[Digest] = []
    gaps = GapTally()
    failures: list[Failure] = []

    def take(result: Review | Failure, parts: dict[tuple[str, str], str]) -> None:
        if isinstance(result, Failure):
            failures.append(result)
            return
        digests.append(Digest.of(result))
        gaps.add(active_pairs(result))
        review_language = review_lang(report_lang, result.plan_language)
        for spool in spools:
            spool.add(result, review_language, parts.get((spool.fmt, review_language)))

    try:
        run(list(group.targets), group.run.settings, jobs, progress, formats, group.run.lang, sink=take)
    except BaseException:
        for spool in spools:
            spool.close()
        raise
    return Tally(tuple(digests), gaps, tuple(sorted(failures, key=lambda f: f.file))), spools


def _finish_streamed(
    tally: Tally, spools: list[Spool], skipped: Sequence[Skipped], lang: str, quiet: bool, group: Group
) -> NoReturn:
    """Write the streamed reports and the summary, as the whole-outcome path does, and exit."""
    notes = []
    try:
        for spool in spools:
            if not spool.destination.is_stdout:
                write_one_streamed(spool, tally.failures, lang)
                notes.append(ui("report_written", lang, format=spool.fmt, path=spool.destination.shown))
        text = summary(tally, skipped, lang)
        on_stdout = [spool for spool in spools if spool.destination.is_stdout]
        for spool in on_stdout:
            if spool.destination.shown == _FORMAT_ON_STDOUT:  # as click.echo wrote the whole report
                for piece in spool.pieces(tally.failures):
                    click.echo(piece, nl=False)
            else:
                write_one_streamed(spool, tally.failures, lang)
    finally:
        for spool in spools:
            spool.close()
    if on_stdout:
        if not quiet:
            click.echo(text, err=True, nl=False)
    else:
        click.echo(text, nl=False)
    if not quiet:
        for note in notes:
            click.echo(one_line(note), err=True)
    if tally.failures:
        raise SystemExit(EXIT_INPUT)
    fail_rank = SEVERITY_RANK[group.run.fail_level]
    failing = any(r.worst is not None and SEVERITY_RANK[r.worst] <= fail_rank for r in tally.reviews)
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def write_one_streamed(spool: Spool, failures: Sequence[Failure], lang: str) -> None:
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
