"""Who decides, from a decision text or from a responsibility that decides something.

``deliberative``: a forum, consensus, musyawarah. ``authority``: a body acting under its legal
authority (persetujuan DPRD; the regional head deciding under a regulation, after deliberation:
seed 003, each party keeps its own authority). ``unilateral``: one party decides alone
("Keputusan akhir oleh investor", "Memutuskan perubahan desain", "Decide on acceptance of
works"). ``none``: the text says nothing about who decides. ``detail`` holds the decider when
the text names one (the words after "oleh"/"by", as written).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from advisor.text.lexicon import Match, Phrase, find_all, phrases_in, words_of
from advisor.text.morph import nominal_root
from advisor.text.negation import NEGATORS, subject_denied
from advisor.text.reading import Reading, from_match
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, places, tokens
from advisor.text.voice import passive_verb_id

# words after which the decider is named: "oleh investor", "di tangan", "menjadi kewenangan pengembang"
_BY = frozenset({"oleh", "by", "of", "with", "to", "tangan", "kewenangan", "wewenang", "hak", "pada", "kepada"})
# a few words after a deciding word, only an agent names the decider: "of", "to", "with" there
# belong to what is decided ("decides on the allocation of stalls", "the level of tariffs")
_BY_LATER = _BY - {"of", "to", "with", "kepada"}  # "kepada": whom a decision is reported to
# the regulation and the instrument lists, and their words matched as written ("peraturan",
# "regulation": their roots also make "diatur", "regulated")
AUTHORITY = ("authority", "authority_written")
INSTRUMENT = ("legal_instrument", "instrument_written")
BY_REACH = 4  # words between a final say and the "oleh"/"pada"/"with" that names who has it


def _decider(text: str, marker: Match) -> str:
    """The words naming who decides after ``marker`` ("... oleh PT Investor"), up to the clause end."""
    toks = tokens(text)
    end = marker.found[-1].end
    clause = marker.found[-1].clause
    after = [t for t in toks if t.start >= end and t.clause == clause]
    if marker.found[-1].word not in _BY:
        # "oleh"/"by"/"pada" right after, or a few words on ("Kata akhir mengenai jadwal
        # konstruksi ada pada kontraktor")
        at = next((i for i, t in enumerate(after[: BY_REACH + 1]) if t.word in _BY_LATER), None)
        giver = _giver_after(text, marker, after) if at is None else None
        if giver is not None:
            # "atas persetujuan kedua belah pihak": the approval's holder follows its noun bare
            after = giver
        elif at is None or (at and _participle(after[at - 1].word)):
            # "ratifies the tariff proposed by the BUMDes": the agent of what is decided
            return ""
        else:
            after = after[at + 1 :]
    # the agent ends where a negation starts ("oleh direksi Perumda tanpa persetujuan Bupati"), or where
    # "dan"/"and" joins another verb ("by the manager and announced at the members' meeting")
    end = next(
        (k for k, t in enumerate(after) if t.word in NEGATORS or _joins_a_verb(after, k)),
        len(after),
    )
    after = after[:end]
    if not after:
        return ""
    return text[after[0].start : after[-1].end]


_AND_VERB = frozenset({"dan", "serta", "lalu", "kemudian", "and", "then"})


def _joins_a_verb(words: list[Token], k: int) -> bool:
    """Is ``words[k]`` a conjunction before a verb ("dan diumumkan", "and announced"), which starts
    another predicate rather than naming another party?"""
    if words[k].word not in _AND_VERB or k + 1 >= len(words):
        return False
    nxt = words[k + 1].word
    if nxt.endswith("ed"):
        return True
    return nxt.startswith(("di", "me")) and stem_id(nxt) != nxt


def _giver_after(text: str, marker: Match, after: list[Token]) -> list[Token] | None:
    """The words after a marker that ends in an approval noun, when they name its holder as
    Indonesian names a possessor, bare after the noun ("atas persetujuan kedua belah pihak",
    "atas persetujuan tertulis investor"); None when the marker ends otherwise or what follows is
    the approval's object ("persetujuan atas rencana")."""
    last = marker.found[-1]
    # English names the holder after "of"/"by" ("the approval of both parties"), which _BY reads
    if marker.phrase.lang != "id" or not any(last in m.found for m in find_all(text, "approval_noun")):
        return None
    rest = list(after)
    while rest and rest[0].word in _GIVER_SKIP:
        rest = rest[1:]
    if not rest or rest[0].word in _OBJECT:
        return None
    return rest


def _nominal(match: Match) -> bool:
    """Is a deciding word a noun ("Pemilihan", "Keputusan"), not a verb ("diputuskan")?"""
    return nominal_root(match.found[-1].word) is not None


def _participle(word: str) -> bool:
    """A passive verb of another act than deciding, whose agent the next "oleh"/"by" names
    ("diusulkan", "proposed"; not "ditetapkan", "decided": their agent decides)."""
    return (word.endswith("ed") or passive_verb_id(word) == "di") and not find_all(word, "decide_verb", "take_verb")


_AGENT = frozenset({"oleh", "dari", "by", "from"})
# light verbs that carry a deciding noun ("Seleksi peserta dilakukan oleh panitia"): their agent decides
_LIGHT = frozenset(
    {"dilakukan", "dilaksanakan", "diselenggarakan", "done", "carried", "conducted", "performed", "undertaken"}
)
_JOINTLY = frozenset({"bersama", "bersama-sama", "jointly", "together"})
AGENT_REACH = 4  # words between a deciding word and the "oleh"/"by" that names who decides


# appointing and dismissing ("Pengangkatan pendamping ... oleh Kementerian Sosial"): a decision when an
# authority makes it; the same nouns also name lifting ("pengangkatan sampah"), so no other agent decides by them
_APPOINTING = frozenset({"pengangkatan", "pemberhentian"})


def _decided_by(text: str) -> Reading | None:
    """A deciding word in any form ("keputusan", "persetujuan", "pemilihan", "penentuan",
    "disetujui", "approval") followed in its clause by who decides ("... diambil oleh Kepala
    Dinas", "persetujuan tertulis dari PT ...", "selection ... by the company")."""
    toks = tokens(text)
    verbs = _deciding(text, "decide_verb")
    # "Pemilihan kontraktor tidak diputuskan sepihak oleh ...": a denied verb denies the noun it predicates
    denied = {m.found[-1].clause for m in verbs if m.negated}
    live = [m for m in verbs if not m.negated and not (m.found[-1].clause in denied and _nominal(m))]
    for verb in live or [m for m in _taken(text) if m.found[-1].clause not in denied]:
        i = toks.index(verb.found[-1])
        clause = verb.found[-1].clause
        verb_form = nominal_root(toks[i].word) is None  # "dipilih bersama", not "Keputusan Bersama" (a joint decree)
        if verb_form and i + 1 < len(toks) and toks[i + 1].clause == clause and toks[i + 1].word in _JOINTLY:
            return from_match(text, "deliberative", "decided_jointly", verb)  # "dipilih bersama oleh ..."
        for k in range(i + 1, min(len(toks), i + 2 + AGENT_REACH)):
            if toks[k].clause != clause:
                break
            other_act = _participle(toks[k - 1].word) and toks[k - 1].word not in _LIGHT
            if verb_form and toks[k].word in _AGENT and k > i + 1 and other_act:
                break  # "endorses the annual report prepared by the secretariat": the agent of another act
            if toks[k].word in _AGENT and k + 1 < len(toks) and toks[k + 1].clause == clause:
                if any(t.word in _JOINTLY for t in toks[i + 1 : k]):  # "ditetapkan bersama oleh A, B dan C"
                    return from_match(text, "deliberative", "decided_jointly", verb)
                rest = [t for t in toks[k + 1 :] if t.clause == clause]
                cut = next((n for n, t in enumerate(rest) if t.word in NEGATORS), len(rest))
                rest = rest[:cut] or rest
                decider = _listed(text, text[rest[0].start : rest[-1].end])
                kind = _kind_of(decider)
                if kind == "deliberative":  # "by consensus of the village heads", "oleh koperasi dan kelompok tani"
                    return from_match(text, "deliberative", "forum_decides", verb, detail=decider)
                if find_all(decider, *AUTHORITY, *INSTRUMENT):  # "by the Regent", "by decree"
                    return from_match(text, "authority", "authority_decides", verb, detail=decider)
                if verb.phrase.text in _APPOINTING:
                    break  # "Pengangkatan sampah ... oleh petugas": lifting, an appointment only by an authority
                if find_all(decider, "deliberative", "forum_body", "collective"):
                    return from_match(text, "deliberative", "forum_decides", verb, detail=decider)
                manner = next((m for m in find_all(text, "deliberative") if _in_clause(m, clause)), None)
                if manner is not None:  # "diputuskan secara mufakat oleh anggota koperasi": how, not who alone
                    return from_match(text, "deliberative", "decided_by_agreement", verb, manner, detail=decider)
                return from_match(text, "unilateral", "one_party_decides", verb, detail=decider)
        active = verb_form and passive_verb_id(toks[i].word) != "di" and not toks[i].word.endswith("ed")
        if active:  # "The steering committee endorses the annual report": a body as the subject decides
            before = [t for t in toks[:i] if t.clause == clause]
            if any(t.word in _RELATIVE for t in before):
                before = []  # "... kepada Bupati yang kemudian menetapkannya": the relative's head decides
            subject = text[before[0].start : before[-1].end] if before else ""
            if subject and _unheaded(subject, [m for m in find_all(subject, "forum_body") if not m.negated]):
                return from_match(text, "deliberative", "forum_decides", verb, detail=subject)
    return None


LIST_ITEM = 5  # words of one item of a list of agents ("the travel agents")
_NOT_AN_ITEM = frozenset(
    {"yang", "which", "that", "who", "untuk", "guna", "agar", "to", "sesuai", "in", "with", "dengan", "melalui"}
    | {"through", "sehingga", "so", "setelah", "after", "sebelum", "before", "jika", "if", "apabila", "when"}
)


def _listed(text: str, decider: str) -> str:
    """``decider`` with the rest of a list of agents that commas cut into clauses ("oleh BPBD,
    PMI dan Tagana"): short clauses after it, the last holding "dan"/"and"."""
    if not decider:
        return decider
    start = text.find(decider)
    end = start + len(decider)
    toks = tokens(text)
    last = next((t for t in reversed(toks) if t.end <= end), None)
    if last is None:
        return decider
    items: list[list[Token]] = []
    for t in toks:
        if t.clause <= last.clause:
            continue
        if not items or items[-1][0].clause != t.clause:
            items.append([])
        items[-1].append(t)
    for item in items:
        opener = item[0].word
        if opener in _NOT_AN_ITEM or (opener.startswith(("me", "di")) and stem_id(opener) != opener):
            return decider
        if any(t.word in _CONJ for t in item):
            return text[start : item[-1].end] if len(item) <= 2 * LIST_ITEM + 1 else decider
        if len(item) > LIST_ITEM:
            return decider
    return decider


def _taken(text: str) -> list[Match]:
    """Taking verbs after a decision noun in their clause ("Project decisions are made by the
    Project Director"): the decision's verb, whose agent decides."""
    nouns = [n for n in find_all(text, "decision_noun") if not n.negated]
    return [
        t
        for t in find_all(text, "take_verb")
        if not t.negated
        and any(n.found[0].clause == t.found[0].clause and n.found[-1].end <= t.found[0].start for n in nouns)
    ]


_AND = frozenset({"dan", "serta", "bersama", "and", "with", "together"})


def _agreed_by_many(text: str) -> Reading | None:
    """An agreement that names more than one party agreeing ("Pokdarwis bersama pemerintah desa
    menyepakati pembagian hasil", "disepakati oleh Dinas dan kelompok tani", "The city and the
    university agree on the route"): they decide together. One party agreeing ("The investor
    agrees to pay the land rent") consents, it decides nothing with others."""
    toks = tokens(text)
    place = places(text)
    for agree in (m for m in _deciding(text, "agree_verb") if not m.negated):
        clause = agree.found[0].clause
        before = [t for t in toks[: place[agree.found[0]]] if t.clause == clause]
        if not before and clause != toks[0].clause:
            # "The steering committee, comprising all partners, agrees on ...": the subject opens the sentence
            before = [t for t in toks if t.clause == toks[0].clause]
        after = [t for t in toks[place[agree.found[-1]] + 1 :] if t.clause == clause]
        by = next((i for i, t in enumerate(after[: AGENT_REACH + 1]) if t.word in _AGENT), None)
        agents = after[by + 1 :] if by is not None else before
        if any(t.word in _AND for t in agents[1:]) or (
            agents and find_all(text[agents[0].start : agents[-1].end], "collective", "forum_body")
        ):
            return from_match(text, "deliberative", "agreed_by_many", agree)
    return None


def _in_clause(match: Match, clause: int) -> bool:
    return not match.negated and match.found[0].clause == clause


def _deciding(text: str, *purposes: str) -> list[Match]:
    """The phrases of ``purposes`` in ``text`` but deciding words that measure ("menentukan
    kadar", "determines the water quality") and what is being prepared, from a drafting word to
    the end of its clause ("Menyusun rancangan Keputusan Bupati tentang Tim Koordinasi")."""
    aside = _set_aside(text)
    return [
        m
        for m in find_all(text, *purposes)
        if aside.isdisjoint(m.found) and not (m.purpose in _SAID_OF_ONE and _denied_subject(text, m))
    ]


# what one party does, which a denied subject ("Tidak ada pihak yang ...", "No partner may ...")
# leaves undone; not a consent or a deliberation ("Tidak ada keputusan tanpa persetujuan seluruh
# mitra" requires it)
_SAID_OF_ONE = frozenset({"unilateral", "final_word", "decide_verb", "veto_verb", "entitled", "without_deliberation"})


@lru_cache(maxsize=8192)
def _set_aside(text: str) -> frozenset[Token]:
    """What is measured rather than decided, what is being prepared, and a way of deciding left
    for later ("Mekanisme pengambilan keputusan akan diatur kemudian": the whole clause)."""
    aside = {t for m in find_all(text, "decide_not") if not _sets_norm(text, m) for t in m.found}
    # words of a deciding root that decide nothing ("tetap", "ketentuan"), and a signed
    # document's name ("Naskah Kesepakatan Bersama ditandatangani ...")
    aside.update(t for m in find_all(text, "decide_false_friend", "agreement_document") for t in m.found)
    signed = {m.found[0].clause for m in find_all(text, "sign_verb") if not m.negated}
    toks = tokens(text)
    place = places(text)
    for title in find_all(text, "agreement_title"):
        # signed, or cited by its number ("Kesepakatan Bersama Nomor 12 Tahun 2023"): a document
        at = place[title.found[-1]] + 1
        cited = at < len(toks) and toks[at].word in _NUMBER_MARK
        if title.found[0].clause in signed or cited:
            aside.update(title.found)
    # a regulation complied with binds; no body decides ("must comply with the applicable regulations")
    for comply in find_all(text, "comply_word"):
        clause, start = comply.found[0].clause, comply.found[-1].end
        aside.update(
            t
            for m in find_all(text, *AUTHORITY, *INSTRUMENT)
            if m.found[0].clause == clause and m.found[0].start >= start
            for t in m.found
        )
    # each party naming its own delegates ("Setiap pihak menunjuk satu orang penghubung", "Each
    # partner appoints a focal point"): an internal act
    own = {m.found[0].clause for m in find_all(text, "own_delegate")}
    if own and find_all(text, "each_party"):
        aside.update(t for m in find_all(text, "appoint_word") if m.found[0].clause in own for t in m.found)
    # agreeing to do something ("Para pihak sepakat untuk saling mendukung", "The parties agree to
    # share data") is a commitment, not a decision
    for agree in find_all(text, "agree_verb"):
        at = place[agree.found[-1]] + 1
        if at < len(toks) and toks[at].word in _COMMIT and toks[at].clause == agree.found[-1].clause:
            aside.update(agree.found)
    aside.update(_failed_condition(text))
    # a rule made known or taught ("Sosialisasi Perdes tentang ...", "dissemination of the bylaw"): the
    # object of the activity, no body deciding
    spreads = [m for m in find_all(text, "spread_word") if not m.negated]
    rules = find_all(text, *AUTHORITY, *INSTRUMENT) if spreads else []
    for spread in spreads:
        at = place[spread.found[-1]]
        near = {t for t in toks[at + 1 : at + 1 + SPREAD_REACH] if t.clause == spread.found[-1].clause}
        aside.update(t for m in rules if m.found[0] in near for t in m.found)
    for draft in find_all(text, "draft"):
        if not draft.negated:
            aside.update(t for t in toks if t.clause == draft.found[0].clause and t.start >= draft.found[0].start)
    procedures = find_all(text, "procedure_noun")
    for later in (m for m in find_all(text, "deferred") if not m.negated):
        clause = later.found[0].clause
        if any(p.found[0].clause == clause and p.found[0].start < later.found[0].start for p in procedures):
            aside.update(t for t in toks if t.clause == clause)
    return frozenset(aside)


_COMMIT = frozenset({"untuk", "akan", "to", "will"})
SPREAD_REACH = 5  # words between "sosialisasi"/"dissemination" and the rule it makes known ("of the village bylaw")
_IF = frozenset(
    {"jika", "apabila", "bila", "bilamana", "kalau", "manakala", "seandainya", "andaikata", "if", "where"}
    | {"should", "unless", "failing", "in case", "in the event"}
)
_FAIL = frozenset(
    {"tidak", "tak", "belum", "gagal", "buntu", "no", "not", "fail", "fails", "failed", "unable", "cannot", "failing"}
)


def _fallback_named(text: str, condition: set[Token]) -> bool:
    """Does the rest of the sentence name who decides when the condition fails: an agent
    ("diputus oleh Pengadilan", "settled by the Governor") or a final say ("the donor makes the
    final decision")? A route alone ("diselesaikan melalui Pengadilan Negeri") names none."""
    if any(t.word in _AGENT_BY and t not in condition for t in tokens(text)):
        return True
    return any(condition.isdisjoint(m.found) for m in find_all(text, "unilateral", "final_word"))


_AGENT_BY = frozenset({"oleh", "by"})


def _failed_condition(text: str) -> set[Token]:
    """The deliberation named only as a condition that fails ("Jika musyawarah tidak mencapai
    mufakat, ...", "If the parties fail to reach consensus, ...", "Where no agreement is reached,
    ..."): the decision falls to whoever the rest of the sentence names, not to the deliberation."""
    toks = tokens(text)
    clauses: dict[int, list[Token]] = {}
    for t in toks:
        clauses.setdefault(t.clause, []).append(t)
    out: set[Token] = set()
    for words in clauses.values():
        opener = " ".join(t.word for t in words[:3])
        if not (words[0].word in _IF or opener.startswith(("in case", "in the event"))):
            continue
        if not any(t.word in _FAIL for t in words):
            continue
        inside = set(words)
        if not _fallback_named(text, inside):
            continue  # "Apabila musyawarah tidak berhasil, perselisihan diselesaikan melalui Pengadilan"
        out.update(
            t
            for m in find_all(text, "deliberative", "forum_body", "agree_verb", "approval_noun", "deliberative_manner")
            if inside.issuperset(m.found)
            for t in m.found
        )
    return out


NORM_AFTER = 2  # words after a measured word in which the norm it names may stand ("the level of tariffs")


def _sets_norm(text: str, near_miss: Match) -> bool:
    """Does a deciding word that seems to measure ("menentukan ~ mutu", "determine ~ level") set
    a norm for others instead ("menentukan standar mutu", "determines the level of tariffs")?"""
    toks = tokens(text)
    first, last = toks.index(near_miss.found[0]), toks.index(near_miss.found[-1])
    reach = {t for t in toks[first : last + 1 + NORM_AFTER] if t.clause == near_miss.found[0].clause}
    return any(not reach.isdisjoint(m.found) for m in find_all(text, "norm_noun"))


# words between a decision noun and "final"/"binding" that are not its owner
_NOT_OWNER = frozenset(
    {
        "tersebut",
        "ini",
        "itu",
        "yang",
        "dimaksud",
        "akhir",
        "tertulis",
        "this",
        "that",
        "these",
        "those",
        "the",
        "such",
        "any",
        "all",
        "final",
        "written",
        "which",
        "of",
        "dari",
        "oleh",
        "by",
        "shall",
        "will",
        "is",
        "are",
        "be",
        "bersifat",
        "adalah",
        "merupakan",
        "setiap",
        "each",
        "every",
        # what is said of the decision, not its owner ("Keputusan yang diambil bersifat mengikat")
        "diambil",
        "dibuat",
        "ditetapkan",
        "disepakati",
        "diputuskan",
        "dihasilkan",
        "taken",
        "made",
        "adopted",
        "reached",
    }
)


def _binding(text: str) -> Reading | None:
    """A decision said to be final or binding, and whose it is ("keputusan investor bersifat final
    dan mengikat", "the decision of the Regent on the dispute is final"): its owner decides."""
    toks = tokens(text)
    place = places(text)
    nouns = find_all(text, "decision_noun")
    objects = {t for m in find_all(text, "decision_object") for t in m.found}
    for bind in (m for m in find_all(text, "binding") if not m.negated):
        clause = bind.found[0].clause
        noun = next(
            (n for n in reversed(nouns) if n.found[0].clause == clause and n.found[-1].end <= bind.found[0].start),
            None,
        )
        if noun is None:
            continue
        owner: list[Token] = []
        for token in toks[place[noun.found[-1]] + 1 : place[bind.found[0]]]:
            if token in objects:
                break
            owner.append(token)
        named = [t for t in owner if t.word not in _NOT_OWNER]
        if not named:
            continue
        decider = text[named[0].start : named[-1].end]
        kind = _kind_of(decider)
        return from_match(text, kind, _REASON[kind], noun, bind, detail=decider)
    return None


RELATIVE_REACH = 2  # words before a taking verb in which "yang"/"which"/"that" make it a relative clause
_RELATIVE = frozenset({"yang", "which", "that"})


def _only_recorded(text: str, match: Match) -> bool:
    """Is a decision that a deliberative phrase names ("keputusan ~ rapat") only recorded or
    passed on in its clause ("Keputusan-keputusan penting didokumentasikan dalam notulen rapat",
    "Keputusan yang diambil dalam rapat akan disosialisasikan")? Then no one is said to take it."""
    clause = match.found[0].clause
    noun = next((n for n in find_all(text, "decision_noun") if set(n.found) & set(match.found)), None)
    if noun is None:
        return False
    recorded = any(
        not r.negated and r.found[0].clause == clause and r.found[0].start > noun.found[0].start
        for r in find_all(text, "record_verb")
    )
    if not recorded:
        return False
    toks = tokens(text)
    for take in find_all(text, "take_verb"):
        if take.found[0].clause != clause:
            continue
        i = toks.index(take.found[0])
        if not any(t.word in _RELATIVE for t in toks[max(0, i - RELATIVE_REACH) : i]):
            return False  # "Keputusan diambil dalam rapat pleno dan dicatat": taken in a meeting
    return True


def _only_composed(text: str, deliberative: list[Match]) -> bool:
    """Do the deliberative words only name a body whose membership the text sets out ("Tim
    koordinasi terdiri atas unsur pemerintah, akademisi, ...")? Who sits on it says nothing of
    how it decides."""
    bodies = {t for m in find_all(text, "forum_body") for t in m.found}
    if any(bodies.isdisjoint(m.found) for m in deliberative):  # "musyawarah", "consensus", "vote"
        return False
    if any(not m.negated for m in _deciding(text, "decide_verb", "take_verb")):  # "Keputusan diambil dalam ..."
        return False
    composed = [c for c in find_all(text, "composition") if not c.negated]
    return any(c.found[0].clause == m.found[0].clause for c in composed for m in deliberative)


# what names a decision: a deciding or agreeing word, a decision, an approval, a dispute settled
_DECIDING = ("decide_verb", "agree_verb", "decision_noun", "approval_noun", "dispute_noun", "veto_verb")


def _names_no_decision(text: str, deliberative: list[Match]) -> bool:
    """Do the deliberative words only name a body or a joint act ("Hasil pemantauan dilaporkan
    kepada Tim Koordinasi", "Musyawarah Antar Desa dilaksanakan di aula kecamatan", "The partners
    jointly conduct a field visit"), with no word in the text that decides, agrees or settles
    something? A forum reported to, held or working together decides nothing said here; a way
    of deciding ("secara musyawarah", "by consensus") always names one."""
    bodies = {t for m in find_all(text, "forum_body", "joint_act") for t in m.found}
    manners = {t for m in find_all(text, "deliberative_manner") for t in m.found}
    if any(bodies.isdisjoint(m.found) or not manners.isdisjoint(m.found) for m in deliberative):
        return False
    cited = _cited_titles(text)  # "Keputusan Bupati Nomor 12 ... menjadi dasar": a basis, not a decision
    return not any(not m.negated and cited.isdisjoint(m.found) for m in _deciding(text, *_DECIDING))


_PURPOSE = frozenset({"untuk", "guna", "agar", "to"})


def _only_held(text: str, deliberative: list[Match]) -> bool:
    """Do the deliberative words only name a meeting held for another purpose ("Musyawarah desa
    diselenggarakan untuk menyosialisasikan program air bersih")? With no decision named, a
    forum that informs decides nothing."""
    bodies = {t for m in find_all(text, "forum_body") for t in m.found}
    if any(bodies.isdisjoint(m.found) for m in deliberative):  # "mufakat", "consensus": a way of deciding
        return False
    if any(not m.negated for m in _deciding(text, "decide_verb", "take_verb", "decision_noun", "approval_noun")):
        return False
    toks = tokens(text)
    for m in deliberative:
        purpose = next(
            (t for t in toks if t.word in _PURPOSE and t.clause == m.found[0].clause and t.start > m.found[-1].end),
            None,
        )
        if purpose is not None:
            # held to agree or to decide ("untuk menyepakati lokasi") is deciding
            return not any(a.found[0].start > purpose.start for a in find_all(text, "agree_verb", "decide_verb"))
    return False


def _kind_of(decider: str) -> str:
    """Who is named as deciding: a legal authority, many (a forum, all parties, several parties
    named together), or one party. A way of deliberating or a forum that heads the phrase outweighs
    the offices that deliberate in it ("consensus of the village heads", "musyawarah para kepala
    desa"); an office that heads it outweighs the deliberation after it ("the Governor after
    consensus in the forum")."""
    # "Kepala Bappeda selaku ketua tim koordinasi": the head of a body is one person
    forum = _unheaded(decider, [m for m in find_all(decider, "deliberative", "forum_body") if not m.negated])
    first = find_all(decider, *AUTHORITY, *INSTRUMENT)  # "by decree after the forum has met": the instrument heads
    if forum and (not first or forum[0].found[0].start < first[0].found[0].start):
        return "deliberative"
    if find_all(decider, *AUTHORITY):  # "the approval of both regional councils": authorities, each its own
        return "authority"
    if any(not m.negated for m in find_all(decider, "collective", "both_sides")):
        return "deliberative"
    if _several(decider):
        return "deliberative"
    return "unilateral"


_CONJ = frozenset({"dan", "serta", "and", "&"})


def _several(decider: str) -> bool:
    """Does ``decider`` name more than one party joined by "dan"/"and" ("koperasi dan kelompok
    tani", "the Pokdarwis, the travel agents and the village government")? Each conjunct must name
    a party of its own: "Dinas Pertanian dan Ketahanan Pangan" is one office."""
    toks = tokens(decider)
    actors = find_all(decider, "actor_noun")
    for k, t in enumerate(toks[1:], 1):
        if t.word in _CONJ:
            head, tail = toks[k - 1].end, t.end
            if any(a.found[0].end <= head for a in actors) and any(a.found[0].start >= tail for a in actors):
                return True
    return False


_REASON = {"authority": "authority_decides", "deliberative": "forum_decides", "unilateral": "one_party_decides"}
NEED_REACH = 2  # words between what makes an approval needed and the approval ("requires the consent")
_GIVER_SKIP = frozenset(
    {"tertulis", "resmi", "terlebih", "dahulu", "the", "a", "prior", "written", "formal", "of", "dari", "from", "by"}
)
_OBJECT = frozenset({"atas", "terhadap", "untuk", "mengenai", "tentang", "for", "on", "to", "regarding", "over"})


def _approval_of(text: str) -> Reading | None:
    """An approval that is needed, and whose giver follows it: "memerlukan persetujuan tertulis
    PT Sinar Bahari", "requires the consent of both parties" (not "persetujuan atas rencana")."""
    toks = tokens(text)
    place = places(text)
    needs = find_all(text, "needs_approval")
    for noun in (m for m in _deciding(text, "approval_noun") if not m.negated):
        i, clause = place[noun.found[0]], noun.found[0].clause
        if not any(n.found[0].clause == clause and i - NEED_REACH - 1 <= place[n.found[-1]] < i for n in needs):
            continue
        rest = [t for t in toks[place[noun.found[-1]] + 1 :] if t.clause == clause]
        while rest and rest[0].word in _GIVER_SKIP:
            rest = rest[1:]
        if not rest or rest[0].word in _OBJECT:
            continue
        decider = text[rest[0].start : rest[-1].end]
        kind = _kind_of(decider)
        return from_match(text, kind, _REASON[kind], noun, detail=decider)
    return None


# an approval whose giver "-nya" refers back to ("mendapat persetujuannya"), and the English
# approvals after "its"/"their" ("for its approval", "with their prior written consent")
_APPROVAL_NYA = frozenset(
    {"persetujuannya", "izinnya", "restunya", "pengesahannya", "rekomendasinya", "keputusannya", "putusannya"}
)
_APPROVAL_EN = frozenset(
    {"approval", "consent", "endorsement", "sign-off", "clearance", "authorisation", "authorization", "decision"}
)
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
POSSESSIVE_REACH = 3  # words between "its" and the approval ("its prior written consent")
_GIVER = ("private_party", "contract_party", "forum_body", "actor_noun", *AUTHORITY)


def _referred_approval(text: str) -> Token | None:
    """An approval whose giver is referred back to: "persetujuannya", "its approval"."""
    toks = tokens(text)
    for i, t in enumerate(toks):
        if t.word in _APPROVAL_NYA:
            return t
        if t.word in _APPROVAL_EN and any(b.word in _POSSESSIVE for b in toks[max(0, i - POSSESSIVE_REACH) : i]):
            return t
    return None


def _approval_back(text: str) -> Reading | None:
    """An approval whose giver "-nya"/"its" refers back to ("dilaporkan kepada DPRD dan mendapat
    persetujuannya", "submitted to the donor for its approval"): the nearest party named before
    it gives it, and decides."""
    approval = _referred_approval(text)
    if approval is None:
        return None
    named = [m for m in find_all(text, *_GIVER) if m.found[-1].end <= approval.start and not m.negated]
    if not named:
        return None
    giver = named[-1]
    decider = text[giver.found[0].start : giver.found[-1].end]
    kind = _kind_of(decider)
    return from_match(text, kind, _REASON[kind], giver, Match(giver.phrase, (approval,), False), detail=decider)


VETO_REACH = 2  # words between a right ("berhak", "may") and the refusal it gives


def _right_to_refuse(text: str) -> Reading | None:
    """A right to refuse or cancel what others propose ("Investor berhak menolak usulan desa",
    "The company may reject any proposal"): who holds it decides."""
    toks = tokens(text)
    place = places(text)
    # active forms only: "Perjanjian dapat diubah", "may be changed" name no one who decides
    vetoes = [
        v
        for v in _deciding(text, "veto_verb")
        if not v.negated
        and passive_verb_id(v.found[0].word) != "di"
        and not v.found[0].word.endswith("ed")
        # "Jadwal dapat berubah": it changes, no one changes it
        and not (v.phrase.lang == "id" and v.found[0].word.startswith(("ber", "ter")))
    ]
    for right in (m for m in _deciding(text, "entitled") if not m.negated):
        end, clause = place[right.found[-1]], right.found[0].clause
        veto = next(
            (v for v in vetoes if v.found[0].clause == clause and 0 < place[v.found[0]] - end <= VETO_REACH), None
        )
        if veto is None:
            continue
        subject = [t for t in toks[: place[right.found[0]]] if t.clause == clause]
        decider = text[subject[0].start : subject[-1].end] if subject else ""
        kind = _kind_of(decider) if decider else "unilateral"
        return from_match(text, kind, _REASON[kind], right, veto, detail=decider)
    return None


def _acting(text: str, authority: list[Match]) -> Match | None:
    """An authority that acts: not a body merely named ("disampaikan kepada Sekretaris Daerah")
    unless a deciding word or an approval stands beside it."""
    bodies = {frozenset(m.found) for m in find_all(text, "authority_body")}
    # deciding, approving, an instrument, or a dispute settled ("perselisihan ... melalui mediasi oleh Gubernur")
    acts = any(not m.negated for m in _deciding(text, "decide_verb", "approval_noun", "dispute_noun", *INSTRUMENT))
    powers = {t for m in find_all(text, "power_noun") for t in m.found}
    # a party named by its place in the contract ("Pihak Kedua berwenang ...") holds a right under it
    party = find_all(text, "private_party", "contract_party")
    private = bool(party) and (not find_all(text, "public_body") or party[0].purpose == "contract_party")
    for match in authority:
        if frozenset(match.found) in bodies and not acts:
            continue
        if private and not powers.isdisjoint(match.found):
            continue  # "Pengembang berwenang penuh menentukan ...": a private party's power, no legal authority
        if not powers.isdisjoint(match.found) and _held_by_non_public(text, match):
            continue  # "Koperasi berwenang penuh menetapkan harga": a partner's power over the others
        return match
    return None


_HOLD = frozenset({"has", "have", "holds", "hold", "memiliki", "mempunyai", "memegang"})
_HELD_HOW = frozenset({"full", "sole", "the", "final", "penuh", "mutlak"})


def _held_by_non_public(text: str, match: Match) -> bool:
    """Is a power the predicate of a subject that is no public body ("Koperasi berwenang penuh
    ...", "The cooperative has full authority to ...")? A cooperative, a university or a farmer
    group holds no public authority: its power over the others is one party deciding. A power
    cited in an adjunct ("sesuai kewenangannya") is no predicate and is left as it is."""
    toks = tokens(text)
    at = toks.index(match.found[0])
    k = at - 1
    while k >= 0 and toks[k].word in _HELD_HOW and toks[k].clause == match.found[0].clause:
        k -= 1
    predicate = match.found[0].word == "berwenang" or (k >= 0 and toks[k].word in _HOLD)
    subject = [t for t in toks[: k + 1] if t.clause == match.found[0].clause and t.word not in _HOLD]
    if not predicate or not subject:
        return False
    public = find_all(text, "public_body", "authority_body")
    return not any(m.found[0].clause == match.found[0].clause and m.found[-1].end <= subject[-1].end for m in public)


def _authority_subject(text: str, matches: list[Match], marker: Match) -> Match | None:
    """The authority named before a deciding word as its subject, though a comma sets it apart
    ("The Regent, as chair of the coordination team, signs off on ..."), with no private party
    between them."""
    if any(p.found[0].start < marker.found[0].start for p in find_all(text, "private_party", "contract_party")):
        return None  # "Pengembang berwenang penuh menentukan": a private party's power
    bodies = {frozenset(m.found) for m in find_all(text, "authority_body")}
    return next((m for m in matches if frozenset(m.found) in bodies and m.found[-1].end <= marker.found[0].start), None)


def _before_in_clause(match: Match, marker: Match) -> bool:
    """Is ``match`` before ``marker`` in its clause (its subject)?"""
    first = marker.found[0]
    return match.found[0].clause == first.clause and match.found[-1].end <= first.start


def _after_in_clause(match: Match, marker: Match) -> bool:
    """Is ``match`` affirmed and after ``marker`` in its clause?"""
    last = marker.found[-1]
    return not match.negated and match.found[0].clause == last.clause and match.found[0].start > last.end


MANY_REACH = 2  # words between the many who decide and their deciding word ("Para pihak secara bersama memutuskan")


def _many_decide(text: str, marker: Match) -> Match | None:
    """Do many decide: the deciding word's subject names many right before it ("The partners
    decide", "Kedua pihak menetapkan"), or "together"/"bersama" follows it ("decide together")?"""
    toks = tokens(text)
    place = places(text)
    at, clause = place[marker.found[0]], marker.found[0].clause
    for many in find_all(text, "collective"):  # not "each party" (each decides for itself)
        end = place[many.found[-1]]
        if many.found[0].clause == clause and 0 < at - end <= MANY_REACH and not many.negated:
            return many
    # "Dinas Pertanian bersama kelompok tani menetapkan ...", "The office together with the farmer groups
    # selects ...": a subject of two parties joined by "bersama"/"together with" before the verb
    for k in range(max(1, at - SUBJECT_REACH), at):
        token = toks[k]
        if token.clause != clause or toks[k - 1].clause != clause or token.word not in _WITH_PARTY:
            continue
        if toks[k - 1].word not in _JOINT_TITLE and toks[k - 1].word not in _JOINTLY:
            return Match(marker.phrase, (token,), False)
    after = place[marker.found[-1]] + 1
    verb = nominal_root(marker.found[-1].word) is None  # not "persetujuan bersama DPRD" (a joint approval)
    if verb and after < len(toks) and toks[after].clause == clause and toks[after].word in _JOINTLY:
        return Match(marker.phrase, (toks[after],), False)
    # "Menentukan jadwal tanam bersama kelompok tani", "decide the route together with the city":
    # with whom it is decided, further on (not "Peraturan Bersama", a joint instrument)
    titles = {t for m in find_all(text, "decision_noun", *INSTRUMENT, "agreement_title") for t in m.found}
    for k in range(after + 1, len(toks)):
        token = toks[k]
        if token.clause != clause:
            break
        joint = token.word in _JOINTLY and k + 1 < len(toks) and toks[k + 1].clause == clause
        if verb and joint and toks[k - 1] not in titles and toks[k - 1].word not in _JOINT_TITLE:
            return Match(marker.phrase, (token,), False)
    return None


# "bersama", "together (with)" joining a second party to the subject; "with" alone is too wide ("with the
# approval of")
_WITH_PARTY = frozenset({"bersama", "beserta", "together"})
SUBJECT_REACH = 6  # words before the deciding verb in which its subject may join two parties

# nouns that "bersama" makes a joint instrument or body, not a decision taken with others
_JOINT_TITLE = frozenset({"peraturan", "keputusan", "kesepakatan", "surat", "sekretariat", "komite", "forum", "rapat"})


_OBLIGED = frozenset(
    {"wajib", "harus", "perlu", "memerlukan", "diwajibkan", "must", "shall", "required", "requires", "need", "needs"}
)
OBLIGED_REACH = 3  # words between an obligation and the permit it needs ("wajib memperoleh izin")
_PUBLIC = ("public_body", "authority_body", "issuing_body", *AUTHORITY)
_DETERMINER = frozenset({"the", "a", "an", "its", "their", "new"})


def _permit_granted(text: str) -> Reading | None:
    """A permit, licence, certificate or status issued or revoked by a public body ("Izin edar
    diterbitkan oleh BPOM", "The fishing licence is issued by the provincial office", "Kantor
    Pertanahan menerbitkan sertifikat"): the body acts under the power the law gives it. Applied
    for, or issued by a private party, it is not."""
    toks = tokens(text)
    place = places(text)
    permits = [m for m in find_all(text, "permit_noun") if not m.negated]
    needs = find_all(text, "needs_approval")
    for permit in permits:  # "wajib memperoleh izin dari Pemerintah Kota": the giver of a permit needed
        at = place[permit.found[0]]
        if not any(n.found[0].clause == permit.found[0].clause and 0 < at - place[n.found[-1]] <= 2 for n in needs):
            continue
        if not any(t.word in _OBLIGED for t in toks[max(0, at - OBLIGED_REACH) : at]):
            continue  # "Warga memperoleh sertifikat pelatihan dari Dinas": received, not needed
        after = [t for t in toks[place[permit.found[-1]] + 1 :] if t.clause == permit.found[0].clause]
        k = next((i for i, t in enumerate(after[: AGENT_REACH + 1]) if t.word in _AGENT), None)
        giver = after[k + 1 :] if k is not None else []
        body = text[giver[0].start : giver[-1].end] if giver else ""
        if body and find_all(body, "private_party"):  # "memerlukan izin dari PT Telkom": one party's say
            return from_match(text, "unilateral", "one_party_decides", permit, detail=body)
        if body and find_all(body, *_PUBLIC):
            return from_match(text, "authority", "permit_needed", permit, detail=body)
    for grant in (m for m in _deciding(text, "grant_verb") if not m.negated):
        at, clause = place[grant.found[0]], grant.found[0].clause
        in_clause = [p for p in permits if p.found[0].clause == clause]
        after = [t for t in toks[place[grant.found[-1]] + 1 :] if t.clause == clause]
        if any(place[p.found[-1]] < at for p in in_clause):  # "Izin edar ... diterbitkan oleh BPOM"
            k = next((i for i, t in enumerate(after[: AGENT_REACH + 1]) if t.word in _AGENT), None)
            agent = after[k + 1 :] if k is not None else []
        else:  # "Kantor Pertanahan menerbitkan sertifikat"
            while after and after[0].word in _DETERMINER:
                after = after[1:]
            if not after or not any(p.found[0] == after[0] for p in in_clause):
                continue
            agent = [t for t in toks[:at] if t.clause == clause]
        if not agent:
            continue
        body = text[agent[0].start : agent[-1].end]
        if find_all(body, *_PUBLIC) and not find_all(body, "private_party"):
            return from_match(text, "authority", "permit_granted", grant, detail=body)
    return None


_NO_DECIDER = Reading("none", "no_decider")
# a text names a decision only through one of these (most responsibilities name none)
_PURPOSES = frozenset(
    {"unilateral", *AUTHORITY, "deliberative", "decide_verb", "final_word", "approval_noun", "veto_verb", "binding"}
    | {"permit_noun", "agree_verb", "decision_noun"}
)


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def decision(text: str) -> Reading:
    if _PURPOSES.isdisjoint(phrases_in(text)) and _referred_approval(text) is None:
        return _NO_DECIDER
    permit = _permit_granted(text)
    if permit is not None:
        return permit
    matches = [m for m in _deciding(text, "unilateral", "final_word", *AUTHORITY, "deliberative") if not m.negated]
    # a decision only recorded or passed on ("Setiap keputusan forum diumumkan") names no one who takes it
    matches = [m for m in matches if not (m.purpose == "deliberative" and _only_recorded(text, m))]
    authority = _acting(text, [m for m in matches if m.purpose in AUTHORITY])
    markers = [m for m in matches if m.purpose in ("unilateral", "final_word") and not _barred(text, m)]
    # a deliberative word inside a marker is the marker's ("memegang hak suara mayoritas": a majority held)
    held = {t for m in markers for t in m.found}
    matches = [m for m in matches if m.purpose != "deliberative" or held.isdisjoint(m.found)]
    deliberative = next((m for m in matches if m.purpose == "deliberative"), None)
    own = next((m for m in find_all(text, "own_authority") if not m.negated), None)
    if markers and own is not None and not find_all(text, "without_deliberation", "private_party"):
        # "Setiap pihak mengambil keputusan di bidangnya sesuai kewenangan masing-masing"
        return from_match(text, "authority", "own_authority", markers[0], own)
    if markers:
        unilateral = next((m for m in markers if _decider(text, m)), markers[0])
        decider = _decider(text, unilateral)
        if decider:
            decider = _listed(text, decider)
            # who is named after "oleh"/"by" decides: a deliberating body, a legal authority, or one party
            if _kind_of(decider) == "deliberative":  # "by consensus of the village heads", "oleh A, B dan C"
                return from_match(text, "deliberative", "forum_decides", unilateral, deliberative, detail=decider)
            if find_all(decider, *AUTHORITY):
                return from_match(text, "authority", "authority_decides", unilateral, authority, detail=decider)
            if find_all(decider, *INSTRUMENT):  # "determines the recipients by decree": under its authority
                return from_match(text, "authority", "by_instrument", unilateral, detail=decider)
            return from_match(text, "unilateral", "one_party_decides", unilateral, detail=decider)
        agreed = _agreed_before(text, unilateral)
        if agreed is not None:  # "Para kepala desa bersepakat menetapkan iuran": they decide together
            return from_match(text, "deliberative", "agreed_decision", agreed, unilateral)
        start = _subject_start(text, unilateral)
        subject = text[start : unilateral.found[0].start]
        forum = _unheaded(subject, find_all(subject, "deliberative", "forum_body")) if subject.strip() else []
        # "Hasil rapat koordinasi menjadi bahan pertimbangan Bupati dalam menetapkan": the
        # authority nearest the deciding word decides, after the forum
        if (
            forum
            and authority is not None
            and _before_in_clause(authority, unilateral)
            and authority.found[0].start >= start + forum[-1].span[1]
        ):
            return from_match(text, "authority", "authority_decides", unilateral, authority)
        instrument = next((m for m in _deciding(text, *INSTRUMENT) if _after_in_clause(m, unilateral)), None)
        if forum and authority is not None and (instrument is not None or _joint_title_after(text, unilateral)):
            # "Bupati dan Wali Kota bersama-sama menetapkan trayek melalui Keputusan Bersama": together,
            # then through the instrument each holds the power to issue (seed 003)
            return from_match(text, "authority", "instrument_after_deliberation", unilateral, instrument)
        if forum:  # "Rapat koordinasi memutuskan ..."
            return from_match(text, "deliberative", "forum_decides", deliberative, unilateral)
        many = _many_decide(text, unilateral)
        if many is not None and authority is not None and _before_in_clause(authority, unilateral):
            # "Both regents approve the joint tariff": authorities deciding together, each under its own
            return from_match(text, "authority", "authorities_decide", many, unilateral)
        if many is not None:  # "The partners decide together", "Para pihak memutuskan ..."
            return from_match(text, "deliberative", "forum_decides", many, unilateral)
        alone = _alone(text)
        if alone is not None:  # "Bupati memutuskan ... tanpa pembahasan dengan DPRD": alone, authority or not
            return from_match(text, "unilateral", "decided_without_deliberation", unilateral, alone)
        if authority is not None:
            return from_match(text, "authority", "authority_decides", unilateral, authority)
        named = _authority_subject(text, matches, unilateral)
        if named is not None:  # "The Regent, as chair of the coordination team, signs off on the list"
            return from_match(text, "authority", "authority_decides", unilateral, named)
        # deciding through a legal instrument ("menetapkan ... melalui Surat Keputusan", "by
        # decree"): the decider acts under its authority
        instrument = next((m for m in _deciding(text, *INSTRUMENT) if _after_in_clause(m, unilateral)), None)
        if instrument is not None:
            return from_match(text, "authority", "by_instrument", unilateral, instrument)
        if deliberative is not None and deliberative.found[0].start >= unilateral.found[0].start:
            return from_match(text, "deliberative", "decided_by_agreement", unilateral, deliberative)
        return from_match(text, "unilateral", "one_party_decides", unilateral)
    by = (
        _enacted(text, deliberative)
        or _binding(text)
        or _right_to_refuse(text)
        or _decided_by(text)
        or _approval_of(text)
        or _agreed_by_many(text)
        or _approval_back(text)
    )
    if by is not None:
        return by
    forums = [m for m in matches if m.purpose == "deliberative"]
    if deliberative is not None and (
        _only_composed(text, forums) or _only_held(text, forums) or _names_no_decision(text, forums)
    ):
        return _NO_DECIDER
    # Nobody is said to decide alone: deliberation among authorities ("Musyawarah mufakat para
    # kepala daerah") is deliberation; an authority's approval alone ("Persetujuan DPRD") is not.
    if deliberative is not None:
        # deliberation, then a body deciding through its legal instrument ("ditetapkan dengan
        # Peraturan Bupati setelah dibahas bersama"): the decision is the authority's (seed 003)
        instrument = next((m for m in _deciding(text, *INSTRUMENT) if not m.negated), None)
        decides = next((m for m in _deciding(text, "decide_verb", "enact_verb") if not m.negated), None)
        if instrument is not None and decides is not None:
            return from_match(text, "authority", "instrument_after_deliberation", decides, instrument)
        return from_match(text, "deliberative", "deliberation", deliberative)
    if authority is not None and not _only_cited(text, [m for m in matches if m.purpose in AUTHORITY]):
        alone = _alone(text)
        decides = next((m for m in _deciding(text, "decide_verb") if not m.negated), None)
        if alone is not None and decides is not None:  # "Kepala Desa memilih pengurus tanpa musyawarah desa"
            return from_match(text, "unilateral", "decided_without_deliberation", decides, alone)
        return from_match(text, "authority", "legal_authority", authority)
    # taken in a meeting of a body ("diambil dalam Rapat Umum Pemegang Saham"), when no deliberative
    # word, authority or instrument says more
    return _by_instrument(text) or _taken_in(text) or _NO_DECIDER


_WITHOUT = frozenset({"tanpa", "without"})


def _denied_subject(text: str, match: Match) -> bool:
    """Is ``match`` said of a subject its clause denies ("Tidak ada pihak yang dapat memutuskan
    sendiri", "Tak satu pun mitra ...", "No partner may decide alone")? Then nobody does it."""
    return _opens_denied(text) and subject_denied(tokens(text), places(text)[match.found[0]])


_OPENERS = frozenset({"tidak", "tak", "tiada", "no", "none", "neither", "nobody", "no-one"})


@lru_cache(maxsize=8192)
def _opens_denied(text: str) -> bool:
    """Has ``text`` a word that may open a denied subject at all (most texts have none)?"""
    return any(t.word in _OPENERS for t in tokens(text))


def _enacted(text: str, deliberative: Match | None) -> Reading | None:
    """A decision enacted through a legal instrument after deliberation or with the approval of a
    legislature ("APBDes ditetapkan dengan Peraturan Desa setelah dibahas dan disepakati bersama
    BPD", "Rancangan Perdasi diajukan kepada DPRP untuk mendapat persetujuan bersama"): the joint
    approval of a regulation is the procedure of the law (UU 23/2014, UU 6/2014), so the decision
    is the authorities', whatever the deliberative words of that procedure; not an instrument only
    cited by its number."""
    instruments = [m for m in _deciding(text, *INSTRUMENT) if not m.negated]
    if not instruments:  # most texts: asked first, it is the cheapest way out
        return None
    if deliberative is None and not any(
        not m.negated and not _denied_subject(text, m) for m in find_all(text, "authority_body")
    ):
        return None
    cited = _cited_titles(text)
    instrument = next((m for m in instruments if cited.isdisjoint(m.found)), None)
    if instrument is None or _alone(text) is not None:
        return None
    decides = next(
        (
            m
            for m in _deciding(text, "decide_verb", "enact_verb", "approval_noun")
            if not m.negated and set(m.found).isdisjoint(instrument.found)
        ),
        None,
    )
    if decides is None:
        return None
    return from_match(text, "authority", "instrument_after_deliberation", decides, instrument)


def _alone(text: str) -> Match | None:
    """An explicit mark of deciding alone: "sendiri", "tanpa musyawarah", "on its own", or any
    deliberation or forum denied by "tanpa"/"without" ("tanpa adanya rapat koordinasi", "without a
    meeting of the partners"). It outweighs the office title of the one who decides."""
    said = next((m for m in _deciding(text, "without_deliberation") if not _barred(text, m)), None)
    if said is not None:
        return said
    toks = tokens(text)
    place = places(text)
    # "memutuskan sendiri", "ditetapkan sendiri": "sendiri" after a verb is alone; after a noun it
    # is "own" ("anggarannya sendiri")
    for before, t in pairwise(toks):
        verb = before.word.startswith(("me", "di")) and stem_id(before.word) != before.word
        if t.word in _SELF and verb and before.clause == t.clause and not subject_denied(toks, place[before]):
            alone = Match(_SELF_PHRASE, (before, t), False)
            if not _barred(text, alone):
                return alone
    for m in find_all(text, "deliberative", "forum_body"):
        at = place[m.found[0]]
        ahead = [t for t in toks[max(0, at - SCOPE_WITHOUT) : at] if t.clause == m.found[0].clause]
        if m.negated and any(t.word in _WITHOUT for t in ahead):
            return m
    return None


_SELF = frozenset({"sendiri", "sendirian"})
_JOIN = frozenset({"dan", "serta", "lalu", "kemudian", "tetapi", "namun", "melainkan", "and", "but", "then", "or"})
BAR_REACH = 6  # words from a modal's negator to the manner of deciding it bars


def _barred(text: str, marker: Match) -> bool:
    """Is a manner of deciding alone ("secara sepihak", "sendiri", "unilaterally") the end of a
    predicate its clause denies ("Salah satu pihak tidak dapat mengubah jadwal secara sepihak",
    "tidak boleh menetapkan sendiri")? Deciding alone is then what nobody may do. Not a "tanpa
    ..."/"without ..." marker: a bar with an exception ("tidak berwenang mengubah desain tanpa
    persetujuan Pihak Pertama") names who decides; nor past a conjunction, which starts another
    predicate ("tidak melibatkan BPD dan memutuskan sendiri")."""
    if marker.negated or any(t.word in _WITHOUT for t in marker.found):
        return False
    toks = tokens(text)
    at = places(text)[marker.found[0]]
    clause = marker.found[0].clause
    for back in range(at - 1, max(-1, at - BAR_REACH - 1), -1):
        token = toks[back]
        if token.clause != clause or token.word in _JOIN:
            return False
        if token.word in NEGATORS and token.word not in _WITHOUT:
            return True
    return False


_SELF_PHRASE = Phrase("without_deliberation", "id", "verb + sendiri", ())
SCOPE_WITHOUT = 3  # words between "tanpa"/"without" and the deliberation it denies


_JOINT_TITLE_RE = re.compile(r"\b(?:Keputusan|Peraturan|Surat Keputusan) Bersama\b|\bJoint (?:Decree|Regulation)\b")


def _joint_title_after(text: str, marker: Match) -> bool:
    """Is a joint instrument named by its title, capitalised, after ``marker`` in its clause
    ("... melalui Keputusan Bersama", "by Joint Decree")? Written small, "keputusan bersama" is a
    joint decision."""
    last = marker.found[-1]
    clause_end = max((t.end for t in tokens(text) if t.clause == last.clause), default=last.end)
    return _JOINT_TITLE_RE.search(text, last.end, clause_end) is not None


AGREED_REACH = 2  # words between an agreeing word and the deciding word it governs ("sepakat untuk menetapkan")


def _agreed_before(text: str, marker: Match) -> Match | None:
    """An agreeing word right before a deciding one, in its clause ("Para kepala desa bersepakat
    menetapkan iuran", "The partners agree to set the tariff"): the deciders agree, together."""
    toks = tokens(text)
    at = toks.index(marker.found[0])
    for agree in find_all(text, "agree_verb"):
        end = toks.index(agree.found[-1])
        if not agree.negated and agree.found[-1].clause == marker.found[0].clause and 0 < at - end <= AGREED_REACH:
            return agree
    return None


def _unheaded(text: str, forums: list[Match]) -> list[Match]:
    """``forums`` but those named after the head of the body ("Ketua Tim Koordinasi", "the chair
    of the steering committee"): its head, one person, is who acts."""
    toks = tokens(text)
    heads = words_of(text, "head_of")
    out = []
    for forum in forums:
        # from the start of the longest body that holds it ("chair of the steering committee")
        at = min(toks.index(m.found[0]) for m in forums if set(forum.found) <= set(m.found))
        before = [t for t in toks[max(0, at - 3) : at] if t.clause == toks[at].clause]
        # "Ketua Tim", "the chair of the committee": a head word just before (through "of the")
        if not any(t in heads for t in before[-3:]) or not _head_governs(before, heads):
            out.append(forum)
    return out


_OF = frozenset({"of", "the", "dari"})


def _head_governs(before: list[Token], heads: set[Token]) -> bool:
    """Is the head word in ``before`` followed only by "of"/"the" up to the forum?"""
    for k in range(len(before) - 1, -1, -1):
        if before[k] in heads:
            return all(t.word in _OF for t in before[k + 1 :])
    return False


_IN = frozenset({"dalam", "di", "pada", "melalui", "lewat", "in", "at", "through", "during", "by"})
IN_REACH = 3  # words between taking a decision and the meeting it is taken in ("diambil dalam Rapat ...")


def _taken_in(text: str) -> Reading | None:
    """A decision taken in or through a meeting of a body ("Keputusan ... diambil dalam Rapat Umum
    Pemegang Saham", "Decisions are adopted at the annual general meeting"): the body deliberates."""
    toks = tokens(text)
    place = places(text)
    forums = {m.found[0]: m for m in _unheaded(text, find_all(text, "forum_body")) if not m.negated}
    verbs = [m for m in _deciding(text, "decide_verb") if not m.negated and nominal_root(m.found[-1].word) is None]
    for take in (m for m in [*_taken(text), *verbs] if not m.negated):
        first = place[take.found[0]]
        if any(t.word in _RELATIVE for t in toks[max(0, first - RELATIVE_REACH) : first]):
            continue  # "Keputusan yang diambil dalam rapat akan disosialisasikan": passed on, named by how it was taken
        end = place[take.found[-1]]
        window = [t for t in toks[end + 1 : end + 1 + IN_REACH] if t.clause == take.found[-1].clause]
        for t in window:
            if t.word in _IN:
                k = place[t] + 1
                while k < len(toks) and toks[k].word in _DETERMINER:
                    k += 1
                nxt = toks[k] if k < len(toks) else None
                if nxt is not None and nxt in forums:
                    return from_match(text, "deliberative", "forum_decides", take, forums[nxt])
    return None


def _by_instrument(text: str) -> Reading | None:
    """A deciding word followed in its clause by the instrument it decides through ("Lokasi
    pembangunan ditetapkan dengan Keputusan Kepala Dinas", "designated by mayoral decree"): the
    body that issues the instrument decides under its authority."""
    instruments = [m for m in _deciding(text, *INSTRUMENT) if not m.negated]
    titles = {t for m in instruments for t in m.found}
    for decides in (m for m in _deciding(text, "decide_verb", "enact_verb") if not m.negated):
        if not titles.isdisjoint(decides.found):
            continue  # "Keputusan Kepala Dinas Nomor 5 menjadi dasar": the title itself
        after = next((i for i in instruments if _after_in_clause(i, decides)), None)
        if after is not None:
            return from_match(text, "authority", "by_instrument", decides, after)
    return None


# words that open a clause set before the one who decides ("Setelah dibahas dalam rapat, Bupati
# menetapkan ...": the meeting discussed, the regent decides)
_SUBORDINATOR = frozenset(
    {"setelah", "sesudah", "sebelum", "usai", "seusai", "jika", "apabila", "bila", "kalau", "after", "before", "once"}
    | {"when", "following", "if", "upon", "where", "should", "unless", "failing", "manakala", "bilamana"}
)


_CONTRAST = frozenset({"tetapi", "namun", "sedangkan", "padahal", "but", "however", "whereas", "yet"})
RELATIVE_HEAD = 2  # words of the head before a relative pronoun ("kepada perusahaan yang ...")


def _subject_start(text: str, marker: Match) -> int:
    """Where the subject of a deciding word may start: the text's start, or the start of the
    deciding word's clause when a subordinate clause opens the text."""
    toks = tokens(text)
    before = [t for t in toks if t.end <= marker.found[0].start]
    # a relative clause: its head decides ("kepada perusahaan yang memutuskan jadwal")
    rel = next((k for k in range(len(before) - 1, max(-1, len(before) - 3), -1) if before[k].word in _RELATIVE), None)
    if rel is not None:
        return before[max(0, rel - RELATIVE_HEAD)].start
    # after a contrast, a new subject ("The committee is consulted, but the donor makes the final decision")
    turn = next((k for k in range(len(before) - 1, -1, -1) if before[k].word in _CONTRAST), None)
    if turn is not None and turn + 1 < len(before):
        return before[turn + 1].start
    if not toks or toks[0].word not in _SUBORDINATOR:
        return 0
    clause = marker.found[0].clause
    start = next((t.start for t in toks if t.clause == clause), 0)
    return start if clause != toks[0].clause else 0


_NUMBER_MARK = frozenset({"nomor", "no", "nr", "number"})
CITE_REACH = 4  # words of a name between an instrument and its number ("Peraturan Bupati Lombok Utara Nomor 5")


def _only_cited(text: str, authority: list[Match]) -> bool:
    """Is every authority named only in the title of an instrument cited by its number
    ("Keputusan Bupati Nomor 12 Tahun 2023 ... menjadi dasar ...", "Regent Decree No. 7 of 2022 is
    the basis of this plan"), with no deciding word beside it? A cited decree is a basis, not a
    body deciding here."""
    named = {t for m in find_all(text, *AUTHORITY, *INSTRUMENT) for t in m.found}
    # a deciding verb acts ("ditetapkan dengan Keputusan Bupati Nomor 12"); a deciding noun outside
    # the title with nobody to take it ("menjadi dasar penetapan lokasi") does not
    acts = (
        m
        for m in _deciding(text, "decide_verb", "enact_verb", "approval_noun")
        if not m.negated and named.isdisjoint(m.found) and nominal_root(m.found[-1].word) is None
    )
    if not authority or next(acts, None) is not None:
        return False
    return all(_cited(text, match, named) for match in authority)


def _cited(text: str, match: Match, named: set[Token]) -> bool:
    """Is ``match`` (an instrument or an authority) in the title of an instrument cited by its
    number ("Keputusan Bupati Lombok Utara Nomor 5")?"""
    toks = tokens(text)
    at = toks.index(match.found[-1]) + 1
    while at < len(toks) and at - toks.index(match.found[-1]) <= CITE_REACH:
        t = toks[at]
        if t.word in _NUMBER_MARK or t.word[:1].isdigit():
            return True
        if t not in named and not text[t.start : t.start + 1].isupper():
            return False
        at += 1
    return False


def _cited_titles(text: str) -> set[Token]:
    """The words of the instruments cited by their number in ``text``."""
    named = {t for m in find_all(text, *AUTHORITY, *INSTRUMENT) for t in m.found}
    return {t for m in find_all(text, *INSTRUMENT) if _cited(text, m, named) for t in m.found}


@lru_cache(maxsize=8192)
def deliberated(text: str) -> bool:
    """Is the decision taken in or after a deliberation ("dibahas dalam forum, kemudian
    ditetapkan oleh Bupati")? An authority deciding so keeps each party's say (seed 003)."""
    return any(not m.negated for m in find_all(text, "deliberation", "deliberative"))
