"""Regression tests for the durable-rules traps the adapter avoids (../shared/notes/durable-rules.md)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from advisor.rules.base import Rule
from advisor.rules.conditions import c, m

from advisor.engine import Engine, EngineError


def _rule(rule_id: str, when, **kw) -> Rule:
    return Rule(
        id=rule_id, name=f"test.{rule_id.lower()}", severity="info", step="goal", sources=("seed000",), when=when, **kw
    )


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(
        [
            _rule("TT001", lambda: [c.f << (m.kind == "ind") & +m.baseline & (m.target <= m.baseline)]),
            _rule(
                "TT002", lambda: [c.f << (m.kind == "partner") & (m.clear == 0)], asserts="unclear", carries=("pid",)
            ),
            _rule(
                "TT003",
                lambda: [c.f << (m.kind == "unclear") & (m.ordinal == 2), c.plan << (m.kind == "plan")],
                based_on=("TT002",),
                aggregate=True,
            ),
            _rule("TT004", lambda: [c.f << (m.kind == "boom")]),
        ]
    )


def test_unmatched_facts_do_not_abort_the_plan(engine: Engine) -> None:
    firings = engine.evaluate(
        [{"kind": "nobody-matches-this", "id": "x"}, {"kind": "ind", "id": "i", "target": 1, "baseline": 2}]
    )
    assert [f.rule.id for f in firings] == ["TT001"]


def test_missing_attribute_is_not_a_match(engine: Engine) -> None:
    # Without the +m.baseline guard durable-rules matches `target <= baseline` when baseline is absent.
    assert engine.evaluate([{"kind": "ind", "id": "i", "target": 1}]) == []


def test_derived_facts_chain_and_count(engine: Engine) -> None:
    facts = [{"kind": "plan", "id": "plan"}] + [
        {"kind": "partner", "id": f"p{i}", "pid": f"p{i}", "clear": 0} for i in range(3)
    ]
    fired = [f.rule.id for f in engine.evaluate(facts)]
    assert fired.count("TT002") == 3
    assert fired.count("TT003") == 1  # the conclusion is drawn once, at the second unclear role


def test_sessions_are_deleted(engine: Engine) -> None:
    # A ruleset holds at most 1,024 live sessions; every plan must free its own.
    for i in range(1100):
        engine.evaluate([{"kind": "ind", "id": f"i{i}", "target": 1, "baseline": 2}])


def test_no_state_leaks_between_plans(engine: Engine) -> None:
    facts = [{"kind": "plan", "id": "plan"}, {"kind": "partner", "id": "p0", "pid": "p0", "clear": 0}]
    engine.evaluate([*facts, {"kind": "partner", "id": "p1", "pid": "p1", "clear": 0}])
    # the ordinal counter of the previous plan must not carry over and fire TT003 here
    assert [f.rule.id for f in engine.evaluate(facts)] == ["TT002"]


def test_failing_action_surfaces_as_an_error() -> None:
    bad = Engine([_rule("TT009", lambda: [c.f << (m.kind == "boom")], asserts="x", carries=())])
    # the action reads the subject's id, which this fact lacks: the KeyError raised inside the
    # action must surface, not vanish into the session state
    with pytest.raises(EngineError):
        bad.evaluate([{"kind": "boom", "path": ""}])


def test_engine_refuses_other_threads(engine: Engine) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            engine.evaluate([])
        except EngineError as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert errors


def test_or_fires_once_per_matching_branch() -> None:
    # Trap: a fact matching both sides of `|` fires the rule twice (so a rule that asserts a
    # derived fact would assert it twice). Rules make their branches exclusive, e.g.
    # `foreign | (~foreign & donor)`, as DP001 does.
    both = Engine([_rule("TT010", lambda: [c.f << (m.kind == "p") & ((m.a == 1) | (m.b == 1))])])
    assert len(both.evaluate([{"kind": "p", "id": "p", "a": 1, "b": 1}])) == 2
    exclusive = Engine([_rule("TT011", lambda: [c.f << (m.kind == "p") & ((m.a == 1) | ((m.a != 1) & (m.b == 1)))])])
    assert len(exclusive.evaluate([{"kind": "p", "id": "p", "a": 1, "b": 1}])) == 1


def test_session_with_no_firing_is_deleted_cleanly() -> None:
    # durable-rules 2.0.28 leaves a session's action context uninitialised until an action
    # runs; deleting a session where nothing fired freed a garbage pointer (abort/segfault,
    # depending on heap layout - reproduced with exactly this script before the fix).
    script = (
        "from advisor.rules.conditions import c, m\n"
        "from advisor.engine import Engine\n"
        "from advisor.rules.base import Rule\n"
        "r = Rule(id='TT020', name='t.t', severity='info', step='goal', sources=('seed000',),\n"
        "         when=lambda: [c.f << (m.kind == 'g') & (m.international == True) & (m.b == False)])\n"
        "e = Engine([r])\n"
        "for i in range(200):\n"
        "    assert e.evaluate([{'kind': 'g', 'id': 'g', 'international': False, 'b': False}]) == []\n"
        "print('clean')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "clean"


def test_two_rules_concluding_the_same_about_one_subject() -> None:
    # Both rules assert the derived fact "gap:p"; asserting it twice used to fail the plan
    # (MessageObservedException inside the action). The second is now recognised and skipped.
    first = _rule("TT030", lambda: [c.f << (m.kind == "p") & (m.a == 1)], asserts="gap", carries=("a",))
    second = _rule("TT031", lambda: [c.f << (m.kind == "p") & (m.b == 1)], asserts="gap", carries=("a",))
    conclusion = _rule("TT032", lambda: [c.f << (m.kind == "gap")], based_on=("TT030", "TT031"))
    fired = [
        f.rule.id for f in Engine([first, second, conclusion]).evaluate([{"kind": "p", "id": "p", "a": 1, "b": 1}])
    ]
    assert sorted(fired) == ["TT030", "TT031", "TT032"]
