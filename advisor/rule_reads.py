"""What a rule's conditions read: the fact attributes each of its aliases tests.

Apart from advisor/explain.py (which shows them under a finding) because the review's own
ranking reads them too (advisor/assess.py: a finding on a reading of text is less certain),
and the review must not depend on the module that explains it.
"""

from __future__ import annotations

from functools import cache

from advisor import rules
from advisor.rules.conditions import reads


@cache
def tested_attributes(rule_id: str) -> dict[str, tuple[str, ...]]:
    """Per alias, the fact attributes the rule's conditions test (read from the conditions
    themselves, so it cannot disagree with them); not the attributes of another alias's fact
    that a condition compares with."""
    out: dict[str, tuple[str, ...]] = {}
    for fact in rules.get(rule_id).conditions:
        found = [attribute for attribute, other in reads(fact.test) if other is None and attribute != "kind"]
        out[fact.alias] = tuple(dict.fromkeys(found))
    return out
