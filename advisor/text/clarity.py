"""Is a responsibility a task someone can be held to? ``clear``, ``vague`` or ``passive``.

Vague, in the forms Indonesian officials write it: a generic verb in any form and voice
("mendukung", "dukungan", "didukung", "supported by"), a light verb with a nominalised generic
verb ("memberikan dukungan", "melakukan pembinaan", "pemberian masukan"), a hedge ("sesuai
kebutuhan"), a verb with no object or only a generic one ("menyukseskan program",
"coordinate the cooperation", "memfasilitasi kegiatan"). A number makes a generic verb
checkable ("mendukung 40 UMKM"); a number, a frequency or a named deliverable makes an object
specific ("memfasilitasi forum pentahelix setiap bulan" is clear: seed 000 makes government the
facilitator and coordinator). Passive: the partner only receives ("menerima pelatihan").
Modals ("akan", "siap", "will") are skipped before the verb is read.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache, lru_cache
from itertools import pairwise

from advisor import knowledge
from advisor.text.lexicon import Match, find_all, first, is_number, phrases_in, starts_with, words_of
from advisor.text.morph import nominal_root
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens
from advisor.text.voice import passive_voice

MIN_CONTENT = 4  # letters of a word that can name what is organised ("among", "with" are stopwords)


@cache
def _generic_roots() -> frozenset[str]:
    """The roots of the generic verbs and nouns (``vague``, ``generic_noun``): any noun made
    from one of them names no task either ("pendampingan", "pengawalan", "keterlibatan")."""
    lexicon = knowledge.lexicon()
    words = [w for purpose in ("vague", "generic_noun") for w in lexicon[purpose].id if " " not in w]
    return frozenset(stem_id(w) for w in words)


def _generic_form(word: str) -> bool:
    """A noun made from a generic verb, in any affix form."""
    root = nominal_root(word)
    return root is not None and root in _generic_roots()


def _skip(text: str, purpose: str, skip: int = 0) -> int:
    """The position after the opening phrases of ``purpose`` ("akan", "siap untuk", "will be")."""
    while True:
        found = starts_with(text, purpose, skip=skip)
        if found is None:
            return skip
        skip += len(found.found)


_AND = frozenset({"dan", "serta", "and"})


def _and_acts(toks: tuple[Token, ...], last: Token) -> Token | None:
    """The verb a receiving verb is joined to in a series ("Menerima dan memverifikasi 200 berkas",
    "Receive and process complaints"), or None: receiving is then the first step of a task, and the
    series from that verb says what the task is."""
    i = toks.index(last)
    if i + 2 < len(toks) and toks[i + 1].word in _AND and toks[i + 1].clause == last.clause:
        return toks[i + 2]
    # "Menerima, menyortir dan menyalurkan bantuan", "Receive, check and forward reports": a
    # receiving verb with no object of its own before the comma shares the series' object
    if i + 1 < len(toks) and toks[i + 1].clause != last.clause and any(t.word in _AND for t in toks[i + 2 :]):
        return toks[i + 1]
    # "Menerima laporan, memverifikasi dan membayar klaim", "Menerima usulan dan menetapkannya": receiving
    # with an object of its own, then an active verb in the series
    return next(
        (after for before, after in pairwise(toks[i + 1 :]) if _starts_item(before, after) and _active_id(after.word)),
        None,
    )


def _starts_item(before: Token, after: Token) -> bool:
    """Does ``after`` open the next item of a series: after a comma (a new clause) or "dan"/"serta"?"""
    return before.clause != after.clause or before.word in _AND


def _active_id(word: str) -> bool:
    """Is ``word`` an Indonesian active verb ("memverifikasi", "menyalurkan")?"""
    return word.startswith("me") and stem_id(word) != word


_RECEIVE = frozenset({"menerima", "receive", "receives"})
HOSTED_REACH = 3  # words between "menerima"/"receive" and whom it takes in ("Menerima 15 mahasiswa magang")


def _hosts(text: str, opening: Match) -> bool:
    """Is a receiving verb followed by people or cases the partner takes in to handle ("Menerima
    15 mahasiswa magang", "Menerima rujukan pasien", "Receive 10 students as interns")? That is
    hosting, a task; receiving aid or training ("Menerima bantuan") is not."""
    last = opening.found[-1]
    if len(opening.found) != 1 or last.word not in _RECEIVE:
        return False
    toks = tokens(text)
    i = toks.index(last)
    reach = {t for t in toks[i + 1 : i + 1 + HOSTED_REACH] if t.clause == last.clause}
    return any(reach.intersection(m.found) for m in find_all(text, "hosted"))


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def clarity(text: str) -> Reading:
    toks = tokens(text)
    if not toks:
        return Reading("vague", "empty")
    # The purposes the text holds a phrase of, asked once: most of the questions below are about
    # purposes a responsibility does not hold, answered here without asking the lexicon.
    present = phrases_in(text)
    skip = _skip(text, "modal") if "modal" in present else 0
    numbers = [t for t in toks if is_number(t.word)]
    if numbers and "sides_counted" in present:
        # a number that only counts the sides ("between the two provinces") measures no task
        sides = words_of(text, "sides_counted")
        numbers = [t for t in numbers if t not in sides]
    number = bool(numbers)
    opening = None
    if not present.isdisjoint(_OPENING):
        opening = starts_with(text, "passive", "vague", "generic_noun", skip=skip)
    receives = opening if opening is not None and opening.purpose == "passive" else None
    acts = _and_acts(toks, receives.found[-1]) if receives is not None else None
    if acts is not None and receives is not None and not number:
        # "Menerima dan memverifikasi berkas permohonan": the task is the series from the verb joined to it
        series = clarity(text[acts.start :])
        if series.span is None:
            return series
        return replace(series, span=(series.span[0] + acts.start, series.span[1] + acts.start))
    if receives is not None and acts is None and not _hosts(text, receives):
        return from_match(text, "passive", "receives", receives)
    # the passive voice (advisor/text/voice.py): "Data disediakan oleh Disdukcapil", "Funds will be
    # provided" make no partner the actor, whether or not they also hedge
    voiced = passive_voice(text)
    if voiced is not None:
        return voiced
    recipient = first(text, "as_recipient") if "as_recipient" in present else None
    if recipient is not None:  # "Takes part in the training sessions as a trainee"
        return from_match(text, "passive", "receives", recipient)
    if opening is not None and not number:
        return from_match(text, "vague", "generic_verb", opening)
    if skip < len(toks) and _generic_form(toks[skip].word) and not number:
        words, span = quoted(text, toks[skip])
        return Reading("vague", "generic_noun_form", words, span)
    head = skip
    light = starts_with(text, "light_verb", skip=skip) if "light_verb" in present else None
    if light is not None:
        head = _skip(text, "filler", skip + len(light.found))  # "lends its support", "plays an active part"
        role = starts_with(text, "passive", skip=head)  # "menjadi kelompok sasaran", "act as a beneficiary"
        if role is not None:
            return from_match(text, "passive", "receives", light, role)
        noun = starts_with(text, "generic_noun", "vague", skip=head)
        if noun is not None and not number:
            return from_match(text, "vague", "light_verb_generic_noun", light, noun)
        if head < len(toks) and _generic_form(toks[head].word) and not number:
            words, span = quoted(text, *toks[skip : head + 1])
            return Reading("vague", "light_verb_generic_noun", words, span)
        if head >= len(toks):
            return from_match(text, "vague", "no_object", light)
    hedge = first(text, "hedge") if "hedge" in present else None
    if hedge is not None and not number:
        return from_match(text, "vague", "hedge", hedge)
    checkable = number or ("specific" in present and first(text, "specific") is not None)
    stop = words_of(text, "stopwords")
    generic = words_of(text, "generic_object", "generic_noun", "vague") | stop
    roots = _generic_roots()
    generic.update(t for t in toks if stem_id(t.word) in roots)  # "mengevaluasi", "pemantauan"
    # facilitating or coordinating is a task when it says what ("the coastal survey with
    # provincial offices", "forum pentahelix") or how often; a bare need or the collaboration
    # itself ("kebutuhan para pihak", "collaboration among stakeholders") is the generic role
    organise = starts_with(text, "coordinate", skip=skip) if "coordinate" in present else None
    if organise is not None and not checkable:
        content = [t for t in toks[skip + len(organise.found) :] if t not in generic and len(t.word) >= MIN_CONTENT]
        if len(content) <= 1:
            words, span = quoted(text, *toks[skip:])
            return Reading("vague", "organise_unspecified", words, span)
    verb = next((t for t in toks[head:] if t not in stop), toks[min(head, len(toks) - 1)])  # "the" is no task
    rest = [t for t in toks[head + 1 :] if t not in generic]
    if not rest and not checkable:
        reason = "no_object" if head + 1 >= len(toks) else "generic_object"
        words, span = quoted(text, *toks[skip:])
        return Reading("vague", reason, words, span)
    words, span = quoted(text, verb)
    return Reading("clear", "task", words, span)


_OPENING = frozenset({"passive", "vague", "generic_noun"})


@lru_cache(maxsize=8192)
def coordinates(text: str) -> bool:
    """Is ``text`` a vague-looking responsibility that facilitates or coordinates something
    ("Memfasilitasi pertemuan pelaku usaha")? Seed 000 makes that government's own role
    (fasilitator dan koordinator): for a government partner it is not a vague task."""
    if clarity(text).label != "vague" or len(tokens(text)) < 2:
        return False
    # coordinating only on a condition ("apabila diperlukan", "as needed") commits to no role; a
    # qualifier of whose powers it is ("sesuai kewenangan") leaves the role as it is
    if any(not find_all(hedge.words, "mandate_qualifier") for hedge in find_all(text, "hedge")):
        return False
    return starts_with(text, "coordinate", skip=_skip(text, "modal")) is not None
