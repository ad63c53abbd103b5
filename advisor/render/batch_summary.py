"""The summary of a batch (``advisor batch`` on a terminal): plans checked, verdicts, the plans
needing attention, the most common gaps, the files that failed and the files passed over."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.findings import Digest, GapTally, Outcome, Tally, active_pairs
from advisor.render.problem import render as render_problem
from advisor.render.report_data import rank_tally
from advisor.render.safe import terminal
from advisor.terminal import one_line
from advisor.texts import label, ui

if TYPE_CHECKING:  # the model's types only: the summary never walks folders or reviews
    from advisor.batch import Skipped


def skipped_line(skipped: Skipped, lang: str) -> str:
    """A file passed over, and why, on one line."""
    return one_line(f"{skipped.display}: {ui('skip_' + skipped.reason, lang, **dict(skipped.params))}")


_VERDICTS = ("ready", "needs_revision", "not_ready")
_RANK = {"not_ready": 0, "needs_revision": 1, "ready": 2}


def render(
    outcome: Outcome | Tally,
    skipped: Sequence[Skipped],
    lang: str,
    top: int = 5,
    max_skipped: int = 20,  # files listed under failed and under skipped
    baseline: bool = False,
) -> str:
    """Plans checked, verdicts, failed files, the most common findings, the worst plans. With a
    ``baseline``, the plans needing attention are those with new findings, most new first. A
    streamed batch hands in its :class:`~advisor.findings.Tally` (a digest per review, the gaps
    counted as they came); a whole outcome is digested here the same way."""
    if isinstance(outcome, Tally):
        reviews, gap_tally = list(outcome.reviews), outcome.gaps
    else:
        reviews, gap_tally = [Digest.of(r) for r in outcome.reviews], GapTally()
        for review in outcome.reviews:
            gap_tally.add(active_pairs(review))
    verdicts = Counter(r.verdict for r in reviews)
    lines = [
        ui(
            "batch_checked",
            lang,
            count=len(reviews) + len(outcome.failures),
            reviewed=len(reviews),
            failed=len(outcome.failures),
            skipped=len(skipped),
        ),
        "  " + "  ·  ".join(f"{label('verdict', v, lang)}: {verdicts.get(v, 0)}" for v in _VERDICTS),
    ]
    suppressed = sum(r.suppressed for r in reviews)
    baselined = sum(r.baselined for r in reviews)
    notices = sum(r.notices for r in reviews)
    if suppressed or baselined or notices:
        lines.append("  " + ui("batch_hidden", lang, suppressed=suppressed, baselined=baselined, notices=notices))
    # The plans needing attention first (a head of section acts on them), then the common gaps
    # and the files that failed. A baseline leaves findings out of the counts but not out of the
    # verdict: a listed plan says how many of its findings the baseline holds.

    def new_first(r: Digest) -> tuple[int, int, int, int, str]:
        return (-r.errors, -r.warnings, -r.infos, _RANK[r.verdict], r.file)

    def verdict_first(r: Digest) -> tuple[int, int, int, int, int, str]:
        return (_RANK[r.verdict], -r.errors, -r.warnings, -r.infos, -r.baselined, r.file)

    if baseline:  # what changed is what needs attention: a plan with nothing new is not listed
        worst = sorted((r for r in reviews if r.worst), key=new_first)[:top]
    else:
        worst = sorted((r for r in reviews if r.verdict != "ready" or r.worst), key=verdict_first)[:top]
    if worst:
        lines += ["", ui("batch_worst", lang)]
        for r in worst:
            found = ui("findings_count", lang, errors=r.errors, warnings=r.warnings, infos=r.infos)
            if r.baselined:
                found += "; " + ui("batch_plan_baselined", lang, count=r.baselined)
            lines.append(f"  {terminal(r.file)}: {label('verdict', r.verdict, lang)} ({found})")
    # A gap is a rule, counted once per plan and once per finding, under its neutral title: a
    # filled title names one partner or pillar, and would split one rule into many lines.
    gaps = rank_tally(gap_tally, lang, top)
    if gaps:
        lines += ["", ui("batch_common", lang)]
        for gap in gaps:
            count = ui("batch_in_plans", lang, plans=gap.plans, findings=gap.findings)
            lines.append(f"  {gap.rule_id}  {terminal(gap.title)}  ({count})")
    if outcome.failures:
        # As many as the skipped files: a head of section reads the first ones, the report
        # (or `advisor validate`) has them all.
        lines += ["", ui("batch_failed", lang)]
        for failure in outcome.failures[:max_skipped]:
            first = render_problem(failure.problems[0], lang) if failure.problems else failure.file
            more = len(failure.problems) - 1
            lines.append(f"  {terminal(first)}" + (f" ({ui('batch_more_problems', lang, count=more)})" if more else ""))
        if len(outcome.failures) > max_skipped:
            lines.append("  " + ui("batch_more", lang, count=len(outcome.failures) - max_skipped))
    if skipped:
        lines += ["", ui("batch_skipped", lang)]
        lines += [f"  {terminal(skipped_line(s, lang))}" for s in skipped[:max_skipped]]
        if len(skipped) > max_skipped:
            lines.append("  " + ui("batch_more", lang, count=len(skipped) - max_skipped))
    return "\n".join(lines) + "\n"
