"""Does a background set out assets or opportunities: "sudah ada", "tersedia", "potensi",
"berpengalaman", a good figure reached; not an asset denied, land harmed, or the potential of a harm.
"""

from __future__ import annotations

import re
from bisect import bisect
from functools import lru_cache

from advisor.text.background.base import _ACHIEVED_PHRASE, _GOOD, _LIMITERS, PROBLEM, _not_asset
from advisor.text.background.denial import _denied
from advisor.text.background.figures import _read_matches, _short_of
from advisor.text.background.handling import _handled_thing
from advisor.text.background.trends import Trend, _trends
from advisor.text.lexicon import Match, find_all, is_number, words_of
from advisor.text.negation import NEGATORS, SCOPE, negated
from advisor.text.reading import Reading, from_match
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, places, tokens

_ACHIEVED = frozenset({"sudah", "telah"})
_LONG = frozenset({"lama", "bertahun-tahun", "turun-temurun"})  # how long, between "sudah" and its verb
# "telah mengoperasikan", "sudah berjalan", "sudah terhubung", "telah disusun": what is already
# done or in place is an asset
_ACTIVE = ("me", "ber", "ter", "di")


def _achieved(text: str, matches: list[Match]) -> Reading | None:
    """ "sudah"/"telah" before an active verb, outside any negation or problem."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-1]):
        after = toks[i + 1]
        if after.word in _LONG and i + 2 < len(toks):  # "sudah lama menjadi sumber air baku"
            after = toks[i + 2]
        # ber- before a root in "er" or "r" is "be-": "telah bekerja sama", "sudah beternak"
        # an affixed verb, not a word that only begins like one ("sudah di atas 55 tahun": a preposition)
        verb = after.word.startswith((*_ACTIVE, "be")) and stem_id(after.word) != after.word
        if token.word in _ACHIEVED and after.clause == token.clause and verb:
            found = (token, after)
            if not _not_asset(text).isdisjoint(found) or _of_the_plan(text, found[0]):  # "telah ditutup"
                continue
            match = Match(_ACHIEVED_PHRASE, found, negated(toks, i, found))
            if not _denied(match, matches, text):
                return from_match(text, "present", "achieved", match)
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def assets(text: str) -> Reading:
    trends = _trends(text)
    good = {t for w, polarity, noun in trends if polarity == "good" for t in (*w.found, *noun)}
    matches = [m for m in _read_matches(text, "assets", *PROBLEM, "bad_quantity", *_GOOD) if good.isdisjoint(m.found)]
    worse = {w.found[0].clause for w, polarity, _ in trends if polarity == "bad"}  # "naik ... sejak 2022"
    for match in (m for m in matches if m.purpose == "assets" and m.found[0].clause not in worse):
        if (
            _potential_harm(text, match, matches)
            or _land_harmed(text, match, matches)
            or _near_harm(text, match, matches)
            or _wanted(text, match)  # "designed to strengthen the capacity", "diperlukan ... yang memiliki keahlian"
            or _attribute_of_cost(text, match)  # "operating costs": what costs, not what operates
            or _of_the_plan(text, match.found[0])  # "Each work stream has a lead agency": the plan's set-up
            or _prospective(text, match)  # "petani akan memiliki akses", "The aim is for every village to have"
        ):
            continue
        if not _denied(match, matches, text) and not _pledges_a_principle(text, match):
            return from_match(text, "present", "asset", match)
    # a rise as a state ("permintaan terus meningkat"), not a nominal that names a goal
    # ("Meningkatnya kesadaran masyarakat")
    untapped = next((m for m in find_all(text, "untapped") if not m.negated), None)
    if untapped is not None:  # "cadangan panas bumi yang belum dimanfaatkan": an opportunity
        return from_match(text, "present", "untapped", untapped)
    waiting = _demand_unmet(text)
    if waiting is not None:  # "Permintaan kerapu dari eksportir belum dapat dipenuhi": a market waiting
        return from_match(text, "present", "demand_unmet", *waiting)
    good_trend = _good_trend(trends, matches, text)
    if good_trend is not None:  # "permintaan kopi terus meningkat"
        return from_match(text, "present", "good_trend", good_trend)
    return (
        _achieved(text, matches)
        or _done_en(text, matches)
        or _done_since(text, matches)
        or _good_figure(text, matches)
        or _running(text, matches)
        or _directable(text)
        or _owned_en(text)
        or Reading("absent", "no_asset")
    )


_WAS = frozenset({"was", "were", "been"})  # "were rehabilitated", "has been upgraded", "have been trained"


_SINCE = frozenset({"sejak", "setelah", "semenjak"})
SINCE_REACH = 4  # words between "sejak" and the completion it dates ("sejak embung-embung desa dibangun")


def _done_since(text: str, matches: list[Match]) -> Reading | None:
    """Something dated by its completion ("sejak embung-embung desa dibangun", "since the dam was
    built"): what was built or set up then is in place."""
    toks = tokens(text)
    place = places(text)
    for done in find_all(text, "done_verb"):
        if done.negated:
            continue
        at = place[done.found[0]]
        back = [t for t in toks[max(0, at - SINCE_REACH) : at] if t.clause == done.found[0].clause]
        since = next((t for t in back if t.word in _SINCE), None)
        if since is None or done.phrase.lang != "id" or any(t.word in NEGATORS for t in back):
            continue
        # a negation earlier in the clause must be spent on a problem ("belum pernah mengalami
        # kekeringan sejak embung dibangun"), not deny what is dated ("tidak digunakan sejak ...")
        spent = {t for m in matches if m.purpose in PROBLEM and m.negated for t in m.found}
        open_negation = any(
            t.word in NEGATORS and spent.isdisjoint(toks[place[t] + 1 : place[t] + 1 + SCOPE])
            for t in toks[: place[since]]
            if t.clause == since.clause
        )
        if not open_negation:
            if not _not_asset(text).isdisjoint(done.found) or _denied(done, matches, text):
                continue
            return from_match(text, "present", "achieved", done)
    return None


def _done_en(text: str, matches: list[Match]) -> Reading | None:
    """What English says is done, as Indonesian says "sudah/telah + verb": a verb of completion
    after "was/were/has been" ("The irrigation canals were rehabilitated in 2022", "40 cadres have
    been trained"), outside any negation or problem."""
    toks = tokens(text)
    place = places(text)
    perfect = _perfect_en(text, matches)
    if perfect is not None:
        return perfect
    for done in find_all(text, "done_verb"):
        if done.phrase.lang != "en" or done.negated:
            continue
        at = place[done.found[0]]
        if at and toks[at - 1].word in _WAS and toks[at - 1].clause == done.found[0].clause:
            if (
                not _not_asset(text).isdisjoint(done.found)
                or _denied(done, matches, text)
                or _of_the_plan(text, done.found[0])
            ):
                continue
            return from_match(text, "present", "achieved", done)
    return None


def _demand_unmet(text: str) -> tuple[Match, Match] | None:
    """Demand and a supply short of it in one clause ("Permintaan kerapu hidup dari eksportir
    belum dapat dipenuhi", "Demand for cocoa outstrips local supply", "unmet demand")."""
    demand = [m for m in find_all(text, "demand_noun") if not m.negated]
    for short in find_all(text, "supply_short"):
        same = next((d for d in demand if d.found[0].clause == short.found[0].clause), None)
        if same is not None:
            return same, short
    return None


# words that point at what follows: nearness to it, fame for it
_POINTING = frozenset(
    {"dekat dengan", "berdekatan dengan", "close to", "within reach of", "mudah dijangkau"}
    | {"dikenal", "terkenal", "known", "well known", "famous", "renowned"}
)
HARM_REACH = 4  # words after "close to", "known for" in which the harm it points at is named


def _near_harm(text: str, match: Match, matches: list[Match]) -> bool:
    """Is nearness to a harm or a fame for one ("close to two active volcanoes", "berdekatan
    dengan TPA liar", "known for frequent landslides") named with an asset word? Being near a
    hazard, or known for it, is a risk."""
    if match.phrase.text.lower() not in _POINTING:
        return False
    toks = tokens(text)
    at = toks.index(match.found[-1])
    reach = {t for t in toks[at + 1 : at + 1 + HARM_REACH] if t.clause == match.found[0].clause}
    harms = {t for m in find_all(text, "assets_not", "disposal_site") for t in m.found}
    harms.update(t for m in matches if m.purpose in (*PROBLEM, "bad_quantity") for t in m.found)
    return not reach.isdisjoint(harms)


_DONE = frozenset({"telah", "sudah", "has", "have", "had", "already", "berhasil", "successfully"})


def _wanted(text: str, match: Match) -> bool:
    """Is an asset word wanted rather than held: after a word of improving, needing or hoping in
    its clause ("The programme is designed to strengthen the capacity of village officials",
    "diperlukan kerja sama dengan perguruan tinggi yang memiliki keahlian"), not one said done
    ("telah memperkuat kapasitas 40 kader")?"""
    toks = tokens(text)
    place = places(text)
    clause = match.found[0].clause
    for want in find_all(text, "wanted"):
        if want.found[0].clause != clause or want.found[-1].end > match.found[0].start or want.negated:
            continue
        at = place[want.found[0]]
        if at and text[want.found[0].start].isupper():
            continue  # a name ("Indeks Desa Membangun"), not a wish
        if not any(t.word in _DONE and t.clause == clause for t in toks[max(0, at - 2) : at]):
            return True
    return False


_LAND = frozenset({"lahan", "tanah", "land"})
_AT = frozenset({"di", "pada", "ke", "dari", "dalam", "in", "on", "at", "into", "from", "across"})


def _land_harmed(text: str, match: Match, matches: list[Match]) -> bool:
    """Is land named as where something happens ("sebagian besar di lahan gambut", "fires on peat
    land") or as what a harm is done to ("pembukaan lahan dengan cara membakar")? It is held, an
    asset, when offered or available ("tersedia lahan 5 ha")."""
    if len(match.found) != 1 or match.found[0].word not in _LAND:
        return False
    toks = tokens(text)
    i, clause = toks.index(match.found[0]), match.found[0].clause
    if i > 0 and toks[i - 1].word in _AT and toks[i - 1].clause == clause:
        return True
    return any(
        m.purpose in (*PROBLEM, "bad_quantity")
        and m.found[0].clause == clause
        and not m.negated
        and not _handled_thing(text, m)
        for m in matches
    )


_POTENTIAL = frozenset({"potensi", "potensinya", "berpotensi", "potential", "potentially"})
POTENTIAL_REACH = 3  # words between "potensi"/"potential" (in or after an asset) and the harm it names


def _potential_harm(text: str, match: Match, matches: list[Match]) -> bool:
    """Is an asset the potential of a harm ("Potensi banjir rob", "berpotensi longsor", "has a high
    potential for forest fires")? That is a risk, not an opportunity."""
    toks = tokens(text)
    first, clause = toks.index(match.found[0]), match.found[0].clause
    near = [t for t in toks[first : toks.index(match.found[-1]) + 1 + POTENTIAL_REACH] if t.clause == clause]
    at = next((t for t in near if t.word in _POTENTIAL), None)
    if at is None:
        return False
    reach = [t for t in toks[toks.index(at) + 1 : toks.index(at) + 1 + POTENTIAL_REACH] if t.clause == clause]
    # a harm named, not a predicate denied ("Potensi pemasaran digital belum dikelola": untapped)
    harms = [m for m in matches if m.purpose in (*PROBLEM, "bad_quantity") and m.found[0].word not in NEGATORS]
    return any(m.found[0] in reach and not _handled_thing(text, m) for m in harms)


def _good_trend(trends: list[Trend], matches: list[Match], text: str) -> Match | None:
    """A good trend or level ("permintaan kopi terus meningkat"), not a nominal that names a goal
    ("Meningkatnya kesadaran"), nor a high potential of a harm ("a high potential for forest fires")."""
    for word, polarity, noun in trends:
        if polarity != "good" or word.words.endswith("nya") or _bad_consequence(text, word, matches):
            continue
        if _conceded(text, word) or _over_limit(text, word):  # "turun ..., tetapi masih jauh di atas rata-rata"
            continue
        if noun and _potential_harm(text, Match(word.phrase, noun, False), matches):
            continue
        if not _denied(word, matches, text):
            return word
    return None


_CONCEDE = frozenset(
    {"although", "though", "despite", "while", "meskipun", "walaupun", "walau", "kendati", "kendatipun"}
    | {"sekalipun", "biarpun", "meski"}
)
_STILL = frozenset({"masih", "tetap", "still", "remains", "remain", "remained"})
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _conceded(text: str, word: Match) -> bool:
    """Is a good trend conceded before the point of the sentence: the other half of a concessive
    says the thing is still bad ("Tingkat kemiskinan turun ..., tetapi masih jauh di atas rata-rata",
    "Although unemployment fell to 6.2 percent, it is still above the provincial average")? Each half
    is judged on its own: the first is a change, the second a level, and the level is what stands."""
    toks = tokens(text)
    end = _SENTENCE_END.search(text, word.found[-1].end)
    stop = end.start() if end else len(text)
    clause = word.found[0].clause
    own = [t for t in toks if t.clause == clause]
    conceding = any(t.word in _CONCEDE for t in own if t.start < word.found[0].start)
    later = [t for t in toks if t.clause > clause and t.start < stop]
    if conceding:
        return any(t.word in _STILL for t in later)
    turn = next((t for t in later if t.word in _TURN), None)
    return turn is not None and any(t.word in _STILL and t.clause == turn.clause for t in later)


_TURN = frozenset({"tetapi", "namun", "but", "however", "yet"})


def _running(text: str, matches: list[Match]) -> Reading | None:
    """A service or a body said to run regularly ("Kegiatan posyandu berjalan rutin setiap bulan",
    "growth monitoring runs regularly in all 14 hamlets"), not denied: a strength to build on."""
    for run in find_all(text, "service_running"):
        if not _denied(run, matches, text):
            return from_match(text, "present", "service_running", run)
    return None


_CONSEQUENCE = frozenset(
    {"sehingga", "mengakibatkan", "menyebabkan", "akibatnya", "causing", "resulting", "leading", "so"}
)


def _bad_consequence(text: str, word: Match, matches: list[Match]) -> bool:
    """Is a level or a trend followed by a bad consequence ("curah hujan tinggi sehingga sering
    terjadi banjir", "high rainfall, causing floods")? A level that causes a harm is no strength."""
    toks = tokens(text)
    at = toks.index(word.found[-1])
    after = [t for t in toks[at + 1 :] if t.clause in (word.found[0].clause, word.found[0].clause + 1)]
    cause = next((t for t in after if t.word in _CONSEQUENCE), None)
    if cause is None:
        return False
    return any(
        m.purpose in (*PROBLEM, "bad_quantity") and not m.negated and m.found[0].start > cause.start for m in matches
    )


_COMMITTED = frozenset({"komitmen", "berkomitmen", "komitmen kuat", "committed", "commitment"})


def _pledges_a_principle(text: str, match: Match) -> bool:
    """Is an asset a commitment to a general principle ("berkomitmen menjalankan tata kelola yang
    baik", "committed to good governance"), with no figure in its clause? It pledges nothing to
    build on, as a commitment of land, money or people does."""
    if match.phrase.text not in _COMMITTED:
        return False
    clause = match.found[0].clause
    if any(t.clause == clause and (t.word[:1].isdigit() or is_number(t.word)) for t in tokens(text)):
        return False
    return any(p.found[0].clause == clause for p in find_all(text, "principle"))


_CURRENCY = frozenset({"rp", "usd", "idr", "us", "eur", "jpy", "krw", "aud"})
_REACHES = frozenset({"mencapai", "sebesar", "sebanyak", "reaches", "reached", "totals", "exceeds", "melampaui"})
# verbs that take in or bring out a good quantity written after its figure ("receives about
# 300,000 tourists a year", "menghasilkan 1.200 ton kopi", "dikunjungi 45.000 wisatawan")
_TAKES = frozenset(
    {"receives", "received", "attracts", "attracted", "welcomes", "draws", "produces", "produced", "yields"}
    | {"menerima", "dikunjungi", "menarik", "menghasilkan", "memproduksi", "memanen", "mendatangkan"}
    | {"handles", "handled", "processes", "processed", "carries", "carried", "transports", "exports", "exported"}
    | {"menangani", "mengangkut", "mengolah", "mengekspor", "mengirim"}
)
_ABOUT = frozenset(
    {"sekitar", "kurang", "lebih", "dari", "hampir", "hingga", "sampai", "about", "around", "approximately"}
    | {"nearly", "over", "more", "than", "some", "almost", "up", "to"}
)
_PRODUCES = frozenset(
    {"produces", "produced", "yields", "menghasilkan", "memproduksi", "memanen", "handles", "handled", "processes"}
    | {"processed", "carries", "carried", "transports", "exports", "exported", "menangani", "mengangkut", "mengolah"}
    | {"mengekspor", "mengirim"}
)
_MAGNITUDE = frozenset({"ribu", "juta", "miliar", "thousand", "million", "billion"})
_MASS = frozenset({"ton", "tons", "tonnes", "kg", "kilogram", "kuintal", "kwintal", "liter", "litres", "liters"})
UNIT_REACH = 3  # words between a figure and the good quantity it counts ("300,000 domestic tourists")


def _good_figure(text: str, matches: list[Match]) -> Reading | None:
    """A good quantity that reaches a figure ("Produksi kopi rakyat mencapai 1.250 ton per
    tahun"): a strength to build on, unless a problem or limiter in its clause denies it."""
    if _short_of(text) is not None:  # "mencapai 41,3 persen, jauh di bawah target": a shortfall
        return None
    taken = _good_taken(text, matches)
    if taken is not None:
        return taken
    toks = tokens(text)
    for good in (m for m in find_all(text, "good_quantity") if not m.negated):
        clause = good.found[0].clause
        after = [t for t in toks if t.clause == clause and t.start >= good.found[-1].end]
        aims = {t for m in find_all(text, "aim_word") if m.found[0].clause == clause for t in m.found}
        for i, token in enumerate(after[:-1]):
            if i and (after[i - 1].word in _LIMITERS or after[i - 1].word == "baru"):  # "hanya/baru mencapai"
                break
            if aims and any(t.start < token.start for t in aims):  # "ditargetkan mencapai": not reached yet
                break
            figure = after[i + 2] if after[i + 1].word in _CURRENCY and i + 2 < len(after) else after[i + 1]
            if token.word in _REACHES and figure.word[:1].isdigit():  # "mencapai USD 12 juta"
                if _bad_measured(text, token):  # "Waktu tempuh ... dapat mencapai 9 jam": a burden reached
                    break
                found = Match(good.phrase, (*good.found, token, figure), False)
                if not _denied(found, matches, text):
                    return from_match(text, "present", "good_figure", found)
    return None


def _good_taken(text: str, matches: list[Match]) -> Reading | None:
    """A figure of a good quantity taken in or brought out ("The area receives about 300,000
    domestic tourists a year", "Kebun ini menghasilkan 1.200 ton kopi"), unless limited or denied."""
    toks = tokens(text)
    goods = {t: m for m in find_all(text, "good_quantity") if not m.negated for t in m.found}
    for i, token in enumerate(toks):
        if token.word not in _TAKES or (i and toks[i - 1].word in _LIMITERS):
            continue
        rest = [t for t in toks[i + 1 :] if t.clause == token.clause]
        while rest and rest[0].word in _ABOUT:
            rest = rest[1:]
        if not rest or not (rest[0].word[:1].isdigit() or is_number(rest[0].word)):
            continue
        good = next((goods[t] for t in rest[1 : 2 + UNIT_REACH] if t in goods), None)
        # "menghasilkan 1.200 ton", "handles about 1.2 million tonnes of cargo"
        unit = rest[2] if len(rest) > 2 and rest[1].word in _MAGNITUDE else rest[1] if len(rest) > 1 else None
        produced = token.word in _PRODUCES and unit is not None and unit.word in _MASS
        if good is None and not produced:
            continue
        found = Match(good.phrase if good else _ACHIEVED_PHRASE, (token, rest[0], *(good.found if good else ())), False)
        if not _denied(found, matches, text):
            return from_match(text, "present", "good_figure", found)
    return None


# nouns of what a thing costs or takes to run: "operating costs", "operational expenses"
_COSTS = frozenset(
    {"cost", "costs", "expense", "expenses", "expenditure", "expenditures", "budget", "budgets", "subsidy",
     "subsidies", "deficit", "deficits", "losses", "biaya", "beban", "pengeluaran", "anggaran", "subsidi",
     "ratio", "rasio"}
)  # fmt: skip


def _attribute_of_cost(text: str, match: Match) -> bool:
    """Is an asset word the attribute of a cost ("operating costs", "Operating expenses of the
    utility", "biaya operasional")? It names what running costs, not something that runs."""
    toks = tokens(text)
    place = places(text)
    last = place[match.found[-1]]
    after = toks[last + 1] if last + 1 < len(toks) else None
    before = toks[place[match.found[0]] - 1] if place[match.found[0]] else None
    return (after is not None and after.clause == match.found[-1].clause and after.word in _COSTS) or (
        before is not None and before.clause == match.found[0].clause and before.word in _COSTS
    )


# the plan itself as the subject: "Dokumen ini", "rancangan kerja sama ini", "This agreement"
_PLAN_NOUNS = frozenset(
    {"dokumen", "rancangan", "naskah", "perjanjian", "kesepakatan", "rencana", "sama", "pks", "mou",
     "document", "agreement", "plan", "draft", "memorandum", "arrangement", "cooperation", "partnership"}
)  # fmt: skip
_THIS = frozenset({"ini", "this", "tersebut"})
_EACH = frozenset({"each", "every", "setiap", "tiap", "masing-masing"})
_PLAN_PARTS = frozenset(
    {"stream", "streams", "workstream", "workstreams", "component", "components", "activity", "output", "outputs",
     "package", "pillar", "komponen", "kegiatan", "subkegiatan", "paket", "pilar", "keluaran"}
)  # fmt: skip
PLAN_REACH = 4  # words between the plan's noun and its "ini"/"this"


def _of_the_plan(text: str, at: Token) -> bool:
    """Is what is said done said of the plan itself ("Dokumen ini telah melalui pembahasan TKKSD",
    "This agreement has been reviewed by the regional cooperation team")? The plan's own procedure
    is no asset of the situation it works in."""
    if _own_approval(text, at):
        return True
    if not _points(text):
        return False
    toks = tokens(text)
    i = places(text)[at]
    clause = [t for t in toks[:i] if t.clause == at.clause]
    # the words just before, and the clause's subject however far back ("This cooperation plan has been
    # discussed with all partners and approved")
    before = clause[:PLAN_REACH] + [t for t in clause[-2 * PLAN_REACH :] if t not in clause[:PLAN_REACH]]
    for k, t in enumerate(before):
        # "Rapat pembahasan rencana kerja sama telah dilaksanakan", "Two meetings on the draft
        # cooperation agreement have been held": a meeting on the plan is its own procedure
        if t.word in _DELIBERATION and any(b.word in _COOPERATION for b in before[k + 1 : k + 1 + PLAN_REACH]):
            return True
        if t.word in _PLAN_NOUNS and any(b.word in _THIS for b in before[k + 1 : k + 1 + PLAN_REACH]):
            return True
        # "Each work stream has a lead agency", "Setiap komponen kegiatan memiliki penanggung jawab": the
        # plan's parts and how it staffs them
        if t.word in _EACH and any(b.word in _PLAN_PARTS for b in before[k + 1 : k + 1 + PLAN_REACH]):
            return True
        if t.word == "this" and any(b.word in _PLAN_NOUNS for b in before[k + 1 : k + 1 + PLAN_REACH]):
            return True  # "This cooperation plan has been discussed ... and approved"
    return False


_DELIBERATION = frozenset(
    {"rapat", "pembahasan", "konsultasi", "perundingan", "negosiasi", "penyusunan", "perumusan", "meeting",
     "meetings", "discussion", "discussions", "consultation", "consultations", "negotiation", "negotiations"}
)  # fmt: skip
_COOPERATION = frozenset({"sama", "cooperation", "partnership"})  # "kerja sama", "cooperation agreement"


# having or being available, said of what the plan is to bring about ("petani akan memiliki akses ke pasar
# ekspor", "the district will have a modern fish market", "Target kerja sama adalah tersedianya air bersih")
_HAVING = frozenset(
    {"memiliki", "mempunyai", "punya", "dimiliki", "tersedia", "tersedianya", "ketersediaan", "have", "has", "own",
     "owns", "available", "availability"}
)  # fmt: skip
_FUTURE = frozenset({"akan", "bakal", "nantinya", "will", "would", "shall"})
_AIM = frozenset(
    {"target", "sasaran", "tujuan", "harapan", "diharapkan", "aim", "aims", "goal", "goals", "objective",
     "objectives", "expected"}
)  # fmt: skip
FUTURE_REACH = 2  # words between "akan"/"will" and the having it puts ahead ("will soon have")


def _prospective(text: str, match: Match) -> bool:
    """Is an asset word of having or availability said of what the plan is to bring about: after
    "akan"/"will" ("petani akan memiliki akses", "will have a modern fish market") or in a clause that
    names an aim before it ("Target kerja sama adalah tersedianya air bersih", "The aim is for every
    village to have a midwife")? What is to come is no asset of the situation. A partner's pledge
    ("akan menyediakan lahan") is not a having and stays one."""
    first = match.found[0]
    if first.word not in _HAVING:
        return False
    toks = tokens(text)
    at = places(text)[first]
    before = [t.word for t in toks[:at] if t.clause == first.clause]
    return not _FUTURE.isdisjoint(before[-FUTURE_REACH:]) or not _AIM.isdisjoint(before)


# approving or ratifying, by root ("menyetujui", "disetujui", "disahkan", "approved", "ratified")
_APPROVE_ID = frozenset({"setuju", "sah", "ratifikasi"})
_APPROVE_EN = ("approv", "ratif", "endors")
# the cooperation's own documents, and its parties: "rancangan perjanjian kerja sama", "the draft agreement",
# "kedua belah pihak", "both parties"
_AGREEMENT = frozenset(
    {"perjanjian", "kesepakatan", "pks", "mou", "memorandum", "agreement", "agreements", "sama", "cooperation",
     "partnership"}
)  # fmt: skip
_PARTIES = (("kedua", "belah", "pihak"), ("kedua", "pihak"), ("para", "pihak"), ("both", "parties"),
            ("the", "parties"), ("both", "sides"))  # fmt: skip
APPROVAL_REACH = 2  # words from the asset's first word to the approving verb ("telah disetujui")


def _own_approval(text: str, at: Token) -> bool:
    """Is what is said done an approval of the cooperation's own documents or by its own parties
    ("Rancangan perjanjian kerja sama telah disetujui", "The draft agreement was approved by both
    councils", "Both parties have approved their budgets")? That is the plan's procedure; an
    approval by another body of something else ("DPRD telah menyetujui anggaran Rp2 miliar untuk
    TPS3R", "Kementerian telah menyetujui izin lingkungan") stays an asset."""
    toks = tokens(text)
    i = places(text)[at]
    near = [t for t in toks[i : i + 1 + APPROVAL_REACH] if t.clause == at.clause]
    if not any(t.word.startswith(_APPROVE_EN) or stem_id(t.word) in _APPROVE_ID for t in near):
        return False
    words = [t.word for t in toks if t.clause == at.clause]
    if not _AGREEMENT.isdisjoint(words):
        return True
    return any(tuple(words[k : k + len(p)]) == p for p in _PARTIES for k in range(len(words)))


@lru_cache(maxsize=8192)
def _points(text: str) -> bool:
    """Has ``text`` a word that points at the plan or its parts ("ini", "this", "setiap", "each"),
    or a meeting that may be on it ("rapat", "pembahasan", "meetings")?"""
    return any(t.word in _THIS or t.word in _EACH or t.word in _DELIBERATION for t in tokens(text))


LIMIT_REACH = 3  # words between an exceeding verb and the limit it passes ("melampaui ambang baku mutu")


def _over_limit(text: str, word: Match) -> bool:
    """Is a rise past a limit or standard ("melampaui baku mutu", "exceed the national standard")?
    Passing a limit of harm is the harm, not a strength; reaching a target ("melampaui target")
    stays one."""
    toks = tokens(text)
    i = places(text)[word.found[-1]]
    reach = {t for t in toks[i + 1 : i + 1 + LIMIT_REACH] if t.clause == word.found[-1].clause}
    limits = (m for m in find_all(text, "reference") if m.phrase.text.lower() in _LIMITS)
    return any(m.found[0] in reach for m in limits)


_LIMITS = frozenset({"baku mutu", "ambang", "standar", "standard", "threshold"})


def _bad_measured(text: str, reach: Token) -> bool:
    """Does the clause that reaches a figure measure a burden before it ("Waktu tempuh rujukan dapat
    mencapai 9 jam", "travel time can reach 8 hours")?"""
    before = {t for t in tokens(text)[: places(text)[reach]] if t.clause == reach.clause}
    return any(
        not m.negated and not before.isdisjoint(m.found)
        for m in find_all(text, "bad_quantity", "bad_measure", "duration_word")
    )


_HAVE = frozenset({"has", "have"})
# words between "has"/"have" and the participle: "has nonetheless allocated", "have already planted"
_ADVERBS = frozenset(
    {"already", "also", "nonetheless", "since", "recently", "successfully", "now", "jointly", "together", "just",
     "even", "still", "meanwhile", "likewise", "similarly", "independently"}
)  # fmt: skip
PERFECT_REACH = 2  # adverbs between "has"/"have" and its participle


def _perfect_en(text: str, matches: list[Match]) -> Reading | None:
    """What English says a side has done, in the present perfect ("the village youth group has
    planted 4 hectares of mangroves", "the district Bappeda has nonetheless allocated funds"), as
    Indonesian says "telah + verb": an asset unless it is a change (a trend is read apart), a harm,
    or said in a clause with a problem or a negation ("conflicts have delayed two investments", "salt
    water has reached several wells")."""
    toks = tokens(text)
    if not any(t.word in _HAVE for t in toks):  # most texts: no perfect to read
        return None
    changes = words_of(text, "increase", "decrease", "trend_up", "trend_down")
    # a harm anywhere in the sentence: "Rising sea levels have flooded the fields ..., and salt water has
    # reached several wells" spreads one harm over its clauses
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    harms = {
        bisect(ends, m.found[0].start) for m in matches if m.purpose in (*PROBLEM, "bad_quantity") and not m.negated
    }
    for i, t in enumerate(toks):
        if t.word not in _HAVE or bisect(ends, t.start) in harms:
            continue
        k = i + 1
        while k < len(toks) and k - i <= PERFECT_REACH and (toks[k].word in _ADVERBS or toks[k].word.endswith("ly")):
            k += 1
        if k >= len(toks) or toks[k].clause != t.clause:
            continue
        verb = toks[k]
        if not verb.word.endswith("ed") or verb.word in _WAS or verb in changes or stem_id(verb.word) != verb.word:
            continue
        if any(u.word in NEGATORS for u in toks[max(0, i - SCOPE) : k] if u.clause == t.clause):
            continue
        if not _not_asset(text).isdisjoint((verb,)) or _own_approval(text, t):
            continue  # "Both parties have approved their budgets": the plan's own procedure
        found = Match(_ACHIEVED_PHRASE, (t, verb), False)
        if not _denied(found, matches, text):
            return from_match(text, "present", "achieved", found)
    return None


_CAN = frozenset({"dapat", "bisa", "boleh", "can", "may"})
_DIRECTED = frozenset(
    {"diarahkan", "dialokasikan", "digunakan", "dimanfaatkan", "directed", "allocated", "used", "channelled",
     "channeled", "earmarked"}
)  # fmt: skip
_TOWARDS = frozenset({"untuk", "bagi", "ke", "kepada", "for", "to", "towards"})
_BE = frozenset({"be"})
_RELATIVE = frozenset({"yang", "that", "which"})


def _directable(text: str) -> Reading | None:
    """Means that may be put to the purpose ("sebagian dapat diarahkan untuk ketahanan pangan",
    "can be allocated to waste management"): an asset, unless denied ("tidak dapat digunakan")."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        # denied, or a relative clause on a noun whose existence the main clause decides ("belum
        # mempunyai gedung ... yang bisa dimanfaatkan untuk kegiatan warga")
        if token.word not in _CAN or (i and toks[i - 1].word in NEGATORS | _RELATIVE):
            continue
        at = i + 1 + (i + 1 < len(toks) and toks[i + 1].word in _BE)
        if (
            at + 1 < len(toks)
            and toks[at].word in _DIRECTED
            and toks[at + 1].word in _TOWARDS
            and toks[at + 1].clause == token.clause
        ):
            return from_match(text, "present", "directable", Match(_ACHIEVED_PHRASE, (token, toks[at]), False))
    return None


_OWN = frozenset({"own", "owns"})
_POSSESSIVE = frozenset({"its", "their", "his", "her", "our", "my", "your", "on", "of"})  # "its own budget"
OWNED_REACH = 2  # words between "own" and the amount owned ("own around 650.000 ha")


def _owned_en(text: str) -> Reading | None:
    """ "own" as a verb with an amount ("smallholders own around 650,000 ha of plantations"): what
    the people of the place hold is an endowment; "its own budget" is no verb."""
    toks = tokens(text)
    for i, token in enumerate(toks):
        if token.word not in _OWN or not i or toks[i - 1].word in _POSSESSIVE or toks[i - 1].word in NEGATORS:
            continue
        after = [t for t in toks[i + 1 : i + 1 + OWNED_REACH] if t.clause == token.clause]
        amount = next((t for t in after if t.word[:1].isdigit() or is_number(t.word)), None)
        owned = Match(_ACHIEVED_PHRASE, (token, amount), False) if amount is not None else None
        if owned is not None and not _denied(owned, [], text):  # "Fewer than half of the fishers own 1 boat"
            return from_match(text, "present", "asset", owned)
    return None
