"""The direction inferred from the goal or activity an indicator measures."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.direction._common import _AND, _MEANS
from advisor.text.direction.bounds import bound_of
from advisor.text.direction.changes import _changes
from advisor.text.direction.statement import statement_direction
from advisor.text.lexicon import Match, find_all, keys
from advisor.text.reading import Reading, quoted
from advisor.text.tokens import Token, tokens


def _coordinated_apart(toks: tuple[Token, ...], shared: list[int], changes: list[Match]) -> bool:
    """Does every change of a goal or activity stand after the words it shares with the
    statement, in a coordinated phrase of its own ("Dialog radio kesehatan jiwa dan penghapusan
    stigma": the removal is of stigma, not of the broadcasts)?"""
    first = min(toks.index(m.found[0]) for m in changes)
    if max(shared) > first:
        return False
    between = toks[max(shared) + 1 : first]
    return any(t.word in _AND for t in between) and all(t.clause == toks[first].clause for t in between)


@lru_cache(maxsize=8192)  # a pure function of the two texts, asked again at every review
def _goal_direction(statement: str, goal: str) -> Reading:
    """The direction a goal gives the statement: of its change words, the one nearest a word the
    statement names ("Memperkuat puskesmas ... sehingga rujukan ke RSUD berkurang" gives the
    referrals' fall; "Menurunkan stunting melalui penguatan layanan posyandu" gives the posyandu's
    rise); the goal's first change when it has one or names nothing of the statement."""
    changes = [m for m, _ in _changes(goal) if not m.negated]
    wanted = _content(statement)
    toks = tokens(goal)
    shared = [i for i, t in enumerate(toks) if wanted.intersection(keys(t.word))]
    if changes and shared and _coordinated_apart(toks, shared, changes):
        return Reading("unknown", "no_direction")
    bounded = _bounded_thing(toks, shared, changes, goal)
    if bounded is not None:
        return bounded
    if len(changes) < 2 or not shared:
        return statement_direction(goal)
    nearest = min(changes, key=lambda m: min(abs(toks.index(m.found[0]) - i) for i in shared))
    if nearest is changes[0]:
        return statement_direction(goal)
    start = toks.index(nearest.found[0])
    levels = {t for m in find_all(goal, "level") for t in m.found}
    for back in (1, 2):
        k = start - back
        if k >= 0 and any(toks[k] in m.found for m in changes) and all(t in levels for t in toks[k + 1 : start]):
            # "mempercepat penurunan ...", "mengendalikan laju pertumbuhan penduduk": the change
            # that acts on the change goes with it
            start = k
            break
    return statement_direction(goal[toks[start].start :])


def _bounded_thing(toks: tuple[Token, ...], shared: list[int], changes: list[Match], goal: str) -> Reading | None:
    """A bound the goal sets on what the statement names, in a clause of its own ("Memperbaiki
    mutu tembakau rajangan agar kadar air tidak melebihi 16 persen" caps the moisture, whatever
    the improving): that clause read alone. Not a bound a change of the thing governs ("Menjaga
    muka air tanah tidak lebih dari 40 cm", "Menurunkan kadar air hingga maksimal 16 persen")."""
    bound = bound_of(goal)
    if bound is None or not shared:
        return None
    at = toks.index(bound.match.found[0])
    opener = max((k for k in range(at) if toks[k].word in _PURPOSE_OPENERS), default=-1)
    before = [i for i in shared if opener < i < at and toks[i].clause == toks[at].clause]
    if not before:
        return None
    start = before[0]
    if any(opener < toks.index(m.found[0]) < at for m in changes):
        return None  # the thing is a change's object, or the change is the bound's own verb
    end = next(
        (t.start for t in toks[at + 1 :] if t.word in _PURPOSE_OPENERS or any(t == m.found[0] for m in changes)),
        len(goal),
    )
    return statement_direction(goal[toks[start].start : end])


# what opens a clause of purpose or result in a goal: "agar", "so that", "sehingga"
_PURPOSE_OPENERS = frozenset({"agar", "supaya", "sehingga", "untuk", "guna", "so", "to", "in order"})


_PLACES = frozenset(
    {"kecamatan", "kelurahan", "provinsi", "wilayah", "kawasan", "pesisir", "district", "districts", "village",
     "villages", "regency", "city", "coastal", "area", "areas", "province"}
)  # fmt: skip


@lru_cache(maxsize=8192)
def _content(text: str) -> frozenset[tuple[str, str]]:
    """The roots and stems of the words of ``text`` that name things: not stopwords, measures,
    numbers or places."""
    skip = {t for m in find_all(text, "stopwords", "measurable") for t in m.found}
    return frozenset(
        k
        for t in tokens(text)
        if t not in skip and t.word not in _PLACES and not t.word[:1].isdigit()
        for k in keys(t.word)
        if k[0] in ("id", "en")
    )


_DOERS = frozenset({"yang", "that", "who", "which"})
# what ends the object of a goal's change: its means, place or purpose
_GOAL_OBJECT_ENDS = _MEANS | frozenset({"di", "ke", "in", "at"})


@lru_cache(maxsize=8192)  # a pure function of the two texts, asked again at every review
def _does_what_goal_changes(statement: str, goal: str) -> bool:
    """Do the doers a statement counts do what the goal changes ("Persentase siswa yang membawa
    botol minum sendiri" does nothing the goal "Mengurangi sampah plastik sekali pakai di sekolah"
    reduces; "Jumlah PMI purna yang membuka usaha" nothing of "Mengurangi keberangkatan ulang PMI
    purna melalui wirausaha"; "pasien yang dirujuk" is what "agar rujukan ... menurun" lowers)?
    Compared: what follows the doers' "yang"/"who" or -ing, and the goal's words outside its
    phrases of means and place (which run to the next change word or clause)."""
    toks = tokens(statement)
    start = next(
        (i + 1 for i, t in enumerate(toks) if t.word in _DOERS or (t.word.endswith("ing") and i > 0)),
        None,
    )
    changes = {t for m, _ in _changes(goal) if not m.negated for t in m.found}
    if start is None or not changes:
        return True
    kept: list[str] = []
    aside = False
    clause = -1
    for t in tokens(goal):
        if t in changes or t.clause != clause:
            aside = False
        clause = t.clause
        if t.word in _GOAL_OBJECT_ENDS:
            aside = True
        if not aside:
            kept.append(t.word)
    deed = " ".join(t.word for t in toks[start - 1 :])
    return bool(_content(deed) & _content(" ".join(kept)))


_AVERAGES = frozenset({"rata-rata", "average", "median", "mean", "the", "a"})
_OBJECT_REACH = 2  # words of a measure's head: "luas lahan", "jumlah kunjungan"


@lru_cache(maxsize=4096)
def _holds_head(statement: str, goal: str) -> bool:
    """Is what a count of doers measures, before its "yang" ("Luas lahan sawah yang ditetapkan
    sebagai LP2B"), the object of the goal's change ("Mempertahankan luas lahan pertanian")?
    Then the goal speaks of the measure itself, not of what the doers do."""
    toks = tokens(statement)
    end = next((i for i, t in enumerate(toks) if t.word in _DOERS), None)
    changes = [m for m, _ in _changes(goal) if not m.negated]
    if not end or not changes:
        return False
    head = _content(" ".join(t.word for t in toks[: min(end, _OBJECT_REACH)]))
    gtoks = tokens(goal)
    after = gtoks.index(changes[0].found[-1]) + 1
    return bool(head & _content(" ".join(t.word for t in gtoks[after : after + _OBJECT_REACH])))


@lru_cache(maxsize=4096)
def _harm_as_topic(text: str) -> bool:
    """Does ``text`` (a goal, an activity) name its harms only as the topic of something else
    ("Rembuk stunting", "Pelatihan kader tentang bahaya narkoba"), never as the level it sets
    ("Angka kemiskinan 8 persen", "Stunting 14 persen pada 2026"): no measure words only before it?"""
    toks = tokens(text)
    measures = {t for m in find_all(text, "measurable", "level") for t in m.found}
    for harm in find_all(text, "bad_quantity"):
        i = toks.index(harm.found[0])
        if not harm.negated and all(t in measures or t.word in _AVERAGES for t in toks[:i]):
            return False
    return True


def _same_thing(statement: str, other: str) -> bool:
    """Does ``other`` (a goal) speak of a thing ``statement`` names, by root or stem?"""
    return bool(_content(statement) & _content(other))


# a shift from one thing to another: "Peralihan dari LPG ke kompor listrik", "Shift trips from
# private cars to public transport"
_SHIFTS = frozenset(
    {"peralihan", "beralih", "mengalihkan", "pengalihan", "pergeseran", "bergeser", "menggeser", "transisi",
     "konversi", "shift", "shifts", "shifting", "switch", "switching", "transition", "moving", "move",
     "conversion", "converting"}
)  # fmt: skip
# verbs that move their object itself to another use: "Mengalihkan 500 ha lahan tembakau ke
# hortikultura", "Convert 150 ha of sugarcane land to rice fields" (no "dari/from" needed)
_TRANSFERS = frozenset(
    {"mengalihkan", "dialihkan", "mengonversi", "dikonversi", "shift", "convert", "converts", "converting", "converted"}
)
_SHIFT_FROM = frozenset({"dari", "from"})
_SHIFT_TO = frozenset({"ke", "kepada", "menjadi", "to", "into", "towards"})


@lru_cache(maxsize=4096)
def _shift_direction(statement: str, goal: str) -> Reading | None:
    """What a goal of a shift ("Peralihan dari LPG ke kompor listrik", "Shift trips from private
    cars to public transport") says of a statement about one side: what is left falls, what is
    taken up rises; nothing when the statement names both sides or neither."""
    toks = tokens(goal)
    shift = next((i for i, t in enumerate(toks) if t.word in _SHIFTS or t.word in _TRANSFERS), None)
    if shift is None:
        return None
    clause = toks[shift].clause
    rest = [t for t in toks[shift + 1 :] if t.clause == clause]
    start = next((k for k, t in enumerate(rest) if t.word in _SHIFT_FROM), None)
    if start is None and toks[shift].word in _TRANSFERS:
        start = -1  # the verb's object is what is moved: it stands between the verb and "ke"/"to"
    if start is None:
        return None
    end = next((k for k, t in enumerate(rest) if k > start and t.word in _SHIFT_TO), None)
    if end is None or end == start + 1:
        return None
    left = _content(" ".join(t.word for t in rest[start + 1 : end]))
    taken = _content(" ".join(t.word for t in rest[end + 1 : end + 4]))
    mine = _content(statement)
    # the side the statement names more of: "Luas sawah yang ditanami padi" names the rice fields
    # moved away ("sawah padi") more than the planting taken up ("tanaman hortikultura")
    named_left, named_taken = len(mine & left), len(mine & taken)
    if named_left == named_taken:
        return None
    label = "decrease" if named_left > named_taken else "increase"
    said, span = quoted(goal, toks[shift])
    return Reading(label, "shift", said, span, inferred=True, detail=goal)


# verbs of having or taking up a means: "desa yang memiliki satgas karhutla", "farmers adopting
# drip irrigation"
_TAKE_UP = frozenset(
    {"memiliki", "mempunyai", "menerapkan", "mengadopsi", "menggunakan", "memanfaatkan", "mengikuti", "have", "has",
     "having", "adopting", "adopted", "applying", "using", "owning"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def _means_deed(statement: str) -> bool:
    """Do the doers a statement counts have or take up a means, or act against a harm
    ("desa yang memiliki satgas karhutla", "rumah tangga yang memilah sampah", "farmers adopting
    drip irrigation")? Their count rises whatever the goal lowers."""
    toks = tokens(statement)
    start = next(
        (i + 1 for i, t in enumerate(toks) if t.word in _DOERS or (t.word.endswith("ing") and i > 0)),
        None,
    )
    if start is None or any(t.word in ("with", "dengan") for t in toks[1 : start - 1]):
        # "Number of households with rooftop solar", "Number of schools with functioning handwashing
        # facilities": those who have it
        return any(t.word in ("with", "dengan") for t in toks[1:])
    verb = toks[start - 1] if toks[start - 1].word.endswith("ing") else (toks[start] if start < len(toks) else None)
    if verb is None:
        return False
    if verb.word in _TAKE_UP:
        return True
    return any(m.found[0] == verb and not m.negated for m in find_all(statement, "countermeasure", "decrease"))


# deeds that are only being there: "kapal yang beroperasi", "wisatawan yang berkunjung", "vehicles entering"
_PRESENT = frozenset(
    {"beroperasi", "berkunjung", "melintas", "melintasi", "memasuki", "masuk", "mendarat", "berlabuh", "singgah",
     "mendaki", "beraktivitas", "berada", "berlalu-lalang", "operating", "operate", "visiting", "visit", "entering",
     "enter", "landing", "crossing", "calling", "docking", "passing", "present", "active", "climbing"}
)  # fmt: skip


@lru_cache(maxsize=4096)
def _present_and_named(statement: str, goal: str) -> bool:
    """Are the doers a statement counts only there ("Jumlah kapal ikan asing yang beroperasi di ZEE",
    "Number of trucks crossing the bridge"), and named by the goal ("Memberantas penangkapan ikan
    ilegal oleh kapal asing")? Then the count is of the doers themselves, and the goal about them says
    which way it goes; not doers that are a countermeasure or a clean alternative ("kapal patroli yang
    beroperasi", "bus listrik yang beroperasi")."""
    toks = tokens(statement)
    end = _doers_end(toks)
    if end is None:
        return False
    verb = toks[end] if toks[end].word not in _DOERS else (toks[end + 1] if end + 1 < len(toks) else None)
    if verb is None or verb.word not in _PRESENT:
        return False
    head = set(toks[:end])
    if any(not m.negated and head.issuperset(m.found) for m in find_all(statement, "countermeasure")):
        return False
    # every word naming the doers is the goal's ("kapal ikan asing" in "... oleh kapal asing"), not only
    # their kind ("kapal pengawas": another vessel than the goal's)
    words = [_content(t.word) for t in toks[:end]]
    named = _content(goal)
    return not _clean_means(statement) and any(words) and all(named & w for w in words if w)


@lru_cache(maxsize=4096)
def _clean_means(statement: str) -> bool:
    """Are the doers a statement counts a clean alternative, named before their deed ("Jumlah bus
    listrik yang beroperasi", "Number of electric ferries operating", "PLTS komunal yang beroperasi")?
    They are the means of a goal that lowers emissions or a dependence, and rise."""
    toks = tokens(statement)
    end = _doers_end(toks)
    if end is None:
        return False
    head = set(toks[:end])
    return any(not m.negated and head.issuperset(m.found) for m in find_all(statement, "clean_alternative"))


def _doers_end(toks: tuple[Token, ...]) -> int | None:
    """Where the doers a statement counts end: at its relative marker ("yang", "that", "who"), else at
    its first -ing word after the head ("vehicles entering"); an Indonesian word that only ends so
    ("kapal ikan asing yang ...", "kambing") is no -ing form when a relative marker follows."""
    marker = next((i for i, t in enumerate(toks) if t.word in _DOERS), None)
    if marker is not None:
        return marker
    return next((i for i, t in enumerate(toks) if t.word.endswith("ing") and i > 0), None)


# what ends the object of a goal's keep verb: its means, place, purpose or the time it holds for
_KEPT_OBJECT_ENDS = _GOAL_OBJECT_ENDS | frozenset(
    {"agar", "supaya", "sehingga", "selama", "sampai", "hingga", "pada", "so", "during", "until", "through"}
)


@lru_cache(maxsize=4096)
def _kept_object(goal: str) -> frozenset[tuple[str, str]]:
    """What a goal of keeping ("Mempertahankan jumlah ASN pengelola SPBE di setiap OPD", "Menjaga
    mutu air minum tetap memenuhi standar", "Keep fish stocks in the no-take zone at ...") keeps:
    the first content words after its first change, when that change is a keep verb, up to its
    place, means, purpose or time. Empty when the goal's first change is not one of keeping."""
    first = next(((m, p) for m, p in _changes(goal) if not m.negated), None)
    if first is None or first[1] != "maintain":
        return frozenset()
    toks = tokens(goal)
    start = toks.index(first[0].found[-1]) + 1
    kept: list[frozenset[tuple[str, str]]] = []
    for t in toks[start:]:
        if t.word in _KEPT_OBJECT_ENDS or t.clause != first[0].found[-1].clause or len(kept) == _KEPT_REACH:
            break
        words = _content(t.word)
        if words:
            kept.append(words)
    return frozenset().union(*kept)


# content words of a kept object that name it: its head and what qualifies it ("keanekaragaman hayati
# taman nasional" keeps biodiversity, not the park's visitors)
_KEPT_REACH = 2


def _kept_by_goal(statement: str, goal: str, own: Reading) -> bool:
    """Does a goal of keeping keep what the statement measures: its object names a thing the
    statement names, and, for a count of what was done ("Number of trained paramedics"), the deed
    too ("Keep the number of trained paramedics at current levels"; "Jumlah bidan yang dilatih"
    is not kept by "Mempertahankan jumlah bidan desa")?"""
    kept = _kept_object(goal)
    if not kept:
        return False
    named = _content(statement)
    if not named & kept:
        return False
    if own.reason == "cumulative_count":
        return bool(_content(own.words) & kept)
    return True
