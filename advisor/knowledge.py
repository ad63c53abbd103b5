"""Load the knowledge base in ``knowledge/`` and check it against a declared schema.

Domain experts edit these YAML files without touching Python; a mistake in them (an unknown
key, a text missing in one language) fails loudly at load time, naming the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge import KNOWLEDGE_DIR

LANGS = ("id", "en")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


class Source(_Strict):
    citation: str
    seed: str
    topics: list[str]


class Pillar(_Strict):
    label: Bilingual
    definition: Bilingual
    typical_roles: list[str]
    covid_example: Bilingual
    sources: list[str]


class Step(_Strict):
    order: int
    label: Bilingual
    description: Bilingual
    sources: list[str]


class PlanFormat(_Strict):
    aliases: dict[str, dict[str, str]]
    values: dict[str, dict[str, list[str]]]


class RuleText(_Strict):
    title: Bilingual
    message: Bilingual
    recommendation: Bilingual
    why: Bilingual | None = None


class KnowledgeError(Exception):
    """The knowledge base itself is broken: a packaging or editing mistake, not user input."""


# The knowledge files ship with the package (trusted, shallow), so libyaml's parser reads them
# when it is there: the pure-Python one made a cold `advisor check` spend ~0.4 s on them.
# User plans go through advisor/loader.py, which bounds node count and depth itself.
_KNOWLEDGE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Parse a knowledge file's text (safe tags only)."""
    return yaml.load(text, Loader=_KNOWLEDGE_LOADER)


def _read(name: str) -> Any:
    path = KNOWLEDGE_DIR / name
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"{path}: {exc}") from exc


def _checked(model: type[BaseModel], data: Any, where: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise KnowledgeError(f"knowledge/{where}: {exc}") from exc


@cache
def sources() -> dict[str, Source]:
    raw = _read("bibliography.yaml")["sources"]
    return {key: _checked(Source, value, f"bibliography.yaml: {key}") for key, value in raw.items()}


@cache
def pillars() -> dict[str, Pillar]:
    raw = _read("pillars.yaml")["pillars"]
    return {key: _checked(Pillar, value, f"pillars.yaml: {key}") for key, value in raw.items()}


@cache
def steps() -> dict[str, Step]:
    raw = _read("steps.yaml")["steps"]
    return {key: _checked(Step, value, f"steps.yaml: {key}") for key, value in raw.items()}


@cache
def plan_format() -> PlanFormat:
    return _checked(PlanFormat, _read("plan_format.yaml"), "plan_format.yaml")


@cache
def lexicon() -> dict[str, dict[str, list[str]]]:
    """Word lists by purpose and language, lower-cased."""
    raw: dict[str, dict[str, list[str]]] = _read("lexicon.yaml")
    return {
        purpose: {lang: [w.lower() for w in words] for lang, words in by_lang.items()}
        for purpose, by_lang in raw.items()
    }


@cache
def base_thresholds() -> dict[str, Any]:
    return dict(_read("thresholds.yaml"))


# A team config may override thresholds for one run (advisor/config.py). Rule conditions read
# thresholds() when the engine registers them, so the override must be active then too.
_threshold_overrides: ContextVar[tuple[tuple[str, Any], ...]] = ContextVar("threshold_overrides", default=())


def thresholds() -> dict[str, Any]:
    """``knowledge/thresholds.yaml``, with the overrides of :func:`thresholds_overridden` if active."""
    return {**base_thresholds(), **dict(_threshold_overrides.get())}


@contextmanager
def thresholds_overridden(overrides: tuple[tuple[str, Any], ...]) -> Iterator[None]:
    token = _threshold_overrides.set(overrides)
    try:
        yield
    finally:
        _threshold_overrides.reset(token)


@cache
def labels() -> dict[str, dict[str, Bilingual]]:
    """Display names for enumerated values (pillars, resource kinds, verdicts, severities)."""
    raw = _read("texts/labels.yaml")
    return {
        group: {key: _checked(Bilingual, value, f"texts/labels.yaml: {group}.{key}") for key, value in items.items()}
        for group, items in raw.items()
    }


@cache
def ui_texts() -> dict[str, Bilingual]:
    raw = _read("texts/ui.yaml")
    return {key: _checked(Bilingual, value, f"texts/ui.yaml: {key}") for key, value in raw.items()}


@cache
def error_texts() -> dict[str, Bilingual]:
    raw = _read("texts/errors.yaml")
    return {key: _checked(Bilingual, value, f"texts/errors.yaml: {key}") for key, value in raw.items()}


@cache
def rule_texts() -> dict[str, RuleText]:
    """Every ``knowledge/texts/rules/<FAMILY>.yaml`` merged into one ``rule id -> texts`` map."""
    out: dict[str, RuleText] = {}
    folder = KNOWLEDGE_DIR / "texts" / "rules"
    for path in sorted(folder.glob("*.yaml")):
        raw = load_yaml(path.read_text(encoding="utf-8")) or {}
        for rule_id, value in raw.items():
            if rule_id in out:
                raise KnowledgeError(f"{path}: texts for {rule_id} are defined twice")
            out[rule_id] = _checked(RuleText, value, f"texts/rules/{path.name}: {rule_id}")
    return out


def knowledge_path(*parts: str) -> Path:
    return KNOWLEDGE_DIR.joinpath(*parts)


# --- issue 3: principles, phases, challenges, forms, scoring ---------------------------------


class Principle(_Strict):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]
    seigler: int | None = None


class Phase(_Strict):
    order: int
    label: Bilingual
    definition: Bilingual
    plan_section: str
    sources: list[str]
    rules: list[str]


class Challenge(_Strict):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]


class Form(_Strict):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    min_countries: int | None = None
    max_countries: int | None = None
    max_regions: int | None = None
    pillars: int | None = None


class Forms(_Strict):
    forms: dict[str, Form]
    pentahelix_missing_for_mislabel: int
    regional_max_years: int
    regions: dict[str, list[str]]


class Challenges(_Strict):
    challenges: dict[str, Challenge]
    coordination_min_partners: int


class Dimension(_Strict):
    order: int
    label: Bilingual
    families: list[str]
    ratio: str | None = None


class Scoring(_Strict):
    weights: dict[str, int]
    dimensions: dict[str, Dimension]
    rules: dict[str, str]
    heading: Bilingual
    explanation: Bilingual


@cache
def principles() -> dict[str, Principle]:
    raw = _read("principles.yaml")["principles"]
    return {key: _checked(Principle, value, f"principles.yaml: {key}") for key, value in raw.items()}


@cache
def phases() -> dict[str, Phase]:
    raw = _read("phases.yaml")["phases"]
    return {key: _checked(Phase, value, f"phases.yaml: {key}") for key, value in raw.items()}


@cache
def challenges() -> Challenges:
    return _checked(Challenges, _read("challenges.yaml"), "challenges.yaml")


@cache
def forms() -> Forms:
    return _checked(Forms, _read("forms.yaml"), "forms.yaml")


@cache
def scoring() -> Scoring:
    return _checked(Scoring, _read("scoring.yaml"), "scoring.yaml")
