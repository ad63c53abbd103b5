"""What a cold start of the stemmers skips: Sastrawi's root dictionary is read apart from its
stemmer (a root check imports none of the stemmer's modules, which only a word that needs
Sastrawi's affix rules loads), and a word with no affix is told by its ends, no regular
expression."""

from __future__ import annotations

import re
import subprocess
import sys

from advisor import knowledge
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


def test_an_affix_is_told_as_the_pattern_it_replaced_told_it() -> None:
    pattern = re.compile(r"^(?:me|pe|be|te|di|ke|se)|(?:kan|an|i|nya|lah|kah|pun|ku|mu)$")
    words = {w for table in knowledge.precomputed_stems().values() for w in table if w.isascii() and w.isalpha()}
    words |= {"me", "i", "mu", "kan", "desa", "dana", "kelompok", "koordinasi", "seven", "bumdes"}
    assert len(words) > 10_000
    for word in words:
        assert stem._affixed(word) == bool(pattern.search(word)), word
    assert any(stem._affixed(w) for w in words) and not all(stem._affixed(w) for w in words)
