"""Negation as a background uses it: a problem denied ("tidak ada hambatan berarti") and an asset
denied ("belum tersedia", "hanya 6 dari 46 puskesmas yang memiliki", "belum ada perusahaan yang
bersedia").
"""

from __future__ import annotations

from advisor.text.background.base import _A_FEW, _LIMITERS, PROBLEM, _amount, _near_limit, _target_group
from advisor.text.background.handling import _handled_thing
from advisor.text.lexicon import Match, find_all, words_of
from advisor.text.negation import NEGATORS, SCOPE
from advisor.text.tokens import Token, tokens


def _denies_a_problem(match: Match, matches: list[Match], text: str) -> bool:
    """Is ``match`` a negator phrase ("tidak ada", "no") whose scope is a problem word ("tidak
    ada hambatan berarti": no problem is named)?"""
    if not any(t.word in NEGATORS for t in match.found):
        return False
    end = match.found[-1].end
    # a bad thing a service handles is no problem denied: "has no waste collection service" lacks the service
    # "no contracts and no grading": a second "no" is a lack of its own, not a problem denied
    return any(
        m.purpose != "assets"
        and m.negated
        and m.found[0].start >= end
        and not all(t.word in NEGATORS for t in m.found)
        and not _handled_thing(text, m)
        for m in matches
    )


LIMIT_REACH = 6  # words before an asset in which "tidak ada ... yang", "hanya", "only" deny it


def _denied(match: Match, matches: list[Match], text: str) -> bool:
    """Is an asset denied: negated ("belum tersedia"), limited ("hanya 6 dari 46 puskesmas yang
    memiliki"), in the scope of an existential negation ("belum ada perusahaan yang bersedia"),
    or followed by one ("have no registered body")?"""
    if match.negated:
        return True
    toks = tokens(text)
    first = toks.index(match.found[0])
    last = toks.index(match.found[-1])
    clause = match.found[0].clause
    # a negator before it, unless its scope is a problem word ("sudah tidak lagi kekurangan sejak
    # PLTMH beroperasi": the shortage is denied, not the plant)
    spent = {t for m in matches if m.purpose in PROBLEM and m.negated for t in m.found}
    for k in range(max(0, first - LIMIT_REACH), first):
        negator = toks[k].clause == clause and toks[k].word in NEGATORS
        # spent on a problem in its scope or before the asset ("belum pernah terjadi konflik lahan")
        if negator and not spent.intersection(toks[k + 1 : max(first, k + 1 + SCOPE)]):
            return True
    if _in_denied_phrase(toks[:first], clause, spent):
        return True
    # the object of a difficulty in getting it: "kesulitan mendapatkan tenaga terlatih dan
    # peralatan yang memadai", "struggle to obtain certified seed"
    if any(
        not m.negated and m.found[0].clause == clause and m.found[-1].end <= match.found[0].start
        for m in find_all(text, "lack_access")
    ):
        return True
    # a limiter quantifies the clause's subject: "Only 14 of the 52 villages have a functioning ..."
    # (not one that says how near: "hanya 2 km dari pusat kota dan mudah dijangkau")
    before = [t for t in toks[:first] if t.clause == clause]
    if any(
        (t.word in _LIMITERS or (t.word == "baru" and _limits_amount(before[k + 1 :], toks[last + 1 : last + 2])))
        and not _near_limit(text, t)
        and not (t.word == "few" and k and before[k - 1].word in _A_FEW)
        for k, t in enumerate(before)
    ):
        return True
    # "have no registered body"; not "has operated without major disruption" (a problem denied)
    if (
        last + 1 < len(toks)
        and toks[last + 1].word in NEGATORS
        and toks[last + 1].clause == clause
        and spent.isdisjoint(toks[last + 2 : last + 2 + SCOPE])
    ):
        return True
    # what it names said later to be out of use: "jaringan irigasi ... kini dalam kondisi rusak", or
    # after a contrast in the next clause ("The cooperative was established in 2015 but has been
    # inactive since 2020")
    turned = _turned_clause(toks, clause)
    if any(
        not m.negated and m.found[0].clause in (clause, turned) and m.found[0].start > match.found[-1].end
        for m in find_all(text, "damaged")
    ):
        return True
    # neglected: "Jaringan irigasi ... sudah lebih dari 15 tahun tidak direhabilitasi", "The existing
    # drainage has not been upgraded since 2008"
    if _neglected(text, toks, last, clause):
        return True
    # an asset named as a noun, said later in its clause to be lacking ("Sumber daya manusia
    # aparatur masih terbatas", "Modal usaha ... berasal dari pinjaman rentenir")
    if _noun_lacking(text, match, matches):
        return True
    # denied by its predicate: "Cadangan pangan desa belum tersedia", "Jaringan irigasi di hulu belum berfungsi"
    predicate = (t for t in toks[last + 1 : last + 1 + LIMIT_REACH] if t.clause == clause)
    if any(t.word in NEGATORS and _denied_state(text, t) for t in predicate):
        return True
    # a limiter with an amount right after it: "Anggaran yang tersedia hanya Rp150.000.000", "of 3,400
    # registered MSMEs only 212 hold a certificate"
    # (or anywhere in the predicate of the clause whose subject it qualifies: "The existing plant
    # operates at only 30 percent of its capacity")
    wide = match.phrase.text.lower() in _ATTRIBUTIVE or match.phrase.text.lower() in _EVIDENCE
    limit = len(toks) if wide else LIMITED_AFTER
    after = [t for t in toks[last + 1 : last + 1 + limit] if t.clause == clause]
    if any(
        t.word in _LIMITERS and k + 1 < len(after) and _amount(after[k + 1].word) and not _near_limit(text, t)
        for k, t in enumerate(after)
    ):
        return True
    # what is held or there said in its relative clause to be lacking: "memiliki guru yang sangat
    # terbatas", "Ada 12 desa yang belum teraliri listrik"
    if (match.phrase.text.lower() in _POSSESS or match.found[0].word in _EXIST) and _held_lacking(text, match, matches):
        return True
    # in the scope of a problem: "shortage of 250 certified welders", "aktif kurang dari enam kali"
    # (for evidence, anywhere in what it shows: "The pilot showed that the model was too costly")
    end = len(toks) - 1 if wide else min(len(toks) - 1, last + 2)
    reach = (toks[max(0, first - LIMIT_REACH)].start, toks[end].end)
    costs = {t for m in find_all(text, "bad_measure") for t in m.found}  # "a tariff path": a cost named, no problem
    return any(
        (m.purpose in PROBLEM or (m.purpose == "bad_quantity" and costs.isdisjoint(m.found)))
        and not m.negated
        and m.found[0].clause == clause
        and reach[0] <= m.found[0].start < reach[1]
        and not _handled_thing(text, m)  # "Satgas Penanggulangan Kemiskinan aktif"
        and not _target_group(text, m)  # "bantuan ... kepada keluarga miskin yang terdaftar"
        and not _denies_a_problem(m, matches, text)  # "belum pernah terjadi konflik lahan"
        for m in matches
    )


# asset words that qualify a subject ("the existing plant", "sarana yang tersedia")
_ATTRIBUTIVE = frozenset({"existing", "available", "tersedia", "yang ada", "sudah ada", "telah ada"})
# evidence whose content follows it ("Lessons from the pilot show that ...", "uji coba ... menunjukkan")
_EVIDENCE = frozenset(
    {"pilot ~ show that", "pilot ~ showed that", "pilot ~ shows that", "pilot ~ demonstrated", "pilots ~ show"}
    | {"lessons from the", "uji coba ~ menunjukkan", "percontohan ~ menunjukkan", "hasil uji coba"}
)
_POSSESS = frozenset({"memiliki", "mempunyai", "punya", "dimiliki", "has a", "has an", "have a", "owns", "possess"})
HELD_REACH = 6  # words after a possession in which the relative clause on what is held says it lacks


def _held_lacking(text: str, match: Match, matches: list[Match]) -> bool:
    toks = tokens(text)
    last = toks.index(match.found[-1])
    after = [t for t in toks[last + 1 : last + 1 + HELD_REACH] if t.clause == match.found[0].clause]
    rel = next((t for t in after if t.word in _WHO), None)
    if rel is None:
        return False
    scope = {t for t in after if t.start > rel.start}
    # "yang belum teraliri", "that have no"; not a problem denied ("yang tidak pernah kering")
    denied = {t for m in find_all(text, *PROBLEM, "bad_quantity", "damaged") if m.negated for t in m.found}
    if any(t.word in NEGATORS for t in scope) and scope.isdisjoint(denied):
        return True
    # a problem in it, unless a negator phrase that denies one ("yang tidak pernah kering")
    return any(
        m.purpose in PROBLEM
        and not m.negated
        and m.found[0] in scope
        and not _handled_thing(text, m)
        and not _denies_a_problem(m, matches, text)
        for m in matches
    )


_TURN = frozenset({"but", "tetapi", "namun", "however", "yet", "sayangnya", "unfortunately"})


def _turned_clause(toks: tuple[Token, ...], clause: int) -> int:
    """The clause after ``clause`` when it opens with a contrast ("..., but ..."), else -1."""
    nxt = next((t for t in toks if t.clause > clause), None)
    return nxt.clause if nxt is not None and nxt.word in _TURN else -1


NEGLECT_REACH = 3  # words between a negator and the upkeep it denies ("has not been upgraded")


def _neglected(text: str, toks: tuple[Token, ...], last: int, clause: int) -> bool:
    """Is what an asset names said later in its clause not to have been kept up: a negator before
    a verb of upkeep or completion ("tidak direhabilitasi", "has not been upgraded", "never repaired")?"""
    upkeep = words_of(text, "done_verb")
    if not upkeep:
        return False
    after = [t for t in toks[last + 1 :] if t.clause == clause]
    # "belum dioperasikan", "not yet used": not yet, an asset waiting, not neglect
    return any(
        t.word in NEGATORS
        and t.word != "belum"
        and not (k + 1 < len(after) and after[k + 1].word == "yet")
        and not upkeep.isdisjoint(after[k + 1 : k + 1 + NEGLECT_REACH])
        for k, t in enumerate(after)
    )


_DETERMINER = frozenset({"the", "a", "an", "this", "these", "its", "our", "para", "sebuah", "seluruh", "all"})


def _opens_clause(toks: tuple[Token, ...], match: Match) -> bool:
    """Does ``match`` open its clause, as its subject ("Kapal perintis yang melayani rute ...
    mengalami kerusakan", "The bridge connecting the villages collapsed")?"""
    first = toks.index(match.found[0])
    before = [t for t in toks[:first] if t.clause == match.found[0].clause]
    return all(t.word in _DETERMINER for t in before)


def _noun_lacking(text: str, match: Match, matches: list[Match]) -> bool:
    """An asset named as a noun, said later in its clause to be lacking ("Sumber daya manusia
    aparatur masih terbatas"); or one that opens its clause as the subject of a breakdown ("Kapal
    perintis yang melayani rute ... mengalami kerusakan mesin"): the thing is named only to say
    what is wrong with it. A subject said not yet used ("yang belum terpakai penuh") is untapped."""
    named = any(set(n.found) & set(match.found) for n in find_all(text, "asset_noun"))
    subject = not named and _opens_clause(tokens(text), match)
    if not named and not subject:
        return False
    clause, end = match.found[0].clause, match.found[-1].end
    costs = {t for m in find_all(text, "bad_measure") for t in m.found}
    return any(
        (m.purpose in PROBLEM or (not subject and m.purpose == "bad_quantity" and costs.isdisjoint(m.found)))
        and not m.negated
        and not (subject and m.found[0].word in NEGATORS)
        and m.found[0].clause == clause
        and m.found[0].start > end
        and not _handled_thing(text, m)
        and not _denies_a_problem(m, matches, text)
        for m in matches
    )


def _limits_amount(rest: list[Token], after: tuple[Token, ...]) -> bool:
    """Does "baru" (only so far) limit an amount: right after it ("baru 18 personel"), or after the
    asset verb it stands before ("baru memiliki 18 personel", "baru mempunyai satu orang")?"""
    if rest:
        return _amount(rest[0].word)
    return bool(after) and _amount(after[0].word)


def spent_on_a_problem(match: Match, matches: list[Match], text: str) -> bool:
    """Is the negation that covers an asset spent on a problem word between them ("tidak lagi
    terkendala jaringan": the hindrance is denied, not the network)?"""
    toks = tokens(text)
    first = toks.index(match.found[0])
    spent = {t for m in matches if m.purpose in PROBLEM and m.negated for t in m.found}
    clause = toks[first].clause
    for k in range(first - 1, max(-1, first - SCOPE - 1), -1):
        if toks[k].clause != clause:
            return False
        if toks[k].word in NEGATORS:
            return bool(spent.intersection(toks[k + 1 : first]))
    return False


def _denied_state(text: str, negator: Token) -> bool:
    """Does ``negator`` deny an asset or an adequacy right after it ("belum tersedia", "tidak berfungsi")?"""
    return any(
        m.negated and m.found[0].start > negator.start and m.found[0].start - negator.end <= 1
        for m in find_all(text, "assets", "adequate")
    )


LIMITED_AFTER = 4  # words between an asset and the limiter after it ("registered food MSMEs only 212")
# existence and possession: "tidak ada ... yang", "tidak memiliki dermaga ... yang dapat digunakan"
_EXIST = frozenset({"ada", "terdapat", "memiliki", "mempunyai", "punya", "have", "has", "own", "owns", "possess"})
_WHO = frozenset({"yang", "who", "which", "that", "whose"})
_BECAUSE = frozenset({"karena", "sebab", "sehingga", "padahal", "because", "since", "so"})


def _in_denied_phrase(before: tuple[Token, ...], clause: int, spent: set[Token]) -> bool:
    """Is a word in the noun phrase of an existential negation, through a relative clause ("belum
    ada data tentang pelaku usaha yang telah mengikuti pelatihan", "There is no register of the
    farmers who have already obtained certification")? ``before`` are the words before it; a
    reason ("karena", "because") opens a statement of its own, and a negation spent on a problem
    ("tidak ada hambatan berarti") denies nothing else."""
    relative = False
    for k in range(len(before) - 1, -1, -1):
        token = before[k]
        if token.clause != clause or token.word in _BECAUSE:
            return False
        relative = relative or token.word in _WHO
        existential = token.word in ("no", "none") or (
            token.word in _EXIST and k > 0 and before[k - 1].word in NEGATORS and before[k - 1].clause == clause
        )
        if existential and relative:
            return spent.isdisjoint(before[k + 1 : k + 1 + SCOPE])
    return False
