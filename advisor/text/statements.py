"""Statements a plan may make anywhere in its prose: sovereignty and non-interference, mutual
benefit, trust-building, each side's interests, regulatory differences, conflict-of-interest
safeguards. Near misses are not taken ("kedaulatan pangan" is food sovereignty, "konflik
kepentingan" is not a statement of interests, "pemangku kepentingan" are stakeholders), nor
negated statements ("tidak saling menguntungkan").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import pairwise

from advisor import knowledge
from advisor.text.lexicon import Key, Match, find_all, keys, phrases_in, words_of
from advisor.text.negation import NEGATORS, focus, negated, subject_denied
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import Token, places, tokens

TOPICS = (
    "sovereignty",
    "mutual_benefit",
    "trust_building",
    "interests",
    "regulatory_differences",
    "conflict_of_interest",
)

# A topic stated by two word classes in one clause: any regulation word with any word of
# difference, any power with its keeping.
_PAIRS = {
    "regulatory_differences": (("regulation_noun",), ("differ", "differ_forms")),
    "sovereignty": (("power_noun",), ("kept",)),
}
_ABSENT = {t: Reading("absent", f"no_{t}") for t in TOPICS}
# the purposes a statement needs one of (a phrase, a pair's word, a gain); a text with none of
# them states nothing, as most prose does
_PURPOSES = frozenset(
    [f"stmt_{t}" for t in TOPICS]
    + [p for pair in _PAIRS.values() for side in pair for p in side]
    + ["gain", "steer", "benefit_noun", "want", "tie_noun", "trust_noun", "share_verb", "distrust_noun", "coi_bar"]
    + ["need_verb", "in_proportion", "stake_noun", "involvement", "holder", "encroach", "openness", "aim_noun"]
    + ["coi_practice", "coi_ban", "money_record"]
)
# near misses of one topic only ("kesetaraan gender" is no equal standing of the sides,
# "kepentingan nasional" no side's interest)
_NEAR = {
    "mutual_benefit": "near_mutual_benefit",
    "interests": "near_interests",
    "regulatory_differences": "near_regulatory_differences",
}
# "untuk kepentingan pelaporan", "in the interest of time": a purpose, no side's interest
_FOR = frozenset({"untuk", "demi", "guna", "for", "in"})


@lru_cache(maxsize=16384)  # a pure function of the text; plans repeat their texts
def _read(text: str, topics: tuple[str, ...]) -> dict[str, Reading]:
    """Each topic's first statement in ``text``, in one scan."""
    present = phrases_in(text)
    # "bagi"/"for" are common: only two of them, opening clauses for two sides, state interests
    if _PURPOSES.isdisjoint(present) and ("for_side" not in present or len(find_all(text, "for_side")) < 2):
        return {t: _ABSENT[t] for t in topics}
    purposes = tuple(f"stmt_{t}" for t in topics)
    matches = find_all(text, *purposes, "stmt_not", "stmt_not_forms")
    excluded = {t for m in matches if m.purpose.startswith("stmt_not") for t in m.found}
    near = {topic: {t for m in find_all(text, purpose) for t in m.found} for topic, purpose in _NEAR.items()}
    out: dict[str, Reading] = {}
    for match in matches:
        topic = match.purpose[len("stmt_") :]
        if topic not in topics or topic in out or match.negated or _modifies_denied(text, match):
            continue
        if topic != "conflict_of_interest" and any(t in excluded for t in match.found):
            continue
        if topic in near and not near[topic].isdisjoint(match.found):
            continue
        if topic == "interests" and _for_a_purpose(text, match):
            continue
        if topic == "interests" and match.found[0].word in _WANTING and _served_subject(text, match):
            continue  # "Masyarakat menginginkan air bersih": the people served, no side
        if topic == "conflict_of_interest" and (_guard_missing(text, match) or _a_dispute(text, match)):
            continue
        if topic in _UNSETTLED_TOO and _guard_missing(text, match, before=topic != "sovereignty"):
            continue  # "Belum ada mekanisme untuk membangun kepercayaan", "Kepentingan ... belum diidentifikasi"
        if topic in _LOST_TOO and _lost(text, match):
            continue  # "Risiko hilangnya kepercayaan mitra", "keuntungan kedua belah pihak akan berkurang"
        if topic == "mutual_benefit" and match.found[0].word in _CONTRAST and _gains_compared(text, match):
            continue  # "..., sedangkan kelompok B memperoleh ...": the same gain compared
        if topic == "mutual_benefit" and _wanted_gain(text, match, last=True):
            continue  # "What each partner hopes to gain": an interest
        if topic == "mutual_benefit" and match.found[0].word in _CONTRAST and _gains_served(text, match):
            continue  # "Peserta memperoleh sertifikat, sedangkan narasumber memperoleh honorarium"
        if topic == "mutual_benefit" and any(
            _placed(text, m) for m in find_all(text, "both_sides") if m.found[0] in match.found
        ):
            continue  # "benefits reach patients in both districts": a place, not the sides
        if topic == "mutual_benefit" and _both_served(text, match):
            continue  # "The workshop benefits both teachers and students": the people served
        if (
            topic == "trust_building"
            and any(t.word in _TRUSTED for t in match.found)
            and not _trusted_by_both(text, match)
        ):
            continue  # "Yayasan ... adalah mitra terpercaya": one side's repute, no trust built between them
        out[topic] = from_match(text, "present", topic, match)
    for topic, found in _by_form(text).items():
        if topic in topics and topic not in out:
            first = min(found, key=lambda m: m.found[0].start)
            if topic in _UNSETTLED_TOO and _guard_missing(text, first, before=topic != "sovereignty"):
                continue
            last = max((t for m in found for t in m.found), key=lambda t: t.start)
            if topic in _LOST_TOO and topic != "trust_building" and _lost(text, first, last):
                continue  # distrust eased ("kecurigaan berkurang") builds trust: only the phrases above
            out[topic] = from_match(text, "present", topic, *found)
    return {t: out.get(t) or _ABSENT[t] for t in topics}


def _denied_between(text: str, a: Match, b: Match) -> bool:
    """Does a negator stand between ``a`` and ``b`` ("Skema bagi hasil belum memberikan manfaat yang
    setara bagi kedua daerah")? The predicate that joins them is denied."""
    first, second = (a, b) if a.found[0].start <= b.found[0].start else (b, a)
    toks = tokens(text)
    place = places(text)
    between = range(place[first.found[-1]] + 1, place[second.found[0]])
    return any(toks[k].word in NEGATORS and not focus(toks, k) for k in between)


_THAT = frozenset({"yang", "that", "which"})


def _modifies_denied(text: str, match: Match) -> bool:
    """Does ``match`` open a relative modifier ("yang setara") of a noun a negation reaches ("belum
    memberikan manfaat yang setara bagi kedua daerah")? The negation denies the noun with all that
    qualifies it."""
    toks = tokens(text)
    at = places(text)[match.found[0]]
    if at < 2 or toks[at - 1].word not in _THAT or toks[at - 2].clause != match.found[0].clause:
        return False
    return negated(toks, at - 2, (toks[at - 2],))


# trust as an attribute of one party ("mitra terpercaya", "mitra yang dapat dipercaya"): its root is the root
# of "kepercayaan", and a phrase of trust between the partners ("kepercayaan ~ mitra") would take it
_TRUSTED = frozenset({"terpercaya", "tepercaya", "dipercaya", "trusted", "trustworthy"})
TRUSTED_BY_REACH = 3  # words between "dipercaya"/"trusted" and the sides that trust ("trusted by both parties")


def _trusted_by_both(text: str, match: Match) -> bool:
    """Is what is trusted trusted by both sides ("agar hasilnya dipercaya kedua belah pihak", "so that they
    are trusted by both parties")? That is trust built between them, not one party's repute."""
    last = match.found[-1]
    return any(
        m.found[0].clause == last.clause
        and m.found[0].start - last.end >= 0
        and _gap(text, last, m) <= TRUSTED_BY_REACH
        for m in find_all(text, "both_sides")
    )


def _gap(text: str, before: Token, match: Match) -> int:
    """Words between ``before`` and the start of ``match``."""
    place = places(text)
    return place[match.found[0]] - place[before] - 1


def _both_served(text: str, match: Match) -> bool:
    """Is the "both" of a mutual-benefit phrase followed by the people a programme serves ("benefits both
    teachers and students", "manfaat bagi kedua kelompok peserta")?"""
    toks = tokens(text)
    both = next((t for t in match.found if t.word in ("both", "kedua")), None)
    if both is None:
        return False
    at = toks.index(both)
    rest = [t for t in toks[at + 1 : at + 3] if t.word not in _ARTICLES]
    return bool(rest) and rest[0] in words_of(text, "audience_noun", "party_noun") - words_of(text, *_SIDES)


def _for_a_purpose(text: str, match: Match) -> bool:
    """ "untuk kepentingan pelaporan": "kepentingan" as a purpose, unless said of the sides
    ("demi kepentingan kedua belah pihak")."""
    toks = tokens(text)
    i = toks.index(match.found[0])
    if i > 1 and toks[i - 1].word == "the":  # "in the interest of time"
        i -= 1
    if i == 0 or toks[i - 1].word not in _FOR or toks[i - 1].clause != match.found[0].clause:
        return False
    end = match.found[-1].end
    return not any(
        m.found[0].start >= end and m.found[0].clause == match.found[0].clause for m in find_all(text, "both_sides")
    )


# Topics that a plan states only when it says they are settled: "Kepentingan masing-masing pihak belum
# diidentifikasi" states no interests. A regulatory difference named as not yet dealt with is still named.
_UNSETTLED_TOO = ("sovereignty", "mutual_benefit", "trust_building", "interests")


_LOST_TOO = ("trust_building", "mutual_benefit")


def _lost(text: str, match: Match, last: Token | None = None) -> bool:
    """Is ``match`` said to be lost, falling or at risk in its clause ("Risiko hilangnya kepercayaan
    mitra", "the partners may lose trust", "keuntungan kedua belah pihak akan berkurang")?"""
    if any(_same_clause(m, match) and not m.negated for m in find_all(text, "topic_loss")):
        return True
    toks = tokens(text)
    end = toks.index(last if last is not None else match.found[-1])
    near = {t for t in toks[end + 1 : end + 1 + FALL_REACH] if t.clause == match.found[0].clause}
    return any(near.intersection(m.found) and not m.negated for m in find_all(text, "topic_fall"))


FALL_REACH = 3  # words from trust or a benefit to its falling ("kepercayaan para pihak dapat menurun")


def _guard_missing(text: str, match: Match, before: bool = True) -> bool:
    """Is a conflict of interest named after a safeguard denied in its clause ("No rules on
    conflicts of interest have been adopted", "Belum ada mekanisme pencegahan konflik
    kepentingan")? Then no safeguard is stated. The same for any topic named after a mechanism or
    a step denied ("Belum ada mekanisme untuk membangun kepercayaan"; ``before``: not for
    sovereignty, where "Tidak ada ketentuan yang mengurangi kedaulatan" keeps it), or said not yet
    dealt with ("belum diatur", "not yet addressed")."""
    if before and any(
        g.negated and _same_clause(g, match) and g.found[-1].end <= match.found[0].start
        for g in find_all(text, "coi_guard")
    ):
        return True
    # "Risiko benturan kepentingan belum dibahas", "have not yet been addressed": named, not dealt with
    return any(u.negated and _same_clause(u, match) for u in find_all(text, "coi_unsettled"))


_BETWEEN_GROUPS = ("antar", "between", "among")
_HAPPENS = frozenset(
    {
        "terjadi",
        "sering",
        "muncul",
        "timbul",
        "tantangan",
        "masalah",
        "occur",
        "occurs",
        "arise",
        "arises",
        "frequent",
        "often",
        "challenge",
    }
)


def _a_dispute(text: str, match: Match) -> bool:
    """Is "konflik kepentingan" / "conflict of interest" a clash between groups or uses stated as
    a problem ("Konflik kepentingan antarnelayan soal wilayah tangkap sering terjadi"), with no
    safeguard in its clause? That names the clash, not a guard against it."""
    words = [t.word for t in tokens(text) if t.clause == match.found[0].clause]
    after = [t.word for t in tokens(text) if t.clause == match.found[0].clause and t.start >= match.found[-1].end]
    clash = any(w.startswith(_BETWEEN_GROUPS) for w in after[:3]) or bool(_HAPPENS.intersection(words))
    guarded = any(_same_clause(g, match) for g in find_all(text, "coi_guard", "remedy", "disclose"))
    return clash and not guarded


def _same_clause(a: Match, b: Match) -> bool:
    return a.found[0].clause == b.found[0].clause


_RELATIVE = frozenset({"yang", "which", "that"})


def _relative(text: str, first: Match, second: Match) -> bool:
    """Is ``second`` in a relative clause right after the clause of ``first`` ("kewenangan kedua
    daerah, yang tetap berada pada masing-masing pemerintah daerah")?"""
    clause = second.found[0].clause
    if clause != first.found[0].clause + 1:
        return False
    opening = next((t for t in tokens(text) if t.clause == clause), None)
    return opening is not None and opening.word in _RELATIVE


def _negator_in(phrase: Match, negated: Match) -> bool:
    """Is the negator that covers ``negated`` a word of ``phrase`` ("tidak mengurangi")? Then it
    keeps, not denies."""
    return any(t.word in NEGATORS and t.start < negated.found[0].start for t in phrase.found)


def _paraphrased(text: str) -> dict[str, tuple[Match, ...]]:
    """Statements in any wording, read from word classes in one clause: steering a policy not
    done ("tidak akan mengarahkan kebijakan daerah", "refrain from intervening in internal
    policy decisions"); a benefit said of both sides ("keuntungan bagi kedua daerah"); what a
    side wants ("Desa ingin mendapatkan pendapatan tetap"); a tie disclosed or stood aside from
    ("wajib mengungkapkan setiap hubungan usaha dengan calon penyedia")."""
    out: dict[str, tuple[Match, ...]] = {}
    policy = find_all(text, "policy_noun")
    refrain = find_all(text, "refrain")
    # a side's own staff or bodies steered: "shall not instruct regency staff", "tidak diperkenankan
    # memberikan instruksi kepada aparatur pemerintah daerah"
    staff = find_all(text, "side_staff", "public_body", "authority_body")
    for steer in find_all(text, "steer"):
        held_back = (
            steer.negated
            or any(_same_clause(r, steer) and r.found[0].start < steer.found[0].start for r in refrain)
            or subject_denied(tokens(text), places(text)[steer.found[0]])  # "Neither city will impose ..."
        )
        noun = next((p for p in policy if _same_clause(p, steer)), None) or next(
            (b for b in staff if _same_clause(b, steer) and b.found[0].start > steer.found[-1].end), None
        )
        if held_back and noun is not None:
            out["sovereignty"] = (steer, noun)
            break
    benefits = [m for m in find_all(text, "benefit_noun") if not m.negated and not _wanted_gain(text, m)]
    sides = [m for m in find_all(text, "both_sides") if not _placed(text, m) and not _both_served(text, m)]
    benefit_of_both = (
        _first_with_in_clause(benefits, sides)
        or _benefit_for_two_sides(text, benefits)
        or _in_proportion(text)
        or _benefit_for_each_side(text)
        or _split_between_parties(text)
        or _both_gain(text)
    )
    if benefit_of_both:
        out["mutual_benefit"] = benefit_of_both
    near_miss = {t for m in find_all(text, "stmt_not_forms") for t in m.found}  # "pihak yang berkepentingan"
    audience = find_all(text, "audience_noun")  # "Peserta pelatihan ingin ...": people served, not a side
    want = next(
        (
            m
            for m in find_all(text, "want")
            if not m.negated
            and near_miss.isdisjoint(m.found)
            and not any(_same_clause(a, m) and a.found[-1].end <= m.found[0].start for a in audience)
            and not _of_the_served(text, m, audience)
            and not _served_subject(text, m)  # "Warga berharap jalan segera diperbaiki"
        ),
        None,
    )
    if want is not None:
        out["interests"] = (want,)
    _trust_and_sharing(text, out)
    sides_named = _for_each_side(text) or _side_aims(text)
    if sides_named:
        out.setdefault("interests", sides_named)
    ties = find_all(text, "tie_noun")
    disclosed = _first_with_in_clause([m for m in find_all(text, "disclose") if not m.negated], ties)
    if disclosed:
        act, tie = disclosed
        out["conflict_of_interest"] = (tie, act)
    barred = (
        _barred_double_role(text)
        or _officer_of_the_other_side(text)
        or _judge_with_a_tie(text, ties)
        or _gift_barred(text)
        or _stake_set_aside(text)
        or _practice_barred(text)
        or _kin_of_an_official_barred(text)
        or _own_kin_favoured_barred(text)
        or _judge_barred_from_bidding(text)
        or _official_as_supplier_barred(text)
        or _holding_barred(text)
        or _former_official_barred(text)
    )
    if barred:
        out.setdefault("conflict_of_interest", barred)
    denied = (
        _power_denied_to_the_other_side(text, policy)
        or _kept_by_government(text, policy)
        or _harm_denied(text)
        or _interference_barred(text)
    )
    if denied:
        out.setdefault("sovereignty", denied)
    return out


# interfering, of the encroaching words: said of one side towards the other, its bar is non-interference
_INTERFERE = frozenset(
    {"campur", "mencampuri", "intervensi", "mengintervensi", "interfere", "interferes", "interference",
     "intervene", "intervenes", "intervention", "meddle", "meddles"}
)  # fmt: skip
# the other side as the one interfered with: "the other's", "each other's", "pihak lain", "satu sama lain"
_OTHER = frozenset({"other", "other's", "others", "lain", "lainnya", "masing-masing", "either", "another"})


def _interference_barred(text: str) -> tuple[Match, ...]:
    """Interference in the other side barred ("Neither party may interfere in the other's internal
    administration", "Para pihak tidak akan mencampuri kebijakan pihak lain", "No partner shall intervene
    in the decisions of another"): an interfering word denied, barred or said of a denied subject, with
    the other side after it in its clause. Interference in a thing ("interfere with fishing routes") or
    an interference allowed is none."""
    harms = [m for m in find_all(text, "encroach") if m.found[0].word in _INTERFERE]
    if not harms:
        return ()
    toks = tokens(text)
    place = places(text)
    bars = find_all(text, "coi_bar", "coi_ban")
    for harm in harms:
        at = place[harm.found[0]]
        barred = (
            harm.negated
            or subject_denied(toks, at)
            or any(_same_clause(b, harm) and b.found[-1].end <= harm.found[0].start and not b.negated for b in bars)
        )
        after = [t for t in toks[at + 1 :] if t.clause == harm.found[0].clause]
        if barred and any(t.word in _OTHER for t in after):
            return (harm,)
    return ()


def _harm_denied(text: str) -> tuple[Match, ...]:
    """Harm to a side's power denied ("tidak boleh mengganggu kedaulatan NKRI", "shall not
    compromise the sovereignty of the Republic", "Nothing in this memorandum affects the authority
    of the Government of Indonesia"): a harm negated, or in a clause opened by "nothing", before a
    power that is a state's by nature or is named with a public body or a side after it."""
    harms = find_all(text, "encroach")
    if not harms:
        return ()
    toks = tokens(text)
    nothing = {m.found[0].clause for m in find_all(text, "nothing") if _opens_clause(toks, m)}
    sovereign = {t for m in find_all(text, "sovereign_power") for t in m.found}
    holders = find_all(text, *_HOLDERS)
    sector = words_of(text, "stmt_not")  # "tidak mengganggu kedaulatan pangan": no side's power
    powers = [p for p in find_all(text, "power_noun") if sector.isdisjoint(p.found)]
    orders = find_all(text, "state_order")
    for harm in harms:
        if not (harm.negated or harm.found[0].clause in nothing):
            continue
        # "tidak mengganggu stabilitas politik dan keamanan dalam negeri": the statutory condition of foreign
        # cooperation (UU 24/2000, PP 28/2018), the state's order left undisturbed
        order = next((o for o in orders if _same_clause(o, harm) and o.found[0].start > harm.found[-1].end), None)
        if order is not None:
            return (harm, order)
        for power in powers:
            if not _same_clause(power, harm) or power.found[0].start <= harm.found[-1].end:
                continue
            if not sovereign.isdisjoint(power.found) or any(
                _same_clause(h, power) and h.found[0].start >= power.found[-1].end for h in holders
            ):
                return (harm, power)
    return ()


def _a_sides_power(text: str, power: Match) -> bool:
    """Is ``power`` a state's by nature ("kedaulatan", "sovereignty") or named with a public body or
    a side in its clause ("kewenangan Pemerintah Kabupaten", "authority of either City Government")?"""
    if any(m.found == power.found or set(power.found) & set(m.found) for m in find_all(text, "sovereign_power")):
        return True
    return any(_same_clause(h, power) for h in find_all(text, *_HOLDERS))


_HOLDERS = ("public_body", "authority_body", "coop_side", "both_sides", "other_side")


def _opens_clause(toks: tuple[Token, ...], match: Match) -> bool:
    """Does ``match`` open its clause, or the clause said after "bahwa"/"that"?"""
    i = toks.index(match.found[0])
    return i == 0 or toks[i - 1].clause != match.found[0].clause or toks[i - 1].word in ("bahwa", "that")


SIDE_NAME_REACH = 6  # words from an aim to the copula after the side's name
_COPULA = frozenset({"adalah", "ialah", "yaitu", "yakni", "berupa", "is", "are", "lies", "lie", "was", "were"})
# what an activity is, and the people it serves: their aims and needs are no side's interests
_NOT_A_SIDE = frozenset(
    {
        "project",
        "programme",
        "program",
        "activity",
        "training",
        "study",
        "plan",
        "workshop",
        "survey",
        "meeting",
        "community",
        "communities",
        "resident",
        "residents",
        "people",
        "children",
        "child",
        "women",
        "farmers",
        "fishers",
        "households",
        "villagers",
        "public",
        "population",
    }
)


def _side_aims(text: str) -> tuple[Match, ...]:
    """What a side wants, said of the side ("Tujuan Pemerintah Desa adalah meningkatkan PADes",
    "KOICA's interest is to demonstrate its model", "the university's aim is research sites"): an aim
    with a side after it (Indonesian) or a possessor before it (English), then what it is; or two
    such aims. "Tujuan kegiatan adalah ...", "the project's aim is ..." are an activity's purpose."""
    aims = find_all(text, "aim_noun")
    if not aims:
        return ()
    toks = tokens(text)
    place = places(text)
    sides, audience = words_of(text, *_SIDES), words_of(text, "audience_noun")
    found: list[Match] = []
    for aim in (m for m in aims if not m.negated):
        i, end = place[aim.found[0]], place[aim.found[-1]]
        if aim.phrase.lang == "id":  # "Tujuan Pemerintah Kota Denpasar adalah ...": the copula after the side's name
            after = [t for t in toks[end + 1 : end + 1 + SIDE_NAME_REACH] if t.clause == aim.found[0].clause]
            side = bool(after) and after[0] in sides
            rest = after[1:]
        else:  # "KOICA's interest", "the city's main interest"
            before = [t for t in toks[max(0, i - 2) : i] if t.clause == aim.found[0].clause]
            owner = next((t for t in reversed(before) if t.word.endswith("'s")), None)
            side = owner is not None and owner.word[:-2] not in _NOT_A_SIDE and owner not in audience
            rest = [t for t in toks[end + 1 : end + 2] if t.clause == aim.found[0].clause]
        if not side:
            continue
        found.append(aim)
        if any(t.word in _COPULA for t in rest) or len(found) == 2:
            return tuple(found)
    return ()


SIDES_REACH = 6  # words from "bagi"/"for" to the second side ("bagi Kota Kupang dan Kabupaten Kupang")
_AND = frozenset({"dan", "serta", "maupun", "and"})


def _benefit_for_two_sides(text: str, benefits: list[Match]) -> tuple[Match, ...]:
    """A benefit for two sides joined by "dan"/"and" ("memberikan keuntungan bagi Kota Kupang dan
    Kabupaten Kupang", "a benefit for the city and the cement plant"): both sides of a cooperation,
    not the people served ("manfaat bagi petani dan nelayan")."""
    if not benefits:
        return ()
    toks = tokens(text)
    place = places(text)
    sides, served = words_of(text, *_SIDES), words_of(text, "audience_noun")
    for benefit in benefits:
        if _two_sides_after(text, benefit, toks, place, sides, served):
            return (benefit,)
    return ()


def _two_sides_after(
    text: str,
    match: Match,
    toks: tuple[Token, ...] | None = None,
    place: Mapping[Token, int] | None = None,
    sides: set[Token] | None = None,
    served: set[Token] | None = None,
    by: bool = False,
) -> bool:
    """Are two sides of the cooperation named after ``match``, after "bagi"/"kepada"/"for"/"to" and
    joined by "dan"/"and" ("keuntungan bagi Kota Kupang dan Kabupaten Kupang", "dibagi kepada
    Perseroda dan investor")?"""
    toks = toks if toks is not None else tokens(text)
    place = place if place is not None else places(text)
    sides = sides if sides is not None else {t for m in find_all(text, *_SIDES) for t in m.found}
    served = served if served is not None else {t for m in find_all(text, "audience_noun") for t in m.found}
    end = place[match.found[-1]]
    clause = _clause_of(text)
    after = [t for t in toks[end + 1 : end + 1 + FOR_REACH + SIDES_REACH] if clause[t] == clause[match.found[0]]]
    ends = _TO | _AMONG | (_BY if by else frozenset())  # "shared equally by the village and the operator"
    to = next((k for k, t in enumerate(after[: FOR_REACH + 1]) if t.word in ends), None)
    if to is None:
        return False
    rest = [t for t in after[to + 1 :] if t.word not in _ARTICLES]
    joiner = next((k for k, t in enumerate(rest) if t.word in _AND), None)
    if joiner is None or not rest or rest[0] not in sides or rest[0] in served:
        return False
    # the second side's head may follow a modifier ("the tour operator", "the processing company")
    return any(t in sides and t not in served for t in rest[joiner + 1 : joiner + 3])


_AMONG = frozenset({"antara", "between", "among"})
_BY = frozenset({"oleh", "by"})


@lru_cache(maxsize=4096)
def _clause_of(text: str) -> dict[Token, int]:
    """Each word's clause, with a ratio's colon joining what it splits ("dibagi 60:40 antara BUMD dan
    mitra" is one clause: the sharing, its ratio and the sides)."""
    toks = tokens(text)
    out: dict[Token, int] = {}
    joined = 0
    for before, token in zip((None, *toks), toks, strict=False):
        if (
            before is not None
            and token.clause == before.clause + 1
            and before.word.isdigit()
            and token.word.isdigit()
            and text[before.end : token.start].strip() == ":"
        ):
            joined += 1
        out[token] = token.clause - joined
    return out


def _joined(text: str, a: Match, b: Match) -> bool:
    """Are ``a`` and ``b`` in one clause, a ratio's colon aside?"""
    clause = _clause_of(text)
    return clause[a.found[0]] == clause[b.found[0]]


def _of_the_served(text: str, want: Match, audience: list[Match]) -> bool:
    """Is a noun of wanting said of the people served, right after it ("motivasi belajar siswa",
    "expectations of visitors")?"""
    toks = tokens(text)
    at = toks.index(want.found[-1]) + 1
    near = {t for t in toks[at : at + 3] if t.clause == want.found[0].clause}
    return any(near.intersection(a.found) for a in audience)


def _kept_by_government(text: str, policy: list[Match]) -> tuple[Match, ...]:
    """A policy or a power kept in a government's hands ("Kebijakan tata ruang tetap sepenuhnya
    berada di tangan pemerintah kabupaten", "Planning stays with the city government"): a policy,
    the word that keeps it, where it is held, and a public body, in that order in one clause.
    "Keputusan akhir tetap di tangan investor" keeps it with a party, no sovereignty."""
    holders = find_all(text, "holder")
    if not holders:
        return ()
    kept = find_all(text, "kept")
    bodies = find_all(text, "public_body", "authority_body")
    for thing in [*policy, *find_all(text, "power_noun")]:
        keep = next((k for k in kept if _same_clause(k, thing) and k.found[0].start > thing.found[-1].end), None)
        start = keep.found[-1].end if keep is not None else thing.found[-1].end
        hold = next((h for h in holders if _same_clause(h, thing) and h.found[0].start >= start), None)
        if hold is None:
            continue
        body = next((b for b in bodies if _same_clause(b, hold) and b.found[0].start >= hold.found[-1].end), None)
        if body is not None and (keep is not None or hold.phrase.lang == "en"):
            return (thing, hold, body)
    return ()


_PLACE = frozenset({"di", "in", "at", "across", "throughout"})


def _placed(text: str, sides: Match) -> bool:
    """Are both sides named as a place ("warga di kedua kabupaten", "patients in both districts")?
    That is where something happens, not who gains from the cooperation."""
    toks = tokens(text)
    i = toks.index(sides.found[0])
    return i > 0 and toks[i - 1].word in _PLACE and toks[i - 1].clause == sides.found[0].clause


def _in_proportion(text: str) -> tuple[Match, ...]:
    """A gain shared by what each side puts in ("menikmati hasil secara proporsional sesuai
    kontribusi masing-masing", "proceeds in proportion to its contribution"): a share, a gain and
    a side's stake in one clause. A fine or a cost set in proportion to a size is none."""
    found = find_all(text, "in_proportion")
    if not found:
        return ()
    gains = [m for m in find_all(text, "gain", "yield_noun", "benefit_noun") if not m.negated]
    stakes = find_all(text, "contribution_noun", "both_sides", "between")
    for share in (m for m in found if not m.negated):
        gain = next((g for g in gains if _same_clause(g, share)), None)
        stake = next((x for x in stakes if _same_clause(x, share) and set(x.found).isdisjoint(share.found)), None)
        if gain is not None and stake is not None:
            return (gain, share, stake)
    return ()


FOR_REACH = 2  # words between a benefit and the side it is for ("manfaat utama bagi desa")


def _benefit_for_each_side(text: str) -> tuple[Match, ...]:
    """A benefit named for one side, then for another after a contrast or in a clause of its own
    ("Manfaat bagi desa berupa retribusi, sedangkan bagi koperasi berupa akses pasar", "The
    benefit for the city is ..., while for the recycler ...")."""
    fors = find_all(text, "for_side")
    if len(fors) < 2:
        return ()
    toks = tokens(text)
    place = places(text)
    sides = words_of(text, *_SIDES)
    for benefit in (m for m in find_all(text, "benefit_noun", "gain") if not m.negated):
        end = place[benefit.found[-1]]
        first = next((f for f in fors if _same_clause(f, benefit) and 0 < place[f.found[0]] - end <= FOR_REACH), None)
        if first is None:
            continue
        for other in fors:
            i = place[other.found[0]]
            if i <= place[first.found[-1]] + 1:
                continue
            if toks[i - 1].clause != other.found[0].clause or toks[i - 1].word in _CONTRAST:
                return (benefit, first, other)
            # "keuntungan bagi PT Pelindo berupa ... dan bagi Pemerintah Provinsi berupa ...": two sides
            if (
                toks[i - 1].word in _AND
                and _side_after(toks, place, first, sides)
                and _side_after(toks, place, other, sides)
            ):
                return (benefit, first, other)
    return ()


_TO = frozenset({"untuk", "bagi", "kepada", "for", "to"})


def _side_after(toks: tuple[Token, ...], place: Mapping[Token, int], match: Match, sides: set[Token]) -> bool:
    """Is the word after ``match`` (an article aside) a side of the cooperation?"""
    at = place[match.found[-1]] + 1
    while at < len(toks) and toks[at].word in _ARTICLES:
        at += 1
    return at < len(toks) and toks[at] in sides


BOTH_REACH = 4  # words from "both"/"kedua daerah" to what they gain ("Both regencies save on ...")
OBJECT_REACH = 3  # words after a gain that name what is gained


def _both_gain(text: str) -> tuple[Match, ...]:
    """Both sides as the subject of a gain ("Both regencies save on landfill costs", "Kedua daerah sama-sama
    menghemat biaya"): a mutual benefit in any verb of gaining. A paper received ("Each party shall receive
    a copy of the agreement", "memperoleh satu salinan naskah") or a permit obtained is a formality, a harm
    received ("Kedua desa menerima banjir kiriman") no gain, and the people served between ("Both
    participants receive ...") are no sides."""
    gains = find_all(text, "gain")
    if not gains:
        return ()
    toks = tokens(text)
    place = places(text)
    served = words_of(text, "audience_noun")
    papers = words_of(text, "not_gained")
    for both in (m for m in find_all(text, "both_sides") if not m.negated and not _placed(text, m)):
        end = place[both.found[-1]]
        if len(both.found) == 1 and not _a_side_after(toks, end):  # "Both schools receive laptops": the served
            continue
        for gain in gains:
            at = place[gain.found[0]]
            # "Both the city and the cement plant save ...": the pair named before the gain
            reach = BOTH_REACH * 2 if any(t.word in _AND for t in toks[end + 1 : at]) else BOTH_REACH
            if gain.negated or not _same_clause(gain, both) or not 0 < at - end <= reach:
                continue
            if any(t in served for t in toks[end + 1 : at]) or _wanted_gain(text, gain):
                continue
            if any(_same_clause(o, gain) for o in find_all(text, "outside_source")):
                continue  # "Both districts receive funds from the national budget"
            last = place[gain.found[-1]]
            gained = [t for t in toks[last + 1 : last + 1 + OBJECT_REACH] if t.clause == gain.found[0].clause]
            if papers.isdisjoint(gained):
                return (both, gain)
    return ()


def _a_side_after(toks: tuple[Token, ...], at: int) -> bool:
    """Is the word after ``toks[at]`` (articles aside) a side of a cooperation, singular or plural ("both
    regencies", "both the city and ...")?"""
    rest = [t.word for t in toks[at + 1 : at + 3] if t.word not in _ARTICLES]
    if not rest:
        return False
    word = rest[0]
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return word in _side_words() or singular in _side_words()


def _split_between_parties(text: str) -> tuple[Match, ...]:
    """What the cooperation yields split by shares between named parties ("Hasil penjualan dibagi
    dua: 60 persen untuk BUMDes dan 40 persen untuk koperasi", "Revenue is split 70 per cent to
    the village and 30 per cent to the operator"); a budget allocated to items is none."""
    what = next(iter(find_all(text, "yield_noun")), None)
    if what is None:
        return ()
    toks = tokens(text)
    parties = words_of(text, *_PARTIES, "coop_side")  # "60 persen untuk Perumda": a region's enterprise too
    shares = []
    for i, token in enumerate(toks[:-1]):
        if token.word not in _TO or i < 1:
            continue
        figure = any(t.word[:1].isdigit() or t.word in ("persen", "percent", "%") for t in toks[max(0, i - 3) : i])
        after = next((t for t in toks[i + 1 :] if t.word not in _ARTICLES), None)
        if figure and after is not None and after in parties:
            shares.append(after)
    return (what,) if len({t.word for t in shares}) >= 2 else ()


def _practice_barred(text: str) -> tuple[Match, ...]:
    """A practice that is a conflict of interest by its name barred or kept out ("Rangkap jabatan antara
    pengawas dan pelaksana dilarang", "Nepotism in hiring is prohibited", "bebas dari praktik korupsi,
    kolusi dan nepotisme", "free of collusion"): a ban in its clause, on either side, that no negation
    denies ("Tidak ada larangan rangkap jabatan"), or freedom from it before it in its list. Only named
    ("Praktik KKN masih marak") it is a problem, no safeguard."""
    practices = find_all(text, "coi_practice")
    if not practices:
        return ()
    bans = [b for b in find_all(text, "coi_ban", "coi_bar") if not b.negated]
    frees = [f for f in find_all(text, "coi_free") if not f.negated]
    for practice in practices:
        ban = next((b for b in bans if _same_clause(b, practice) and set(b.found).isdisjoint(practice.found)), None)
        if ban is not None:
            return (practice, ban)
        free = next((f for f in frees if _in_its_list(text, f, practice)), None)
        if free is not None:
            return (free, practice)
    return ()


LIST_REACH = 2  # clauses from "bebas dari" to a practice in the list after it ("korupsi, kolusi dan nepotisme")


def _in_its_list(text: str, before: Match, after: Match) -> bool:
    """Is ``after`` in the clause of ``before``, after it, or in the list of items that follows it,
    joined by commas only?"""
    if after.found[0].start < before.found[-1].end:
        return False
    if _same_clause(before, after):
        return True
    between = text[before.found[-1].end : after.found[0].start]
    return after.found[0].clause - before.found[0].clause <= LIST_REACH and not any(c in between for c in ".;:!?")


KIN_REACH = 2  # words from kin to the official they are kin of ("keluarga kepala desa", "relatives of officials")
_KIN_OF = frozenset({"of", "the", "a", "an", "any", "dari", "dengan", "with", "para", "seorang"})


def _kin_of_an_official_barred(text: str) -> tuple[Match, ...]:
    """Kin of an official barred from a role ("Penyedia jasa tidak boleh berasal dari keluarga perangkat
    desa", "Contracts may not be awarded to relatives of village officials", "dilarang memiliki hubungan
    keluarga dengan perangkat desa"): a ban, then kin, then an official, in one clause. Kin of no official
    ("tidak boleh berasal dari keluarga mampu") or kin before the ban ("Family members of patients are not
    allowed in the ward") is none."""
    kin = find_all(text, "coi_kin")
    if not kin:
        return ()
    officials = find_all(text, "coi_official")
    if not officials:
        return ()
    toks = tokens(text)
    place = places(text)
    for ban in (b for b in find_all(text, "coi_bar", "coi_ban") if not b.negated):
        end = place[ban.found[-1]]
        for k in kin:
            if not _same_clause(k, ban) or place[k.found[0]] <= end:
                continue
            last = place[k.found[-1]]
            for o in officials:  # the official right after the kin, only "of"/"dengan" between
                gap = toks[last + 1 : place[o.found[0]]]
                after = place[o.found[0]] > last
                if after and _same_clause(o, k) and len(gap) <= KIN_REACH and all(t.word in _KIN_OF for t in gap):
                    return (ban, k)
    return ()


def _official_as_supplier_barred(text: str) -> tuple[Match, ...]:
    """An official or an officer barred from supplying the body they serve, self-dealing ("Pengurus koperasi
    tidak boleh menjadi pemasok bagi koperasi", "ASN dilarang menjadi penyedia", "Board members may not act as
    contractors"): an official before the ban in its clause, a role taken right after it, and a supplier right
    after the role. Another role ("menjadi anggota koperasi lain") or a supplier barred ("Kontraktor tidak
    boleh menjadi subkontraktor") is none."""
    suppliers = find_all(text, "coi_supplier")
    if not suppliers:
        return ()
    place = {t: i for i, t in enumerate(tokens(text))}
    officials = find_all(text, "coi_official", "coi_officer")
    for bar, role, clause in _bars_with_a_role(text, find_all(text, "coi_take_role"), place):
        at = place[role.found[-1]]
        if not any(s.found[0].clause == clause and 0 < place[s.found[0]] - at <= OFFICER_REACH for s in suppliers):
            continue
        start = bar.found[0].start
        subject = [o for o in officials if o.found[0].clause == clause and o.found[-1].end <= start]
        if subject and not any(s.found[0].clause == clause and s.found[-1].end <= start for s in suppliers):
            return (bar, role)
    return ()


HOLDING_REACH = 3  # words between a ban and the stake or office it bars


def _holding_barred(text: str) -> tuple[Match, ...]:
    """An official, an officer or a judge barred from a stake or an office in a body ("Pejabat yang menilai
    proposal dilarang memiliki saham atau jabatan pada calon badan usaha", "Members of the evaluation panel
    may not hold shares in any bidding company", "Pejabat dinas tidak boleh memegang jabatan direksi pada
    badan usaha mitra"): one who serves the public or judges, before the ban in its clause, and the holding
    right after it. A cap on a party's own stake ("Investor asing tidak boleh memiliki saham lebih dari 49
    persen") is no safeguard: the one barred serves no one."""
    holdings = find_all(text, "coi_holding")
    if not holdings:
        return ()
    place = places(text)
    serving = find_all(text, "coi_official", "coi_judge", "coi_staff")
    for ban in (b for b in find_all(text, "coi_bar", "coi_ban") if not b.negated):
        end = place[ban.found[-1]]
        held = next(
            (h for h in holdings if _same_clause(h, ban) and 0 < place[h.found[0]] - end <= HOLDING_REACH), None
        )
        if held is None or _capped(text, held):
            continue  # "tidak boleh memegang jabatan lebih dari dua periode": a limit, not a bar
        if any(_same_clause(o, ban) and o.found[-1].end <= ban.found[0].start for o in serving):
            return (ban, held)
    return ()


_MORE = frozenset({"lebih", "melebihi", "more", "exceeding", "over", "above"})
CAP_REACH = 2  # words between a holding and the "lebih dari"/"more than" of its cap


def _capped(text: str, held: Match) -> bool:
    """Is a holding limited in size or time right after it ("saham lebih dari 49 persen", "more than two
    terms")?"""
    toks = tokens(text)
    at = places(text)[held.found[-1]]
    return any(t.word in _MORE and t.clause == held.found[-1].clause for t in toks[at + 1 : at + 1 + CAP_REACH])


def _rules_compared(text: str) -> tuple[Match, ...]:
    """The rules of two sides set side by side ("Ketentuan hibah luar negeri di Indonesia dibandingkan
    dengan aturan pemberi hibah", "The procurement rules of the city were compared with the donor's
    procurement guidelines"): a word of comparing with a rule before it and a rule after it in its clause.
    A figure compared with a standard ("Capaian layanan dibandingkan dengan standar pelayanan minimal") or
    with an earlier year has a rule on one side only."""
    rules = find_all(text, "regulation_noun")
    if len(rules) < 2:
        return ()
    for compare in (m for m in find_all(text, "compare_word") if not m.negated):
        before = next(
            (r for r in rules if _same_clause(r, compare) and r.found[-1].end <= compare.found[0].start), None
        )
        after = [r for r in rules if _same_clause(r, compare) and r.found[0].start >= compare.found[-1].end]
        if before is not None and after:
            return (before, compare, after[0])
        # "membandingkan standar baku mutu Indonesia dengan standar kota mitra", "compare A with B"
        toks = tokens(text)
        place = places(text)
        for first, second in pairwise(after):
            between = toks[place[first.found[-1]] + 1 : place[second.found[0]]]
            if any(t.word in _WITH for t in between):
                return (first, compare, second)
    return ()


_WITH = frozenset({"dengan", "terhadap", "with", "to", "against"})


def _judge_barred_from_bidding(text: str) -> tuple[Match, ...]:
    """Those who judge or steer barred from competing for what they judge ("Members of the steering
    committee may not bid for project contracts", "Anggota tim penilai dilarang mengikuti tender"): a
    judging role before the ban in its clause and a bid right after it. A bidder barred from bidding more
    ("Contractors may not bid for more than two packages", "Peserta lelang tidak boleh mengajukan penawaran
    lebih dari satu paket") is none."""
    bids = find_all(text, "coi_bid")
    if not bids:
        return ()
    place = places(text)
    judges = find_all(text, "coi_judge")
    bidders = find_all(text, "coi_party")  # "Peserta lelang tidak boleh ...": the bidders themselves
    for ban in (b for b in find_all(text, "coi_bar", "coi_ban") if not b.negated):
        end = place[ban.found[-1]]
        bid = next((x for x in bids if _same_clause(x, ban) and 0 < place[x.found[0]] - end <= ROLE_REACH), None)
        if bid is None or any(_same_clause(p, ban) and p.found[-1].end <= ban.found[0].start for p in bidders):
            continue
        if any(_same_clause(j, ban) and j.found[-1].end <= ban.found[0].start for j in judges):
            return (ban, bid)
    return ()


def _own_kin_favoured_barred(text: str) -> tuple[Match, ...]:
    """One barred from favouring their own kin with a job or a contract ("Kepala desa dilarang menunjuk
    keluarganya sebagai pemasok", "Officials may not award contracts to companies owned by their
    relatives"): a ban, one's own kin after it, and a hiring or a supplier in the clause. Kin only brought
    along ("Staff may not bring their family members to the site") is none."""
    own = find_all(text, "coi_own_kin")
    if not own:
        return ()
    favours = find_all(text, "coi_favour", "coi_party", "coi_org")
    for ban in (b for b in find_all(text, "coi_bar", "coi_ban") if not b.negated):
        kin = next((k for k in own if _same_clause(k, ban) and k.found[0].start > ban.found[-1].end), None)
        if kin is not None and any(_same_clause(f, ban) and set(f.found).isdisjoint(kin.found) for f in favours):
            return (ban, kin)
    return ()


def _former_official_barred(text: str) -> tuple[Match, ...]:
    """A former official barred from joining the other side for a time, a cooling-off clause ("Mantan
    pegawai dinas tidak boleh menjadi penyedia dalam dua tahun", "Former agency staff may not work for the
    contractor"): former officials, a ban, then a party the cooperation deals with, in one clause. Former
    people of no office ("Mantan pekerja migran dilatih menjadi pemandu") are none."""
    formers = find_all(text, "coi_former")
    if not formers:
        return ()
    toks = tokens(text)
    place = places(text)
    officials = find_all(text, "coi_official", "coi_staff")
    parties = words_of(text, "coi_party", "coi_org")
    for former in formers:
        at = place[former.found[-1]]
        official = next((o for o in officials if _same_clause(o, former) and 0 < place[o.found[0]] - at <= 2), None)
        if official is None:
            continue
        ban = next(
            (
                b
                for b in find_all(text, "coi_bar", "coi_ban")
                if not b.negated and _same_clause(b, former) and b.found[0].start > official.found[-1].end
            ),
            None,
        )
        if ban is None:
            continue
        if any(t in parties and t.clause == ban.found[0].clause for t in toks[place[ban.found[-1]] + 1 :]):
            return (former, ban)
    return ()


def _stake_set_aside(text: str) -> tuple[Match, ...]:
    """Someone with a stake of their own standing aside from what touches it ("Pejabat yang
    mempunyai usaha angkutan tidak ikut membahas tarif", "Councillors who own a business in the
    market do not take part in setting the fees"); a stake only named is no safeguard."""
    asides = find_all(text, "stand_aside")
    declared = find_all(text, "declare")  # "pernyataan tidak memiliki kepentingan dengan calon penyedia"
    for stake in find_all(text, "stake_noun"):
        # either order: "tidak ikut membahas" after the stake, or "shall not vote on matters in which they
        # have a personal interest" before it
        aside = next((a for a in asides if _same_clause(a, stake) and set(a.found).isdisjoint(stake.found)), None)
        aside = aside or next((d for d in declared if _same_clause(d, stake)), None)
        if aside is not None:
            return (stake, aside)
    return ()


def _first_with_in_clause(anchors: list[Match], others: list[Match]) -> tuple[Match, Match] | None:
    """The first anchor with one of ``others`` in its clause, and that other: a benefit said of
    both sides, a tie disclosed."""
    for anchor in anchors:
        other = next((o for o in others if _same_clause(o, anchor)), None)
        if other is not None:
            return anchor, other
    return None


def _judge_with_a_tie(text: str, ties: list[Match]) -> tuple[Match, ...]:
    """A judge with a tie kept out ("No member of the selection panel may be related to an
    applicant", "Anggota tim juri yang memiliki hubungan kerabat dengan peserta tidak dilibatkan
    dalam penilaian"): a tie, a judging role and a negation in one clause."""
    toks = tokens(text)
    for tie in ties:
        clause = tie.found[0].clause
        judge = next((j for j in find_all(text, "coi_judge") if j.found[0].clause == clause), None)
        if _guard_missing(text, tie):  # "Belum ada mekanisme pencegahan konflik kepentingan dalam pengadaan"
            continue
        if judge is not None and any(t.clause == clause and t.word in NEGATORS for t in toks):
            return (tie, judge)
    return ()


def _gift_barred(text: str) -> tuple[Match, ...]:
    """A gift or a favour barred ("Staf dinas dilarang menerima hadiah dari calon penyedia",
    "must not accept hospitality"): taken by an official, a judge or a supplier, or given to an
    official or a judge; not a contest's prize ("hadiah ganda", a prize given to participants)."""
    toks = tokens(text)
    place = places(text)
    verbs = find_all(text, "accept_verb", "give_verb")
    gifts = find_all(text, "gift_noun")
    people = {t for m in find_all(text, "coi_party", "coi_staff", "coi_judge") for t in m.found}
    officials = {t for m in find_all(text, "coi_staff", "coi_judge") for t in m.found}  # a gift given: to whom
    for bar in find_all(text, "coi_bar"):
        end, clause = place[bar.found[-1]], bar.found[0].clause
        verb = next(
            (a for a in verbs if a.found[0].clause == clause and 0 < place[a.found[0]] - end <= ROLE_REACH), None
        )
        if verb is None or not any(g.found[0].clause == clause for g in gifts):
            continue
        given = verb.purpose == "give_verb"
        reach = toks[place[verb.found[-1]] + 1 :] if given else toks
        if any(t in (officials if given else people) and t.clause == clause for t in reach):
            return (bar, verb)
    return ()


def _power_denied_to_the_other_side(text: str, policy: list[Match]) -> tuple[Match, ...]:
    """The other side denied a power over a side's policy ("Mitra asing tidak berwenang mengatur
    kebijakan pemerintah daerah", "The foreign partner has no say over the regency's planning
    decisions"): non-interference in other words."""
    sides = find_all(text, "other_side")
    # what is decided: a policy, or any decision the power is to make ("tidak berhak menentukan lokasi")
    decided = [*policy, *find_all(text, "decide_verb")]
    for power in (m for m in find_all(text, "power_noun", "involvement") if m.negated or _any_denied(text, m)):
        clause = power.found[0].clause
        side = next((x for x in sides if x.found[0].clause == clause and x.found[-1].end <= power.found[0].start), None)
        noun = next(
            (p for p in decided if p.found[0].clause == clause and p.found[0].start > power.found[0].start), None
        )
        if side is not None and noun is not None:
            return (side, power, noun)
    return ()


_ANY = frozenset({"any", "apa pun", "apapun", "sedikit pun"})


def _any_denied(text: str, match: Match) -> bool:
    """Is ``match`` "any X" after a negator earlier in its clause ("does not give the foreign
    partner any say over local planning")? A negation reaches it through "any"."""
    toks = tokens(text)
    i = toks.index(match.found[0])
    if i == 0 or toks[i - 1].word not in _ANY:
        return False
    return any(t.word in NEGATORS and t.clause == match.found[0].clause for t in toks[: i - 1])


ROLE_REACH = 3  # words between a bar ("tidak boleh", "may not") and the role it bars
ORG_REACH = 3  # words between people ("pegawai", "staff of") and the organisation they belong to
_OF = frozenset({"of", "from", "dari"})
_DOUBLE = frozenset({"merangkap", "rangkap", "double as"})  # holding a second role itself
_AWARD = frozenset({"diberikan", "ditunjuk", "diserahkan", "be awarded", "be given", "be appointed"})


def _tied(text: str, clause: int) -> set[Token]:
    """The words of an interested party in a clause: owned, relatives, the implementer, or people
    of an organisation ("Pegawai perusahaan mitra", "Staff of the partner company")."""
    toks = tokens(text)
    place = places(text)
    tied = {t for m in find_all(text, "coi_party") if m.found[0].clause == clause for t in m.found}
    orgs = [place[m.found[0]] for m in find_all(text, "coi_org") if m.found[0].clause == clause]
    # a bar, a role or a judge ends the phrase that names the organisation ("Staff of the tin
    # collector company may not ...")
    ends = sorted(place[m.found[0]] for m in find_all(text, "coi_bar", "coi_take_role", "coi_judge"))
    for staff in find_all(text, "coi_staff"):
        at = place[staff.found[-1]]
        end = next((e for e in ends if e > at), len(toks))
        of = at + 1 < len(toks) and toks[at + 1].word in _OF
        if staff.found[0].clause == clause and any(0 < o - at <= ORG_REACH or (of and at < o < end) for o in orgs):
            tied.update(staff.found)
    return tied


OFFICER_REACH = 2  # words from a role taken to the office, and from the office to its body


def _bars_with_a_role(text: str, roles: list[Match], place: Mapping[Token, int]) -> Iterator[tuple[Match, Match, int]]:
    """Each bar ("dilarang", "may not") with the role it bars right after it in its clause, and
    that clause."""
    for bar in find_all(text, "coi_bar"):
        end, clause = place[bar.found[-1]], bar.found[0].clause
        role = next(
            (r for r in roles if r.found[0].clause == clause and 0 < place[r.found[0]] - end <= ROLE_REACH), None
        )
        if role is not None:
            yield bar, role, clause


def _officer_of_the_other_side(text: str) -> tuple[Match, ...]:
    """A side's people barred from holding office in a partner, a supplier or a contractor
    ("Pegawai BUMD dilarang menjadi pengurus perusahaan mitra", "Staff may not serve as directors of
    a supplier"): a bar, a role taken, an office and the body, in that order in one clause."""
    officers = find_all(text, "coi_officer")
    if not officers:
        return ()
    place = {t: i for i, t in enumerate(tokens(text))}
    orgs = find_all(text, "coi_org")
    for bar, role, clause in _bars_with_a_role(text, find_all(text, "coi_take_role"), place):
        at = place[role.found[-1]]
        office = next((o for o in officers if 0 < place[o.found[0]] - at <= OFFICER_REACH + 1), None)
        if office is None or office.found[0].clause != clause:
            continue
        last = place[office.found[-1]]
        if any(0 < place[o.found[0]] - last <= OFFICER_REACH + 1 and o.found[0].clause == clause for o in orgs):
            return (bar, role, office)
    return ()


def _barred_double_role(text: str) -> tuple[Match, ...]:
    """One body barred from a double role, judging and being judged ("Staf perusahaan mitra tidak
    boleh duduk dalam panitia yang menilai proposal", "Konsultan pengawas dilarang merangkap
    sebagai pelaksana"): a bar, the role it bars right after it, and on either side of the bar a
    judging role and an interested party; a contract barred from going to a party tied to a judge
    ("Contracts shall not be awarded to firms owned by members of the selection committee")."""
    roles = find_all(text, "coi_take_role")
    if not roles:
        return ()
    toks = tokens(text)
    place = places(text)
    for bar, role, clause in _bars_with_a_role(text, roles, place):
        judges = {t for m in find_all(text, "coi_judge") if m.found[0].clause == clause for t in m.found}
        tied = _tied(text, clause) - judges
        subject = [t for t in toks[: place[bar.found[0]]] if t.clause == clause]
        after = [t for t in toks[place[role.found[-1]] + 1 :] if t.clause == clause]
        if role.phrase.text in _DOUBLE and any(t in tied or t in judges for t in after):
            return (bar, role)  # "Pengurus BUMDes dilarang merangkap sebagai pemasok ...": a second, interested role
        if role.phrase.text in _AWARD:  # who the contract may not go to: a party, tied to a judge
            party = next((i for i, t in enumerate(after) if t in tied), None)
            judged = any(t in judges for t in subject) or (
                party is not None and any(t in judges for t in after[party + 1 :])
            )
            found = party is not None and judged
        else:  # the role barred, and the other role on the subject's side
            first = next((t for t in after if t in judges or t in tied), None)
            other = tied if first in judges else judges
            found = first is not None and any(t in other for t in subject)
        if found:
            return (bar, role)
    return ()


def _by_form(text: str) -> dict[str, tuple[Match, ...]]:
    """Statements read from the form of the sentence rather than a phrase: two word classes in
    one clause; a conflict-of-interest safeguard, which is itself a negation ("menyatakan
    tidak memiliki benturan kepentingan"); a gain on each side of a contrast ("desa memperoleh
    bagi hasil, sedangkan investor mendapatkan kepastian lahan")."""
    out: dict[str, tuple[Match, ...]] = {}
    for topic, (a, b) in _PAIRS.items():
        # "tidak sama", "belum selaras" hold their negator; "kantor yang berbeda" is no difference in rules
        near = {t for m in find_all(text, _NEAR.get(topic, "")) for t in m.found}
        seconds = [m for m in find_all(text, *b) if not m.negated and near.isdisjoint(m.found)]
        firsts = [x for x in find_all(text, *a) if not _modifier(text, x, find_all(text, *a, *b))]
        if topic == "sovereignty":  # a site engineer's authority kept is none, nor "kedaulatan pangan"
            sector = words_of(text, "stmt_not")
            firsts = [x for x in firsts if sector.isdisjoint(x.found) and _a_sides_power(text, x)]
        # a first negated only by its second's own negator is kept ("tidak mengurangi hak berdaulat")
        pair = next(
            (
                (x, y)
                for x in firsts
                for y in seconds
                if (_same_clause(x, y) or _relative(text, x, y)) and (not x.negated or _negator_in(y, x))
            ),
            None,
        )
        if pair is not None:
            out[topic] = pair
    if "regulatory_differences" not in out:
        contrasted = _systems_contrasted(text) or _rules_compared(text)
        if contrasted:
            out["regulatory_differences"] = contrasted
    safeguard = next(iter(find_all(text, "stmt_conflict_of_interest")), None)
    # "tidak memiliki hubungan keluarga" declares no tie; "Tidak ada larangan rangkap jabatan" denies a guard
    if (
        safeguard is not None
        and safeguard.negated
        and not _guard_missing(text, safeguard)
        and words_of(text, "coi_guard", "coi_ban").isdisjoint(safeguard.found)
    ):
        out["conflict_of_interest"] = (safeguard,)
    # a grant from the centre is no gain of the cooperation ("The city receives a grant from the national
    # government and the province receives a loan")
    outside = find_all(text, "outside_source")
    gains = [m for m in find_all(text, "gain") if not m.negated and not any(_same_clause(o, m) for o in outside)]
    contrasts = find_all(text, "contrast")
    # needs of the people served ("Warga membutuhkan air bersih, sementara petani membutuhkan irigasi") are
    # no side's interests
    wants = [m for m in find_all(text, "need_verb") if not m.negated and not _served_subject(text, m)]
    needs = _set_against(wants, contrasts) or _each_own(text, wants)
    if needs:
        out["interests"] = needs
    for first, second in pairwise(gains):
        if _compared(text, first, second) or any(
            _served_gain(text, g) or _wanted_gain(text, g) for g in (first, second)
        ):
            continue
        # a contrast between them, in one clause or two ("The village earns rental income while
        # the operator secures a long-term site")
        between = [c for c in contrasts if first.found[-1].end <= c.found[0].start < second.found[0].start]
        if between:
            out["mutual_benefit"] = (first, between[0], second)
            break
        if _same_clause(first, second) and not _joined_subject(text, first, second):
            continue
        if _own_subject(text, second):  # "Desa memperoleh retribusi, dan investor memperoleh hak kelola"
            out["mutual_benefit"] = (first, second)
            break
    for topic, found in _paraphrased(text).items():
        out.setdefault(topic, found)
    return out


# what a rule is set against when it is no other side's rule: a time, or other things of one kind
_NOT_A_JURISDICTION = frozenset(
    {
        "last",
        "previous",
        "past",
        "earlier",
        "before",
        "other",
        "most",
        "many",
        "some",
        "tahun",
        "year",
        "years",
        "lalu",
        "sebelumnya",
        "dulu",
        "sebelum",
        "lain",
        "lainnya",
        "kebanyakan",
        "banyak",
        "periode",
        "masa",
    }
)
_IN_PLACE = frozenset({"di", "in", "at", "for", "bagi", "untuk", "pada", "dalam"})
JURISDICTION_REACH = 5  # words from "unlike"/"tidak seperti" to the jurisdiction it names


def _systems_contrasted(text: str) -> tuple[Match, ...]:
    """A rule of one side set against another jurisdiction's ("Tahun anggaran Jepang dimulai April, tidak
    seperti tahun anggaran Indonesia", "The financial year runs July to June, unlike Indonesia's", "Perizinan
    di Malaysia diurus negara bagian, sedangkan di Indonesia melalui OSS"): a rule word before the contrast
    in its sentence, or right after it, and a jurisdiction (a name, a region, a government) after the
    contrast. A time ("tidak seperti tahun lalu") or things of one kind ("unlike other programmes") are no
    jurisdiction; places of two activities ("Pelatihan di Makassar, sedangkan sertifikasi di Jakarta") are
    none either: the place must follow the contrast at once."""
    rules = find_all(text, "regulation_noun")
    if not rules:
        return ()
    toks = tokens(text)
    place = places(text)
    bodies = words_of(text, "public_body", "authority_body")
    rule_words = {t for m in rules for t in m.found}

    def named(t: Token) -> bool:  # "Indonesia", "pemerintah daerah", "the regency's"
        owner = t.word[:-2] if t.word.endswith("'s") else ""
        return text[t.start].isupper() or t in bodies or owner in _side_words()

    for marker in (*find_all(text, "unlike"), *find_all(text, "contrast")):
        if marker.negated:
            continue
        at = place[marker.found[-1]] + 1
        after = [t for t in toks[at : at + JURISDICTION_REACH] if t.clause == marker.found[-1].clause]
        after = [t for t in after if t.word not in _ARTICLES]
        if not after:
            continue
        if marker.purpose == "contrast":
            # "..., sedangkan di Indonesia ...", "..., whereas in Timor-Leste ...": after a break, a place at once
            opened = text[: marker.found[0].start].rstrip().endswith((",", ";"))
            if not opened:
                continue
            # "..., sedangkan di Indonesia ...", or a jurisdiction's own rules: "whereas Indonesian rules ..."
            in_place = after[0].word in _IN_PLACE and len(after) > 1 and named(after[1])
            own_rules = named(after[0]) and not rule_words.isdisjoint(after[1:3])
            if not (in_place or own_rules):
                continue
        else:
            if after[0].word in _NOT_A_JURISDICTION and after[0] not in rule_words:
                continue
            rest = after[1:] if after[0].word in _IN_PLACE else after
            if not any(named(t) for t in rest):
                continue
        rule = next((r for r in rules if _one_sentence(text, r, marker)), None)
        if rule is not None:
            return (rule, marker)
    return ()


@lru_cache(maxsize=1)
def _side_words() -> frozenset[str]:
    """The one-word sides of a cooperation, as written ("regency", "kota"): a possessive of one names
    its rules ("the regency's")."""
    lexicon = knowledge.lexicon()["coop_side"]
    return frozenset(w for w in (*lexicon.id, *lexicon.en) if " " not in w)


def _one_sentence(text: str, a: Match, b: Match) -> bool:
    """Are ``a`` and ``b`` in one sentence (no full stop, semicolon, "!" or "?" between them)?"""
    start, end = sorted((a.found[0].start, b.found[0].start))
    return not any(c in text[start:end] for c in ".;!?")


def _content(toks: list[Token]) -> list[frozenset[Key]]:
    """The lemma keys of the words of ``toks`` that carry content (no number, joiner or article)."""
    return [keys(t.word) for t in toks if t.word.isalpha() and t.word not in _JOINERS | _ARTICLES | _CONTRAST]


# English words that may follow a rule noun without being a noun it modifies: function words and
# the verbs a rule takes ("Regulations on fishing differ", "Rules in each regency are not aligned")
_NOT_A_HEAD = frozenset(
    [
        "in",
        "on",
        "of",
        "for",
        "to",
        "between",
        "among",
        "across",
        "at",
        "by",
        "from",
        "and",
        "or",
        "with",
        "under",
        "within",
        "than",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "may",
        "can",
        "will",
        "shall",
        "must",
        "should",
        "would",
        "could",
        "that",
        "which",
        "who",
        "whose",
        "also",
        "still",
        "not",
        "apply",
        "applies",
        "remain",
        "remains",
        "govern",
        "governs",
        "set",
        "sets",
        "differ",
        "differs",
        "vary",
        "varies",
    ]
)


def _modifier(text: str, rule: Match, classes: list[Match]) -> bool:
    """Is an English rule word only a modifier of the noun after it ("Permit applications differ
    in length", "Licensing office hours differ")? Then no rule is said to differ. A rule word
    before another rule word ("Permit requirements"), a participle ("permits issued by") or a
    function word ("Regulations on fishing gear") heads its phrase."""
    if rule.phrase.lang != "en" or len(rule.found) != 1:
        return False
    toks = tokens(text)
    i = toks.index(rule.found[0]) + 1
    if i >= len(toks) or toks[i].clause != rule.found[0].clause:
        return False
    after = toks[i]
    if not after.word.isalpha() or after.word in _NOT_A_HEAD or after.word.endswith(("ed", "ing")):
        return False
    return not any(after in m.found for m in classes)


_WANTING = frozenset(
    {"ingin", "berharap", "berkepentingan", "mengharapkan", "menginginkan", "hopes", "hope", "wants", "expects"}
)


def _wanted_gain(text: str, gain: Match, last: bool = False) -> bool:
    """Is ``gain`` (its last word when ``last``) what a side wants, not what it gets ("berkepentingan
    memperoleh sertifikat", "hopes to gain")? That states an interest."""
    toks = tokens(text)
    i = toks.index(gain.found[-1] if last else gain.found[0])
    before = [t.word for t in toks[max(0, i - 2) : i] if t.clause == gain.found[0].clause]
    return not _WANTING.isdisjoint(before)


def _served_gain(text: str, gain: Match) -> bool:
    """Is ``gain`` said of people a programme serves ("Peserta memperoleh sertifikat", "Students gain
    practical skills"): its subject, in its clause after any contrast, names an audience?"""
    audience = {t for m in find_all(text, "audience_noun") for t in m.found}
    if not audience:
        return False
    before = [t for t in tokens(text) if t.clause == gain.found[0].clause and t.start < gain.found[0].start]
    cut = max((i for i, t in enumerate(before) if t.word in _CONTRAST), default=-1)
    return not audience.isdisjoint(before[cut + 1 :])


def _gains_served(text: str, phrase: Match) -> bool:
    """Is any gain of ``text`` said of people a programme serves, or the gain of ``phrase`` ("sedangkan
    ~ memperoleh") only wanted?"""
    gains = [g for g in find_all(text, "gain") if not g.negated]
    wanted = any(_wanted_gain(text, g) for g in gains if g.found[-1] == phrase.found[-1])
    return wanted or any(_served_gain(text, g) for g in gains)


def _gains_compared(text: str, phrase: Match) -> bool:
    """Is the gain of ``phrase`` ("sedangkan ~ memperoleh") compared with the gain before it?"""
    gains = [m for m in find_all(text, "gain") if not m.negated]
    last = next((g for g in gains if g.found[-1] == phrase.found[-1]), None)
    before = [g for g in gains if g.found[-1].end <= phrase.found[0].start]
    return last is not None and bool(before) and _compared(text, before[-1], last)


def _compared(text: str, first: Match, second: Match) -> bool:
    """Two gains of one kind by two of one kind ("Kelompok tani A memperoleh bantuan 2 ton pupuk,
    sedangkan kelompok tani B memperoleh bantuan 1 ton pupuk", "Ward 3 receives 40 per cent of
    the grant while ward 4 ..."): a comparison, not a benefit to each side. The subjects share
    their first word, and so do the objects."""
    toks = tokens(text)
    a, b = first.found[0], second.found[0]
    # what lies between the gains: the first's object, then the second's subject after the break
    # (a clause break or a contrast: "..., sedangkan investor", "... while the operator")
    between = [t for t in toks if first.found[-1].end <= t.start < b.start]
    cut = next((i for i, t in enumerate(between) if t.clause != a.clause or t.word in _CONTRAST), None)
    if cut is None:
        return False
    subject_a = _content([t for t in toks if t.clause == a.clause and t.start < a.start])
    object_a = _content(between[:cut])
    subject_b = _content(between[cut:])
    object_b = _content([t for t in toks if t.clause == second.found[-1].clause and t.start >= second.found[-1].end])
    if not subject_a or not subject_b or subject_a[0].isdisjoint(subject_b[0]):
        return False
    # the same thing gained: the objects share their first word ("bantuan ... pupuk" twice), not
    # any word ("Desa A memperoleh air bersih, sedangkan Desa B memperoleh retribusi air": each its own gain)
    return bool(object_a) and bool(object_b) and not object_a[0].isdisjoint(object_b[0])


def _each_own(text: str, found: list[Match]) -> tuple[Match, ...]:
    """Two of ``found``, the second with a subject of its own ("Kuching is looking for new markets, and
    Pontianak is looking for investment"); one subject doing both ("mencari pasar dan mencari modal") is
    none."""
    for first, second in pairwise(found):
        if _same_clause(first, second) and not _joined_subject(text, first, second):
            continue
        if _side_subject(text, first) and _side_subject(text, second):
            return (first, second)
    return ()


def _side_subject(text: str, match: Match) -> bool:
    """Is the subject of ``match`` (the first word before it in its clause, joiners and articles aside)
    a side: a public body, a private party, a region, or a name ("Kuching", "PT Semen Tonasa"); not
    the people a programme serves ("Warga membutuhkan air bersih")?"""
    toks = tokens(text)
    i = toks.index(match.found[0])
    clause = match.found[0].clause
    before = [t for t in toks[:i] if t.clause == clause and t.word not in _JOINERS and t.word not in _ARTICLES]
    if not before:
        return False
    subject = before[0]
    sides = words_of(text, *_SIDES)
    served = words_of(text, "audience_noun", "party_noun") - sides
    return subject not in served and (subject in sides or text[subject.start].isupper())


def _served_subject(text: str, match: Match) -> bool:
    """Is the subject of ``match`` (the first word before it in its clause, joiners and articles aside)
    one of the people a programme serves ("Warga", "petani", "visitors")?"""
    before = [
        t
        for t in tokens(text)
        if t.clause == match.found[0].clause
        and t.start < match.found[0].start
        and t.word not in _JOINERS
        and t.word not in _ARTICLES
    ]
    if not before:
        return False
    return before[0] in words_of(text, "audience_noun", "party_noun") - words_of(text, *_SIDES)


def _set_against(found: list[Match], contrasts: list[Match]) -> tuple[Match, ...]:
    """Two of ``found`` set against each other by a contrast between them ("..., sementara investor
    membutuhkan ...", "while the recycler needs ...")."""
    for first, second in pairwise(found):
        between = [c for c in contrasts if first.found[-1].end <= c.found[0].start < second.found[0].start]
        if between:
            return (first, between[0], second)
    return ()


def _trust_and_sharing(text: str, out: dict[str, tuple[Match, ...]]) -> None:
    """Trust built, kept or restored ("memulihkan kepercayaan warga", "site visits to rebuild
    confidence"); what the cooperation yields shared between the sides ("Revenue is shared
    between the village and the operator")."""
    near_miss = {t for m in find_all(text, "stmt_not", "stmt_not_forms") for t in m.found}  # "kepercayaan diri"
    builds = [m for m in find_all(text, "build_verb") if not m.negated]
    for trust in find_all(text, "trust_noun"):
        if trust.negated or not near_miss.isdisjoint(trust.found):
            continue
        build = next((b for b in builds if _same_clause(b, trust)), None)
        if build is not None:
            out.setdefault("trust_building", (build, trust))
            break
    # distrust eased ("Kecurigaan warga diredam", "Mistrust ... is mitigated by"): trust built;
    # distrust only stated ("masih tinggi", "belum teratasi") is none
    eases = [m for m in find_all(text, "ease_verb") if not m.negated]
    for distrust in find_all(text, "distrust_noun"):
        ease = next((e for e in eases if _same_clause(e, distrust)), None)
        if ease is not None and not _of_a_thing(text, distrust):
            out.setdefault("trust_building", (distrust, ease))
            break
    # distrust kept from arising ("agar tidak terjadi saling curiga", "so that no suspicion arises"): trust built
    for distrust in find_all(text, "distrust_noun"):
        if distrust.negated and _for_a_purpose_before(text, distrust):
            out.setdefault("trust_building", (distrust,))
            break
    # a trial because trust is low or untested ("Trust was low, so the first season is a small pilot")
    trusts = [m for m in find_all(text, "trust_noun", "distrust_noun") if near_miss.isdisjoint(m.found)]
    trial = next(iter(find_all(text, "trial_noun")), None)
    if trusts and trial is not None and not trial.negated:
        out.setdefault("trust_building", (trusts[0], trial))
    # openness towards the other side ("saling bertukar informasi secara terbuka", "records open to the
    # other party"): openness to the public is none
    sides_met = [m for m in find_all(text, "mutual_side") if not m.negated]
    for open_ in (m for m in find_all(text, "openness") if not m.negated):
        side_met = next((s for s in sides_met if _same_clause(s, open_)), None)
        if side_met is not None:
            out.setdefault("trust_building", (open_, side_met))
            break
    # money records opened to the other side: open books
    records = find_all(text, "money_record")
    if records:
        opened = [m for m in find_all(text, "record_opened") if not m.negated]
        both = [m for m in find_all(text, "both_sides") if not m.negated]  # "dapat dipantau kedua pihak"
        for record in records:
            side_met = next((s for s in (*sides_met, *both) if _same_clause(s, record)), None)
            if side_met is not None and any(_same_clause(o, record) for o in opened):
                out.setdefault("trust_building", (record, side_met))
                break
    shares = [m for m in find_all(text, "share_verb") if not m.negated]
    # "Pembagian hasil tidak adil bagi kedua belah pihak": a share denied to the sides is none of theirs
    sides = [m for m in find_all(text, "between", "both_sides") if not m.negated]
    not_yields = {t for m in find_all(text, "near_yield") for t in m.found}
    for share in shares:
        what = next(
            (y for y in find_all(text, "yield_noun") if _joined(text, y, share) and not_yields.isdisjoint(y.found)),
            None,
        )
        side = next((x for x in sides if _joined(text, x, share) and not _denied_between(text, share, x)), None)
        if what is not None and (side is not None or _two_sides_after(text, share, by=True)):
            out.setdefault("mutual_benefit", (what, share, *([side] if side is not None else [])))
            break


_SO_THAT = frozenset({"agar", "supaya", "sehingga", "guna", "untuk", "so", "to"})


def _for_a_purpose_before(text: str, match: Match) -> bool:
    """Is ``match`` in a clause of purpose ("agar tidak terjadi ...", "so that no ... arises")?"""
    return any(
        t.word in _SO_THAT for t in tokens(text) if t.clause == match.found[0].clause and t.start < match.found[0].start
    )


_TOWARDS = frozenset({"terhadap", "pada", "kepada", "akan", "of", "towards", "toward", "about"})
_COMPLEMENT_END = frozenset({"di", "dari", "dalam", "among", "amongst", "in", "at", "from", "by", "oleh", "yang"})
TOWARDS_REACH = 2  # words between distrust and what it is of ("kecurigaan warga terhadap ...")


def _of_a_thing(text: str, distrust: Match) -> bool:
    """Is ``distrust`` said of a thing, not a party ("kecurigaan terhadap vaksin", "suspicion of
    the new fertiliser")? Its complement, from "terhadap"/"of" to the next phrase of place or
    people, names no person or body."""
    toks = tokens(text)
    at = toks.index(distrust.found[-1]) + 1
    clause = distrust.found[-1].clause
    towards = next((i for i in range(at, min(len(toks), at + TOWARDS_REACH)) if toks[i].word in _TOWARDS), None)
    if towards is None or toks[towards].clause != clause:
        return False
    complement = []
    for t in toks[towards + 1 :]:
        if t.clause != clause or t.word in _COMPLEMENT_END:
            break
        complement.append(t)
    if not complement:
        return False
    named = find_all(text, "party_noun", "private_party", "public_body", "authority_body")
    parties = {t for m in named for t in m.found}
    return parties.isdisjoint(complement)


def _for_each_side(text: str) -> tuple[Match, ...]:
    """Two clauses that each open with what the cooperation is for a side ("Bagi desa, ...;
    bagi perusahaan, ..."; "For the university, ...; for the company, ...")."""
    toks = tokens(text)
    opening: dict[str, Match] = {}
    parties: set[Token] | None = None
    for match in find_all(text, "for_side"):
        i = toks.index(match.found[0])
        opens = i == 0 or toks[i - 1].clause != match.found[0].clause
        at = toks.index(match.found[-1]) + 1
        rest = [t for t in toks[at:] if t.clause == match.found[0].clause and t.word not in _ARTICLES]
        if not (opens and rest and rest[0].word.isalpha()):  # a side, not a year ("For 2026, ...")
            continue
        if match.phrase.text not in _FOR_WORDS:  # "dari sisi desa", not "dari sisi teknis"
            if parties is None:
                parties = {t for m in find_all(text, *_PARTIES) for t in m.found}
            if rest[0] not in parties:
                continue
        opening.setdefault(rest[0].word, match)
    return tuple(opening.values())[:2] if len(opening) >= 2 else ()


_ARTICLES = frozenset({"the", "a", "an", "para", "pihak"})
_FOR_WORDS = frozenset({"bagi", "adapun bagi", "for"})  # a side named after "dari sisi" must be a party
_PARTIES = ("party_noun", "private_party", "public_body", "authority_body")
# the sides of a cooperation, without the people it serves ("petani", "warga" are in party_noun)
_SIDES = ("coop_side", "private_party", "public_body", "authority_body")
_JOINERS = frozenset({"dan", "serta", "and", "while", "sementara", "sedangkan", "whereas", "adapun", "itu"})
_CONTRAST = frozenset({"meanwhile", "sementara", "sedangkan", "whereas", "while"})


def _joined_subject(text: str, first: Match, second: Match) -> bool:
    """Is a second gain in the clause of the first given a subject of its own after "dan"/"and"
    ("The hospital gets trained staff and the college gets placements")? "mendapat air dan
    mendapat listrik" repeats one subject."""
    toks = tokens(text)
    between = [t for t in toks if first.found[-1].end <= t.start < second.found[0].start]
    joiner = next((i for i, t in enumerate(between) if t.word in _JOINERS), None)
    return joiner is not None and any(t.word not in _ARTICLES for t in between[joiner + 1 :])


def _own_subject(text: str, gain: Match) -> bool:
    """Does the clause of ``gain`` name who gains before it ("dan investor memperoleh")?"""
    before = [t for t in tokens(text) if t.clause == gain.found[0].clause and t.start < gain.found[0].start]
    return any(t.word not in _JOINERS for t in before)


def statement(text: str, topic: str) -> Reading:
    if topic not in TOPICS:
        raise ValueError(f"unknown statement topic {topic!r}")
    return _read(text, (topic,))[topic]


def statements(texts: list[str]) -> dict[str, Reading]:
    """Each topic's first statement in ``texts`` (the plan's prose, in document order)."""
    out: dict[str, Reading] = {}
    for text in texts:
        for topic, reading in _stated(text):
            if topic not in out:
                out[topic] = reading
        if len(out) == len(TOPICS):
            break
    return {t: out.get(t) or _ABSENT[t] for t in TOPICS}


@lru_cache(maxsize=16384)
def _stated(text: str) -> tuple[tuple[str, Reading], ...]:
    """The topics ``text`` states, with their readings: every review walks its plan's prose for
    them, and most of its texts state none."""
    return tuple((topic, reading) for topic, reading in _read(text, TOPICS).items() if reading.label == "present")
