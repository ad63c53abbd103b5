"""What a count at the head counts: the doers, the things done, and the words of its quantity."""

from __future__ import annotations

from functools import cache

from advisor import knowledge
from advisor.text.direction._common import _ALREADY_AUX, _NO_LONGER, _active
from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.tokens import Token, tokens
from advisor.text.voice import passive_verb_id

_GOING_ON = frozenset({"tetap", "terus"})
_ACHIEVED = frozenset({"berhasil", "sukses", "lulus", "completed", "graduated", "passed", "finished", "successfully"})

# -ing words that are prepositions or nouns, not a doer's participle
_ING_NOT_VERBS = frozenset(
    {"during", "including", "regarding", "concerning", "according", "following", "housing", "funding", "training",
     "building", "buildings", "meetings", "spending", "financing", "nothing", "something", "king"}
)  # fmt: skip


def _counted(text: str) -> Reading | None:
    """What a count at the head ("Jumlah", "Persentase", "Number of") counts, by the form of its
    qualifier: a lack ("yang belum memiliki", "without") should fall; a thing done or had ("yang
    memiliki", "yang menerapkan") should rise."""
    toks = tokens(text)
    head = next((m for m in find_all(text, "measurable", "counted_head") if m.found[0] == toks[0]), None)
    if head is None:
        return None
    clause = toks[0].clause
    rest = [t for t in toks[len(head.found) :] if t.clause == clause]
    bad = {t for m in find_all(text, "bad_quantity") for t in m.found}
    for i, token in enumerate(rest):
        if token.word not in NEGATORS:
            continue
        if any(t.word in _RATE_UNIT for t in rest[:i]):
            break  # "Insidensi HIV per 1.000 penduduk tidak terinfeksi": the base of the rate
        after = rest[i + 1 : i + 3]
        said = Match(head.phrase, (token,), False)
        if after and (after[0].word in _NO_LONGER or after[0] in bad or (len(after) > 1 and after[1] in bad)):
            # "yang tidak lagi ...", "yang tidak stunting": a lack or a harm that has ended rises
            return from_match(text, "increase", "count_of_harm_denied", head, said)
        if token.word in _WITHOUT and _self_reliant(text, rest[:i], rest[i + 1 : i + 4]):
            # "able to run supervision without the advisers": doing it on their own rises
            return from_match(text, "increase", "count_of_self_reliant", head, said)
        return from_match(text, "decrease", "count_of_lack", head, said)
    for i, token in enumerate(rest[:3]):
        if (
            # after a measure ("Percentage of schools meeting"), or right after the plural it
            # counts ("Students passing the reading assessment")
            (i > 0 or head.purpose == "counted_head")
            and head.phrase.lang == "en"
            and token.word.endswith("ing")
            and token.word not in _ING_NOT_VERBS
            and not text[token.start : token.start + 1].isupper()  # "residents of Kuching": a name
            and rest[i - 1].word != "per"  # "pupils per functioning toilet": the unit's quality
        ):
            # "Percentage of schools meeting the standards", "households using clean fuel": doers
            said = Match(head.phrase, (token,), False)
            if any(m.found[0] == token for m in find_all(text, "state_verb")):
                near = _within_reach(rest, token)
                if near is not None:
                    # "people living within 2 km of an all-season road": access, which rises
                    reach = Match(head.phrase, (token, near), False)
                    return from_match(text, "increase", "count_of_doers", head, reach)
                return Reading("unknown", "no_direction", *quoted(text, token))  # "people living in ..."
            return from_match(text, "increase", "count_of_doers", head, said)
    for i, token in enumerate(rest[:-1]):
        if token.word not in ("yang", "that", "who"):
            continue
        # "yang telah menetapkan", "who have already", "yang tetap beroperasi", "yang rutin
        # membersihkan", "that regularly clean up": the verb after the word of completion,
        # continuity or frequency
        verb = _verb_after(rest[i + 1 :])
        said = Match(head.phrase, (token, verb), False)
        if any(m.found[0] == verb for m in find_all(text, "state_verb")):
            near = _within_reach(rest, verb)
            if near is not None:
                # "penduduk yang tinggal dalam radius 1 km dari posyandu": access, which rises
                return from_match(text, "increase", "count_of_doers", head, Match(head.phrase, (verb, near), False))
            # "Jumlah kapal yang bersandar di dermaga": where they are, not what they achieve
            return Reading("unknown", "no_direction", *quoted(text, token, verb))
        if verb.word in _ACHIEVED:
            # "yang berhasil graduasi", "who completed a placement": a count of achievements,
            # which rises whatever the goal says about the harm they end
            return from_match(text, "increase", "count_of_achievers", head, said)
        if _active(verb.word) or verb.word in ("have", "has", "use") or verb.word.endswith("ed"):
            return from_match(text, "increase", "count_of_doers", head, said)
        if passive_verb_id(verb.word) == "di":  # "balita yang ditimbang", "ibu hamil yang diperiksa": a service reached
            return from_match(text, "increase", "count_of_doers", head, said)
    for i, token in enumerate(rest[1:4], start=1):
        if (
            token.word in _HAVING
            and i + 1 < len(rest)
            and rest[i + 1].word not in NEGATORS
            # "penduduk dengan konsumsi kalori di bawah 1.400 kkal": what they have falls short
            and not any(t.word in _SHORT for t in rest[i + 1 :])
        ):
            # "Number of households with rooftop solar", "Jumlah rumah tangga dengan PLTS atap": a
            # count of those who have it (a harm had is read before: "Desa dengan kasus DBD")
            return from_match(text, "increase", "count_of_doers", head, Match(head.phrase, (token,), False))
    return None


# words of how often a deed is done, before its verb: "yang rutin membersihkan", "yang secara
# berkala memilah", "that regularly clean up"; "setiap"/"every" with the word of time after it
_OFTEN = frozenset(
    {"rutin", "secara", "berkala", "teratur", "selalu", "regularly", "routinely", "periodically", "always"}
)  # fmt: skip
_EVERY = frozenset({"setiap", "tiap", "every", "each"})


def _verb_after(clause: list[Token]) -> Token:
    """The verb of a relative clause (``clause`` starts after its marker): past the words of
    completion, continuity and frequency ("telah", "tetap", "rutin", "setiap musim")."""
    skip = _ALREADY_AUX | _GOING_ON | _OFTEN
    at = 0
    while at < len(clause) - 1:
        if clause[at].word in _EVERY:
            at += 2
        elif clause[at].word in skip:
            at += 1
        else:
            break
    return clause[min(at, len(clause) - 1)]


_RATE_UNIT = frozenset({"per", "setiap", "tiap"})
# words of a distance within reach: "within 2 km of", "dalam radius 1 km dari", "kurang dari 30 menit"
_WITHIN = frozenset({"within", "radius", "dekat", "near", "close"})


def _within_reach(rest: list[Token], verb: Token) -> Token | None:
    """The word of nearness right after a verb of where people live ("live within 2 km of a road",
    "tinggal dalam radius 1 km dari posyandu")."""
    i = rest.index(verb)
    return next((t for t in rest[i + 1 : i + 4] if t.word in _WITHIN and t.clause == verb.clause), None)


_HAVING = frozenset({"with", "dengan"})
_WITHOUT = frozenset({"tanpa", "without"})


def _self_reliant(text: str, before: list[Token], after: list[Token]) -> bool:
    """An ability said before "without" and outside help named right after it."""
    before_ids, after_ids = {id(t) for t in before}, {id(t) for t in after}
    able = any(id(m.found[0]) in before_ids for m in find_all(text, "self_reliant"))
    # the help is negated by the "without" itself, so the match is taken negated or not
    return able and any(id(m.found[0]) in after_ids for m in find_all(text, "outside_help"))


_SHORT = frozenset({"bawah", "kurang", "below", "under", "less", "fewer"})
_QUALIFIERS = frozenset({"dengan", "yang", "with", "whose"})


def _qualifier_change(text: str, match: Match, purpose: str) -> Reading | None:
    """A change said of what qualifies the things counted, not of the count ("Persentase balita
    dengan berat badan tidak naik", "Jumlah UMKM yang omzetnya meningkat", "villages whose dengue
    cases fell"): the count rises when the change is for the better ("omzetnya meningkat",
    "kasus DBD-nya turun") and falls when it is not ("berat badan tidak naik"). Only with a
    negation, an owner's -nya or "whose": "Persentase desa dengan kasus DBD menurun menjadi 10
    persen" says the percentage falls."""
    if purpose not in ("increase", "decrease", "reduction_count"):
        return None
    toks = tokens(text)
    head = next((m for m in find_all(text, "measurable", "counted_head") if m.found[0] == toks[0]), None)
    first = match.found[0]
    i = toks.index(first)
    if head is None or i <= len(head.found) + 1:
        return None
    between = [t for t in toks[len(head.found) : i] if t.clause == first.clause]
    q = max((k for k, t in enumerate(between) if t.word in _QUALIFIERS and k > 0), default=None)
    if q is None:
        return None
    subject = between[q + 1 :]
    owned = between[q].word == "whose" or any(t.word.endswith("nya") and len(t.word) > 5 for t in subject)
    if not (match.negated or owned) or not subject:
        return None
    # the owner's -nya set aside: a loan word keeps it through the stemmer ("stuntingnya")
    owner = " ".join(t.word[:-3] if t.word.endswith("nya") else t.word for t in subject)
    kinds = [m for m in find_all(owner, "bad_quantity", "good_quantity") if not m.negated]
    worse = any(m.purpose == "bad_quantity" for m in kinds[-1:])
    better = (purpose == "increase") != worse
    if match.negated:
        better = not better
    said = Match(head.phrase, (between[q], *match.found), match.negated)
    return from_match(text, "increase" if better else "decrease", "change_of_qualifier", said)


_PARTICIPLE_REACH = 5  # words from the start in which "Hectares of mangrove replanted" has its participle
_NOT_PARTICIPLES = frozenset({"need", "red", "bed", "shed", "seed", "feed", "speed", "hundred", "based", "led"})


def _done_to_plural(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """An English count in the reduced passive: a plural, or a measure of one, followed by what
    was done to it ("Hectares of mangrove replanted", "Audit recommendations followed up", "Km of
    canals desilted"): it adds up. A harm done ("Hectares burned", "Houses flooded") is read
    before, as a bad quantity."""
    plural = next((i for i, t in enumerate(toks[:3]) if t.word.endswith("s") and not t.word.endswith("ss")), None)
    measure = toks[0].word in ("km", "ha", "kg", "m", "m2", "m3") if toks else False
    if plural is None and not measure:
        return None
    start = 0 if plural is None else plural
    clause = toks[0].clause
    for token in toks[start + 1 : _PARTICIPLE_REACH + 1]:
        if token.clause != clause or token.word in ("by", "in", "at", "with", "for", "per"):
            return None
        if token.word.endswith("ed") and len(token.word) > 4 and token.word not in _NOT_PARTICIPLES:
            said, span = quoted(text, toks[start], token)
            return Reading("increase", "count_of_doers", said, span)
    return None


def _headed(text: str, match: Match, quantity_words: set[Token]) -> bool:
    """Is ``match`` right after a quality in ke-an or a coverage that heads it ("Kelancaran distribusi",
    "Cakupan penyebaran informasi"; not
    "Proporsi pengunjung domestik dan mancanegara", a breakdown of what is counted)?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    if i == 0 or toks[i - 1] not in quantity_words or toks[i - 1].clause != match.found[0].clause:
        return False
    word = toks[i - 1].word
    return (word.startswith("ke") and word.endswith("an")) or word in _COVERAGE


# measures of how far a service reaches: "Cakupan penyebaran informasi", "Coverage of distribution"
_COVERAGE = frozenset({"cakupan", "jangkauan", "keterjangkauan", "coverage", "reach"})


def quantity_words_of(good: list[Match], bad: list[Match]) -> set[Token]:
    return {t for m in (*good, *bad) for t in m.found}


_AVERAGES = frozenset({"rata-rata", "average", "median", "mean", "the"})


def _attribute_at(toks: tuple[Token, ...]) -> int:
    """Where an attribute heading the statement stands: first, or after an average word."""
    k = 0
    while k < len(toks) and toks[k].word in _AVERAGES:
        k += 1
    return k


def _after_per(text: str, token: Token) -> bool:
    """Does ``token`` stand after "per" in its clause ("Biaya logistik per ton hasil bumi yang
    diangkut"): in the unit of a rate, not in what the rate measures?"""
    toks = tokens(text)
    i = toks.index(token)
    return any(t.word == "per" and t.clause == token.clause for t in toks[1:i])


_FOR_WHOM = frozenset({"untuk", "bagi", "for"})


def _for_whom(text: str, token: Token) -> bool:
    """Does ``token`` follow "untuk"/"bagi"/"for" right before it (within two words)?"""
    toks = tokens(text)
    i = toks.index(token)
    return any(t.word in _FOR_WHOM and t.clause == token.clause for t in toks[max(0, i - 2) : i])


def _by_agent(text: str, match: Match) -> bool:
    """Does a breakdown's "by" follow a participle ("sold by cooperatives", "rejected by
    buyers"): the agent of what was done, not the categories of a breakdown ("by country")?"""
    last = match.found[-1]
    if last.word != "by":
        return False
    toks = tokens(text)
    i = toks.index(last)
    if i == 0 or toks[i - 1].clause != last.clause:
        return False
    word = toks[i - 1].word
    return (word.endswith("ed") and len(word) > 4) or word in _irregular_participles()


@cache
def _irregular_participles() -> frozenset[str]:
    """English participles not in -ed ("sold", "caught", "held": the voice section's list)."""
    return frozenset(knowledge.lexicon()["voice_participle"].en)


# what follows "menurut" as a source, not a category: "menurut Indeks Desa Membangun", "menurut data BPS"
_SOURCES = frozenset(
    {"indeks", "data", "hasil", "laporan", "survei", "sensus", "bps", "catatan", "penilaian", "standar", "ketentuan",
     "peraturan", "kriteria", "klasifikasi", "definisi"}
)  # fmt: skip
# categories a count is broken down by in English: "Visitors by country of origin", "trips by mode"
_CATEGORIES_EN = frozenset(
    {"country", "month", "sex", "gender", "age", "district", "origin", "type", "mode", "region", "province", "sector",
     "category", "year", "quarter", "village", "subdistrict", "income", "occupation", "commodity", "destination"}
)  # fmt: skip


def _breakdown(text: str) -> Reading | None:
    """A count broken down by a category ("Jumlah kunjungan wisatawan menurut bulan", "Jumlah
    penumpang menurut asal daerah", "Visitors by country of origin"): a distribution, which says
    no way to go, whatever it counts; not a source ("menurut Indeks Desa Membangun")."""
    toks = tokens(text)
    for i, token in enumerate(toks[1:-1], start=1):
        after = toks[i + 1]
        if after.clause != token.clause:
            continue
        if token.word in ("menurut", "berdasarkan") and after.word not in _SOURCES:
            return Reading("unknown", "neutral_measure", *quoted(text, token, after))
        if token.word == "by" and after.word in _CATEGORIES_EN:
            return Reading("unknown", "neutral_measure", *quoted(text, token, after))
    return None


# transitive Indonesian verbs of lowering without a -kan/-i suffix ("yang menekan konsumsi ...")
_LOWER_BARE = frozenset({"menekan", "memangkas", "memotong", "mencegah", "menghemat", "menghapus", "memberantas"})
_RELATIVE = frozenset({"yang", "that", "who", "which"})


# what follows an intransitive change: "that declined in 2024", "yang turun sebelum dijual"
_NO_OBJECT = frozenset(
    {"in", "by", "to", "from", "at", "on", "of", "over", "during", "after", "before", "since", "sebelum", "setelah",
     "sesudah", "sejak", "pada", "di", "ke", "dari", "menjadi", "hingga", "sampai", "sebesar", "sebanyak"}
)  # fmt: skip


def _transitive(word: str, lang: str, following: Token) -> bool:
    """An active verb that takes an object: meN- with -kan or -i ("menurunkan", "mengurangi"),
    a bare transitive of lowering ("menekan"); in English a verb after "that"/"who" with its
    object after it ("that cut their firewood use", not "that declined in 2024")."""
    if following.word in _NO_OBJECT or following.word[:1].isdigit():
        return False
    if lang == "id":
        return word.startswith("me") and (word.endswith(("kan", "i")) or word in _LOWER_BARE)
    return True


def _doers_lower(text: str, match: Match) -> Reading | None:
    """A count of doers whose deed lowers something ("Jumlah desa yang mengurangi sampah plastik",
    "Persentase rumah tangga yang menekan konsumsi kayu bakar", "Number of villages reducing
    single-use plastic"): what they act on falls, their count rises. Only an active transitive verb
    with an object, right after the counted thing's "yang"/"that"/"who" or as its English -ing; not a
    change of the thing itself ("Jumlah desa yang mengalami penurunan produksi", "yang menurun")."""
    toks = tokens(text)
    head = next((m for m in find_all(text, "measurable", "counted_head") if m.found[0] == toks[0]), None)
    verb = match.found[0]
    i = toks.index(verb)
    if head is None or i <= len(head.found) or i + 1 >= len(toks) or toks[i + 1].clause != verb.clause:
        return None
    before = toks[i - 1]
    while before.word in _ALREADY_AUX | _GOING_ON and toks.index(before) > len(head.found):
        before = toks[toks.index(before) - 1]
    after_relative = before.word in _RELATIVE and before.clause == verb.clause
    english_participle = head.phrase.lang == "en" and verb.word.endswith("ing") and verb.word not in _ING_NOT_VERBS
    transitive = _transitive(verb.word, head.phrase.lang, toks[i + 1])
    if not (after_relative and transitive) and not (english_participle and transitive):
        return None
    said = Match(head.phrase, (*([before] if after_relative else []), verb), False)
    return from_match(text, "increase", "count_of_reducers", head, said)
