"""The voice of a responsibility (advisor/text/voice.py): a passive predicate makes no partner
its actor, so clarity reads it ``passive`` with reason ``passive_voice`` and quotes the passive
verb with its modals; an active predicate, a noun-phrase task, a relative clause inside an active
task and an adjective from a di-/ter- word are not passive."""

from __future__ import annotations

import pytest

from advisor.text import clarity
from advisor.text.voice import active_verb_id, passive_verb_id, passive_voice

PASSIVE = [
    # (text, the words quoted)
    ("Data kependudukan disediakan oleh Disdukcapil", "disediakan"),
    ("Sarana dan prasarana akan difasilitasi oleh pemerintah desa", "akan difasilitasi"),
    ("Tenaga pendamping akan segera ditempatkan di setiap desa", "akan segera ditempatkan"),
    ("Kapasitas pengelola homestay diperkuat melalui magang", "diperkuat"),
    ("Izin usaha harus diterbitkan paling lambat Maret 2026", "harus diterbitkan"),
    ("Anggaran disediakan melalui APBD sesuai kemampuan keuangan daerah", "disediakan"),  # also a hedge
    ("Data penerima bantuan terhimpun oleh pendamping desa", "terhimpun"),
    ("Seluruh kegiatan terselenggarakan sesuai jadwal", "terselenggarakan"),
    ("Funds will be provided by the partner", "will be provided"),
    ("Technical assistance is to be provided as required", "is to be provided"),
    ("Outreach sessions will be held in each sub-district", "will be held"),
    ("Household lists are verified jointly by the village office", "are verified"),
    # a subject with its own clause, an adverbial opener, a non-finite chain after a subject
    ("Anggaran yang bersumber dari APBD disediakan oleh Bappeda", "disediakan"),
    ("Berdasarkan hasil musyawarah, lokasi demplot ditetapkan oleh Bupati", "ditetapkan"),
    ("Secara berkala data penerima dimutakhirkan", "dimutakhirkan"),
    ("Kegiatan terlaksana sesuai jadwal", "terlaksana"),
    ("Perjanjian kerja sama ditandatangani oleh kedua kepala daerah", "ditandatangani"),
    ("Hasil evaluasi akan ditindaklanjuti oleh dinas teknis", "akan ditindaklanjuti"),
    ("Paket wisata kopi digemari oleh wisatawan mancanegara", "digemari"),  # a root the stemmer misreads
    ("Seedlings to be supplied by the nursery", "to be supplied"),
    ("The modules to be prepared by the university", "to be prepared"),
    ("Farmers are being trained by the extension office", "are being trained"),
    ("Funds will not be provided before approval", "will not be provided"),
]

NOT_PASSIVE = [
    "Penyusunan kajian kelayakan SPAM regional",  # a noun-phrase task
    "Menyediakan data kependudukan",  # an active verb
    "Melatih 40 pemandu yang ditunjuk desa",  # a relative clause inside an active task
    "Menyusun laporan yang disampaikan kepada Bupati",
    "Menyusun dokumen sebagaimana diatur dalam Permendagri 22/2020",
    "Menyediakan anggaran apabila diperlukan",  # the di- verb of a hedge
    "Membangun sistem informasi terpadu di 12 puskesmas",  # adjectives from ter- words
    "Menempatkan 10 tenaga kesehatan terlatih di desa terpencil",
    "Mengelola dana yang tersedia untuk beasiswa 50 siswa",
    "Dinas Kesehatan bertanggung jawab atas pengadaan alat ukur",  # active ber- predicate
    "Menyelenggarakan diskusi kelompok terarah dengan 30 petani",  # a di- noun
    "Mengoordinasikan Dispora dan Distan dalam 4 pertemuan per tahun",  # agencies' short names
    "Pendampingan petani dibidang hortikultura di 5 desa",  # "di" written onto a place
    "Diharapkan dapat menyediakan data",  # a control word before the partner's own verb
    "Prepare the quarterly report that is submitted to the Regent",
    "Deliver the modules, which are funded by the ministry, to 20 schools",
    "Prepare the plan to be approved by the council",  # no finite verb
    "Maintain the pumps installed by the contractor",
    "Is responsible for the water quality tests at 20 sampling points",
    "Ensure that funds are disbursed on time",  # the partner ensures
    "The university will deliver 12 training sessions",
    "The university is to deliver 12 sessions",
    "Data will be available by June 2026",
    "Prepare modules to be used in 20 schools",
    "Mendorong agar hasil kajian dipublikasikan",
    "Dinas Pariwisata bertugas menyusun kalender event",
    "Tersedianya data kemiskinan per desa",
    "Mengelola Terminal Ternate bersama Dishub",
    "Rapat koordinasi Dinas oleh Sekretaris Daerah setiap bulan",  # "Dinas" is no verb, agent or not
]


@pytest.mark.parametrize(("text", "words"), PASSIVE)
def test_passive_predicates_are_read_with_their_words(text: str, words: str) -> None:
    reading = clarity.clarity(text)
    assert (reading.label, reading.reason, reading.words) == ("passive", "passive_voice", words)
    assert reading.span is not None and text[reading.span[0] : reading.span[1]] == words


@pytest.mark.parametrize("text", NOT_PASSIVE)
def test_other_predicates_are_not_passive_voice(text: str) -> None:
    assert passive_voice(text) is None
    assert clarity.clarity(text).reason != "passive_voice"


def test_a_stance_is_not_a_passive() -> None:
    """ "Is committed to" is the partner's own stance."""
    for text in ("Is committed to buying 20 tonnes of coffee each year", "Is tasked with preparing the monthly report"):
        assert passive_voice(text) is None
        assert clarity.clarity(text).label != "passive"


def test_receiving_stays_its_own_reason() -> None:
    """A line where the partner only receives keeps reason ``receives``, in either voice."""
    for text in ("Menerima pelatihan pengolahan kopi", "Didukung oleh Dinas Koperasi dan UKM", "Receive training"):
        assert clarity.clarity(text).reason == "receives"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("dibangun", "di"),
        ("disediakan", "di"),
        ("dimutakhirkan", "di"),
        ("diperluas", "di"),
        ("diterbitkan", "di"),
        ("tersalurkan", "ter"),
        ("terpenuhi", "ter"),
        ("terlaksana", "ter"),
        ("terhimpun", "ter"),
        ("terkirim", "ter_bare"),
        ("terpadu", "ter_bare"),
        ("diskusi", ""),
        ("diseminasi", ""),
        ("dispora", ""),
        ("dibidang", ""),
        ("disediakannya", ""),  # a noun
        ("terlaksananya", ""),
        # a compound root the dictionary lacks
        ("ditindaklanjuti", "di"),
        ("ditandatangani", "di"),
        ("dipertanggungjawabkan", "di"),
        ("digitalisasi", ""),
        ("distribusi", ""),
        ("dibandingkan", ""),
    ],
)
def test_passive_verb_forms(word: str, kind: str) -> None:
    assert passive_verb_id(word) == kind


@pytest.mark.parametrize(
    ("word", "active"),
    [("menyediakan", True), ("bertanggung", True), ("memperluas", True), ("melalui", False), ("media", False)],
)
def test_active_verb_forms(word: str, active: bool) -> None:
    assert active_verb_id(word) is active
