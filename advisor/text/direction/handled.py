"""A bad thing at the head and what handles it: "kasus yang tertangani", "sampah yang dibuang ke TPA"."""

from __future__ import annotations

from advisor.text.direction._common import _ALREADY, _AND, _LINKS, _active
from advisor.text.direction.places import _in_place
from advisor.text.lexicon import Match, find_all
from advisor.text.negation import NEGATORS
from advisor.text.tokens import Token, tokens

_DONE_TO = ("di", "ter")  # "sampah yang dipilah", "kasus yang tertangani"
_RECEIVES = frozenset(
    {"menerima", "mendapat", "mendapatkan", "memperoleh", "keluar", "lulus", "kembali", "beralih"}
    # recovery ends the harm: "penderita TB yang sembuh", "perokok yang berhenti merokok"
    | {"sembuh", "pulih", "selamat", "bebas", "berhenti", "tuntas", "recovered", "cured"}
    # a case closed: "aduan yang selesai tepat waktu", "sengketa yang rampung"
    | {"selesai", "rampung", "beres"}
)

_PLURALS = frozenset({"children", "people", "women", "men", "youth", "elderly", "staff", "personnel", "police"})
# English verbs of what a person in need receives: "poor households receiving cash transfers"
_RECEIVES_EN = frozenset({"receiving", "getting", "accessing", "obtaining", "benefiting", "receive", "get", "access"})
# disposal is no handling: "sampah yang ditimbun di TPA", "limbah yang dibakar" should fall
_DISPOSED = frozenset({"dibuang", "ditimbun", "dibakar", "ditumpuk", "terbuang", "tertimbun", "menumpuk"})
# a resource consumed is not handled: "Diesel used by the village generators", "BBM yang digunakan"
_CONSUMED = frozenset({"used", "consumed", "burned", "burnt", "digunakan", "dikonsumsi", "dipakai", "terpakai"})
# a harm recorded or occurring is no harm handled: "kasus kekerasan yang dilaporkan", "kasus DBD
# yang terjadi" count the harm
_RECORDED = frozenset(
    {"dilaporkan", "tercatat", "dicatat", "terlapor", "terdata", "terjadi", "terdapat", "terkena", "terlambat"}
)
NOUN_REACH = 3  # words of the bad thing's noun phrase before its "yang"

DISPOSAL_REACH = 3  # words after a verb in which "ke TPA", "to landfill" stands


def _to_disposal(text: str, verb: Token) -> bool:
    """Is what ``verb`` did carried to where waste ends ("diangkut ke TPA", "hauled to landfill")?"""
    toks = tokens(text)
    i = toks.index(verb)
    reach = {t for t in toks[i + 1 : i + 1 + DISPOSAL_REACH] if t.clause == verb.clause}
    # carried there ("ke TPA", "to landfill"), not handled there ("diolah di TPA")
    sites = find_all(text, "disposal_site")
    if verb.word in _TOWARDS | {"di"} and i + 1 < len(toks):
        # the verb's own motion: "sampah yang sampai di TPA", "waste delivered to landfill"
        return any(m.found[0] == toks[i + 1] for m in sites)
    return any(m.found[0] in reach and toks[toks.index(m.found[0]) - 1].word in _TOWARDS for m in sites)


_TOWARDS = frozenset({"ke", "menuju", "to", "into", "the"})
# a price or cost "yang dibayar" someone is what they bear ("Harga pakan yang dibayar
# peternak"), unlike arrears or a claim paid ("tunggakan yang dibayar"), which is settled
_PRICE_HEADS = frozenset({"harga", "biaya", "tarif", "ongkos", "price", "prices", "cost", "costs", "fee", "fees"})
_PAID = frozenset({"dibayar", "dibayarkan"})  # not "ditanggung": a cost covered by JKN rises


def _handled(text: str, bad: Match) -> bool:
    """Is the bad thing followed by what was done to it ("keluarga miskin yang menerima bantuan",
    "sampah yang berhasil dipilah", "kasus yang ditangani")? Then the statement counts it handled,
    which rises; not when the verb is bad itself ("sampah yang dibuang") or negated ("yang belum
    diselesaikan")."""
    toks = tokens(text)
    start = toks.index(bad.found[-1]) + 1
    clause = bad.found[-1].clause
    done = {t for m in find_all(text, "count_up") if not _in_place(text, m.found[0]) for t in m.found}
    reach = 0
    for k in range(start, len(toks)):
        if toks[k].word not in _AND and toks[k].word not in _LINKS:
            reach += 1  # "kekerasan terhadap perempuan dan anak yang ...": one noun phrase
        if reach > NOUN_REACH or toks[k].clause != clause:
            return False
        if toks[k].word in _CONSUMED:
            return False
        if bad.phrase.lang == "en" and (toks[k].word in _RECEIVES_EN or toks[k] in done):
            # "survivors of violence receiving legal assistance", "dengue cases treated": people or
            # cases that receive, not a state ("Difficulty accessing credit")
            plural = any((t.word.endswith("s") and not t.word.endswith("ss")) or t.word in _PLURALS for t in toks[:k])
            return plural and not (k > 0 and toks[k - 1].word in NEGATORS)
        if toks[k].word != "yang":
            continue
        rest = [t for t in toks[k + 1 : k + 3] if t.clause == clause]
        if rest and rest[0].word in _ALREADY:
            rest = rest[1:]
        if not rest or rest[0].word in NEGATORS:
            return False
        bad_words = {t for m in find_all(text, "bad_quantity") for t in m.found}
        if (
            rest[0] in bad_words
            or rest[0].word in _DISPOSED
            or rest[0].word in _RECORDED
            or rest[0].word in _CONSUMED
            or _to_disposal(text, rest[0])
        ):
            return False
        if bad.found[0].word in _PRICE_HEADS and rest[0].word in _PAID:
            return False  # "Harga pupuk yang dibayar petani": the cost its payer bears, not a harm settled
        if rest[0].word.startswith(_DONE_TO) or rest[0].word in _RECEIVES:
            return True
        return _doing_well(text, toks, toks.index(rest[0]), bad_words)
    return False


# verbs of suffering a harm or being somewhere: "balita yang mengalami stunting", "keluarga miskin
# yang tinggal di bantaran" say nothing done about it
_SUFFERS = frozenset({"mengalami", "menderita", "mengidap", "berisiko", "berpotensi", "bergantung", "menunggak"})
# verbs of a harm going on: "kapal cantrang yang beroperasi", "rentenir yang beredar"
_GOES_ON = frozenset({"beroperasi", "berjalan", "berlangsung", "beredar", "beraktivitas", "berkeliaran", "berjualan"})


def _doing_well(text: str, toks: tuple[Token, ...], k: int, bad_words: set[Token]) -> bool:
    """Do the people of a harm do something with no harm in it ("rumah tangga miskin yang
    beternak kambing", "desa rawan banjir yang memiliki sistem peringatan dini")? Then what is
    counted is that, which rises; not "yang mengalami stunting", "yang tinggal di bantaran"."""
    verb = toks[k]
    if not _active(verb.word) or verb.word in _SUFFERS | _GOES_ON:
        return False
    if any(m.found[0] == verb for m in find_all(text, "state_verb")):
        return False
    return not any(t in bad_words for t in toks[k:] if t.clause == verb.clause)


def _consumed(text: str, done: Match, bad: list[Match]) -> bool:
    """Is a harmful resource what was used ("Diesel used by the generators", "BBM yang
    digunakan")? Then the resource is what is counted, and it should fall."""
    if done.found[0].word not in _CONSUMED:
        return False
    toks = tokens(text)
    i = toks.index(done.found[0])
    before = {t for t in toks[max(0, i - 3) : i] if t.clause == done.found[0].clause}
    return any(before.intersection(m.found) for m in bad)


_MANNER_REACH = 4  # words after a thing done in which the manner of it stands
_CAUSE = frozenset({"akibat", "karena", "due", "owing", "because", "caused"})


def _done_badly(text: str, done: Match, bad: list[Match]) -> bool:
    """Is what was done qualified as a harm right after it ("anggaran yang terserap terlambat",
    "funds disbursed late")? Then the harm is what is counted."""
    toks = tokens(text)
    j = toks.index(done.found[-1])
    if done.found[-1].word in ("of", "from", "dari"):
        return False  # "lifted out of poverty": the harm left behind
    if j + 1 < len(toks) and any(m.found[0] == toks[j + 1] for m in bad):
        return True
    i = toks.index(done.found[0])
    if i >= 2 and toks[i - 2].word == "yang" and any(m.found[-1] == toks[i - 1] for m in bad):
        return True  # "pengaduan yang lambat ditindaklanjuti": the manner before the verb
    # done against the rules a few words on: "yang dijual ke kolektor tanpa dokumen asal-usul"
    reach = {t for t in toks[j + 1 : j + 1 + _MANNER_REACH] if t.clause == done.found[-1].clause}
    # done by a harm: "Businesses closed due to the floods", "rumah yang ditutup akibat banjir"
    cause = next((k for k in range(j + 1, min(len(toks), j + 3)) if toks[k].word in _CAUSE), None)
    if cause is not None and any(m.found[0] in toks[cause + 1 : cause + 4] for m in bad):
        return True
    return any(m.found[0] in reach and not m.negated for m in find_all(text, "irregular"))


def carried_away(text: str) -> bool:
    """Is a thing of ``text`` carried to where waste ends by a service ("sampah yang diangkut ke
    TPA", "waste hauled to the landfill"), not dumped there ("dibuang", "ditimbun")?"""
    toks = tokens(text)
    return any(
        (t.word.startswith("di") or t.word.endswith("ed")) and t.word not in _DISPOSED and _to_disposal(text, t)
        for t in toks
    )


# where a harm is reported: "pengaduan yang masuk melalui aplikasi LAPOR", "grievances lodged through
# the project hotline"
_THROUGH = frozenset({"melalui", "lewat", "via", "through"})
_CHANNELS = frozenset(
    {"kanal", "aplikasi", "layanan", "saluran", "hotline", "portal", "situs", "laman", "website", "platform",
     "loket", "posko", "pos", "nomor", "call", "sms", "whatsapp", "channel", "channels", "app", "application",
     "helpline", "helpdesk", "desk", "line", "mechanism", "mekanisme", "sistem", "system"}
)  # fmt: skip
CHANNEL_REACH = 4  # words from the harm to its "melalui"/"through", and from there to the channel


def _through_channel(text: str, bad: Match) -> bool:
    """Is the harm counted as it comes in through a channel ("Jumlah pengaduan warga yang masuk
    melalui aplikasi LAPOR", "laporan kekerasan melalui layanan SAPA 129", "grievances lodged
    through the hotline")? Then the count is of the channel's use, which should rise; not the harm
    itself ("pengaduan tentang layanan air bersih")."""
    toks = tokens(text)
    end = toks.index(bad.found[-1])
    clause = bad.found[-1].clause
    for k in range(end + 1, min(len(toks), end + 1 + CHANNEL_REACH)):
        if toks[k].clause != clause or toks[k].word in NEGATORS:
            return False
        if toks[k].word in _THROUGH:
            after = toks[k + 1 : k + 1 + CHANNEL_REACH]
            return any(t.word in _CHANNELS and t.clause == clause for t in after)
    return False
