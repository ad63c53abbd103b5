"""Negation scope: a negator ("tidak", "belum", "tanpa", "bukan", "no", "not", "without")
covers the next three words of its clause. A phrase that contains its negator ("belum ada",
"tidak terjadwal") is a meaning of its own and is not negated by it; a negator inside the gap of a
phrase written "A ~ B" negates it ("data ~ dianonimkan" in "data pasien tidak dianonimkan")."""

from __future__ import annotations

from advisor.text.tokens import Token

NEGATORS = frozenset({"tidak", "tak", "belum", "tanpa", "bukan", "tiada", "no", "not", "without", "never", "non"})
SCOPE = 3


# "tidak hanya", "bukan sekadar", "not only", "not just": a negator before a focus word adds ("tidak hanya
# ... tetapi juga ..."), it denies nothing
_FOCUS = frozenset({"hanya", "sekadar", "saja", "semata", "semata-mata", "only", "just", "merely", "simply"})


def negated(toks: tuple[Token, ...], start: int, found: tuple[Token, ...]) -> bool:
    """Does a negator before word ``start``, or between the words of ``found`` (and not one of
    them), reach the phrase? Not one before a focus word ("tidak hanya", "not only")."""
    last = found[-1].start
    for k in range(start + 1, len(toks)):
        inside = toks[k]
        if inside.start >= last:
            break
        if inside.word in NEGATORS and inside not in found and not focus(toks, k):
            return True
    clause = toks[start].clause
    for back in range(start - 1, max(-1, start - SCOPE - 1), -1):
        token = toks[back]
        if token.clause != clause:
            return False
        if token.word in NEGATORS and token not in found and not focus(toks, back):
            return True
    return False


def focus(toks: tuple[Token, ...], at: int) -> bool:
    """Is the negator at ``at`` one of "not only" ("tidak hanya", "bukan sekadar")?"""
    return at + 1 < len(toks) and toks[at + 1].word in _FOCUS and toks[at + 1].clause == toks[at].clause


# a clause that opens by denying its subject ("Tidak ada pihak yang dapat memutuskan sendiri", "Tak
# satu pun mitra ...", "No major risks were identified", "None of the partners may ...") denies all
# it says of that subject, however far the predicate stands from the negator
_NO_SUBJECT: tuple[tuple[str, ...], ...] = (
    ("tidak", "ada"), ("tak", "ada"), ("tiada",), ("tidak", "satu", "pun"), ("tak", "satu", "pun"),
    ("tidak", "seorang", "pun"), ("tak", "seorang", "pun"), ("tidak", "satupun"), ("tak", "satupun"),
    ("no",), ("none",), ("neither",), ("nobody",), ("no-one",), ("no", "one"),
)  # fmt: skip
SUBJECT_SCOPE = 12  # words from the opening negator to the predicate it still reaches


_NO_SUBJECT_EN = frozenset({"no", "none", "neither", "nobody", "no-one"})


def subject_denied(toks: tuple[Token, ...], at: int, english: bool = False) -> bool:
    """Does the clause of word ``at`` open, within :data:`SUBJECT_SCOPE` words before it, with a
    denied subject ("Tidak ada pihak yang ...", "No major ... risks were identified")? Only the
    English openings when ``english`` ("Tidak ada dokter di pustu" is a lack in itself)."""
    clause = toks[at].clause
    first = at
    while first > 0 and toks[first - 1].clause == clause:
        first -= 1
    if at - first > SUBJECT_SCOPE:
        return False
    if english:
        return toks[first].word in _NO_SUBJECT_EN
    words = tuple(t.word for t in toks[first : first + 3])
    return any(words[: len(opening)] == opening for opening in _NO_SUBJECT)
