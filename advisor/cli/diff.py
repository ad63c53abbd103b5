"""``advisor diff OLD NEW``: what a revision fixed and introduced, and the score change."""

from __future__ import annotations

from pathlib import Path

import click

from advisor import api
from advisor import diff as library
from advisor.cli.common import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, LANGS, SEVERITIES, use_color
from advisor.problems import InputError
from advisor.render import names, review_lang, view
from advisor.settings import Settings


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(names("diff"))), default="text", show_default=True)
@click.option("--lang", type=LANGS, help="Report language; default: the new plan's `language`, else id.")
@click.option(
    "--fail-level",
    type=SEVERITIES,
    default="error",
    show_default=True,
    help="Exit 1 when the revision introduces a finding at or above this.",
)
def diff(old: Path, new: Path, fmt: str, lang: str | None, fail_level: str) -> None:
    """Compare the reviews of OLD and NEW, two revisions of one plan."""
    try:
        # Both reviewed in a worker process (advisor/api.py), as `check` reviews: a crash in the
        # rule engine is one clear line, not a traceback.
        revision = library.compare_files(old, new, Settings(lang=lang))
    except InputError as err:
        for problem in err.problems:
            click.echo(view("problem")(problem, review_lang(lang, None)), err=True)
        raise SystemExit(EXIT_INPUT) from None
    out_lang = review_lang(lang, revision.new.plan_language)
    click.echo(view("diff", fmt)(revision, out_lang, color=fmt == "text" and use_color(False)), nl=False)
    worse = any(api.reaches(f.severity, fail_level) for f in revision.introduced)
    raise SystemExit(EXIT_FINDINGS if worse else EXIT_CLEAN)
