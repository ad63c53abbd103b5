"""IN010's message says how the direction was come by and quotes the words that decided it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

_INDICATOR = {
    "measures": "A1",
    "unit": "%",
    "baseline": 10,
    "target": 12,
    "due": "2025-12-31",
    "data_source": "BPS",
    "frequency": "tahunan",
    "responsible": "pemkab",
}


def _plan(indicator: dict[str, object]) -> dict[str, object]:
    return {
        "title": "Uji arah",
        "kind": "pentahelix",
        "period": {"start": "2025-01-01", "end": "2027-12-31"},
        "partners": [{"id": "pemkab", "pillar": "government", "responsibilities": ["Menyusun peraturan bupati"]}],
        "activities": [{"id": "A1", "name": "Penyusunan peraturan bupati", "lead": "pemkab"}],
        "indicators": [{"id": "I1", **_INDICATOR, **indicator}],
    }


def _message(review: Callable[..., Any], indicator: dict[str, object], lang: str) -> tuple[str, str]:
    findings = [f for f in review(_plan(indicator)).findings if f.rule_id == "IN010"]
    assert len(findings) == 1
    return findings[0].severity, findings[0].text("message", lang)


@pytest.mark.parametrize(
    ("indicator", "severity", "id_words", "en_words"),
    [
        # stated by a word of change: an error, the word quoted
        (
            {"statement": "Menurunkan angka kemiskinan desa"},
            "error",
            "menyatakan penurunan (“Menurunkan”), tetapi",
            "states a fall (“Menurunkan”), but",
        ),
        # judged from what is counted: a warning, the counted thing quoted
        (
            {"statement": "Persentase penduduk miskin desa"},
            "warning",
            "semestinya turun (“penduduk miskin”), tetapi",
            "should fall (“penduduk miskin”), but",
        ),
        # declared in the plan: an error, the field named, nothing quoted
        (
            {"statement": "Jumlah kasus demam berdarah", "direction": "decrease"},
            "error",
            "diberi `direction` turun, tetapi",
            "is set to fall in `direction`, but",
        ),
    ],
)
def test_the_message_says_how_the_direction_was_read(
    review: Callable[..., Any], indicator: dict[str, object], severity: str, id_words: str, en_words: str
) -> None:
    found_severity, message_id = _message(review, indicator, "id")
    assert found_severity == severity
    assert id_words in message_id
    assert en_words in _message(review, indicator, "en")[1]
