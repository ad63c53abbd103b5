"""Where a count stands: a phrase of place, a thing placed, a trespass on a good."""

from __future__ import annotations

from advisor.text.direction._common import _ACTIVE
from advisor.text.lexicon import Match, find_all
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import Token, tokens

_VERBAL = ("ter", "me", "ber", "di")


def _placed(text: str, token: Token) -> bool:
    """Does ``token`` stand in a phrase of place after the head ("Jumlah kepala keluarga di
    wilayah layanan BUMDes air bersih"): where the count is made, not what it counts? Indonesian
    "di" only (English "in" also links a thing to its field: "women in employment")."""
    toks = tokens(text)
    i = toks.index(token)
    if len(token.word) > 4 and token.word.startswith(_VERBAL):
        return False  # the predicate itself ("terlayani")
    for k in range(i - 1, 0, -1):
        word = toks[k].word
        if toks[k].clause != token.clause or word in _CLAUSE_LINKS or (len(word) > 4 and word.startswith(_VERBAL)):
            return False  # "di perkotaan terlayani air minum": a predicate ends the place
        if word == "di":
            return True
    return False


_ON = frozenset({"di", "pada", "on", "in", "along", "inside", "within", "under", "sepanjang"})
_HEAD_REACH = 2  # words of a count's head ("Tutupan mangrove", "Luas hutan rakyat")


def _trespass(text: str, good: list[Match]) -> Reading | None:
    """People or things counted where they should not be ("Jumlah pedagang kaki lima yang
    berjualan di badan jalan", "keluarga yang bermukim di bantaran sungai", "stalls on the
    sidewalk"): their count should fall. Not a good thing there ("Tutupan mangrove di sempadan
    pantai"). A buffer zone is no such place by itself: what grows there is read from the goal."""
    toks = tokens(text)
    for place in find_all(text, "encroached_place"):
        i = toks.index(place.found[0])
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == place.found[0].clause]
        if not any(t.word in _ON for t in before):
            continue
        if any(toks.index(m.found[0]) <= _HEAD_REACH and not m.found[0].word.startswith(_ACTIVE) for m in good):
            return None  # the good thing is what is counted, not a doer's verb ("yang berjualan")
        return from_match(text, "decrease", "in_prohibited_place", place)
    return None


_PLACE_LINKS = frozenset({"di", "pada", "in", "at"})  # "pada pos duga air", "in densely built wards"
_PLACE_REACH = 3  # words of a phrase of place before the word
_CLAUSE_LINKS = frozenset({"yang", "that", "which", "who"})  # "sampah di TPS yang diolah": a new predicate


def _in_place(text: str, token: Token) -> bool:
    """Does ``token`` stand in a phrase of place, where a word names where the quantity is
    measured ("Debit sungai pada pos pemantauan hulu", "response time in densely built wards",
    "di kawasan terbangun"), not what is counted?"""
    toks = tokens(text)
    i = toks.index(token)
    before = [t.word for t in toks[max(0, i - _PLACE_REACH) : i] if t.clause == token.clause]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _CLAUSE_LINKS:
            return False
        if before[k] in _PLACE_LINKS:
            return True
    return False


# words that open the time or circumstance of what is counted: "Jumlah sekolah yang tetap
# beroperasi saat banjir", "Layanan air bersih selama kemarau", "clinics open during floods"
_WHEN = frozenset({"saat", "ketika", "selama", "semasa", "sewaktu", "during", "amid", "amidst", "when", "while"})


_WHEN_REACH = 4  # words of a time clause: "when sold to exporters", "saat dijual kepada eksportir"


def _during(text: str, token: Token) -> bool:
    """Does ``token`` stand in a phrase of time or circumstance ("saat banjir", "during floods",
    "when sold to exporters"): when the count is made, not what it counts? The phrase runs a few
    words, up to a relative clause of its own."""
    toks = tokens(text)
    i = toks.index(token)
    for k in range(i - 1, max(-1, i - 1 - _WHEN_REACH), -1):
        if toks[k].clause != token.clause or toks[k].word in _CLAUSE_LINKS:
            return False
        if toks[k].word in _WHEN:
            return True
    return False


def _in_circumstance(text: str) -> set[Token]:
    """The words right after a word of time or circumstance (see :func:`_during`)."""
    toks = tokens(text)
    return {t for i, t in enumerate(toks) if _during(text, t)} if _WHEN.intersection(t.word for t in toks) else set()


def _from_source(text: str, token: Token) -> bool:
    """Does ``token`` stand right after "from"/"dari" ("Number of referrals from community health
    posts"): where what is counted comes from, not what is counted?"""
    toks = tokens(text)
    i = toks.index(token)
    # "from community health posts": a modifier may stand between
    return any(t.word in ("from", "dari") and t.clause == token.clause for t in toks[max(0, i - 2) : i])
