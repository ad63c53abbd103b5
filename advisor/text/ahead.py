"""Tables the text layer derives from ``knowledge/lexicon.yaml`` once per process (matching's
fields of action, its abbreviations), computed ahead by ``tools/build.py`` into
``knowledge/compiled.json``, so that a cold start reads them instead of stemming and tokenising
the lexicon's thesaurus again.

A table written ahead is used only while it was made from the current lexicon, stem exceptions,
source of the module that computes it and the other knowledge files it reads (their CRC-32):
after an edit to any of them the table is computed at run time, as before, until the next build
(``tools/build.py --check`` names compiled.json stale then).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, NamedTuple, TypeVar, cast

from advisor import knowledge

T = TypeVar("T")


class Table(NamedTuple):
    """A table computed ahead: the function computing it, the source file of its module, and the
    knowledge files it reads besides the lexicon and the stem exceptions ("places/areas.tsv")."""

    compute: Callable[[], Any]
    source: str
    inputs: tuple[str, ...]


# name -> the table: what tools/build.py writes
TABLES: dict[str, Table] = {}


def ahead(
    name: str, source: str, decode: Callable[[Any], Any], inputs: tuple[str, ...] = ()
) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Read the table ``name`` from knowledge/compiled.json (its JSON ``decode``d back to what the
    function returns, tuples for lists: a test holds the two equal) when it is current, else
    compute it with the decorated function."""

    def wrap(compute: Callable[[], T]) -> Callable[[], T]:
        TABLES[name] = Table(compute, source, inputs)

        @wraps(compute)
        def read() -> T:
            ready = knowledge.precomputed_table(name, source, inputs)
            return compute() if ready is None else cast(T, decode(ready))

        return read

    return wrap
