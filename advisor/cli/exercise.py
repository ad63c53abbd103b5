"""``advisor exercise``: a trainee diagnoses a flawed plan; the answer is scored against the
engine's findings. Interactive in a plain terminal, or non-interactive with ``--answers``."""

from __future__ import annotations

from pathlib import Path

import click

from advisor import api
from advisor import exercise as library
from advisor.cli.common import EXIT_CLEAN, EXIT_INPUT, LANGS, SEVERITIES
from advisor.problems import InputError
from advisor.render import view
from advisor.settings import Settings
from advisor.terminal import display_name, one_line
from advisor.texts import ui


@click.command()
@click.option("--plan", "plan_path", type=click.Path(path_type=Path), help="Use this plan instead of picking one.")
@click.option(
    "--folder",
    type=click.Path(path_type=Path),
    default=library.EXERCISES_DIR,
    show_default="knowledge/exercises",
    help="Pick a plan from this folder (a trainer drops plans here).",
)
@click.option("--seed", type=int, help="Pick the same plan every time for this number.")
@click.option("--answers", help="Rule ids (or catalogue numbers) the trainee names, e.g. PH001,RL002; no prompt.")
@click.option("--lang", type=LANGS, default="id", show_default=True)
@click.option(
    "--min-severity",
    type=SEVERITIES,
    default="warning",
    show_default=True,
    help="Problems the trainee is expected to find.",
)
@click.option("--list", "list_only", is_flag=True, help="List the exercise plans by name and stop.")
@click.option("--rules", "rules_only", is_flag=True, help="Print the numbered rule list to choose from, and stop.")
def exercise(
    plan_path: Path | None,
    folder: Path,
    seed: int | None,
    answers: str | None,
    lang: str,
    min_severity: str,
    list_only: bool,
    rules_only: bool,
) -> None:
    """Diagnose a flawed plan and compare your answer with the advisor's findings."""
    if list_only:
        click.echo(view("exercise-list")(library.names(folder)), nl=False)
        raise SystemExit(EXIT_CLEAN)
    if rules_only:
        click.echo(view("exercise-choices")(lang), nl=False)
        raise SystemExit(EXIT_CLEAN)
    if plan_path is not None and not plan_path.exists() and (folder / plan_path).is_file():
        plan_path = folder / plan_path  # a name as --list prints it
    if plan_path is None:
        try:
            plan_path = library.pick(folder, seed)
        except library.NoExercises:
            click.echo(one_line(ui("exercise_none", lang, folder=display_name(folder))), err=True)
            raise SystemExit(EXIT_INPUT) from None
    try:
        # Reviewed in a worker process, as `check` reviews: a crash in the rule engine is one
        # clear line, not a traceback in the middle of a training session.
        review = api.review(plan_path, Settings(lang=lang))
        text = library.plan_text(plan_path, lang)
    except InputError as err:
        for problem in err.problems:
            click.echo(view("problem")(problem, lang), err=True)
        raise SystemExit(EXIT_INPUT) from None
    click.echo(view("exercise-plan")(plan_path, text, lang))
    if answers is not None:
        # One unknown code costs only that code: the trainee's other answers are scored.
        chosen, unknown = library.parse_answer(answers)
        if unknown:
            click.echo(one_line(ui("exercise_unknown", lang, tokens=", ".join(unknown))), err=True)
    else:
        chosen = _ask(lang)
    click.echo("")
    click.echo(view("exercise-result")(library.score(chosen, review, min_severity), review, lang), nl=False)
    raise SystemExit(EXIT_CLEAN)


_SHOW_RULES = ("?", "daftar", "list", "rules", "aturan")


def _ask(lang: str) -> tuple[str, ...]:
    """Prompt for the problems seen; ``?`` shows the rule list (through a pager, so that on an
    80x24 terminal it never pushes the plan off the screen). An unknown code is named and
    dropped, the rest kept; an empty answer means "no problems"."""
    click.echo(ui("exercise_rules_hint", lang))
    while True:
        reply = click.prompt(ui("exercise_prompt", lang), default="", show_default=False)
        if reply.strip().lower() in _SHOW_RULES:
            click.echo_via_pager(view("exercise-choices")(lang))
            continue
        chosen, unknown = library.parse_answer(reply)
        if unknown:
            click.echo(one_line(ui("exercise_unknown", lang, tokens=", ".join(unknown))))
            if not chosen:
                continue
        return chosen
