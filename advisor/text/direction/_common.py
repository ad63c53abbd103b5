"""Words that more than one reading of an indicator's direction uses."""

from __future__ import annotations

# words that link a reduction to what it reduces and do not count in the window
_LINKS = frozenset({"in", "of", "the", "a", "an", "dari", "pada", "atas", "terhadap"})

# words that open the means, agent or purpose of a change, not its object
_MEANS = frozenset({"melalui", "dengan", "oleh", "lewat", "untuk", "through", "by", "via", "with", "for"})

_ALREADY = frozenset({"berhasil", "telah", "sudah", "dapat", "bisa"})

_AND = frozenset({"dan", "atau", "serta", "and", "or"})  # coordination does not lengthen the reach

_NO_LONGER = frozenset({"lagi", "longer"})  # "tidak lagi", "no longer": the lack has ended
_ACTIVE = ("me", "ber")
_ALREADY_AUX = frozenset({"telah", "sudah", "have", "has", "already", "had"})
