"""Why a rule exists and why it fired.

``explanation(rule_id, lang)`` gathers what a rule checks, why it matters, a bad and a fixed
example and its sources. The examples are the rule's own test cases (``knowledge/cases``: the
first ``fires`` case and the first ``passes`` case), reviewed here by the real engine, so
what is shown cannot drift from what the rule does.

``trace_lines(finding, review, lang)`` is the reasoning behind one finding for
``advisor check --explain``: the facts the rule's conditions tested and, for a derived
conclusion, the findings it was drawn from, down the chain.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from advisor import knowledge, rules
from advisor.catalogue import find_rule, neutral
from advisor.durable.lang import when_all
from advisor.findings import Finding, Review
from advisor.loader import parse_text
from advisor.plan_keys import with_indonesian_keys
from advisor.render.citations import short
from advisor.render.safe import terminal
from advisor.review import review_plan
from advisor.rules.base import Rule
from advisor.texts import label, ui
from advisor.validate import validate_document

WIDTH = 88


@dataclass(frozen=True)
class Example:
    case: str  # test id, ``<RULE>_<case>``: ``pytest -k`` runs it
    yaml: str
    findings: tuple[Finding, ...]  # this rule's findings on the example


@dataclass(frozen=True)
class Explanation:
    rule: Rule
    title: str
    checks: str
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
    step = knowledge.steps().get(rule.step)
    return Explanation(
        rule=rule,
        title=neutral(texts.title.get(lang)) if texts else rule.name,
        checks=neutral(texts.message.get(lang)) if texts else "",
        why=texts.why.get(lang) if texts and texts.why else ui("no_why", lang),
        recommendation=(
            shown.text("recommendation", lang) if shown else neutral(texts.recommendation.get(lang)) if texts else ""
        ),
        step=step.label.get(lang) if step else ui("step_other", lang),
        sources=tuple((key, citations[key].citation if key in citations else key) for key in rule.sources),
        bad=bad,
        fixed=fixed,
    )


def diff_lines(old: str, new: str) -> list[str]:
    """``new`` as a listing against ``old``: ``+`` added, ``-`` removed, two spaces kept."""
    a, b = old.splitlines(), new.splitlines()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [f"  {line}" for line in b[j1:j2]]
            continue
        out += [f"- {line}" for line in a[i1:i2]]
        out += [f"+ {line}" for line in b[j1:j2]]
    return out


# --- rendering -------------------------------------------------------------------------------


def _wrap(text: str, indent: str = "  ") -> list[str]:
    # No breaks at hyphens: "government-to-government" and ids like PH001_x stay whole.
    wrapped = textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False, break_long_words=False
    )
    return wrapped or [indent.rstrip()]


def _headline(ex: Explanation, lang: str) -> str:
    rule = ex.rule
    severity = label("severity", rule.severity, lang)
    lowered = sorted({label("severity", s, lang) for _, _, _, s in rule.severity_when})
    if lowered:  # e.g. IN010: an error on a stated direction, a warning on an inferred one
        severity += " " + ui("severity_varies", lang, severities=", ".join(lowered))
    line = (
        f"{ui('col_severity', lang)}: {severity} · "
        f"{ui('col_family', lang)}: {label('family', rule.family, lang)} · "
        f"{ui('step', lang)}: {ex.step}"
    )
    if rule.aliases:  # the ids of the rules merged into this one still find it
        line += f" · {ui('aliases', lang)}: {', '.join(rule.aliases)}"
    return line


def _finding_line(f: Finding, lang: str) -> str:
    place = f"{f.path}, " if f.path else ""
    return f"{f.text('title', lang)} ({place}{ui('line', lang)} {f.line})"


def render_text(ex: Explanation, lang: str) -> str:
    rule = ex.rule
    lines = [f"{rule.id}  {rule.name}", ex.title, _headline(ex, lang), ""]
    lines += [ui("checks", lang), *_wrap(ex.checks), ""]
    lines += [ui("why", lang), *_wrap(ex.why), ""]
    if rule.based_on:
        lines += [ui("chained", lang), *_wrap(", ".join(rule.based_on)), ""]
    if ex.bad:
        lines.append(ui("bad_example", lang, case=ex.bad.case))
        numbered = ex.bad.yaml.splitlines()
        lines += [f"  {n:>3} | {text}" for n, text in enumerate(numbered, 1)]
        for f in ex.bad.findings:
            lines += _wrap(f"→ {_finding_line(f, lang)}: {f.text('message', lang)}")
        lines.append("")
    if ex.fixed:
        lines.append(ui("fixed_example", lang, case=ex.fixed.case))
        base = ex.bad.yaml if ex.bad else ex.fixed.yaml
        lines += [f"  {line}" for line in diff_lines(base, ex.fixed.yaml)]
        lines += _wrap("→ " + _verdict(ex.fixed, rule, lang))
        lines.append("")
    if not (ex.bad and ex.fixed):
        lines += [*_wrap(ui("no_examples", lang)), ""]
    lines += [ui("recommendation", lang), *_wrap(ex.recommendation), ""]
    lines.append(ui("sources", lang))
    for key, citation in ex.sources:
        lines += _wrap(f"{short(key)}: {citation}")
    return "\n".join(lines) + "\n"


def _verdict(example: Example, rule: Rule, lang: str) -> str:
    if example.findings:
        return ui("example_still_fires", lang, rule=rule.id)
    return ui("example_passes", lang, rule=rule.id)


def render_markdown(ex: Explanation, lang: str, level: int = 1) -> str:
    rule, h = ex.rule, "#" * level
    lines = [f"{h} {rule.id}", "", f"**{ex.title}** · `{rule.name}`", "", _headline(ex, lang), ""]
    lines += [f"**{ui('checks', lang)}.** {ex.checks}", "", f"**{ui('why', lang)}.** {ex.why}", ""]
    if rule.based_on:
        lines += [f"**{ui('chained', lang)}:** {', '.join(rule.based_on)}", ""]
    if ex.bad:
        lines += [f"**{ui('bad_example', lang, case=ex.bad.case)}**", "", "```yaml", ex.bad.yaml.rstrip(), "```", ""]
        lines += [f"- {_finding_line(f, lang)}: {f.text('message', lang)}" for f in ex.bad.findings] + [""]
    if ex.fixed:
        base = ex.bad.yaml if ex.bad else ex.fixed.yaml
        lines += [f"**{ui('fixed_example', lang, case=ex.fixed.case)}**", "", "```diff"]
        lines += [*diff_lines(base, ex.fixed.yaml), "```", "", _verdict(ex.fixed, rule, lang), ""]
    if not (ex.bad and ex.fixed):
        lines += [ui("no_examples", lang), ""]
    lines += [f"**{ui('recommendation', lang)}.** {ex.recommendation}", "", f"**{ui('sources', lang)}**", ""]
    lines += [f"- **{short(key)}**: {citation}" for key, citation in ex.sources]
    return "\n".join(lines) + "\n"


def render_json(ex: Explanation, lang: str) -> str:
    def example(e: Example | None) -> dict[str, Any] | None:
        if e is None:
            return None
        return {
            "case": e.case,
            "plan": e.yaml,
            "findings": [
                {
                    "key": f.key,
                    "line": f.line,
                    "path": f.path,
                    "title": f.text("title", lang),
                    "message": f.text("message", lang),
                }
                for f in e.findings
            ],
        }

    rule = ex.rule
    document = {
        "id": rule.id,
        "name": rule.name,
        "severity": rule.severity,
        "family": rule.family,
        "step": rule.step,
        "lang": lang,
        "title": ex.title,
        "checks": ex.checks,
        "why": ex.why,
        "recommendation": ex.recommendation,
        "based_on": list(rule.based_on),
        "bad_example": example(ex.bad),
        "fixed_example": example(ex.fixed),
        "sources": [{"key": k, "citation": c} for k, c in ex.sources],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --- the reasoning behind one finding (check --explain) --------------------------------------


@cache
def tested_attributes(rule_id: str) -> dict[str, tuple[str, ...]]:
    """Per alias, the fact attributes the rule's conditions test (from the durable-rules
    definition, so it cannot disagree with the conditions)."""
    rule = rules.get(rule_id)
    definition = when_all(*rule.when()).define()
    out: dict[str, tuple[str, ...]] = {}
    for condition in definition.get("all", []):
        for alias, expression in condition.items():
            found: list[str] = []
            _attributes(expression, found)
            out[alias] = tuple(dict.fromkeys(a for a in found if a != "kind"))
    return out


def _attributes(node: Any, found: list[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _attributes(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "$m":
                found.append(value)
            elif key.startswith("$"):
                _attributes(value, found)
            else:
                found.append(key)
                # {"target": {"$m": "baseline"}} compares two attributes of one fact; any
                # other mapping names an attribute of another alias's fact.
                if isinstance(value, dict) and "$m" in value:
                    found.append(value["$m"])


# The evidence of the text readings that facts carry (advisor/facts/schema.py): the decisive
# words, the reason code, whether a reading was inferred, who decides.
READING_ATTRIBUTES = (
    "vague_evidence",
    "vague_reason",
    "direction_words",
    "direction_reason",
    "direction_inferred",
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


def _value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(terminal(value, 80), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def trace_lines(finding: Finding, review: Review, lang: str, depth: int = 0) -> list[str]:
    """The facts behind ``finding`` and, for derived conclusions, the findings behind those."""
    pad = "   " + "   " * depth
    tested = tested_attributes(finding.rule_id) if finding.rule_id in rules.by_id() else {}
    lines: list[str] = []
    if depth == 0:
        lines.append(f"{pad}{ui('trace', lang)}:")
    by_key = {f.key: f for f in review.findings}
    for alias, items in finding.facts:
        fact = dict(items)
        shown = ", ".join(f"{a} = {_value(fact[a])}" for a in tested.get(alias, ()) if a in fact)
        where = f" ({fact['path']})" if fact.get("path") else ""
        source, name = fact.get("source_rule"), fact.get("id", alias)
        what = ui("derived_fact", lang, fact=name, rule=source) if source else f"{ui('fact', lang)} {name}"
        # A fact matched on its kind alone has no tested attribute to show.
        lines.append(f"{pad}  • {what}{where}" + (f": {shown}" if shown else ""))
        read = ", ".join(f"{a} = {_value(fact[a])}" for a in READING_ATTRIBUTES if fact.get(a) not in (None, ""))
        if read:  # how the text layer read the plan's words (the readings' evidence)
            lines.append(f"{pad}    {ui('readings', lang)}: {read}")
    for key in finding.based_on:
        source = by_key.get(key)
        if source is None:
            lines.append(f"{pad}  ← {key}: {ui('source_hidden', lang)}")
            continue
        lines.append(f"{pad}  ← {source.rule_id} {terminal(source.text('title', lang))}")
        if depth < 5:  # chains are short; the bound only guards against a cycle
            lines += trace_lines(source, review, lang, depth + 1)
    return lines
