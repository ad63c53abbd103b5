"""A reading of a text: its label with the evidence that decided it."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.text.lexicon import Match
from advisor.text.tokens import Token


@dataclass(frozen=True, slots=True)
class Reading:
    """What a text was read as, and why.

    ``words`` are the decisive words as written in the text (quoted by messages), ``span`` their
    place in it (start, end), ``reason`` a short code naming the pattern that decided (messages
    and ``check --explain`` use it), ``inferred`` that the label comes from another text (an
    indicator's direction from its goal), ``detail`` an extra value of some readings (the decider),
    ``bound`` that a direction's level is a bound, ``cap`` or ``floor``, and ``bound_words`` the
    words that set it ("paling tinggi", "at least").
    """

    label: str
    reason: str
    words: str = ""
    span: tuple[int, int] | None = None
    inferred: bool = False
    detail: str = ""
    bound: str = ""
    bound_words: str = ""

    def explain(self) -> str:
        """One line for ``--explain``: label, reason and the quoted words."""
        said = f" '{self.words}'" if self.words else ""
        how = " (inferred)" if self.inferred else ""
        bound = f", {self.bound} '{self.bound_words}'" if self.bound and self.bound_words != self.words else ""
        return f"{self.label}{how}: {self.reason}{said}{bound}"


def quoted(text: str, *found: Token) -> tuple[str, tuple[int, int] | None]:
    """The words of ``found`` as written in ``text``, from the first to the last, and their span."""
    if not found:
        return "", None
    start, end = min(t.start for t in found), max(t.end for t in found)
    return text[start:end], (start, end)


def from_match(text: str, label: str, reason: str, *matches: Match | None, detail: str = "") -> Reading:
    found = [t for m in matches if m is not None for t in m.found]
    words, span = quoted(text, *found)
    return Reading(label, reason, words, span, detail=detail)
