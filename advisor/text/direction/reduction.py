"""A reduction and what it reduces: "Penurunan angka kemiskinan" falls, "Pengurangan sampah" rises."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from advisor.text.direction._common import _LINKS, _MEANS
from advisor.text.lexicon import Match, find_all
from advisor.text.reading import Reading, from_match
from advisor.text.tokens import Token, tokens

LEVEL_WINDOW = 4  # words after "penurunan" in which a level word ("angka", "rate") may stand


def _level_after(text: str, reduction: Match) -> bool:
    end = reduction.found[-1].end
    toks = tokens(text)
    after = [i for i, t in enumerate(toks) if t.start >= end and t.word not in _LINKS][:LEVEL_WINDOW]
    if not after:
        return False
    window = (toks[after[0]].start, toks[after[-1]].end)
    # the time a process takes is a level too ("Penyingkatan waktu layanan", "Reduction in waiting time")
    return any(window[0] <= m.found[0].start < window[1] for m in find_all(text, "level", "duration_word"))


# words of occurrence before a change noun: "Terjadi penurunan kasus DBD" says the cases fall
_OCCUR_HEADS = frozenset({"terjadi", "terjadinya", "adanya", "ada", "terdapat", "there"})


def _occurs(text: str, reduction: Match) -> bool:
    """Is a reduction noun the change said to happen ("Terjadi penurunan kasus DBD", "Adanya
    pengurangan sampah ke TPA"), not a count of what was reduced?"""
    toks = tokens(text)
    i = toks.index(reduction.found[0])
    return 0 < i <= 2 and toks[i - 1].word in _OCCUR_HEADS and toks[i - 1].clause == reduction.found[0].clause


_TO_TARGET = frozenset({"to", "menjadi", "hingga", "sampai"})


def _passive_predicate(text: str, reduction: Match) -> bool:
    """Is an Indonesian passive of a reduction the predicate of what is measured ("Volume sampah
    ke TPA dikurangi separuhnya", "Konsumsi listrik dihemat 20 persen"), not the verb of a
    relative clause that counts what was reduced ("sampah yang berhasil dikurangi")?"""
    first = reduction.found[0]
    if reduction.phrase.lang != "id" or not first.word.startswith(("di", "ter")):
        return False
    toks = tokens(text)
    i = toks.index(first)
    before = [t for t in toks[:i] if t.clause == first.clause]
    return bool(before) and not any(t.word in ("yang", "dari") for t in before)


def _level_reduced(text: str, reduction: Match) -> bool:
    """Is a reduction participle said of a level before it ("Poverty rate reduced", "Angka
    kemiskinan dikurangi"), or does it name the new level ("Stunting prevalence cut to 14%")?
    Then the level falls; "Waste reduced at source" counts what was reduced."""
    toks = tokens(text)
    i, j = toks.index(reduction.found[0]), toks.index(reduction.found[-1])
    clause = reduction.found[0].clause
    after = [t.word for t in toks[j + 1 : j + 3] if t.clause == clause]
    if len(after) == 2 and after[0] in _TO_TARGET and after[1][:1].isdigit():
        return True
    # the level right before the participle ("rate reduced"), not a measure of what was reduced
    # ("Share of waste diverted", "Persentase penurunan")
    participle = reduction.found[0].word.endswith("ed") or reduction.found[0].word in ("cut", "cuts")
    if participle and i == 0 and j + 1 < len(toks):
        # "Reduced number of road crashes": a participle heading the measure it qualifies
        return any(m.found[0] == toks[j + 1] for m in find_all(text, "measurable", "level")) or any(
            0 < toks.index(m.found[0]) - j <= 2 and m.found[0].clause == clause for m in find_all(text, "use_head")
        )
    return (
        participle
        and i > 0
        and toks[i - 1].clause == clause
        and any(m.found[-1] == toks[i - 1] for m in find_all(text, "level"))
    )


def _object_kind(text: str, change: Match) -> str:
    """What the first quantity after a change word names, within a few words of it: ``good``,
    ``bad`` or ``""`` ("Penurunan kualitas air": good; "Pengurangan timbulan sampah": bad)."""
    end = change.found[-1].end
    clause = change.found[-1].clause
    toks = tokens(text)
    quantities = find_all(text, "bad_quantity", "good_quantity")
    if any(m.found[0].start < change.found[0].start and m.found[0].clause == clause for m in quantities):
        return ""  # "Jumlah sampah yang berhasil dikurangi": what was reduced stands before
    after: list[Token] = []
    for t in toks[toks.index(change.found[-1]) + 1 :]:
        if t.clause != clause or t.word in _MEANS or len(after) == LEVEL_WINDOW:
            break  # "dikurangi melalui bank sampah": the means, not what was reduced
        if t.word not in _LINKS:
            after.append(t)
    if not after:
        return ""
    stop = after[-1].end
    found = [m for m in quantities if end <= m.found[0].start < stop and not m.negated]
    if not found:
        return ""
    first = min(m.found[0].start for m in found)
    # at one place the longer phrase names the thing ("harga pokok produksi" is a cost)
    here = max((m for m in found if m.found[0].start == first), key=lambda m: len(m.found))
    return "bad" if here.purpose == "bad_quantity" else "good"


def _measure_before(text: str, reduction: Match) -> bool:
    """Is the reduction word the thing measured ("Persentase penurunan ...", "Jumlah kasus
    yang dicegah"), not the head of a falling level?"""
    start = reduction.found[0].start
    return any(m.found[0].start < start for m in find_all(text, "measurable"))


def _use_of(text: str, subject: AbstractSet[Token] = frozenset()) -> Reading | None:
    """The use of a thing, read by what is used: in Indonesian after the use word ("Konsumsi air
    tanah", "Penggunaan pupuk organik"), in English before it too ("mercury use", "fish
    consumption", "groundwater extraction"). A resource to conserve or a harmful input falls, a
    good food or input rises; anything else names no direction ("Konsumsi listrik"). Not a use
    in a document's ``subject`` ("Surat edaran tentang minimalisasi penggunaan plastik")."""
    toks = tokens(text)
    heads = [m for m in find_all(text, "use_head") if not m.negated and subject.isdisjoint(m.found)]
    if not heads:
        return None
    objects = [m for m in find_all(text, "use_bad", "use_good", "bad_quantity", "good_quantity") if not m.negated]
    for head in heads:
        i, j = toks.index(head.found[0]), toks.index(head.found[-1])
        clause = head.found[0].clause
        after: list[Token] = []
        for t in toks[j + 1 :]:
            if t.clause != clause or t.word in _MEANS or len(after) == LEVEL_WINDOW:
                break
            if t.word not in _LINKS:
                after.append(t)
        before = [t for t in toks[max(0, i - 2) : i] if t.clause == clause] if head.phrase.lang == "en" else []
        reach = {*after, *before}
        here = [m for m in objects if m.found[0] in reach]
        if not here:
            continue
        # the nearest object, the longest at its place ("pestisida kimia" over "pestisida")
        first = min(here, key=lambda m: (abs(toks.index(m.found[0]) - j), -len(m.found)))
        label = "decrease" if first.purpose in ("use_bad", "bad_quantity") else "increase"
        return from_match(text, label, "use_of_" + ("harm" if label == "decrease" else "good"), head, first)
    return None
