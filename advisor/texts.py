"""Bilingual texts: fill a message template from ``knowledge/texts`` in the chosen language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from advisor import knowledge

DEFAULT_LANG = "id"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plural(match: re.Match[str], params: dict[str, Any]) -> str:
    value = params.get(match.group(1))
    if not isinstance(value, int) or isinstance(value, bool):
        return match.group(0)
    return match.group(2) if value == 1 else match.group(3)


def fill(template: str, params: dict[str, Any]) -> str:
    """Replace ``{name}`` with its parameter, and ``{name|one|many}`` with the word that agrees
    with the number ``name`` (English needs it; Indonesian nouns do not change). Only that:
    texts written by domain experts may hold other braces ("{ ... }" in a JSON hint), and a
    placeholder with no parameter stays as it is rather than crashing a report."""
    pieces = _compiled(template)
    if pieces is None:
        return _fill_by_regex(template, params)
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        name, raw, *words = piece
        value = params.get(name, _MISSING)
        if not words:
            out.append(raw if value is _MISSING else str(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            out.append(words[0] if value == 1 else words[1])
        else:
            out.append(raw)
    return "".join(out)


_MISSING = object()
# A template cut into literal text and placeholders: (name, as written) for ``{name}``,
# (name, as written, one, many) for ``{name|one|many}``.
Pieces = tuple[str | tuple[str, ...], ...]


@lru_cache(maxsize=4096)  # the templates are knowledge texts: a bounded set, filled over and over
def _compiled(template: str) -> Pieces | None:
    """The template's pieces, or None when a plural's word could join the text around it
    into a placeholder (``{{n|a|b}}``): only the two regex passes say what that gives."""
    pieces: list[str | tuple[str, ...]] = []
    end = 0
    for match in _PLURAL.finditer(template):
        before, after = template[: match.start()], template[match.end() :]
        if re.search(r"\{\w*$", before) or re.match(r"\w*\}", after):
            return None
        pieces += _placeholders(template[end : match.start()])
        pieces.append((match.group(1), match.group(0), match.group(2), match.group(3)))
        end = match.end()
    pieces += _placeholders(template[end:])
    return tuple(pieces)


def _placeholders(text: str) -> list[str | tuple[str, ...]]:
    pieces: list[str | tuple[str, ...]] = []
    end = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > end:
            pieces.append(text[end : match.start()])
        pieces.append((match.group(1), match.group(0)))
        end = match.end()
    if end < len(text):
        pieces.append(text[end:])
    return pieces


def _fill_by_regex(template: str, params: dict[str, Any]) -> str:
    template = _PLURAL.sub(lambda m: _plural(m, params), template)
    return _PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), template)


def error_text(code: str, lang: str, params: dict[str, Any]) -> str:
    """An input problem's message (knowledge/texts/errors.yaml) filled with ``params``; an unknown
    code gives the generic message, never an error."""
    texts = knowledge.error_texts()
    entry = texts.get(code) or texts["unknown"]
    return fill(entry.get(lang), params)


def ui(key: str, lang: str, **params: Any) -> str:
    """A fixed word or label of the reports and the command line (knowledge/texts/ui.yaml), filled
    with ``params``; ``KeyError`` for a key the file lacks (a mistake in the advisor)."""
    return fill(knowledge.ui_texts()[key].get(lang), params)


def joined(words: Sequence[str], lang: str) -> str:
    """``a, b dan c`` / ``a, b and c``."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {ui('word_and', lang)} {words[-1]}"


def alternatives(words: Sequence[str], lang: str) -> str:
    """``a atau b atau c`` / ``a or b or c``."""
    return f" {ui('word_or', lang)} ".join(words)


def label(group: str, key: str, lang: str) -> str:
    """Display name of an enumerated value, or the value itself when it has none."""
    entry = knowledge.labels().get(group, {}).get(key)
    return entry.get(lang) if entry else key


# The names knowledge gives its own entries (planning steps, score dimensions, pillars): one place
# to ask for them, so that every view names a thing alike.


def step_name(step: str, lang: str) -> str:
    """A planning step's name (knowledge/steps.yaml); "other" for a step it does not know."""
    known = knowledge.steps().get(step)
    return known.label.get(lang) if known else ui("step_other", lang)


def step_heading(step: str, lang: str) -> str:
    """A planning step numbered as a plan is written (``2. Peran dan tanggung jawab``)."""
    known = knowledge.steps().get(step)
    return f"{known.order}. {known.label.get(lang)}" if known else ui("step_other", lang)


def dimension_label(key: str, lang: str) -> str:
    """A score dimension's name (knowledge/scoring.yaml), or its key when it has none."""
    known = knowledge.scoring().dimensions.get(key)
    return known.label.get(lang) if known else key


def scores_heading(lang: str) -> str:
    """The heading of a report's scores (knowledge/scoring.yaml)."""
    return knowledge.scoring().heading.get(lang)


def scores_explanation(lang: str) -> str:
    """How the scores are computed, with the weights filled in."""
    config = knowledge.scoring()
    return fill(config.explanation.get(lang), config.weights)


def pillar_label(pillar: str, lang: str) -> str:
    """A pillar's name (knowledge/pillars.yaml), or its key when it has none."""
    known = knowledge.pillars().get(pillar)
    return known.label.get(lang) if known else pillar


# A rule's message parameters that hold codes, shown by their display name: one code (the label
# group it is named from), or several codes comma-separated ("missing_parts": "target,baseline").
_LABELLED_PARAMS = {
    "pillar": "pillar",
    "resource": "resource",
    "plan_kind": "kind",
    "language": "agreement_language",
    "vague_kind": "vague_kind",
    "direction_basis": "direction_basis",
}
# A labelled parameter worded otherwise for another part of a rule's texts (a title, a
# recommendation): each form is named from the same code in a group of its own name.
_LABELLED_FORMS = {"vague_kind": ("vague_kind_title", "vague_kind_fix", "vague_kind_example")}
# The code a labelled parameter and its forms stand for where no finding fills them (the rule
# catalogue, a rule's explanation): the rule's usual case ("Tanggung jawab … hanya berupa kata
# kerja umum"), rather than a blank.
_NEUTRAL_CODES = {"vague_kind": "vague", "direction_basis": "increase_stated"}
_LABELLED_LISTS = {
    "top_of": "resource",
    "missing_safeguards": "safeguard",
    "present_safeguards": "safeguard",
    "missing_parts": "indicator_part",
    "missing_comm": "communication_part",
    "missing_clauses": "clause",
    "missing_budget": "budget_part",
}


def labelled_params(params: tuple[tuple[str, Any], ...], lang: str) -> dict[str, Any]:
    """A finding's parameters ready to fill its texts: codes replaced by their names in ``lang``."""
    out = {}
    for key, value in params:
        group = _LABELLED_PARAMS.get(key)
        if key in _LABELLED_LISTS and isinstance(value, str):
            out[key] = joined([label(_LABELLED_LISTS[key], code, lang) for code in value.split(",") if code], lang)
        else:
            out[key] = label(group, value, lang) if group and isinstance(value, str) else value
        for form in _LABELLED_FORMS.get(key, ()):
            if isinstance(value, str):
                out[form] = label(form, value, lang)
    return out


def filled_names(params: Sequence[str]) -> set[str]:
    """The placeholders a finding with ``params`` fills: the parameters and their labelled forms."""
    return {*params, *(form for p in params for form in _LABELLED_FORMS.get(p, ()))}


@lru_cache(maxsize=4)  # per language: the catalogue and SARIF ask for it once per rule
def neutral_params(lang: str) -> dict[str, str]:
    """The labelled parameters (and their forms) as a text with no finding shows them."""
    return labelled_params(tuple(_NEUTRAL_CODES.items()), lang)
