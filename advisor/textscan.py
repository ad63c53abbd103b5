"""Read meaning out of free text with the word lists in ``knowledge/lexicon.yaml``.

durable-rules' own regex dialect cannot do this (see ../shared/notes/durable-rules.md), so
text analysis happens here, during fact extraction, and the rules see its results as facts.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from advisor import knowledge

_WORD = re.compile(r"[\w%][\w\-%]*", re.UNICODE)
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*")


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
    return bool(joined(value).strip()) if isinstance(value, str | list) or value is None else True


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@cache
def _phrases(purpose: str) -> tuple[tuple[str, ...], ...]:
    lists = knowledge.lexicon()[purpose]
    found = {tuple(words(p)) for lang in lists.values() for p in lang}
    # longest first, so that "penerima manfaat" wins over "penerima"
    return tuple(sorted((p for p in found if p), key=lambda p: (-len(p), p)))


Index = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]


@cache
def _index(*purposes: str) -> Index:
    """(purpose, phrase) pairs by their first word, in the order the purposes and phrases are
    tried: a scan then looks up each token instead of trying every phrase at every token."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for purpose in purposes:
        for phrase in _phrases(purpose):
            index.setdefault(phrase[0], []).append((purpose, phrase))
    return {first: tuple(entries) for first, entries in index.items()}


def _first_match(tokens: list[str], index: Index, min_words: int = 1) -> tuple[str, tuple[str, ...]] | None:
    """The first (purpose, phrase) occurring in ``tokens`` as whole words, scanning left to right."""
    for start, token in enumerate(tokens):
        for purpose, phrase in index.get(token, ()):
            if len(phrase) >= min_words and tuple(tokens[start : start + len(phrase)]) == phrase:
                return purpose, phrase
    return None


def find(text: str, purpose: str) -> str | None:
    """The first phrase of the ``purpose`` list that occurs in ``text`` as whole words."""
    match = _first_match(words(text), _index(purpose))
    return " ".join(match[1]) if match else None


def starts_with(text: str, purpose: str) -> bool:
    return _starts(words(text), purpose)


def _starts(tokens: list[str], purpose: str) -> bool:
    return bool(tokens) and any(tuple(tokens[: len(p)]) == p for _, p in _index(purpose).get(tokens[0], ()))


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


def clarity(responsibility: str) -> str:
    """``clear``, ``vague`` or ``passive``.

    A responsibility is vague when it opens with a verb that names no concrete task
    ("mendukung", "assist") or hedges with a phrase such as "sesuai kebutuhan", and gives no
    quantity that would make it checkable; passive when it only receives ("menerima
    pelatihan", "attend training").
    """
    tokens = words(responsibility)
    if _starts(tokens, "passive"):
        return "passive"
    hedged = _first_match(tokens, _index("vague"), min_words=2) is not None
    if (_starts(tokens, "vague") or hedged) and not has_number(responsibility):
        return "vague"
    if len(tokens) < 2:
        return "vague"
    return "clear"


def direction(text: str) -> str | None:
    """The intended direction of change a statement names, if any."""
    tokens = words(text)
    match = _first_match(tokens, _index("decrease", "increase", "maintain"))
    if match:
        return match[0]
    # No direction word: a cumulative count ("hektare ditanam", "guides trained") can only grow.
    return "increase" if _first_match(tokens, _index("count_up")) else None


def is_quantified(text: str) -> bool:
    """Does the statement name something countable (a number or a measurable noun)?"""
    return has_number(text) or find(text, "measurable") is not None


def parse_number(value: object) -> float | None:
    """A number from 50, 0.3, "30%", "50 orang", "1.000" (Indonesian thousands) or "2,5"."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _NUMBER.search(str(value))
    if not match:
        return None
    raw = match.group(0)
    if re.fullmatch(r"[-+]?\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    elif re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+", raw):
        raw = raw.replace(",", "")
    else:
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def unit_of(value: object) -> str | None:
    """The unit written next to a number ("50 orang" -> "orang", "30%" -> "%")."""
    if not isinstance(value, str):
        return None
    if "%" in value:
        return "%"
    return find(value, "units")


def stem_overlap(a: str, b: str) -> bool:
    """Do two texts share a content word? Compared on a five-letter stem with Indonesian
    prefixes removed, so "pelatihan" and "melatih" both become "latih"."""
    return bool(_stems(a) & _stems(b))


_PREFIXES = (
    *("memper", "pember", "penge", "menge", "meny", "peny", "mem", "pem", "men", "pen"),
    *("ber", "per", "me", "pe", "di", "ter", "ke"),
)
# The first prefix in that order that leaves at least four letters, as one regex: the loop over
# the prefixes for every word was most of a plan's stemming.
_PREFIX = re.compile(f"^(?:{'|'.join(_PREFIXES)})(?=.{{4}})", re.DOTALL)


@lru_cache(maxsize=4096)  # a partner's responsibilities are compared with each activity it has a role in
def _stems(text: str) -> frozenset[str]:
    return frozenset(
        _PREFIX.sub("", word, count=1)[:5] for word in words(text) if len(word) >= 4 and not word.isdigit()
    )


def _tidy(text: str) -> bool:
    """Would ``" ".join(text.split())`` give ``text`` back unchanged? A printable text has no
    whitespace but plain spaces (tabs, newlines and Unicode spaces are not printable), so it
    would when it has no double space and none at either end. A third of a regex."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def truncate(text: str, limit: int = 160) -> str:
    if len(text) <= limit and _tidy(text):  # most values need nothing
        return text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
