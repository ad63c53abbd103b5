"""The command line: a thin layer that parses options, calls the core (advisor/api.py: plans
are reviewed only through it), renders the result and maps its status to an exit code (0
clean, 1 findings at or above the fail level, 2 usage or input error). Each command lives in
its own module and is imported only when it runs, so that ``advisor --version`` starts as fast
as Python does.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import importlib
import os
import sys
import types
from typing import Any

import click

from advisor import __version__

# Pydantic scans every installed distribution's entry points for plugins the first time a model
# is built (~15 ms of a cold `advisor check`); the command line uses none. Set here, in the
# entry point only, so that a program importing the library keeps its own plugins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")


def _skip_plugin_loader() -> None:
    """Even with plugins disabled, building the first model imports Pydantic's plugin loader
    only to read that variable, and the loader imports importlib.metadata and the email
    package with it (~30 ms, a tenth of a cold check). While plugins are disabled, stand in for
    that private module with its one function, answering as it would: no plugins. Any other
    name asked of it loads the real module, so a Pydantic that changes the module still works.
    """
    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("1", "true", "__all__") or name in sys.modules:
        return
    stand_in = types.ModuleType(name)

    def get_plugins() -> tuple[()]:
        return ()

    def real(attr: str) -> Any:
        if attr.startswith("__"):  # the import system probing (__path__, ...): a plain module
            raise AttributeError(attr)
        sys.modules.pop(name, None)
        return getattr(importlib.import_module(name), attr)

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = real  # type: ignore[method-assign]
    sys.modules[name] = stand_in


_skip_plugin_loader()

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("advisor.cli.check", "Review plan files and report findings with recommendations."),
    "validate": ("advisor.cli.check", "Check that plan files are well-formed, without reviewing them."),
    "init": ("advisor.cli.init", "Print a commented plan template to fill in."),
    "batch": ("advisor.cli.batch", "Review every plan in folders, in parallel, with a summary."),
    "rules": ("advisor.cli.rules_cmd", "List the rule catalogue: id, name, severity, summary, sources."),
    "explain": ("advisor.cli.explain", "Explain a rule: what it checks, why, a bad and a fixed example."),
    "schema": ("advisor.cli.schema", "Print the JSON Schema of the plan format, for editors."),
    "diff": ("advisor.cli.diff", "Compare two revisions of a plan: what was fixed, what is new."),
    "exercise": ("advisor.cli.exercise", "Training: diagnose a flawed plan and get your answer scored."),
    "convert": ("advisor.cli.convert", "Convert a plan between YAML, JSON and an Excel workbook."),
}


class LazyGroup(click.Group):
    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        from advisor.cli.click_lang import click_messages, lang_of

        argv = list(sys.argv[1:] if args is None else args)
        # A command run builds its objects once and keeps them to the end: the cyclic collector's
        # passes only cost time (about 25 ms of a cold `check` with the teardown's). Paused for the
        # run and, when this is the program (not a caller passing arguments, such as a test),
        # everything frozen before exit so that a teardown's collection skips it (the program
        # skips the teardown itself where it can: advisor/__main__.py). Batch workers collect
        # again between plans (advisor/batch.py).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            with click_messages(lang_of(argv)):
                return super().main(argv, *rest, **kwargs)
        finally:
            if args is None:
                gc.freeze()
            if was_enabled:
                gc.enable()

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        # Click says only "No such command"; a mistyped `advisor chek` deserves a suggestion.
        name = args[0] if args else ""
        if name in COMMANDS or name.startswith("-"):
            return super().resolve_command(ctx, args)
        import difflib

        import click.exceptions

        # Click's own lookups, which advisor/cli/click_lang.py replaces in Indonesian.
        lookup = getattr(click.exceptions, "_")  # noqa: B009 (not exported, replaced at run time)
        message = lookup("No such command {name!r}.").format(name=name)
        close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
        if close:
            plural = getattr(click.exceptions, "ngettext")  # noqa: B009
            hint = plural("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
            message += " " + hint.format(possibility=f"`{close[0]}`")
        ctx.fail(message)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command: click.Command = getattr(module, cmd_name.replace("-", "_"))
        return command

    def invoke(self, ctx: click.Context) -> Any:
        # Here rather than in click's main(), which turns Ctrl-C into "Aborted!" and exit 1 and
        # a full or closed standard output into a traceback.
        from advisor.signals import exit_codes_for_signals

        try:
            with exit_codes_for_signals():
                try:
                    return super().invoke(ctx)
                finally:
                    sys.stdout.flush()  # here, where a failure can still be reported
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            _stdout_failed(exc)
        except Exception as exc:
            # A knowledge file edited into a mistake: its one line (file:line:col: key: reason)
            # and exit 2, as for a broken plan. Looked up, not imported: `advisor --help` stays light.
            knowledge = sys.modules.get("advisor.knowledge")
            if knowledge is None or not isinstance(exc, knowledge.KnowledgeError):
                raise
            click.echo(str(exc), err=True)
            ctx.exit(2)

    def format_commands(self, ctx: click.Context, formatter: Any) -> None:
        # Help text from the table, so that `advisor --help` imports no command module.
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


_OUTPUT_ERRNOS = {errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EBADF, errno.EFBIG}


def _stdout_failed(exc: OSError) -> None:
    """Standard output refused the report (a full disk, /dev/full, a closed pipe): one line on
    standard error, exit 2, and nothing more sent there (Python would retry at exit)."""
    from advisor.texts import error_text

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    argv = sys.argv
    lang = argv[argv.index("--lang") + 1] if "--lang" in argv[:-1] else "id"
    reason = exc.strerror or str(exc)
    with contextlib.suppress(OSError):
        click.echo(
            error_text("stdout_unwritable", lang if lang in ("id", "en") else "id", {"reason": reason}), err=True
        )
    raise SystemExit(2)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
def main() -> None:
    """Pentahelix Advisor: review a cooperation plan (rencana kerja sama) against pentahelix and
    collaborative-governance knowledge, and get concrete recommendations."""
