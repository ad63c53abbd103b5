"""Sources as a reader can look them up: author and year in the text ("Ansell & Torfing 2018",
"Aziz 2024"), the full references at the end of the report. Shared by every document report.
"""

from __future__ import annotations

from collections.abc import Iterable

from advisor import knowledge
from advisor.findings import Finding


def short(source_id: str, lang: str) -> str:
    """The author-year label of a source in ``lang`` ("t.t." / "n.d." for an undated one), or
    its id when it has none."""
    source = knowledge.sources().get(source_id)
    return (source.label(lang) or source_id) if source else source_id


def shorts(source_ids: Iterable[str], lang: str) -> str:
    """The author-year labels of several sources, joined with ``; ``, in the order given."""
    return "; ".join(short(s, lang) for s in source_ids)


def works_cited(findings: Iterable[Finding], lang: str) -> list[tuple[str, str, str]]:
    """(id, short label, full citation) of every source the findings cite, once each, in
    alphabetical order of the label (as a reference list is read)."""
    sources = knowledge.sources()
    ids = {s for f in findings for s in f.sources}
    out = [(s, short(s, lang), sources[s].cited(lang) if s in sources else s) for s in ids]
    return sorted(out, key=lambda entry: (entry[1].lower(), entry[0]))
