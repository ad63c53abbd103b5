"""Negation scope: a negator ("tidak", "belum", "tanpa", "bukan", "no", "not", "without")
covers the next three words of its clause. A phrase that contains its negator ("belum ada",
"tidak terjadwal") is a meaning of its own and is not negated by it."""

from __future__ import annotations

from advisor.text.tokens import Token

NEGATORS = frozenset({"tidak", "tak", "belum", "tanpa", "bukan", "tiada", "no", "not", "without", "never", "non"})
SCOPE = 3


def negated(toks: tuple[Token, ...], start: int, found: tuple[Token, ...]) -> bool:
    """Does a negator before word ``start`` (and not part of ``found``) reach it?"""
    clause = toks[start].clause
    for back in range(start - 1, max(-1, start - SCOPE - 1), -1):
        token = toks[back]
        if token.clause != clause:
            return False
        if token.word in NEGATORS and token not in found:
            return True
    return False
