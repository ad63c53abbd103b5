"""The fact sink every fact module writes to, and the plan's shared index and readings."""

from __future__ import annotations

from typing import Any

from advisor.facts.index import PlanIndex
from advisor.facts.readings import PlanReadings
from advisor.model import Partner, Plan
from advisor.text import truncate, words
from advisor.validate import ValidatedPlan

Fact = dict[str, Any]
MAX_TEXT = 300  # durable-rules compares strings over 64 KiB wrongly; evidence needs far less


class FactSink:
    """Collects one plan's facts. Each fact is a flat mapping with ``kind``, ``id`` (unique
    within the plan), ``path`` and attributes that are never ``None`` (durable-rules treats a
    missing attribute in a comparison as a match): a ``None`` value is left out."""

    def __init__(self, vplan: ValidatedPlan):
        self.vplan = vplan
        self.plan: Plan = vplan.plan
        self.index = PlanIndex.of(self.plan)
        self.readings = PlanReadings(self.plan, self.index)
        self.facts: list[Fact] = []

    def add(self, kind: str, ident: str, path: str, /, **attrs: Any) -> Fact:
        # kind, ident and path positional-only: CPython then compares none of a fact's ~16
        # attribute keywords with their names (callgrind: 8,000 of the 57,000 instructions of
        # a call)
        fact = {"kind": kind, "id": f"{kind}:{ident}", "path": path}
        fact.update(attrs)
        # Most facts hold no None and only short tidy texts. That is checked on their texts
        # joined, in a few calls over all of them, where a test of each attribute was a quarter
        # of the facts stage's bytecodes (callgrind: a sixth fewer instructions per fact). A None
        # fails the join. Joined by a space, the empty texts left out (tidy, and a third of the
        # facts hold one), a text with a space at either end makes a double space or a space at
        # an end of the whole: one search for "  " tests every text's ends and inside at once.
        texts: list[Any] = [value for value in attrs.values() if (type(value) is str and value) or value is None]
        try:
            joined = " ".join(texts)
        except TypeError:
            return self._add_checked(fact, attrs)
        if (
            (len(joined) <= MAX_TEXT or max(map(len, texts)) <= MAX_TEXT)
            and joined.isprintable()
            and "  " not in joined
            and joined[:1] != " "
            and joined[-1:] != " "
        ):
            self.facts.append(fact)
            return fact
        return self._add_checked(fact, attrs)

    def _add_checked(self, fact: Fact, attrs: dict[str, Any]) -> Fact:
        """``fact`` with each attribute tested: a None left out, a long or untidy text truncated."""
        for key, value in attrs.items():
            if value is None:
                del fact[key]  # never assert None: it matches neither +attr nor -attr
            elif type(value) is str and not (
                len(value) <= MAX_TEXT
                and value.isprintable()
                and "  " not in value
                and value[:1] != " "
                and value[-1:] != " "
            ):
                fact[key] = truncate(value, MAX_TEXT)
        self.facts.append(fact)
        return fact

    # kept for the fact modules written against the first extractor
    @property
    def partner_index(self) -> dict[str, int]:
        return self.index.partner_index

    @property
    def leads_by_partner(self) -> dict[str, int]:
        return self.index.leads_by_partner

    def _named_partner(self, text: str, among: list[Partner] | None = None) -> Partner | None:
        return named_partner(text, self.plan.partners if among is None else among)


def named_partner(text: str, partners: list[Partner]) -> Partner | None:
    """The partner that ``text`` names earliest, by id (as a word) or by name: in "Keputusan
    akhir oleh BPBD setelah berkonsultasi dengan JICA" the decider is BPBD, whatever the order
    of the partner list."""
    lowered, tokens = text.lower(), set(words(text))
    best: tuple[int, int] | None = None
    found = None
    for order, partner in enumerate(partners):
        places = [lowered.find(partner.name.lower())] if partner.name else []
        if partner.id.lower() in tokens:
            places.append(lowered.find(partner.id.lower()))
        places = [p for p in places if p >= 0]
        if places and (best is None or (min(places), order) < best):
            best, found = (min(places), order), partner
    return found
