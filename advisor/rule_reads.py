"""What a rule's conditions read: the fact attributes each of its aliases tests.

Apart from advisor/explain.py (which shows them under a finding) because the review's own
ranking reads them too (advisor/assess.py: a finding on a reading of text is less certain),
and the review must not depend on the module that explains it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from advisor import rules
from advisor.durable.lang import when_all


@cache
def tested_attributes(rule_id: str) -> dict[str, tuple[str, ...]]:
    """Per alias, the fact attributes the rule's conditions test (from the durable-rules
    definition, so it cannot disagree with the conditions)."""
    rule = rules.get(rule_id)
    definition = when_all(*rule.when()).define()
    out: dict[str, tuple[str, ...]] = {}
    for condition in definition.get("all", []):
        for alias, expression in condition.items():
            found: list[str] = []
            _attributes(expression, found)
            out[alias] = tuple(dict.fromkeys(a for a in found if a != "kind"))
    return out


def _attributes(node: Any, found: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _attributes(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "$m":
                found.append(value)
            elif key.startswith("$"):
                _attributes(value, found)
            else:
                found.append(key)
                # {"target": {"$m": "baseline"}} compares two attributes of one fact; any
                # other mapping names an attribute of another alias's fact.
                if isinstance(value, dict) and "$m" in value:
                    found.append(value["$m"])
