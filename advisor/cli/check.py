"""``advisor check`` and ``advisor validate``."""

from __future__ import annotations

from pathlib import Path

import click

from advisor.cli.common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INPUT,
    LANGS,
    SEVERITIES,
    use_color,
    write_atomically,
)
from advisor.findings import Failure, Outcome
from advisor.problems import InputError
from advisor.render import FORMATS, renderer, review_lang
from advisor.review import Settings, load_plan, review_file
from advisor.texts import ui
from rules.base import SEVERITY_RANK


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--lang", type=LANGS, help="Report language; default: the plan's `language`, else id.")
@click.option("--min-severity", type=SEVERITIES, default="info", show_default=True, help="Hide findings below this.")
@click.option(
    "--fail-level", type=SEVERITIES, default="error", show_default=True, help="Exit 1 when a finding is at or above this."
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the report to this file.")
def check(
    files: tuple[Path, ...], fmt: str, lang: str | None, min_severity: str, fail_level: str, output: Path | None
) -> None:
    """Review plan FILES and report findings with recommendations."""
    settings = Settings(lang=lang, min_severity=min_severity)
    reviews, failures = [], []
    for path in files:
        try:
            reviews.append(review_file(path, settings, display=str(path)))
        except InputError as err:
            failures.append(Failure(str(path), tuple(err.problems)))
    outcome = Outcome(tuple(reviews), tuple(failures))
    text = renderer(fmt)(outcome, lang, color=fmt == "text" and use_color(output is not None))
    if output:
        write_atomically(output, text, list(files))
    else:
        click.echo(text, nl=False)
    if failures:
        raise SystemExit(EXIT_INPUT)
    failing = any(
        SEVERITY_RANK[f.severity] <= SEVERITY_RANK[fail_level] for review in reviews for f in review.active()
    )
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=LANGS, help="Message language (default id).")
def validate(files: tuple[Path, ...], lang: str | None) -> None:
    """Check that plan FILES are well-formed, without reviewing them."""
    status = EXIT_CLEAN
    for path in files:
        try:
            vplan = load_plan(path, Settings(lang=lang), display=str(path))
        except InputError as err:
            status = EXIT_INPUT
            message_lang = review_lang(lang, None)
            for problem in err.problems:
                click.echo(problem.render(message_lang), err=True)
            continue
        plan = vplan.plan
        click.echo(
            ui(
                "valid",
                review_lang(lang, plan.language),
                file=path,
                partners=len(plan.partners),
                activities=len(plan.activities),
                indicators=len(plan.indicators),
            )
        )
    raise SystemExit(status)
