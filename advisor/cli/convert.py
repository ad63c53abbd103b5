"""``advisor convert SOURCE TARGET``: a plan between .yaml, .yml, .json and .xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from advisor import api, output
from advisor.cli.common import EXIT_INPUT, LANGS
from advisor.problems import InputError
from advisor.render import view
from advisor.settings import Settings
from advisor.sources import convert as forms
from advisor.sources.registry import read_plan
from advisor.terminal import display_name, one_line
from advisor.texts import error_text


def write_plan_file(
    target: Path, data: dict[str, Any] | None, lang: str, reads: list[Path], raw: bytes | None = None
) -> None:
    """Write a plan file atomically, its form by ``target``'s suffix; exit 2 in one line on a
    suffix we cannot write or a place we may not write to."""
    shown_lang = lang if lang in ("id", "en") else "id"
    suffix = target.suffix.lower()
    if suffix not in forms.TARGET_SUFFIXES:
        allowed = ", ".join(forms.TARGET_SUFFIXES)
        message = error_text("convert_suffix", shown_lang, {"suffix": suffix or "-", "allowed": allowed})
        click.echo(one_line(f"{display_name(target)}: {message}"), err=True)
        raise SystemExit(EXIT_INPUT)
    try:
        (destination,) = output.check([str(target)], reads)
        output.write(destination, raw if raw is not None else forms.render(data or {}, suffix, lang))
    except output.OutputError as err:
        click.echo(one_line(err.render(shown_lang)), err=True)
        raise SystemExit(EXIT_INPUT) from None


@click.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--lang", type=LANGS, help="Language of the keys, sheet and column names (default: the source's).")
def convert(source: Path, target: Path, lang: str | None) -> None:
    """Convert a plan between .yaml, .yml, .json and .xlsx (both ways).

    The plan's data goes through unchanged; what the target cannot hold (YAML comments) is
    named on standard error."""
    try:
        vplan = api.load(source, Settings(lang=lang))
        keys = lang or forms.key_language(read_plan(source, display_name(source)))
    except InputError as err:
        for problem in err.problems:
            click.echo(view("problem")(problem, lang or err.lang or "id"), err=True)
        raise SystemExit(EXIT_INPUT) from None
    write_plan_file(target, vplan.data, keys, [source])
    for lost in forms.lost_on_the_way(source, target.suffix.lower()):
        click.echo(one_line(error_text(f"convert_lost_{lost}", lang or keys, {"file": display_name(source)})), err=True)
