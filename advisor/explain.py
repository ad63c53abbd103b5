"""Why a rule exists and why it fired.

``explanation(rule_id, lang)`` gathers what a rule checks, why it matters, a bad and a fixed
example and its sources. The examples are the rule's own test cases (``knowledge/cases``: the
first ``fires`` case and the first ``passes`` case), reviewed here by the real engine, so
what is shown cannot drift from what the rule does.

``trace(finding, review)`` is the reasoning behind one finding for
``advisor check --explain``: the facts the rule's conditions tested and, for a derived
conclusion, the findings it was drawn from, down the chain.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import yaml

from advisor import knowledge, rules
from advisor.findings import Finding, Outcome, Review, Trace, TracedFact, TracedSource
from advisor.loader import parse_text
from advisor.plan_keys import with_indonesian_keys
from advisor.review import review_plan
from advisor.rule_lookup import find_rule, neutral
from advisor.rule_reads import tested_attributes
from advisor.rules.base import Rule
from advisor.texts import step_name, ui
from advisor.validate import validate_document

WIDTH = 88


@dataclass(frozen=True)
class Example:
    """A rule's test case as an example: its plan written out in full and the rule's findings on it."""

    case: str  # test id, ``<RULE>_<case>``: ``pytest -k`` runs it
    yaml: str
    findings: tuple[Finding, ...]  # this rule's findings on the example


@dataclass(frozen=True)
class OptionShown:
    """An option the rule reads (a team sets it in ``advisor.toml``), with its default and the
    other rules that read it."""

    name: str
    type: str
    default: float | int
    also: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Everything ``advisor explain`` shows of a rule, in one language: its texts, options and sources,
    and a plan that fires it (``bad``) with its fix (``fixed``); either is None when the rule's
    cases have none."""

    rule: Rule
    title: str
    checks: str
    trigger: str  # what in a plan fires the rule and what does not; "" when not written
    options: tuple[OptionShown, ...]
    why: str
    recommendation: str
    step: str
    sources: tuple[tuple[str, str], ...]  # (key, full citation)
    bad: Example | None
    fixed: Example | None


class _NoAnchors(yaml.SafeDumper):
    """The cases share sections (`<<: *plan`); an example written out in full reads better than
    one with `&id001` and `*id001` in it."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(plan: Any) -> str:
    return yaml.dump(plan, Dumper=_NoAnchors, allow_unicode=True, sort_keys=False, width=WIDTH)


@cache
def _reviewed(rule_id: str, case: str, text: str) -> tuple[Finding, ...]:
    vplan = validate_document(parse_text(text, f"{case}.yaml"))
    return tuple(f for f in review_plan(vplan).findings if f.rule_id == rule_id)


@cache
def _cases(rule_id: str) -> dict[str, Any]:
    path = knowledge.knowledge_path("cases", f"{rule_id}.yaml")
    if not path.exists():
        return {}
    return dict(knowledge.checked_data(f"cases/{rule_id}.yaml")["cases"])


def _example(rule_id: str, expect: str, lang: str = "en") -> Example | None:
    """The rule's first case with that outcome, written with the keys of the report's language."""
    for name, case in _cases(rule_id).items():
        if case.get("expect") == expect:
            text = _dump(with_indonesian_keys(case["plan"]) if lang == "id" else case["plan"])
            return Example(f"{rule_id}_{name}", text, _reviewed(rule_id, name, text))
    return None


def explanation(rule_id: str, lang: str) -> Explanation:
    """Raises :class:`advisor.catalogue.UnknownRule` for an id that names no rule."""
    rule = find_rule(rule_id)
    texts = knowledge.rule_texts().get(rule.id)
    bad, fixed = _example(rule.id, "fires", lang), _example(rule.id, "passes", lang)
    shown = bad.findings[0] if bad and bad.findings else None
    citations = knowledge.sources()
    return Explanation(
        rule=rule,
        title=neutral(texts.title.get(lang), lang) if texts else rule.name,
        checks=neutral(texts.message.get(lang), lang) if texts else "",
        trigger=texts.trigger.get(lang) if texts and texts.trigger else "",
        options=_options(rule),
        why=texts.why.get(lang) if texts and texts.why else ui("no_why", lang),
        recommendation=(
            shown.text("recommendation", lang)
            if shown
            else neutral(texts.recommendation.get(lang), lang)
            if texts
            else ""
        ),
        step=step_name(rule.step, lang),
        sources=tuple((key, citations[key].cited(lang) if key in citations else key) for key in rule.sources),
        bad=bad,
        fixed=fixed,
    )


def _options(rule: Rule) -> tuple[OptionShown, ...]:
    declared = rules.options()
    return tuple(
        OptionShown(
            option.name,
            option.type,
            declared[option.name].default,
            tuple(r for r in declared[option.name].rules if r != rule.id),
        )
        for option in rule.all_options
    )


# --- the reasoning behind one finding (check --explain) --------------------------------------


# The evidence of the text readings that facts carry (advisor/facts/schema.py): the decisive
# words, the reason code, whether a reading was inferred, who decides.
READING_ATTRIBUTES = (
    "vague_evidence",
    "vague_reason",
    "direction_words",
    "direction_reason",
    "direction_inferred",
    "direction_judged",
    "direction_bound_words",
    "measurability",
    "measurability_words",
    "quantified_words",
    "style_words",
    "style_reason",
    "decider",
    "matched_words",
    "problems_words",
    "assets_words",
    "sovereignty_words",
    "mutual_benefit_words",
)


def trace(finding: Finding, review: Review, depth: int = 0) -> Trace:
    """The facts behind ``finding`` and, for derived conclusions, the findings behind those."""
    tested = tested_attributes(finding.rule_id) if finding.rule_id in rules.by_id() else {}
    facts = []
    for alias, items in finding.facts:
        fact = dict(items)
        facts.append(
            TracedFact(
                name=fact.get("id", alias),
                source_rule=fact.get("source_rule") or None,
                path=fact.get("path") or None,
                tested=tuple((a, fact[a]) for a in tested.get(alias, ()) if a in fact),
                readings=tuple((a, fact[a]) for a in READING_ATTRIBUTES if fact.get(a) not in (None, "")),
            )
        )
    by_key = {f.key: f for f in review.findings}
    sources = []
    for key in finding.based_on:
        source = by_key.get(key)
        # chains are short; the bound only guards against a cycle
        below = trace(source, review, depth + 1) if source is not None and depth < 5 else None
        sources.append(TracedSource(key, source, below))
    return Trace(tuple(facts), tuple(sources))


def traced(outcome: Outcome) -> Outcome:
    """``outcome`` with each finding's :attr:`Finding.trace` made, for ``check --explain``."""
    reviews = tuple(
        replace(review, findings=tuple(replace(f, trace=trace(f, review)) for f in review.findings))
        for review in outcome.reviews
    )
    return replace(outcome, reviews=reviews)
