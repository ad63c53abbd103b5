"""The exercise screens (``advisor exercise``): the plan to diagnose, the list of exercises,
the numbered rule list to choose from, and the trainee's result against the engine's findings."""

from __future__ import annotations

from pathlib import Path

from advisor import rules
from advisor.catalogue import summary
from advisor.exercise import Score, choices
from advisor.findings import Finding, Review
from advisor.render.safe import terminal
from advisor.terminal import display_name, one_line
from advisor.texts import label, ui


def render_plan(path: Path, text: str, lang: str) -> str:
    """The plan the trainee diagnoses, its lines numbered as the findings will name them."""
    lines = [one_line(ui("exercise_intro", lang, file=display_name(path.name))), ""]
    lines += [f"{n:>4} | {terminal(line, 200)}" for n, line in enumerate(text.splitlines(), 1)]
    return "\n".join(lines) + "\n"


def render_list(names: tuple[str, ...]) -> str:
    """The exercise plans by name, one a line (:func:`advisor.exercise.names`)."""
    return "".join(name + "\n" for name in names)


def render_choices(lang: str) -> str:
    """The rules a trainee chooses from, numbered by family: the numbers the trainee types."""
    lines = [ui("exercise_catalogue", lang)]
    family = None
    for number, rule_id in enumerate(choices(), 1):
        rule = rules.get(rule_id)
        if rule.family != family:
            family = rule.family
            lines.append(f"  {label('family', family, lang)}")
        lines.append(f"  {number:>3}. {rule.id}  {summary(rule, lang)}")
    return "\n".join(lines) + "\n"


def _first(review: Review, rule_id: str) -> list[Finding]:
    return [f for f in review.active() if f.rule_id == rule_id]


def render_result(result: Score, review: Review, lang: str) -> str:
    """The trainee's score, then the rules found, missed (with the engine's finding, why and what to
    do), minor and named wrongly."""
    lines = [
        ui(
            "exercise_score",
            lang,
            hits=len(result.hits),
            expected=len(result.expected),
            false_alarms=len(result.false_alarms),
        ),
        "",
    ]
    if result.hits:
        lines.append(ui("exercise_hits", lang))
        named_as = {expected: answer for answer, expected in result.near}
        for r in result.hits:
            line = f"  ✓ {r}  {terminal(_first(review, r)[0].text('title', lang))}"
            if r in named_as:
                line += "  " + ui("exercise_named_as", lang, answer=named_as[r])
            lines.append(line)
        lines.append("")
    if result.misses:
        lines.append(ui("exercise_misses", lang))
        for rule_id in result.misses:
            found = _first(review, rule_id)
            lines.append(f"  ✗ {rule_id}  {terminal(found[0].text('title', lang))}")
            for f in found:
                lines.append(f"      {ui('line', lang)} {f.line}" + (f" ({f.path})" if f.path else ""))
            lines.append(f"      {terminal(found[0].text('message', lang))}")
            lines.append(f"      {ui('why', lang)}: {found[0].text('why', lang)}")
            lines.append(f"      → {terminal(found[0].text('recommendation', lang))}")
        lines.append("")
    if result.minor:
        lines.append(ui("exercise_minor", lang))
        lines += [f"  · {r}  {summary(rules.get(r), lang)}" for r in result.minor]
        lines.append("")
    if result.false_alarms:
        lines.append(ui("exercise_false_alarms", lang))
        lines += [f"  ? {r}  {summary(rules.get(r), lang)}" for r in result.false_alarms]
        lines.append("")
    if not result.misses and not result.false_alarms:
        lines += [ui("exercise_perfect", lang), ""]
    lines.append(ui("exercise_more", lang))
    return "\n".join(lines) + "\n"
