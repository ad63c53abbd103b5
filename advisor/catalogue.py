"""The rule catalogue: every rule's id, name, severity, family, one-line summary and sources,
read from the rule records and their texts, never written by hand.

``docs/rules.md`` and ``docs/rules.id.md`` are :func:`rules_document`, written by the build
tool (``python tools/build.py``), not by the advisor.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import Any

from advisor import knowledge, rules
from advisor.render.citations import shorts
from advisor.rules.base import Rule
from advisor.texts import label, ui

_PLACEHOLDER = re.compile(r"\{\w+\}")


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    severity: str
    family: str
    step: str
    summary: str
    sources: tuple[str, ...]
    based_on: tuple[str, ...]


def neutral(template: str) -> str:
    """A text template with its placeholders replaced by an ellipsis: a summary that fits
    every finding of the rule ("The … pillar is missing")."""
    return _PLACEHOLDER.sub("…", template)


def summary(rule: Rule, lang: str) -> str:
    texts = knowledge.rule_texts().get(rule.id)
    return neutral(texts.title.get(lang)) if texts else rule.name


def entries(lang: str, family: str | None = None) -> list[Entry]:
    wanted = family.upper() if family else None
    return [
        Entry(
            id=rule.id,
            name=rule.name,
            severity=rule.severity,
            family=rule.family,
            step=rule.step,
            summary=summary(rule, lang),
            sources=rule.sources,
            based_on=rule.based_on,
        )
        for rule in rules.all_rules()
        if wanted is None or rule.family == wanted
    ]


def find_rule(text: str) -> Rule:
    """A rule by id, alias or dotted name; ``LookupError`` carries close matches."""
    wanted = text.strip()
    table = rules.by_id()
    if wanted.upper() in table:
        return table[wanted.upper()]
    by_name = {r.name: r for r in rules.all_rules()}
    if wanted.lower() in by_name:
        return by_name[wanted.lower()]
    choices = sorted(table) + sorted(by_name)
    close = difflib.get_close_matches(wanted.upper(), sorted(table), n=3, cutoff=0.5)
    close += difflib.get_close_matches(wanted.lower(), sorted(by_name), n=3, cutoff=0.6)
    raise UnknownRule(wanted, [c for c in dict.fromkeys(close) if c in choices])


class UnknownRule(LookupError):
    def __init__(self, wanted: str, suggestions: list[str]):
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = suggestions

    def message(self, lang: str) -> str:
        text = ui("unknown_rule", lang, rule=self.wanted)
        if self.suggestions:
            text += " " + ui("did_you_mean_rule", lang, suggestions=", ".join(self.suggestions))
        return text + " " + ui("see_rules", lang)


# --- rendering -------------------------------------------------------------------------------


def render(items: list[Entry], fmt: str, lang: str) -> str:
    if fmt == "json":
        return json.dumps([_as_dict(e, lang) for e in items], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return markdown_table(items, lang)
    return _text(items, lang)


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


def _text(items: list[Entry], lang: str) -> str:
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
        lines.append(f"  {'':5}  {'':<10} {'':<{name_width}}  {ui('sources', lang)}: {shorts(entry.sources)}")
    if not items:
        lines.append(ui("no_rules", lang))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown_table(items: list[Entry], lang: str, link: bool = False) -> str:
    head = [ui(k, lang) for k in ("col_rule", "col_name", "col_severity", "col_family", "col_summary", "sources")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for e in items:
        rule_id = f"[{e.id}](#{e.id.lower()})" if link else e.id
        lines.append(
            f"| {rule_id} | `{e.name}` | {label('severity', e.severity, lang)} | "
            f"{label('family', e.family, lang)} | {_cell(e.summary)} | {_cell(shorts(e.sources))} |"
        )
    return "\n".join(lines) + "\n"


# --- generated documentation -----------------------------------------------------------------


def rules_document(lang: str) -> str:
    """docs/rules.md (en) or docs/rules.id.md (id): the catalogue and every explanation."""
    from advisor import explain

    parts = [
        f"# {ui('doc_title', lang)}",
        "",
        f"<!-- {ui('doc_generated', lang)} -->",
        "",
        ui("doc_intro", lang),
        "",
        markdown_table(entries(lang), lang, link=True),
    ]
    for rule in rules.all_rules():
        parts.append(explain.render_markdown(explain.explanation(rule.id, lang), lang, level=2))
    return "\n".join(parts).rstrip("\n") + "\n"
