"""Reviews on several threads at once, with different options on different threads, give the
same findings as one thread reviewing the same plans (advisor/engine.py: an engine per thread,
built per option set)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from advisor import engine, rules
from advisor.problems import InputError
from advisor.review import Settings, review_file
from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent
# Options that change what fires (PH005/PH006, DP002, RL008) on the corpus: each is tested
# below to make a difference, so that agreement between threads is not agreement on nothing.
VARIANTS = (
    Settings(),
    Settings(thresholds=(("dominant_share", 0.3), ("unclear_roles_for_risk", 1))),
    Settings(thresholds=(("dependency_share", 0.4), ("dominant_min_responsibilities", 2))),
)

Outcome = tuple[tuple[str, str, str, str], ...] | str


def _outcome(path: Path, settings: Settings) -> Outcome:
    try:
        review = review_file(path, settings)
    except InputError as err:  # the corpus writes a few invalid plans on purpose
        return f"input error: {err.problems[0].code}"
    return tuple((f.rule_id, f.severity, f.path, f.subject) for f in review.findings)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    return examples + write_corpus(tmp_path_factory.mktemp("corpus"), 30)


def test_threads_review_as_one_thread_does(plans: list[Path]) -> None:
    jobs = [(path, settings) for settings in VARIANTS for path in plans]
    alone = [_outcome(path, settings) for path, settings in jobs]
    by_variant = [alone[i * len(plans) : (i + 1) * len(plans)] for i in range(len(VARIANTS))]
    assert by_variant[0] != by_variant[1] and by_variant[0] != by_variant[2], "the options change nothing"
    # interleaved, so that every thread reviews with every option set
    order = sorted(range(len(jobs)), key=lambda i: (i % len(plans), i))
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda i: _outcome(*jobs[i]), order))
    assert [alone[i] for i in order] == together


def test_each_thread_has_its_own_engine() -> None:
    made: dict[str, engine.Engine] = {}

    def make(name: str) -> None:
        made[name] = engine.engine_for(rules.all_rules())

    threads = [threading.Thread(target=make, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made["a"] is not made["b"]
    assert engine.engine_for(rules.all_rules()) is engine.engine_for(rules.all_rules())


def test_a_thread_keeps_a_bounded_number_of_engines() -> None:
    seen: list[object] = []

    def run() -> None:
        first = engine.engine_for(rules.all_rules(), (("unclear_roles_for_risk", 1),))
        again = engine.engine_for(rules.all_rules(), (("unclear_roles_for_risk", 1),))
        for n in range(engine.ENGINES_PER_THREAD):
            engine.engine_for(rules.all_rules(), (("unclear_roles_for_risk", n + 2),))
        seen.extend([first is again, len(engine._local.engines)])
        seen.append(engine.engine_for(rules.all_rules(), (("unclear_roles_for_risk", 1),)) is first)
        try:  # an evicted engine's ruleset is freed: using it must fail cleanly, not in C
            first.evaluate([])
        except engine.EngineError as err:
            seen.append(str(err))

    thread = threading.Thread(target=run)  # a fresh thread: its cache starts empty
    thread.start()
    thread.join()
    # cached while kept; the cache never holds more than its bound; the oldest was dropped
    assert seen == [True, engine.ENGINES_PER_THREAD, False, "this Engine was closed"]
