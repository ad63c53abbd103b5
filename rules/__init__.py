"""The rule registry: every rule family module, and one ``id -> rule`` map.

Families are listed explicitly (no import-time discovery); an unknown id fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from advisor.rules.base import Family, Rule
from advisor.rules.conditions import Option

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
def family_records() -> dict[str, Family]:
    """Every family by code, in the order of FAMILY_MODULES."""
    import importlib

    out = {}
    for name in FAMILY_MODULES:
        family: Family = importlib.import_module(name).FAMILY
        if family.module != name:
            raise RuntimeError(f"{name}: its FAMILY names module {family.module}")
        out[family.code] = family
    return out


def dimension_of(rule: Rule) -> str:
    """The scoring dimension a rule counts in: its own, else its family's."""
    return rule.dimension or family_records()[rule.family].dimension


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by id; ``RuntimeError`` when a family module holds another family's rules or
    an id is defined twice (a mistake in the rules, caught on first use)."""
    import importlib

    found: list[Rule] = []
    for name in FAMILY_MODULES:
        module = importlib.import_module(name)
        strays = [r.id for r in module.RULES if r.family != module.FAMILY.code]
        if strays:
            raise RuntimeError(f"{name}: rules of another family: {', '.join(strays)}")
        found.extend(module.RULES)
    ids = [r.id for r in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"rule ids defined twice: {', '.join(duplicates)}")
    return tuple(sorted(found, key=lambda r: r.id))


@cache
def by_id() -> dict[str, Rule]:
    """Every rule by its id and by each of its aliases (ids it had before)."""
    table: dict[str, Rule] = {}
    for rule in all_rules():
        table[rule.id] = rule
        for alias in rule.aliases:
            table[alias] = rule
    return table


def get(rule_id: str) -> Rule:
    """The rule with this id or alias, in any case (``ph001``); ``KeyError`` names an unknown id."""
    try:
        return by_id()[rule_id.upper()]
    except KeyError:
        raise KeyError(f"unknown rule id: {rule_id}") from None


def families() -> tuple[str, ...]:
    """The codes of the families that have rules, sorted."""
    return tuple(sorted({r.family for r in all_rules()}))


@dataclass(frozen=True)
class DeclaredOption:
    """An option as the rules declare it, its default (knowledge/thresholds.yaml) and the rules
    that read it."""

    option: Option
    default: int | float
    rules: tuple[str, ...]

    @property
    def name(self) -> str:
        """The option's name, as a team's config and knowledge/thresholds.yaml write it."""
        return self.option.name


@cache
def options() -> dict[str, DeclaredOption]:
    """Every option some rule reads, by name, with its default (knowledge/thresholds.yaml)."""
    from advisor.knowledge import base_thresholds

    return declared_options(all_rules(), base_thresholds())


def declared_options(rules: tuple[Rule, ...], defaults: dict[str, object]) -> dict[str, DeclaredOption]:
    """The options ``rules`` read. One name has one type; its default must be in ``defaults``
    and fit the type: a mistake fails here, loudly."""
    readers: dict[str, list[str]] = {}
    declared: dict[str, Option] = {}
    for rule in rules:
        for option in rule.all_options:
            if declared.setdefault(option.name, option) != option:
                raise RuntimeError(f"option {option.name} declared as {declared[option.name].type} and {option.type}")
            readers.setdefault(option.name, []).append(rule.id)
    out = {}
    for name, option in sorted(declared.items()):
        default = defaults.get(name)
        if not fits(option, default):
            raise RuntimeError(f"knowledge/thresholds.yaml: {name}: no default of type {option.type} ({default!r})")
        assert isinstance(default, (int, float))
        out[name] = DeclaredOption(option, default, tuple(readers[name]))
    return out


def fits(option: Option, value: object) -> bool:
    """Whether ``value`` is a valid value of ``option``: a share a number from 0 to 1, a count a
    whole number from 0 (booleans are neither)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return False
    if option.type == "share":
        return 0 <= value <= 1
    return isinstance(value, int) and value >= 0
