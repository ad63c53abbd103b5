"""Words of a text with their place in it, and the clause each belongs to.

A clause ends at punctuation that separates statements (, ; : . ! ? and a dash between
spaces) or before a contrasting conjunction ("tetapi", "namun", "but"): negation and the
"A near B" patterns of the lexicon never reach across one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

# rupiah written onto its digits ("Rp1.500", "Rp2,5") is one word, not "rp1", a full stop and "500"
_TOKEN = re.compile(
    r"(?i:rp)\d+(?:[.,]\d+)*|[-+]?\d+(?:[.,]\d+)*%?|[^\W_][\w\-']*%?|%|[,;:.!?()]|\s[-–—]\s", re.UNICODE
)
_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")"})
_CONTRAST = frozenset({"tetapi", "namun", "melainkan", "sedangkan", "but", "however", "whereas", "although"})


class Token(NamedTuple):
    """One word, lower-cased, with its span in the original text and its clause number (a
    named tuple: a text's words are made by the thousand on a first read, and a tuple is
    built several times faster than a frozen dataclass)."""

    word: str
    start: int
    end: int
    clause: int


# Token(...) goes through the named tuple's Python-level __new__; tuple.__new__ builds the same
# value at a third of the cost (a first read makes a hundred words per plan)
_new = tuple.__new__


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` (punctuation only separates clauses and is not returned)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "Σ" in text:
        return _tokens_apart(text)
    # The text lowered at once, where each word was lowered alone: the same words when every
    # character lowers to one (the lengths agree) and none by its context (only a capital sigma
    # does, final or not). The words come as strings, without a match object each (a first read
    # meets a hundred words per plan); each is found again from where the last one ended, which
    # is where the pattern matched it, since it would have matched any earlier occurrence first.
    out: list[Token] = []
    clause = end = 0
    for raw in _TOKEN.findall(lowered):
        start = lowered.find(raw, end)
        end = start + len(raw)
        if raw in _BREAKS or not raw.strip(" -–—"):
            clause += 1
            continue
        word = raw.strip("'-")
        if not word:
            continue
        if word in _CONTRAST:
            clause += 1
        out.append(_new(Token, (word, start, end, clause)))
    return tuple(out)


def _tokens_apart(text: str) -> tuple[Token, ...]:
    """:func:`tokens` for a text whose words are lowered one by one."""
    out: list[Token] = []
    clause = 0
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        if raw in _BREAKS or not raw.strip(" -–—"):
            clause += 1
            continue
        word = raw.lower().strip("'-")
        if not word:
            continue
        if word in _CONTRAST:
            clause += 1
        start, end = match.span()
        out.append(_new(Token, (word, start, end, clause)))
    return tuple(out)


@lru_cache(maxsize=16384)
def places(text: str) -> Mapping[Token, int]:
    """Each word of ``text`` with its index in :func:`tokens`: the readings measure how far apart
    two matches stand in words, and several readings ask it of one text."""
    return {t: i for i, t in enumerate(tokens(text))}


def words(text: str) -> list[str]:
    return [t.word for t in tokens(text)]


def span_text(text: str, found: tuple[Token, ...]) -> str:
    """The text from the first to the last of ``found`` as written (for quoting)."""
    return text[found[0].start : found[-1].end] if found else ""
