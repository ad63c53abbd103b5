"""SARIF 2.1.0, the static-analysis log that code-scanning services and editors read.

One run; ``tool.driver.rules`` describes every rule a result refers to (its name, texts and
sources), each result points at the plan file, line and column; a suppressed finding carries
an in-source suppression with the team's justification. Files that could not be read become
tool execution notifications. Keys are sorted and nothing depends on time.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from advisor import __version__, knowledge
from advisor.findings import Finding, Outcome, Review
from advisor.render import review_lang
from advisor.render.problem import render as render_problem
from advisor.render.report_data import plain, rule_name
from advisor.texts import label, neutral_params

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    tool_lang = review_lang(lang, None)
    used = sorted({f.rule_id for review in outcome.reviews for f in review.findings})
    index = {rule_id: i for i, rule_id in enumerate(used)}
    findings = [(review, f) for review in outcome.reviews for f in review.findings]
    results = [_result(f, review.file, review_lang(lang, review.plan_language), index) for review, f in findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": plain(render_problem(problem, review_lang(lang, failure.lang)))},
            "locations": [_location(failure.file, problem.line, problem.col)],
        }
        for failure in outcome.failures
        for problem in failure.problems
    ]
    configuration = [
        {
            "level": "note",
            "message": {"text": plain(render_problem(notice, review_lang(lang, review.plan_language)))},
            "locations": [_location(review.file, notice.line, notice.col)],
        }
        for review in outcome.reviews
        for notice in review.notices
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "pentahelix-advisor",
                "semanticVersion": __version__,
                "version": __version__,
                "rules": [_rule(rule_id, _sample(findings, rule_id), tool_lang) for rule_id in used],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not outcome.failures,
                "toolExecutionNotifications": notifications,
                "toolConfigurationNotifications": configuration,
            }
        ],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _sample(findings: list[tuple[Review, Finding]], rule_id: str) -> Finding:
    return next(f for _, f in findings if f.rule_id == rule_id)


def _generic(text: str, lang: str) -> str:
    """A rule text with its parameters left open, for the rule's description (a labelled
    parameter with a usual case reads as that case, as in the catalogue)."""
    known = neutral_params(lang)
    return _PLACEHOLDER.sub(lambda m: str(known.get(m.group(0)[1:-1], "…")), text)


def _rule(rule_id: str, sample: Finding, lang: str) -> dict[str, Any]:
    texts = knowledge.rule_texts().get(rule_id)
    sources = knowledge.sources()
    rule: dict[str, Any] = {
        "id": rule_id,
        "name": rule_name(sample),
        "defaultConfiguration": {"level": _LEVEL[sample.severity]},
        "properties": {
            "family": sample.family,
            "step": sample.step,
            "sources": list(sample.sources),
            "citations": [sources[s].cited(lang) for s in sample.sources if s in sources],
            "tags": ["pentahelix", label("family", sample.family, "en")],
        },
    }
    if texts:
        rule["shortDescription"] = {"text": _generic(texts.title.get(lang), lang)}
        rule["help"] = {"text": _generic(texts.recommendation.get(lang), lang)}
        if texts.why:
            rule["fullDescription"] = {"text": texts.why.get(lang)}
    return rule


def _result(f: Finding, file: str, lang: str, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index[f.rule_id],
        "level": _LEVEL[f.severity],
        "message": {"text": plain(f"{f.text('title', lang)}. {f.text('message', lang)}")},
        "locations": [_cell_location(file, f) if f.sheet is not None else _location(file, f.line, f.col, f.path)],
        "partialFingerprints": {"pentahelixFindingKey/v1": plain(f.key, 500)},
        "properties": {
            "recommendation": plain(f.text("recommendation", lang)),
            "evidence": plain(f.evidence, 400),
            "basedOn": list(f.based_on),
        },
    }
    if f.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": plain(f.suppressed, 500)}]
    return result


def _cell_location(file: str, f: Finding) -> dict[str, Any]:
    """A workbook has no lines: the file, and the sheet and cell as the logical location."""
    names = [{"fullyQualifiedName": plain(f"{f.sheet}!{f.cell}", 500), "kind": "element"}]
    if f.path:
        names.append({"fullyQualifiedName": plain(f.path, 500), "kind": "member"})
    return {"physicalLocation": {"artifactLocation": {"uri": file_uri(file)}}, "logicalLocations": names}


def _location(file: str, line: int | None, col: int | None, path: str = "") -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": file_uri(file)}}
    if line and line >= 1:
        region: dict[str, Any] = {"startLine": line}
        if col and col >= 1:
            region["startColumn"] = col
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if path:
        location["logicalLocations"] = [{"fullyQualifiedName": plain(path, 500), "kind": "member"}]
    return location


def file_uri(file: str) -> str:
    """A relative path stays relative (consumers resolve it against the checkout); an absolute
    one becomes a ``file://`` URI. Either way every unsafe character is percent-encoded."""
    posix = PurePath(file).as_posix() if "\\" not in file else file.replace("\\", "/")
    encoded = quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + encoded
    return encoded.replace(":", "%3A")
