"""Does a responsibility cover an activity? On lemmas, stopwords and generic words
("kegiatan", "pelaksanaan", "with") aside, each word stemmed with both stemmers, so
"koordinasi" meets "mengoordinasikan" and "pemasaran" meets "memasarkan".

The activity's head (its first content word: the action, "Pengolahan", or the thing made,
"Festival") must appear in the responsibility, and when the activity names more than its
head, one more of its words too: "Koordinasi penyaluran bantuan" is not covered by
"Mengoordinasikan pelatihan guru" (same action, other object), nor "Pembangunan TPS3R" by
"Mengoperasikan TPS3R" (same object, other action).

Words meet beyond their stems through ``knowledge/lexicon.yaml``: the fields of action (a task's
synonyms and near synonyms in both languages: "penyuluhan" ~ "kampanye" ~ "outreach"), the means
to an end ("Mencatat harga" monitors prices), the groups of objects (a bilingual glossary: "air" ~
"water") and abbreviations, which meet their spelling and the words that tell what they are
("PLTS" and "panel surya"); an official group of people covers its members as the regulation
lists them ("perangkat desa" its "kaur keuangan"), never the reverse.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise, takewhile
from typing import NamedTuple

from advisor import knowledge
from advisor.text.ahead import ahead
from advisor.text.lexicon import find_all, is_number
from advisor.text.morph import nominal_root
from advisor.text.places import inside, place_tokens, places
from advisor.text.reading import Reading
from advisor.text.stem import is_root, stem_en, stem_id
from advisor.text.tokens import tokens

MIN_LEMMA = 3
MIN_FY = 6  # letters of a stem in -fi that is a verb in -ify ("certifi", not "fi")
FIELD_OBJECT = 2  # object words an activity must share when its head meets only by field of action


@cache
def _word_set(name: str) -> frozenset[str]:
    """The words of a lexicon entry read as a plain set (both languages, lower case): the frame
    words and openers the matcher looks up one word at a time, not as phrases in a text."""
    entry = knowledge.lexicon()[name]
    return frozenset(w.lower() for w in (*entry.id, *entry.en))


@cache
def _stopwords() -> frozenset[str]:
    """The stopwords of ``knowledge/lexicon.yaml``, as a set: they are single words, matched as
    written, so no scan of the text is needed."""
    entries = (knowledge.lexicon()["stopwords"], knowledge.lexicon()["match_ignored"])
    return frozenset(w for entry in entries for lang in (entry.id, entry.en) for w in lang if " " not in w)


@cache
@ahead("matching_spelt_out", __file__, lambda d: {k: tuple((tuple(w), s) for w, s in v) for k, v in d.items()})
def _spelt_out() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """What each abbreviation of ``knowledge/lexicon.yaml`` stands for, as words, by its first
    word: ``{"kelompok": ((("kelompok", "sadar", "wisata"), "pokdarwis"), ...)}``."""
    entry = knowledge.lexicon()["abbreviation"]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for written in (*entry.id, *entry.en):
        short, _, long = written.partition("=")
        words = tuple(t.word for t in tokens(long))
        if words:
            out.setdefault(words[0], []).append((words, short.strip()))
    return {first: tuple(sorted(v, key=lambda e: -len(e[0]))) for first, v in out.items()}


_NOT = frozenset({"tidak", "non", "bukan", "tanpa"})


def _action_noun(word: str) -> bool:
    """A noun of an action in peN-an ("pengolahan", "penyediaan"), not of a state in ke-an
    ("keselamatan", "kependudukan")."""
    return word.startswith("pe") and word.endswith("an") and nominal_root(word) is not None


@cache
@ahead("matching_shorts", __file__, lambda d: {k: tuple(v) for k, v in d.items()})
def _shorts() -> dict[str, tuple[str, ...]]:
    """Each abbreviation of ``knowledge/lexicon.yaml`` with the words that tell what it is: its
    spelling's words but the generic ones of ``abbreviation_generic`` (a kind of body or place,
    "kelompok", "tempat"; "desa", "daerah"): "PLTS" names the "surya" of "panel surya",
    "karhutla" the "kebakaran hutan" of "Memadamkan kebakaran hutan"."""
    generic = knowledge.lexicon()["abbreviation_generic"]
    skip = _stopwords() | {w for w in (*generic.id, *generic.en)}
    out: dict[str, list[str]] = {}
    entry = knowledge.lexicon()["abbreviation"]
    for written in (*entry.id, *entry.en):
        short, _, long = written.partition("=")
        words = [t.word for t in tokens(long)]
        # what follows a negation is what the thing is not ("penyakit tidak menular")
        words = words[: next((i for i, w in enumerate(words) if w in _NOT), len(words))]
        # an action of its spelling is no object it names ("pengolahan" of "TPS3R" processes nothing)
        telling = (w for w in words if w not in skip and len(w) >= MIN_LEMMA and not _action_noun(w))
        out.setdefault(short.strip(), []).extend(telling)
    return {short: tuple(dict.fromkeys(words)) for short, words in out.items()}


@cache
@ahead("matching_fields", __file__, lambda d: {k: (tuple(keys), only) for k, (keys, only) in d.items()})
def _fields() -> dict[str, tuple[tuple[str, ...], bool]]:
    """Each stem of a field of action (``act_field`` in ``knowledge/lexicon.yaml``) or of a group
    of people (``object_field``) with its fields' keys ("@build"; a stem may stand in two:
    "mendirikan" builds and establishes), the Indonesian words stemmed with Sastrawi, the English
    with Snowball; and whether only affixed words of the field have that stem ("memasarkan" is
    marketing, "pasar" a market place)."""
    out: dict[str, tuple[tuple[str, ...], bool]] = {}
    for purpose in ("act_field", "object_field"):
        entry = knowledge.lexicon()[purpose]
        for lang, stem in (("id", stem_id), ("en", stem_en)):
            for written in getattr(entry, lang):
                field, _, members = written.partition("=")
                key = "@" + field.strip()
                for word in (w.strip().lower() for w in members.split() if not w.startswith("!")):
                    root = stem(word)
                    affixed = lang == "id" and root != word
                    keys, only_affixed = out.get(root, ((), True))
                    out[root] = (tuple(dict.fromkeys((*keys, key))), affixed and only_affixed)
    return out


class _Means(NamedTuple):
    """A means to an end of ``act_means``: the field keys and stems that do it, and the stems of
    the objects the end must be said of (empty: any object)."""

    means: frozenset[str]
    objects: frozenset[str]


@cache
def _means() -> dict[str, tuple[_Means, ...]]:
    """Each end's means (``act_means`` in ``knowledge/lexicon.yaml``), by the end's field key."""
    out: dict[str, list[_Means]] = {}
    entry = knowledge.lexicon()["act_means"]
    for lang, stem in (("id", stem_id), ("en", stem_en)):
        for written in getattr(entry, lang):
            end, _, rest = written.partition("=")
            means, _, objects = rest.partition("/")
            keys = frozenset(w if w.startswith("@") else stem(w) for w in means.split())
            out.setdefault("@" + end.strip(), []).append(_Means(keys, frozenset(stem(w) for w in objects.split())))
    return {end: tuple(found) for end, found in out.items()}


@cache
def _not_in_field() -> dict[str, frozenset[str]]:
    """Words of a field's or group's stem that are not of it, written "!word" there, with the
    keys they are not of ("anggaran", the budget, is no funding of "menganggarkan": proposing a
    budget funds nothing; "penyaluran" is no "saluran", a channel)."""
    out: dict[str, set[str]] = {}
    for purpose in ("act_field", "object_field"):
        entry = knowledge.lexicon()[purpose]
        for written in (*entry.id, *entry.en):
            if "!" not in written:  # most lines: splitting each into its words was ~1 ms of a cold start
                continue
            field, _, members = written.partition("=")
            for w in members.split():
                if w[:1] == "!":
                    out.setdefault(w[1:].lower(), set()).add("@" + field.strip())
    return {word: frozenset(keys) for word, keys in out.items()}


def _field(word: str, *stems: str) -> tuple[str, ...]:
    """The fields of action and groups of ``word``, from all its stems (an English word's group
    must not hide the field of the Indonesian root it shares: "Build" is "bangun"), but the
    fields a word is excluded from."""
    fields = _fields()
    keys: tuple[str, ...] = ()
    for s in stems:
        found = fields.get(s)
        if found is not None and (not found[1] or word != s):
            keys = (*keys, *(k for k in found[0] if k not in keys))
    excluded = _not_in_field().get(word)
    return keys if excluded is None else tuple(x for x in keys if x not in excluded)


@lru_cache(maxsize=65536)
def _word_lemmas(word: str) -> tuple[str, ...]:
    """A word's lemmas: its Indonesian and English stems, and its fields of action (cached per
    word: a plan repeats its vocabulary). An abbreviation is itself and the words that tell what
    it stands for ("TPI": "pelelangan", "ikan"), however short ("K3")."""
    if word.endswith(("'s", "\u2019s")) and len(word) > MIN_LEMMA + 2:
        return _word_lemmas(word[:-2])  # an English possessive is its noun ("fishermen's")
    stems = (
        stem_id(word),
        *_english(stem_en(word)),
        *_plural_us(word),
        *_from_at(stem_id(word)),
        *_nasal(word, stem_id(word)),
    )
    kept = tuple(dict.fromkeys(x for x in stems if len(x) >= MIN_LEMMA))
    kept = (*kept, *_compound_lemmas(word, kept))
    telling = _shorts().get(word)
    if telling is not None:
        spelt = (x for w in telling for x in _telling_lemmas(w))
        kept = tuple(dict.fromkeys((*kept, word, *spelt)))
    return (*kept, *_field(word, *stems))


_NOT_PART = frozenset({"non", "tidak", "bukan", "tanpa", "free"})  # "non-tunai" is no cash, "drug-free" no drug


def _compound_lemmas(word: str, kept: tuple[str, ...]) -> tuple[str, ...]:
    """The lemmas of the last part of a hyphenated compound that is no reduplication, its head,
    when the whole is no known word ("balanced-nutrition" is nutrition, "e-KTP" a KTP); not its
    modifiers ("water-level" is no water), nor a participle ("solar-powered"), nor a compound
    that negates ("non-tunai", "drug-free")."""
    parts = [p for p in word.split("-") if p]
    if len(set(parts)) < 2 or any(x.startswith("@") for x in _field(word, *kept)):
        return ()
    last = parts[-1]
    if not _NOT_PART.isdisjoint(parts) or last.endswith("ed") or last in _stopwords():
        return ()
    if len(last) < MIN_LEMMA and last not in _shorts():
        return ()
    return tuple(x for x in _word_lemmas(last) if x not in kept)


# meN-/peN- drop the first consonant of a root: k before meng-/peng-, p before mem-/pem-, t
# before men-/pen-, s before meny-/peny- ("mengunjungi" of "kunjung", "mengemas" of "kemas")
_NASAL = (
    ("meny", "s"),
    ("peny", "s"),
    ("meng", "k"),
    ("peng", "k"),
    ("mem", "p"),
    ("pem", "p"),
    ("men", "t"),
    ("pen", "t"),
)


def _nasal(word: str, stem: str) -> tuple[str, ...]:
    """The root whose first consonant a nasal prefix dropped, when Sastrawi took the rest for a
    root of its own ("mengunjungi": "unjung", a root too, where "kunjungan" gives "kunjung")."""
    if stem[:1] not in "aeiou" or not stem:
        return ()
    for prefix, lost in _NASAL:
        if word.startswith(prefix) and word[len(prefix) : len(prefix) + 1] in "aeiou":
            return (lost + stem,) if is_root(lost + stem) else ()
    return ()


def _telling_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas a word of an abbreviation's spelling gives it: the word, and its stem but for a
    noun in ke-an, whose root says another thing ("kesehatan" of "Puskesmas" is health, not the
    "sehat" of "dapur sehat"; "kependudukan" is no "duduk")."""
    if word.startswith("ke") and word.endswith("an"):
        return (word,)
    # the groups of its objects too ("anak" of PAUD is a child, "childhood"), not its actions
    return tuple(x for x in _word_lemmas(word) if x not in _act_fields())


MIN_ASI = 8  # letters of a noun in -asi whose base in -at is a word of its own ("sertifikasi")


def _from_at(stem: str) -> tuple[str, ...]:
    """For a noun in -asi, the noun in -at it is made from: "sertifikasi" of "sertifikat"
    (a loan of Latin -atio from -at-, as "certification" of "certificate")."""
    return (stem[:-3] + "at",) if stem.endswith("asi") and len(stem) >= MIN_ASI else ()


MIN_DOUBLED = 5  # letters of a stem that may have doubled its last consonant ("referr")
_DOUBLED = ("bb", "dd", "gg", "mm", "nn", "pp", "rr", "tt")  # not "ll", "ss": "skill", "assess"


def _english(stem: str) -> tuple[str, ...]:
    """An English stem, and for a verb in -ify its noun's stem too: Snowball stems "certifies"
    to "certifi" but "certification" to "certif" ("verifi"/"verif", "identifi"/"identif"); and a
    noun that doubles its verb's last consonant, the verb's ("referral": "referr", "refer";
    "occurrence": "occurr", "occur")."""
    if stem.endswith("fi") and len(stem) >= MIN_FY:
        return (stem, stem[:-1])
    if stem.endswith(_DOUBLED) and len(stem) >= MIN_DOUBLED:
        return (stem, stem[:-1])
    return (stem,)


def _plural_us(word: str) -> tuple[str, ...]:
    """The stem of an English plural in -uses of a noun in -us: Snowball stems "buses" to "buse"
    but "bus" to "bus" ("campuses", "bonuses", "viruses"); for "houses" or "causes" it gives the
    stem they already have."""
    if not word.endswith("uses") or len(word) <= len("uses"):
        return ()
    return (stem_en(word[:-2]),)


def _abbreviated(words: list[str], at: int) -> str | None:
    """The abbreviation whose words start at ``at`` ("kelompok sadar wisata" -> "pokdarwis")."""
    for spelt, short in _spelt_out().get(words[at], ()):
        if tuple(words[at : at + len(spelt)]) == spelt:
            return short
    return None


@lru_cache(maxsize=8192)
def lemmas(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each content word's lemmas (Indonesian, English, then an abbreviation and its field of
    action) with the word as written; a body spelt out is its abbreviation too ("kelompok sadar
    wisata" meets "Pokdarwis"), a verb meets the verbs of its field ("kajian" meets "studi").
    In that fixed order, not a set's: which word a match quotes must not depend on the
    interpreter's hash seed."""
    out: list[tuple[tuple[str, ...], str]] = []
    toks = tokens(text)
    words = [t.word for t in toks]
    friends = _false_friends()["en" if _in_english(text) else "id"]
    spelt_to = -1  # the last word of an abbreviation spelt out, whose words are one object
    ignored = _match_ignored()
    named = place_tokens(text)
    for i, token in enumerate(toks):
        if i in named:
            continue  # a place's name is no object nor task: "Kayu Aro" is no wood, "Tanah Pasir" no sand
        if not _content(token.word):
            short = _abbreviated(words, i) if token.word in ignored and i > spelt_to else None
            if short is not None:
                # a spelling opened by a word set aside is its abbreviation ("tenaga kesehatan": "nakes")
                spelt_to = i + len(next(s for s, x in _spelt_out()[words[i]] if x == short)) - 1
                out.append((_word_lemmas(short), text[token.start : token.end]))
            continue
        short = _abbreviated(words, i)
        read_as = friends.get(token.word)
        found = _word_lemmas(read_as) if read_as else _with_short(_word_lemmas(token.word), short)
        if i <= spelt_to and out:
            # "rumah tidak layak huni" is one thing (RTLH), not four objects to share
            out[-1] = (tuple(dict.fromkeys((*out[-1][0], *found))), out[-1][1])
            continue
        # not a spelling opened by an action, the activity's head ("Pemberian makanan tambahan")
        if short is not None and not _is_action(found, token.word):
            spelt_to = i + len(next(s for s, x in _spelt_out()[words[i]] if x == short)) - 1
        if found:
            out.append((found, text[token.start : token.end]))
    return tuple(out)


@cache
def _match_ignored() -> frozenset[str]:
    entry = knowledge.lexicon()["match_ignored"]
    return frozenset(w for w in (*entry.id, *entry.en) if " " not in w)


@cache
def _false_friends() -> dict[str, dict[str, str]]:
    """Per language, a word spelt like one of the other language's with what it means there, as
    a word of that language (``false_friend``): English "air" is the "udara" of Indonesian, whose
    "air" is water."""
    entry = knowledge.lexicon()["false_friend"]
    return {
        lang: {w.partition("=")[0].strip(): w.partition("=")[2].strip() for w in getattr(entry, lang)}
        for lang in ("id", "en")
    }


def _read_lemmas(words: list[str], at: int, friends: dict[str, str]) -> tuple[str, ...]:
    """The lemmas of the ``at``-th word, or of the word a false friend is read as."""
    read_as = friends.get(words[at])
    return _word_lemmas(read_as) if read_as else _token_lemmas(words, at)


def _token_lemmas(words: list[str], at: int) -> tuple[str, ...]:
    """The lemmas of the ``at``-th word, with the abbreviation of a spelling that starts there."""
    return _with_short(_word_lemmas(words[at]), _abbreviated(words, at))


def _with_short(found: tuple[str, ...], short: str | None) -> tuple[str, ...]:
    """A word's lemmas ``found`` with the abbreviation of a spelling it opens, and its fields."""
    return found if short is None else tuple(dict.fromkeys((*found, short, *_field(short, short))))


@lru_cache(maxsize=8192)
def _lemma_words(text: str) -> dict[str, str]:
    """Each lemma of ``text``'s content words with the word it stands for (the last one, when
    two words share it), and the generic fields of action its specific ones do (``hypernym``:
    "Evacuate flood victims" handles them, so it covers "Penanganan korban banjir"; not the
    reverse, nor one specific task another through their common genus); shared by every
    activity the text is matched with (not to be changed)."""
    out = {lemma: word for found, word in lemmas(text) for lemma in found}
    raised = _raised(text)
    return _with_hypernyms({**raised, **out} if raised else out)


_STRENGTHEN = "@strengthen"


@lru_cache(maxsize=8192)
def _raised(text: str) -> dict[str, str]:
    """Strengthening, with the word that does it, when ``text`` raises what a generic task raises
    ("Meningkatkan kapasitas pengurus", "peningkatan kompetensi guru", "capacity building"): the
    generic task of training, mentoring and coaching, whatever its verb."""
    aspects = _word_set("frame_head_aspect")
    if all(word.lower() not in aspects for _, word in lemmas(text)):
        return {}
    toks = tokens(text)
    raising = _word_set("frame_head_raise")
    content = [t for t in toks if _content(t.word) or t.word in raising]
    for before, after in pairwise(content):
        if before.clause != after.clause:
            continue
        if (before.word in raising and after.word in aspects) or (before.word in aspects and after.word in raising):
            return {_STRENGTHEN: text[before.start : before.end]}
    return {}


def _with_hypernyms(out: dict[str, str]) -> dict[str, str]:
    """``out`` with the generic keys of its specific ones, for the word that has them."""
    hypernyms = _hypernyms()
    for lemma, word in list(out.items()):
        for generic in hypernyms.get(lemma, ()):
            out.setdefault(generic, word)
    return out


def _genera(*purposes: str) -> dict[str, list[str]]:
    """Each specific field's or group's key with the keys of the generic ones it is a kind of, as
    the lexicon's ``purposes`` write them ("GENERIC = specific specific ..."), in their order."""
    out: dict[str, list[str]] = {}
    entries = [knowledge.lexicon()[purpose] for purpose in purposes]
    for written in (w for entry in entries for w in (*entry.id, *entry.en)):
        generic, _, specific = written.partition("=")
        for key in specific.split():
            out.setdefault("@" + key, []).append("@" + generic.strip())
    return out


@cache
def _hypernyms() -> dict[str, tuple[str, ...]]:
    """Each specific field's or group's key with the keys of the generic ones it is a kind of."""
    return {key: tuple(generics) for key, generics in _genera("hypernym", "hypernym_task").items()}


@cache
def _generics() -> dict[str, frozenset[str]]:
    """Each specific field's or group's key with every generic one above it, however far
    ("embung" is a dam, infrastructure, a facility), but people: a pupil is no more a "warga"; a
    task only through ``hypernym_task`` and the tasks of ``hypernym_cover`` (distributing is
    supplying, but "Menyediakan lahan persemaian" distributes no seedlings)."""
    return {key: frozenset(generics) for key, generics in _generic_keys().items()}


@ahead("matching_generics", __file__, lambda d: {k: tuple(v) for k, v in d.items()})
def _generic_keys() -> dict[str, tuple[str, ...]]:
    """:func:`_generics` as lists, in order (computed ahead: ~1.5 ms of a cold start)."""
    direct = _genera("hypernym", "hypernym_task", "hypernym_cover")
    acts = _act_fields()
    # a task's genus from hypernym_task (either way) and hypernym_cover (from the activity up only)
    tasks = _genera("hypernym_task", "hypernym_cover")
    direct = {k: list(tasks.get(k, ())) if k in acts else v for k, v in direct.items()}
    # an official group of people covers its members ("perangkat desa" a village's kaur), from the member up
    for member, groups in _people_genera().items():
        direct[member] = [*direct.get(member, ()), *groups]
    out: dict[str, tuple[str, ...]] = {}
    for key in direct:
        seen: set[str] = set()
        todo = list(direct[key])
        while todo:
            generic = todo.pop()
            if generic not in seen and generic != key:
                seen.add(generic)
                todo.extend(direct.get(generic, ()))
        out[key] = tuple(sorted(seen - {_PEOPLE}))
    return out


def _people_genera() -> dict[str, list[str]]:
    """Each member of an official group of people or bodies (``hypernym_people``: "perangkat
    desa", Permendagri 84/2015; "tenaga kesehatan", UU 17/2023) with the groups it is a member
    of, each named by the lemma a text gives it: a group of ``object_field`` by its key
    ("officials": "@officials"), an abbreviation as itself ("sekdes", also when spelt out:
    "sekretaris desa"), another word by its stem in the line's language ("bendahara")."""
    groups = _object_groups()
    shorts = _shorts()
    out: dict[str, list[str]] = {}
    entry = knowledge.lexicon()["hypernym_people"]
    for lang, stem in (("id", stem_id), ("en", stem_en)):
        for written in getattr(entry, lang):
            group, _, members = written.partition("=")
            generic = _people_lemma(group.strip(), groups, shorts, stem)
            for member in members.split():
                out.setdefault(_people_lemma(member, groups, shorts, stem), []).append(generic)
    return {member: list(dict.fromkeys(found)) for member, found in out.items()}


def _people_lemma(
    name: str, groups: frozenset[str], shorts: dict[str, tuple[str, ...]], stem: Callable[[str], str]
) -> str:
    """The lemma ``name`` of ``hypernym_people`` stands for: a group's key, an abbreviation, or a word's stem."""
    if name in groups:
        return "@" + name
    return name if name in shorts else stem(name)


@cache
def _object_groups() -> frozenset[str]:
    """The names of the groups of ``object_field`` (without their "@")."""
    entry = knowledge.lexicon()["object_field"]
    return frozenset(w.partition("=")[0].strip() for w in (*entry.id, *entry.en))


@lru_cache(maxsize=16384)
def _up(found: tuple[str, ...]) -> frozenset[str]:
    """The generic keys above a word's lemmas (cached per word's lemmas)."""
    generics = _generics()
    return frozenset(g for x in found for g in generics.get(x, ()))


@lru_cache(maxsize=8192)
def _direct(text: str) -> frozenset[str]:
    """The lemmas ``text`` names itself, with what it gives or funds, not the generic keys of its
    specific ones: a generic word of a responsibility covers its kinds, a specific one not its
    siblings ("Membangun jalan" is no "infrastruktur" to cover an "embung")."""
    return frozenset((*(x for found, _ in lemmas(text) for x in found), *_given(text), *_funded(text), *_raised(text)))


@lru_cache(maxsize=16384)
def _covered(activity: str, responsibility: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """:func:`lemmas` of ``activity`` with, for each word, the generic keys above it that the
    responsibility names itself: "Membangun sarana dan prasarana desa" covers "Pembangunan
    embung", "Menyediakan tenaga pendidik" covers "Rekrutmen guru" (staffing is supplying)."""
    direct = _direct(responsibility)
    words = lemmas(activity)
    if all(_up(found).isdisjoint(direct) for found, _ in words):
        return words  # (most pairs: nothing generic to cover, nothing more to compute)
    named = {x for found, _ in words for x in (*found, *_up(found))}
    out = []
    for found, word in words:
        above = tuple(
            sorted(g for g in _up(found) if g in direct and g not in found and _generic_here(responsibility, g, named))
        )
        out.append(((*found, *above), word) if above else (found, word))
    return tuple(out)


@lru_cache(maxsize=16384)
def _kinds_named(text: str) -> dict[str, frozenset[str]]:
    """Each generic key of ``text``'s words with the specific keys under it the text names: "penyakit
    kusta" names a disease, and which one."""
    out: dict[str, set[str]] = {}
    aspects = _word_set("frame_head_aspect")
    for found, word in lemmas(text):
        if word.lower() in aspects:
            continue  # what a generic task raises is no kind of it ("capacity" of "Strengthen capacity")
        for x in found:
            # (a word of the genus itself names no kind: "alsintan" spells "mesin" out)
            for g in (g for g in _up((x,)) if g not in found):
                out.setdefault(g, set()).add(x)
    return {g: frozenset(v) for g, v in out.items()}


def _generic_here(responsibility: str, generic: str, named: set[str]) -> bool:
    """Does ``responsibility`` name ``generic`` as a genus, not one kind of it the activity does
    not name: no other kind under it ("Mengendalikan penyakit kusta" is leprosy, no cover for
    malaria), and the word naming it modified by nothing the activity lacks ("sampah medis")?"""
    if not _kinds_named(responsibility).get(generic, frozenset()) <= named:
        return False
    if generic in _act_fields():
        return True  # a verb's next word is its object, no modifier
    nexts = _next_words(responsibility)
    words = lemmas(responsibility)
    # an English responsibility's opening verb comes before its object, no modifier ("Hold disaster drills")
    verb = words[0][0] if words and _in_english(responsibility) and _has_field(words[0][0]) else None
    for found, word in words:
        if generic in found:
            modifier = nexts.get(word.lower(), ())
            # (a manner is no kind: "bansos tepat sasaran")
            if modifier and modifier[0] in _words_of_no_object():
                continue
            if modifier and modifier != verb and not any(x in named for x in modifier):
                return False
    return True


OBJECT_REACH = 2  # content words between a verb and its object ("Memindai dan mengalihmediakan manuskrip")


def _object_of(text: str, verb: str, found: tuple[str, ...], reach: int = OBJECT_REACH) -> bool:
    """Is a word with one of the lemmas ``found`` the object right after ``verb`` in ``text`` (not
    a word of a later phrase: "Menanamkan modal pada usaha wisata hutan" plants no forest)?"""
    words = lemmas(text)
    at = next((i for i, (_, word) in enumerate(words) if word == verb), None)
    if at is None:
        return False
    acts = _act_fields()
    if _in_english(text) and _named_before(words, at, found):
        return True
    seen = 0
    for lem, word in words[at + 1 :]:
        if not set(found).isdisjoint(x for x in lem if x not in acts):
            return True
        # a verb coordinated with it is not its object ("mengoperasikan dan memelihara jaringan"),
        # nor a counting word ("Mengadakan satu unit kapal ambulans")
        seen += not _has_field(lem) and word.lower() not in _CLASSIFIERS
        if seen >= reach:
            return False
    return False


def _named_before(words: tuple[tuple[tuple[str, ...], str], ...], at: int, found: tuple[str, ...]) -> bool:
    """Is a word with one of the lemmas ``found`` the object an English compound names before its
    action noun, the ``at``-th word ("balanced-nutrition education sessions", "Legal awareness
    outreach"), within two words and after any verb?"""
    acts = _act_fields()
    for lem, _ in reversed(words[max(0, at - OBJECT_REACH) : at]):
        if _has_field(lem):
            return False
        if not set(found).isdisjoint(x for x in lem if x not in acts):
            return True
    return False


# words that count what follows them: no object of their own ("satu unit kapal", "dua paket")
_CLASSIFIERS = frozenset({"unit", "buah", "paket", "set", "ekor", "lembar", "batang", "units", "sets", "packages"})


_ACTION_SUFFIX = ("ing", "tion", "sion")  # English nouns of an action ("monitoring", "installation")
_NOUN_SUFFIX = (*_ACTION_SUFFIX, "ment", "ance", "ence")  # and of a field's ("maintenance", "procurement")


def _is_action(found: tuple[str, ...], word: str) -> bool:
    """Does a content word name an action: a verb of a field, a noun made from a verb
    ("pelatihan"), or an English action noun ("monitoring", "installation")?"""
    lower = word.lower()
    if not _has_field(found) and any(x.startswith("@") for x in found):
        return False  # a thing of a group ("Hypertension screening", "Television")
    return _has_field(found) or nominal_root(lower) is not None or _singular(lower).endswith(_ACTION_SUFFIX)


def _work_noun(found: tuple[str, ...], word: str) -> bool:
    """A noun of an action of a field, by its form: in peN-an or -asi ("pemantauan", "evakuasi";
    not "naskah", a thing composed)."""
    lower = word.lower()
    return _has_field(found) and (nominal_root(lower) is not None or lower.endswith("asi"))


def _singular(lower: str) -> str:
    """An English noun without its plural s ("inspections", "trainings", "assessments")."""
    return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower


def _english_action(found: tuple[str, ...], word: str) -> bool:
    """An English noun of an action: in -ing, -tion, -sion, or in -ment, -ance, -ence with a field
    of action ("maintenance", "procurement"; not "government", "equipment")."""
    lower = _singular(word.lower())
    return lower.endswith(_ACTION_SUFFIX) or (lower.endswith(_NOUN_SUFFIX) and _has_field(found))


@lru_cache(maxsize=8192)
def _head(activity: str) -> int:
    """Which content word of ``activity`` is its head: the first (Indonesian puts the head first:
    "Pemeliharaan jalan desa", "Festival pemasaran kopi"), unless that names no action and an
    English compound ends with an action noun before its first word without content ("Village
    road maintenance", "Digital literacy training for senior citizens": modifiers first)."""
    words = lemmas(activity)
    if not words:
        return 0
    # an English word in -ing with no field of action may modify the compound's head ("Drinking
    # water quality testing", "Cooking oil price monitoring"): the action noun after it heads it
    modifier = not _has_field(words[0][0]) and words[0][1].lower().endswith("ing") and _in_english(activity)
    if words[0][1].lower() in _word_set("opening_verb"):
        return 0
    opened = _is_action(*words[0]) and not modifier
    english = _in_english(activity)
    if opened and not (english and _has_field(words[0][0])):
        return 0
    count = _compound(activity)
    if opened:
        # an English compound of two actions is headed by its last ("Drafting workshop" is a
        # workshop on drafting, "Water quality monitoring" a monitoring), but "Capacity building",
        # one task: what a generic task raises and its verb
        last = min(count, len(words)) - 1
        if last > 0 and _has_field(words[last][0]) and words[0][1].lower() not in _word_set("frame_head_aspect"):
            return last
        return 0
    # an action noun ("maintenance"), or in an English text a word of a field of action ("survey",
    # "outreach"; not in "Menyiarkan informasi pemasaran digital", headed by its verb)
    actions = [
        i
        for i in range(1, min(count, len(words)))
        if _english_action(*words[i]) or (english and _has_field(words[i][0]))
    ]
    return actions[-1] if actions else 0


def _compound(activity: str) -> int:
    """How many content words ``activity``'s first compound has (up to its first word without
    content)."""
    stop = _stopwords()
    count = 0
    named = place_tokens(activity)
    for i, token in enumerate(tokens(activity)):
        if token.word in stop:
            if count:
                break
            continue
        if _content(token.word) and i not in named:
            count += 1
    return count


@lru_cache(maxsize=8192)
def _lemma_count(text: str) -> dict[str, int]:
    """How many content words of ``text`` have each lemma."""
    out: dict[str, int] = {}
    for found, _ in lemmas(text):
        for lemma in found:
            out[lemma] = out.get(lemma, 0) + 1
    return out


@lru_cache(maxsize=16384)
def match(activity: str, responsibility: str, others: tuple[str, ...] = ()) -> Reading:
    """``others``: the partner's other responsibilities, where the activity's second word may
    stand ("Operate irrigation schedule": "operate the platform" and, elsewhere, "irrigation")."""
    found = _match(activity, responsibility, others)
    if found.label == "match":
        outside = _place_outside(activity, responsibility)
        if outside is not None:
            return Reading("no_match", "place_outside", outside)
    return found


def _place_outside(activity: str, responsibility: str) -> str | None:
    """The activity's place and the responsibility's, as written, when the responsibility names
    where it holds and the activity is done somewhere none of those places holds: a precision
    guard. A partner's responsibility for tsunami drills "di Kota Padang" makes it able to lead
    the drills of a district or village of Padang (the area lies in Padang: covered as to place),
    not those of Kota Pariaman, nor of the whole province (a wider area: the partner holds only
    part of it). A name that may be several areas ("Kota Padang" is also a district of Rejang
    Lebong) is outside only when none of them lies in the responsibility's; a responsibility or
    activity naming no place is not judged by place."""
    theirs = places(responsibility)
    if not theirs:
        return None
    mine = places(activity)
    if not mine or any(inside(place, other) for place in mine for other in theirs):
        return None
    return f"{mine[0].written}/{theirs[0].written}"


def _match(activity: str, responsibility: str, others: tuple[str, ...]) -> Reading:
    if not lemmas(activity):
        return Reading("no_match", "no_content_word")
    at = _head(activity)
    if _apart(activity, responsibility) or _heads_apart(activity, responsibility):
        # (most pairs of a plan: nothing of the activity in the responsibility, nothing to weigh;
        # or nothing any head the activity may be read with could meet there)
        return Reading("no_match", "head_not_shared", lemmas(activity)[at][1])
    found = _match_at(at, activity, responsibility, others)
    if found.label == "no_match" and at and _coordinated(activity):
        # two activities in one ("Silvofishery training and shrimp purchase"): the compound's head
        # is uncertain, and its first word may head the part a partner covers
        first = _match_at(0, activity, responsibility, others)
        if first.label == "match":
            return first
    words = lemmas(activity)
    if found.label == "no_match" and at + 1 < len(words) and _heads_coordinated(activity, words, at):
        # two actions before one object ("Pendataan dan verifikasi penerima bantuan"): either heads it
        second = _match_at(at + 1, activity, responsibility, others)
        if second.label == "match":
            return second
    teaching = _TEACH in words[at][0]
    if found.reason == "head_not_shared" and at > 0 and _has_field(words[at - 1][0]) and not teaching:
        # an English compound of two actions ("Measles immunisation campaign"): the one before
        # its head names the work as well; not before a teaching head, whose topic it is
        # ("Mapping workshop" maps nothing)
        inner = _match_at(at - 1, activity, responsibility, others)
        if inner.label == "match":
            return inner
    framed_at = _framed(activity, at) if found.reason == "head_not_shared" else None
    if framed_at is not None:
        # a head that only frames the action it names ("Penyusunan kajian kelayakan", "Peningkatan
        # kapasitas guru", "Keikutsertaan UMKM dalam pameran"): that action may head it
        framed = _match_at(framed_at, activity, responsibility, others)
        if framed.label == "match":
            return framed
    return found


# content words after a frame head where the action it frames may stand: the next only, as a later
# one modifies the thing made ("Pembuatan aplikasi layanan publik" makes an app, serves no one)
FRAME_REACH = 1


@lru_cache(maxsize=8192)
def _framed(activity: str, at: int) -> int | None:
    """Which content word of ``activity`` names the action its ``at``-th word, the head, only frames:
    for a head of no field of action, a noun of work by its form within the next two ("Integrasi
    layanan Disdukcapil"); for a frame head ("Penyusunan", "Peningkatan"), the next word when it is of a field of action
    ("Penyusunan kajian kelayakan"); for a head of taking part ("Keikutsertaan",
    "Participation"), the first word after "dalam"/"in", the event taken part in ("Keikutsertaan
    UMKM dalam pameran kriya")."""
    words = lemmas(activity)
    head = words[at][1].lower()
    if not _has_field(words[at][0]) and head not in _word_set("frame_head_part"):
        # a head of no task known ("Integrasi", "Optimalisasi") frames the work named after it
        # ("Integrasi layanan Disdukcapil", "Optimalisasi pemungutan retribusi")
        found = next((i for i in range(at + 1, min(at + 1 + OBJECT_REACH, len(words))) if _work_noun(*words[i])), None)
        if found is not None:
            return found
    if head in _word_set("frame_head"):
        ahead = range(at + 1, min(at + 1 + FRAME_REACH, len(words), _placed(activity)))
        return next((i for i in ahead if _has_field(words[i][0])), None)
    if _CONVENE in words[at][0]:
        return _purpose(activity, at)
    if head not in _word_set("frame_head_part"):
        return None
    toks = tokens(activity)
    count = -1  # the content words up to the event
    within = False
    named = place_tokens(activity)
    for i, token in enumerate(toks):
        if token.word in _IN_EVENT and count >= at:
            within = True
        elif _content(token.word) and i not in named:
            count += 1
            if within and count < len(words):
                return count
    return None


_IN_EVENT = frozenset({"dalam", "pada", "in", "at", "on"})
_CONVENE = "@convene"
_PURPOSE = frozenset({"untuk", "guna", "to", "for"})


def _purpose(activity: str, at: int) -> int | None:
    """Which content word of ``activity`` names the work a forum, its ``at``-th word, is held
    for: the first after "untuk"/"to"/"for", when it is an action of another field ("Musyawarah
    desa untuk memutakhirkan data kemiskinan" updates the data; not "Rapat untuk kader", held for
    people, nor "Rapat koordinasi", a forum again)."""
    words = lemmas(activity)
    named = place_tokens(activity)
    count = -1
    within = False
    for i, token in enumerate(tokens(activity)):
        if token.word in _PURPOSE and count >= at:
            within = True
        elif _content(token.word) and i not in named:
            count += 1
            if within and count < len(words):
                found = words[count][0]
                return count if _has_field(found) and _CONVENE not in found else None
    return None


def _apart(activity: str, responsibility: str) -> bool:
    """Do the texts share nothing any reading of a match could weigh: no lemma, group or genus of
    the activity's words among the responsibility's (with what it gives, funds or raises, and the
    generic tasks of its specific ones), and no standard service the responsibility runs?"""
    reach = _reach(responsibility)
    return reach is not None and reach.isdisjoint(_all_lemmas(activity))


@lru_cache(maxsize=8192)
def _reach(responsibility: str) -> frozenset[str] | None:
    """Every key of ``responsibility`` a reading of a match could weigh (its lemmas, what it names
    itself, its tasks), or None when it runs a standard service (whose parts it covers unnamed)."""
    direct = _direct(responsibility)
    if not _parts().keys().isdisjoint(direct):
        return None
    return frozenset((*_lemma_words(responsibility), *direct, *_task_lemma_words(responsibility)))


class _Heads(NamedTuple):
    """What the words :func:`match` may read as an activity's head (its head, and the words
    :func:`match` tries when that one fails: the first of two coordinated activities, an action
    coordinated with the head, the action before it, the action it frames) could meet a
    responsibility by, each a superset of what :func:`_match_at` asks of them."""

    lemmas: frozenset[str]  # their lemmas: a head shared among the responsibility's tasks
    above: frozenset[str]  # the generic keys above them, shared when the responsibility names them itself
    supplies: bool  # one supplies, so may fund (_funding)
    unfielded: bool  # one of no field of action, which a responsibility running the thing covers (_run_whole)
    means: frozenset[str]  # the means to their ends (_by_means)
    ends: frozenset[str]  # the ends they are a means to (_by_end)
    instruments: frozenset[str]  # the instruments they are made from ("vaksin" of "Vaksinasi": _instrument_supplied)


@lru_cache(maxsize=8192)
def _heads(activity: str) -> _Heads:
    """:class:`_Heads` of ``activity`` (which has content words), computed once for every
    responsibility it is matched with."""
    words = lemmas(activity)
    at = _head(activity)
    read = {at}
    if at and _coordinated(activity):
        read.add(0)
    if at + 1 < len(words) and _heads_coordinated(activity, words, at):
        read.add(at + 1)
    if at > 0 and _has_field(words[at - 1][0]) and _TEACH not in words[at][0]:
        read.add(at - 1)
    framed = _framed(activity, at)
    if framed is not None:
        read.add(framed)
    found = frozenset(x for i in read for x in words[i][0])
    above = frozenset(g for i in read for g in _up(words[i][0]))
    keys = found | above | {_FUND}
    by_end, ends_of = _means_of_end(), _ends_of_means()
    instruments = set()
    for i in read:
        lower = words[i][1].lower()
        suffix = next((x for x in _ACT_OF_INSTRUMENT if lower.endswith(x)), None)
        if suffix and len(lower) - len(suffix) >= MIN_INSTRUMENT:
            instruments.add(lower[: -len(suffix)])
    return _Heads(
        lemmas=found,
        above=above,
        supplies=_SUPPLY in keys,
        unfielded=any(not _has_field(words[i][0]) for i in read),
        means=frozenset(x for end in keys if end in by_end for x in by_end[end]),
        ends=frozenset(end for x in keys if x in ends_of for end in ends_of[x]),
        instruments=frozenset(instruments),
    )


@cache
def _means_of_end() -> dict[str, frozenset[str]]:
    """Each end of ``act_means`` with the keys and stems of all its means."""
    return {end: frozenset(x for means in found for x in means.means) for end, found in _means().items()}


@cache
def _ends_of_means() -> dict[str, frozenset[str]]:
    """Each field key among the means of ``act_means`` with the ends it is a means to (what
    :func:`_by_end` looks for in an activity's head)."""
    out: dict[str, set[str]] = {}
    for end, found in _means().items():
        for x in (x for means in found for x in means.means if x.startswith("@")):
            out.setdefault(x, set()).add(end)
    return {x: frozenset(ends) for x, ends in out.items()}


def _heads_apart(activity: str, responsibility: str) -> bool:
    """Can no word :func:`match` may read as ``activity``'s head meet ``responsibility``: none
    among its tasks (nor a generic key above it that the responsibility names itself, nor funding
    where a head supplies), and no other way to cover it (a standard service, running the thing,
    a means to its end, its end, the instrument it is made from)? Most pairs that share a word
    share an object, not a head."""
    heads = _heads(activity)
    tasks = _task_lemma_words(responsibility)
    direct = _direct(responsibility)
    mine = _lemma_words(responsibility)
    return (
        heads.lemmas.isdisjoint(tasks)
        and not any(g in tasks for g in heads.above if g in direct)
        and not (heads.supplies and _FUND in tasks)
        and _parts().keys().isdisjoint(direct)
        and not (heads.unfielded and not _RUN.isdisjoint(mine))
        and heads.means.isdisjoint(mine)
        and heads.ends.isdisjoint(direct)
        and not ("@supply" in mine and not heads.instruments.isdisjoint(mine))
    )


@lru_cache(maxsize=8192)
def _all_lemmas(text: str) -> frozenset[str]:
    """Every lemma of ``text``'s words with the generic keys above them, and funding (a supply of
    money funds: _funding)."""
    found = [x for words, _ in lemmas(text) for x in words]
    return frozenset((*found, *_up(tuple(found)), _FUND))


@cache
def _act_fields() -> frozenset[str]:
    """The keys of the fields of action (not of the groups of people or things)."""
    entry = knowledge.lexicon()["act_field"]
    return frozenset("@" + w.partition("=")[0].strip() for w in (*entry.id, *entry.en))


def _has_field(found: tuple[str, ...]) -> bool:
    return not _act_fields().isdisjoint(found)


_AND = frozenset({"and", "dan", "serta", "&", "or", "atau"})


def _heads_coordinated(activity: str, words: tuple[tuple[tuple[str, ...], str], ...], at: int) -> bool:
    """Is the head coordinated with an action right after it ("Pembentukan dan pelatihan operator",
    "Mapping and restoration of ...")?"""
    (_, first), (after, second) = words[at], words[at + 1]
    if not _is_action(after, second):
        return False
    toks = tokens(activity)
    for one, two, three in zip(toks, toks[1:], toks[2:], strict=False):
        if one.word == first.lower() and two.word in _AND and three.word == second.lower():
            return True
    return False


def _coordinated(activity: str) -> bool:
    return any(t.word in _AND for t in tokens(activity))


def _match_at(at: int, activity: str, responsibility: str, others: tuple[str, ...]) -> Reading:
    """Does ``responsibility`` cover ``activity`` read with its ``at``-th content word as head?"""
    words = _funding(_covered(activity, responsibility), at)
    mine = _lemma_words(responsibility)
    (head, head_word), rest = words[at], words[:at] + words[at + 1 :]
    if _is_action(head, head_word):
        # an action meets by its stems and fields, not by the group of its root's thing
        # ("Pembiayaan" is no "anggaran" through the money of "biaya")
        acts = _act_fields()
        head = tuple(x for x in head if not x.startswith("@") or x in acts)
    tasks = _task_lemma_words(responsibility)
    lower = head_word.lower()
    spelt = _spelt_lemmas(responsibility)
    shared_head = next(
        (tasks[x] for x in head if x in tasks and not _bare_thing(x, tasks[x], lower) and x not in spelt), None
    )
    if shared_head is None:
        part = _part_of_service(activity, responsibility, head, head_word) or _by_end(
            head, head_word, rest, responsibility, mine
        )
        if part is not None:
            return part
        placed = _placed(activity)
        unplaced = tuple(e for i, e in enumerate(words) if i != at and i < placed) or rest  # not its place
        means = _by_means(activity, responsibility, head, head_word, unplaced, mine)
        if means.label == "match" or _has_field(head):
            return means
        return _run_whole(activity, responsibility, head, head_word, unplaced) or means
    if not rest:
        return Reading("match", "head_shared", f"{head_word}/{shared_head}")
    if head_word.lower() in _GIVE_HEAD and any(x in mine for x in head if not x.startswith("@")):
        # "Pemberian beasiswa" and "Memberikan pelatihan": giving names its task by what is given
        given = next(iter(rest[at:]), None)
        if given is not None and not any(x in mine for x in given[0] if x not in _act_fields()):
            return Reading("no_match", "given_not_shared", given[1])
    assisted = _assisted_task(words, at, head)
    if assisted is not None and not any(x in mine for x in assisted[0]) and _assists_a_task(responsibility):
        # "Fasilitasi sertifikasi halal" assists a certification: "Memfasilitasi pemasaran
        # produk halal" assists another task
        return Reading("no_match", "assisted_task_not_shared", assisted[1])
    if not any(x in tasks and x not in spelt for x in head if not x.startswith("@")):
        # the heads meet only as verbs of one field ("Kajian" and "studi"): the object must be
        # the same too, two of its words when it has two ("Kajian kelayakan SPAM regional")
        # (a teaching head's topic is no object: "Training of fisheries watch groups in reporting")
        taught = _taught(activity) if _TEACH in head else len(words)
        placed = min(_placed(activity), taught)
        frames = _word_set("frame_head")
        # (the people it serves after its topic are its object: "Capacity building on financial
        # reporting for village officials")
        served = _served_after_topic(activity) if taught < len(words) else None
        after = range(served, _placed(activity)) if served is not None and served > taught else range(0)
        own = [
            entry
            for i, entry in enumerate(words)
            if i != at and (i < placed or i in after) and not (i < at and entry[1].lower() in frames)
        ] or list(rest)  # not its place nor frame
        if _in_english(activity):
            # an English compound of two actions names one ("Measles immunisation campaign"): the
            # other action is no object to share
            own = [entry for entry in own if not _has_field(entry[0])] or own
        # how often is no object ("Annual evaluation of the partnership")
        own = [entry for entry in own if entry[1].lower() not in _word_set("frequency_word")] or own
        shared = [word for found, word in own if any(x in mine and not _other_shorts(word, mine[x]) for x in found)]
        if taught < _placed(activity):
            # without its topic, an object met only through a spelling's word is not met ("women
            # farmer groups", KWT, and "fisher groups")
            shared = [
                word
                for found, word in own
                if any(x in mine and not _spelt_share(x, found, word, mine[x]) for x in found)
            ]
        english = _in_english(activity)
        # an object of two words is met by its head (the first in Indonesian: "naskah" of "naskah kuno")
        # (its head is its first thing: an action before it names the work, "Simulasi evakuasi tsunami")
        # (nor the bearer of a condition: "pasien tuberkulosis" is a case of tuberculosis)
        # (nor an attribute or a specimen of it: "kualitas air sungai", "sampel air" are of the water)
        bearers = _no_object_heads()
        obj = next((entry for entry in own if not _work_noun(*entry) and entry[1].lower() not in bearers), own[0])
        head_met = (
            len(own) >= FIELD_OBJECT
            and not english
            and obj[1] in shared
            and _object_of(responsibility, shared_head, obj[0])
            # another kind of it ("produk UMKM" and "produk pertanian")
            and not _other_group(activity, responsibility, obj[1], obj[0])
            and (len(own) == FIELD_OBJECT or _head_itself_met(obj, mine, activity, responsibility))
        )
        # (an English responsibility may name it before its verb: "Legal awareness outreach")
        if (
            len(own) == 1
            and shared
            and not english
            and not _in_english(responsibility)
            and not _object_of(responsibility, shared_head, own[0][0])
        ):
            shared = []  # "Memulihkan kepercayaan warga terhadap pengelola hutan": restores no forest
        if shared and all(_only_the_people_shared(activity, responsibility, at, (w, w)) for w in shared):
            shared = []  # "Pemberian beasiswa bagi siswa miskin", "Menyediakan seragam bagi siswa miskin"
        if len(shared) < min(FIELD_OBJECT, len(own)) and not head_met:
            people = _people_of_aspect(activity, responsibility, shared_head)
            if people is not None:
                return Reading("match", "field_and_people_shared", f"{head_word}/{shared_head}, {people}")
            return (
                _on_the_programme(head_word, shared_head, responsibility)
                or _part_of_service(activity, responsibility, head, head_word)
                or Reading("no_match", "object_not_shared", head_word)
            )
        return Reading("match", "field_and_object_shared", f"{head_word}/{shared_head}, {shared[0]}")
    known = _known_words(responsibility, others)
    # the head's own lemma names the object only when another word of the responsibility has it
    # too ("Pelatihan pelatih" and "Melatih 20 pelatih", not "Training of trainers" and "Provide
    # venues for the training")
    spent = {x for x in head if x in mine and _lemma_count(responsibility).get(x, 0) < 2}
    placed = _placed(activity)
    acts = _act_fields()
    direct = {lemma for found, _ in lemmas(responsibility) for lemma in found}
    own = [entry for i, entry in enumerate(words) if i != at and i < placed] or list(rest)  # not its place
    other = next(
        (
            (word, known[x])
            for found, word in own
            for x in found
            if x in known
            and x not in spent
            and (x not in acts or x in direct)  # no field its verb only has by its genus ("skills" of "Train")
            and not _other_shorts(word, known[x])
            and not _rival_short(word, mine)
            and not _other_kind(activity, responsibility, word, found)
            and not _sibling_heads(activity, responsibility, word, known[x])
            and not _spelt_into_other(x, word, known[x], responsibility)
        ),
        None,
    )
    if _other_beneficiary(activity, responsibility) or _only_the_people_shared(activity, responsibility, at, other):
        return Reading("no_match", "object_not_shared", head_word)
    if other is not None and _people_of_other_groups(activity, responsibility, own):
        return Reading("no_match", "object_not_shared", head_word)
    if other is None:
        return (
            _on_the_programme(head_word, shared_head, responsibility)
            or _part_of_service(activity, responsibility, head, head_word)
            or _done_where_run(activity, responsibility, head_word, shared_head)
            or Reading("no_match", "object_not_shared", head_word)
        )
    return Reading("match", "head_and_object_shared", f"{head_word}/{shared_head}, {other[0]}/{other[1]}")


@lru_cache(maxsize=8192)
def _known_words(responsibility: str, others: tuple[str, ...]) -> dict[str, str]:
    """The lemmas where an activity's object may stand, with the word: the partner's other
    responsibilities', a later text's word for a lemma winning, and the responsibility's own
    over all but its place, no object ("di kawasan wisata selam"). The same for every activity
    matched with the partner (not to be changed)."""
    known: dict[str, str] = {}
    for text in others:
        known.update(_lemma_words(text))
    known.update(_unplaced_words(responsibility))
    return known


_SUPPLY, _MONEY, _FUND, _TEACH = "@supply", "@money", "@fund", "@teach"


def _funding(words: tuple[tuple[tuple[str, ...], str], ...], at: int) -> tuple[tuple[tuple[str, ...], str], ...]:
    """``words`` with funding added to a head that supplies money ("Penyediaan dana bergulir",
    "Provision of funds"): providing money is funding, as "Mendanai" or "Fund" say."""
    if at + 1 >= len(words) or _SUPPLY not in words[at][0] or _FUND in words[at][0]:
        return words
    if _MONEY not in words[at + 1][0]:
        return words
    head = ((*words[at][0], _FUND), words[at][1])
    return (*words[:at], head, *words[at + 1 :])


@lru_cache(maxsize=8192)
def _funded(text: str) -> dict[str, str]:
    """Funding, with the word that does it, when ``text`` supplies money ("Menyediakan dana
    pendamping", "Provide funds for ...")."""
    words = lemmas(text)
    for (found, word), (after, _) in pairwise(words):
        if _SUPPLY in found and _MONEY in after:
            return {_FUND: word}
    return {}


def _on_the_programme(head_word: str, shared_head: str, responsibility: str) -> Reading | None:
    """A task the responsibility does on the programme itself covers every activity of that task
    ("Conduct research, surveys and evaluation for the programme" covers "Baseline survey of
    stunting prevalence"; "Menyebarluaskan informasi program melalui media" covers "Peliputan
    festival"): its head met as an action, the responsibility's object generic."""
    if not _has_field(_word_lemmas(shared_head.lower())) or not _any_object(responsibility):
        return None
    return Reading("match", "task_on_the_programme", f"{head_word}/{shared_head}")


_MEANS = frozenset({"melalui", "lewat", "dengan", "via", "through", "using", "bersama", "with"})


@lru_cache(maxsize=8192)
def _any_object(responsibility: str) -> bool:
    """Does ``responsibility`` name the programme as its object and nothing more specific: beside
    its actions, only generic objects ("program", "project"), light verbs, words naming no object
    of their own (``act_field_generic``: "informasi", "akademik"), and its means after
    "melalui"/"through"?"""
    matched = find_all(responsibility, "generic_object", "light_verb")
    if not any(m.purpose == "generic_object" and not m.negated for m in matched):
        return False
    generic = {t.start for m in matched for t in m.found}
    none_of_its_own = _words_of_no_object()
    for token in tokens(responsibility):
        if token.word in _MEANS:
            break
        if token.start in generic or not _content(token.word) or token.word in none_of_its_own:
            continue
        if not _has_field(_word_lemmas(token.word)):
            return False
    return True


@cache
def _words_of_no_object() -> frozenset[str]:
    entry = knowledge.lexicon()["act_field_generic"]
    return frozenset(w for w in (*entry.id, *entry.en))


_RUNS = frozenset({"@run", "@serve", "@convene", "@assist"})  # what running or supporting a service does


@cache
def _parts() -> dict[str, frozenset[str]]:
    """Each service of ``hypernym_part`` with the lemmas of its parts' words (not their fields:
    weighing is a part of posyandu, not every check)."""
    return {service: frozenset(lemmas_) for service, lemmas_ in _part_lemmas().items()}


@ahead("matching_parts", __file__, lambda d: {k: tuple(v) for k, v in d.items()})
def _part_lemmas() -> dict[str, tuple[str, ...]]:
    """:func:`_parts` as lists, in order (computed ahead: stemming the parts' words was ~3 ms of
    a cold start)."""
    out: dict[str, set[str]] = {}
    entry = knowledge.lexicon()["hypernym_part"]
    for written in (*entry.id, *entry.en):
        service, _, parts = written.partition("=")
        lemmas_ = {x for w in parts.split() for x in _word_lemmas(w) if not x.startswith("@")}
        out.setdefault(service.strip(), set()).update(lemmas_)
    return {service: tuple(sorted(found)) for service, found in out.items()}


def _part_of_service(activity: str, responsibility: str, head: tuple[str, ...], head_word: str) -> Reading | None:
    """Does the responsibility run or support a standard service whose part the activity's head
    does, both naming the service ("Penimbangan balita di posyandu" and "Melaksanakan kegiatan
    posyandu balita")? Not when it does another task to it ("Membangun gedung posyandu")."""
    theirs = _direct(responsibility)
    if _parts().keys().isdisjoint(theirs):
        return None
    acts = _act_fields()
    # the responsibility's tasks but running or supporting the service ("Membangun gedung posyandu";
    # not "services", which serve whatever other field they have)
    tasks = [found for found, _ in lemmas(responsibility) if _RUNS.isdisjoint(found) and any(x in acts for x in found)]
    words = lemmas(activity)
    mine = {x for found, _ in words for x in found}
    if _exclusive_people(_people_named(activity), _people_named(responsibility)):
        return None  # "posyandu balita" is no "posyandu lansia"
    own = [x for x in head if not x.startswith("@")]
    for service, parts in _parts().items():
        if service not in theirs or parts.isdisjoint(own):
            continue
        if any(parts.isdisjoint(found) for found in tasks):
            continue  # another task done to the service, none of its parts
        # the activity names the service, or another of its parts ("Penerbitan akta kelahiran");
        # when it names other parts only and the responsibility does a part itself ("Monitor child
        # growth in posyandu"), parts of the field of that part ("weighing and height measurement",
        # not "Pemberian makanan tambahan") for those the responsibility serves ("of toddlers")
        if service in mine:
            return Reading("match", "part_of_the_service", f"{head_word}/{service}")
        named = [found for found, _ in words if not parts.isdisjoint(found)]
        if len(named) < FIELD_OBJECT:
            continue
        if not tasks or (
            any(not set(head).isdisjoint(found) for found in tasks) and _served_there(words, parts, theirs)
        ):
            return Reading("match", "part_of_the_service", f"{head_word}/{service}")
    return None


def _served_there(
    words: tuple[tuple[tuple[str, ...], str], ...], parts: frozenset[str], theirs: frozenset[str]
) -> bool:
    """Does a word of the activity that is no part of the service, action nor frequency name a
    thing or people the responsibility names ("toddlers" and "child": children)?"""
    acts, often = _act_fields(), _word_set("frequency_word")
    return any(
        x in theirs and x not in acts
        for found, word in words
        if parts.isdisjoint(found) and not _has_field(found) and word.lower() not in often
        for x in found
    )


def _bare_thing(lemma: str, word: str, head: str) -> bool:
    """Is ``word`` the bare root ``lemma`` of an Indonesian action noun ``head`` and a thing, no
    action ("Pasar" of "Pemasaran", "air" of "Pengairan"): the market is not marketed (an English
    "model" is what "modelling" makes)."""
    lower = word.lower()
    return (
        lower == lemma
        and lemma not in _shorts()  # an abbreviation the action opens ("Pemberian makanan tambahan": PMT)
        and _action_noun(head)
        and head != lemma
        and not lemma.startswith("@")
        and not _has_field(_word_lemmas(lower))
    )


def _assisted_task(
    words: tuple[tuple[tuple[str, ...], str], ...], at: int, head: tuple[str, ...]
) -> tuple[tuple[str, ...], str] | None:
    """The task an assisting head assists, named after it ("Fasilitasi sertifikasi halal",
    "Pendampingan pengemasan produk", "Facilitation of halal certification"): its first later word
    of a field of action but assisting's own, or noun of an action ("Fasilitasi pengurusan badan
    hukum")."""
    if "@assist" not in head:
        return None
    return next(
        (
            (found, word)
            for found, word in words[at + 1 :]
            if (_has_field(found) or _action_noun(word.lower()))
            and "@assist" not in found
            and not _state_noun(word.lower())
        ),
        None,
    )


@lru_cache(maxsize=8192)
def _assists_a_task(responsibility: str) -> bool:
    """Does ``responsibility`` assist a task or field it names ("Memfasilitasi pemasaran produk
    halal", "Mendampingi IKM dalam pemasaran daring"), not only those it assists ("Melaksanakan pembinaan
    dan pendampingan BUMDes", "Provide technical assistance to village water user groups"), who
    are then assisted in any task of theirs?"""
    words = lemmas(responsibility)
    at = next((i for i, (found, _) in enumerate(words) if "@assist" in found), None)
    if at is None:
        return True
    # a field it assists them in is a scope too ("Mentor small businesses in smallholder coffee")
    if any(t.word in _TOPIC for t in tokens(responsibility)[1:]):
        return True
    # a task of a field, or any noun of an action ("pengurusan izin PIRT")
    return any(
        "@assist" not in found and (_has_field(found) or _action_noun(word.lower())) for found, word in words[at + 1 :]
    )


def _state_noun(word: str) -> bool:
    """A noun of a state in ke-an ("kekerasan", violence; "keselamatan"), no action."""
    return word.startswith("ke") and word.endswith("an")


_RELATIVE = frozenset({"yang", "that", "which", "who"})
_DONE = frozenset({"telah", "sudah", "pernah", "was", "were", "been", "already"})


@lru_cache(maxsize=8192)
def _task_lemma_words(text: str) -> dict[str, str]:
    """:func:`_lemma_words` of ``text`` as tasks: without the verbs that only describe an object,
    done or undergone in a relative clause ("embung yang telah dibangun", "keluarga yang
    terdata", "tanks that were built": maintaining a pond built by others builds none); with
    supplying where a thing is given ("Memberikan jaring kepada nelayan"), and distributing where
    a thing is supplied to people ("Menyediakan bibit bagi kelompok tani")."""
    described = _described(text) | _programme_named(text)
    given = {**_funded(text), **_given(text)}
    if not described and not given:
        return _lemma_words(text)
    out = {lemma: word for found, word in lemmas(text) if word.lower() not in described for lemma in found}
    for key, word in given.items():
        out.setdefault(key, word)
    return _with_hypernyms(out)


_GIVE_HEAD = frozenset({"pemberian", "memberikan", "memberi", "give", "giving", "provision", "provide", "providing"})
_GIVE = frozenset({"memberikan", "memberi"})  # a light verb: giving a task is no supply ("Memberikan pelatihan")
_TO_PEOPLE = frozenset({"kepada", "bagi", "untuk", "to", "for"})
_FACILITATE = frozenset({"memfasilitasi", "fasilitasi", "facilitate", "facilitates", "facilitating"})
_FACILITIES = frozenset({"@facility", "@equipment"})


@lru_cache(maxsize=8192)
def _given(text: str) -> dict[str, str]:
    """Supplying, when a light verb gives a thing, not a task ("Memberikan jaring dan alat
    tangkap", not "Memberikan penyuluhan"), and distributing, when what is supplied goes to
    people of a group of ``hypernym``'s "people" ("bagi kelompok tani", "to poor pupils"; not
    "Menyediakan gudang bagi bantuan pangan"), each with the word that does it."""
    toks = tokens(text)
    words = [t.word for t in toks]
    out: dict[str, str] = {}
    hypernyms = _hypernyms()
    for i, token in enumerate(toks):
        if token.word not in _GIVE and token.word not in _FACILITATE:
            continue
        after = next((j for j in range(i + 1, len(toks)) if _content(words[j])), None)
        if after is None or toks[after].clause != token.clause:
            continue
        found = _token_lemmas(words, after)
        if token.word in _FACILITATE:
            # facilitating a facility or equipment supplies it ("Memfasilitasi sarana belajar"),
            # facilitating people assists them ("Memfasilitasi UMKM mengakses modal")
            given = not _FACILITIES.isdisjoint(k for x in found for k in (x, *hypernyms.get(x, ())))
        else:
            # a thing: no action ("jaring" is no English -ing), or a noun of one of a group ("bantuan", aid)
            thing = nominal_root(words[after]) is None or any(x.startswith("@") for x in found)
            given = not _has_field(found) and thing
        if given:
            out["@supply"] = text[token.start : token.end]
            break
    supplier = out.get("@supply") or _lemma_words(text).get("@supply")
    if supplier is None:
        return out
    people = _people()
    for i, token in enumerate(toks):
        if token.word not in _TO_PEOPLE:
            continue
        for j in range(i + 1, len(toks)):
            if toks[j].clause != token.clause:
                break
            found = _token_lemmas(words, j)
            if any(k in people for x in found for k in (x, *_hypernyms().get(x, ()))):
                out["@distribute"] = supplier
                return out
    return out


@cache
def _people() -> frozenset[str]:
    """The keys of the groups of people (``hypernym``'s "people"), and "people" itself."""
    return frozenset({_PEOPLE, *(k for k, generics in _hypernyms().items() if _PEOPLE in generics)})


_PEOPLE = "@people"


def _described(text: str) -> frozenset[str]:
    """The words of ``text`` in a relative clause that say what was done to its noun: after a
    perfect ("telah", "already", "were") or in the passive ("dibangun", "terdata")."""
    toks = tokens(text)
    out: set[str] = set()
    clause = -1
    for before, token in pairwise(toks):
        if before.word in _RELATIVE:
            clause = before.clause
        if token.clause != clause:
            continue
        passive = token.word.startswith(("di", "ter")) and nominal_root(token.word) is None
        if before.word in _DONE or passive:
            out.add(token.word)
    return frozenset(out)


_FOR = frozenset({"for", "untuk", "bagi", "guna"})
_PROGRAMME = frozenset({"programme", "program", "programmes", "programs"})
_ARTICLES = frozenset({"the", "a", "an", "its", "their"})
PROGRAMME_REACH = 3  # words naming a programme between "for the" and "programme"


@lru_cache(maxsize=8192)
def _programme_named(text: str) -> frozenset[str]:
    """The words naming the programme a task is done for ("Select young farmers for the
    internship programme", "Menyeleksi petani untuk program magang ke Jepang"): they name no task
    of the text (selecting is no internship), only what it serves. English names it before
    "programme", Indonesian after "program" (up to a word without content)."""
    toks = tokens(text)
    out: set[str] = set()
    for i, token in enumerate(toks):
        if token.word not in _FOR:
            continue
        rest = [t for t in toks[i + 1 :] if t.clause == token.clause]
        if rest and rest[0].word in _ARTICLES:
            rest = rest[1:]
        if rest and rest[0].word in _PROGRAMME:
            out.update(t.word for t in takewhile(lambda t: _content(t.word), rest[1:]))
            continue
        end = next((j for j, t in enumerate(rest[: PROGRAMME_REACH + 1]) if t.word in _PROGRAMME), None)
        if end and all(_content(t.word) for t in rest[:end]):
            out.update(t.word for t in rest[:end])
    return frozenset(out)


# "karang di Teluk Kendari"; not "in": "train in digital bookkeeping"
_PLACE = frozenset({"di", "at", "near", "sekitar", "around"})
_BENEFICIARY = frozenset({"bagi", "kepada"})  # not "for": "screen residents for hypertension"


_TOPIC = frozenset({"in", "on", "about", "dalam", "tentang", "mengenai"})


@lru_cache(maxsize=8192)
def _taught(activity: str) -> int:
    """How many content words of ``activity`` come before the topic it teaches, after "in"/"on"/
    "tentang" ("Training of village fisheries watch groups in reporting illegal fishing")."""
    topic = next((t.start for t in tokens(activity) if t.word in _TOPIC), None)
    starts = _starts(activity)
    return len(starts) if topic is None else sum(1 for start in starts if start < topic)


@lru_cache(maxsize=8192)
def _served_after_topic(activity: str) -> int | None:
    """How many content words of ``activity`` come before the people it serves named after its
    topic ("Capacity building on financial reporting for village officials", "Pelatihan tentang
    pelaporan keuangan bagi perangkat desa"): the topic ends where "for"/"bagi" opens a phrase
    with people in it; None when none does."""
    toks = tokens(activity)
    topic = next((i for i, t in enumerate(toks) if t.word in _TOPIC), None)
    if topic is None:
        return None
    people = _people()
    for i in range(topic + 1, len(toks)):
        if toks[i].word not in _TO_PEOPLE:
            continue
        phrase = [t for t in toks[i + 1 :] if t.clause == toks[i].clause and _content(t.word)]
        if any(x in people for t in phrase for x in _word_lemmas(t.word)):
            return sum(1 for start in _starts(activity) if start < toks[i].start)
        return None
    return None


@lru_cache(maxsize=8192)
def _starts(text: str) -> tuple[int, ...]:
    """Where each of :func:`lemmas`'s words starts in ``text`` (a spelling read as its
    abbreviation is one word: "fisheries watch groups")."""
    out = []
    at = 0
    for _, word in lemmas(text):
        found = text.find(word, at)
        out.append(found if found >= 0 else at)
        at = max(at, found + len(word)) if found >= 0 else at
    return tuple(out)


@lru_cache(maxsize=8192)
def _placed(activity: str) -> int:
    """How many content words of ``activity`` come before its first phrase of place: what it
    acts on, not where ("karang" in "Transplantasi karang di Teluk Kendari")."""
    toks = tokens(activity)
    place = next((t.start for t in toks if t.word in _PLACE), None)
    if place is None:
        return len(lemmas(activity))
    named = place_tokens(activity)
    return sum(1 for i, t in enumerate(toks) if t.start < place and _content(t.word) and i not in named)


@lru_cache(maxsize=8192)
def _unplaced_words(text: str) -> dict[str, str]:
    """Each lemma of ``text``'s content words before its first phrase of place, with the word."""
    count = _placed(text)
    return _with_hypernyms({lemma: word for found, word in lemmas(text)[:count] for lemma in found})


@lru_cache(maxsize=65536)
def _content(word: str) -> bool:
    """Is ``word`` a content word: no stopword, no number, long enough or an abbreviation (cached
    per word: every reading of a text asks it of each of its words)?"""
    return word not in _stopwords() and not is_number(word) and (len(word) >= MIN_LEMMA or word in _shorts())


@lru_cache(maxsize=16384)
def _next_words(text: str) -> dict[str, tuple[str, ...]]:
    """Each content word of ``text`` (lower case) with the lemmas of the content word right after
    it, if one follows directly: its modifier ("BPJS" -> "Kesehatan", "kasus" -> "gigitan"). An
    abbreviation modifies as itself, not as the words of its spelling ("guru SD" and "guru SMP"
    share "sekolah" only there)."""
    toks = tokens(text)
    words = [t.word for t in toks]
    shorts = _shorts()
    out: dict[str, tuple[str, ...]] = {}
    english = _in_english(text)
    friends = _false_friends()["en" if english else "id"]
    often = _word_set("frequency_word")
    named = place_tokens(text)  # a place is no kind of the thing it is the place of ("kopi Kerinci")
    for i, (token, after) in enumerate(pairwise(toks)):
        if i in named or i + 1 in named:
            continue
        if _content(token.word) and _content(after.word) and after.clause == token.clause:
            # English puts the modifier first: "air quality", "coffee products"
            head, modifier, at = (after, token, i) if english else (token, after, i + 1)
            if modifier.word in often:
                continue  # how often names no kind ("Festival budaya tahunan", "annual cultural festival")
            out.setdefault(head.word, (modifier.word,) if modifier.word in shorts else _read_lemmas(words, at, friends))
    return out


def _other_kind(activity: str, responsibility: str, word: str, found: tuple[str, ...]) -> bool:
    """Is a shared word a false friend, each text naming another kind of it by its modifier, the
    word right after in Indonesian, right before in English ("BPJS Ketenagakerjaan" and "BPJS
    Kesehatan", "reklamasi lahan" and "reklamasi pantai", "kualitas air" and "air quality", where
    "air" is "udara")? Neither modifier is in the other text, nor a word of its group."""
    mine = _lemma_words(responsibility)
    if any(x in mine for x in found if x in _spellings()):
        return False  # one body or place, spelt out or abbreviated ("rumah potong hewan", "slaughterhouse")
    theirs = _lemma_words(activity)
    acts = _act_fields()
    here = _next_words(activity).get(word.lower())
    there_word = next((mine[x] for x in found if x in mine and x not in acts), None)
    there = _next_words(responsibility).get(there_word.lower()) if there_word else None
    if here and _rival_short(here[0], mine):
        return True  # "guru SD" and "junior high school teachers" (SMP): two schools
    manner = _words_of_no_object()
    if not here or not there or here[0] in manner or there[0] in manner:  # "bansos tepat sasaran" is no kind
        return False
    if not _compound_modifiers(there_word or "").isdisjoint(here) or not _compound_modifiers(word).isdisjoint(there):
        return False  # one compound, hyphenated in one text only ("water buses" and "water-bus fleet")
    # (the activity's word may be of the genus the modifier names: "IPAL" and "sarana sanitasi")
    above = {g for found_, _ in lemmas(activity) for g in _up(found_)}
    return not any(x in mine for x in here if x not in acts) and not any(
        x in theirs or x in above for x in there if x not in acts
    )


def _compound_modifiers(word: str) -> frozenset[str]:
    """The lemmas of a hyphenated compound's parts before its head ("water" of "water-bus"), which
    modify it as a separate word before it would ("water bus"); none for a reduplication."""
    parts = [p for p in word.lower().split("-") if p]
    if len(set(parts)) < 2:
        return frozenset()
    return frozenset(x for p in parts[:-1] for x in _word_lemmas(p) if not x.startswith("@"))


def _other_group(activity: str, responsibility: str, word: str, found: tuple[str, ...]) -> bool:
    """Is a shared word modified in each text by a word of another group ("produk UMKM" and
    "produk pertanian": businesses and farming), neither modifier in the other text?"""
    if not _other_kind(activity, responsibility, word, found):
        return False
    mine = _lemma_words(responsibility)
    acts = _act_fields()
    here = _next_words(activity).get(word.lower(), ())
    there_word = next((mine[x] for x in found if x in mine and x not in acts), "")
    there = _next_words(responsibility).get(there_word.lower(), ())
    # an abbreviation modifies as itself: its groups tell its kind ("UMKM", businesses)
    here, there = (
        tuple(y for x in side for y in (x, *(_field(x, x) if x in _shorts() else ()))) for side in (here, there)
    )
    # (a verb before its object is no modifier: "Assist orphanages")
    groups = [
        {x for x in side if x.startswith("@") and x not in acts and not _has_field(side)} for side in (here, there)
    ]
    return bool(groups[0]) and bool(groups[1]) and groups[0].isdisjoint(groups[1])


def _modified(text: str, word: str) -> frozenset[str]:
    """The groups of the noun ``word`` modifies in ``text`` (Indonesian puts the modifier after its
    noun, English before): "tarian" of "tradisional" in "tarian tradisional"."""
    toks = [t for t in tokens(text) if _content(t.word)]
    english = _in_english(text)
    for i, t in enumerate(toks):
        if t.word == word.lower():
            j = i + 1 if english else i - 1
            if 0 <= j < len(toks) and toks[j].clause == t.clause:
                return frozenset(x for x in _word_lemmas(toks[j].word) if x.startswith("@") and x not in _act_fields())
    return frozenset()


def _sibling_heads(activity: str, responsibility: str, word: str, there: str) -> bool:
    """Is a shared word a modifier of two kinds of one genus ("tarian tradisional" and "musik
    tradisional": a dance and music, both culture; "tuna segar" and "bandeng segar")? Each
    modified noun is of another group, and the groups share a generic one of ``hypernym``."""
    here_groups, there_groups = _modified(activity, word), _modified(responsibility, there)
    if not here_groups or not there_groups or not here_groups.isdisjoint(there_groups):
        return False
    hypernyms = _hypernyms()
    # (not as people: "kader KIM" and "pengurus KIM" serve one body)
    genus = {g for x in here_groups for g in hypernyms.get(x, ())} - {_PEOPLE}
    return not genus.isdisjoint(g for x in there_groups for g in hypernyms.get(x, ()))


@cache
def _english_words() -> frozenset[str]:
    entry = knowledge.lexicon()["stopwords"]
    return frozenset(entry.en) - frozenset(entry.id)


# endings of English words that no Indonesian word has ("immunisation", "management", "equity")
_ENGLISH_ENDING = ("tion", "sion", "ment", "ness", "ity")


@lru_cache(maxsize=8192)
def _in_english(text: str) -> bool:
    """Is ``text`` written in English: one of its stopwords that is none of Indonesian's, or, in
    a title without them ("Measles immunisation campaign"), a word of an English ending?"""
    english = _english_words()
    toks = tokens(text)
    if any(t.word in english for t in toks) or any(t.word.endswith(_ENGLISH_ENDING) for t in toks):
        return True
    # a title of thesaurus words only English has ("Household drinking water survey")
    only_en, only_id = _vocabulary()
    ours = sum(t.word in only_id for t in toks)
    return not ours and sum(t.word in only_en for t in toks) >= MIN_ENGLISH_WORDS


MIN_ENGLISH_WORDS = 2


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the fields and groups of ``knowledge/lexicon.yaml`` that only English has, and
    those only Indonesian has ("household", "survey"; "pendataan", "keluarga")."""
    only_en, only_id = _vocabulary_words()
    return frozenset(only_en), frozenset(only_id)


@ahead("matching_vocabulary", __file__, lambda d: (tuple(d[0]), tuple(d[1])))
def _vocabulary_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """:func:`_vocabulary` as lists, in order (computed ahead: ~2 ms of a cold start)."""
    out: dict[str, set[str]] = {"id": set(), "en": set()}
    for purpose in ("act_field", "object_field"):
        entry = knowledge.lexicon()[purpose]
        for lang in ("id", "en"):
            for written in getattr(entry, lang):
                out[lang].update(w.lower() for w in written.partition("=")[2].split() if not w.startswith("!"))
    return tuple(sorted(out["en"] - out["id"])), tuple(sorted(out["id"] - out["en"]))


def _beneficiary(text: str) -> frozenset[str]:
    """The lemmas of the people a text serves, after "bagi"/"kepada"/"for" to the clause end."""
    toks = tokens(text)
    at = next((i for i, t in enumerate(toks) if t.word in _BENEFICIARY), None)
    if at is None:
        return frozenset()
    clause = toks[at].clause
    return frozenset(x for t in toks[at + 1 :] if t.clause == clause and _content(t.word) for x in _word_lemmas(t.word))


def _other_beneficiary(activity: str, responsibility: str) -> bool:
    """Do the texts serve other people ("Pelatihan bahasa bagi calon PMI" and "Melatih bahasa
    Inggris bagi pemandu wisata")? Both name them, and share none of their words."""
    mine, theirs = _beneficiary(activity), _beneficiary(responsibility)
    served = _served(activity), _served(responsibility)
    if mine and theirs and mine.isdisjoint(theirs):
        # no word in common, nor a group ("remaja putri" and "siswi SMP": pupils are youth)
        return served[0].isdisjoint(served[1])
    return _exclusive_people(*served)


def _only_the_people_shared(activity: str, responsibility: str, at: int, other: tuple[str, str] | None) -> bool:
    """Is the shared word only of the people both serve, each naming another thing given or done
    for them ("Pengadaan traktor untuk poktan" and "Mengadakan bibit padi bagi kelompok tani")?"""
    if other is None:
        return False
    mine, theirs = _for_people(activity), _for_people(responsibility)
    if mine is None or theirs is None:
        return False
    words = lemmas(activity)
    if all(w != other[0] for _, w in words[mine:]):
        return False  # the shared word is a thing, before the people
    people = _people()
    acts = _act_fields()

    def things(text: str, upto: int) -> bool:
        return any(
            not any(x in people or x in acts for x in found) and not _is_action(found, word)
            for i, (found, word) in enumerate(lemmas(text)[:upto])
            if not (text is activity and i == at)
        )

    return things(activity, mine) and things(responsibility, theirs)


def _people_of_other_groups(activity: str, responsibility: str, own: list[tuple[tuple[str, ...], str]]) -> bool:
    """Does the activity act on people (``own``, its object: "kader posyandu lansia", "posyandu
    cadres") for a group no one of the group the responsibility names belongs to ("kader posyandu
    ... balita", "in toddler growth monitoring")?"""
    people = _people()
    if not any(x in people for found, _ in own for x in found):
        return False
    return _exclusive_people(_people_named(activity), _people_named(responsibility))


def _people_of_aspect(activity: str, responsibility: str, task: str) -> str | None:
    """The people both texts serve, when the responsibility's task has no object but what it raises
    in them ("Menyelenggarakan pelatihan keterampilan bagi pemuda kampung": any skill for the
    youth, so "Kursus menjahit bagi pemuda" too), as the responsibility writes them."""
    toks = tokens(responsibility)
    at = next((i for i, t in enumerate(toks) if responsibility[t.start : t.end] == task), None)
    if at is None:
        return None
    aspects = _word_set("frame_head_aspect")
    after = [t.word for t in toks[at + 1 :] if t.clause == toks[at].clause]
    named = list(takewhile(lambda w: _content(w), after))
    if not named or not all(w in aspects for w in named):
        return None
    mine, theirs = _beneficiary(activity), _beneficiary(responsibility)
    if _other_beneficiary(activity, responsibility) or mine.isdisjoint(theirs):
        return None
    return next((w for found, w in lemmas(responsibility) if not mine.isdisjoint(found) and w != task), None)


def _head_itself_met(
    head: tuple[tuple[str, ...], str], mine: dict[str, str], activity: str, responsibility: str
) -> bool:
    """Is an object's head met as itself, not by one word of an abbreviation's spelling ("PMT",
    pemberian makanan tambahan, and "tablet tambah darah"), for the same people?"""
    found, word = head
    if not any(x in mine and not _spelt_only(x, word, mine[x]) for x in found if x not in _act_fields()):
        return False
    return not _other_beneficiary(activity, responsibility)


@lru_cache(maxsize=8192)
def _for_people(text: str) -> int | None:
    """How many content words of ``text`` come before the people it serves ("bagi kelompok tani",
    "for poor households"), or None when it names none."""
    toks = tokens(text)
    people = _people()
    words = [t.word for t in toks]
    count = 0
    for i, token in enumerate(toks):
        if token.word in _TO_PEOPLE:
            following = (j for j in range(i + 1, len(toks)) if toks[j].clause == token.clause and _content(words[j]))
            first = next(following, None)
            # (a body spelt out is its abbreviation: "kelompok tani" is "poktan", farmers)
            if first is not None and any(x in people for x in _token_lemmas(words, first)):
                return count
        elif _content(token.word):
            count += 1
    return None


@lru_cache(maxsize=8192)
def _served(text: str) -> frozenset[str]:
    """The groups of people ``text`` is for ("bagi ibu hamil", "for underweight toddlers"), each
    with the groups above it but people itself."""
    toks = tokens(text)
    people = _people()
    out: set[str] = set()
    for i, token in enumerate(toks):
        if token.word not in _TO_PEOPLE:
            continue
        for t in toks[i + 1 :]:
            if t.clause != token.clause:
                break
            found = tuple(x for x in _word_lemmas(t.word) if x in people and x != _PEOPLE)
            out.update((*found, *_up(found)))
    return frozenset(out - {_PEOPLE})


@lru_cache(maxsize=8192)
def _people_named(text: str) -> frozenset[str]:
    """The groups of people ``text`` names anywhere, with the groups above them but people."""
    people = _people()
    found = tuple(x for lem, _ in lemmas(text) for x in lem if x in people and x != _PEOPLE)
    return frozenset(found) | _up(found)


def _exclusive_people(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Do the two texts serve groups no one belongs to both of (``hypernym_exclusive``: pregnant
    women and toddlers), and no group in common?"""
    exclusive = _exclusive()
    every = frozenset().union(*exclusive)
    mine, theirs = mine & every, theirs & every  # (a genus both share is no agreement: "rentan")
    if not mine or not theirs or not mine.isdisjoint(theirs):
        return False
    return any(not groups.isdisjoint(mine) and not groups.isdisjoint(theirs) for groups in exclusive)


@cache
def _exclusive() -> tuple[frozenset[str], ...]:
    entry = knowledge.lexicon()["hypernym_exclusive"]
    return tuple(frozenset("@" + w for w in written.partition("=")[2].split()) for written in (*entry.id, *entry.en))


def _by_means(
    activity: str,
    responsibility: str,
    head: tuple[str, ...],
    head_word: str,
    rest: tuple[tuple[tuple[str, ...], str], ...],
    mine: dict[str, str],
) -> Reading:
    """Does the responsibility do a means to the activity's end, on an object they share ("Menanam
    bibit pohon di lahan kritis" for "Rehabilitasi lahan kritis", "Install bulk meters ... water"
    for "Monitoring of water losses")? The end's objects, when it names them, must include one
    of the activity's (planting restores land, not a market building)."""
    english = _in_english(activity)
    for end in (x for x in head if x.startswith("@")):
        for means in _means().get(end, ()):
            key = next((x for x in sorted(means.means) if x in mine), None)
            if key is None:
                continue
            by = mine[key]
            # the end's object is the object's head: the first word in Indonesian ("bus listrik" is a
            # bus), the last in English ("coral reef")
            if means.objects and rest and not any(x in means.objects for x in rest[-1 if english else 0][0]):
                continue
            shared = next((w for found, w in rest if _serves(means, key, found, mine, responsibility, by)), None)
            if shared is not None:
                return Reading("match", "means_and_object_shared", f"{head_word}/{by}, {shared}")
    return _instrument_supplied(head_word, rest, mine) or Reading("no_match", "head_not_shared", head_word)


def _done_where_run(activity: str, responsibility: str, head_word: str, shared_head: str) -> Reading | None:
    """Is the place the activity is done in the responsibility's object, which it runs with the
    activity's task ("Pemilahan sampah organik di TPS3R Padangtegal" and "Mengelola TPS3R
    Padangtegal beserta pemilahan sampah rumah tangga")? Every word of the place but its names."""
    words = lemmas(activity)
    placed = _placed(activity)
    # the responsibility's own verb of running, not one its maintaining has by genus
    runs = next((word for found, word in lemmas(responsibility) if not _RUN.isdisjoint(found)), None)
    if placed >= len(words) or runs is None:
        return None
    place = [(found, word) for found, word in words[placed:] if not _has_field(found)]
    met = [word for found, word in place if _object_of(responsibility, runs, found)]
    if not met or len(met) < len([w for found, w in place if not _name(found, w)]):
        return None
    return Reading("match", "task_where_run", f"{head_word}/{shared_head}, {met[0]}")


def _run_whole(
    activity: str,
    responsibility: str,
    head: tuple[str, ...],
    head_word: str,
    rest: tuple[tuple[tuple[str, ...], str], ...],
) -> Reading | None:
    """Does the responsibility run the very thing the activity does a task of no known field to
    ("Operasional sanitary landfill TPA Regional" and "Mengelola TPA regional")? Managing a thing
    covers whatever is done to run it, when every word of the activity's object, two at least,
    is the responsibility's object too."""
    if _RUN.isdisjoint(_lemma_words(responsibility)):
        return None
    theirs = _unplaced_words(responsibility)
    acts = _act_fields()
    # (a name is no part of what is run: "TPA Regional Banjarbakula")
    things = [(found, word) for found, word in rest if not _has_field(found) and not _name(found, word)]
    met = [word for found, word in things if any(x in theirs and x not in acts for x in found)]
    if len(met) < FIELD_OBJECT or len(met) < len(things):
        return None
    return Reading("match", "object_run", f"{head_word}, {met[0]}")


_RUN = frozenset({"@run"})


def _name(found: tuple[str, ...], word: str) -> bool:
    """A proper name: capitalised, no abbreviation, of no group ("Banjarbakula", "Sepaku")."""
    return word[:1].isupper() and not word.isupper() and not any(x.startswith("@") for x in found)


def _serves(
    means: _Means, key: str, found: tuple[str, ...], mine: dict[str, str], responsibility: str, by: str
) -> bool:
    """Is an object word of the activity (its lemmas ``found``) one the responsibility's means
    serves it on? A word both name: for a means that is an action, one of the objects the end
    names ("Menanam bibit di lahan kritis" restores land) or the object the action is done on
    ("Mencatat harga" monitors prices; "Mencatat keluhan pelanggan air" monitors no water)."""
    if not any(x in mine for x in found if x not in _act_fields()):  # a word or its group ("victims", "korban")
        return False
    if not key.startswith("@"):
        return True
    if means.objects and not means.objects.isdisjoint(found):
        return True
    # the object right after the means when the end names its objects ("Mengelola kantin sekolah"
    # carries no pupils to school), or within its object otherwise
    return _object_of(responsibility, by, found, 1 if means.objects else OBJECT_REACH)


def _by_end(
    head: tuple[str, ...],
    head_word: str,
    rest: tuple[tuple[tuple[str, ...], str], ...],
    responsibility: str,
    mine: dict[str, str],
) -> Reading | None:
    """Does the responsibility do the end the activity's head is a means to, on an object they
    share ("Merehabilitasi ekosistem pesisir" covers "Penanaman mangrove di pesisir")? The end's
    objects, when it names them, must include one of the activity's: planting restores land, not
    a market building."""
    direct = _direct(responsibility)
    acts = _act_fields()
    for end, found_means in _means().items():
        if end not in direct:
            continue
        for means in found_means:
            # (an action, no instrument: "vaccination" is no "vaccine" a treatment uses)
            if not any(x.startswith("@") and x in head for x in means.means):
                continue
            if means.objects and not any(x in means.objects for found, _ in rest for x in found):
                continue
            shared = next((w for found, w in rest if any(x in mine and x not in acts for x in found)), None)
            if shared is not None:
                return Reading("match", "end_and_object_shared", f"{head_word}/{mine[end]}, {shared}")
    return None


_ACT_OF_INSTRUMENT = ("isasi", "asi", "ation")  # "vaksinasi" of "vaksin", "fumigation" of "fumig..."
MIN_INSTRUMENT = 4


def _instrument_supplied(
    head_word: str, rest: tuple[tuple[tuple[str, ...], str], ...], mine: dict[str, str]
) -> Reading | None:
    """Does the responsibility supply the instrument the activity's head is made from, for an
    object they share ("Menyediakan vaksin anti rabies" for "Vaksinasi rabies massal")?"""
    lower = head_word.lower()
    suffix = next((x for x in _ACT_OF_INSTRUMENT if lower.endswith(x)), None)
    base = lower[: -len(suffix)] if suffix else ""
    if len(base) < MIN_INSTRUMENT or base not in mine or "@supply" not in mine:
        return None
    shared = next((w for found, w in rest if any(x in mine for x in found if x not in _act_fields())), None)
    if shared is None:
        return None
    return Reading("match", "instrument_supplied", f"{head_word}/{mine[base]}, {shared}")


def _rival_short(word: str, mine: dict[str, str]) -> bool:
    """Is ``word`` an abbreviation the responsibility names another of its kind of, maybe spelt
    out ("SD" and "junior high school", SMP)?"""
    shorts = _spellings()
    lower = word.lower()
    return lower in shorts and any(x in shorts and _other_shorts(lower, x) for x in mine)


def _other_shorts(word: str, other: str) -> bool:
    """Are ``word`` and ``other`` two abbreviations of one kind, whose spellings open with the same
    word ("SD" and "SMP" are two schools, "IPA" and "IPAL" two plants)? The words of their
    spellings they share do not make them one; a body and its business may ("Disdukcapil" and
    "adminduk")."""
    a, b = word.lower(), other.lower()
    if a == b or not _up(_word_lemmas(a)).isdisjoint(_word_lemmas(b)):
        return False  # (nor is the genus a rival of its kind: "bansos" of "BLT")
    return not _kind(a).isdisjoint(_kind(b))


@cache
def _spellings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each abbreviation with its spellings, as words (``_spelt_out`` by abbreviation): the sets
    a question about one abbreviation needs are made for it alone (:func:`_kind`,
    :func:`_spelling_words`), not for all 1,200 at a start (~2 ms of a cold one)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for spellings in _spelt_out().values():
        for words, short in spellings:
            out.setdefault(short, []).append(words)
    return {short: tuple(found) for short, found in out.items()}


@lru_cache(maxsize=4096)
def _kind(short: str) -> frozenset[str]:
    """The first words of an abbreviation's spellings: the kind of thing it names (empty for a
    word that is no abbreviation)."""
    return frozenset(words[0] for words in _spellings().get(short, ()))


@lru_cache(maxsize=8192)
def _spelt_lemmas(text: str) -> frozenset[str]:
    """The lemmas ``text`` has only through an abbreviation's spelling ("latih" of "BLK", balai
    latihan kerja): a task named there is none of the text's ("Supply welding equipment to the
    BLK" trains no one)."""
    shorts = _shorts()
    spelt: set[str] = set()
    own: set[str] = set()
    for found, word in lemmas(text):
        lower = word.lower()
        if lower in shorts:
            spelt.update(x for x in found if x != lower and not x.startswith("@"))
        else:
            own.update(found)
    return frozenset(spelt - own)


@cache
def _no_object_heads() -> frozenset[str]:
    """Words that head an object without being it: the bearers of a condition, and the attributes
    and specimens of a thing."""
    return _word_set("frame_head_bearer") | _word_set("object_attribute_head")


def _spelt_only(lemma: str, word: str, other: str) -> bool:
    """Do ``word`` and ``other`` share ``lemma`` only through an abbreviation's spelling?"""
    return any(w.lower() in _shorts() and lemma != w.lower() for w in (word, other))


def _spelt_share(lemma: str, found: tuple[str, ...], word: str, there: str) -> bool:
    """Is ``lemma`` shared only through an abbreviation's spelling, the abbreviation written as
    such ("TPS3R") or spelt out ("women farmer groups", KWT: its "groups" are any groups)?"""
    if _spelt_only(lemma, word, there):
        return True
    shorts = _shorts()
    spelt = any(x in shorts for x in found) and lemma not in shorts
    return spelt and lemma not in _word_lemmas(word.lower())


def _spelt_into_other(lemma: str, word: str, there: str, responsibility: str) -> bool:
    """Is ``lemma`` shared only through the spelling of the activity's abbreviation ``word``, with
    a word that modifies another thing in the responsibility, a noun its spelling does not name
    ("TPS3R", tempat pengolahan sampah, and the "sampah" of "bank sampah": a waste bank is no
    TPS3R; not the "listrik" of "pembangkit listrik", which PLTMH spells)?"""
    if not _spelt_only(lemma, word, there) or there.lower() in _shorts():
        return False
    toks = tokens(responsibility)
    at = next((i for i, t in enumerate(toks) if t.word == there.lower()), None)
    if at is None:
        return False
    step = 1 if _in_english(responsibility) else -1  # the head of a noun phrase: first in Indonesian
    spelling = _spelling_words(word.lower())
    j = at + step
    # over the words of the spelling before it ("lampu tenaga surya": "tenaga" is PLTS's too)
    while 0 <= j < len(toks) and toks[j].clause == toks[at].clause and toks[j].word in spelling:
        j += step
    # (a spelling from its first word is the thing itself: "operator pembangkit listrik mikrohidro")
    if toks[j - step].word in _kind(word.lower()):
        return False
    if not 0 <= j < len(toks) or toks[j].clause != toks[at].clause:
        return False
    head = toks[j].word
    if not _content(head) or head in _shorts():
        return False
    return not _is_action(_word_lemmas(head), head)


@lru_cache(maxsize=4096)
def _spelling_words(short: str) -> frozenset[str]:
    """Every word of an abbreviation's spellings ("pltmh": pembangkit, listrik, tenaga,
    mikrohidro, micro-hydro, power, plant)."""
    return frozenset(word for words in _spellings().get(short, ()) for word in words)


@lru_cache(maxsize=16384)
def overlap(activity: str, responsibility: str) -> Reading:
    """The looser test for a supporting role: any content lemma in common (a partner that
    supports "Pengoperasian rumah produksi kopi" with "Memasok biji kopi" takes part in it)."""
    mine = _lemma_words(responsibility)
    for found, word in lemmas(activity):
        # a field of action alone is no shared word: "Memasok biji kopi" takes no part in "Pengadaan bus";
        # nor a word an abbreviation's spelling gives it: building "TPS3R" is no part in sorting at a
        # "bank sampah"
        shared = next(
            (mine[x] for x in found if x in mine and not x.startswith("@") and not _spelt_only(x, word, mine[x])),
            None,
        )
        if shared is not None:
            return Reading("match", "word_shared", f"{word}/{shared}")
    return Reading("no_match", "no_shared_lemma")
