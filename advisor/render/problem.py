"""An input problem (a file that cannot be read or validated, a notice about a plan) as one line
in the chosen language, from its message code and parameters (``knowledge/texts/errors.yaml``)."""

from __future__ import annotations

from typing import Any

from advisor import knowledge
from advisor.problems import Problem
from advisor.terminal import one_line
from advisor.texts import alternatives, error_text, fill, label


def render(problem: Problem, lang: str) -> str:
    """One line, whatever the values it quotes hold (escape sequences, line breaks)."""
    text = error_text(problem.code, lang, localised_params(problem, lang))
    prefix = f"{problem.path}: " if problem.path else ""
    return one_line(f"{problem.where()}: {prefix}{text}")


def localised_params(problem: Problem, lang: str) -> dict[str, Any]:
    """Parameters with the parts that are words (hints, type names, targets) in ``lang``:
    a problem keeps raw values, so it renders in either language."""
    params = dict(problem.params)
    if params.get("suggestion"):
        params["hint"] = error_text("did_you_mean", lang, {"suggestion": params["suggestion"]})
    elif params.get("allowed_keys"):
        params["hint"] = error_text("expected_keys", lang, {"allowed": params["allowed_keys"]})
    elif params.get("declared"):
        params["hint"] = error_text("declared_ids", lang, {"ids": params["declared"]})
    elif "suggestion" in params:
        params["hint"] = ""
    if "expected_types" in params:
        params["expected"] = alternatives([label("types", t, lang) for t in params["expected_types"]], lang)
    if "target_kind" in params:
        params["target"] = label("targets", params["target_kind"], lang)
    if "reason_code" in params:
        params["reason"] = error_text(params["reason_code"], lang, params)
    if problem.code in ("yaml_syntax", "json_syntax"):
        params["reason"] = _yaml_reason(params, lang)
    return params


def _yaml_reason(params: dict[str, Any], lang: str) -> str:
    problem, context = params.get("problem", ""), params.get("context", "")
    for entry in knowledge.yaml_reasons():
        if entry.problem in problem and entry.context in context:
            if "{context_line}" in entry.en and "context_line" not in params:
                continue
            return fill(entry.en if lang == "en" else entry.id, params)
    return str(params.get("reason", ""))
