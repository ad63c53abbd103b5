"""The time a service takes, which falls: "lama pengurusan izin", "waktu tanggap"."""

from __future__ import annotations

from advisor.text.lexicon import Match, Phrase, find_all
from advisor.text.morph import nominal_root
from advisor.text.tokens import Token, tokens

_DURATION_AFTER = frozenset({"rata-rata", "average", "median", "total", "mean"})
# processes whose time is a date, not a service's delay ("waktu pelaksanaan festival")
_EVENTS = frozenset(
    {
        "pelaksanaan",
        "penyelenggaraan",
        "pertemuan",
        "perayaan",
        "pelatihan",
        "pendampingan",
        "pendidikan",
        "pembelajaran",
        "persekolahan",
    }
)  # fmt: skip  (and schooling, whose length should rise: "lama pendidikan")


# time units that measure a wait when a count heads them ("Rata-rata hari pengurusan izin",
# "Jumlah hari yang diperlukan untuk ...", "Average number of days to issue a permit")
_TIME_UNITS = frozenset({"hari", "jam", "menit", "minggu", "days", "hours", "minutes", "weeks"})
_COUNT_HEADS = frozenset({"jumlah", "rata-rata", "average", "number", "of", "mean", "median", "total"})
# what a wait is spent on when no nominalised process follows: "waktu yang diperlukan untuk",
# "time needed to", "days taken to"
_NEEDED = frozenset(
    {"diperlukan", "dibutuhkan", "digunakan", "dihabiskan", "needed", "required", "taken", "spent", "elapsed",
     "it", "to"}
)  # fmt: skip
_WAITS = frozenset({"respon", "respons", "tanggap", "tunggu", "tempuh", "antre", "antri", "reaksi", "proses"})


def _process_after(toks: tuple[Token, ...], k: int, clause: int, lang: str) -> Token | None:
    """The process whose time is measured, from word ``k`` on: a nominalised process
    ("penyelesaian", "verifikasi"), a wait ("respon", "tunggu"), what the time is needed for
    ("yang diperlukan untuk", "needed to", "to issue")."""
    if k >= len(toks) or toks[k].clause != clause:
        return None
    word = toks[k].word
    if lang == "id":
        if word == "yang" and k + 1 < len(toks) and toks[k + 1].word in _NEEDED:
            return toks[k + 1]
        if word in _WAITS or (word == "untuk" and k + 1 < len(toks) and toks[k + 1].word.startswith("me")):
            return toks[k]
        if word in _EVENTS:
            return None
        if word.startswith("pe") and nominal_root(word):
            return toks[k]
        return None
    if word == "for":
        # "days for irrigation water to reach tail-end plots", "time for an ambulance to arrive":
        # the wait of a subject for its deed
        to = next((t for t in toks[k + 1 : k + 1 + _FOR_REACH] if t.word == "to" and t.clause == clause), None)
        return to
    return toks[k] if word in _NEEDED else None


# English nouns of a process that form no -ing or -ion word before "time": "service time",
# "turnaround time", "delivery time", "lead time", "dwell time" (of ships in port)
_EN_PROCESSES = frozenset(
    {"service", "delivery", "turnaround", "travel", "transit", "lead", "dwell", "queue", "repair", "approval",
     "journey", "clearance", "wait"}
)  # fmt: skip


_FOR_REACH = 5  # words between "for" and the "to" of the deed waited for


def _duration(text: str) -> Match | None:
    """The time a process takes, which should fall: a duration word at the head (or after
    "rata-rata", "jumlah"; a run "lama waktu" counts once), or a time unit after a count
    ("rata-rata hari", "number of days"), followed by a process ("waktu penyelesaian", "lama
    pengurusan", "durasi pemadaman", "waktu respon", "hari yang diperlukan untuk ...", "days to
    issue a permit", "time taken to restore power"), or in English preceded by one ("call
    answering time", "resolution time")."""
    toks = tokens(text)
    units = [t for t in toks if t.word in _TIME_UNITS]
    found = find_all(text, "duration_word")
    heads: list[tuple[Token, Token, Match | None]] = [(m.found[0], m.found[-1], m) for m in found if not m.negated]
    heads += [(t, t, None) for t in units]
    for first, last, match in sorted(heads, key=lambda h: h[0].start):
        i, j = toks.index(first), toks.index(last)
        clause = first.clause
        lang = match.phrase.lang if match is not None else ("en" if first.word.endswith("s") else "id")
        before = [t.word for t in toks[max(0, i - 3) : i] if t.clause == clause]
        if match is None and not (before and before[-1] in _COUNT_HEADS) and i != 0:
            continue  # "jam layanan": service hours, no wait
        if lang == "id" or match is None:
            head = i == 0 or before[-1:] == ["rata-rata"] or (before and before[-1] in _COUNT_HEADS)
            k = j + 1
            while k < len(toks) and (any(m.found[0] == toks[k] for m in found) or toks[k].word in _DURATION_AFTER):
                k += 1  # "lama waktu penerbitan": one duration; "Waktu rata-rata pelayanan": the average of it
            process = _process_after(toks, k, clause, lang) if head else None
            if process is not None:
                return Match(match.phrase if match is not None else _UNIT_PHRASE, (first, process), False)
        elif (
            i > 0
            and toks[i - 1].clause == clause
            and (toks[i - 1].word.endswith(("ing", "ion")) or toks[i - 1].word in _EN_PROCESSES)
        ):
            return Match(match.phrase, (toks[i - 1], last), False)
        elif (i == 0 or (before and before[-1] in _COUNT_HEADS)) and (
            process := _process_after(toks, j + 1, clause, "en")
        ) is not None:
            return Match(match.phrase, (first, process), False)
    return None


_UNIT_PHRASE = Phrase("duration_word", "id", "hari", (("s", "hari"),))


# an interval between two events, measured in time: "Rata-rata waktu dari pendaftaran sampai
# penerbitan izin", "Average number of months from graduation to first job", "time between a fire
# report and the arrival of the brigade"
_INTERVAL_UNITS = _TIME_UNITS | {"bulan", "tahun", "pekan", "months", "years", "hour", "day", "week", "month"}
_INTERVAL_HEADS = _COUNT_HEADS | {"the", "jarak", "selang"}
_INTERVAL_ENDS = {
    "dari": frozenset({"sampai", "hingga", "ke", "menuju"}),
    "sejak": frozenset({"sampai", "hingga"}),
    "antara": frozenset({"dan"}),
    "from": frozenset({"to", "until", "till"}),
    "since": frozenset({"until", "till"}),
    "between": frozenset({"and"}),
}
# the ends of a span of the calendar ("dari Januari sampai Maret"): a period, not two events
_CALENDAR = frozenset(
    {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
     "desember", "january", "february", "march", "may", "june", "july", "august", "october", "december", "senin",
     "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday", "tahun", "bulan", "year", "month", "awal", "akhir", "early", "end", "start"}
)  # fmt: skip
_INTERVAL_AT = 4  # words from the start in which the time measured stands ("Rata-rata jumlah hari")


def _interval(text: str) -> Match | None:
    """A time measured between two events, which should fall: a time word or unit at the head
    (after "rata-rata", "jumlah", "average number of" only), right followed by "dari/sejak X
    sampai/hingga Y", "antara X dan Y", "from X to/until Y", "between X and Y". Not a span of the
    calendar ("Jumlah hari hujan dari Januari sampai Maret": a time word does not head the
    interval, and "dari Januari" names dates), nor a source and a recipient after another noun
    ("Jumlah jam pelatihan dari BPSDM kepada ...")."""
    toks = tokens(text)
    times = {m.found[0] for m in find_all(text, "duration_word") if not m.negated}
    k = 0
    while k < min(len(toks), _INTERVAL_AT) and toks[k].word in _INTERVAL_HEADS and toks[k] not in times:
        k += 1
    if k >= len(toks) or not (toks[k] in times or toks[k].word in _INTERVAL_UNITS):
        return None
    first = toks[k]
    while k + 1 < len(toks) and (toks[k + 1] in times or toks[k + 1].word in _DURATION_AFTER):
        k += 1  # "lama waktu", "waktu rata-rata"
    opener = toks[k + 1] if k + 1 < len(toks) else None
    ends = _INTERVAL_ENDS.get(opener.word) if opener is not None and opener.clause == first.clause else None
    if opener is None or ends is None:
        return None
    rest = [t for t in toks[k + 2 :] if t.clause == first.clause]
    close = next((n for n, t in enumerate(rest) if n > 0 and t.word in ends), None)
    if close is None or any(t.word in _CALENDAR or t.word[:1].isdigit() for t in rest[:close]):
        return None
    return Match(_UNIT_PHRASE, (first, rest[close]), False)
