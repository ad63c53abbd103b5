"""One line per finding, as compilers and linters print them (``file:line:col: severity RULE
message``; ``file:Sheet!C5:`` in a workbook), for editors' problem matchers, grep and ``wc -l``.
The severity word stays in English (``error``, ``warning``, ``info``) because tools parse it;
the message is in the report language. Suppressed findings are left out, as ruff leaves out
``noqa``; a file that could not be read gives one ``error`` line per problem, its code in place of a rule id."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.findings import Failure, Outcome, Review
from advisor.render import review_lang
from advisor.render.frame import Frame, compose, parts_of
from advisor.render.problem import render as render_problem
from advisor.render.safe import terminal


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    return compose(frame(outcome.failures, lang), parts_of(outcome, "compact", lang, render_part))


def render_part(review: Review, lang: str) -> str:
    """One review's part of the report, a line per active finding (a batch worker renders it)."""
    lines = []
    for f in sorted(review.findings, key=lambda f: (f.line, f.col, f.sort_key())):
        if f.suppressed is None:
            lines.append(
                f"{f.where(terminal(review.file))}: {f.severity} {f.rule_id} " + terminal(f.text("message", lang), 1000)
            )
    return "".join(line + "\n" for line in lines)


def frame(failures: Sequence[Failure], lang: str | None) -> Frame:
    """Nothing around the parts; after them, an error line per problem of each file that could not be read."""
    lines = []
    for failure in failures:
        flang = review_lang(lang, failure.lang)
        for p in failure.problems:
            lines.append(
                f"{terminal(failure.file)}:{p.line or 1}:{p.col or 1}: error {p.code} "
                + terminal(render_problem(p, flang), 1000)
            )
    tail = "".join(line + "\n" for line in lines)
    return Frame("", "", tail, tail)
