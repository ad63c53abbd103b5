"""Words that deny, end or free from what they name: "unpaved", "ketidakpatuhan", "bebas", "anti-"."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.direction._common import _NO_LONGER
from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import tokens


@lru_cache(maxsize=4096)
def _done_or_good(word: str) -> bool:
    return bool(find_all(word, "count_up", "good_quantity"))


# English prefixes that deny the rest of the word ("im-" before p, b, m: "impassable")
_NOT = ("non-", "non", "under-", "under", "un", "dis", "in", "im")
_NOT_ID = ("ketidak", "ketak")  # "ketidakpatuhan", "ketaksesuaian": the lack of a quality
MIN_REST = 5  # letters after the prefix: "income" is no "in-come"
_EN_SUFFIXES = ("ed", "ity", "ion", "ance", "ence", "able", "ible", "ing", "ment", "ness", "ies", "ers")


def _undone(text: str) -> Reading | None:
    """A word that denies what should rise: an English un-/non-/dis-/in- form of a good or done
    thing ("unpaved roads", "unvaccinated children", "non-compliance", "dissatisfaction",
    "inaccessibility"), an Indonesian ketidak- noun ("ketidakpatuhan", "ketidakcukupan
    pangan"): what should fall."""
    named = {t for m in find_all(text, "good_quantity") if not m.negated for t in m.found}
    for token in tokens(text):
        word = token.word
        if token in named:
            continue  # "dissolved oxygen": a good thing's own word, no denial of "solved"
        denied = word.startswith(_NOT_ID) and len(word) > len("ketidak") + 3
        if not denied and word.endswith(_EN_SUFFIXES):  # not "industri", "informasi", "untuk"
            prefix = next((p for p in _NOT if word.startswith(p)), None)
            denied = prefix is not None and len(word) - len(prefix) >= MIN_REST and _done_or_good(word[len(prefix) :])
        if denied:
            said, span = quoted(text, token)
            return Reading("decrease", "good_denied", said, span)
    return None


def _harm_ended(text: str) -> Reading | None:
    """A harm said to be over ("Children no longer stunted", "Desa yang tidak lagi kumuh"): the
    count of its end rises."""
    toks = tokens(text)
    for harm in find_all(text, "bad_quantity"):
        i = toks.index(harm.found[0])
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == harm.found[0].clause]
        if len(before) == 2 and before[0].word in NEGATORS and before[1].word in _NO_LONGER:
            return from_match(text, "increase", "harm_ended", harm)
    return None


# "desa bebas buang air besar sembarangan", "kelurahan bebas kumuh"; a status declared, "desa Stop
# BABS" (the first pillar of STBM)
_FREE_BEFORE = frozenset({"bebas", "stop"})
_FREE_HEADS = frozenset({"kawasan", "permukiman", "kasus", "praktik", "dari"})
_FREE_AFTER = frozenset({"free"})  # "open defecation free villages"
_FREE_OF = frozenset({"of", "from"})  # "markets free of hazardous additives"


def _freed(text: str, harm: Match) -> bool:
    """Is a harm what a place or group is free of ("bebas kumuh", "open defecation free",
    "free of malaria")? The count of such places rises."""
    toks = tokens(text)
    i, j = toks.index(harm.found[0]), toks.index(harm.found[-1])
    clause = harm.found[0].clause
    before = [t.word for t in toks[max(0, i - 3) : i] if t.clause == clause]
    if before and before[-1] in _FREE_BEFORE:
        return True
    if len(before) >= 2 and before[-2] in _FREE_BEFORE and before[-1] in _FREE_HEADS:
        return True  # "bebas kawasan kumuh": the place of the harm between
    if len(before) >= 2 and before[-2] == "free" and before[-1] in _FREE_OF:
        return True
    if len(before) >= 3 and before[-3] == "free" and before[-2] in _FREE_OF:
        return True  # "free of hazardous additives": one adjective between
    return j + 1 < len(toks) and toks[j + 1].clause == clause and toks[j + 1].word in _FREE_AFTER


@lru_cache(maxsize=4096)
def _harm_word(word: str) -> bool:
    return bool(find_all(word, "bad_quantity"))


def _free_compound(text: str) -> Reading | None:
    """An English compound of a harm and "-free" ("malaria-free districts", "slum-free"), or
    "free of"/"free from" anything ("markets free of hazardous additives"): what is free of it,
    whose count rises."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        word = token.word
        # "malaria-free", and "zero-waste", "zero-emission" (not "zero-dose": a dose is no harm)
        compound = (word.endswith("-free") and _harm_word(word[: -len("-free")])) or (
            word.startswith("zero-") and _harm_word(word[len("zero-") :])
        )
        free_of = word == "free" and i + 1 < len(toks) and toks[i + 1].word in _FREE_OF and i > 0
        if compound or free_of:
            said, span = quoted(text, token)
            return Reading("increase", "harm_free", said, span)
    return None


# words of existence between a negator and the change it denies: "tidak ada kenaikan tarif",
# "tidak terjadi penambahan kasus", "no further increase", "not any rise"
_OCCURS = frozenset({"ada", "terjadi", "adanya", "lagi", "any", "further", "more", "additional"})


# modals and infinitives between a negator and the change it denies
_MODALS = frozenset({"to", "allowed", "permitted", "be", "will", "may", "boleh", "akan", "dapat", "diperbolehkan"})


def _change_denied(text: str, match: Match) -> bool:
    """Is a change denied right before it ("tidak berkurang", "tidak meningkat", "tidak ada
    kenaikan")?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    clause = match.found[0].clause
    while i > 1 and toks[i - 1].word in _OCCURS | _MODALS and toks[i - 1].clause == clause:
        i -= 1  # "tidak ada lagi kenaikan", "not allowed to fall", "tidak boleh turun"
    return i > 0 and toks[i - 1].word in NEGATORS and toks[i - 1].clause == clause


def _none_of(text: str) -> Reading | None:
    """A statement that a harm does not occur ("Tidak ada kasus gizi buruk baru", "No new
    measles cases", "Tidak terjadi banjir di permukiman"): a target of zero, which falls."""
    toks = tokens(text)
    if not toks or toks[0].word not in NEGATORS or toks[0].word == "non":
        return None
    k = 1
    while k < len(toks) and k < 3 and toks[k].word in _OCCURS:
        k += 1
    reach = {t for t in toks[k : k + 2] if t.clause == toks[0].clause}
    harm = next((m for m in find_all(text, "bad_quantity") if m.found[0] in reach), None)
    return None if harm is None else from_match(text, "decrease", "harm_none", harm)


_ANTI = ("anti-", "anti")


def _anti(text: str) -> Reading | None:
    """A harm named as what something is against ("Indeks persepsi anti korupsi", "desa
    antikorupsi", "anti-corruption"): its count or index rises."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        word = token.word
        if word == "anti" and i + 1 < len(toks) and _harm_word(toks[i + 1].word):
            said, span = quoted(text, token, toks[i + 1])
            return Reading("increase", "harm_against", said, span)
        prefix = next((p for p in _ANTI if word.startswith(p)), None)
        if prefix is not None and len(word) > len(prefix) + 3 and _harm_word(word[len(prefix) :]):
            said, span = quoted(text, token)
            return Reading("increase", "harm_against", said, span)
    return None
