"""The pure core: a plan file and settings in, a :class:`Review` out.

file --load--> Document --validate--> ValidatedPlan --extract--> facts
     --engine--> firings --here--> findings --assess--> Review
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from advisor import assess, collector, rules
from advisor.engine import Firing, engine_for
from advisor.facts import extract
from advisor.facts.notices import number_notices
from advisor.findings import Failure, Finding, Review
from advisor.knowledge import thresholds_overridden
from advisor.loader import nearest
from advisor.problems import InputError, Problem, format_path, parse_path
from advisor.rules.base import SEVERITY_RANK

# Settings live in advisor/settings.py; named here too for callers written before the move.
from advisor.settings import DEFAULT_SETTINGS as DEFAULT_SETTINGS
from advisor.settings import Settings as Settings
from advisor.sources.place import SheetMap
from advisor.sources.registry import read_plan
from advisor.suppress import apply_suppressions
from advisor.validate import ValidatedPlan, validate_document

# The rule that recognises an unfilled `advisor init` template (rules/steps.py).
UNFILLED_TEMPLATE = "ST015"


def load_plan(path: str | Path, settings: Settings = DEFAULT_SETTINGS, display: str | None = None) -> ValidatedPlan:
    """Read and validate one plan; raises :class:`advisor.problems.InputError`."""
    doc = read_plan(path, display, settings.max_bytes)
    try:
        return validate_document(doc, settings.lang or "id")
    except InputError as err:
        raise InputError(placed(err.problems, doc.sheets), declared_language(doc.data)) from None


def placed(problems: list[Problem], sheets: SheetMap | None) -> list[Problem]:
    """Problems of a workbook with their sheet and cell (validation places by virtual line)."""
    if sheets is None:
        return problems
    out = []
    for problem in problems:
        if problem.sheet is None and problem.line is not None:
            where = sheets.place(problem.file, problem.line, problem.col)
            problem = replace(problem, sheet=where.sheet, cell=where.cell)
        out.append(problem)
    return out


def declared_language(data: Any) -> str | None:
    """The plan's own ``language`` (or ``bahasa``) when it is one we speak, for its messages."""
    if isinstance(data, dict):
        value = data.get("language", data.get("bahasa"))
        if isinstance(value, str) and value.strip().lower() in ("id", "en"):
            return value.strip().lower()
    return None


def review_file(path: str | Path, settings: Settings = DEFAULT_SETTINGS, display: str | None = None) -> Review:
    with collector.paused():  # see advisor/collector.py
        return review_plan(load_plan(path, settings, display), settings)


def prepare(settings: Settings = DEFAULT_SETTINGS) -> None:
    """Register the rules for these settings now, on this thread (a batch worker's start)."""
    engine_for(rules.all_rules(), settings.thresholds)


def review_plan(vplan: ValidatedPlan, settings: Settings = DEFAULT_SETTINGS) -> Review:
    with thresholds_overridden(settings.thresholds):
        facts = extract(vplan)
        firings = engine_for(rules.all_rules(), settings.thresholds).evaluate(facts)
        findings = _findings(vplan, firings, settings.keep_facts)
        if settings.severity:  # overridden severities change the order too
            findings = tuple(sorted((_with_severity(f, settings) for f in findings), key=Finding.sort_key))
        # Suppressions are matched before selection, so that a suppression of a rule the team
        # config ignores is not reported as unused.
        notices: tuple[Problem, ...] = vplan.notes
        if settings.suppress:
            findings, unused = apply_suppressions(findings, vplan)
            notices += unused
        notices += number_notices(vplan)
        findings = tuple(f for f in findings if settings.selected(f.rule_id, f.family))
        unfilled = tuple(f for f in findings if f.rule_id == UNFILLED_TEMPLATE and f.suppressed is None)
        if unfilled:
            # An `advisor init` template sent in as it was printed: every other finding would
            # be about its placeholders, and scores of 100 for sections full of <...> mislead.
            # Only "fill it in" is said, and no score is given, until it is filled in.
            findings = unfilled
        verdict = assess.verdict(findings)
        scores = {} if unfilled else assess.scores(findings, facts)
    limit = SEVERITY_RANK[settings.min_severity]
    shown = tuple(f for f in findings if SEVERITY_RANK[f.severity] <= limit)
    hidden: dict[str, int] = {}
    for f in findings:
        if SEVERITY_RANK[f.severity] > limit and f.suppressed is None:
            hidden[f.severity] = hidden.get(f.severity, 0) + 1
    return Review(
        file=vplan.file,
        title=vplan.plan.title,
        plan_language=vplan.plan.language,
        findings=shown,
        verdict=verdict,
        scores=scores,
        notices=notices,
        hidden=tuple(sorted(hidden.items(), key=lambda kv: SEVERITY_RANK[kv[0]])),
        min_severity=settings.min_severity,
    )


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severity_of(finding.rule_id, finding.family, finding.severity)
    return finding if severity == finding.severity else replace(finding, severity=severity)


def _findings(vplan: ValidatedPlan, firings: list[Firing], keep_facts: bool = False) -> tuple[Finding, ...]:
    reported = [f for f in firings if f.rule.report]
    by_rule: dict[str, list[str]] = {}
    for firing in reported:
        by_rule.setdefault(firing.rule.id, []).append(f"{firing.rule.id}:{firing.subject['id']}")
    text_lines = vplan.text.splitlines() if vplan.sheets is None else []
    out = []
    for firing in reported:
        rule, subject = firing.rule, firing.subject
        # ``at="@attr"``: the place is in the subject's attribute (a plan-wide fact about one value)
        at = str(subject.get(rule.at[1:], "")) if rule.at.startswith("@") else rule.at
        path = subject.get("path", "") or _section(vplan, at)
        # A finding about the whole plan, or a section it lacks, is placed at the file's top,
        # as linters place a file-level finding: the title's line has nothing wrong with it.
        evidence = str(subject.get("evidence", ""))
        key = parse_path(path)
        line, col = _place(vplan, key, evidence, rule.params) if path else (1, 1)
        sheet = cell = None
        excerpt: tuple[str, ...] = ()
        if vplan.sheets is not None:
            where = vplan.sheets.place(vplan.file, line, col)
            # A whole-plan finding stands at the first sheet's top, which has no row to quote.
            sheet, cell, excerpt = where.sheet, where.cell, vplan.sheets.excerpt(line) if path else ()
        # A finding about the whole plan (no path) has no line of its own to quote.
        quoted = _around(text_lines, line) if path else ()
        out.append(
            Finding(
                rule_id=rule.id,
                severity=rule.severity_for(firing.facts),
                family=rule.family,
                step=rule.step,
                path=vplan.written(key) if path else "",
                line=line,
                col=col,
                subject=subject["id"],
                evidence=evidence,
                params=tuple((p, subject.get(p, "")) for p in rule.params),
                sources=rule.sources,
                based_on=_based_on(firing, by_rule),
                facts=_matched(firing) if keep_facts else (),
                sheet=sheet,
                cell=cell,
                excerpt=excerpt,
                lines=quoted,
                key_lang="id" if vplan.indonesian_keys else "en",
            )
        )
    return tuple(sorted(out, key=Finding.sort_key))


def _around(lines: list[str], line: int) -> tuple[tuple[int, str], ...]:
    """The numbered lines before, at and after ``line``; nothing for a line the text lacks."""
    if not 1 <= line <= len(lines):
        return ()
    return tuple((n, lines[n - 1]) for n in range(max(1, line - 1), min(len(lines), line + 1) + 1))


# Parameters that name the finding's subject rather than quote the field at fault.
_NAMING = frozenset({"id", "name"})


def _place(
    vplan: ValidatedPlan, key: tuple[str | int, ...], evidence: str, params: tuple[str, ...] = ()
) -> tuple[int, int]:
    """Where a finding is shown: its node's line; for a list of texts (responsibilities,
    channels) the first item the finding quotes; for a section whose field the finding's
    message quotes (``target_text``, ``due``) that field's line: an editor opens on the words
    at fault rather than on the block's first key."""
    node: Any = vplan.data
    for part in key:
        inside = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        node = node[part] if inside else None
    if isinstance(node, list) and evidence:
        for index, item in enumerate(node):
            if isinstance(item, str) and item.strip() and item.strip() in evidence and (*key, index) in vplan.positions:
                return vplan.positions[(*key, index)]
    if isinstance(node, dict):
        for param in params:
            field = param.removesuffix("_text")
            if field not in _NAMING and field in node and (*key, field) in vplan.positions:
                return vplan.positions[(*key, field)]
    return vplan.position(key)


def _section(vplan: ValidatedPlan, at: str) -> str:
    """The part of ``at`` the plan really has (``coordination.decision_making`` ->
    ``coordination`` when the key is missing, ``""`` when the section is)."""
    return format_path(nearest(parse_path(at), vplan.positions))


def _matched(firing: Firing) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """The matched facts as frozen data (lists made tuples), so findings stay hashable."""
    return tuple(
        (alias, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in fact.items())))
        for alias, fact in sorted(firing.facts.items())
    )


def _based_on(firing: Firing, by_rule: dict[str, list[str]]) -> tuple[str, ...]:
    """The findings a derived conclusion rests on: the one whose derived fact it matched, or,
    for a conclusion drawn from a count (``ordinal``), every finding of its source rules."""
    rule = firing.rule
    if not rule.based_on:
        return ()
    keys: list[str] = []
    for fact in firing.facts.values():
        source = fact.get("source_rule")
        if not source:
            continue
        if rule.aggregate:
            keys.extend(by_rule.get(source, []))
        else:
            keys.append(f"{source}:{fact['source_subject']}")
    return tuple(sorted(set(keys)))


def review_or_failure(
    path: str | Path, settings: Settings = DEFAULT_SETTINGS, display: str | None = None
) -> Review | Failure:
    """One file's review, or the reason it has none: ``check`` and ``batch`` never stop at a bad
    file and never show a traceback, even for a fault of our own (reported as such)."""
    shown = display or str(path)
    try:
        return review_file(path, settings, display=shown)
    except InputError as err:
        return Failure(shown, tuple(err.problems), lang=err.lang)
    except Exception as exc:  # an internal fault: one failed file, a clear message, the run goes on
        return Failure(shown, (Problem("review_failed", shown, params={"reason": repr(exc)}),))
