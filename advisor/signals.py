"""What SIGTERM and Ctrl-C do to a command: ``finally`` blocks run (workers killed, temporary
files removed) and the exit code says what happened (143, 130), never a traceback and never
click's "Aborted!" with exit 1.

:func:`handle_signals` is the first thing the ``advisor`` command does, before it imports the
command line, so that a signal during start-up ends the same way. :func:`exit_codes_for_signals`
gives the same guarantee around one command run in a program that did not call it (tests
calling the CLI in-process), and restores that program's handlers afterwards.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any


def handle_signals() -> None:
    """For the whole life of the ``advisor`` process: SIGTERM and Ctrl-C raise ``SystemExit``.
    Ctrl-C raises SystemExit rather than KeyboardInterrupt here because click's main turns a
    KeyboardInterrupt that reaches it into "Aborted!" and exit 1."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)
        signal.signal(signal.SIGINT, _terminated)


@contextlib.contextmanager
def exit_codes_for_signals() -> Iterator[None]:
    """SIGTERM raises ``SystemExit(143)`` and Ctrl-C becomes ``SystemExit(130)`` while the
    block runs; a handler the program installed for Ctrl-C is left alone."""
    previous: list[tuple[int, Any]] = []
    if threading.current_thread() is threading.main_thread():
        previous = [(signal.SIGTERM, signal.signal(signal.SIGTERM, _terminated))]
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            previous.append((signal.SIGINT, signal.signal(signal.SIGINT, _interrupted)))
    try:
        yield
    except KeyboardInterrupt:
        raise SystemExit(128 + signal.SIGINT) from None
    finally:
        for signum, handler in previous:
            signal.signal(signum, handler)


def _terminated(signum: int, frame: FrameType | None) -> None:
    if _in_ignoring_callback(frame):
        _later(signum, _terminated)
        return
    raise SystemExit(128 + signum)


def _interrupted(signum: int, frame: FrameType | None) -> None:
    if _in_ignoring_callback(frame):
        _later(signum, _interrupted)
        return
    raise KeyboardInterrupt


def _in_ignoring_callback(frame: FrameType | None) -> bool:
    """Whether an exception raised now would be printed and dropped ("Exception ignored in"):
    inside a weakref callback of the import machinery (a module lock's ``cb``, run while
    modules are imported), a ``__del__`` or a callback that ``os.fork`` runs (logging's, which
    take and release its lock around every fork: a worker's start); or wrapped in another
    (Python 3.11 turns one raised in a ``__set_name__``, which every dataclass field with a
    default runs as its class is made on import, into a RuntimeError and a traceback). A
    signal that lands there must not be lost."""
    while frame is not None:
        code = frame.f_code
        if (
            code.co_name in ("__del__", "__set_name__")
            or (code.co_name == "cb" and "importlib._bootstrap" in code.co_filename)
            or (code.co_name in _AT_FORK and os.path.basename(os.path.dirname(code.co_filename)) == "logging")
        ):
            return True
        frame = frame.f_back
    return False


# What logging registers with os.register_at_fork (Python 3.11 to 3.13).
_AT_FORK = ("_acquireLock", "_releaseLock", "_prepareFork", "_afterFork", "_after_at_fork_child_reinit_locks")


def _later(signum: int, handler: Any) -> None:
    """Deliver ``signum``'s exception a moment later, back in ordinary code."""
    signal.signal(signal.SIGALRM, lambda _alarm, frame: handler(signum, frame))
    signal.setitimer(signal.ITIMER_REAL, 0.01)
