"""The rule registry: every rule family module, and one ``id -> rule`` map.

Families are listed explicitly (no import-time discovery); an unknown id fails loudly.
"""

from __future__ import annotations

from functools import cache

from advisor.rules.base import Rule

# Ids removed without a successor, with the reason. Never given to another rule (an id that
# became part of another rule is that rule's alias instead, see Rule.aliases).
RETIRED: dict[str, str] = {
    "KS008": "removed in 0.2: the five-year limit for a regional cooperation had no source in the seeds or regulation",
}

FAMILY_MODULES = (
    "advisor.rules.pentahelix",
    "advisor.rules.roles",
    "advisor.rules.indicators",
    "advisor.rules.dependency",
    "advisor.rules.steps",
    "advisor.rules.governance",
    "advisor.rules.phases",
    "advisor.rules.challenges",
    "advisor.rules.forms",
)


@cache
def all_rules() -> tuple[Rule, ...]:
    import importlib

    found: list[Rule] = []
    for name in FAMILY_MODULES:
        found.extend(importlib.import_module(name).RULES)
    ids = [r.id for r in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"rule ids defined twice: {', '.join(duplicates)}")
    return tuple(sorted(found, key=lambda r: r.id))


@cache
def by_id() -> dict[str, Rule]:
    table: dict[str, Rule] = {}
    for rule in all_rules():
        table[rule.id] = rule
        for alias in rule.aliases:
            table[alias] = rule
    return table


def get(rule_id: str) -> Rule:
    try:
        return by_id()[rule_id.upper()]
    except KeyError:
        raise KeyError(f"unknown rule id: {rule_id}") from None


def families() -> tuple[str, ...]:
    return tuple(sorted({r.family for r in all_rules()}))
