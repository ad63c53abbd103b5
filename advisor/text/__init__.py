"""The text layer: every reading of a plan's free text happens here (rules see only facts).

- :mod:`tokens`: words with their span and clause; :mod:`stem`: Sastrawi (id) and Snowball (en)
  stems, corrected by ``knowledge/stem_exceptions.yaml``, cached per word;
  :mod:`negation`: negation scope; :mod:`lexicon`: the phrases of ``knowledge/lexicon.yaml`` as
  lemmas; :mod:`numbers`: numbers with Indonesian or English separators.
- Readings, each a :class:`~advisor.text.reading.Reading` with its evidence: :mod:`clarity`,
  :mod:`direction`, :mod:`measurable`, :mod:`background`, :mod:`decision`, :mod:`statements`,
  :mod:`matching`.

The helpers below are the small plain-text utilities the fact extraction shares.
"""

from __future__ import annotations

from itertools import filterfalse

from advisor.text.lexicon import first, first_of, scanned
from advisor.text.numbers import has_number, parse_number, read_number
from advisor.text.reading import quoted
from advisor.text.tokens import words

__all__ = [
    "HOME_COUNTRIES",
    "filled",
    "find",
    "find_as_written",
    "find_each",
    "has_number",
    "joined",
    "parse_number",
    "read_number",
    "truncate",
]
__all__ += ["unit_of", "words"]

HOME_COUNTRIES = {"id", "idn", "indonesia"}  # how plans write the home country


def joined(value: str | list[str] | None) -> str:
    """A text field that plans write either as one text or as a list of lines, as one text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(v for v in value if v)
    return value


def filled(value: object) -> bool:
    """Is a plan field written at all (not missing, not blank, not an empty list)?"""
    if value is None:
        return False
    if type(value) is str:  # most fields: written unless all blank, without stripping a copy
        return value != "" and not value.isspace()
    return bool(joined(value).strip()) if isinstance(value, str | list) else True


def find(text: str, purpose: str) -> str | None:
    """The words of the first phrase of ``purpose`` in ``text`` that no negation covers."""
    match = first(text, purpose)
    return match.words if match else None


def find_as_written(text: str, purpose: str) -> str | None:
    """Those words as ``text`` writes them, to be quoted in a message ("Nota Kesepahaman")."""
    match = first(text, purpose)
    return quoted(text, *match.found)[0] if match else None


def find_each(texts: list[str], *purposes: str) -> dict[str, str | None]:
    """For each purpose, the words of its first phrase in any of ``texts`` that no negation
    covers: the texts are scanned once for all purposes, stopping when every one is found."""
    out: dict[str, str | None] = dict.fromkeys(purposes)
    missing = set(purposes)
    # a text met again can hold nothing still missing; the texts holding none of the purposes
    # still missing (nearly all of a plan's few hundred) are passed over in C, without a call each
    for found in filterfalse(missing.isdisjoint, map(scanned, dict.fromkeys(texts))):
        for purpose, match in first_of(found, missing).items():
            out[purpose] = match.words
            missing.discard(purpose)
        if not missing:
            break
    return out


def unit_of(value: object) -> str | None:
    """The unit written next to a number ("50 orang" -> "orang", "30%" -> "%")."""
    if not isinstance(value, str):
        return None
    if "%" in value:
        return "%"
    return find(value, "units")


def _tidy(text: str) -> bool:
    """Would ``" ".join(text.split())`` give ``text`` back unchanged? A printable text has no
    whitespace but plain spaces, so it would when it has no double space and none at either end."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def truncate(text: str, limit: int = 160) -> str:
    if len(text) <= limit and _tidy(text):  # most values need nothing
        return text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
