"""The text layer reads the writing forms issue 13 lists under "Why", each as a class (several
forms and both languages, not only the quoted example), with the evidence that decided."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.facts import extract
from advisor.loader import parse_text
from advisor.text import background, clarity, decision, direction, matching, measurable, statements
from advisor.text.numbers import read_number
from advisor.validate import validate_document
from bench.accuracy import READERS, Tally, load_statements, score_statements

VAGUE = [
    # a light verb with a nominalised generic verb
    "Memberikan dukungan",
    "Melakukan pembinaan",
    "Pemberian masukan",
    "Memberikan bantuan kepada kelompok masyarakat",
    "Provide assistance",
    # a noun form
    "Dukungan pendanaan",
    "Partisipasi dalam kegiatan",
    "Kontribusi pada program",
    # a modal or a hedge
    "Siap membantu pelaksanaan program",
    "Akan mendukung",
    "Will provide assistance",
    "Membantu sesuai kebutuhan",
    "Menyediakan tenaga ahli bila diperlukan",
    # a generic object
    "Coordinate the cooperation",
    "Menyukseskan program",
    "Mengawal pelaksanaan kegiatan",
    "Memfasilitasi kegiatan",
    "Mengoordinasikan kerja sama",
]
CLEAR = [
    "Memfasilitasi forum pentahelix setiap bulan",
    "Mengoordinasikan rapat forum desa wisata tiap triwulan",
    "Facilitate the monthly tourism forum",
    "Melatih 40 pemandu",
    "Train 30 mangrove farmers by June 2026",
    "Menyusun Peraturan Bupati tentang desa wisata paling lambat Juni 2025",
    "Mendampingi 20 UMKM kopi menyusun laporan keuangan",
]
PASSIVE = [
    "Menerima pelatihan pemasaran",
    "Menjadi peserta pelatihan",
    "Attend training",
    "Didukung oleh Dinas Koperasi",
]


@pytest.mark.parametrize("text", VAGUE)
def test_vague_forms_are_vague_with_their_words(text: str) -> None:
    reading = clarity.clarity(text)
    assert reading.label == "vague", reading
    assert reading.words and reading.span and text[reading.span[0] : reading.span[1]] == reading.words


@pytest.mark.parametrize("text", CLEAR)
def test_concrete_tasks_are_clear(text: str) -> None:
    assert clarity.clarity(text).label == "clear"


@pytest.mark.parametrize("text", PASSIVE)
def test_receiving_roles_are_passive(text: str) -> None:
    assert clarity.clarity(text).label == "passive"


@pytest.mark.parametrize(
    ("statement", "goal", "expected"),
    [
        # a bad quantity falls, whatever the goal says
        ("Persentase penduduk miskin", "Meningkatkan kesejahteraan", "decrease"),
        ("Prevalensi stunting balita", "Meningkatkan kualitas gizi", "decrease"),
        ("Tingkat pengangguran terbuka", "", "decrease"),
        ("Waktu tanggap layanan darurat", "", "decrease"),
        ("Jumlah titik genangan", "", "decrease"),
        ("Poverty rate", "Improve welfare", "decrease"),
        # a count of a reduction or of something prevented rises
        ("Pengurangan timbulan sampah", "Menurunkan sampah ke TPA", "increase"),
        ("Persentase penurunan emisi gas rumah kaca", "", "increase"),
        ("Jumlah kasus DBD yang dicegah", "", "increase"),
        ("Waste reduced at source (tonnes)", "", "increase"),
        # a reduction of the level itself falls
        ("Penurunan angka kemiskinan", "", "decrease"),
        ("Reduction in the poverty rate", "", "decrease"),
    ],
)
def test_direction_comes_from_what_the_indicator_counts(statement: str, goal: str, expected: str) -> None:
    reading = direction.direction(statement, [goal] if goal else [])
    assert reading.label == expected
    assert not reading.inferred
    assert reading.words


def test_direction_is_inferred_only_when_the_statement_says_nothing() -> None:
    reading = direction.direction("Jumlah dokumen kajian", ["Meningkatkan kualitas layanan"])
    assert (reading.label, reading.inferred) == ("increase", True)
    assert direction.direction("Jumlah dokumen kajian", []).label == "unknown"


@pytest.mark.parametrize(
    ("text", "measurable_", "amount", "time"),
    [
        ("Meningkatkan kualitas layanan pada 2027", False, False, True),
        ("Improve service quality by 2027", False, False, True),
        ("Mendukung pencapaian SDG 6 pada 2030", False, False, True),
        ("Mewujudkan Misi 3 RPJMD 2025-2029", False, False, True),
        ("Meningkatkan kunjungan wisatawan 20% pada 2027", True, True, True),
        ("Menurunkan prevalensi stunting menjadi 14% dalam 3 tahun", True, True, True),
        ("Increase visitors by 30% by December 2027", True, True, True),
        ("Meningkatkan pendapatan petani 25%", False, True, False),
    ],
)
def test_a_goal_is_measurable_with_an_amount_and_a_time(text: str, measurable_: bool, amount: bool, time: bool) -> None:
    reading, has_amount, has_time = measurable.goal_measurable(text)
    assert (reading.label == "measurable", has_amount, has_time) == (measurable_, amount, time)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meningkatnya kesadaran masyarakat", "abstract"),
        ("Improved awareness of waste sorting", "abstract"),
        ("Terlaksananya kegiatan", "yes_no"),
        ("Tersusunnya dokumen rencana induk", "yes_no"),
        ("Training held", "yes_no"),
        ("Jumlah pemandu terlatih", "countable"),
        ("Percentage of households sorting waste", "countable"),
    ],
)
def test_indicator_statements_are_countable_abstract_or_yes_no(text: str, expected: str) -> None:
    assert measurable.indicator_measurable(text).label == expected


@pytest.mark.parametrize(
    ("text", "problems", "assets"),
    [
        # figures without the words "hambatan"/"peluang"
        ("Hanya 6 dari 46 desa memiliki homestay, sedangkan kelompok sadar wisata sudah aktif.", True, True),
        ("Kunjungan wisatawan turun 40% sejak 2020; desa memiliki 12 homestay siap pakai.", True, True),
        ("Only 18% of households sort their waste, but the city already has 40 waste banks.", True, True),
        # negation respected
        ("Tidak ada hambatan berarti dalam pengembangan desa wisata.", False, False),
        ("There is no barrier to entry.", False, False),
        ("Homestay belum tersedia dan pemandu belum bersertifikat.", True, False),
    ],
)
def test_background_problems_and_assets_by_meaning(text: str, problems: bool, assets: bool) -> None:
    assert background.problems(text).label == ("present" if problems else "absent")
    assert background.assets(text).label == ("present" if assets else "absent")


@pytest.mark.parametrize(
    ("text", "topic", "present"),
    [
        ("Kerja sama ini menghormati kedaulatan masing-masing negara.", "sovereignty", True),
        ("Neither party interferes in the domestic affairs of the other.", "sovereignty", True),
        ("Program ini memperkuat kedaulatan pangan daerah.", "sovereignty", False),
        ("Kerja sama dilandasi prinsip saling menguntungkan.", "mutual_benefit", True),
        ("Kerja sama ini tidak saling menguntungkan bagi desa.", "mutual_benefit", False),
        ("Pertemuan rutin diadakan untuk membangun kepercayaan antar mitra.", "trust_building", True),
        ("Pelatihan meningkatkan kepercayaan diri pelaku UMKM.", "trust_building", False),
        ("Kepentingan Pemkot adalah menurunkan emisi; kepentingan mitra adalah pasar.", "interests", True),
        ("Melibatkan seluruh pemangku kepentingan.", "interests", False),
        ("Perbedaan regulasi perizinan kedua negara diselaraskan dalam PKS.", "regulatory_differences", True),
        ("Kegiatan dilaksanakan sesuai peraturan perundang-undangan.", "regulatory_differences", False),
        (
            "Setiap pejabat menandatangani pakta integritas dan deklarasi konflik kepentingan.",
            "conflict_of_interest",
            True,
        ),
    ],
)
def test_statements_are_found_in_any_prose(text: str, topic: str, present: bool) -> None:
    assert (statements.statement(text, topic).label == "present") is present


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Musyawarah mufakat dalam rapat forum", "deliberative"),
        ("Decisions are made jointly by all partners", "deliberative"),
        ("Persetujuan DPRD atas rancangan perjanjian", "authority"),
        ("Ditetapkan oleh Bupati dengan Peraturan Bupati setelah musyawarah forum", "authority"),
        ("Keputusan akhir oleh investor", "unilateral"),
        ("Memutuskan perubahan desain", "unilateral"),
        ("Decide on acceptance of works", "unilateral"),
        ("Menyusun laporan kemajuan setiap triwulan", "none"),
    ],
)
def test_decision_power(text: str, expected: str) -> None:
    assert decision.decision(text).label == expected


def test_the_decider_is_named() -> None:
    assert decision.decision("Keputusan akhir oleh PT Investor Wisata").detail == "PT Investor Wisata"


@pytest.mark.parametrize(
    ("activity", "responsibility", "expected"),
    [
        ("Rapat koordinasi forum pentahelix", "Mengoordinasikan forum pentahelix setiap bulan", "match"),
        ("Pemasaran kopi desa", "Memasarkan kopi desa melalui toko daring", "match"),
        ("Sosialisasi pemilahan sampah", "Menyosialisasikan pemilahan sampah kepada warga", "match"),
        ("Pelatihan tentang homestay", "Menyusun kajian dalam bahasa daerah", "no_match"),
        ("Training with farmers", "Meet with the donor", "no_match"),
        ("Pembangunan TPS3R", "Mengoperasikan TPS3R setelah serah terima", "no_match"),
    ],
)
def test_matching_is_on_lemmas_without_stopwords(activity: str, responsibility: str, expected: str) -> None:
    assert matching.match(activity, responsibility).label == expected


@pytest.mark.parametrize(
    ("written", "lang", "value", "ambiguous"),
    [
        ("1.500", "id", 1500.0, False),
        ("2.000.000", "id", 2_000_000.0, False),
        ("2,5", "id", 2.5, False),
        ("Rp2,5 miliar", "id", 2.5e9, False),
        ("1,500", "en", 1500.0, False),
        ("1.500", "en", 1.5, True),
        ("1.500", None, 1500.0, True),
    ],
)
def test_numbers_by_the_plans_language(written: str, lang: str | None, value: float, ambiguous: bool) -> None:
    reading = read_number(written, lang)
    assert reading is not None and reading.value == value and reading.ambiguous is ambiguous


def _facts(text: str) -> list[dict]:
    return extract(validate_document(parse_text(text, "plan.yaml")))


def test_the_loader_keeps_thousands_as_written(tmp_path: Path) -> None:
    plan = (
        "title: Uji\nlanguage: id\npartners:\n  - {id: a, pillar: government, responsibilities: [Melatih 40 pemandu]}\n"
        "indicators:\n  - {id: I1, statement: Jumlah kunjungan, baseline: 1.200, target: 1.500}\n"
    )
    (indicator,) = [f for f in _facts(plan) if f["kind"] == "indicator"]
    assert (indicator["baseline"], indicator["target"], indicator["target_text"]) == (1200.0, 1500.0, "1.500")
    assert indicator["number_ambiguous"] is False
    english = plan.replace("language: id", "language: en")
    (indicator,) = [f for f in _facts(english) if f["kind"] == "indicator"]
    assert (indicator["target"], indicator["number_ambiguous"]) == (1.5, True)


# --- the "Why" examples of issue 13, each tried on the complete example with one change ---------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "desa-wisata-kopi.yaml"


def _example() -> dict:
    import yaml

    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def _keys(plan: dict) -> set[str]:
    from tests.conftest import review_data

    return {f.rule_id for f in review_data(plan).findings}


@pytest.mark.parametrize(
    ("statement", "baseline", "target", "fires"),
    [
        ("Persentase penduduk miskin di kedua desa", 12, 8, False),  # a bad quantity falls
        ("Pengurangan timbulan sampah di kedua desa", 0, 10, False),  # a count of a reduction rises
        ("Meningkatnya jumlah kunjungan wisatawan", 12, 8, True),  # the near miss: it does say "rise"
    ],
)
def test_wrong_direction_only_where_the_indicator_says_which_way(
    statement: str, baseline: int, target: int, fires: bool
) -> None:
    plan = _example()
    plan["indicators"][0].update(statement=statement, baseline=baseline, target=target)
    assert ("IN010" in _keys(plan)) is fires


def test_a_vague_responsibility_in_an_officials_words_is_found() -> None:
    plan = _example()
    plan["partners"][2]["responsibilities"] = ["Memberikan dukungan", "Melakukan pembinaan"]
    assert "RL002" in _keys(plan)


def test_a_goal_with_a_year_and_no_amount_is_not_quantified() -> None:
    plan = _example()
    plan["goals"][0]["statement"] = "Meningkatkan kualitas layanan wisata pada 2027"
    goal = next(f for f in _facts_of(plan) if f["id"] == "goal:G1")
    assert (goal["quantified"], goal["has_amount"], goal["has_time"]) == (False, False, True)


def _facts_of(plan: dict) -> list[dict]:
    import yaml

    return _facts(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False))


DEV2 = Path(__file__).parent / "data" / "readings_dev2"
FLOOR_PRECISION, FLOOR_RECALL = 0.95, 0.90


@pytest.fixture(scope="module")
def dev2_tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV2, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", sorted(READERS))
def test_readings_hold_the_floors_on_the_second_development_set(reading: str, dev2_tallies: dict[str, Tally]) -> None:
    """tests/data/readings_dev2: cases written in officials' forms and other domains than the
    benchmark's dev split, every reading at least 0.95 precision and 0.90 recall per label."""
    tally = dev2_tallies[reading]
    assert tally.n >= 10
    low = tally.below(FLOOR_PRECISION, FLOOR_RECALL)
    assert not low, "\n".join([*low, *tally.misses])


DEV3 = Path(__file__).parent / "data" / "readings_dev3"
# tests/data/readings_dev3 was written blind (before looking at why the readers miss) and then
# used for development. Its macro figures after that work, less a margin of 0.03: a change that
# makes a reading worse on officials' forms fails here.
DEV3_MEASURED = {  # reading: (precision, recall), macro, as measured on 2026-11-28
    "background_assets": (0.95, 0.96),
    "background_problems": (1.0, 1.0),
    "clarity": (1.0, 1.0),
    "decision": (1.0, 1.0),
    "direction": (1.0, 1.0),
    "goal_measurable": (1.0, 1.0),
    "indicator_measurable": (1.0, 1.0),
    "match": (1.0, 1.0),
    "number": (1.0, 1.0),
    "statement": (0.95, 0.97),
}
DEV3_MARGIN = 0.03


@pytest.fixture(scope="module")
def dev3_tallies() -> dict[str, Tally]:
    return dict(score_statements(load_statements(DEV3, ["dev"]))["dev"])


@pytest.mark.parametrize("reading", sorted(READERS))
def test_readings_hold_their_level_on_the_third_development_set(reading: str, dev3_tallies: dict[str, Tally]) -> None:
    tally = dev3_tallies[reading]
    assert tally.n >= 10
    precision, recall = tally.macro()
    floor_p, floor_r = (x - DEV3_MARGIN for x in DEV3_MEASURED[reading])
    misses = "\n".join(tally.misses)
    assert precision >= floor_p, f"{reading}: precision {precision:.3f} < {floor_p:.2f}\n{misses}"
    assert recall >= floor_r, f"{reading}: recall {recall:.3f} < {floor_r:.2f}\n{misses}"
