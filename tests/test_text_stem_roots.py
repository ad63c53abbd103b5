"""Sastrawi's root dictionary is read apart from its stemmer: a root check imports none of the
stemmer's modules, which only a word that needs Sastrawi's affix rules loads."""

from __future__ import annotations

import subprocess
import sys

from advisor.text import stem

_PROBE = """
import sys
from advisor.text import stem
assert stem.is_root("desa") and not stem.is_root("mengoordinasikan")
print("Sastrawi.Stemmer.Stemmer" in sys.modules, end=" ")
print(stem.stem_id("dimediasikannya"), "Sastrawi.Stemmer.Stemmer" in sys.modules)
"""


def test_the_roots_are_sastrawi_s_own_dictionary() -> None:
    # the dictionary Sastrawi's factory fills, word by word, from the same file
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary  # type: ignore[import-untyped]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    theirs = ArrayDictionary(StemmerFactory().get_words_from_file()).words
    assert stem._roots() == frozenset(theirs) and len(theirs) > 29_000
    assert stem._sastrawi().dictionary.words is stem._roots()


def test_a_root_check_does_not_load_the_stemmer_and_a_stem_does() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "mediasi", "True"]
