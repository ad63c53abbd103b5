"""Stems of words: Sastrawi for Indonesian, Snowball for English, corrected by an exceptions
list (``knowledge/stem_exceptions.yaml``) where they are wrong, and cached per word.

Sastrawi (Nazief-Adriani with a root dictionary) costs about 0.14 ms a word; a plan repeats
its vocabulary, so each word is stemmed once per process (``lru_cache``).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from advisor import knowledge


@cache
def _sastrawi() -> Any:
    """Sastrawi's stemmer over its root dictionary, built directly: its factory adds a result
    cache (we cache per word ourselves) and fills the dictionary one word at a time (~1.5 ms
    more at every cold start). The stemmer only asks the dictionary whether it holds a word, so
    the roots are one frozenset, shared with :func:`_roots`."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary  # type: ignore[import-untyped]
    from Sastrawi.Stemmer.Stemmer import Stemmer  # type: ignore[import-untyped]

    dictionary = ArrayDictionary()
    dictionary.words = _roots()
    return Stemmer(dictionary)


@cache
def _roots() -> frozenset[str]:
    """Sastrawi's root dictionary: a word in it is its own root, and Sastrawi's cascade of
    affix rules (most of its cost) need not run. Read from Sastrawi's data without importing its
    stemmer (some fifty modules, ~4.5 ms of a cold start), which only a word that is neither a
    root nor among the stems computed ahead needs."""
    import Sastrawi.Stemmer  # type: ignore[import-untyped]  # (an empty package: no module of the stemmer)

    path = Path(Sastrawi.Stemmer.__file__).parent / "data" / "kata-dasar.txt"
    return frozenset(filter(str.strip, path.read_text(encoding="utf-8").split("\n")))


def is_root(word: str) -> bool:
    """Is ``word`` in Sastrawi's root dictionary?"""
    return word in _roots()


# A word with none of these affixes has nothing for Sastrawi to strip (prefixes me-, pe-, be-,
# te-, di-, ke-, se- with their variants; suffixes -kan, -an, -i and the particles and
# possessives); most English words in a mixed text are of that shape.
_PREFIXES = ("me", "pe", "be", "te", "di", "ke", "se")
_SUFFIXES = ("kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu")


def _affixed(word: str) -> bool:
    return word.startswith(_PREFIXES) or word.endswith(_SUFFIXES)


@cache
def _snowball() -> Any:
    """Snowball's English stemmer: PyStemmer's C build of it (0.2 us a word) when installed, else
    the pure-Python one of ``snowballstemmer`` (100 us a word; both give the same stems, checked
    over every word of the knowledge base, examples and labelled data)."""
    try:
        import Stemmer  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _snowball_python()
    return Stemmer.Stemmer("english")


def _snowball_python() -> Any:
    """Snowball's English stemmer alone: the package's ``__init__`` imports its thirty-odd
    languages (~10 ms of a cold start), so unless the package is already loaded its English
    module is imported under a package entry that is not executed, removed again afterwards
    (the module itself stays loaded, and a later ``import snowballstemmer`` works as usual)."""
    if "snowballstemmer" in sys.modules:
        import snowballstemmer  # type: ignore[import-untyped]

        return snowballstemmer.stemmer("english")
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None:
        raise ImportError("snowballstemmer is not installed")
    sys.modules["snowballstemmer"] = importlib.util.module_from_spec(spec)
    try:
        english = importlib.import_module("snowballstemmer.english_stemmer")
    finally:
        del sys.modules["snowballstemmer"]
    return english.EnglishStemmer()


@cache
def _exceptions() -> dict[str, dict[str, str]]:
    """The corrections, over the lexicon's own stems computed ahead (knowledge/compiled.json)."""
    known = knowledge.precomputed_stems()
    for lang, fixed in knowledge.stem_exceptions().items():
        known[lang].update(fixed)
    return known


@lru_cache(maxsize=65536)
def stem_id(word: str) -> str:
    """The Indonesian root of ``word`` ("mengoordinasikan" -> "koordinasi")."""
    fixed = _exceptions()["id"].get(word)
    if fixed is not None:
        return fixed
    base, dash, again = word.partition("-")
    if dash and base == again and base.isalpha():  # a plural by reduplication: "kasus-kasus", "anak-anak"
        return stem_id(base)
    # numbers, "sewaktu-waktu", words with no affix and roots: nothing to strip (the affix test
    # first: it needs no dictionary)
    if not (word.isascii() and word.isalpha()) or not _affixed(word) or word in _roots():
        return word
    stem: str = _sastrawi().stem_word(word)  # the word is one lower-case token: no normalising
    return stem or word


@lru_cache(maxsize=65536)
def stem_en(word: str) -> str:
    """The English Snowball stem of ``word`` ("coordinating" -> "coordin")."""
    table = _exceptions()["en"]
    fixed = table.get(word)
    if fixed is not None:
        return fixed
    for base in _bases(word):  # "constructing" as "construct", "constructs", "constructed" are listed
        fixed = table.get(base)
        if fixed is not None and _verb_listed(table, base, fixed):
            return fixed
    stem: str = _snowball().stemWord(word)
    return stem


_INFLECTIONS = ("ing", "ed", "es", "s")
MIN_BASE = 4


def _verb_listed(table: dict[str, str], base: str, fixed: str) -> bool:
    """Is ``base`` listed as a verb, with an inflected form of the same root? A noun listed alone
    ("waste": "sampah") lends nothing to another word's inflection ("wasted" is squandered)."""
    stem = base[:-1] if base.endswith("e") else base
    return any(table.get(stem + suffix) == fixed for suffix in ("s", "es", "ed", "d", "ing"))


def _bases(word: str) -> tuple[str, ...]:
    """The bare forms an inflected English word may have ("constructing" -> "construct",
    "restoring" -> "restore", "planning" -> "plan"), to find a listed exception by its base."""
    for suffix in _INFLECTIONS:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= MIN_BASE:
            doubled = base[:-1] if len(base) > MIN_BASE and base[-1] == base[-2] else base
            return tuple(dict.fromkeys((base, base + "e", doubled)))
    return ()


def stem(word: str, lang: str) -> str:
    return stem_id(word) if lang == "id" else stem_en(word)
