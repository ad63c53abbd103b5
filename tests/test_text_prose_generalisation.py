"""The prose readings (background problems and assets, statements, decision, match) by class: a
level or trend read with what it qualifies, a root shared with a neutral word, a decider named by
a noun or a right, a paraphrase's quoted words, a field of action that needs its object too. The
labelled cases of the same classes are in tests/data/readings_dev5_prose
(tests/test_readings_class_cases.py)."""

from __future__ import annotations

import pytest

from advisor.text import background, decision, matching, statements


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a level or a trend is read with what it qualifies
        ("Biaya logistik ke Surabaya tergolong tinggi.", "present"),
        ("Biaya tenaga kerja di kawasan ini relatif rendah.", "absent"),
        ("Pendapatan nelayan terus menurun.", "present"),
        ("Angka kriminalitas menurun tajam sejak 2023.", "absent"),
        # a root shared with a neutral word is no problem
        ("Sebagian besar warga tinggal di pesisir.", "absent"),
        ("Pertemuan para pihak diadakan setiap bulan.", "absent"),
        ("Kabupaten ini berbatasan dengan Timor Leste.", "absent"),
        ("Sebanyak 40 persen warga tergolong miskin.", "present"),
        ("No major barriers were identified.", "absent"),
        ("Kerja sama ini berpedoman pada Perda No. 3 Tahun 2020.", "absent"),
    ],
)
def test_background_problems_by_meaning(text: str, label: str) -> None:
    assert background.problems(text).label == label


def test_a_negation_spent_on_a_problem_denies_no_asset() -> None:
    text = "Pasokan listrik sudah tidak lagi kekurangan sejak PLTMH beroperasi."
    assert background.problems(text).label == "absent"
    assert background.assets(text).label == "present"


@pytest.mark.parametrize(
    ("text", "label", "decider"),
    [
        ("Perubahan desain memerlukan persetujuan tertulis PT Sinar Bahari.", "unilateral", "PT Sinar Bahari"),
        ("Any change requires the consent of both parties.", "deliberative", "both parties"),
        ("Investor berhak menolak usulan desa.", "unilateral", "Investor"),
    ],
)
def test_decision_names_its_decider_from_a_noun_or_a_right(text: str, label: str, decider: str) -> None:
    reading = decision.decision(text)
    assert (reading.label, reading.detail) == (label, decider)


def test_statements_quote_the_words_of_a_paraphrase() -> None:
    reading = statements.statement("Mitra luar negeri tidak akan mengarahkan kebijakan daerah.", "sovereignty")
    assert reading.label == "present" and "mengarahkan" in reading.words and "kebijakan" in reading.words


def test_a_field_of_action_needs_the_object_too() -> None:
    assert matching.match("Kajian kelayakan SPAM regional", "Menyusun studi kelayakan SPAM regional").label == "match"
    assert matching.match("Kajian kelayakan SPAM regional", "Menyusun studi dampak lingkungan").label == "no_match"
    assert matching.overlap("Pengadaan bus listrik", "Memasok biji kopi").label == "no_match"
