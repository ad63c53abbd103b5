"""``advisor init``: print a commented plan template for a kind of cooperation.

The template text, its comments and what varies by kind are data in
``knowledge/templates/`` (``plan.<lang>.yaml`` and ``kinds.yaml``); this module only fills
the ``{{markers}}``. The result is a valid plan (``advisor validate`` accepts it as printed),
so that a user can check it step by step while replacing the ``<...>`` placeholders.
"""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path
from typing import Any

import click

from advisor import knowledge
from advisor.cli.common import LANGS

KINDS = ("pentahelix", "bilateral", "multilateral", "regional", "sectoral", "domestic")


@cache
def _kinds_data() -> dict[str, Any]:
    data: dict[str, Any] = knowledge.checked_data("templates/kinds.yaml")
    return data


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    return template


def _partner(entry: dict[str, Any], lang: str, data: dict[str, Any]) -> str:
    region = _fill(data["region_line"][lang], {"region": entry["region"]}) if entry.get("region") else ""
    snippet = _fill(
        data["partner_snippet"][lang],
        {
            "id": entry["id"],
            "name": entry["name"][lang],
            "pillar": data["pillar_words"][lang][entry["pillar"]],
            "country": entry["country"],
            "region": region,
            "contribution": data["contribution_words"][lang][entry["contribution"]],
        },
    )
    # The snippet is written at the left margin; entries of `partners` sit two spaces in.
    return textwrap.indent(snippet.rstrip("\n"), "  ")


def render_template(lang: str = "id", kind: str = "pentahelix") -> str:
    """The commented plan template for ``kind`` in ``lang`` (``id`` or ``en``)."""
    data = _kinds_data()
    spec = data["kinds"][kind]
    partners = spec["partners"]
    international = bool(spec["international"])
    note = "\n".join(textwrap.wrap(spec["note"][lang], width=94, initial_indent="# ", subsequent_indent="# "))
    text = knowledge.knowledge_path("templates", f"plan.{lang}.yaml").read_text("utf-8")
    return _fill(
        text,
        {
            "kind_label": spec["label"][lang],
            "kind_note": note,
            # The value word of the template's language (`sektoral`, `domestik`), as for pillars.
            "kind": knowledge.plan_format().value_words_id["kind"].get(kind, kind) if lang == "id" else kind,
            "scope": data["scope_words"][lang][spec["scope"]],
            "partners": "\n".join(_partner(p, lang, data) for p in partners),
            "lead": partners[0]["id"],
            "support": partners[1]["id"],
            "differences": data["differences"][lang] if international else "",
            "principles": ", ".join(data["principles"]["international" if international else "domestic"][lang]),
        },
    )


@click.command()
@click.option("--lang", type=LANGS, default="id", show_default=True, help="Language of the keys and comments.")
@click.option("--kind", type=click.Choice(KINDS), default="pentahelix", show_default=True, help="Kind of cooperation.")
@click.option(
    "--output",
    "output_path",
    type=click.Path(path_type=Path),
    help="Write the template to this file; its suffix chooses the form (.xlsx: a workbook, .yaml, .json).",
)
def init(lang: str, kind: str, output_path: Path | None) -> None:
    """Print a commented plan template; save it with `advisor init > plan.yaml`, or write a
    workbook with `advisor init --output rencana.xlsx`."""
    text = render_template(lang, kind)
    if output_path is None:
        click.echo(text, nl=False)
        return
    from advisor import api
    from advisor.cli.convert import write_plan_file
    from advisor.settings import Settings

    suffix = output_path.suffix.lower()
    content = text.encode("utf-8") if suffix in (".yaml", ".yml") else None
    if content is None:  # the template's data, in another form: the placeholders come along
        data = api.load_text(text, f"plan.{lang}.yaml", Settings(lang=lang)).data
        write_plan_file(output_path, data, lang, [])
    else:
        write_plan_file(output_path, None, lang, [], raw=content)
