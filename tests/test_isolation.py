"""Workers (advisor/isolation.py) are forked with os.fork and two pipes where the system can
fork; elsewhere, or while threads run, multiprocessing spawns them. Both ways give every item's
answer, and a dying worker costs only its item."""

from __future__ import annotations

import os
import threading

import pytest

from advisor import isolation

FORK = hasattr(os, "fork")


def _nothing() -> None:
    return None


def _big_or_dead(item: int) -> str:
    if item == 3:
        os._exit(7)
    return str(item) * 1_000_000  # megabytes: more than a pipe holds, read in pieces


def _answers(jobs: int) -> dict[int, object]:
    return dict(isolation.Workers(jobs, _nothing, _big_or_dead, max_items=2).run(list(range(6))))


@pytest.mark.slow
@pytest.mark.skipif(not FORK, reason="no fork on this platform")
def test_forked_workers_carry_large_answers_and_lose_only_a_dead_worker_s_item() -> None:
    assert isolation.forking()
    answers = _answers(2)
    assert answers[3] == isolation.Crashed(None, 7)
    assert all(answers[i] == str(i) * 1_000_000 for i in (0, 1, 2, 4, 5))


@pytest.mark.slow
def test_spawned_workers_answer_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # As where the system cannot fork, or threads run (0.4-0.7 s a worker).
    monkeypatch.setattr(isolation, "forking", lambda: False)
    answers = _answers(1)
    assert answers[3] == isolation.Crashed(None, 7)
    assert all(answers[i] == str(i) * 1_000_000 for i in (0, 1, 2, 4, 5))


def test_workers_are_not_forked_while_threads_run() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not isolation.forking()
        assert isolation.context().get_start_method() == "spawn"
    finally:
        stop.set()
        thread.join()
