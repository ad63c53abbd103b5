"""Run work in worker processes, so that a crash in C code is one failed item, not a dead run.

durable-rules is C code; should a plan ever abort or crash it (SIGABRT, SIGSEGV), only the
worker reviewing that plan dies. :class:`Workers` notices the death, reports that one item as
:class:`Crashed` and starts a fresh worker for the rest, so that no review depends on what an
earlier one left behind. ``check`` and ``batch`` (any ``--jobs``) both review this way.

Workers are forked where that is safe (this process runs no other thread): a forked worker
starts with this process's modules and loaded knowledge, in about a millisecond. It is made
with ``os.fork`` and talks over two pipes (:class:`_Forked`, :class:`_Pipe`), not through
``multiprocessing``, whose import (pickling machinery for sockets, ``tempfile``, ``subprocess``)
was about 10 ms of a cold ``advisor check``. Elsewhere workers are spawned by ``multiprocessing``
(a fresh interpreter, 0.4-0.7 s each), imported only then.

A worker ignores SIGINT (a Ctrl-C reaches the whole process group; the parent decides), takes
SIGTERM's default action, and exits when its parent is gone. The parent kills its workers on
any exit from :meth:`Workers.run`, an interrupt included.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NoReturn, Protocol, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context

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


def forking() -> bool:
    """Whether workers are forked: where the system can fork and this process runs one thread
    (forking a threaded process can copy a lock held by another thread). The rule engine's C
    state is copied by a fork, not shared: a forked worker owns its copy."""
    return hasattr(os, "fork") and threading.active_count() == 1


def context() -> multiprocessing.context.BaseContext:
    """The ``multiprocessing`` context of the same choice: ``fork`` where :func:`forking`, else
    ``spawn``. Workers use it only to spawn."""
    import multiprocessing

    return multiprocessing.get_context("fork" if forking() else "spawn")


class _Connection(Protocol):
    """What a worker and its parent talk through: a ``multiprocessing`` connection or a :class:`_Pipe`."""

    def send(self, obj: Any) -> None: ...
    def recv(self) -> Any: ...
    def poll(self, timeout: float = 0.0) -> bool: ...
    def fileno(self) -> int: ...
    def close(self) -> None: ...


class _Process(Protocol):
    """What the parent reads of a worker process: a ``multiprocessing`` process or a :class:`_Forked`."""

    @property
    def sentinel(self) -> int: ...
    @property
    def exitcode(self) -> int | None: ...
    def join(self, timeout: float | None = None) -> None: ...
    def is_alive(self) -> bool: ...
    def kill(self) -> None: ...


def _serve(conn: _Connection, start: Callable[[], None], work: Callable[[Any], Any], parent: int) -> None:
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
    def __init__(
        self, ctx: multiprocessing.context.BaseContext | None, start: Callable[[], None], work: Callable[[Any], Any]
    ):
        """A worker forked by :class:`_Forked` when ``ctx`` is None, else started by ``ctx``."""
        self.conn: _Connection
        self.process: _Process
        if ctx is None:
            (down, to_child), (from_child, up) = os.pipe(), os.pipe()
            self.conn, child = _Pipe(from_child, to_child), _Pipe(down, up)
            try:
                self.process = _Forked(_serve, (child, start, work, os.getpid()), parents_end=self.conn)
            except OSError:
                self.conn.close()
                raise
            finally:
                child.close()
        else:
            self.conn, child_conn = ctx.Pipe()
            # BaseContext.Process exists on every concrete context; typeshed types it loosely.
            process = ctx.Process(  # type: ignore[attr-defined]
                target=_serve, args=(child_conn, start, work, os.getpid()), daemon=True
            )
            process.start()
            self.process = process
            child_conn.close()
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


class _Pipe:
    """One side of a forked worker's connection: a pipe to read from and one to write to, each
    message pickled after its length (8 bytes), as a ``multiprocessing`` connection does."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self.read_fd, self.write_fd = read_fd, write_fd

    def send(self, obj: Any) -> None:
        data = pickle.dumps(obj)
        for chunk in (len(data).to_bytes(8, "big"), data):
            view = memoryview(chunk)
            while view:
                view = view[os.write(self.write_fd, view) :]

    def recv(self) -> Any:
        return pickle.loads(self._read(int.from_bytes(self._read(8), "big")))

    def _read(self, size: int) -> bytes:
        chunks = []
        while size:
            chunk = os.read(self.read_fd, size)
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether a message (or the end: the other side closed or died) can be read."""
        return bool(_ready([self.read_fd], timeout))

    def fileno(self) -> int:
        return self.read_fd

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            with contextlib.suppress(OSError):
                os.close(fd)


class _Forked:
    """A worker process made by ``os.fork``, with what the parent reads of a ``multiprocessing``
    process: ``sentinel`` (a pipe whose other end only the worker holds, so it ends when the
    worker does), ``join``, ``is_alive``, ``kill`` and ``exitcode`` (minus the signal's number
    when a signal ended it)."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...], parents_end: _Pipe) -> None:
        self.exitcode: int | None = None
        self.sentinel, alive = os.pipe()
        for stream in (sys.stdout, sys.stderr):  # else the worker would write their buffers again
            with contextlib.suppress(Exception):
                stream.flush()
        try:
            self.pid = os.fork()
        except OSError:
            os.close(self.sentinel)
            os.close(alive)
            raise
        if self.pid == 0:
            os.close(self.sentinel)
            parents_end.close()
            _run_forked(target, args)
        os.close(alive)

    def join(self, timeout: float | None = None) -> None:
        if self.exitcode is None and _ready([self.sentinel], timeout):
            self._reap(0)

    def is_alive(self) -> bool:
        if self.exitcode is None:
            self._reap(os.WNOHANG)
        return self.exitcode is None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def _reap(self, flags: int) -> None:
        try:
            pid, status = os.waitpid(self.pid, flags)
        except ChildProcessError:  # reaped already (SIGCHLD ignored): nothing more to learn
            return
        if pid:
            self.exitcode = os.waitstatus_to_exitcode(status)
            os.close(self.sentinel)


def _run_forked(target: Callable[..., None], args: tuple[Any, ...]) -> NoReturn:
    """A forked worker's whole life, ended by ``os._exit`` whatever happens: an exception must
    never return into the parent's code that the fork copied. As ``multiprocessing`` does, its
    standard input is emptied (the parent may be reading a plan from it) and an error that
    escapes is printed with its traceback (exit 1)."""
    code = 1
    try:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stdin.close()
            sys.stdin = open(os.devnull)  # noqa: SIM115 (the process's standard input until it ends)
        target(*args)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def _ready(fds: Iterable[int], timeout: float | None) -> list[int]:
    """Of ``fds``, those that can be read (or are at their end), waiting at most ``timeout``
    seconds (None: until one can)."""
    poller = select.poll()
    for fd in fds:
        poller.register(fd, select.POLLIN)
    return [fd for fd, _ in poller.poll(None if timeout is None else timeout * 1000)]


def _wait(objects: Sequence[Any], ctx: multiprocessing.context.BaseContext | None) -> list[Any]:
    """Of connections and process sentinels, those ready: ``multiprocessing.connection.wait``
    for spawned workers, :func:`_ready` for forked ones."""
    if ctx is not None:
        from multiprocessing.connection import wait

        return wait(objects)
    by_fd = {obj if isinstance(obj, int) else obj.fileno(): obj for obj in objects}
    return [by_fd[fd] for fd in _ready(by_fd, None)]


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
        ctx = None if forking() else context()
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
                ready = set(_wait([w.conn for w in busy] + [w.process.sentinel for w in busy], ctx))
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
        ctx: multiprocessing.context.BaseContext | None,
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
