"""``advisor check`` and ``advisor validate``."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import click

from advisor import api
from advisor.cli.common import EXIT_CLEAN, EXIT_INPUT, LANGS, use_color
from advisor.cli.reports import EXIT_CODES, config_errors, options_of, parse_outputs, review_options, write_reports
from advisor.cli.stdin import STDIN, stdin_as_file
from advisor.cli.verbose import explain_groups
from advisor.problems import InputError
from advisor.render import renderer, review_lang, view
from advisor.settings import Settings
from advisor.terminal import display_name
from advisor.texts import ui


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@review_options
@click.option("--explain", is_flag=True, help="Under each finding, the facts and rules that led to it (text format).")
@click.option("--stdin-filename", metavar="NAME", help="The name reports give a plan read from standard input (`-`).")
def check(
    files: tuple[Path, ...],
    fmt: str | None,
    outputs: tuple[str, ...],
    explain: bool,
    stdin_filename: str | None,
    **params: Any,
) -> None:
    """Review plan FILES (`-`: standard input) and report findings with recommendations.

    Without --output the report goes to standard output; with it, only when --format is given.
    Exit 0 clean, 1 findings at or above the fail level, 2 a usage or input error."""
    options = options_of(params, keep_facts=explain)
    # A plan on standard input takes the config found from its --stdin-filename, else from the
    # working folder, as ruff does.
    with config_errors(options):
        run = api.resolve([Path(stdin_filename or ".") if f == STDIN else f for f in files], options)
    lang_for_messages = review_lang(run.lang, None)
    if explain and (fmt or "text") != "text":
        click.echo(ui("explain_format", lang_for_messages), err=True)
        raise SystemExit(EXIT_INPUT)
    guarded = [*files, *([run.config.path] if run.config.path else [])]
    pairs = parse_outputs(outputs, fmt or "text", guarded, lang_for_messages, stdout_taken=fmt is not None)

    # Reviewed in a worker process, as in batch (a crash in the rule engine is one failed file)
    # and ordered by file: the report does not depend on the order FILES are listed. Each plan
    # takes its nearest configuration (advisor/plan_configs.py).
    with contextlib.ExitStack() as stack:
        targets, piped = [], []
        for path in dict.fromkeys(files):
            if path == STDIN:
                copy = stack.enter_context(stdin_as_file(stdin_filename, run.settings.max_bytes))
                piped.append(api.Target(copy, display_name(stdin_filename or "-")))
                targets.append(piped[-1])
            else:
                targets.append(api.Target(path, display_name(path)))
        with config_errors(options):
            groups = api.configure(targets, options, run, fixed=piped)
        if params["verbose"]:
            explain_groups(groups, lang_for_messages)
        result = api.check(targets, options, groups=groups, jobs=1)
    outcome, report_lang = result.outcome, result.lang
    write_reports(outcome, pairs, report_lang)
    if fmt or not pairs:
        shown = fmt or "text"
        color = shown == "text" and use_color(False)
        if explain:
            from advisor.explain import traced

            text = view("explained", shown)(traced(outcome), report_lang, color=color)
        else:
            text = renderer(shown)(outcome, report_lang, color=color)
        click.echo(text, nl=False)
    raise SystemExit(EXIT_CODES[result.status])


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=LANGS, help="Message language (default id).")
def validate(files: tuple[Path, ...], lang: str | None) -> None:
    """Check that plan FILES are well-formed, without reviewing them."""
    status = EXIT_CLEAN
    for path in files:
        try:
            vplan = api.load(path, Settings(lang=lang))
        except InputError as err:
            status = EXIT_INPUT
            message_lang = review_lang(lang, err.lang)
            for problem in err.problems:
                click.echo(view("problem")(problem, message_lang), err=True)
            continue
        plan = vplan.plan
        click.echo(
            ui(
                "valid",
                review_lang(lang, plan.language),
                file=display_name(path),
                partners=len(plan.partners),
                activities=len(plan.activities),
                indicators=len(plan.indicators),
            )
        )
    raise SystemExit(status)
