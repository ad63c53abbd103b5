"""A rule's explanation (``advisor explain``, and each rule's section of ``docs/rules.md``) as
text, Markdown or JSON, from the :class:`advisor.explain.Explanation` made before; and the
reasoning behind one finding as ``check --explain`` prints it, from its :class:`Trace`."""

from __future__ import annotations

import difflib
import json
import textwrap
from typing import TYPE_CHECKING, Any

from advisor.findings import Finding, Trace
from advisor.render.citations import short
from advisor.render.safe import terminal
from advisor.rules.base import Rule
from advisor.texts import label, ui

if TYPE_CHECKING:  # the model's types only: the explanation is made before it is rendered
    from advisor.explain import Example, Explanation, OptionShown

# The text view's width (the examples' YAML is dumped at advisor.explain.WIDTH, the same).
WIDTH = 88


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
    """For a terminal: what the rule checks and what triggers it, its options, why it matters, a plan
    that fires it and the fix, the recommendation and the sources."""
    rule = ex.rule
    lines = [f"{rule.id}  {rule.name}", ex.title, _headline(ex, lang), ""]
    lines += [ui("checks", lang), *_wrap(ex.checks), ""]
    if ex.trigger:
        lines += [ui("doc_trigger", lang), *_wrap(ex.trigger), ""]
    if ex.options:
        lines += [ui("doc_options", lang), *[line for o in ex.options for line in _wrap(_option_text(o, lang))], ""]
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
        lines += _wrap(f"{short(key, lang)}: {citation}")
    return "\n".join(lines) + "\n"


def _verdict(example: Example, rule: Rule, lang: str) -> str:
    if example.findings:
        return ui("example_still_fires", lang, rule=rule.id)
    return ui("example_passes", lang, rule=rule.id)


def _option_text(option: OptionShown, lang: str) -> str:
    text = ui(f"option_{option.type}", lang, name=option.name, default=option.default)
    return text + ("; " + ui("option_also", lang, rules=", ".join(option.also)) if option.also else "")


def render_markdown(ex: Explanation, lang: str, level: int = 1) -> str:
    """A section of the generated docs (or ``explain --format markdown``); ``level`` is its heading's."""
    rule, h = ex.rule, "#" * level
    lines = [f"{h} {rule.id}", "", f"**{ex.title}** · `{rule.name}`", "", _headline(ex, lang), ""]
    lines += [f"**{ui('checks', lang)}.** {ex.checks}", ""]
    if ex.trigger:
        lines += [f"**{ui('doc_trigger', lang)}.** {ex.trigger}", ""]
    if ex.options:
        lines += [f"**{ui('doc_options', lang)}:**", "", *[f"- {_option_text(o, lang)}" for o in ex.options], ""]
    lines += [f"**{ui('why', lang)}.** {ex.why}", ""]
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
    lines += [f"- **{short(key, lang)}**: {citation}" for key, citation in ex.sources]
    return "\n".join(lines) + "\n"


def render_json(ex: Explanation, lang: str) -> str:
    """The explanation's fields for tools, each example with the findings it gives."""

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
        "trigger": ex.trigger or None,
        "options": [
            {"name": o.name, "type": o.type, "default": o.default, "also_read_by": list(o.also)} for o in ex.options
        ],
        "why": ex.why,
        "recommendation": ex.recommendation,
        "based_on": list(rule.based_on),
        "bad_example": example(ex.bad),
        "fixed_example": example(ex.fixed),
        "sources": [{"key": k, "citation": c} for k, c in ex.sources],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(terminal(value, 80), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def trace_lines(trace: Trace, lang: str, depth: int = 0) -> list[str]:
    """The facts behind a finding and, for derived conclusions, the findings behind those."""
    pad = "   " + "   " * depth
    lines: list[str] = []
    if depth == 0:
        lines.append(f"{pad}{ui('trace', lang)}:")
    for fact in trace.facts:
        shown = ", ".join(f"{a} = {_value(value)}" for a, value in fact.tested)
        where = f" ({fact.path})" if fact.path else ""
        name, source = fact.name, fact.source_rule
        what = ui("derived_fact", lang, fact=name, rule=source) if source else f"{ui('fact', lang)} {name}"
        # A fact matched on its kind alone has no tested attribute to show.
        lines.append(f"{pad}  • {what}{where}" + (f": {shown}" if shown else ""))
        read = ", ".join(f"{a} = {_value(value)}" for a, value in fact.readings)
        if read:  # how the text layer read the plan's words (the readings' evidence)
            lines.append(f"{pad}    {ui('readings', lang)}: {read}")
    for step in trace.sources:
        if step.finding is None:
            lines.append(f"{pad}  ← {step.key}: {ui('source_hidden', lang)}")
            continue
        lines.append(f"{pad}  ← {step.finding.rule_id} {terminal(step.finding.text('title', lang))}")
        if step.trace is not None:
            lines += trace_lines(step.trace, lang, depth + 1)
    return lines
