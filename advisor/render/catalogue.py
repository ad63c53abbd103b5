"""The rule catalogue (``advisor rules``, and the table at the top of ``docs/rules.md``) as text,
Markdown or JSON, from the entries :func:`advisor.catalogue.entries` gives."""

from __future__ import annotations

import json
from typing import Any

from advisor.catalogue import Entry
from advisor.render.citations import shorts
from advisor.texts import label, ui


def render_json(items: list[Entry], lang: str) -> str:
    """A list of the rules' records, in the order given, for tools and the docs' build."""
    return json.dumps([_as_dict(e, lang) for e in items], ensure_ascii=False, indent=2) + "\n"


def render_markdown(items: list[Entry], lang: str, link: bool = False) -> str:
    """A table; ``link`` makes each id a link to the rule's section (the generated docs)."""
    head = [ui(k, lang) for k in ("col_rule", "col_name", "col_severity", "col_family", "col_summary", "sources")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for e in items:
        rule_id = f"[{e.id}](#{e.id.lower()})" if link else e.id
        lines.append(
            f"| {rule_id} | `{e.name}` | {label('severity', e.severity, lang)} | "
            f"{label('family', e.family, lang)} | {_cell(e.summary)} | {_cell(shorts(e.sources, lang))} |"
        )
    return "\n".join(lines) + "\n"


def render_text(items: list[Entry], lang: str) -> str:
    """One line per rule under its family's name, names aligned, for a terminal."""
    lines: list[str] = []
    family = None
    name_width = max((len(e.name) for e in items), default=0)
    for entry in items:
        if entry.family != family:
            family = entry.family
            if lines:
                lines.append("")
            lines.append(f"{family}  {label('family', family, lang)}")
        severity = label("severity", entry.severity, lang)
        lines.append(f"  {entry.id}  {severity:<10} {entry.name:<{name_width}}  {entry.summary}")
        lines.append(f"  {'':5}  {'':<10} {'':<{name_width}}  {ui('sources', lang)}: {shorts(entry.sources, lang)}")
    if not items:
        lines.append(ui("no_rules", lang))
    return "\n".join(lines) + "\n"


def _as_dict(entry: Entry, lang: str) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "severity": entry.severity,
        "family": entry.family,
        "family_name": label("family", entry.family, lang),
        "step": entry.step,
        "summary": entry.summary,
        "sources": list(entry.sources),
        "based_on": list(entry.based_on),
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
