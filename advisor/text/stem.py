"""Stems of words: Sastrawi for Indonesian, Snowball for English, corrected by an exceptions
list (``knowledge/stem_exceptions.yaml``) where they are wrong, and cached per word.

Sastrawi (Nazief-Adriani with a root dictionary) costs about 0.14 ms a word; a plan repeats
its vocabulary, so each word is stemmed once per process (``lru_cache``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from advisor import knowledge


@cache
def _sastrawi() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    return StemmerFactory().create_stemmer()


@cache
def _roots() -> frozenset[str]:
    """Sastrawi's root dictionary: a word in it is its own root, and Sastrawi's cascade of
    affix rules (most of its cost) need not run."""
    words: Any = _sastrawi().delegatedStemmer.dictionary.words
    return frozenset(words)


# A word with none of these affixes has nothing for Sastrawi to strip (prefixes me-, pe-, be-,
# te-, di-, ke-, se- with their variants; suffixes -kan, -an, -i and the particles and
# possessives); most English words in a mixed text are of that shape.
_AFFIXED = re.compile(r"^(?:me|pe|be|te|di|ke|se)|(?:kan|an|i|nya|lah|kah|pun|ku|mu)$")


@cache
def _snowball() -> Any:
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


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
    if not word.isalpha() or word in _roots() or not _AFFIXED.search(word):
        return word  # numbers, "sewaktu-waktu", roots and words with no affix: nothing to strip
    stem: str = _sastrawi().stem(word)
    return stem or word


@lru_cache(maxsize=65536)
def stem_en(word: str) -> str:
    """The English Snowball stem of ``word`` ("coordinating" -> "coordin")."""
    fixed = _exceptions()["en"].get(word)
    if fixed is not None:
        return fixed
    stem: str = _snowball().stemWord(word)
    return stem


def stem(word: str, lang: str) -> str:
    return stem_id(word) if lang == "id" else stem_en(word)
