"""The declared schema of every knowledge file in ``knowledge/``, as Pydantic models.

``FILES`` maps each file (a glob pattern relative to ``knowledge/``) to the model of its whole
content; advisor/knowledge.py checks a file against it when it reads the file, and reports the
first mismatch with the file, line and key (``knowledge/pillars.yaml:12:5: ...``). Every model
forbids unknown keys and is strict: a number is not a text, ``yes`` is not a number.
"""

from __future__ import annotations

import fnmatch
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel

# defer_build: a model's validator is built the first time a file of its kind is checked, so
# that a command reading three files does not pay for building all of them. A root model is
# declared as ``RootModel[Any]`` with its ``root`` annotated: ``RootModel[dict[str, X]]`` made a
# generic class per model and built its validator at once, defer_build or not (~3 ms on import).
_CONFIG = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Schema(BaseModel):
    model_config = _CONFIG


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("empty phrase")
    return text


Phrase = Annotated[str, AfterValidator(_not_blank)]


class Bilingual(Schema):
    id: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


# --- bibliography, pillars, steps, principles, phases, challenges, forms, scoring -----------


class Source(Schema):
    # A plain string when the reference reads the same in both languages; {id, en} when it
    # carries a date or a description that a report in the other language must not show.
    citation: str | Bilingual
    seed: str
    topics: list[str]
    # Author and year as reports cite it ("Ansell & Torfing 2018"); the full citation is listed
    # at the end of a report. {id, en} for an undated source: "(t.t.)" in Indonesian, "(n.d.)".
    short: str | Bilingual = ""
    # Where the seed's own reference is wrong or the source needs a word of explanation.
    note: str = ""

    def label(self, lang: str) -> str:
        """The author-year label as a report in ``lang`` writes it; "" when the source has none."""
        return self.short if isinstance(self.short, str) else self.short.get(lang)

    def cited(self, lang: str) -> str:
        """The full reference as a report in ``lang`` lists it."""
        return self.citation if isinstance(self.citation, str) else self.citation.get(lang)


class Bibliography(Schema):
    sources: dict[str, Source]


class Pillar(Schema):
    label: Bilingual
    definition: Bilingual
    typical_roles: list[str]
    covid_example: Bilingual
    sources: list[str]


class Pillars(Schema):
    pillars: dict[str, Pillar]


class Step(Schema):
    order: int
    label: Bilingual
    description: Bilingual
    sources: list[str]


class Steps(Schema):
    steps: dict[str, Step]


class Principle(Schema):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]
    seigler: int | None = None


class Principles(Schema):
    principles: dict[str, Principle]


class Phase(Schema):
    order: int
    label: Bilingual
    definition: Bilingual
    plan_section: str
    sources: list[str]
    rules: list[str]


class Phases(Schema):
    phases: dict[str, Phase]


class Challenge(Schema):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    rules: list[str]


class Challenges(Schema):
    challenges: dict[str, Challenge]
    coordination_min_partners: int


class Form(Schema):
    label: Bilingual
    definition: Bilingual
    sources: list[str]
    min_countries: int | None = None
    max_countries: int | None = None
    max_regions: int | None = None
    pillars: int | None = None


class Forms(Schema):
    forms: dict[str, Form]
    pentahelix_missing_for_mislabel: int
    regions: dict[str, list[str]]
    # Groupings whose members lie in more than one region of ``regions`` (issue 14).
    groupings: dict[str, list[str]]
    # Removed from forms.yaml with KS008 (no source for a five-year limit); kept optional so
    # that a knowledge file that still has it loads.
    regional_max_years: int | None = None


class Dimension(Schema):
    order: int
    label: Bilingual
    ratio: str | None = None


class Scoring(Schema):
    weights: dict[str, int]
    dimensions: dict[str, Dimension]
    heading: Bilingual
    explanation: Bilingual


class CoverageRule(Schema):
    level: int = Field(ge=0, le=100)
    pillar: str | None = None


class Coverage(Schema):
    """The pentahelix coverage chart of the HTML report (knowledge/coverage.yaml)."""

    full: int
    rules: dict[str, CoverageRule]


class Thresholds(RootModel[Any]):
    """Numbers the rules compare against, by name (knowledge/thresholds.yaml)."""

    root: dict[str, int | float]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


# --- the plan format and the text layer ------------------------------------------------------


class PlanFormat(Schema):
    aliases: dict[str, dict[str, str]]
    values: dict[str, dict[str, list[str]]]
    implied_scope: dict[str, str] = {}
    # Enumeration -> canonical value -> the word shown to a plan written in Indonesian.
    value_words_id: dict[str, dict[str, str]] = {}


class WordList(Schema):
    """One purpose of ``knowledge/lexicon.yaml``: phrases per language, matched on lemmas (the
    stems of advisor/text/stem.py) unless ``match: surface`` asks for the words as written
    (direction words: "tingkat" is a level, "meningkat" a rise, and both stem to "tingkat").
    A phrase "A ~ B" matches A and B in one clause, at most five words apart."""

    id: list[Phrase]
    en: list[Phrase]
    match: Literal["lemma", "surface"] = "lemma"


class Lexicon(RootModel[Any]):
    root: dict[str, WordList]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class StemExceptions(Schema):
    """Roots the stemmers get wrong, per language (knowledge/stem_exceptions.yaml)."""

    id: dict[str, str] = {}
    en: dict[str, str] = {}


# --- texts -------------------------------------------------------------------------------------


class RuleText(Schema):
    title: Bilingual
    message: Bilingual
    recommendation: Bilingual
    why: Bilingual | None = None
    # What makes the rule fire and what does not, in a paragraph (the generated docs show it).
    trigger: Bilingual | None = None


class RuleTexts(RootModel[Any]):
    root: dict[str, RuleText]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class BilingualTable(RootModel[Any]):
    """``key -> {id, en}``: texts/ui.yaml, texts/errors.yaml, texts/workbook_errors.yaml."""

    root: dict[str, Bilingual]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class Labels(RootModel[Any]):
    root: dict[str, dict[str, Bilingual]]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class YamlReason(Schema):
    problem: str
    id: str
    en: str
    context: str = ""


class YamlReasons(RootModel[Any]):
    root: list[YamlReason]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class PlanFields(Schema):
    """What each section and field of the plan format means (knowledge/texts/plan_fields.yaml)."""

    words: dict[str, Bilingual]
    sections: dict[str, Bilingual]
    fields: dict[str, dict[str, Bilingual]]


class ClickTexts(RootModel[Any]):
    """Click's English message templates -> Indonesian (texts/click.yaml); ``plural`` holds
    the messages that have a singular and a plural form."""

    root: dict[str, str | dict[str, str]]
    model_config = ConfigDict(strict=True, frozen=True, defer_build=True)


class Workbook(Schema):
    """The plan workbook's sheet and column names, drop-down words and instructions."""

    sheets: dict[str, Bilingual]
    columns: dict[str, Bilingual]
    booleans: dict[str, Bilingual]
    choices: dict[str, dict[str, Bilingual]]
    instructions: dict[Literal["id", "en"], list[str]]


# --- templates and cases -----------------------------------------------------------------------


class TemplatePartner(Schema):
    id: str
    pillar: str
    country: str
    contribution: str
    name: Bilingual
    region: str | None = None


class TemplateKind(Schema):
    scope: str
    international: bool
    label: Bilingual
    note: Bilingual
    partners: list[TemplatePartner] = Field(min_length=2)


class TemplateKinds(Schema):
    """What ``advisor init`` fills into the plan template per kind (templates/kinds.yaml)."""

    partner_snippet: Bilingual
    region_line: Bilingual
    pillar_words: dict[str, dict[str, str]]
    contribution_words: dict[str, dict[str, str]]
    scope_words: dict[str, dict[str, str]]
    differences: Bilingual
    principles: dict[Literal["domestic", "international"], dict[str, list[str]]]
    kinds: dict[str, TemplateKind]


class CaseFinding(Schema):
    """Attributes the rule's first finding must have (advisor/findings.py; a list stands for
    a tuple: ``params: [[pillar, media]]``)."""

    subject: str | None = None
    path: str | None = None
    severity: Literal["error", "warning", "info"] | None = None
    params: list[Annotated[list[Any], Field(min_length=2, max_length=2)]] | None = None
    sources: list[str] | None = None
    based_on: list[str] | None = None


class Case(Schema):
    expect: Literal["fires", "passes"]
    plan: dict[str, Any]
    count: int | None = Field(default=None, ge=1)
    finding: CaseFinding | None = None
    # A team configuration for this case (advisor.toml's keys), for rules with options.
    config: dict[str, Any] | None = None


class Cases(Schema):
    """A rule's cases (knowledge/cases/<RULE>.yaml): plans that fire it, plans that do not."""

    rule: str
    cases: dict[str, Case] = Field(min_length=1)


# Every knowledge file read at run time or by the tests, with the model of its whole content.
# templates/plan.*.yaml are text templates with {{markers}}, not YAML until filled in (their
# filled form is a plan, checked by the plan's own model); exercises/*.yaml are plans too.
FILES: dict[str, type[BaseModel]] = {
    "bibliography.yaml": Bibliography,
    "challenges.yaml": Challenges,
    "coverage.yaml": Coverage,
    "forms.yaml": Forms,
    "lexicon.yaml": Lexicon,
    "phases.yaml": Phases,
    "pillars.yaml": Pillars,
    "plan_format.yaml": PlanFormat,
    "principles.yaml": Principles,
    "scoring.yaml": Scoring,
    "stem_exceptions.yaml": StemExceptions,
    "steps.yaml": Steps,
    "thresholds.yaml": Thresholds,
    "texts/click.yaml": ClickTexts,
    "texts/errors.yaml": BilingualTable,
    "texts/labels.yaml": Labels,
    "texts/plan_fields.yaml": PlanFields,
    "texts/rules/*.yaml": RuleTexts,
    "texts/ui.yaml": BilingualTable,
    "texts/workbook.yaml": Workbook,
    "texts/workbook_errors.yaml": BilingualTable,
    "texts/yaml_errors.yaml": YamlReasons,
    "templates/kinds.yaml": TemplateKinds,
    "cases/*.yaml": Cases,
}
NOT_DATA = ("templates/plan.*.yaml", "exercises/*.yaml")


def schema_for(name: str) -> type[BaseModel] | None:
    """The model of ``knowledge/<name>`` (a path relative to ``knowledge/``), if it has one."""
    found = FILES.get(name)
    if found is None:
        found = next((model for pattern, model in FILES.items() if fnmatch.fnmatchcase(name, pattern)), None)
    return found
