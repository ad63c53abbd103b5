"""Readable sources (issue 14): author and year in reports, the works cited at the end; JSON
keeps the ids and adds the list."""

from __future__ import annotations

import json
from pathlib import Path

from advisor import knowledge
from advisor.findings import Outcome
from advisor.render import html, json_report, markdown, text
from advisor.review import review_file

DONOR = Path(__file__).resolve().parent.parent / "examples" / "hibah-teknologi-donor.yaml"


def _outcome() -> Outcome:
    return Outcome((review_file(DONOR),))


def test_every_source_has_an_author_year_label() -> None:
    for key, source in knowledge.sources().items():
        for lang in ("id", "en"):
            assert source.label(lang).strip(), key
            assert "seed" not in source.label(lang).lower(), key


def test_an_undated_source_is_labelled_in_the_report_language() -> None:
    from advisor.render.citations import short

    assert short("seed004", "id") == "Kerja Sama Antar Negara (t.t.)"
    assert short("seed004", "en") == "Kerja Sama Antar Negara (n.d.)"
    assert short("pp28_2018", "id") == short("pp28_2018", "en") == "PP 28/2018"


def test_text_and_markdown_cite_author_and_year_and_list_the_works() -> None:
    for rendered in (text.render(_outcome(), "en"), markdown.render(_outcome(), "en")):
        assert "Aziz 2024" in rendered
        assert "seed000" not in rendered
        tail = rendered[rendered.index("Works cited") :]
        assert "Optimalisasi Perencanaan Kerja Sama pada Organisasi Publik" in tail


def test_html_lists_the_works_cited() -> None:
    page = html.render(_outcome(), "id")
    assert "Daftar pustaka" in page and "Aziz 2024" in page


def test_json_keeps_the_ids_and_adds_the_list() -> None:
    data = json.loads(json_report.render(_outcome(), "en"))
    review = data["reviews"][0]
    ids = set(knowledge.sources())
    assert all(f["sources"] and set(f["sources"]) <= ids for f in review["findings"])  # still ids
    cited = {w["id"]: w for w in review["works_cited"]}
    assert cited["seed000"]["short"] == "Aziz 2024"
    used = {s for f in review["findings"] for s in f["sources"]}
    assert set(cited) == used
