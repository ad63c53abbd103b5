"""Which way an indicator should move, read from what it counts.

In order: a direction word, as written or by the root of a change verb in the forms that name a
change ("meningkatnya", "dinaikkan", "diperluas", "menyusutnya", "tetap"; not "tingkat",
"kekurangan", "tumbuhan"), where a comparative before "than"/"dari" and a number is only a
threshold and "Mempercepat penurunan ..." takes the change accelerated; a count of a reduction
or of something prevented, which rises ("Pengurangan timbulan sampah", "Persentase penurunan
emisi", "sampah yang berhasil ditekan") unless the reduction word is followed by the level
itself ("Penurunan angka kemiskinan" falls); a change written as its two values ("dari 24%
menjadi 14%"); a cumulative count, which rises ("pemandu terlatih"); a word that denies what
should rise ("unpaved", "ketidakpatuhan"); the time a service takes, which falls ("lama
pengurusan izin"); a bad quantity, which should fall ("Persentase penduduk miskin", "waktu
tanggap") unless it is handled ("yang tertangani") or is the object of a countermeasure
("peringatan dini banjir", "flood warnings"); what a count at the head counts ("yang belum
memiliki" falls, "yang berhasil graduasi" rises); a good quantity or a countermeasure, which
should rise ("Tingkat kepuasan", "Jumlah posko siaga"). Only when the statement says nothing
(or names only a good quantity that the goal also names) is the direction taken from the goal
or activity it measures, and the reading is then marked inferred: rules never build an error
on an inference.

Precedence among the sources, as a senior analyst weighs them (``direction`` follows it):
1. what the statement says of a change (a direction word, "dari A menjadi B", a band);
2. a goal that keeps what the statement counts ("Menjaga stabilitas harga gabah"): maintain, over
   every default of what is counted, a producer's price included, and over a harm it holds;
3. what the statement counts when its meaning fixes the way (a reduction counted, a harm handled or
   prevented, a lack, the time a process takes, a harm): these stand against a goal;
4. a goal that changes the same thing, over the weak defaults (a good quantity, a count of doers,
   a provision per head, a harm received through a channel, a harm a service carries to disposal);
5. the weak default itself: a goal about another thing names the end, and what is counted is
   its means ("Number of schools with functioning handwashing facilities" under "Reduce
   diarrhoea" rises), except that the doers present make the load or the dependence a goal of
   easing it lowers ("vehicles entering the old town" under "Reduce traffic congestion"), unless
   they are a clean alternative ("electric ferries operating" under "Reduce diesel emissions");
6. a statement that says nothing takes the first goal or activity that names a direction;
7. a neutral statistic takes only a goal about the same thing, else stays unknown.
Known departures: a count of doers whose deed is the goal's own (``_does_what_goal_changes``)
takes the goal's direction even under a goal about another thing, step 6's reach; a goal and a
statement that name one thing in different words ("tourists" and "visitor numbers") are read as
about different things, so a keeping goal so worded is missed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from advisor.text.direction.changes import _changes
from advisor.text.direction.counts import quantity_words_of
from advisor.text.direction.goal import (
    _clean_means,
    _does_what_goal_changes,
    _goal_direction,
    _harm_as_topic,
    _holds_head,
    _kept_by_goal,
    _means_deed,
    _present_and_named,
    _same_thing,
    _shift_direction,
)
from advisor.text.direction.handled import carried_away
from advisor.text.direction.statement import statement_direction
from advisor.text.lexicon import find_all
from advisor.text.reading import Reading, quoted
from advisor.text.tokens import tokens

__all__ = ["bound_of_level", "direction", "is_stated", "quantity_words_of", "statement_direction"]

# The reasons of a direction the indicator's own words STATE: a word of change governing what is
# measured ("Menurunkan angka kemiskinan", "Poverty rate reduced to 8%"), a change written as its
# two values ("dari 24% menjadi 14%"), a band or a level to reach, a change denied ("tidak
# berkurang"). Every other reason is a judgement of what is counted (a harm falls, a good thing
# rises, a reduction counted rises), sound on the labelled data but a reading all the same: a
# rule may build a warning on it, an error only on a stated or declared direction (DESIGN's
# "Severity is a promise").
_STATED = frozenset(
    {
        "direction_word",
        "from_to",
        "target_predicate",
        "target_band",
        "target_reached",
        "change_denied",
        "reduction_of_level",
    }
)


def is_stated(reading: Reading) -> bool:
    """Does the indicator's own wording state the direction (not a judgement of what it counts)?"""
    return not reading.inferred and reading.reason in _STATED


# readings a goal that names a direction overrides
_WEAK = ("good_quantity", "count_of_doers", "provision_per_population")
# readings of a harm by name, which should fall unless a goal about it says to hold it
_HARMS = ("bad_quantity", "good_denied", "harm_level")


def _says_nothing(reading: Reading) -> bool:
    """Is there nothing in the statement to read a direction from (not even a neutral measure)?"""
    return reading.label == "unknown" and reading.reason in ("no_direction", "output_document")


# statistics that say no way to go by themselves: only a goal about the same thing gives one
_NEUTRAL = ("neutral_quantity", "neutral_measure", "raw_form", "change_undirected", "ratio_of_pair")


# words of administration that place a statistic, not what it measures
_ADMIN = frozenset(
    {"kabupaten", "kota", "provinsi", "kecamatan", "kelurahan", "desa", "nagari", "kampung", "regency", "city",
     "province", "district", "village", "sub-district", "subdistrict"}
)  # fmt: skip


@lru_cache(maxsize=8192)  # asked once for every goal a statement is read against
def _without_names(statement: str) -> str:
    """The statement without its proper names and words of administration ("Jumlah penduduk
    Kabupaten Sikka" is "Jumlah penduduk"): a goal in the same place ("Menurunkan stunting di
    Kabupaten Sikka") speaks of another thing. Acronyms stay ("ASN", "RSUD", "TBS")."""
    kept = []
    for i, token in enumerate(tokens(statement)):
        said = statement[token.start : token.end]
        title = said[:1].isupper() and said[1:].islower()
        if token.word in _ADMIN or (title and i > 0):
            continue
        kept.append(said)
    return " ".join(kept)


def _neutral_in_context(statement: str, own: Reading, context: Iterable[str]) -> Reading:
    """A statistic ("Rasio siswa terhadap guru", "Jumlah rujukan pasien") under a goal about the
    same thing ("Menurunkan rasio siswa per guru", "Reduce referrals ...") takes the goal's
    direction, marked inferred; under a goal about something else it stays ``unknown`` ("Suhu
    udara rata-rata" under "Meningkatkan kesiapsiagaan ...")."""
    named = _without_names(statement)
    for text in context:
        if not named or not (_same_thing(named, text) or (own.reason == "raw_form" and _adds_value(text))):
            continue
        # a distribution takes only a goal that names a change: "Tersusunnya sistem pemantauan
        # kualitas udara" says nothing of how the monitoring points should be spread
        if own.reason == "neutral_measure" and not any(not m.negated for m, _ in _changes(text)):
            continue
        other = _goal_direction(statement, text)
        if own.reason == "raw_form" and other.label in _OPPOSITE and _adds_value(text):
            # "Persentase ikan yang diekspor utuh beku" under "Meningkatkan nilai tambah melalui
            # hilirisasi": the raw share is the inverse of what the goal raises
            return Reading(_OPPOSITE[other.label], "inverse_of_goal", other.words, None, inferred=True, detail=text)
        if other.label != "unknown":
            return _from_goal(other, text)
    return own


_OPPOSITE = {"increase": "decrease", "decrease": "increase"}


def _from_goal(other: Reading, goal: str) -> Reading:
    """The reading of ``goal`` as the statement's, inferred: its words quoted, its bound kept
    ("agar kadar air tidak melebihi 16 persen" sets a cap on what the statement measures)."""
    return Reading(
        other.label, other.reason, other.words, None, inferred=True, detail=goal, bound=other.bound,
        bound_words=other.bound_words,
    )  # fmt: skip


def _adds_value(goal: str) -> bool:
    """Does a goal speak of processing or value added ("hilirisasi", "nilai tambah")?"""
    return any(not m.negated for m in find_all(goal, "value_adding"))


# readings of what a statement counts, not of a change it names: a goal that keeps the same thing
# ("Mempertahankan jumlah ASN pengelola SPBE", "Keep fish stocks ... at their current level") says
# it is held, not pushed up or down
_KEEPABLE = frozenset(
    {*_WEAK, "countermeasure", "ratio_of_good", "quality_head", "cumulative_count", "in_prohibited_place"}
    # a price at the producer's gate should rise for the producer, unless the goal holds it
    # ("Harga gabah di tingkat petani" under "Menjaga stabilitas harga gabah")
    | {"producer_price"}
)


def _kept(statement: str, own: Reading, context: Iterable[str]) -> Reading | None:
    """The first goal of ``context`` that keeps what the statement counts, as ``maintain``
    inferred; the goal's keep verb outweighs the default way of what is counted."""
    if own.reason not in _KEEPABLE:
        return None
    named = _without_names(statement)
    for text in context:
        if named and _kept_by_goal(named, text, own):
            verb = next(m for m, _ in _changes(text) if not m.negated)
            return Reading("maintain", "goal_keeps", quoted(text, *verb.found)[0], None, inferred=True, detail=text)
    return None


# the load that things present make on a place: a goal of easing it lowers the count of those there
_LOADS = frozenset(
    {"kepadatan", "kemacetan", "macet", "tekanan", "beban", "keramaian", "kerumunan", "lalu", "congestion",
     "pressure", "pressures", "crowding", "overcrowding", "crowds", "traffic", "load", "density", "congested",
     # a dependence on things present: "Mengurangi ketergantungan warga pada air tangki"
     "ketergantungan", "dependence", "dependency", "reliance"}
)  # fmt: skip


def _of_load(goal: str) -> bool:
    """Does ``goal`` speak of a load things make by being there ("kepadatan lalu lintas", "visitor
    pressure", "tekanan penangkapan ikan")?"""
    return any(t.word in _LOADS for t in tokens(goal))


def direction(statement: str, context: Iterable[str] = ()) -> Reading:
    """The statement's direction; else the first of ``context`` (goal, activity) that names
    one, marked inferred."""
    own = statement_direction(statement)
    context = tuple(context)
    kept = _kept(statement, own, context)
    if kept is not None:
        return kept
    if own.label == "unknown" and own.reason in _NEUTRAL:
        return _neutral_in_context(statement, own, context)
    if own.reason == "cumulative_count":
        # "Area planted with maize" under "Shift 400 ha of maize to agroforestry": the land the goal
        # moves away falls, whatever its count adds up
        shifted = next((r for r in (_shift_direction(statement, text) for text in context) if r is not None), None)
        if shifted is not None:
            return shifted
    if not _says_nothing(own) and own.reason not in (*_WEAK, *_HARMS, "channel_use"):
        return own
    # A good quantity ("kunjungan", "income") usually should rise, but a goal that says
    # otherwise ("Membatasi kunjungan sesuai daya dukung") is the better evidence.
    # Only a goal about the same thing: "Share of births attended by skilled personnel" rises under
    # "Reduce maternal deaths", the means of the goal and not its measure.
    for text in context:
        shift = _shift_direction(statement, text)
        if shift is not None:
            # "Konsumsi LPG rumah tangga" under "Peralihan dari LPG ke kompor listrik"
            return shift
        other = _goal_direction(statement, text)
        if other.reason == "bad_quantity" and _harm_as_topic(text):
            # "Rembuk stunting dan penetapan desa lokus": a task about a harm says nothing of
            # which way the count of its outputs should go
            continue
        if other.reason in ("reduction_counted", "reduction_named") and _says_nothing(own):
            # "Penurunan selisih harga beras" as a goal: the level it names falls (an indicator
            # of it counts the reduction; a statement of the level itself falls with it)
            other = Reading("decrease", "reduction_of_level", other.words, other.span)
        if own.reason == "bad_quantity" and carried_away(statement) and other.label in _OPPOSITE:
            # "Tonase sampah yang diangkut ke TPA": a harm a service carries away; a goal about the
            # same thing says whether the service should grow (its coverage) or shrink (what reaches
            # the landfill)
            if _same_thing(_without_names(statement), text):
                return _from_goal(other, text)
            break
        if own.reason == "channel_use":
            # "Jumlah aduan melalui kanal SP4N-LAPOR" rises as the channel is used, unless a goal
            # lowers a harm of its own ("Menurunkan keluhan atas layanan air minum")
            if other.label != "unknown" and any(not m.negated for m in find_all(text, "bad_quantity")):
                return _from_goal(other, text)
            break
        if own.reason in _HARMS:
            # "Tingkat inflasi" under "Menjaga inflasi dalam sasaran 2,5±1 persen": a harm the
            # goal says to hold is held, not pushed down (a goal that lowers it changes nothing)
            if other.label == "maintain" and _same_thing(_without_names(statement), text):
                return Reading("maintain", other.reason, other.words, None, inferred=True, detail=text)
            break
        if other.label != "unknown":
            if own.reason in _WEAK and other.reason in _WEAK:
                break
            if own.reason == "count_of_doers" and (_means_deed(statement) or _clean_means(statement)):
                break  # "desa yang memiliki satgas karhutla" under "Menurunkan luas kebakaran"
            if (
                own.reason in _WEAK
                and not _same_thing(_without_names(statement), text)
                and not (own.reason == "count_of_doers" and _of_load(text))
            ):
                # a goal about another thing: what the statement counts is its means, and keeps its
                # own way ("Number of schools with functioning handwashing facilities" under "Reduce
                # diarrhoea"); but the doers present make the load a goal of easing it lowers
                # ("Number of vehicles entering the old town" under "Reduce traffic congestion")
                break
            if (
                own.reason == "count_of_doers"
                and _same_thing(_without_names(statement), text)
                and not _does_what_goal_changes(statement, text)
                and not (other.label == "maintain" and _holds_head(statement, text))
                and not _of_load(text)
                and not _present_and_named(statement, text)
            ):
                # of the goal's field but not doing what it changes: a means, which rises ("siswa
                # yang membawa botol minum sendiri" under "Mengurangi sampah plastik ... di sekolah")
                break
            return _from_goal(other, text)
    return own


_BOUND_WAY = {"cap": "decrease", "floor": "increase"}


def bound_of_level(statement: str, reading: Reading) -> tuple[str, str]:
    """The bound set on the level whose direction ``reading`` is (``cap`` or ``floor``, with its
    words), or ``("none", "")``: the reading's own, else the statement's when it goes the same
    way (a direction declared in the plan, "decrease", over "Tingkat pengangguran maksimal 5
    persen"). A target set at such a bound is a limit to stay within, not a change to make."""
    bound, words = reading.bound, reading.bound_words
    if not bound:
        own = statement_direction(statement)
        bound, words = own.bound, own.bound_words
    if bound and _BOUND_WAY[bound] == reading.label:
        return bound, words
    return "none", ""
