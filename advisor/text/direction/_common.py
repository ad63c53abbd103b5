"""Words that more than one reading of an indicator's direction uses."""

from __future__ import annotations

from functools import lru_cache

from advisor.text.stem import stem_id

# words that link a reduction to what it reduces and do not count in the window
_LINKS = frozenset({"in", "of", "the", "a", "an", "dari", "pada", "atas", "terhadap"})

# words that open the means, agent or purpose of a change, not its object
_MEANS = frozenset({"melalui", "dengan", "oleh", "lewat", "untuk", "through", "by", "via", "with", "for"})

_ALREADY = frozenset({"berhasil", "telah", "sudah", "dapat", "bisa"})

_AND = frozenset({"dan", "atau", "serta", "and", "or"})  # coordination does not lengthen the reach

_NO_LONGER = frozenset({"lagi", "longer"})  # "tidak lagi", "no longer": the lack has ended
_ACTIVE = ("me", "ber")


@lru_cache(maxsize=4096)
def _active(word: str) -> bool:
    """An Indonesian active verb: me-, ber-, and ber- before a root whose first syllable ends in
    "er" or that starts with "r" ("bekerja", "beternak", "berenang") or "bel-" ("belajar")."""
    if word.startswith(_ACTIVE):
        return True
    return word.startswith("be") and stem_id(word) in (word[2:], word[3:])


_ALREADY_AUX = frozenset({"telah", "sudah", "have", "has", "already", "had"})
