"""What tools/build.py computes ahead into knowledge/compiled.json is what the advisor would compute
at run time: the lexicon's phrases (the same phrases, in the same order, for every key a text's word
may start one with) and the tables of advisor/text/ahead.py (matching's fields, abbreviations,
services' parts and words of one language; the gazetteer's index of names)."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator

import pytest

from advisor import knowledge
from advisor.text import lexicon, matching
from advisor.text.ahead import TABLES


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


def test_the_sets_built_over_the_tables_are_the_live_computation() -> None:
    # what the matcher reads: the sets made from the copies, equal to those made from the lexicon now
    assert matching._vocabulary() == tuple(frozenset(words) for words in matching._vocabulary_words.__wrapped__())
    assert matching._parts() == {k: frozenset(v) for k, v in matching._part_lemmas.__wrapped__().items()}
    assert matching._generics() == {k: frozenset(v) for k, v in matching._generic_keys.__wrapped__().items()}
    assert matching._vocabulary()[0] and matching._parts() and matching._generics()  # they compared something


def test_every_table_is_read_as_it_is_computed() -> None:
    names = ("matching_fields", "matching_generics", "matching_parts", "matching_shorts", "matching_spelt_out")
    assert {*names, "matching_vocabulary", "places_index"} <= set(TABLES)
    for name, table in TABLES.items():
        ready = knowledge.precomputed_table(name, table.source, table.inputs)
        assert ready is not None, f"{name} is not in knowledge/compiled.json: run python tools/build.py"
        read = getattr(importlib.import_module(table.compute.__module__), table.compute.__name__).__wrapped__
        assert read() == table.compute(), name
        assert list(read()) == list(table.compute()), name  # in the same order
        assert json.loads(json.dumps(table.compute())) == ready, name


@pytest.mark.parametrize(
    ("name", "read"),
    [("matching_fields", matching._fields.__wrapped__), ("matching_parts", matching._part_lemmas)],
)
def test_a_table_of_an_edited_module_is_computed_at_run_time(
    name: str, read: Callable[[], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    table = TABLES[name]
    crc = knowledge.table_crc
    edited = lambda path, inputs=(): 0 if path == table.source else crc(path, inputs)  # noqa: E731
    monkeypatch.setattr(knowledge, "table_crc", edited)
    assert knowledge.precomputed_table(name, table.source) is None
    assert read() == table.compute()


def test_a_table_of_an_edited_knowledge_file_is_computed_at_run_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # the gazetteer's index is made from areas.tsv: an edited list is read live, not from the copy
    table = TABLES["places_index"]
    assert "places/areas.tsv" in table.inputs
    assert knowledge.precomputed_table("places_index", table.source, table.inputs) is not None
    knowledge.table_crc.cache_clear()
    real = knowledge.KNOWLEDGE_DIR
    edited = {"places/areas.tsv": (real / "places/areas.tsv").read_bytes() + b"99\tProvinsi Baru\n"}
    original = type(real).read_bytes

    def read_bytes(path):  # type: ignore[no-untyped-def]
        for name, raw in edited.items():
            if path == real / name:
                return raw
        return original(path)

    monkeypatch.setattr(type(real), "read_bytes", read_bytes)
    try:
        assert knowledge.precomputed_table("places_index", table.source, table.inputs) is None
    finally:
        monkeypatch.undo()
        knowledge.table_crc.cache_clear()
