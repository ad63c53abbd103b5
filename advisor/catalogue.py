"""The rule catalogue: every rule's id, name, severity, family, one-line summary and sources,
read from the rule records and their texts, never written by hand.

``docs/rules.md`` and ``docs/rules.id.md`` are :func:`rules_document`, written by the build
tool (``python tools/build.py``), not by the advisor.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor import knowledge, rules
from advisor.rule_lookup import UnknownRule as UnknownRule
from advisor.rule_lookup import find_rule as find_rule
from advisor.rule_lookup import neutral
from advisor.rules.base import Rule
from advisor.texts import label, ui


@dataclass(frozen=True)
class Entry:
    """One rule as the catalogue lists it; ``summary`` is its title in the catalogue's language."""

    id: str
    name: str
    severity: str
    family: str
    step: str
    summary: str
    sources: tuple[str, ...]
    based_on: tuple[str, ...]


def summary(rule: Rule, lang: str) -> str:
    """The rule's title in ``lang``, placeholders as "…"; its name when it has no texts."""
    texts = knowledge.rule_texts().get(rule.id)
    return neutral(texts.title.get(lang), lang) if texts else rule.name


def entries(lang: str, family: str | None = None) -> list[Entry]:
    """The catalogue in id order; ``family`` (a code, any case) keeps that family's rules only."""
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


# --- generated documentation -----------------------------------------------------------------


def rules_document(lang: str) -> str:
    """docs/rules.md (en) or docs/rules.id.md (id): the catalogue and every explanation."""
    from advisor import explain
    from advisor.render import view

    parts = [
        f"# {ui('doc_title', lang)}",
        "",
        f"<!-- {ui('doc_generated', lang)} -->",
        "",
        ui("doc_intro", lang),
        "",
        f"## {ui('doc_families', lang)}",
        "",
        family_table(lang),
        view("catalogue", "markdown")(entries(lang), lang, link=True),
    ]
    for rule in rules.all_rules():
        parts.append(view("explain", "markdown")(explain.explanation(rule.id, lang), lang, level=2))
    return "\n".join(parts).rstrip("\n") + "\n"


def family_table(lang: str) -> str:
    """The families from their records: code, name, scoring dimension, module, rule count."""
    head = [ui(k, lang) for k in ("col_code", "col_family", "col_dimension", "col_module", "col_rules")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    dimensions = knowledge.scoring().dimensions
    counts = {code: 0 for code in rules.family_records()}
    for rule in rules.all_rules():
        counts[rule.family] += 1
    for code, family in rules.family_records().items():
        lines.append(
            f"| {code} | {label('family', code, lang)} | {dimensions[family.dimension].label.get(lang)} | "
            f"`{family.module}` | {counts[code]} |"
        )
    return "\n".join(lines) + "\n"
