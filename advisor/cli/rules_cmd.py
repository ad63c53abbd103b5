"""``advisor rules``: the rule catalogue."""

from __future__ import annotations

import click

from advisor import catalogue
from advisor.cli.common import EXIT_INPUT, LANGS
from advisor.render import view
from advisor.terminal import one_line
from advisor.texts import ui


@click.command()
@click.option("--family", help="Only this family, e.g. PH.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--lang", type=LANGS, default="id", show_default=True)
def rules(family: str | None, fmt: str, lang: str) -> None:
    """List every rule: id, name, severity, family, summary and sources."""
    from advisor import rules as registry

    if family and family.upper() not in registry.families():
        text = ui("unknown_family", lang, family=family, known=", ".join(registry.families()))
        click.echo(one_line(text), err=True)
        raise SystemExit(EXIT_INPUT)
    click.echo(view("catalogue", fmt)(catalogue.entries(lang, family), lang), nl=False)
