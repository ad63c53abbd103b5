"""Word forms, read from affixes with the stemmer's root: what a lexicon of words cannot know.

Indonesian derives its nouns and voices from one root ("dukung": mendukung, didukung,
dukungan, pendukungan), so a reading that knows a root's meaning knows every form of it:

- :func:`nominal_root`: a noun made from a verb (pe-an, per-an, ke-an, -an: "pembinaan",
  "pendampingan", "keterlibatan") -> the root of its verb ("bina", "damping", "libat");
- :func:`stative_id`: a ter- verb of a state or result ("tersusun", "terbentuknya").

Each is a pure function of the word, cached like the stems it uses.
"""

from __future__ import annotations

from functools import lru_cache

from advisor.text.stem import stem_id

_NOMINAL_PREFIX = ("pe", "ke")
MIN_ROOT = 3


@lru_cache(maxsize=65536)
def nominal_root(word: str) -> str | None:
    """The verb root of a nominalisation ("pemberian" -> "beri", "keterlibatan" -> "libat",
    "dukungan" -> "dukung"), or None when ``word`` is not one."""
    if len(word) < 6 or not word.endswith("an"):
        return None
    root = stem_id(word)
    if root == word or len(root) < MIN_ROOT:
        return None
    if word.startswith(_NOMINAL_PREFIX) or word == root + "an" or word == root + "kan":
        return root
    return None


@lru_cache(maxsize=65536)
def stative_id(word: str) -> bool:
    """A ter- form of a result: "tersusun", "terbentuknya", "terlaksana" (root not the word)."""
    if not word.startswith("ter") or len(word) < 6:
        return False
    root = stem_id(word)
    return root != word and not root.startswith("ter") and len(root) >= MIN_ROOT
