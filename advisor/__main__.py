"""``python -m advisor`` and the ``advisor`` command."""

import os
import sys


def run() -> None:
    # Signals first, before the command line is imported: a Ctrl-C or SIGTERM during start-up
    # then ends with 130 or 143 like one during the run (advisor/signals.py). A Ctrl-C while
    # that small module itself is imported ends the same way.
    try:
        from advisor.signals import handle_signals
    except KeyboardInterrupt:
        raise SystemExit(130) from None

    handle_signals()
    from advisor.cli import main

    try:
        main()
    except SystemExit as done:
        _end_now(done.code)
        raise


def _end_now(code: object) -> None:
    """End the process with the command's exit code, skipping the interpreter's teardown:
    freeing every module and object one by one took 15-18 ms of CPU of a cold `advisor check`
    (a twentieth of it), none of it the command's work. When the command returns, its work is
    done: reports written and renamed, workers joined, temporary files closed, so the exit
    handlers left (multiprocessing's, logging's, weakref finalizers) have nothing to do. The
    output is flushed first. A code that is not a number (a message Python prints), output that
    cannot be flushed, or a profiler, tracer or debugger following the program (it reports when
    the program ends: `pyinstrument -m advisor`, coverage) takes Python's own exit, as before."""
    if (code is not None and not isinstance(code, int)) or _watched():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)


def _watched() -> bool:
    monitoring = getattr(sys, "monitoring", None)  # Python 3.12's tool slots (coverage uses one)
    tools = monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))
    return sys.getprofile() is not None or sys.gettrace() is not None or tools


if __name__ == "__main__":
    run()
