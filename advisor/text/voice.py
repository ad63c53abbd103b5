"""The voice of a responsibility's predicate: is the line written in the passive?

"Data kependudukan disediakan oleh Disdukcapil", "Pendampingan akan diberikan apabila
diperlukan", "Funds will be provided by the partner": a line in partner P's responsibilities
written in the passive makes nobody its actor, so P cannot be held to it (an analyst flags it
first: "kalimat pasif: tidak jelas siapa pelaksananya"). The predicate is the first verb of the
line that no subordinate or relative clause governs:

- Indonesian: a di- verb (di-X, di-X-kan, di-X-i, di-per-X...) or a ter- verb (ter-X-kan,
  ter-X-i, a result such as "terlaksana", or any ter-X with an agent: "terhimpun oleh ...")
  after the subject and any modal or aspect word ("akan segera", "telah", "wajib"); an active
  verb first (meN-, ber-: "Menyediakan ...", "Dinas ... bertanggung jawab atas ...") makes the
  line active, and "Melatih 40 pemandu yang ditunjuk desa" stays active;
- English: a finite form of "be" (is, are, will be, is to be, has been) with a past participle;
  "the plan to be approved" (no finite verb) and "the report that is submitted" (a relative
  clause) are not the line's predicate.

A noun-phrase task ("Penyusunan kajian kelayakan"), a di- noun ("diskusi", "Dispora") and an
adjective made from a ter- word ("sistem terpadu", "tenaga terlatih") are not passive. The
words around the affixes are data (``voice_*`` in knowledge/lexicon.yaml); the affixes are read
against the stemmer's root, cached per word.
"""

from __future__ import annotations

from functools import cache, lru_cache

from advisor import knowledge
from advisor.text.reading import Reading, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

MIN_ROOT = 3
MIN_COMPOUND = 9  # di- + a compound root + a suffix: "ditandatangani" (not "dikti", "dinkes")
_PASSIVE_PREFIX = ("di", "ter")
# what may stand between a passive prefix and the root: di-per-kuat, di-ber-daya-kan, di-ke-tahu-i
_INNER_PREFIX = ("", "per", "ber", "ke")
_SUFFIX = ("", "kan", "i")
_AGENT = frozenset({"oleh", "by"})
_STANCE_COMPLEMENT = frozenset({"to", "with", "in"})  # "is committed to", "is tasked with", "based in"
_ACTIVE_PREFIX = ("me", "ber", "be")  # meN-, memper-, ber- (be- before r: "bekerja")


@cache
def _words(purpose: str, lang: str) -> frozenset[str]:
    return frozenset(getattr(knowledge.lexicon()[purpose], lang))


def _affixes(word: str, prefix: str, root: str) -> str | None:
    """The suffix of ``word`` when it is ``prefix`` + (per|ber|ke)? + ``root`` + (kan|i)?, else None."""
    for inner in _INNER_PREFIX:
        head = prefix + inner + root
        for suffix in _SUFFIX:
            if word == head + suffix:
                return suffix
    return None


def _compound_passive(word: str) -> bool:
    """A di- verb on a root the dictionary lacks, often a compound ("ditindaklanjuti",
    "ditandatangani", "dipertanggungjawabkan"): di-X-kan is a verb, and di-X-i after a consonant
    (a noun borrowed in -si is not: "digitalisasi", "diskusi", "distribusi")."""
    if not word.startswith("di") or len(word) < MIN_COMPOUND:
        return False
    return word.endswith("kan") or (word.endswith("i") and word[-2] not in "aeiouys")


@lru_cache(maxsize=65536)
def passive_verb_id(word: str) -> str:
    """How ``word`` is an Indonesian passive verb: "di" (dibangun, disediakan, diperkuat),
    "ter" (tersalurkan, terpenuhi, terlaksana), "ter_bare" (a bare ter- word, an adjective
    unless an agent follows: "terhimpun oleh"), or "" when it is none."""
    if word.endswith("nya") or not word.startswith(_PASSIVE_PREFIX) or word in _words("voice_not_verb", "id"):
        return ""
    root = stem_id(word)
    if root == word:
        return "di" if _compound_passive(word) else ""
    if len(root) < MIN_ROOT:
        return ""
    prefix = "di" if word.startswith("di") else "ter"
    suffix = _affixes(word, prefix, root)
    if suffix is None:  # the stemmer took more than an affix ("diseminasi" -> "mas")
        return ""
    if prefix == "di":
        bare = suffix == "" and word == "di" + root
        if bare and root in _words("voice_locative", "id"):  # "dibidang", "dimana": a place
            return ""
        if bare and word.startswith("dis") and root[:1] == "s" and root[1:2] not in "aeiou":
            return ""  # an agency's short name: Dispora, Distan, Diskop (Dinas ...)
        return "di"
    if suffix or word in _words("voice_ter_predicate", "id"):
        return "ter"
    return "ter_bare"


def _agent_passive(word: str) -> bool:
    """A di- word with an agent after it ("oleh ..."), whatever root the stemmer gives it, so
    long as it gives one ("Dinas" is a root of its own)."""
    return (
        word.startswith("di")
        and len(word) >= 5
        and stem_id(word) != word
        and not word.endswith("nya")
        and word not in _words("voice_not_verb", "id")
        and word[2:] not in _words("voice_locative", "id")
    )


@lru_cache(maxsize=65536)
def active_verb_id(word: str) -> bool:
    """An Indonesian active verb: meN-/memper-/ber- on a root ("menyediakan", "bertanggung"),
    not one of the me-/ber- words that work as prepositions or modifiers ("melalui", "berbasis")."""
    if not word.startswith(_ACTIVE_PREFIX) or word in _words("voice_not_verb", "id"):
        return False
    root = stem_id(word)
    return root != word and len(root) >= MIN_ROOT


def _participle_en(word: str) -> bool:
    """A past participle: regular in -ed ("provided"), or irregular ("given", "held")."""
    return (word.endswith("ed") and len(word) > 4) or word in _words("voice_participle", "en")


def _indonesian(text: str, toks: tuple[Token, ...]) -> Reading | None:
    aux, sub = _words("voice_aux", "id"), _words("voice_subordinator", "id")
    subordinate = False  # a subordinator governs the next verb ("yang ditunjuk", "apabila diperlukan")
    chain: list[Token] = []  # the modals just before the word read ("akan segera")
    clause = 0
    for at, token in enumerate(toks):
        word = token.word
        if token.clause != clause:
            clause, subordinate, chain = token.clause, False, []
        if word in aux:
            chain.append(token)
            continue
        if word in sub:
            subordinate, chain = True, []
            continue
        kind = passive_verb_id(word)
        agent = at + 1 < len(toks) and toks[at + 1].word in _AGENT
        if not kind and agent and at > 0 and _agent_passive(word):
            kind = "di"  # a root the stemmer misreads, but the agent tells: "Produk digemari oleh wisatawan"
        if kind == "ter_bare" and not (agent and at > 0):
            kind = ""  # "sistem terpadu", "tenaga terlatih": an adjective
        if kind == "ter" and at == 0 and not agent:
            kind = ""  # a result needs its subject before it ("kegiatan terlaksana")
        if not kind and at > 0 and text[token.start].isupper():
            subordinate, chain = False, []  # a name inside the subject ("Jalur evakuasi Merapi"), no meN- verb
            continue
        if kind or active_verb_id(word):
            if subordinate:
                subordinate, chain = False, []
                continue
            if not kind:
                return None  # an active verb is the predicate
            words, span = quoted(text, *chain, token)
            return Reading("passive", "passive_voice", words, span)
        subordinate, chain = False, []  # a noun between: "untuk pelatihan disediakan" governs nothing
    return None


def _adverb_en(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4  # "jointly", "regularly", "fully"


def _subject_before(toks: tuple[Token, ...], at: int) -> bool:
    """Does a subject, not a verb and its object, stand before the non-finite chain at ``at``?
    "To be provided by ...", "Seedlings to be supplied by ...", "The modules to be prepared by
    ..." are the line's predicate; "Prepare the plan to be approved by ..." is not."""
    return at <= 1 or toks[0].word in _words("voice_determiner", "en")


def _english(text: str, toks: tuple[Token, ...]) -> Reading | None:
    if toks[0].word in _words("voice_complement_verb", "en"):
        return None  # "Ensure that funds are disbursed": the partner ensures
    aux, be, nonfinite = _words("voice_aux", "en"), _words("voice_be", "en"), _words("voice_nonfinite", "en")
    sub, stance = _words("voice_subordinator", "en"), _words("voice_stance", "en")
    subordinate, clause, at = False, 0, 0
    while at < len(toks):
        if toks[at].clause != clause:
            clause, subordinate = toks[at].clause, False
        if toks[at].word in sub:
            subordinate, at = True, at + 1
            continue
        end = at
        while end < len(toks) and toks[end].clause == clause and (toks[end].word in aux or _adverb_en(toks[end].word)):
            end += 1
        if end == at:
            at += 1
            continue
        chain = [t for t in toks[at:end] if not _adverb_en(t.word)]
        verb = toks[end] if end < len(toks) and toks[end].clause == clause else None
        after = toks[end + 1].word if end + 1 < len(toks) else ""
        passive = (
            verb is not None
            and bool(chain)
            and chain[-1].word in be
            and _participle_en(verb.word)
            and not (verb.word in stance and after in _STANCE_COMPLEMENT)
        )
        finite = any(t.word not in nonfinite for t in chain)
        if passive and verb is not None and not subordinate and (finite or _subject_before(toks, at)):
            words, span = quoted(text, *chain, verb)
            return Reading("passive", "passive_voice", words, span)
        if finite and not subordinate:
            return None  # "will deliver", "is responsible for": the predicate is not passive
        subordinate, at = False, end + 1
    return None


def _passive_nominal(text: str, toks: tuple[Token, ...]) -> Reading | None:
    """A passive verb made a noun by "-nya" opening the line ("Dilaksanakannya sosialisasi JKN",
    "Disusunnya rencana aksi", "Terbentuknya kelompok"): "the being-done of X" names no actor.
    A bare ter- adjective ("Tersedianya", "Terwujudnya") is left to the other readings."""
    word = toks[0].word
    if not word.endswith("nya") or passive_verb_id(word[:-3]) not in ("di", "ter"):
        return None
    words, span = quoted(text, toks[0])
    return Reading("passive", "passive_voice", words, span)


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def passive_voice(text: str) -> Reading | None:
    """The passive predicate of a responsibility, quoted with its modals ("akan difasilitasi",
    "will be provided"), or None when the predicate is active or there is none."""
    toks = tokens(text)
    words = [t.word for t in toks]
    # most lines have neither a di-/ter- word nor a form of "be": nothing to read
    found = None
    if any(w.startswith(_PASSIVE_PREFIX) for w in words):
        found = _passive_nominal(text, toks) or _indonesian(text, toks)
    if found is None and not _words("voice_be", "en").isdisjoint(words):
        found = _english(text, toks)
    if found is None and len(toks) > 1 and toks[1].word == "by" and _participle_en(toks[0].word):
        # a reduced passive opening the line with its agent: "Funded by the provincial government"
        words_, span = quoted(text, toks[0], toks[1])
        found = Reading("passive", "passive_voice", words_, span)
    return found
