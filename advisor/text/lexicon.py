"""Find the phrases of ``knowledge/lexicon.yaml`` in a text, on lemmas, with negation.

Each phrase is compiled once into word keys: ``("s", word)`` for a surface word, ``("id",
root)`` or ``("en", stem)`` for a lemma of that language (a phrase is stemmed with its own
language's stemmer; a text's words are stemmed with both, so mixed text still matches), and
``("#", "")`` for any number (NUM in the lexicon). "A ~ B" matches A and B in one clause, at most five words apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

from advisor import knowledge
from advisor.text.negation import NEGATORS, negated
from advisor.text.stem import stem, stem_en, stem_id
from advisor.text.tokens import Token, tokens

Key = tuple[str, str]
NEAR = 5  # words between the two halves of "A ~ B"
_NUMBER_WORDS = frozenset(
    [
        "satu",
        "dua",
        "tiga",
        "empat",
        "lima",
        "enam",
        "tujuh",
        "delapan",
        "sembilan",
        "sepuluh",
        "sebelas",
        "puluh",
        "ratus",
        "ribu",
        "seratus",
        "seribu",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "hundred",
        "thousand",
    ]
)


class Phrase(NamedTuple):
    """A lexicon phrase compiled to word keys (a named tuple: a cold start makes some 3,500 of
    them from knowledge/compiled.json, where a frozen dataclass's ``__init__`` cost ~3 ms more)."""

    purpose: str
    lang: str
    text: str  # as written in the lexicon
    first: tuple[Key, ...]
    near: tuple[Key, ...] = ()  # the B of "A ~ B"


class Match(NamedTuple):
    """A phrase found in a text: which, the words that matched, and whether a negation covers it
    (a named tuple: a first read makes thousands, and a frozen dataclass's ``__init__`` cost a
    tenth of the scan)."""

    phrase: Phrase
    found: tuple[Token, ...]
    negated: bool

    @property
    def purpose(self) -> str:
        return self.phrase.purpose

    @property
    def words(self) -> str:
        return " ".join(t.word for t in self.found)

    @property
    def span(self) -> tuple[int, int]:
        return (min(t.start for t in self.found), max(t.end for t in self.found))


def is_number(word: str) -> bool:
    return word[:1].isdigit() or word in _NUMBER_WORDS


@lru_cache(maxsize=65536)
def keys(word: str) -> frozenset[Key]:
    """Every key a text's word can match: itself, its Indonesian root, its English stem."""
    out = {("s", word), ("id", stem_id(word)), ("en", stem_en(word))}
    if is_number(word):
        out.add(("#", ""))
    return frozenset(out)


def _compile_part(part: str, lang: str, mode: str) -> tuple[Key, ...]:
    out: list[Key] = []
    for token in tokens(part):
        if token.word == "num":
            out.append(("#", ""))
        elif mode == "surface" or token.word in NEGATORS:
            # a negator is matched as written: "belum berjalan" must not meet "sebelumnya
            # berjalan" through the root they share
            out.append(("s", token.word))
        else:
            out.append((lang, stem(token.word, lang)))
    return tuple(out)


def compile_purpose(purpose: str) -> tuple[Phrase, ...]:
    """A purpose's phrases as word keys, longest first."""
    entry = knowledge.lexicon()[purpose]
    phrases = []
    for lang in ("id", "en"):
        for written in getattr(entry, lang):
            # "=terputus": this phrase as written, in a list matched on lemmas (its root "putus"
            # would meet "keputusan")
            text = written.removeprefix("=")
            mode = "surface" if text != written else entry.match
            first, _, near = text.partition("~")
            a = _compile_part(first, lang, mode)
            b = _compile_part(near, lang, mode) if near else ()
            if a:
                phrases.append(Phrase(purpose, lang, text, a, b))
    # longest first at the same place, so that "penerima manfaat" wins over "penerima"
    return tuple(sorted(phrases, key=lambda p: -(len(p.first) + len(p.near))))


class _Table:
    """Every lexicon phrase compiled ahead (knowledge/compiled.json, written by tools/build.py),
    grouped by the key of its first word, each group in the order of the lexicon's purposes and
    of each purpose's phrases: a phrase is made into a :class:`Phrase` only when a text's word
    meets its first key, so that a start does not build some ten thousand of them (and the
    compiled copy holds flat lists of numbers and words, which JSON reads several times faster
    than a list for every key)."""

    def __init__(self, raw: dict[str, Any]):
        self.keys: list[Key] = list(zip(raw["kinds"], raw["words"], strict=True))
        self.purposes: list[str] = raw["purposes"]
        self.purpose: list[int] = raw["purpose"]  # twice the purpose's number, plus 1 in English
        self.text: list[str] = raw["text"]
        self.first: list[int] = raw["first"]
        self.first_at: list[int] = list(accumulate(raw["first_len"], initial=0))
        # by the phrase's number, for "A ~ B" only
        self.near: dict[int, list[int]] = {int(i): keys for i, keys in raw["near"].items()}
        self.starts: list[int] = list(accumulate(raw["group_len"], initial=0))
        # the number of each first key's group
        self.group: dict[Key, int] = {self.keys[k]: at for at, k in enumerate(raw["groups"])}

    def phrases(self, key: Key) -> list[Phrase]:
        """The phrases whose first word has ``key``, in the lexicon's order."""
        at = self.group.get(key)
        if at is None:
            return []
        key_of, first, first_at, near = self.keys.__getitem__, self.first, self.first_at, self.near
        new = tuple.__new__  # Phrase(...) without the named tuple's Python-level __new__
        out = []
        for i in range(self.starts[at], self.starts[at + 1]):
            purpose, english = divmod(self.purpose[i], 2)
            keys = tuple(map(key_of, first[first_at[i] : first_at[i + 1]]))
            after = tuple(map(key_of, near[i])) if i in near else ()
            out.append(new(Phrase, (self.purposes[purpose], _LANGS[english], self.text[i], keys, after)))
        return out


_LANGS = ("id", "en")


@cache
def _table() -> _Table | None:
    """The phrases compiled ahead, when knowledge/compiled.json was made from this lexicon."""
    raw = knowledge.precomputed_phrases()
    try:
        return _Table(raw) if raw else None
    except (KeyError, TypeError, ValueError, IndexError):  # a damaged copy: compiled here instead
        return None


def compiled_table() -> dict[str, Any]:
    """Every lexicon phrase compiled, as :class:`_Table` reads it (tools/build.py writes it into
    knowledge/compiled.json): the phrases grouped by their first key, each group in the
    lexicon's order, with each phrase's purpose and language, text and keys (by number) in flat
    lists."""
    purposes = list(knowledge.lexicon())
    groups: dict[Key, list[Phrase]] = {}
    for purpose in purposes:
        for phrase in compile_purpose(purpose):
            groups.setdefault(phrase.first[0], []).append(phrase)
    numbers: dict[Key, int] = {}
    out: dict[str, Any] = {"purposes": purposes, "purpose": [], "text": [], "first": [], "first_len": []}
    out.update(near={}, groups=[], group_len=[])
    for key, group in groups.items():
        out["groups"].append(numbers.setdefault(key, len(numbers)))
        out["group_len"].append(len(group))
        for phrase in group:
            if phrase.near:
                out["near"][str(len(out["text"]))] = [numbers.setdefault(k, len(numbers)) for k in phrase.near]
            out["purpose"].append(2 * purposes.index(phrase.purpose) + _LANGS.index(phrase.lang))
            out["text"].append(phrase.text)
            out["first"] += [numbers.setdefault(k, len(numbers)) for k in phrase.first]
            out["first_len"].append(len(phrase.first))
    out["kinds"] = [kind for kind, _ in numbers]
    out["words"] = [word for _, word in numbers]
    return out


@cache
def _starting(key: Key) -> tuple[Phrase, ...]:
    """The phrases the scan looks for whose first word has ``key``: every purpose's but the word
    sets', in the lexicon's order of purposes, each purpose's longest first."""
    table = _table()
    if table is None:
        return _index(_every_purpose()).get(key, ())
    scanned = _scanned()
    return tuple(p for p in table.phrases(key) if p.purpose in scanned)


@cache
def _index(purposes: tuple[str, ...]) -> dict[Key, tuple[Phrase, ...]]:
    """The phrases of ``purposes`` by their first key, compiled here (knowledge/compiled.json is
    stale: the lexicon was edited since the last build)."""
    index: dict[Key, list[Phrase]] = {}
    for purpose in purposes:
        for phrase in compile_purpose(purpose):
            index.setdefault(phrase.first[0], []).append(phrase)
    return {k: tuple(v) for k, v in index.items()}


def _at(toks: tuple[Token, ...], known: list[frozenset[Key]], start: int, pattern: tuple[Key, ...]) -> bool:
    """Does ``pattern`` match the words from ``start`` on, in one clause? ``known`` holds each
    word's keys, looked up once per text rather than once per phrase tried."""
    if start + len(pattern) > len(toks):
        return False
    clause = toks[start].clause
    at = start
    for key in pattern:  # a plain loop: all() over a generator cost a third of the scan
        if key not in known[at] or toks[at].clause != clause:
            return False
        at += 1
    return True


def _near(
    toks: tuple[Token, ...], known: list[frozenset[Key]], start: int, end: int, pattern: tuple[Key, ...]
) -> int | None:
    clause = toks[start].clause
    for other in range(max(0, start - NEAR - len(pattern)), min(len(toks), end + NEAR)):
        if start <= other < end or toks[other].clause != clause:
            continue
        if _at(toks, known, other, pattern):
            return other
    return None


# A phrase as the scan tries it: the phrase, how many words its first part has, and whether it
# has a second part ("A ~ B")
_Try = tuple[Phrase, int, bool]
_ByPurpose = tuple[tuple[str, tuple[_Try, ...]], ...]


class _Starts(NamedTuple):
    """The phrases that may start at a word, by purpose, each purpose's longest first: all of
    them, and only those whose first part is this one word, which are all that can match when
    the next word has none of the second keys of the longer ones (most places in a text)."""

    every: _ByPurpose
    seconds: frozenset[Key]  # the second word's keys of the longer phrases
    single: _ByPurpose
    # each purpose's first phrase of ``single``, when none of them has a "~ B" (nearly every
    # word): what trying ``single`` finds, since a one-word phrase matches as it is
    alone: tuple[tuple[str, Phrase], ...] | None


@lru_cache(maxsize=65536)
def _candidates(word: str) -> _Starts:
    """The phrases of any purpose that may start at ``word`` (cached by the word alone: a key
    of every purpose would be hashed at every word)."""
    # keys in a fixed order: a frozenset's order follows the string hash seed, and two phrases
    # of one length met through different keys would otherwise be chosen by it
    found = [p for key in sorted(keys(word)) for p in _starting(key)]
    by_purpose: dict[str, list[_Try]] = {}
    for phrase in sorted(found, key=lambda p: -(len(p.first) + len(p.near))):
        by_purpose.setdefault(phrase.purpose, []).append((phrase, len(phrase.first), bool(phrase.near)))
    every = tuple((purpose, tuple(phrases)) for purpose, phrases in by_purpose.items())
    seconds = frozenset(p.first[1] for p in found if len(p.first) > 1)
    single = tuple((purpose, only) for purpose, phrases in every if (only := tuple(t for t in phrases if t[1] == 1)))
    alone = None if any(only[0][2] for _, only in single) else tuple((purpose, only[0][0]) for purpose, only in single)
    return _Starts(every, seconds, single, alone)


def _scan(text: str) -> dict[str, list[Match]]:
    """Every phrase of every purpose in ``text``, by purpose, in text order: at each word, the
    longest phrase of each purpose that matches there."""
    toks = tokens(text)
    words = [t.word for t in toks]
    # each word's keys and phrases looked up once per text rather than once per phrase tried
    # (map: one C-level pass over the per-word caches)
    known = list(map(keys, words))
    # most texts hold no negator: then no match is negated, and the scope need not be walked
    negators = not NEGATORS.isdisjoint(words)
    out: dict[str, list[Match]] = {}
    new = tuple.__new__  # Match(...) without the named tuple's Python-level __new__
    size = len(toks)
    for i, starts in enumerate(map(_candidates, words)):
        if not starts.every:
            continue
        token = toks[i]
        # the longer phrases are tried only where the next word may continue one of them
        longer = i + 1 < size and not starts.seconds.isdisjoint(known[i + 1])
        found: tuple[Token, ...]
        if not longer and starts.alone is not None:
            found = (token,)
            negation = negators and negated(toks, i, found)
            for purpose, phrase in starts.alone:
                match = new(Match, (phrase, found, negation))
                if purpose in out:
                    out[purpose].append(match)
                else:
                    out[purpose] = [match]
            continue
        for purpose, phrases in starts.every if longer else starts.single:
            for phrase, length, near in phrases:
                if length == 1:  # found by its first word's key: a one-word phrase matches as it is
                    found = (token,)
                else:
                    # a longer one when its next word's key is there (most fail at once), then the rest
                    end = i + length
                    if (
                        end > size
                        or phrase.first[1] not in known[i + 1]
                        or toks[i + 1].clause != token.clause
                        or (length > 2 and not _at(toks, known, i, phrase.first))
                    ):
                        continue
                    found = toks[i:end]
                start = i
                if near:
                    other = _near(toks, known, i, i + length, phrase.near)
                    if other is None:
                        continue
                    found = tuple(sorted((*found, *toks[other : other + len(phrase.near)]), key=_token_start))
                    # "tidak memberikan manfaat yang seimbang bagi kedua pihak" ("kedua pihak ~ manfaat"):
                    # the negation's scope is counted from the phrase's first word in the text
                    start = min(i, other)
                match = new(Match, (phrase, found, negators and negated(toks, start, found)))
                if purpose in out:
                    out[purpose].append(match)
                else:
                    out[purpose] = [match]
                break
    return out


def _token_start(token: Token) -> int:
    return token.start


# Purposes that one reading takes as word sets (advisor/text/voice.py reads ``voice_*``,
# advisor/text/matching.py the fields, abbreviations and frames), never phrases to find: left out
# of the scan, which would otherwise find "yang", "untuk", "is" and "to" in every text for nothing.
_WORD_SETS = (
    "voice_",
    "act_field",
    "object_field",
    "act_means",
    "hypernym",
    "false_friend",
    "frame_head",
    "opening_verb",
    "abbreviation",
)


@cache
def _every_purpose() -> tuple[str, ...]:
    return tuple(p for p in knowledge.lexicon() if not p.startswith(_WORD_SETS))


@cache
def _scanned() -> frozenset[str]:
    return frozenset(_every_purpose())


@lru_cache(maxsize=32768)
def _by_purpose(text: str) -> dict[str, list[Match]]:
    """Every phrase of every purpose in ``text``, by purpose: a text is scanned once, however
    many readings ask about it (the lists are read, never changed)."""
    return _scan(text)


# A text's scan, read only, for a caller that maps it over many texts (find_each: a call in C
# for each text, where most of a plan's texts hold none of the purposes it asks)
scanned: Callable[[str], Mapping[str, list[Match]]] = _by_purpose


def _start(match: Match) -> int:
    return match.found[0].start


def phrases_in(text: str) -> Set[str]:
    """The purposes of which ``text`` holds a phrase (negated ones included): a reading whose
    purposes are all absent has nothing to look at."""
    return _by_purpose(text).keys() if text else frozenset()


def find_all(text: str, *purposes: str) -> list[Match]:
    """Every phrase of ``purposes`` in ``text``, in text order (negated ones included)."""
    if not text:
        return []
    found = _by_purpose(text)
    if len(purposes) == 1:
        return list(found.get(purposes[0], ()))
    return sorted((m for p in purposes for m in found.get(p, ())), key=_start)


def words_of(text: str, *purposes: str) -> set[Token]:
    """The words of every phrase of ``purposes`` in ``text`` (negated ones included), as a set:
    what a reading leaves aside as generic or as stopwords, without the phrases' order."""
    found = _by_purpose(text) if text else {}
    return {t for purpose in purposes for match in found.get(purpose, ()) for t in match.found}


def first(text: str, *purposes: str, negated_too: bool = False) -> Match | None:
    """The first phrase of ``purposes`` in ``text`` that no negation covers."""
    if not text:
        return None
    # one purpose (most questions): its own list, already in text order, read without a copy
    matches = _by_purpose(text).get(purposes[0], ()) if len(purposes) == 1 else find_all(text, *purposes)
    for match in matches:
        if negated_too or not match.negated:
            return match
    return None


def first_of(found: Mapping[str, list[Match]], purposes: Set[str]) -> dict[str, Match]:
    """For each of ``purposes`` that a text's :func:`scanned` phrases hold, its first phrase no
    negation covers."""
    out: dict[str, Match] = {}
    for purpose in purposes:  # a few purposes asked, where a text holds phrases of many
        for match in found.get(purpose, ()):
            if not match.negated:
                out[purpose] = match
                break
    return out


def starts_with(text: str, *purposes: str, skip: int = 0) -> Match | None:
    """A phrase of ``purposes`` that starts at the ``skip``-th word of ``text``."""
    found = _by_purpose(text)
    if found.keys().isdisjoint(purposes):  # most questions: no phrase of theirs anywhere in the text
        return None
    toks = tokens(text)
    if len(toks) <= skip:
        return None
    start = toks[skip].start
    # the first in find_all's order (a stable sort by start) without sorting: purposes in the
    # order given, each purpose's phrases in their order
    for purpose in purposes:
        for match in found.get(purpose, ()):
            if match.found[0].start == start:
                return match
    return None
