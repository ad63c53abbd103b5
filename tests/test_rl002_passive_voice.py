"""RL002 for a partner whose lines are in the passive voice: its own wording in both languages
(title, message quoting the passive verb, recommendation), while a vague partner's finding and
the rule's catalogue title read as before."""

from __future__ import annotations

from advisor import catalogue, rules
from tests.conftest import review_data

PLAN = {
    "title": "Desa wisata kopi",
    "kind": "pentahelix",
    "partners": [
        {"id": "pemkab", "pillar": "government", "responsibilities": ["Menyusun peraturan bupati tentang desa wisata"]},
        {
            "id": "dukcapil",
            "name": "Disdukcapil",
            "pillar": "government",
            "responsibilities": ["Data kependudukan disediakan oleh Disdukcapil"],
        },
        {
            "id": "koperasi",
            "name": "Koperasi",
            "pillar": "industry",
            "responsibilities": ["Mendukung promosi desa wisata"],
        },
    ],
}


def _rl002() -> dict[str, object]:
    return {f.key: f for f in review_data(PLAN).findings if f.rule_id == "RL002"}


def test_a_passive_line_is_named_as_passive_in_both_languages() -> None:
    finding = _rl002()["RL002:partner:dukcapil"]
    assert finding.text("title", "id") == "Tanggung jawab Disdukcapil ditulis dalam kalimat pasif"
    assert finding.text("title", "en") == "Disdukcapil's responsibilities are written in the passive voice"
    assert '"disediakan", misalnya, berbentuk kalimat pasif' in finding.text("message", "id")
    assert '"disediakan", for one, is in the passive voice' in finding.text("message", "en")
    assert finding.text("recommendation", "id").startswith("Ganti setiap kalimat pasif")
    assert 'menjadi "Menyediakan data kependudukan' in finding.text("recommendation", "id")
    assert finding.text("recommendation", "en").startswith("Turn each passive line")


def test_a_vague_line_reads_as_before() -> None:
    finding = _rl002()["RL002:partner:koperasi"]
    assert finding.text("title", "id") == "Tanggung jawab Koperasi hanya berupa kata kerja umum"
    assert finding.text("title", "en") == "Koperasi's responsibilities are too vague to check"
    assert "misalnya, hanya kata kerja umum, ungkapan ragu atau sasaran yang terlalu umum." in finding.text(
        "message", "id"
    )
    assert finding.text("recommendation", "en").startswith("Turn each general verb into a task")


def test_the_catalogue_shows_the_usual_case() -> None:
    rule = rules.get("RL002")
    assert catalogue.summary(rule, "id") == "Tanggung jawab … hanya berupa kata kerja umum"
    assert catalogue.summary(rule, "en") == "…'s responsibilities are too vague to check"
