"""The loader: every way a file can be broken gives Problems naming the file and the line, in
both languages, exit code 2 through the CLI, and never a traceback or executed code."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.loader import MAX_NODES, load_file, parse_text
from advisor.problems import InputError, Problem
from advisor.render.problem import render as render_problem

PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")
JSON_PLAN = '{\n  "title": "A",\n  "partners": [\n    {"id": "a", "pillar": "media"}\n  ]\n}\n'
PLAN = "title: Desa wisata\npartners:\n  - {id: pemkab, pillar: government}\n"


def problems_of(path: Path, **kw) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_file(path, **kw)
    assert info.value.problems
    return info.value.problems


def assert_readable(problem: Problem, file: Path) -> None:
    """Both languages give a one-line message that names the file and has no unfilled slot."""
    texts = {lang: render_problem(problem, lang) for lang in ("id", "en")}
    assert texts["id"] != texts["en"]
    for text in texts.values():
        assert text.startswith(str(file)), text
        assert "\n" not in text
        assert not PLACEHOLDER.search(text), text
        message = text.split(": ", 1)[1]
        assert message.strip()


def cli_fails_cleanly(path: Path) -> str:
    for command in ("validate", "check"):
        result = CliRunner().invoke(main, [command, str(path), "--lang", "en"])
        assert result.exit_code == 2, (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert "Traceback" not in result.output
    return result.output


def write(tmp_path: Path, text: str | bytes, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_a_good_plan_loads_with_positions(tmp_path: Path) -> None:
    doc = load_file(write(tmp_path, PLAN))
    assert doc.data["partners"][0]["pillar"] == "government"
    assert doc.position(("partners", 0, "pillar")) == (3, PLAN.splitlines()[2].index("government") + 1)
    assert doc.key_positions[("partners",)] == (2, 1)


def test_malformed_yaml_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Desa\npartners:\n  - id: a\n   pillar: government\n")
    (problem,) = problems_of(path)
    assert problem.code == "yaml_syntax"
    assert problem.line == 4
    assert problem.col is not None
    assert_readable(problem, path)
    assert f"{path}:4:" in cli_fails_cleanly(path)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("# only a comment\n", "empty"),
        ("~\n", "empty"),
    ],
    ids=["empty", "blank", "comment-only", "null"],
)
def test_empty_files(tmp_path: Path, text: str, code: str) -> None:
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert problem.code == code
    assert_readable(problem, path)
    cli_fails_cleanly(path)


@pytest.mark.parametrize(
    ("text", "found"),
    [("- title: A\n- title: B\n", "list"), ("just a sentence\n", "str"), ("42\n", "int")],
    ids=["list", "scalar-text", "scalar-number"],
)
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str, found: str) -> None:
    path = write(tmp_path, text)
    (problem,) = problems_of(path)
    assert problem.code == "top_not_mapping"
    assert problem.line == 1
    assert problem.params["found"] == found
    assert_readable(problem, path)
    cli_fails_cleanly(path)


def test_latin1_text_is_refused_with_the_place_of_the_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Kerja sama\nbackground: Caf\xe9 di Bali\n".encode("latin-1"))
    (problem,) = problems_of(path)
    assert problem.code == "not_utf8"
    assert (problem.line, problem.col) == (2, 16)
    assert problem.params["byte"] == "0xe9"
    assert_readable(problem, path)
    cli_fails_cleanly(path)


def test_utf16_text_that_does_not_decode_is_refused_readably(tmp_path: Path) -> None:
    # A UTF-16 byte-order mark followed by an odd number of bytes: a truncated file.
    path = write(tmp_path, b"\xff\xfet\x00\n\x00i\x00t")
    (problem,) = problems_of(path)
    assert problem.code == "bad_encoding"
    assert problem.line == 2
    assert problem.params == {"codec": "UTF-16", "offset": 8}
    assert_readable(problem, path)


def test_utf8_with_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    assert load_file(path).data["title"] == "Desa wisata"
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "junk",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"title: a\n\x00\x01\x02\x03", b"PK\x03\x04\x14\x00\x06\x00"],
    ids=["png", "nul-after-text", "zip"],
)
def test_binary_junk_is_refused(tmp_path: Path, junk: bytes) -> None:
    path = write(tmp_path, junk)
    (problem,) = problems_of(path)
    assert problem.code in ("binary", "not_utf8")
    assert problem.line is not None
    assert_readable(problem, path)
    cli_fails_cleanly(path)


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    path = write(
        tmp_path,
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        "partners: !!python/object/new:builtins.list [[1]]\n",
    )
    found = problems_of(path)
    assert {p.code for p in found} == {"tag_refused"}
    assert [p.line for p in found] == [1, 2]
    assert "python/object/apply" in found[0].params["tag"]
    for problem in found:
        assert_readable(problem, path)
    cli_fails_cleanly(path)
    assert not marker.exists()


def test_duplicate_keys_name_the_second_occurrence(tmp_path: Path) -> None:
    path = write(tmp_path, "title: A\npartners: []\ntitle: B\n")
    (problem,) = problems_of(path)
    assert problem.code == "duplicate_key"
    assert problem.line == 3
    assert problem.params["key"] == "title"
    assert_readable(problem, path)
    cli_fails_cleanly(path)


def test_an_alias_bomb_is_stopped_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("title: *a9")
    path = write(tmp_path, "\n".join(lines) + "\n")
    start = time.monotonic()
    (problem,) = problems_of(path)
    assert time.monotonic() - start < 10
    assert problem.code == "too_many_nodes"
    assert problem.params["limit"] == MAX_NODES
    assert problem.line is not None
    assert_readable(problem, path)
    cli_fails_cleanly(path)


def test_nesting_too_deep(tmp_path: Path) -> None:
    path = write(tmp_path, "title: " + "[" * 200 + "]" * 200 + "\n")
    found = problems_of(path)
    assert found[0].code == "too_deep"
    assert_readable(found[0], path)
    cli_fails_cleanly(path)


def test_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, PLAN + "# " + "x" * 2000 + "\n")
    (problem,) = problems_of(path, max_bytes=1000)
    assert problem.code == "too_large"
    assert_readable(problem, path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    (missing,) = problems_of(tmp_path / "nope.yaml")
    assert missing.code == "not_found"
    (folder,) = problems_of(tmp_path)
    assert folder.code == "is_directory"
    for problem, path in ((missing, tmp_path / "nope.yaml"), (folder, tmp_path)):
        assert_readable(problem, path)
    cli_fails_cleanly(tmp_path / "nope.yaml")


def test_json_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = write(
        tmp_path, '{\n  "title": "A",\n  "partners": [\n    {"id": "a" "pillar": "media"}\n  ]\n}\n', "plan.json"
    )
    (problem,) = problems_of(path)
    assert problem.code == "json_syntax"
    assert (problem.line, problem.col) == (4, 16)
    assert_readable(problem, path)
    assert f"{path}:4:16:" in cli_fails_cleanly(path)


def test_json_plan_gets_line_positions(tmp_path: Path) -> None:
    path = write(
        tmp_path, '{\n  "title": "A",\n  "partners": [\n    {"id": "a", "pillar": "media"}\n  ]\n}\n', "plan.json"
    )
    doc = load_file(path)
    assert doc.position(("partners", 0, "pillar")) == (4, 27)


def test_json_duplicate_keys_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '{"title": "A", "title": "B", "partners": []}', "plan.json")
    found = problems_of(path)
    assert found[0].code == "duplicate_key"
    assert_readable(found[0], path)


def test_yaml_scalars_follow_the_core_schema() -> None:
    # `no` (Norway) stays text, dates become dates, numbers numbers.
    doc = parse_text("title: A\ncountry: NO\nstart: 2025-01-01\nshare: 0.4\nok: yes\n", "x.yaml")
    assert doc.data["country"] == "NO"
    assert doc.data["start"].isoformat() == "2025-01-01"
    assert doc.data["share"] == 0.4
    assert doc.data["ok"] == "yes"


@pytest.mark.parametrize(
    ("text", "line", "indonesian", "english"),
    [
        (
            'title: "tanpa penutup\npartners: []\n',
            1,
            "tanda kutip pembuka ini tidak pernah ditutup",
            "opening quote is never closed",
        ),
        ("title: x\npartners:\n\t- id: a\n", 3, "karakter tab", "a tab cannot indent YAML"),
        ("title: Kerja sama: desa\n", 1, "tanda titik dua (:) tidak diharapkan", "a colon (:) is not expected"),
        ("title: x\npartners: [a, b\n", 3, "kurung siku yang dibuka di baris 2", "the [ list opened on line 2"),
        ("partners:\n  - id: a\n - id: b\n", 3, "indentasi tidak konsisten", "inconsistent indentation"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_plain_words(text: str, line: int, indonesian: str, english: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(text, "rencana.yaml")
    problem = caught.value.problems[0]
    assert problem.code == "yaml_syntax" and problem.line == line
    assert indonesian in render_problem(problem, "id")
    assert english in render_problem(problem, "en")


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ('{"title": "x" "partners": []}', "koma (,) di antara dua isian", "a comma (,) between two values"),
        ('{"title": "x",}', "koma sebelum }", "a comma before }"),  # worded differently before 3.13
        ('// komentar\n{"title": "x"}', "JSON juga tidak mengenal komentar", "JSON has no comments"),
    ],
)
def test_json_syntax_errors_are_explained_in_plain_words(text: str, indonesian: str, english: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(text, "rencana.json", is_json=True)
    problem = caught.value.problems[0]
    assert problem.code == "json_syntax" and problem.line == 1
    assert indonesian in render_problem(problem, "id") and english in render_problem(problem, "en")


@pytest.mark.skipif(sys.version_info < (3, 13), reason="Python 3.13 names a trailing comma; before, 'Expecting value'")
@pytest.mark.parametrize("text", ['{"title": "x",}', '{"partners": [1, 2,]}'])
def test_trailing_comma_is_named_from_python_3_13(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_text(text, "rencana.json", is_json=True)
    assert "hapus koma setelah isian terakhir" in render_problem(caught.value.problems[0], "id")
    assert "remove the comma after the last value" in render_problem(caught.value.problems[0], "en")


def test_texts_with_braces_of_their_own_render() -> None:
    from advisor.texts import fill

    assert fill("close the { mapping with } for {name}", {"name": "G1"}) == "close the { mapping with } for G1"
    assert fill("{unknown} stays", {}) == "{unknown} stays"
