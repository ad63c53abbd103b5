"""What ``knowledge/compiled.json`` should hold: the knowledge YAML parsed, the lexicon's stems
and compiled phrases, for a faster start. A build step (``python -m advisor.catalogue
--write-docs`` writes it), apart from advisor/knowledge.py, which only reads the file: making
it needs the text layer (advisor/text/), which itself reads the knowledge.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from advisor.knowledge import lexicon, load_yaml, stems_source_crc
from advisor.knowledge_base import KNOWLEDGE_DIR


def compiled_text() -> str:
    """What ``knowledge/compiled.json`` should hold (``python -m advisor.catalogue --write-docs``
    writes it; a test keeps it current): every knowledge YAML read at run time, parsed, with
    the size and CRC-32 of the text it was parsed from. A file whose data JSON cannot hold as
    it is (a date, a number as a key) is left out and parsed at run time."""
    files: dict[str, Any] = {}
    paths = [*KNOWLEDGE_DIR.glob("*.yaml"), *(KNOWLEDGE_DIR / "texts").rglob("*.yaml")]
    for path in sorted(paths):
        raw = path.read_bytes()
        data = load_yaml(raw.decode("utf-8"))
        try:
            if json.loads(json.dumps(data, ensure_ascii=False)) != data:
                continue
        except (TypeError, ValueError):
            continue
        name = path.relative_to(KNOWLEDGE_DIR).as_posix()
        files[name] = {"size": len(raw), "crc32": zlib.crc32(raw), "data": data}
    note = "Generated from the YAML files beside it by python -m advisor.catalogue --write-docs. Do not edit."
    # Keys keep the YAML's order: it is meaningful (the first synonym that matches wins, and
    # messages list allowed values in the order experts wrote them).
    out = {"note": note, "files": files, "stems": _lexicon_stems(), "phrases": _lexicon_phrases()}
    return json.dumps(out, ensure_ascii=False) + "\n"


def _lexicon_stems() -> dict[str, Any]:
    """The stem of every word of the lexicon's lemma lists, per language, and both stems of
    every word the knowledge files write (the domain's vocabulary: most words of a plan are
    among them): a cold start then stems only the plan's other words (Sastrawi takes ~0.03-0.15
    ms a word and ~12 ms to load, Snowball ~0.025 ms a word)."""
    from advisor.text.stem import stem_en, stem_id
    from advisor.text.tokens import words

    table: dict[str, dict[str, str]] = {"id": {}, "en": {}}
    for entry in lexicon().values():
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
    return {"crc32": stems_source_crc(), **ordered}


def _vocabulary() -> set[str]:
    """The words of every knowledge YAML file (texts, templates, lists), letters only."""
    from advisor.text.tokens import words

    out: set[str] = set()
    for path in sorted(KNOWLEDGE_DIR.rglob("*.yaml")):
        out.update(w for w in words(path.read_text(encoding="utf-8")) if w.isalpha() and len(w) > 2)
    return out


def _lexicon_phrases() -> dict[str, Any]:
    """Every lexicon phrase compiled to its word keys (advisor/text/lexicon.py), so that a cold
    start does not tokenise and stem some two thousand phrases (~30 ms)."""
    from advisor.text.lexicon import compile_purpose

    phrases = {
        purpose: [
            [p.lang, p.text, [list(k) for k in p.first], [list(k) for k in p.near]] for p in compile_purpose(purpose)
        ]
        for purpose in sorted(lexicon())
    }
    return {"crc32": stems_source_crc(), "purposes": phrases}
