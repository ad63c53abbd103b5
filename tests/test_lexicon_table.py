"""The lexicon's phrases compiled ahead (knowledge/compiled.json) are the phrases compiled at run
time: the same phrases, in the same order, for every key a text's word may start one with."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from advisor import knowledge
from advisor.text import lexicon


def _clear() -> None:
    for cached in (lexicon._table, lexicon._starting, lexicon._candidates, lexicon._by_purpose, lexicon._index):
        cached.cache_clear()


@pytest.fixture
def fresh() -> Iterator[None]:
    _clear()
    yield
    _clear()


def test_the_compiled_copy_holds_the_table() -> None:
    table = lexicon._table()
    assert table is not None, "knowledge/compiled.json holds no current phrase table: run python tools/build.py"


def test_every_key_starts_the_phrases_compiled_at_run_time() -> None:
    table = lexicon._table()
    assert table is not None
    compiled = lexicon._index(lexicon._every_purpose())
    assert set(compiled) <= set(table.group)
    for key in table.group:
        assert lexicon._starting(key) == compiled.get(key, ()), key
    # the word sets' phrases are in the table too, and the scan leaves them out
    every = [p for key in table.group for p in table.phrases(key)]
    assert len(every) == sum(len(lexicon.compile_purpose(p)) for p in knowledge.lexicon())
    assert any(p.purpose == "stopwords" for p in every)
    assert not any(p.purpose.startswith(lexicon._WORD_SETS) for key in table.group for p in lexicon._starting(key))


def test_a_stale_table_is_compiled_at_run_time(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Memberikan dukungan pendanaan kepada kelompok sadar wisata setiap tahun"
    ahead = {purpose: [m.words for m in lexicon.find_all(text, purpose)] for purpose in lexicon.phrases_in(text)}
    _clear()
    monkeypatch.setattr(knowledge, "precomputed_phrases", dict)  # as when the lexicon was edited since the build
    assert lexicon._table() is None
    again = {purpose: [m.words for m in lexicon.find_all(text, purpose)] for purpose in lexicon.phrases_in(text)}
    assert again == ahead
    assert ahead  # the text holds phrases: the comparison compared something
