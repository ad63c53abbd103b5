"""Numbers as plans write them: "1.500" and "2.000.000" (Indonesian thousands), "2,5"
(Indonesian decimal), "1,500.75" (English), "Rp2,5 miliar", "30%", "50 orang".

A separator followed by exactly three digits, once, is read by the plan's language (a dot
groups thousands in Indonesian, a comma in English). Written the other way, or in a plan that
declares no language, it is ambiguous: the reading keeps both values, and the facts use the
plan language's one while the review says so in a notice. Rupiah and counts of whole things
have no thousandths: "Rp1.500" and "2,500 households" are thousands in either convention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# digits grouped by spaces in threes ("1 500", "Rp 2 000 000": the SI way) are one number
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d.,])|\d+(?:[.,]\d+)*)")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_SCALE = {
    "ribu": 1e3,
    "rb": 1e3,
    "juta": 1e6,
    "jt": 1e6,
    "miliar": 1e9,
    "milyar": 1e9,
    "triliun": 1e12,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_SCALE_AFTER = re.compile(r"\s*([A-Za-z]+)\b")
# "Rp 1,2 M" is miliar in Indonesian, "USD 3 M" million in English
_ABBREVIATED = {"id": {"m": 1e9, "t": 1e12, "k": 1e3}, "en": {"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}}


_CURRENCY = re.compile(r"(?i)(?:rp|idr|usd|us\$|\$|eur|€|jpy|krw|aud)\.?\s*$")  # "Rp. 2,5 M" too


def _scale(word: str, lang: str | None, money: bool, glued: bool = False) -> float:
    """The multiplier a word after the number writes; a bare letter only after a currency
    ("Rp 1,2 M"), where it cannot be a unit ("300 m" is metres), or a "k" written onto the
    digits ("10K", "25k": thousands in either language)."""
    lowered = word.lower()
    if lowered in _SCALE:
        return _SCALE[lowered]
    if glued and lowered == "k":
        return 1e3
    if not money:
        return 1.0
    return _ABBREVIATED.get(lang or "id", _ABBREVIATED["id"]).get(lowered, 1.0)


@dataclass(frozen=True, slots=True)
class NumberReading:
    """The number a scalar means; ``other`` is the second reading when it is ambiguous."""

    value: float
    source: str  # the digits as written
    other: float | None = None

    @property
    def ambiguous(self) -> bool:
        return self.other is not None


def _plain(raw: str, thousands: str) -> float:
    decimal = "," if thousands == "." else "."
    return float(raw.replace(thousands, "").replace(decimal, "."))


def _read_digits(raw: str, lang: str | None) -> tuple[float, float | None]:
    sign = -1.0 if raw.startswith("-") else 1.0
    digits = raw.lstrip("+-")
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:  # both: the last one is the decimal mark
        thousands = "," if digits.rfind(".") > digits.rfind(",") else "."
        return sign * _plain(digits, thousands), None
    if not dots and not commas:
        return sign * float(digits), None
    mark = "." if dots else ","
    groups = digits.split(mark)
    grouped = len(groups[0]) <= 3 and groups[0] != "0" and all(len(g) == 3 for g in groups[1:])
    if len(groups) > 2:  # "2.000.000": only thousands can repeat
        return sign * float("".join(groups)), None
    if not grouped:  # "2,5", "0.300", "12.50": a decimal mark
        return sign * float(digits.replace(",", ".")), None
    as_thousands = sign * float("".join(groups))
    as_decimal = sign * float(digits.replace(",", "."))
    native = {"id": ".", "en": ","}.get(lang or "")
    if native == mark:
        return as_thousands, None
    if native is None:  # no language declared: the product's default, Indonesian, first
        return as_thousands, as_decimal
    return as_decimal, as_thousands  # written the other language's way: say so


# Units counted in whole things: a number of them read with a decimal of thousandths is not meant
_DISCRETE = frozenset(
    {"orang", "jiwa", "peserta", "kk", "keluarga", "desa", "kelurahan", "kecamatan", "unit", "buah", "dokumen",
     "kegiatan", "kali", "sekolah", "usaha", "umkm", "kunjungan", "wisatawan", "pengunjung", "produk", "paket",
     "laporan", "pemandu", "titik", "rumah", "pelanggan", "siswa", "petani", "nelayan", "penduduk", "warga",
     "people", "persons", "participants", "households", "families", "villages", "districts", "units", "pieces",
     "documents", "events", "times", "schools", "businesses", "msmes", "visits", "visitors", "tourists",
     "products", "packages", "reports", "guides", "points", "houses", "homes", "customers", "students",
     "farmers", "fishers", "residents", "members", "trees", "seedlings", "bibit", "pohon", "batang", "ekor"}
)  # fmt: skip
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")
# Units of measure: a number of them may have thousandths ("2.500 ton", "1,500 hectares")
_MEASURE_UNITS = frozenset(
    {"hectares", "tonnes", "tons", "kilometres", "kilometers", "metres", "meters", "litres", "liters", "kilograms",
     "grams", "hours", "days", "minutes", "seconds", "weeks", "months", "years", "acres", "miles", "megawatts",
     "watts", "kilowatts", "percent", "points", "degrees", "cubic", "square", "hektare", "hektar", "ton", "km",
     "meter", "liter", "kg", "gram", "jam", "hari", "menit", "detik", "minggu", "bulan", "tahun", "persen"}
)  # fmt: skip


def _whole_only(text: str, end: int, currency: re.Match[str] | None) -> bool:
    """Is the number an amount of money or a count of whole things ("1.500 orang", "2,500
    households", "1.250 pelaku UMKM", "3,500 balita")? Money has at most two decimals, so three
    digits after the one mark are thousands in any currency ("USD 2,500", "EUR 1.500"). Whole
    things are the count words of the lexicon and English plurals that are no unit of measure."""
    if currency is not None:
        return True
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1).lower()
    if word in _DISCRETE:
        return True
    if word in _MEASURE_UNITS or word in _SCALE:
        return False
    plural = len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return plural or _counted_words(text[after.start(1) :])


def _counted_words(rest: str) -> bool:
    """Do the words after a number count people, households, places or things ("balita",
    "pelaku UMKM", "rumah tangga")?"""
    from advisor.text.lexicon import find_all  # the lexicon only when a number is ambiguous

    return any(m.found[0].start == 0 for m in find_all(rest, "counted_head"))


def read_number(value: object, lang: str | None = None) -> NumberReading | None:
    """The number in ``value`` (a YAML number or a text holding one), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return NumberReading(float(value), str(value))
    text = str(value)
    match = _NUMBER.search(text)
    if not match:
        spelt = _spelt(text)
        return NumberReading(spelt, text.strip()) if spelt is not None else None
    main, other = _read_digits(_SPACES.sub("", match.group(0)), lang)
    scale = _SCALE_AFTER.match(text, match.end())
    currency = _CURRENCY.search(text[: match.start()])
    money = currency is not None
    factor = _scale(scale.group(1), lang, money, glued=scale.start(1) == match.end()) if scale else 1.0
    if other is not None and factor == 1.0 and _whole_only(text, match.end(), currency):
        # "Rp1.500", "2,500 households": rupiah and counted things have no thousandths
        main, other = max(main, other, key=abs), None
    return NumberReading(main * factor, match.group(0), other * factor if other is not None else None)


_UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
    "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "zero": 0, "one": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "setengah": 0.5, "seperempat": 0.25, "half": 0.5,
}  # fmt: skip
_TIMES = {"belas": 10, "puluh": 10, "ratus": 100, "hundred": 100}
_WORD = re.compile(r"[a-z]+")


def _spelt(text: str) -> float | None:
    """A number written in words ("dua ratus lima puluh", "satu juta", "two hundred"), when
    every word of ``text`` is a number word; else None."""
    words = [w for w in _WORD.findall(text.lower()) if w != "and"]
    if not words or any(w not in _UNITS and w not in _TIMES and w not in _SCALE for w in words):
        return None
    total, group, unit = 0.0, 0.0, 0.0  # the sum of scales, the sum below a scale, the last units
    for word in words:
        if word == "seratus":  # "se-" is one: a hundred of its own
            group += 100
        elif word == "seribu":
            total, group, unit = total + group + unit + 1000, 0.0, 0.0
        elif word in _UNITS:
            unit += _UNITS[word]
        elif word == "belas":  # "dua belas": 2 + 10
            group, unit = group + unit + 10, 0.0
        elif word in _TIMES:  # "lima puluh", "dua ratus": the units before it, multiplied
            group, unit = group + (unit or 1) * _TIMES[word], 0.0
        else:  # a scale ("ribu", "juta", "million") multiplies everything before it
            total += (group + unit or 1) * _SCALE[word]
            group, unit = 0.0, 0.0
    return total + group + unit


def parse_number(value: object, lang: str | None = "id") -> float | None:
    reading = read_number(value, lang)
    return reading.value if reading else None


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))
