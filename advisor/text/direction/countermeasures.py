"""Countermeasures and documents at the head, and the harm they act on."""

from __future__ import annotations

from advisor.text.lexicon import Match, find_all, words_of
from advisor.text.reading import Reading, quoted
from advisor.text.tokens import Token, tokens

# deliverables that are no document on a subject: a report of a harm is evidence of it ("Laporan
# kasus DBD"), an application a request ("pending permit applications"), a certificate a title
_REPORTS = frozenset({"laporan", "report", "reports", "aplikasi", "application", "sertifikat", "certificate"})
_AGAINST_REACH = 3  # words after a countermeasure in which the harm it acts on stands
_CAUSE = frozenset({"akibat", "karena", "sebab", "disebabkan", "lantaran"})


def _swallowed(means: Match, bad: list[Match]) -> bool:
    """Is a countermeasure's word part of a longer harm ("rawat" in "lama rawat inap")?"""
    return any(len(b.found) > len(means.found) and set(means.found) <= set(b.found) for b in bad)


def _acted_on(text: str, bad: list[Match]) -> set[Token]:
    """Words of a countermeasure and of the harm right after it ("peringatan dini banjir"):
    the harm is the countermeasure's object, not the quantity measured."""
    if not bad:
        return set()
    toks = tokens(text)
    out: set[Token] = set()
    for means in find_all(text, "countermeasure"):
        if _swallowed(means, bad):
            continue  # "lama rawat inap" is a stay in hospital, not a treatment
        out.update(means.found)
        start, end = toks.index(means.found[0]), toks.index(means.found[-1])
        clause = means.found[0].clause
        after = toks[end + 1 : end + 1 + _AGAINST_REACH]
        if means.phrase.lang == "en":
            # an English noun adjunct stands before its head ("flood warnings"), an object after
            # "of" or "for" ("prevention of stunting", "warning system for floods"), not after a
            # participle ("recorded crimes")
            # a participle met through its stem has no adjunct: "incidents recorded by patrols"
            participle = means.found[-1].word.endswith("ed")
            # an adjective of a bad state before it is its state, no object: "duplicate records"
            states = words_of(text, "bad_state")
            before = () if participle else tuple(t for t in toks[max(0, start - 2) : start] if t not in states)
            link = next((k for k, t in enumerate(after[:2]) if t.word in ("of", "for", "against")), None)
            direct = after[:2] if means.found[-1].word.endswith("ing") and start > 0 else ()
            after = toks[end + 2 + link : end + 2 + link + _AGAINST_REACH] if link is not None else ()
            # a participle's object right after it: "Households sorting waste at home"
            after = (*after, *direct)
            reach = {t for t in (*before, *after) if t.clause == clause}
        else:
            # the object before a predicate: "Klaim asuransi pertanian yang ditolak" rejects claims
            # and before a cause: "pasien yang dirawat akibat DBD" counts the harm's victims
            stop = next((k for k, t in enumerate(after) if t.word == "yang" or t.word in _CAUSE), len(after))
            reach = {t for t in after[:stop] if t.clause == clause}
        for harm in bad:
            if means.phrase.lang != harm.phrase.lang and means.found[0].start > harm.found[0].start:
                continue  # "Kesalahan data": an English adjunct's order does not hold in Indonesian
            if harm.found[0] in reach or harm.found[-1] in reach:
                out.update(harm.found)
    return out


_SUBJECT_ENDS = frozenset({"yang", "that", "which", "adopted", "approved", "signed", "issued", "completed"})


def _document_subject(text: str) -> set[Token]:
    """The words of a document and of its subject ("Dokumen kajian tarif retribusi sampah yang
    disepakati", "Pedoman penanganan banjir rob", "Guidelines on flood response"): what it is
    about is no quantity measured. A report of a harm is evidence of it ("Laporan kasus DBD"), an
    application a request, a certificate a title: those keep their words."""
    toks = tokens(text)
    out: set[Token] = set()
    predicates = _predicates(text)
    for doc in find_all(text, "deliverable"):
        if doc.phrase.text in _REPORTS or doc.negated:
            continue
        end = toks.index(doc.found[-1])
        out.update(doc.found)
        for t in toks[end + 1 :]:
            if t.clause != doc.found[-1].clause or t.word in _SUBJECT_ENDS or t in predicates:
                break
            out.add(t)
    return out


# nominalisations: Indonesian -an and the loans in -si ("eliminasi", "optimalisasi", "stabilisasi"), English
_NOUN_ENDS = ("an", "si", "ion", "ment", "ing")


def _predicates(text: str) -> set[Token]:
    """The first words of change words in a verb form ("tetap terjaga", "meningkat",
    "dipertahankan"): a predicate ends a document's subject ("Status akreditasi program studi
    tetap terjaga"), where a nominalisation is part of it ("Dokumen rencana aksi penurunan
    stunting")."""
    return {
        m.found[0]
        for m in find_all(text, "maintain", "increase", "decrease")
        if not m.found[0].word.endswith(_NOUN_ENDS) or m.found[0].word.startswith(("me", "di", "ter"))
    }


_TITLES = frozenset({"aplikasi", "application", "sertifikat", "certificate"})
_DOC_REACH = 3  # words before a document at the head ("Baseline survey report on ...")


def _document_alone(text: str, bad: list[Match]) -> Match | None:
    """A document named at the head with nothing counted and no predicate of what was done to
    it ("Dokumen Rencana Induk Pengembangan Kebun Raya", "Peta jalur transportasi sungai",
    "Standard operating procedure for rabies management"): an output that exists or not, which
    says nothing of which way is better, whatever its subject names. A report of a harm is
    evidence of it ("Laporan kasus DBD"); "Pedoman ... yang ditetapkan" is a thing made."""
    toks = tokens(text)
    doc = next(
        (
            m
            for m in find_all(text, "deliverable")
            # a participle met through its stem ("parcels mapped") or a title held ("certificate")
            if not m.negated
            and not m.found[0].word.endswith(("ed", "ing"))
            and m.phrase.text not in _TITLES
            # as written, not met through its root ("pelaporan" is no "laporan")
            and m.found[0].word.startswith(m.phrase.text.split()[0][:4])
        ),
        None,
    )
    if doc is None or bad or toks.index(doc.found[0]) >= _DOC_REACH:
        return None
    clause = doc.found[0].clause
    before = toks[: toks.index(doc.found[0])]
    if any(t.clause != clause for t in before) or find_all(" ".join(t.word for t in before), "measurable"):
        return None  # "Jumlah dokumen ...": a count of documents
    if any(t.word in _SUBJECT_ENDS and t.clause == clause for t in toks):
        return None
    return doc


_CONTROL_LINKS = frozenset({"of", "the", "a", "an", "dari", "terhadap", "atas"})


def _control_of_level(text: str) -> Reading | None:
    """A countermeasure at the head acting on a level ("Pengendalian laju alih fungsi lahan",
    "Penanggulangan angka putus sekolah", "Control of the rate of land conversion"): the level it
    holds down falls, as after a reduction word ("Penurunan angka kemiskinan"). Not a service
    counted ("Cakupan pengendalian vektor"), whose head is no countermeasure."""
    toks = tokens(text)
    means = next((m for m in find_all(text, "countermeasure") if toks and m.found[0] == toks[0]), None)
    if means is None or means.negated:
        return None
    k = len(means.found)
    while k < len(toks) and toks[k].word in _CONTROL_LINKS and toks[k].clause == toks[0].clause:
        k += 1
    if k >= len(toks) or toks[k].clause != toks[0].clause:
        return None
    if means.phrase.lang == "en" and k == len(means.found):
        return None  # "Case detection rate": an English compound names the rate of the means itself
    if not any(m.found[0] == toks[k] for m in find_all(text, "level")):
        return None
    said, span = quoted(text, toks[0], toks[k])
    return Reading("decrease", "reduction_of_level", said, span)


_GOOD_LINKS = frozenset({"for", "of", "against", "untuk", "terhadap"})
_GOOD_REACH = 4  # words from a good head to the harm it is the good of: "for drug-resistant tuberculosis"


def _ends_in_measure(text: str, match: Match) -> bool:
    """Does an English good phrase end in its measure ("case detection rate", "treatment coverage"),
    so that a harm after it is its field; a thing ("water supply") before a harm is the harm's
    modifier, the harm its head ("water supply interruptions")."""
    return any(m.found[-1] == match.found[-1] for m in find_all(text, "level", "measurable")) or match.found[
        -1
    ].word in ("coverage", "rate", "rates", "ratio")


def _good_of_harm(text: str, good: list[Match], bad: list[Match]) -> set[Token]:
    """Words of a harm that a good quantity at the head is had for ("Treatment success rate for
    tuberculosis", "Cure rate of malaria", "Case notification rate for TB"): the good is what is
    measured, the harm its field, as in "Angka keberhasilan pengobatan TBC"."""
    if not good or not bad:
        return set()
    toks = tokens(text)
    # a harm's word inside the good phrase is the good's ("case" in "case detection rate")
    alone = [b for b in bad if not any(set(b.found) <= set(g.found) for g in good)]
    if not alone:
        return set()
    first_bad = min(toks.index(b.found[0]) for b in alone)
    out: set[Token] = set()
    for match in good:
        end = toks.index(match.found[-1])
        if end >= first_bad:
            continue
        after = toks[end + 1] if end + 1 < len(toks) else None
        if match.phrase.lang == "en" and len(match.found) > 1 and after is not None and _ends_in_measure(text, match):
            # "Case detection rate TBC", "Treatment coverage TBC": the disease named after an English
            # measure (an Indonesian harm right after a good one qualifies it: "kualitas udara tidak sehat")
            out.update(t for b in bad if b.found[0] == after for t in b.found)
        for k in range(end + 1, min(len(toks), end + 3)):  # the good's own measure word may follow: "rate"
            if toks[k].word in _GOOD_LINKS and toks[k].clause == match.found[0].clause:
                window = toks[k + 1 : k + 1 + _GOOD_REACH]
                out.update(t for b in bad if b.found[0] in window for t in b.found)
                break
    return out


_FOR = frozenset({"for", "bagi", "untuk", "kepada"})


def _beneficiaries(text: str, good: list[Match], bad: list[Match]) -> set[Token]:
    """Words of a harm named as whom a good thing is for ("Affordable rice prices for poor
    households", "Cakupan air minum bagi penduduk miskin"): those it serves, not the quantity."""
    if not good or not bad:
        return set()
    toks = tokens(text)
    first_good = min(toks.index(g.found[0]) for g in good)
    out: set[Token] = set()
    for harm in bad:
        i = toks.index(harm.found[0])
        window = toks[max(first_good + 1, i - 3) : i]
        if i > first_good and any(t.word in _FOR and t.clause == harm.found[0].clause for t in window):
            out.update(harm.found)
    return out
