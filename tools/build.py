"""Make the generated files of the repository: ``knowledge/compiled.json`` and ``docs/``.

    python tools/build.py           # check every knowledge file, then write what is out of date
    python tools/build.py --check   # exit 1 naming each file that is out of date (a test does this)

Generated here, never at run time (the advisor only reads them, and never imports this tool):

- ``knowledge/compiled.json``: every knowledge YAML file parsed, with the size and CRC-32 of the
  text it was parsed from, the stems of the lexicon's words and its phrases compiled. The
  advisor uses an entry while it matches its YAML and parses the YAML otherwise, so an edited
  file is never shadowed by a stale copy (it only costs a slower start until the next build).
- ``docs/rules.md``, ``docs/rules.id.md``: the rule catalogue and every rule's explanation.
- ``docs/plan.schema.json``: the plan's JSON Schema.
- ``docs/plan-format.md``, ``docs/plan-format.id.md``: the plan-format reference.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import zlib
from pathlib import Path
from typing import Any

from advisor import catalogue, knowledge, schema
from advisor.knowledge_schemas import NOT_DATA, kind_for
from advisor.render import view

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COMPILED = ROOT / "knowledge" / knowledge.COMPILED_FILE
RULE_DOCS = {"rules.md": "en", "rules.id.md": "id"}
PLAN_FORMAT_DOCS = {"plan-format.md": "en", "plan-format.id.md": "id"}
SCHEMA_DOC = "plan.schema.json"
COMMAND = "python tools/build.py"


def generated() -> dict[Path, str]:
    """Every generated file with the content it should have."""
    out = {DOCS / name: catalogue.rules_document(lang) for name, lang in RULE_DOCS.items()}
    out[DOCS / SCHEMA_DOC] = view("schema", "json")(schema.plan_schema("id"))
    out.update({DOCS / name: view("plan-format", "markdown")(lang) for name, lang in PLAN_FORMAT_DOCS.items()})
    out[COMPILED] = compiled_text()
    return out


def stale() -> list[Path]:
    return [path for path, text in generated().items() if not path.exists() or path.read_text("utf-8") != text]


def check_knowledge() -> None:
    """Every knowledge file against its schema: the first mistake stops the build."""
    folder = knowledge.knowledge_path()
    for path in sorted(folder.rglob("*.yaml")):
        name = path.relative_to(folder).as_posix()
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in NOT_DATA) and kind_for(name) is not None:
            knowledge.check_file(name)


# --- knowledge/compiled.json ----------------------------------------------------------------


def compiled_text() -> str:
    """Every knowledge YAML read at run time, parsed and checked against its schema, with the
    size and CRC-32 of the text it was parsed from, and the CRC-32 of the schema module it was
    checked under (advisor/knowledge.py takes the copy as checked while both match). A file
    whose data JSON cannot hold as it is (a date, a number as a key), or that has no schema, is
    left out and parsed (and checked) at run time."""
    folder = knowledge.knowledge_path()
    files: dict[str, Any] = {}
    read_at_run_time = [*folder.glob("*.yaml"), *(folder / "texts").rglob("*.yaml"), *folder.glob("places/*.yaml")]
    for path in sorted(read_at_run_time):
        raw = path.read_bytes()
        data = knowledge.load_yaml(raw.decode("utf-8"))
        try:
            if json.loads(json.dumps(data, ensure_ascii=False)) != data:
                continue
        except (TypeError, ValueError):
            continue
        name = path.relative_to(folder).as_posix()
        kind = kind_for(name)
        if kind is None:
            continue
        knowledge.check(name, data, kind)
        files[name] = {"size": len(raw), "crc32": zlib.crc32(raw), "data": data}
    note = f"Generated from the YAML files beside it by {COMMAND}. Do not edit."
    # Keys keep the YAML's order: it is meaningful (the first synonym that matches wins, and
    # messages list allowed values in the order experts wrote them).
    out = {
        "note": note,
        "schemas": knowledge.schemas_crc(),
        "files": files,
        "stems": _lexicon_stems(),
        "phrases": _lexicon_phrases(),
        "tables": _text_tables(),
    }
    return json.dumps(out, ensure_ascii=False) + "\n"


def _lexicon_stems() -> dict[str, Any]:
    """The stem of every word of the lexicon's lemma lists, per language, and both stems of
    every word the knowledge files write (the domain's vocabulary: most words of a plan are
    among them): a cold start then stems only the plan's other words (Sastrawi takes ~0.03-0.15
    ms a word and ~12 ms to load, Snowball ~0.025 ms a word)."""
    from advisor.text.stem import stem_en, stem_id
    from advisor.text.tokens import words

    table: dict[str, dict[str, str]] = {"id": {}, "en": {}}
    for entry in knowledge.lexicon().values():
        if entry.match != "lemma":
            continue
        for lang, stem in (("id", stem_id), ("en", stem_en)):
            for phrase in getattr(entry, lang):
                for word in words(phrase.replace("~", " ")):
                    table[lang][word] = stem(word)
    for word in _vocabulary():
        table["id"].setdefault(word, stem_id(word))
        table["en"].setdefault(word, stem_en(word))
    ordered = {lang: dict(sorted(stems.items())) for lang, stems in table.items()}
    return {"crc32": knowledge.stems_source_crc(), **ordered}


def _vocabulary() -> set[str]:
    """The words of every knowledge YAML file (texts, templates, lists), letters only."""
    from advisor.text.tokens import words

    out: set[str] = set()
    for path in sorted(knowledge.knowledge_path().rglob("*.yaml")):
        out.update(w for w in words(path.read_text(encoding="utf-8")) if w.isalpha() and len(w) > 2)
    return out


def _lexicon_phrases() -> dict[str, Any]:
    """Every lexicon phrase compiled to its word keys (advisor/text/lexicon.py), so that a cold
    start neither tokenises and stems some ten thousand phrases (~30 ms) nor builds them all: in
    flat lists, grouped by the key of their first word, made into phrases as a text meets them."""
    from advisor.text.lexicon import compiled_table

    return {"crc32": knowledge.stems_source_crc(), "table": compiled_table()}


def _text_tables() -> dict[str, Any]:
    """The tables the text layer derives from the knowledge (advisor/text/ahead.py: matching's
    fields of action and abbreviations, the gazetteer's index of names), each with the CRC-32 of
    what it is made from."""
    from advisor.text import matching, places  # noqa: F401  (register their tables)
    from advisor.text.ahead import TABLES

    return {
        name: {"crc32": knowledge.table_crc(table.source, table.inputs), "data": table.compute()}
        for name, table in sorted(TABLES.items())
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say which files are out of date (exit 1)")
    args = parser.parse_args(argv)
    try:
        check_knowledge()
    except knowledge.KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.check:
        out_of_date = stale()
        for path in out_of_date:
            print(f"{path.relative_to(ROOT)} is out of date: run {COMMAND}")
        return 1 if out_of_date else 0
    DOCS.mkdir(exist_ok=True)
    for path, text in generated().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
