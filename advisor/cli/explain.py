"""``advisor explain RULE_ID``: what a rule checks, why, a bad and a fixed example, sources."""

from __future__ import annotations

import click

from advisor import explain as library
from advisor.catalogue import UnknownRule
from advisor.cli.common import EXIT_INPUT, LANGS
from advisor.render import names, view
from advisor.terminal import one_line


@click.command()
@click.argument("rule_id")
@click.option("--lang", type=LANGS, default="id", show_default=True)
@click.option("--format", "fmt", type=click.Choice(sorted(names("explain"))), default="text", show_default=True)
def explain(rule_id: str, lang: str, fmt: str) -> None:
    """Explain RULE_ID (e.g. PH001, or its name pentahelix.pillar-missing)."""
    try:
        found = library.explanation(rule_id, lang)
    except UnknownRule as err:
        click.echo(one_line(err.message(lang)), err=True)
        raise SystemExit(EXIT_INPUT) from None
    click.echo(view("explain", fmt)(found, lang), nl=False)
