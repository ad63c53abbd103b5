"""The rule catalogue: every rule's id, name, severity, family, one-line summary and sources,
read from the rule records and their texts, never written by hand.

``python -m advisor.catalogue --write-docs`` regenerates ``docs/`` (the catalogue with every
rule's explanation, and the plan's JSON Schema) and ``knowledge/compiled.json`` (the knowledge
YAML parsed, for a faster start); ``--check`` exits 1 when any is stale.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from advisor import knowledge, rules
from advisor.rules.base import Rule
from advisor.texts import ui

ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = ROOT / "docs"
_PLACEHOLDER = re.compile(r"\{\w+\}")


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    severity: str
    family: str
    step: str
    summary: str
    sources: tuple[str, ...]
    based_on: tuple[str, ...]


def neutral(template: str) -> str:
    """A text template with its placeholders replaced by an ellipsis: a summary that fits
    every finding of the rule ("The … pillar is missing")."""
    return _PLACEHOLDER.sub("…", template)


def summary(rule: Rule, lang: str) -> str:
    texts = knowledge.rule_texts().get(rule.id)
    return neutral(texts.title.get(lang)) if texts else rule.name


def entries(lang: str, family: str | None = None) -> list[Entry]:
    wanted = family.upper() if family else None
    return [
        Entry(
            id=rule.id,
            name=rule.name,
            severity=rule.severity,
            family=rule.family,
            step=rule.step,
            summary=summary(rule, lang),
            sources=rule.sources,
            based_on=rule.based_on,
        )
        for rule in rules.all_rules()
        if wanted is None or rule.family == wanted
    ]


def find_rule(text: str) -> Rule:
    """A rule by id, alias or dotted name; ``LookupError`` carries close matches."""
    wanted = text.strip()
    table = rules.by_id()
    if wanted.upper() in table:
        return table[wanted.upper()]
    by_name = {r.name: r for r in rules.all_rules()}
    if wanted.lower() in by_name:
        return by_name[wanted.lower()]
    choices = sorted(table) + sorted(by_name)
    close = difflib.get_close_matches(wanted.upper(), sorted(table), n=3, cutoff=0.5)
    close += difflib.get_close_matches(wanted.lower(), sorted(by_name), n=3, cutoff=0.6)
    raise UnknownRule(wanted, [c for c in dict.fromkeys(close) if c in choices])


class UnknownRule(LookupError):
    def __init__(self, wanted: str, suggestions: list[str]):
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = suggestions

    def message(self, lang: str) -> str:
        text = ui("unknown_rule", lang, rule=self.wanted)
        if self.suggestions:
            text += " " + ui("did_you_mean_rule", lang, suggestions=", ".join(self.suggestions))
        return text + " " + ui("see_rules", lang)


# --- generated documentation -----------------------------------------------------------------

DOC_FILES = {"rules.md": "en", "rules.id.md": "id"}
SCHEMA_FILE = "plan.schema.json"


def rules_document(lang: str) -> str:
    """docs/rules.md (en) or docs/rules.id.md (id): the catalogue and every explanation."""
    from advisor import explain
    from advisor.render import view

    parts = [
        f"# {ui('doc_title', lang)}",
        "",
        f"<!-- {ui('doc_generated', lang)} -->",
        "",
        ui("doc_intro", lang),
        "",
        view("catalogue", "markdown")(entries(lang), lang, link=True),
    ]
    for rule in rules.all_rules():
        parts.append(view("explain", "markdown")(explain.explanation(rule.id, lang), lang, level=2))
    return "\n".join(parts).rstrip("\n") + "\n"


def generated_docs() -> dict[Path, str]:
    """Every generated file (docs/, and knowledge/compiled.json) with the content it should have."""
    from advisor import schema
    from advisor.render import view

    out = {DOCS_DIR / name: rules_document(lang) for name, lang in DOC_FILES.items()}
    out[DOCS_DIR / SCHEMA_FILE] = view("schema", "json")(schema.plan_schema("id"))
    out[knowledge.knowledge_path(knowledge.COMPILED_FILE)] = knowledge.compiled_text()
    return out


def stale_docs() -> list[Path]:
    return [
        path for path, text in generated_docs().items() if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str]) -> int:
    if argv == ["--write-docs"]:
        DOCS_DIR.mkdir(exist_ok=True)
        for path, text in generated_docs().items():
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if argv == ["--check"]:
        stale = stale_docs()
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python -m advisor.catalogue --write-docs")
        return 1 if stale else 0
    print("usage: python -m advisor.catalogue --write-docs | --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
