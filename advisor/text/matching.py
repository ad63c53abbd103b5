"""Does a responsibility cover an activity? They share a content lemma: stopwords and words
too generic to tie them ("kegiatan", "program", "with") aside, each word stemmed with both
stemmers, so "koordinasi" meets "mengoordinasikan" and "pemasaran" meets "memasarkan"."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.lexicon import find_all, is_number
from advisor.text.reading import Reading
from advisor.text.stem import stem_en, stem_id
from advisor.text.tokens import tokens

MIN_LEMMA = 3


@lru_cache(maxsize=8192)
def lemmas(text: str) -> dict[str, str]:
    """Content lemma -> the first word that has it."""
    stop = {t for m in find_all(text, "stopwords") for t in m.found}
    out: dict[str, str] = {}
    for token in tokens(text):
        if token in stop or is_number(token.word) or len(token.word) < MIN_LEMMA:
            continue
        for lemma in (stem_id(token.word), stem_en(token.word)):
            if len(lemma) >= MIN_LEMMA:
                out.setdefault(lemma, text[token.start : token.end])
    return out


def match(activity: str, responsibility: str) -> Reading:
    mine = lemmas(responsibility)
    for lemma, word in lemmas(activity).items():
        if lemma in mine:
            return Reading("match", "shared_lemma", f"{word}/{mine[lemma]}", None, detail=lemma)
    return Reading("no_match", "no_shared_lemma")
