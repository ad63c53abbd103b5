"""The fact sink checks a fact's texts together (joined, in a few calls) where most facts need
nothing; the result must be the fact that testing each attribute alone makes: a None left out, a
long or untidy text truncated, the rest as given, in the same order."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.facts.base import MAX_TEXT, FactSink

# pieces that make the untidy cases: spaces at an end or doubled, "|" beside a space, control
# characters, non-ASCII letters, texts over the limit
_PIECES = st.sampled_from(["a", "b", " ", "  ", "|", "| ", " |", "\n", "\t", "\x00", "é", "x" * 120, ""])
_TEXT = st.lists(_PIECES, max_size=8).map("".join)
_VALUE = st.one_of(_TEXT, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False))


def _sink() -> FactSink:
    sink = FactSink.__new__(FactSink)  # no plan needed to collect facts
    sink.facts = []
    return sink


@settings(max_examples=2000)
@given(st.dictionaries(st.sampled_from([f"a{i}" for i in range(8)]), _VALUE, max_size=8))
def test_a_fact_is_what_testing_each_attribute_makes(attrs: dict[str, Any]) -> None:
    fast, each = _sink(), _sink()
    fact = fast.add("kind", "1", "path", **attrs)
    expected = each._add_checked({"kind": "kind", "id": "kind:1", "path": "path", **attrs}, attrs)
    assert list(fact.items()) == list(expected.items())
    assert fast.facts == [fact]


def test_the_untidy_cases_are_truncated() -> None:
    fact = _sink().add("kind", "1", "path", a=" lead", b="", c="x" * (MAX_TEXT + 1), d=None, e="ok")
    assert fact["a"] == "lead" and fact["b"] == "" and len(fact["c"]) == MAX_TEXT and "d" not in fact
