"""The pure core: a plan file and settings in, a :class:`Review` out.

file --load--> Document --validate--> ValidatedPlan --extract--> facts
     --engine--> firings --here--> findings --assess--> Review
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rules
from advisor import assess
from advisor.engine import Firing, engine_for
from advisor.facts import extract
from advisor.findings import Finding, Review
from advisor.loader import DEFAULT_MAX_BYTES, load_file
from advisor.problems import parse_path
from advisor.validate import ValidatedPlan, validate_document
from rules.base import SEVERITY_RANK


@dataclass(frozen=True)
class Settings:
    """Everything a review depends on besides the plan; built by the CLI or a caller."""

    lang: str | None = None
    min_severity: str = "info"
    max_bytes: int = DEFAULT_MAX_BYTES


DEFAULT_SETTINGS = Settings()


def load_plan(path: str | Path, settings: Settings = DEFAULT_SETTINGS, display: str | None = None) -> ValidatedPlan:
    """Read and validate one plan; raises :class:`advisor.problems.InputError`."""
    doc = load_file(path, display, settings.max_bytes)
    return validate_document(doc, settings.lang or "id")


def review_file(path: str | Path, settings: Settings = DEFAULT_SETTINGS, display: str | None = None) -> Review:
    return review_plan(load_plan(path, settings, display), settings)


def review_plan(vplan: ValidatedPlan, settings: Settings = DEFAULT_SETTINGS) -> Review:
    firings = engine_for(rules.all_rules()).evaluate(extract(vplan))
    findings = _findings(vplan, firings)
    verdict = assess.verdict(findings)
    shown = tuple(f for f in findings if SEVERITY_RANK[f.severity] <= SEVERITY_RANK[settings.min_severity])
    return Review(
        file=vplan.file,
        title=vplan.plan.title,
        plan_language=vplan.plan.language,
        findings=shown,
        verdict=verdict,
    )


def _findings(vplan: ValidatedPlan, firings: list[Firing]) -> tuple[Finding, ...]:
    reported = [f for f in firings if f.rule.report]
    by_rule: dict[str, list[str]] = {}
    for firing in reported:
        by_rule.setdefault(firing.rule.id, []).append(f"{firing.rule.id}:{firing.subject['id']}")
    out = []
    for firing in reported:
        rule, subject = firing.rule, firing.subject
        line, col = vplan.position(parse_path(subject.get("path", "")))
        out.append(
            Finding(
                rule_id=rule.id,
                severity=rule.severity,
                family=rule.family,
                step=rule.step,
                path=subject.get("path", ""),
                line=line,
                col=col,
                subject=subject["id"],
                evidence=str(subject.get("evidence", "")),
                params=tuple((p, subject.get(p, "")) for p in rule.params),
                sources=rule.sources,
                based_on=_based_on(firing, by_rule),
                facts=_matched(firing),
            )
        )
    return tuple(sorted(out, key=Finding.sort_key))


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
            keys.append(f"{source}:{fact['id'].split(':', 1)[1]}")
    return tuple(sorted(set(keys)))
