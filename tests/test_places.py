"""The gazetteer (knowledge/places: the Kemendagri list of administrative areas), its loader and
its schema, the tool that makes it, and advisor/text/places.py, which finds the areas a text
names."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from advisor import knowledge
from advisor.knowledge import KnowledgeError
from advisor.knowledge_schemas import Places
from advisor.text.places import inside, place_tokens, places, within
from advisor.text.tokens import tokens

ROOT = Path(__file__).resolve().parent.parent


# --- the list and its loader -------------------------------------------------------------------


def test_the_list_holds_every_province_regency_and_district() -> None:
    levels = [a.code.count(".") for a in knowledge.areas()]
    assert (levels.count(0), levels.count(1), levels.count(2)) == (38, 514, 7285)
    by_code = {a.code: a.name for a in knowledge.areas()}
    assert by_code["13"] == "Sumatera Barat"
    assert by_code["13.71"] == "Kota Padang"
    assert by_code["13.71.11"] == "Koto Tangah"
    assert by_code["15.01.09"] == "Kayu Aro"


def test_every_area_lies_in_a_listed_area_of_the_level_above() -> None:
    codes = {a.code for a in knowledge.areas()}
    assert all(a.code.rpartition(".")[0] in codes for a in knowledge.areas() if "." in a.code)


def test_villages_are_looked_up_by_name_in_their_district() -> None:
    (found,) = knowledge.villages_named("pasie nan tigo")
    assert found == knowledge.Area("13.71.11.1013", "Pasie Nan Tigo")
    assert len(knowledge.villages_named("sidomulyo")) > 50  # a name shared by many villages
    assert knowledge.villages_named("padang selatan") == ()  # a district is no village
    assert knowledge.villages_named("pasie nan") == ()  # a whole name only


def test_a_line_that_is_no_area_names_the_file_and_line() -> None:
    with pytest.raises(KnowledgeError, match=r"knowledge/places/areas.tsv:7: not 'code<TAB>name'"):
        knowledge._area("places/areas.tsv", 7, "13.7\tPadang")
    with pytest.raises(KnowledgeError, match="not 'code<TAB>name'"):
        knowledge._area("places/areas.tsv", 7, "13.71\t")


def test_an_area_outside_the_list_fails_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knowledge, "_area_text", lambda name: "# header\n13\tSumatera Barat\n14.71\tKota Pekanbaru\n")
    knowledge.areas.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match=r"areas.tsv:3: 14.71 is listed twice or lies in no listed area"):
            knowledge.areas()
    finally:
        knowledge.areas.cache_clear()


def test_places_yaml_is_checked_against_its_schema() -> None:
    data = knowledge.load_yaml((knowledge.knowledge_path() / "places/places.yaml").read_text("utf-8"))
    knowledge.check("places/places.yaml", data, Places)
    for broken in (
        {**data, "aliases": {"1": ["Aceh"]}},  # a province's code is two digits
        {**data, "cues": {**data["cues"], "hamlet": data["cues"]["village"]}},  # no such level
        {**data, "cities": ["kota", " "]},  # a blank word
    ):
        with pytest.raises(KnowledgeError, match=r"places/places\.yaml"):
            knowledge.check("places/places.yaml", broken, Places)


# --- the tool that makes the list from the package's CSV files --------------------------------


def _write(folder: Path, rows: dict[str, list[tuple[str, ...]]]) -> None:
    headers = {
        "provinces": ("code", "name"),
        "regencies": ("code", "province_code", "name"),
        "districts": ("code", "regency_code", "name"),
        "villages": ("code", "district_code", "name"),
    }
    for level, header in headers.items():
        with (folder / f"{level}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows.get(level, []))


def _tool() -> object:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_places

        return build_places
    finally:
        sys.path.remove(str(ROOT / "tools"))


def test_the_tool_writes_each_level_sorted_by_code(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "provinces": [("13", "Sumatera Barat")],
            "regencies": [("13.71", "13", "Kota  Padang")],
            "districts": [("13.71.11", "13.71", "Koto Tangah"), ("13.71.01", "13.71", "Padang Selatan")],
            "villages": [("13.71.11.1013", "13.71.11", "Pasie Nan Tigo")],
        },
    )
    made = _tool().texts(tmp_path, "9.9.9")  # type: ignore[attr-defined]
    areas = made[ROOT / "knowledge/places/areas.tsv"]
    assert "idn-area-data 9.9.9" in areas
    body = [line for line in areas.splitlines() if not line.startswith("#")]
    assert body == ["13\tSumatera Barat", "13.71\tKota Padang", "13.71.01\tPadang Selatan", "13.71.11\tKoto Tangah"]
    assert made[ROOT / "knowledge/places/villages.tsv"].endswith("13.71.11.1013\tPasie Nan Tigo\n")


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ({"provinces": [("13", "Sumatera Barat")], "regencies": [("13.7", "13", "Kota Padang")]}, "no code of a"),
        ({"provinces": [("13", "Sumatera Barat")], "regencies": [("14.71", "14", "Kota Pekanbaru")]}, "no listed"),
        ({"provinces": [("13", "Sumatera Barat"), ("13", "Sumbar")]}, "listed twice"),
        ({"provinces": [("13", " ")]}, "no name"),
    ],
)
def test_the_tool_refuses_a_row_that_is_no_area(
    tmp_path: Path, rows: dict[str, list[tuple[str, ...]]], reason: str
) -> None:
    _write(tmp_path, rows)
    with pytest.raises(SystemExit, match=reason):
        _tool().read(tmp_path)  # type: ignore[attr-defined]


def test_the_shipped_list_is_the_tools_output_for_the_package() -> None:
    data = Path("/tmp/package/data")
    if not (data / "districts.csv").exists():
        pytest.skip("the package idn-area-data is not unpacked in /tmp (see knowledge/places/README.md)")
    for path, text in _tool().texts(data, "4.0.1").items():  # type: ignore[attr-defined]
        assert path.read_text("utf-8") == text


# --- the areas a text names ---------------------------------------------------------------------


def _named(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.written, p.codes) for p in places(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a cue before the name (Indonesian), its abbreviation, a city's and a kabupaten's cue
        ("Pelatihan guru di Kabupaten Kerinci", [("Kabupaten Kerinci", ("15.01",))]),
        ("Pelatihan guru di Kab. Kerinci", [("Kab. Kerinci", ("15.01",))]),
        ("Simulasi di sekolah Kota Padang", [("Kota Padang", ("13.71",))]),
        ("Simulasi di Kecamatan Koto Tangah", [("Kecamatan Koto Tangah", ("13.71.11",))]),
        ("Penanaman mangrove di Kelurahan Pasie Nan Tigo", [("Kelurahan Pasie Nan Tigo", ("13.71.11.1013",))]),
        # English: a cue after the name, or before it with "of"; a province's English name
        ("Coffee trials in Kerinci Regency", [("Kerinci Regency", ("15.01",))]),
        ("Drills in the City of Padang", [("City of Padang", ("13.71",))]),
        ("Mangrove planting in Pasie Nan Tigo village", [("Pasie Nan Tigo village", ("13.71.11.1013",))]),
        ("Drills across West Sumatra", [("West Sumatra", ("13",))]),
        # no cue: a name with a word that is no common word, capitalised
        ("Pengolahan kopi Kayu Aro", [("Kayu Aro", ("15.01.09",))]),
        ("Road maintenance in Koto Tangah", [("Koto Tangah", ("13.71.11",))]),
        # a name of common words only after a word of place, and a place coordinated with it
        ("Tsunami drills in schools of Padang", [("Padang", ("13.71", "35.08.14"))]),  # and a district of Lumajang
        (
            "Jaringan ke Kupang Tengah dan Kupang Timur",
            [("Kupang Tengah", ("53.01.08",)), ("Kupang Timur", ("53.01.06",))],
        ),
    ],
)
def test_the_areas_a_text_names(text: str, found: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _named(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Pengadaan Batu Bara untuk PLTU",  # coal: a regency's name of common words, with no cue or word of place
        "Padang rumput untuk ternak",  # a field, not the city
        "Pengolahan Kayu Rakyat",  # a common word is no place
        "Festival Budaya Tahunan",  # "Tahunan", a district of Jepara, is "annual" (an affixed common word)
        "Pengembangan Desa Wisata Kopi",  # a village's cue with common words: a tourism village
        "Penyaluran Dana Desa",  # a cue with no name after it
        "pengolahan kopi kayu aro",  # a name not capitalised
        "Village road maintenance",  # an English cue with no name before it
        "Perbaikan jalan kota",  # a cue not followed by a name
    ],
)
def test_common_words_and_cues_alone_are_no_place(text: str) -> None:
    assert places(text) == ()


def test_a_name_is_read_whole_or_not_at_all() -> None:
    # "Batu Bara" of common words is not read as the city of Batu followed by "Bara"
    assert places("Pengangkutan Batu Bara") == ()
    # with its cue it is the regency
    assert _named("di Kabupaten Batu Bara") == [("Kabupaten Batu Bara", ("12.19",))]
    # a kabupaten's cue keeps the kabupaten, a city's the city ("Kota Solok" and "Kabupaten Solok")
    assert _named("Kabupaten Solok")[0][1] == ("13.02",)
    assert "13.02" not in _named("Kota Solok")[0][1]


def test_a_place_words_are_marked_for_the_readers() -> None:
    text = "Uji coba varietas kopi di Kabupaten Kerinci"
    marked = [tokens(text)[i].word for i in sorted(place_tokens(text))]
    assert marked == ["kabupaten", "kerinci"]
    assert place_tokens("Uji coba varietas kopi") == frozenset()


def test_an_area_lies_in_its_parents_only() -> None:
    assert within("13.71.11", "13.71") and within("13.71.11.1013", "13") and within("13.71", "13.71")
    assert not within("13.71", "13.71.11")  # the city is not in its district
    assert not within("13.711", "13.71")  # a code's parts, not its characters
    (district,) = places("di Kecamatan Koto Tangah")
    (city,) = places("di Kota Padang")
    (other,) = places("di Kota Pariaman")
    assert inside(district, city) and not inside(city, district) and not inside(district, other)
