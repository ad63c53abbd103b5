"""The direction an indicator's own statement names."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.direction.bounds import blanked, bound_of, bounded, limit_named, with_target, within_bound
from advisor.text.direction.changes import (
    _band,
    _changes,
    _from_to,
    _later_change,
    _past_bound,
    _phrasal,
    _undirected_change,
)
from advisor.text.direction.countermeasures import (
    _acted_on,
    _beneficiaries,
    _control_of_level,
    _document_alone,
    _document_subject,
    _good_of_harm,
    _swallowed,
)
from advisor.text.direction.counts import (
    _after_per,
    _attribute_at,
    _breakdown,
    _by_agent,
    _counted,
    _doers_lower,
    _done_to_plural,
    _for_whom,
    _headed,
    _qualifier_change,
    quantity_words_of,
)
from advisor.text.direction.denials import _anti, _change_denied, _free_compound, _freed, _harm_ended, _none_of, _undone
from advisor.text.direction.duration import _NEEDED, _duration, _interval
from advisor.text.direction.handled import _consumed, _done_badly, _handled, _through_channel, _to_disposal
from advisor.text.direction.neutral import _mixed_share, _neutral
from advisor.text.direction.places import _during, _from_source, _in_circumstance, _in_place, _placed, _trespass
from advisor.text.direction.qualifiers import _after_diminisher, _diminished, _lacking
from advisor.text.direction.ratios import _INDEX, _paired_ratio, _per_good, _per_population, _quality_head, _ratio
from advisor.text.direction.reduction import (
    _level_after,
    _level_reduced,
    _measure_before,
    _object_kind,
    _occurs,
    _passive_predicate,
    _use_of,
)
from advisor.text.lexicon import Match, find_all
from advisor.text.reading import Reading, from_match, quoted
from advisor.text.stem import stem_id
from advisor.text.tokens import Token, tokens

_ON_RECORD = frozenset({"terdata", "tercatat", "recorded"})
# words naming the value of what follows: "Nilai indeks SPBE", "Capaian indeks", "The SPBE index"
_VALUE_OF = frozenset({"nilai", "capaian", "angka", "value", "the"})
_PREPOSITIONS_EN = frozenset({"of", "in", "for", "on", "at", "by", "among", "per"})


_TOTALS = frozenset({"rata-rata", "total", "jumlah", "average", "the"})


def _commitment(text: str, good: list[Match], bad: list[Match]) -> Reading | None:
    """Money committed or a site's fixed attribute at the head ("Nilai kontrak pekerjaan
    rehabilitasi", "Contract value of the road works", "Ketinggian lokasi embung"): what it buys
    or where it stands does not say which way it should go; not a contract that earns ("Nilai
    kontrak riset dengan industri", a good quantity holding its word), nor a harm's measure
    ("Ketinggian genangan")."""
    toks = tokens(text)
    k = 0
    while k < len(toks) and toks[k].word in _TOTALS:
        k += 1
    head = next(
        (m for m in find_all(text, "commitment_value", "site_attribute") if k < len(toks) and m.found[0] == toks[k]),
        None,
    )
    if head is None or any(set(head.found) & set(g.found) for g in good):
        return None
    if head.purpose == "site_attribute" and bad:
        return None
    return from_match(text, "unknown", "neutral_quantity", head)


_PRICES = frozenset({"harga", "price", "prices", "nilai"})
_PRICE_AT = 3  # words from the start in which a price heads: "Rata-rata harga jual kopi"


def _producer_price(text: str, bad: list[Match]) -> Reading | None:
    """A price at the producer's side ("Harga ikan di tingkat nelayan", "Farm-gate price of cocoa",
    "Price received by fishers"): what the producer earns, which should rise; not the price of an
    input ("Harga pupuk di tingkat petani", a harm) nor a market price ("Harga eceran beras")."""
    toks = tokens(text)
    price = next((t for t in toks[:_PRICE_AT] if t.word in _PRICES), None)
    if price is None or bad:
        return None
    level = next(
        (m for m in find_all(text, "producer_level") if not m.negated and m.found[0].clause == price.clause), None
    )
    if level is None:
        return None
    return from_match(text, "increase", "producer_price", Match(level.phrase, (price, *level.found), False))


_PRICE_OF = frozenset({"price", "prices", "cost", "costs"})
_AVERAGE = frozenset({"the", "average", "mean", "median"})


def _price_of(text: str) -> Reading | None:
    """An English price written with "of" ("Price of fertiliser paid by farmers", "Average price of
    seed"), read as its compound ("fertiliser prices", "seed prices"): an input's price, a harm."""
    toks = tokens(text)
    k = 0
    while k < len(toks) and toks[k].word in _AVERAGE:
        k += 1
    if k + 2 >= len(toks) or toks[k].word not in _PRICE_OF or toks[k + 1].word != "of":
        return None
    for size in (2, 1):
        thing = [t for t in toks[k + 2 : k + 2 + size] if t.clause == toks[k].clause]
        if len(thing) != size:
            continue
        compound = " ".join(t.word for t in thing) + " prices"
        if any(not m.negated and len(m.found) > size for m in find_all(compound, "bad_quantity")):
            said, span = quoted(text, toks[k], *thing)
            return Reading("decrease", "bad_quantity", said, span)
    return None


_RELATIVE = frozenset({"yang", "that", "which", "who"})
# words between a relative and its predicate: "yang masih rusak", "that are damaged", "yang dalam
# keadaan rusak"
_BEFORE_PREDICATE = frozenset(
    {"masih", "sudah", "telah", "sedang", "dalam", "keadaan", "kondisi", "berstatus", "is", "are", "was", "were", "be",
     "been", "being", "still", "have", "has", "had", "become", "became", "remain", "remains"}
)  # fmt: skip


_CAUSES = frozenset({"akibat", "karena", "oleh karena", "disebabkan", "due", "because", "owing", "caused"})


def _after_cause(text: str, token: Token) -> bool:
    """Does ``token`` follow a word of cause within two words ("due to breakdowns", "akibat
    gangguan")?"""
    toks = tokens(text)
    i = toks.index(token)
    return any(t.word in _CAUSES and t.clause == token.clause for t in toks[max(0, i - 2) : i])


def _copula_of_harm(text: str, match: Match, harms: list[Match]) -> bool:
    """Is a keep word the copula of a relative clause whose predicate is a harm ("that remain
    idle", "yang tetap rusak", "yang masih terbengkalai")?"""
    toks = tokens(text)
    i, j = toks.index(match.found[0]), toks.index(match.found[-1])
    if i == 0 or j + 1 >= len(toks) or toks[i - 1].word not in _RELATIVE:
        return False
    return any(h.found[0] == toks[j + 1] and not h.negated for h in harms)


def _relative_of(toks: tuple[Token, ...], predicate: Token) -> int | None:
    """Where the relative marker ("yang", "that") opening the clause whose predicate starts at
    ``predicate`` stands, the words between them aside ("yang masih rusak", "that are damaged");
    None when no relative marker stands there, or not in the predicate's clause."""
    k = toks.index(predicate) - 1
    while k > 0 and toks[k].word in _BEFORE_PREDICATE:
        k -= 1
    return k if k > 0 and toks[k].word in _RELATIVE and toks[k].clause == predicate.clause else None


def _after_bad_relative(text: str, token: Token, bad: list[Match]) -> bool:
    """Does ``token`` stand after a harm that is the predicate of a relative clause in its
    clause ("Persentase ikan yang rusak sebelum dipasarkan", "sayuran yang busuk sebelum sampai ke
    pasar", "facilities that are abandoned after being built")?"""
    toks = tokens(text)
    for match in bad:
        first = match.found[0]
        if first.clause != token.clause or first.start >= token.start:
            continue
        if _relative_of(toks, first) is not None:
            return True
    return False


_DEED_REACH = 6  # words from a relative marker to the deed of its clause


def _relative_before(toks: tuple[Token, ...], deed: Token) -> int | None:
    """Where the relative marker of the clause ``deed`` stands in is: right before it, or a few
    words before, past words of completion, time or manner or a first verb and its object ("yang
    telah mencatat", "yang setiap musim mengolah", "that regularly clean up", "yang menggelar kerja
    bakti membersihkan")."""
    at = toks.index(deed)
    for j in range(at - 1, max(0, at - 1 - _DEED_REACH), -1):
        if toks[j].clause != deed.clause:
            return None
        if toks[j].word in _RELATIVE:
            return j if j > 0 else None
    return None


def _deed_object(text: str, good: list[Match], bad: list[Match]) -> set[Token]:
    """Words of a harm that is the object of a relative clause's deed of keeping, recording or using
    ("Jumlah bank sampah unit yang mencatat tabungan sampah secara daring", "households that sort
    their waste"): the statement counts the doers before it, not the harm. Not when what is counted
    is a harm itself ("kasus yang menimpa ...") or the deed is one ("yang membuang sampah")."""
    deeds = [m for m in find_all(text, "handling_deed") if not m.negated]
    if not deeds or not bad:
        return set()
    toks = tokens(text)
    named_good = {t for m in good for t in m.found}  # "bank sampah" is no harm
    bad_words = {t for m in bad for t in m.found} - named_good
    out: set[Token] = set()
    for deed in deeds:
        k = _relative_before(toks, deed.found[0])
        if k is None:
            continue
        if bad_words.intersection(toks[:k]) or bad_words.intersection(toks[k : toks.index(deed.found[-1]) + 1]):
            continue  # the doers are a harm ("kasus yang ..."), or the deed or a deed before it is one
        end = deed.found[-1].start
        out.update(t for m in bad for t in m.found if t.clause == deed.found[0].clause and t.start > end)
    return out


def _timed(text: str, match: Match) -> bool:
    """Is ``match`` the process whose time is measured ("Waktu penyebaran peringatan dini")?"""
    duration = _duration(text)
    return duration is not None and duration.found[-1] in match.found


def _harm_before(token: Token, bad: list[Match]) -> bool:
    """Does a harm stand before ``token`` in its clause?"""
    return any(b.found[-1].start < token.start and b.found[-1].clause == token.clause for b in bad)


# heads of a category rather than a quantity: a status, a grade, an audit opinion
_CATEGORIES = frozenset({"status", "predikat", "opini", "kategori", "klasifikasi", "peringkat", "rating", "grade"})


# a share of income spent above a threshold: the burden of a cost (SDG 3.8.2 catastrophic health spending,
# water or housing cost overburden): "households spending more than 20 percent of income on water"
_SPEND = frozenset(
    {"spending", "spend", "spends", "spent", "paying", "pay", "pays", "membelanjakan", "mengeluarkan",
     "menghabiskan", "membayar", "pengeluaran", "pengeluarannya", "expenditure", "expenditures"}
)  # fmt: skip
_ABOVE = frozenset({"more", "above", "over", "exceeding", "lebih", "melebihi", "atas", "di"})
_INCOME = frozenset(
    {"income", "incomes", "earnings", "budget", "pendapatan", "pendapatannya", "penghasilan", "penghasilannya",
     "pengeluaran", "anggaran"}
)  # fmt: skip
BURDEN_REACH = 8  # words from the spending to the income it is a share of


def _burden_share(text: str) -> Reading | None:
    """A count of those spending more than a share of their income on something ("Percentage of
    households spending more than 20 percent of income on water", "Rumah tangga dengan pengeluaran
    kesehatan lebih dari 10 persen pendapatan"): the burden of a cost, which should fall; the income
    there is the measure of the share, not what is counted."""
    toks = tokens(text)
    for i, t in enumerate(toks):
        if t.word not in _SPEND:
            continue
        reach = [u for u in toks[i + 1 : i + 1 + BURDEN_REACH] if u.clause == t.clause]
        above = next((k for k, u in enumerate(reach) if u.word in _ABOVE), None)
        if above is None or not any(u.word[:1].isdigit() for u in reach[above:]):
            continue
        if any(u.word in _INCOME for u in reach[above + 1 :]):
            said, span = quoted(text, t)
            return Reading("decrease", "burden_share", said, span)
    return None


# what leads a change to its target level: "ditekan hingga 3%", "berkurang menjadi 120 ha", "reduced to 10%"
_TO_TARGET = frozenset({"hingga", "menjadi", "sampai", "ke", "to"})
_NEGATORS = frozenset({"tidak", "belum", "bukan", "tak", "not", "no", "never"})


def _main_predicate(text: str, match: Match) -> bool:
    """Is the change word the main predicate of the statement, after a relative clause that has
    its own predicate ("Persentase KPM yang tidak tepat sasaran ditekan hingga maksimal 3%",
    "Luas lahan yang belum direklamasi berkurang menjadi 120 ha", "Jumlah desa yang belum
    berstatus ODF berkurang")? With a target level after it, or ending the statement after a
    clause whose own predicate is a verb or a negation ("yang belum berstatus ODF"; "yang kasus
    DBD turun" has none but the change); not when the change is itself negated or owned ("yang
    omzetnya meningkat")."""
    toks = tokens(text)
    i, j = toks.index(match.found[0]), toks.index(match.found[-1])
    clause = match.found[0].clause
    if i == 0 or toks[i - 1].word in _NEGATORS:
        return False
    relative = next((n for n in range(i - 1, 0, -1) if toks[n].word in _RELATIVE and toks[n].clause == clause), None)
    if relative is None or i - relative < 3:
        return False  # "yang turun hingga 5%": the clause's own predicate
    inside = toks[relative + 1 : i]
    if any(t.word.endswith("nya") and len(t.word) > 5 for t in inside):
        return False
    if j + 2 < len(toks) and toks[j + 1].word in _TO_TARGET:
        k = _past_bound(toks, j + 2)
        return k < len(toks) and toks[k].clause == clause and toks[k].word[:1].isdigit()
    last = j + 1 >= len(toks) or toks[j + 1].clause != clause
    return last and any(t.word in _NEGATORS or _verb_id(t.word) for t in inside)


def _verb_id(word: str) -> bool:
    """An Indonesian verb form opening a relative clause's predicate ("berstatus", "memiliki",
    "terdampak", "direhabilitasi")."""
    return len(word) > 5 and word.startswith(("ber", "me", "ter", "di")) and stem_id(word) != word


_REACH = frozenset({"reach", "reaches", "reached", "reaching"})


def _reach_target(text: str) -> Reading | None:
    """An English target predicate with its level ("... reaches 95%", "to reach 15%", "reaching
    at least 98 percent"), as "mencapai" in Indonesian: the level is to be attained, so the
    measure rises; not a place reached ("for piped water to reach the highest hamlets"), and a
    harm that reaches a level is read as the harm (the caller asks only when none is named)."""
    toks = tokens(text)
    for i, token in enumerate(toks[:-1]):
        if token.word in _REACH:
            k = _past_bound(toks, i + 1)
            if k < len(toks) and toks[k].clause == token.clause and toks[k].word[:1].isdigit():
                said, span = quoted(text, token, toks[k])
                return Reading("increase", "target_reached", said, span)
    return None


@lru_cache(maxsize=8192)  # a pure function of the text; plans repeat their texts
def statement_direction(text: str) -> Reading:
    """The direction ``text`` itself names, or ``unknown``."""
    deadline = next((m for m in find_all(text, "deadline") if m.found[0].start > 0), None)
    if deadline is not None:
        # "Jumlah posyandu aktif paling lambat akhir 2026": the deadline and its time are set
        # aside (blanked, so that the places of the other words hold)
        clause = deadline.found[0].clause
        end = max(t.end for t in tokens(text) if t.clause == clause)
        start = deadline.found[0].start
        return statement_direction(text[:start] + " " * (end - start) + text[end:])
    # the two values of a change written out ("dari 24% menjadi 14%", "cut from 30% to 10%") say
    # more than the word of the change, and than what is counted
    values = _from_to(text) or _band(text)
    if values is not None:
        return values
    burden = _burden_share(text)
    if burden is not None:
        return burden
    needed = _duration(text)
    if needed is not None and needed.found[-1].word in _NEEDED | {"untuk"}:
        # "Waktu yang dibutuhkan untuk mencapai pelabuhan": a change word in what the time is
        # needed for is no change of the quantity measured
        return from_match(text, "decrease", "duration_of_process", needed)
    interval = _interval(text)
    if interval is not None:
        # "Rata-rata waktu dari pendaftaran sampai penerbitan izin", "months from graduation to first
        # job": the time between two events; the words of its ends ("job", "tetap") are no measure
        return from_match(text, "decrease", "duration_of_interval", interval)
    changes = _changes(text)
    harms = find_all(text, "bad_quantity")
    subject = _document_subject(text)
    names = [set(m.found) for m in find_all(text, "fixed_term")]
    limit = limit_named(text)
    bound = bound_of(text)
    for match, purpose in changes:
        if bound is not None and set(match.found) <= set(bound.match.found):
            continue  # "80 percent or more": a floor, no rise
        if any(set(match.found) <= name for name in names):
            continue  # "lower secondary", "pendidikan tinggi": a level's name, no change
        if limit is not None and limit.span is not None and limit.span[0] <= match.found[0].start < limit.span[1]:
            continue  # "Upper limit of daily visitors": the limit named, no change
        if _swallowed(match, harms):
            continue  # "Penurunan muka tanah": subsidence, a harm, not a fall
        if subject.intersection(match.found):
            continue  # "Dokumen rencana aksi penurunan stunting": the document's subject, no change
        if purpose == "maintain" and _copula_of_harm(text, match, harms):
            continue  # "health posts that remain idle": the harm they are in is read below
        if _after_diminisher(text, match.found[0]):
            continue  # "Poorly maintained roads", "kurang terpelihara": a lack, read below
        if purpose in ("increase", "decrease", "reduction_count") and _main_predicate(text, match):
            # "Persentase KPM yang tidak tepat sasaran ditekan hingga maksimal 3%": the change and its
            # target are the subject's; the clause's negation is the clause's
            predicate = from_match(text, "increase" if purpose == "increase" else "decrease", "target_predicate", match)
            return with_target(text, predicate, match)
        qualified = _qualifier_change(text, match, purpose)
        if qualified is not None:
            return qualified
        if match.negated:
            if purpose in ("decrease", "reduction_count", "increase") and _change_denied(text, match):
                # "tidak berkurang", "not to decline": the level is held
                return from_match(text, "maintain", "change_denied", match)
            continue
        if purpose in ("decrease", "reduction_count"):
            reducers = _doers_lower(text, match)
            if reducers is not None:
                return reducers  # "Jumlah desa yang mengurangi sampah plastik": the doers rise
        modifier = any(m.found[0] == match.found[0] for m in find_all(text, "change_modifier"))
        if modifier and _later_change(text, match, changes):
            continue  # "Mempercepat penurunan stunting": the change accelerated decides
        if purpose == "reduction_count":
            if _level_reduced(text, match) or _occurs(text, match) or _passive_predicate(text, match):
                # "Poverty rate reduced to 8%", "Stunting prevalence cut to 14%": the level itself
                return with_target(text, from_match(text, "decrease", "reduction_of_level", match), match)
            if _level_after(text, match) and not _measure_before(text, match):
                return from_match(text, "decrease", "reduction_of_level", match)
            if _object_kind(text, match) == "good":
                # "Penurunan produksi padi", "Reduction in crop yields": a good thing that falls is
                # a harm, not a count of what was reduced
                return from_match(text, "decrease", "fall_of_good", match)
            # a reduction named at the head ("Pengurangan timbulan sampah", "Reduction in diesel
            # consumption") or counted in a clause ("sampah yang berhasil dikurangi"); a plan may
            # give the head form the figures of the level it lowers (IN010 reads them so)
            toks = tokens(text)
            named = bool(toks) and match.found[0] == toks[1 if toks[0].word in ("the", "a") else 0]
            return from_match(text, "increase", "reduction_named" if named else "reduction_counted", match)
        return with_target(text, from_match(text, purpose, "direction_word", match), match)
    if limit is not None:
        return limit
    if bound is not None:
        # "Tingkat pengangguran terbuka paling tinggi 3,5 persen", "at least 90 percent absorption":
        # a bound with no verb of change goes the good way of what it bounds (bounds.py)
        return bounded(text, bound, statement_direction(blanked(text, bound)))
    within = within_bound(text)
    if within is not None:
        return within  # "Persentase pasien yang menunggu paling lama 60 menit": those served in time
    undirected = _undirected_change(text) or _paired_ratio(text)
    if undirected is not None:
        return undirected
    first_said = _phrasal(text) or _control_of_level(text) or _none_of(text) or _anti(text)
    if first_said is not None:
        return first_said
    # A bad noun inside a good thing ("bank sampah", "pengolahan sampah", "waste bank") is not a
    # bad quantity: the good thing's words are set aside first.
    # Where a good and a bad phrase overlap, the longer names the thing: "harga pokok produksi"
    # is a cost, though "produksi" alone is good.
    # "tinggal" (to live) meets "tertinggal" (lagging) by its root: a verb of where people are is no harm
    dwelling = {t for m in find_all(text, "state_verb") for t in m.found}
    bad = [
        m
        for m in find_all(text, "bad_quantity")
        if not m.negated
        and not subject.intersection(m.found)
        and not _during(text, m.found[0])
        and not dwelling.issuperset(m.found)
    ]
    good = [
        m
        for m in find_all(text, "good_quantity")
        if not m.negated
        and not subject.intersection(m.found)
        and not _placed(text, m.found[0])
        and not _from_source(text, m.found[0])
        and not _during(text, m.found[0])  # "saat dijual": when it is measured, not what
        and not any(len(b.found) > len(m.found) and set(m.found) <= set(b.found) for b in bad)
    ]
    reached = None if bad else _reach_target(text)
    if reached is not None:
        return reached
    # "Jumlah rumah tangga di Kecamatan ...", "Harga eceran minyak goreng", "Outpatient visits": a
    # statistic with nothing else in it says no way to go ("Kecepatan angin" is no service's speed)
    raw = next((m for m in find_all(text, "raw_form") if not m.negated), None)
    if raw is not None and not bad and not any(not m.negated for m in find_all(text, "value_adding")):
        # "Persentase ikan yang diekspor dalam bentuk utuh beku": a good shipped raw, which the
        # policy of downstreaming wants less of; alone it says no way to go (a goal may); not a
        # raw good that is processed ("bahan baku mentah yang diolah")
        return from_match(text, "unknown", "raw_form", raw)
    committed = _commitment(text, good, bad)
    if committed is not None:
        return committed
    producer = _producer_price(text, bad) or (None if bad else _price_of(text))
    if producer is not None:
        return producer
    neutral = _neutral(text, good, bad) or _mixed_share(text, good, bad)
    if neutral is not None:
        return neutral
    written = _quality_head(text) or _lacking(text) or _ratio(text) or _use_of(text, subject) or _diminished(text)
    if written is not None:
        return written
    alone = _document_alone(text, bad)
    if alone is not None:
        return from_match(text, "unknown", "output_document", alone)
    toks = tokens(text)
    head = (
        next((m for m in find_all(text, "neutral_measure") if toks and m.found[0] == toks[0]), None)
        or next(
            (
                m
                for m in find_all(text, "attribute_head")
                if toks.index(m.found[0]) == _attribute_at(toks)
                # "Usia 15-24 tahun yang bekerja": an age band qualifies who is counted
                and not (
                    len(toks) > toks.index(m.found[-1]) + 1 and toks[toks.index(m.found[-1]) + 1].word[:1].isdigit()
                )
            ),
            None,
        )
    )
    if head is not None and not quantity_words_of(good, bad).intersection(head.found) and not _by_agent(text, head):
        # "Breakdown of placed migrant workers by destination country": a distribution, whatever it counts
        return from_match(text, "unknown", "neutral_measure", head)
    inside_good = (
        {t for m in good for t in m.found}
        | _acted_on(text, bad)
        | _good_of_harm(text, good, bad)
        | _beneficiaries(text, good, bad)
        | {t for m in find_all(text, "bad_quantity") if dwelling.issuperset(m.found) for t in m.found}
        | subject
        | _in_circumstance(text)
        | _deed_object(text, good, bad)
    )
    quantity_words = {t for m in (*good, *bad) for t in m.found}
    for purpose, label, reason in (
        ("count_up", "increase", "cumulative_count"),
        ("neutral_measure", "unknown", "neutral_measure"),
        ("bad_quantity", "decrease", "bad_quantity"),
    ):
        found = next(
            (
                m
                for m in find_all(text, purpose)
                if not m.negated
                and not (purpose == "bad_quantity" and inside_good.intersection(m.found))
                # "children out of school": a count word inside a longer harm is the harm's
                and not (
                    purpose == "count_up"
                    and (
                        _swallowed(m, bad)
                        or _to_disposal(text, m.found[-1])
                        or _in_place(text, m.found[0])
                        # "Kadar air tembakau saat dijual", "when sold": a time clause dates the
                        # measure, it counts nothing
                        or _during(text, m.found[0])
                        or _done_badly(text, m, [b for b in bad if not inside_good.intersection(b.found)])
                        or _consumed(text, m, bad)
                        or _after_per(text, m.found[0])
                        # "ikan yang rusak sebelum dipasarkan": the relative clause says the counted
                        # thing is bad; what follows in it only dates the harm
                        or _after_bad_relative(text, m.found[0], bad)
                        # "pemain judi online yang terdata": a harm on record is still the harm
                        or (m.found[0].word in _ON_RECORD and _harm_before(m.found[0], bad))
                    )
                )
                # "Share of births attended by skilled personnel": the "by" of an agent, not of a breakdown
                and not (purpose == "neutral_measure" and quantity_words.intersection(m.found))
                # "Share of the catch sold by cooperatives": "by" after a participle names its agent
                and not (purpose == "neutral_measure" and _by_agent(text, m))
                # "Kelancaran distribusi logistik": a quality heading the neutral word decides
                and not (purpose == "neutral_measure" and _headed(text, m, quantity_words))
                # "jamban terpisah untuk siswa laki-laki dan perempuan": for whom, not a breakdown
                and not (purpose == "neutral_measure" and _for_whom(text, m.found[0]))
                # "pada jaringan distribusi PDAM": where it is measured, a network, not a breakdown
                and not (purpose == "neutral_measure" and _in_place(text, m.found[0]))
                # "Waktu penyebaran peringatan dini": the process a time is measured of, no spread
                and not (purpose == "neutral_measure" and _timed(text, m))
                # "obat yang kedaluwarsa sebelum didistribusikan": the harm dated, no distribution
                and not (purpose == "neutral_measure" and _after_bad_relative(text, m.found[0], bad))
                # "cancelled due to breakdowns": a cause, not the categories of a breakdown
                and not (purpose == "neutral_measure" and _after_cause(text, m.found[0]))
            ),
            None,
        )
        if found is not None:
            if purpose == "bad_quantity" and _handled(text, found):
                return from_match(text, "increase", "bad_handled", found)
            if purpose == "bad_quantity" and _through_channel(text, found):
                return from_match(text, "increase", "channel_use", found)
            if purpose == "bad_quantity" and _freed(text, found):
                return from_match(text, "increase", "harm_free", found)
            return from_match(text, label, reason, found)
        if purpose == "count_up":  # nothing counted up: something not yet done?
            undone = _undone(text)
            if undone is not None:
                return undone
        if purpose == "neutral_measure":
            duration = _duration(text)
            if duration is not None:
                return from_match(text, "decrease", "duration_of_process", duration)
    ended = _harm_ended(text) or _free_compound(text)
    if ended is not None:
        return ended
    trespass = _trespass(text, good)
    if trespass is not None:
        return trespass
    counted = _counted(text)
    if counted is not None:
        return counted
    if good:
        per = _per_good(text, good)
        if per is not None:
            return per
        broken = _breakdown(text)
        if broken is not None:
            return broken
        if toks and toks[0].word in _CATEGORIES:
            # "Status akreditasi perpustakaan desa", "Opini BPK atas LKPD": a category held, which
            # says by itself no way to go (the goal may)
            return Reading("unknown", "no_direction", *quoted(text, toks[0]))
        return from_match(text, "increase", "good_quantity", good[0])
    toks = tokens(text)
    done = _done_to_plural(text, toks)
    if done is not None:
        return done
    index_at = 1 if toks and toks[0].word in _VALUE_OF else 0
    if index_at and len(toks) > 2 and toks[1].word == "of":  # "Value of the e-government maturity index"
        index_at = 2
    # English puts the index last in its noun phrase: "The digital government maturity index of ..."
    np_end = next((k for k, t in enumerate(toks) if k >= index_at and t.word in _PREPOSITIONS_EN), len(toks))
    first = index_at
    index_at = next((k for k in range(index_at, np_end) if toks[k].word in _INDEX), index_at)
    # a bare "Indeks" names nothing; one ending an English phrase has its name before it
    named = len(toks) > index_at + 1 or index_at > first
    if named and toks[index_at].word in _INDEX:
        # "Indeks Desa Membangun", "Nilai indeks SPBE", "Index value of ...": an index a plan reports
        # is one of development, which should rise (indices of a harm are read above: "Indeks Gini")
        said, span = quoted(text, toks[index_at])
        return Reading("increase", "good_quantity", said, span)
    means = next(
        (
            m
            for m in find_all(text, "countermeasure")
            if not m.negated and not _swallowed(m, bad) and not _in_place(text, m.found[0])
        ),
        None,
    )
    if means is not None:
        return from_match(text, "increase", "countermeasure", means)
    # a good thing denied ("rumah tangga tanpa akses listrik") is a bad quantity
    denied = next((m for m in find_all(text, "good_quantity") if m.negated), None)
    if denied is not None:
        return from_match(text, "decrease", "good_denied", denied)
    provision = _per_population(text)
    if provision is not None:
        return provision
    level = next((m for m in find_all(text, "harm_level") if not m.negated and toks.index(m.found[0]) <= 1), None)
    if level is not None and len(toks) > toks.index(level.found[-1]) + 1:
        # "Prevalensi gondok", "Incidence of leptospirosis": measures kept for harms
        return from_match(text, "decrease", "harm_level", level)
    return Reading("unknown", "no_direction")
