"""The words a background is read from, and the small tests shared by both readings: the
phrases kept (none inside a longer one, no near miss), figures and amounts, and how near a
limited figure is ("hanya 15 menit perjalanan").
"""

from __future__ import annotations

from functools import cache

from advisor import knowledge
from advisor.text.lexicon import Match, Phrase, find_all, is_number
from advisor.text.morph import nominal_root
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

PROBLEM = ("problems", "problem_forms")  # lemma-matched words, and words matched as written
_SMALL = frozenset({"hanya", "cuma", "hanyalah", "only", "merely", "just", "kurang", "less", "fewer"})


def _how_near(text: str, match: Match) -> bool:
    """Is a limited figure ("hanya 15", "only 20", "kurang dari 10") a distance or a travel time
    ("hanya 15 menit perjalanan", "only 8 km from the toll road")? That says how near, not how
    little."""
    if match.found[0].word not in _SMALL:
        return False
    number = next((t for t in match.found if t.word[:1].isdigit() or is_number(t.word)), None)
    if number is None:  # "kurang dari satu jam", "less than three hours": the figure right after the phrase
        toks = tokens(text)
        at = toks.index(match.found[-1]) + 1
        after = [t for t in toks[at : at + NUMBER_AFTER] if t.clause == match.found[-1].clause]
        number = next((t for t in after if t.word[:1].isdigit() or is_number(t.word)), None)
    return number is not None and _distance(text, number)


NUMBER_AFTER = 2  # words between a limiting phrase and its figure ("less than three", "kurang dari satu")


def _distance(text: str, number: Token) -> bool:
    """Is ``number`` followed by a unit of distance or time, in a clause that speaks of a
    distance or a journey ("jarak", "perjalanan", "from", "drive"; "dari" not before a number:
    "hanya 2 jam dari 8 jam" is a share)?"""
    toks = tokens(text)
    i = toks.index(number)
    units = {t for m in find_all(text, "distance_unit") for t in m.found}
    if i + 1 >= len(toks) or toks[i + 1] not in units or toks[i + 1].clause != number.clause:
        return False
    for m in find_all(text, "nearness"):
        at = toks.index(m.found[-1])
        beyond = toks[at + 1].word if at + 1 < len(toks) else ""
        if m.found[0].clause == number.clause and not is_number(beyond) and not beyond[:1].isdigit():
            return True
    return False


LIMIT_NUMBER_REACH = 3  # words between "hanya"/"only" and the number it limits ("hanya buka 2 jam")
# a share in words: "hanya sebagian kecil petani", "barely a third of the town"
_FRACTIONS = frozenset(
    {
        "sebagian",
        "sepertiga",
        "seperempat",
        "setengah",
        "separuh",
        "segelintir",
        "third",
        "quarter",
        "half",
        "fraction",
        "handful",
        "few",
    }
)


def _amount(word: str) -> bool:
    return word[:1].isdigit() or is_number(word) or word in _FRACTIONS or _money(word)


def _money(word: str) -> bool:
    """A sum written onto its currency ("rp1,2", "usd500")."""
    return word.startswith(("rp", "usd", "idr")) and word.lstrip("rpusdi")[:1].isdigit()


def _near_limit(text: str, limiter: Token) -> bool:
    """Does a limiter limit a distance or a travel time ("hanya 2 km dari pusat kota")?"""
    toks = tokens(text)
    i = toks.index(limiter)
    after = [t for t in toks[i + 1 : i + 1 + LIMIT_NUMBER_REACH] if t.clause == limiter.clause]
    return any(t.word[:1].isdigit() or is_number(t.word) for t in after) and any(
        _distance(text, t) for t in after if t.word[:1].isdigit() or is_number(t.word)
    )


def _bare_root(match: Match) -> bool:
    """A one-word Indonesian match on another word of the root than the lexicon wrote, whose
    sense has shifted: the bare root where the lexicon listed only a derived word ("tinggal",
    to live, is not "tertinggal", lagging; "anggur", grapes, not "pengangguran"), or a noun
    made with pe-/ke- ... -an from a root the lexicon wrote otherwise ("keputusan", a decision,
    is not "terputus"; "pembiayaan", financing, not "biaya"). Verb forms and -nya keep the
    root's sense ("terhambat", "rusaknya") and still match."""
    if len(match.found) != 1 or " " in match.phrase.text or match.phrase.lang != "id":
        return False
    word = match.found[0].word
    if word in _written(match.purpose):
        return False
    written = match.phrase.text.lower()
    # "kebanjiran", "kekeringan": ke-...-an of a bad thing written bare is suffering it
    suffered = word.startswith("ke") and stem_id(written) == written
    return stem_id(word) == word or (_made_noun(word) and not _made_noun(written) and not suffered)


def _made_noun(word: str) -> bool:
    """A noun made with pe(r)-/ke- ... -an ("keputusan", "pembiayaan", "pertemuan")."""
    return word.startswith(("pe", "ke")) and nominal_root(word) is not None


@cache
def _written(purpose: str) -> frozenset[str]:
    """The words of ``purpose`` as the lexicon writes them."""
    entry = knowledge.lexicon()[purpose]
    return frozenset(w.lower() for lang in (entry.id, entry.en) for w in lang)


def _not_asset(text: str) -> set[Token]:
    """The words of near misses of assets ("pertukaran pengalaman", "telah ditutup"); a count of
    places is a size ("memiliki 88 desa"), unless what they hold follows ("memiliki 112 desa
    dengan jaringan internet 4G")."""
    found = find_all(text, "assets_not")
    if not found:
        return set()
    toks = tokens(text)
    out: set[Token] = set()
    for m in found:
        at = toks.index(m.found[-1]) + 1
        holding = at < len(toks) and toks[at].word in _WITH and toks[at].clause == m.found[-1].clause
        if not (holding and "num" in m.phrase.text.lower().split()):
            out.update(m.found)
    return out


_WITH = frozenset({"dengan", "yang", "with", "that", "which", "whose"})


def _number_sign(text: str, match: Match) -> bool:
    """ "No." or "No" before a number ("Perda No. 3 Tahun 2020") abbreviates "number"."""
    if match.words != "no":
        return False
    after = text[match.found[-1].end :].lstrip()
    return after[:1] == "." or after[:1].isdigit()


_ACHIEVED_PHRASE = Phrase("assets", "id", "sudah/telah + verb", ())
_NOT_YET_PHRASE = Phrase("problems", "id", "belum + verb", ())
_LACK_PHRASE = Phrase("problems", "id", "tanpa/without + provision", ())
_LIMITERS = frozenset(
    {"hanya", "cuma", "segelintir", "only", "just", "none", "neither", "nor", "nowhere", "fewer", "handful", "few"}
)
_A_FEW = frozenset({"a", "quite"})  # "a few households have solar panels" limits nothing


def _longest(matches: list[Match]) -> list[Match]:
    """``matches`` without those inside a longer one: "perguruan tinggi" (an asset) holds no
    problem "tinggi"."""
    return [
        m for m in matches if not any(len(o.found) > len(m.found) and set(m.found) <= set(o.found) for o in matches)
    ]


_GOOD = ("good_quantity", "good_measure")


# a programme's or a benefit's target group: "bantuan sosial bersyarat kepada keluarga miskin",
# "a cash transfer for students from poor households" defines whom it serves, no figure of the place
_AID = frozenset(
    {"bantuan", "program", "programme", "subsidi", "beasiswa", "santunan", "transfer", "assistance", "aid",
     "subsidy", "subsidies", "scholarship", "scholarships", "benefit", "benefits", "grant", "grants", "insurance",
     "jaminan", "asuransi"}
)  # fmt: skip
_FOR = frozenset({"kepada", "bagi", "untuk", "for", "to", "targeting"})
TARGET_REACH = 4  # words between "kepada"/"for" and the group's bad word ("for students from poor households")


def _target_group(text: str, match: Match) -> bool:
    """Is a bad word inside the group an aid or a programme is given to ("bantuan ... kepada keluarga
    miskin")? The preposition stands within reach before it, an aid noun before that, all in one clause."""
    toks = tokens(text)
    at = toks.index(match.found[0])
    clause = match.found[0].clause
    for k in range(at - 1, max(-1, at - 1 - TARGET_REACH), -1):
        if toks[k].clause != clause:
            return False
        if toks[k].word in _FOR:
            return any(t.word in _AID and t.clause == clause for t in toks[:k])
    return False
