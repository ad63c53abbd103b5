"""``advisor schema``: the JSON Schema of the plan format, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from advisor import schema as library
from advisor.cli.common import LANGS, write_atomically


@click.command()
@click.option("--lang", type=LANGS, default="id", show_default=True, help="Language of the descriptions.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the schema to this file.")
def schema(lang: str, output: Path | None) -> None:
    """Print the JSON Schema of the plan format (for the YAML language server and editors)."""
    text = library.render(library.plan_schema(lang))
    if output:
        write_atomically(output, text, [])
    else:
        click.echo(text, nl=False)
