"""What the engine adapter sends durable-rules, and how (advisor/engine.py): the fast paths
(orjson, ids computed once, only the attributes a condition reads) against the plain ones."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from advisor import engine, rules
from advisor.engine import Engine, Firing, _dumps, _Ids, _loads, fnv1a_32
from advisor.facts import extract
from advisor.review import load_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def example_facts() -> list[list[dict[str, Any]]]:
    return [extract(load_plan(path)) for path in EXAMPLES]


def _firings(firings: list[Firing]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each firing's rule and the plan's ids of the facts it matched, in firing order."""
    return [(f.rule.id, sorted((alias, fact["id"]) for alias, fact in f.facts.items())) for f in firings]


def test_facts_are_encoded_as_the_standard_encoder_does(example_facts: list[list[dict[str, Any]]]) -> None:
    texts = [fact for facts in example_facts for fact in facts]
    assert len(texts) > 100
    for fact in texts:
        assert json.loads(_dumps(fact)) == fact
        if not any(isinstance(value, float) for value in fact.values()):
            assert _dumps(fact) == json.dumps(fact, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(
    "value",
    [
        {"kind": "x", "target": math.nan},  # orjson would write null
        {"kind": "x", "target": math.inf},
        {"kind": "x", "n": 2**70},  # over 64 bits: orjson refuses it
        {"kind": "x", "text": "lone \ud800 surrogate"},
        {"kind": "x", "text": "null is a word, too"},
    ],
)
def test_what_orjson_would_write_otherwise_goes_the_standard_way(value: dict[str, Any]) -> None:
    assert _dumps(value) == json.dumps(value, ensure_ascii=False)
    assert "NaN" not in _dumps({"kind": "x", "target": 1.5})


def test_floats_are_read_back_alike() -> None:
    for number in (0.1, 1e16, 1e-5, 2.5, 123456789.125, -0.0):
        assert json.loads(_dumps({"v": number}))["v"] == number


def test_messages_are_decoded_as_the_standard_decoder_does() -> None:
    message = json.dumps({"r001": [{"f": {"id": "f2", "kind": "partner", "n": 2**70, "x": 1.5}}]})
    assert _loads(message) == json.loads(message)
    assert _loads('{"a": NaN}').keys() == {"a"}


def test_ids_are_the_sequence_each_session_used_to_hash_for_itself() -> None:
    expected, hashes, counter = [], set(), 0
    while len(expected) < 3000:
        counter += 1
        ident = f"f{counter}"
        if fnv1a_32(ident) not in hashes:
            hashes.add(fnv1a_32(ident))
            expected.append(ident)
    ids = _Ids()
    assert ids.first(10)[:10] == expected[:10]
    assert ids.first(3000)[:3000] == expected
    assert len({fnv1a_32(i) for i in expected}) == len(expected)


def test_only_what_a_condition_reads_is_sent(example_facts: list[list[dict[str, Any]]]) -> None:
    shipped = engine.engine_for(rules.all_rules())
    partner = next(f for facts in example_facts for f in facts if f["kind"] == "partner")
    sent = {k: v for k, v in partner.items() if k in shipped._read["partner"]}
    assert {"kind", "id", "pillar"} <= sent.keys() < partner.keys()
    assert "evidence" not in sent
    assert shipped._read.get("no-rule-names-this", shipped._read_none) == {"kind", "id"}


def test_sending_every_attribute_fires_the_same(example_facts: list[list[dict[str, Any]]]) -> None:
    trimmed = Engine(rules.all_rules(), engine.option_defaults(rules.all_rules()))
    whole = Engine(rules.all_rules(), engine.option_defaults(rules.all_rules()))
    # every attribute of every fact, derived ones (ordinal, source_rule...) included
    everything = frozenset(key for facts in example_facts for fact in facts for key in fact).union(
        *whole._read.values()
    )
    whole._read = {kind: everything for kind in whole._read}
    whole._read_none = everything
    fired = 0
    for facts in example_facts:
        got = _firings(trimmed.evaluate(facts))
        assert got == _firings(whole.evaluate(facts))
        fired += len(got)
    assert fired > 50
