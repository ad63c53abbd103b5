"""Run work in worker processes, so that a crash in C code is one failed item, not a dead run.

durable-rules is C code; should a plan ever abort or crash it (SIGABRT, SIGSEGV), only the
worker reviewing that plan dies. :class:`Workers` notices the death, reports that one item as
:class:`Crashed` and starts a fresh worker for the rest, so that no review depends on what an
earlier one left behind. ``check`` and ``batch`` (any ``--jobs``) both review this way.

Workers are forked where that is safe (this process runs no other thread): a forked worker
starts with this process's modules and loaded knowledge, in about a millisecond. Elsewhere they
are spawned (a fresh interpreter, 0.4-0.7 s each).

A worker ignores SIGINT (a Ctrl-C reaches the whole process group; the parent decides), takes
SIGTERM's default action, and exits when its parent is gone. The parent kills its workers on
any exit from :meth:`Workers.run`, an interrupt included.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_PARENT_CHECK_SECONDS = 0.5


@dataclass(frozen=True)
class Crashed:
    """An item whose worker died before answering: ``signal`` names the signal (``SIGABRT``),
    else ``exit_code`` is what the process returned; or whose work raised ``error``."""

    signal: str | None
    exit_code: int | None
    error: str | None = None

    def reason(self) -> str:
        return self.signal or self.error or f"exit {self.exit_code}"


def context() -> multiprocessing.context.BaseContext:
    """``fork`` while this process runs one thread (forking a threaded process can copy a lock
    held by another thread), else ``spawn``. The rule engine's C state is copied by a fork,
    not shared: a forked worker owns its copy."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _serve(conn: Connection, start: Callable[[], None], work: Callable[[Any], Any], parent: int) -> None:
    """A worker's life: start, then answer one item at a time until told to stop or orphaned.

    ``parent`` is the pid the parent gave: read here with getppid(), it would already be the
    reaper's if the parent died while this worker was starting (seen under load), and the orphan
    would then wait for ever. A forked worker holds the parent's end of the pipe too, so the
    pipe never reports the parent's death: the pid is what tells."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if os.getppid() != parent:
        return
    start()
    while True:
        while not conn.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:  # the parent died without a word: nobody will read
                return
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        try:
            answer = work(item)
        except Exception as exc:  # a fault of ours: that item's failure, not a traceback
            answer = Crashed(None, None, repr(exc))
        conn.send((index, answer))


class _Worker:
    def __init__(self, ctx: multiprocessing.context.BaseContext, start: Callable[[], None], work: Callable[[Any], Any]):
        self.conn, child = ctx.Pipe()
        # BaseContext.Process exists on every concrete context; typeshed types it loosely.
        self.process = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, start, work, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()
        # The items sent and not yet answered, in the order it works on them: the first is the
        # one it is working on, the others wait in its pipe.
        self.queued: deque[tuple[int, Any]] = deque()
        self.sent = 0

    def stop(self, *, kill: bool) -> None:
        if not kill:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class Workers(Generic[Item, Result]):
    """``jobs`` worker processes that each run ``start()`` once, then ``work(item)`` per item."""

    def __init__(
        self,
        jobs: int,
        start: Callable[[], None],
        work: Callable[[Item], Result],
        max_items: int | None = None,
        ahead: int = 1,
    ):
        """``max_items``: a worker that has been sent that many items is replaced by a fresh one,
        so that whatever a worker gathers per item (bounded caches filling, a leak in C code)
        stays bounded by that number whatever the number of items. ``ahead``: the items a worker
        is sent before its answers are read, so that it starts the next one at once instead of
        waiting for the parent to read its answer and send another (on a loaded machine the
        parent is not always running when a worker finishes)."""
        self.jobs = max(1, jobs)
        self.start = start
        self.work = work
        self.max_items = max_items
        self.ahead = max(1, ahead)

    def run(self, items: Sequence[Item]) -> Generator[tuple[int, Result | Crashed], None, None]:
        """(index, result) for every item, in the order they finish; a worker that dies costs
        the one item it was working on (a :class:`Crashed`), and the items it had not started
        go to the fresh worker that replaces it."""
        ctx = context()
        pending = deque(enumerate(items))
        workers: list[_Worker] = []
        clean = False
        try:
            workers = [_Worker(ctx, self.start, self.work) for _ in range(min(self.jobs, len(items)))]
            while True:
                for position, worker in enumerate(workers):
                    while pending and len(worker.queued) < self.ahead and not self._spent(worker):
                        index, item = pending.popleft()
                        try:
                            worker.conn.send((index, item))
                        except OSError:  # it died: in start() (this item fails, as it would in
                            # that worker) or at an item sent before (that one fails, this one waits
                            # for a fresh worker); every item fails at most once, so this ends
                            yield from self._sent_before(worker)
                            if worker.queued:
                                pending.appendleft((index, item))
                            else:
                                worker.queued.append((index, item))
                            yield self._replace(ctx, workers, position, pending)
                            worker = workers[position]
                            continue
                        worker.queued.append((index, item))
                        worker.sent += 1
                busy = [w for w in workers if w.queued]
                if not busy:
                    break
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
                for position, worker in enumerate(workers):
                    if not worker.queued or not (worker.conn in ready or worker.process.sentinel in ready):
                        continue
                    answer = self._answer(worker)
                    if answer is None:  # it died: its item failed, a fresh worker takes over
                        yield self._replace(ctx, workers, position, pending)
                        continue
                    worker.queued.popleft()
                    if self._spent(worker) and not worker.queued and pending:
                        worker.stop(kill=False)
                        workers[position] = _Worker(ctx, self.start, self.work)
                    yield answer
            clean = True
        finally:
            for worker in workers:
                worker.stop(kill=not clean)

    def _sent_before(self, worker: _Worker) -> Generator[tuple[int, Result], None, None]:
        """The answers a dead worker sent before it died, still in its pipe: only the item it
        was working on when it died is lost."""
        while worker.queued:
            answer = self._answer(worker)
            if answer is None:
                return
            worker.queued.popleft()
            yield answer

    def _spent(self, worker: _Worker) -> bool:
        """Whether the worker has been sent its share of items (``max_items``)."""
        return self.max_items is not None and 0 < self.max_items <= worker.sent

    def _replace(
        self,
        ctx: multiprocessing.context.BaseContext,
        workers: list[_Worker],
        position: int,
        pending: deque[tuple[int, Item]],
    ) -> tuple[int, Crashed]:
        """The dead worker at ``position`` replaced: its first item is the one it died on (the
        answer returned), the items it had not started go back to the front of ``pending``."""
        worker = workers[position]
        (index, _), *unstarted = worker.queued
        pending.extendleft(reversed(unstarted))
        crashed = _crash(worker)
        worker.stop(kill=True)
        workers[position] = _Worker(ctx, self.start, self.work)
        return index, crashed

    @staticmethod
    def _answer(worker: _Worker) -> tuple[int, Result] | None:
        try:
            if worker.conn.poll():
                answer: tuple[int, Result] = worker.conn.recv()
                return answer
        except (EOFError, OSError):
            pass
        return None


def _crash(worker: _Worker) -> Crashed:
    worker.process.join(timeout=5)
    code = worker.process.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return Crashed(signal.Signals(-code).name, None)
    return Crashed(None, code)
