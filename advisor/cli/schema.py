"""``advisor schema``: the JSON Schema of the plan format, for editors."""

from __future__ import annotations

import click

from advisor import schema as library
from advisor.cli.common import LANGS
from advisor.cli.reports import parse_outputs, write_one
from advisor.render import view


@click.command()
@click.option("--lang", type=LANGS, default="id", show_default=True, help="Language of the descriptions.")
@click.option("--output", "-o", help="Write the schema to this file.")
def schema(lang: str, output: str | None) -> None:
    """Print the JSON Schema of the plan format (for the YAML language server and editors)."""
    text = view("schema", "json")(library.plan_schema(lang))
    if output:
        ((_, destination),) = parse_outputs([f"json={output}"], "json", [], lang)
        write_one(destination, text, lang)
    else:
        click.echo(text, nl=False)
