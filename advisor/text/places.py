"""The names of Indonesia's administrative areas in a text ("di Kecamatan Koto Tangah", "Kerinci
Regency", "in Padang"), read against the Kemendagri list of areas (``knowledge/places``), and
whether one area lies in another (by code: "13.71.11" lies in "13.71", which lies in "13").

A name is read as a place when its words are capitalised as written and it is

- announced by a cue of its level, before it ("Kabupaten Kerinci", "Kab. Kerinci", "Desa
  Sukamaju", "City of Padang") or, in English, after it ("Kerinci Regency", "Pasie Nan Tigo
  village"): the name of an area of that level (a city for "Kota", a kabupaten for "Kabupaten");
- or, without a cue, a province's, regency's or district's name none of whose words is a common
  word ("Kayu Aro": "aro" is none), or one that is all common words right after a word of place
  ("di Padang", "in Batu", "ke Kupang Tengah dan Kupang Timur"): many names are words ("Padang"
  a field, "Batu" a stone, "Batu Bara" coal, "Tanah Pasir" sandy soil), and a bare common word is
  no place.

A village (83,762 of them, most named with common words or shared by dozens) is read only after
its cue and when its name is not all common words ("Desa Wisata" is a tourism village, no place).
A common word is a root of Sastrawi's dictionary or a word of the lexicon's thesaurus or
stopwords, in either language.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, NamedTuple

from advisor import knowledge
from advisor.knowledge_schemas import AREA_FILES
from advisor.text.ahead import ahead
from advisor.text.stem import is_root, stem_id
from advisor.text.tokens import Token, tokens

LEVELS = ("province", "regency", "district", "village")  # by the code's number of full stops
MAX_VILLAGE_WORDS = 4  # words of a village's name looked up after its cue ("Koto Panjang Ikua Koto")
_OF = frozenset({"of"})  # "City of Padang", "Province of West Sumatra"


class Place(NamedTuple):
    """A place named in a text: the tokens it spans (its cue included), as indices of
    :func:`advisor.text.tokens.tokens`, its words as written, and the codes of the areas it may be
    (a name may be several: "Kota Padang" is the city and a district of Rejang Lebong)."""

    first: int
    last: int
    written: str
    codes: tuple[str, ...]


class _Index(NamedTuple):
    """Every name of a province, regency or district (a regency's without "Kabupaten"/"Kota"
    too, a province's short and English names too) by its words, lower case and one space apart,
    with the codes of the areas it names; each word that opens a name with the most words of a
    name it opens (a text is looked up from its longest possible name down); and the codes of
    the cities (kota) among the regencies."""

    names: dict[str, tuple[str, ...]]
    longest: dict[str, int]
    cities: tuple[str, ...]


def _decoded(data: list[Any]) -> _Index:
    names, longest, cities = data
    return _Index({key: tuple(codes) for key, codes in names.items()}, longest, tuple(cities))


# Computed ahead into knowledge/compiled.json: built from the ~7,800 areas' lines, the index took
# ~35 ms of a cold check (the list read and checked, then every name keyed), read as JSON ~3 ms.
@cache
@ahead("places_index", __file__, _decoded, inputs=(AREA_FILES[0], "places/places.yaml"))
def _index() -> _Index:
    names: dict[str, list[str]] = {}
    for area in knowledge.areas():
        for name in _names(area.code, area.name):
            key = _key(name)
            found = names.get(key)
            if found is None:
                names[key] = [area.code]
            elif area.code not in found:
                found.append(area.code)
    for code, aliases in knowledge.places().aliases.items():
        for alias in aliases:
            names.setdefault(_key(alias), []).append(code)
    longest: dict[str, int] = {}
    for key in names:
        first, count = key.partition(" ")[0], key.count(" ") + 1
        if longest.get(first, 0) < count:
            longest[first] = count
    cities = tuple(a.code for a in knowledge.areas() if a.code.count(".") == 1 and a.name.startswith("Kota "))
    return _Index({key: tuple(codes) for key, codes in names.items()}, longest, cities)


_WORD = re.compile(r"[^\W_][\w\-']*")  # a word as advisor/text/tokens.py reads it (names have no numbers)


def _key(name: str) -> str:
    """A name's words as :func:`tokens` reads a text, lower case and one space apart (by its
    pattern, not through it: 8,000 names would push a plan's texts out of its cache)."""
    lower = name.lower()
    if lower.replace(" ", "").isalpha():
        return " ".join(lower.split())  # (nearly every name: no pattern needed)
    return " ".join(w for w in (raw.strip("'-") for raw in _WORD.findall(lower)) if w)


_REGENCY_TITLES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")


def _names(code: str, name: str) -> tuple[str, ...]:
    """The names an area goes by in a text: a regency's or city's with and without its title."""
    if code.count(".") == 1:
        title = next((t for t in _REGENCY_TITLES if name.startswith(t)), None)
        if title is not None:
            return name, name[len(title) :]
    return (name,)


@cache
def _cities() -> frozenset[str]:
    """The codes of the cities (kota) among the regencies."""
    return frozenset(_index().cities)


@cache
def _cues() -> dict[str, tuple[frozenset[str], str]]:
    """Each cue word with the levels it announces and where it stands ("before" the name, as
    Indonesian and "City of" write it, or "after", as English "Kerinci Regency" does)."""
    out: dict[str, tuple[set[str], str]] = {}
    for level, words in knowledge.places().cues.items():
        for lang in ("id", "en"):
            for word in getattr(words, lang):
                levels, _ = out.setdefault(word.lower(), (set(), "before" if lang == "id" else "after"))
                levels.add(level)
    return {word: (frozenset(levels), where) for word, (levels, where) in out.items()}


@cache
def _before_words() -> frozenset[str]:
    before = knowledge.places().before
    return frozenset(w.lower() for w in (*before.id, *before.en))


@cache
def _vocabulary() -> frozenset[str]:
    """The words of the lexicon's thesaurus (fields of action, groups of objects) and stopwords."""
    lexicon = knowledge.lexicon()
    out: set[str] = set()
    for purpose in ("act_field", "object_field"):
        for written in (*lexicon[purpose].id, *lexicon[purpose].en):
            out.update(w for w in written.partition("=")[2].split() if not w.startswith("!"))
    out.update(w for w in (*lexicon["stopwords"].id, *lexicon["stopwords"].en) if " " not in w)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
    """A root, a word of the lexicon, or an affixed form of a root ("Tahunan", a district of
    Jepara, is "annual" in "Festival Budaya Tahunan")."""
    return is_root(word) or word in _vocabulary() or is_root(stem_id(word))


def _plain(words: tuple[str, ...]) -> bool:
    """Is every word of a name a common word ("Tanah Pasir", "Padang", "Batu Bara")?"""
    return all(_common(w) for w in words)


def _capitalised(text: str, toks: tuple[Token, ...]) -> bool:
    return all(text[t.start].isupper() or text[t.start].isdigit() for t in toks)


def _level(code: str) -> str:
    return LEVELS[code.count(".")]


def _allowed(codes: tuple[str, ...], levels: frozenset[str], cue: str | None) -> tuple[str, ...]:
    """The codes of ``levels``; a city's cue keeps the cities, a kabupaten's the kabupaten."""
    kept = tuple(c for c in codes if _level(c) in levels)
    if cue in _city_cues():
        kept = tuple(c for c in kept if _level(c) != "regency" or c in _cities())
    elif cue in _regency_cues():
        kept = tuple(c for c in kept if _level(c) != "regency" or c not in _cities())
    return kept


@cache
def _city_cues() -> frozenset[str]:
    return frozenset(w.lower() for w in knowledge.places().cities)


@cache
def _regency_cues() -> frozenset[str]:
    return frozenset(w.lower() for w in knowledge.places().regencies_only)


def _area_at(
    text: str, toks: tuple[Token, ...], at: int, levels: frozenset[str], cue: str | None, placed: bool = False
) -> Place | None:
    """The area of ``levels`` named by the longest name starting at token ``at`` and capitalised
    as written; with no ``cue``, a name of common words only when ``placed`` (after a word of
    place). Only the longest name is weighed: "Batu Bara" is coal, not the city of Batu with a
    word after it, and "Kupang Tengah" a district, not Kupang."""
    index = _index()
    for end in range(min(len(toks), at + index.longest.get(toks[at].word, 0)), at, -1):
        codes = index.names.get(" ".join(t.word for t in toks[at:end]))
        if codes is None:
            continue
        if not _capitalised(text, toks[at:end]):
            continue
        plain = _plain(tuple(t.word for t in toks[at:end]))
        allowed = levels if cue is not None or placed or not plain else frozenset()
        kept = _allowed(codes, allowed, cue)
        return Place(at, end - 1, text[toks[at].start : toks[end - 1].end], kept) if kept else None
    return None


def _village_at(text: str, toks: tuple[Token, ...], at: int, end: int | None = None) -> Place | None:
    """The village whose name starts at token ``at`` (after its cue) and ends at ``end`` (before
    an English cue), else the longest found: its words capitalised, not all common words."""
    ends = [end] if end is not None else range(min(len(toks), at + MAX_VILLAGE_WORDS), at, -1)
    for stop in ends:
        span = toks[at:stop]
        if not span or span[-1].clause != span[0].clause or not _capitalised(text, span):
            continue
        words = tuple(t.word for t in span)
        if _plain(words):
            continue
        found = knowledge.villages_named(" ".join(words))
        if found:
            return Place(at, stop - 1, text[span[0].start : span[-1].end], tuple(a.code for a in found))
    return None


def _cued_before(text: str, toks: tuple[Token, ...], at: int) -> Place | None:
    """An area announced by the cue at token ``at`` ("Kecamatan Koto Tangah", "City of Padang")."""
    cue = toks[at].word
    levels, where = _cues()[cue]
    name_at = at + 1
    if where == "after":
        # an English cue before its name only with "of": "City of Padang" ("city road" is none)
        if name_at >= len(toks) or toks[name_at].word not in _OF:
            return None
        name_at += 1
    if name_at >= len(toks):
        return None
    found = _area_at(text, toks, name_at, levels - {"village"}, cue) if levels - {"village"} else None
    if found is None and "village" in levels:
        found = _village_at(text, toks, name_at)
    return found._replace(first=at, written=text[toks[at].start : toks[found.last].end]) if found else None


def _cued_after(text: str, toks: tuple[Token, ...], at: int) -> Place | None:
    """An area named at token ``at`` and announced by an English cue right after its name
    ("Kerinci Regency", "Kayu Aro District", "Pasie Nan Tigo village")."""
    cues = _cues()
    for end in range(min(len(toks) - 1, at + MAX_VILLAGE_WORDS), at, -1):
        cue = toks[end].word
        if cues.get(cue, (frozenset(), ""))[1] != "after":
            continue
        levels = cues[cue][0]
        found = None
        if levels - {"village"}:
            found = _area_at(text, toks, at, levels - {"village"}, cue)
            found = found if found is not None and found.last == end - 1 else None
        if found is None and "village" in levels:
            found = _village_at(text, toks, at, end)
        if found is not None:
            return found._replace(last=end, written=text[toks[at].start : toks[end].end])
    return None


_BARE = frozenset({"province", "regency", "district"})
_AND = frozenset({"dan", "serta", "atau", "and", "or"})


def _placed(toks: tuple[Token, ...], at: int, before: list[Place]) -> bool:
    """Does token ``at`` follow a word of place ("di", "in"), or a place and a conjunction
    ("ke Kecamatan Kupang Tengah dan Kupang Timur")?"""
    if at == 0:
        return False
    if toks[at - 1].word in _before_words():
        return True
    return toks[at - 1].word in _AND and bool(before) and before[-1].last == at - 2


@lru_cache(maxsize=8192)
def places(text: str) -> tuple[Place, ...]:
    """The places ``text`` names, in order (cached per text: matching asks it of a text for each
    text it is matched with)."""
    toks = tokens(text)
    if not any(text[t.start].isupper() for t in toks):
        return ()  # (no capital, no name: most words of a plan)
    longest, cues = _index().longest, _cues()
    if not any(t.word in cues or t.word in longest for t in toks):
        return ()  # (no cue and no word that opens a name)
    after = any(cues[t.word][1] == "after" for t in toks if t.word in cues)  # an English cue after a name
    out: list[Place] = []
    at = 0
    while at < len(toks):
        word = toks[at].word
        found = None
        if word in cues:
            found = _cued_before(text, toks, at)
        if found is None and text[toks[at].start].isupper():
            found = _cued_after(text, toks, at) if after else None
            if found is None and word in longest:
                found = _area_at(text, toks, at, _BARE, None, _placed(toks, at, out))
        if found is None:
            at += 1
            continue
        out.append(found)
        at = found.last + 1
    return tuple(out)


@lru_cache(maxsize=8192)
def place_tokens(text: str) -> frozenset[int]:
    """The indices of :func:`advisor.text.tokens.tokens` of ``text`` inside a place's name or cue."""
    return frozenset(i for place in places(text) for i in range(place.first, place.last + 1))


def within(code: str, other: str) -> bool:
    """Does the area ``code`` lie in the area ``other`` (or is it that area)?"""
    return code == other or code.startswith(other + ".")


def inside(mine: Place, theirs: Place) -> bool:
    """May the place ``mine`` lie in ``theirs``: one area it may be lies in one ``theirs`` may be."""
    return any(within(code, other) for code in mine.codes for other in theirs.codes)
