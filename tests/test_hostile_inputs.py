"""Broken, odd and hostile plan files: each gets a clear error naming the file (and the line
where there is one), exit 2 from ``check``, a failed row in ``batch``, never a traceback, never
a hang; hostile text in a valid plan is escaped or stripped in the reports."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from advisor.cli import main
from advisor.findings import Outcome
from advisor.loader import DEFAULT_MAX_BYTES, MAX_DEPTH, MAX_NODES, load_file
from advisor.problems import InputError
from advisor.render import renderer
from advisor.render.problem import render as render_problem
from advisor.review import review_file
from advisor.settings import Settings
from tests.conftest import EXAMPLES

GOOD = (EXAMPLES / "desa-wisata-kopi.yaml").read_text(encoding="utf-8")
MINIMAL = "title: Forum desa\npartners:\n  - {id: pemkab, name: Pemkab, pillar: government}\n"


def _bomb(levels: int = 9) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n" + MINIMAL


@dataclass(frozen=True)
class Case:
    name: str  # the file name, whose suffix picks the parser
    content: bytes
    code: str  # the first problem's code
    line: int | None  # its line; None where a file has no line to give


def _text(text: str) -> bytes:
    return text.encode("utf-8")


CASES = [
    # an unclosed quote is reported where it opens (line 4), not at the end of the file
    Case("truncated.yaml", _text('title: x\npartners:\n  - id: a\n    name: "tanpa penutup\n'), "yaml_syntax", 4),
    Case("truncated.json", _text('{"title": "x", "partners": [{"id": "a"'), "json_syntax", 1),
    Case("tabs.yaml", _text("title: x\npartners:\n\t- id: a\n"), "yaml_syntax", 3),
    Case("duplicate.yaml", _text("title: x\ntitle: y\n" + MINIMAL.split("\n", 1)[1]), "duplicate_key", 2),
    Case("duplicate.json", _text('{"title": "x",\n "title": "y", "partners": []}'), "duplicate_key", 2),
    Case("empty.yaml", b"", "empty", None),
    Case("blank.yaml", _text("\n   \n\t\n"), "empty", None),
    Case("comments-only.yaml", _text("# belum diisi\n---\n"), "empty", None),
    Case("scalar.yaml", _text("42\n"), "top_not_mapping", 1),
    Case("string.json", _text('"rencana"'), "top_not_mapping", 1),
    Case("list.yaml", _text("- title: x\n- title: y\n"), "top_not_mapping", 1),
    Case("comments.json", _text('{\n  // judul\n  "title": "x"\n}\n'), "json_syntax", 2),
    Case("every-section-null.yaml", _text("title:\npartners:\ngoals:\nactivities:\nindicators:\n"), "wrong_type", 1),
    Case("alias-bomb.yaml", _text(_bomb()), "too_many_nodes", 1),
    Case("deep-block.yaml", _text("title: x\nbackground:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 100))), "too_deep", 66),  # noqa: E501
    Case("deep-flow.yaml", _text("title: x\npartners: " + "[" * 50_000 + "]" * 50_000 + "\n"), "too_deep", 2),
    Case("deep.json", _text('{"title": "x", "partners": ' + "[" * 50_000 + "]" * 50_000 + "}"), "too_deep", None),
    Case("wide.yaml", _text("title: x\nbackground: [" + ",".join(["1"] * (MAX_NODES + 10)) + "]\n"), "too_many_values", 2),  # noqa: E501
    Case("wide.json", _text('{"title": "x", "background": [' + ",".join(["1"] * (MAX_NODES + 10)) + "]}"), "too_many_values", None),  # noqa: E501
    Case("latin1.yaml", "title: Kerja sama Café\n".encode("latin-1"), "not_utf8", 1),
    Case("utf16-no-bom.yaml", "title: x\n".encode("utf-16-le"), "binary", 1),
    Case("nul.yaml", b"title: x\npartners: []\n\x00\x00", "binary", 3),
    Case("raw-escape.yaml", b"title: \x1b[2Jx\n", "binary", 1),
    Case("junk.yaml", random.Random(6).randbytes(4096), "binary", 1),
    Case("python-apply.yaml", _text('title: !!python/object/apply:os.system ["touch {marker}"]\n'), "tag_refused", 1),
    Case("python-new.yaml", _text('title: x\npartners:\n  - !!python/object/new:os.system ["touch {marker}"]\n'), "tag_refused", 3),  # noqa: E501
    Case("python-name.yaml", _text("title: !!python/name:os.system\n"), "tag_refused", 1),
    Case("python-verbatim.yaml", _text('title: !<tag:yaml.org,2002:python/object/apply:os.system> ["touch {marker}"]\n'), "tag_refused", 1),  # noqa: E501
    Case("python-tag-directive.yaml", _text('%TAG !p! tag:yaml.org,2002:python/\n---\ntitle: !p!object/apply:os.system ["touch {marker}"]\n'), "tag_refused", 3),  # noqa: E501
    Case("merge-key.yaml", _text("base: &b {title: x}\n<<: *b\n"), "merge_key", 2),
    Case("complex-key.yaml", _text("? [a, b]\n: x\ntitle: y\n"), "complex_key", 1),
    Case("unknown-anchor.yaml", _text("title: *nowhere\n"), "yaml_syntax", 1),
]  # fmt: skip


def _write(tmp_path: Path, case: Case) -> tuple[Path, Path]:
    marker = tmp_path / "pwned"
    path = tmp_path / case.name
    path.write_bytes(case.content.replace(b"{marker}", str(marker).encode()))
    return path, marker


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_loader_names_the_problem_and_its_place(tmp_path: Path, case: Case) -> None:
    path, marker = _write(tmp_path, case)
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        review_file(path, display=case.name)
    assert time.perf_counter() - started < 20, "bounded time"
    first = err.value.problems[0]
    assert first.code == case.code
    assert first.file == case.name
    assert first.line == case.line
    for problem in err.value.problems:
        for lang in ("id", "en"):
            text = render_problem(problem, lang)
            assert text.startswith(case.name + (f":{problem.line}" if problem.line else ":"))
            assert "\n" not in text and "{" not in text.split(": ", 1)[1][:1]
    assert not marker.exists(), "a YAML tag must never run code"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_exits_2_with_one_line_per_problem(tmp_path: Path, case: Case) -> None:
    path, marker = _write(tmp_path, case)
    result = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    problem_lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
    assert problem_lines, result.output
    if case.line is not None:
        assert problem_lines[0].startswith(f"{path}:{case.line}")
    assert not marker.exists()


def test_batch_lists_every_broken_file_as_failed_and_reviews_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "usulan"
    folder.mkdir()
    for case in CASES:
        if case.name.startswith(("wide", "deep")):  # slow to write twice; covered above
            continue
        (folder / case.name).write_bytes(case.content.replace(b"{marker}", str(tmp_path / "pwned").encode()))
    (folder / "baik.yaml").write_text(GOOD, encoding="utf-8")
    os.symlink(".", folder / "lingkaran")  # a symbolic link loop
    os.symlink("diri.yaml", folder / "diri.yaml")  # a link to itself
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["batch", str(folder), "--format", "json", "--jobs", jobs, "-q"])
        assert result.exit_code == 2, result.output
        assert isinstance(result.exception, SystemExit)
        report = json.loads(result.stdout)
        failed = {Path(f["file"]).name: f["problems"][0] for f in report["failures"]}
        expected = {c.name: c for c in CASES if (folder / c.name).exists()}
        assert set(failed) == set(expected)
        for name, problem in failed.items():
            assert problem["code"] == expected[name].code
            assert problem["line"] == expected[name].line
        assert [Path(r["file"]).name for r in report["reviews"]] == ["baik.yaml"]
    assert not (tmp_path / "pwned").exists()


# --- things that are not plain files ----------------------------------------------------------


def test_a_folder_a_missing_file_and_a_link_loop_are_errors_not_tracebacks(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    codes = {}
    for name in ("folder.yaml", "missing.yaml", "loop.yaml"):
        with pytest.raises(InputError) as err:
            load_file(tmp_path / name, name)
        codes[name] = err.value.problems[0].code
    assert codes == {"folder.yaml": "is_directory", "missing.yaml": "not_found", "loop.yaml": "unreadable"}
    result = CliRunner().invoke(main, ["check", *(str(tmp_path / n) for n in codes)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output


def test_a_named_pipe_or_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # reading it would block forever: no writer
    for path in (fifo, Path("/dev/zero")):  # /dev/zero would never end
        with pytest.raises(InputError) as err:
            load_file(path)
        assert err.value.problems[0].code == "not_regular"


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 does not stop root reading the file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "rahasia.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError) as err:
            load_file(path)
        assert err.value.problems[0].code == "unreadable"
    finally:
        path.chmod(0o644)


def test_an_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above, whoever runs the tests: opening the file is denied."""
    path = tmp_path / "rahasia.yaml"
    path.write_text(MINIMAL, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(InputError) as err:
        load_file(path, "rahasia.yaml")
    problem = err.value.problems[0]
    assert problem.code == "unreadable"
    assert render_problem(problem, "en") == "rahasia.yaml: the file cannot be read (permission denied)"


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf8-bom.yaml", "utf-8-sig"),
        ("utf16-bom.yaml", "utf-16"),
        ("utf32-bom.yaml", "utf-32"),
        ("utf16.json", "utf-16"),
    ],
)
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, name: str, encoding: str) -> None:
    text = GOOD if name.endswith(".yaml") else json.dumps(yaml.safe_load(GOOD), default=str, ensure_ascii=False)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    plain = tmp_path / ("plain" + Path(name).suffix)
    plain.write_text(text, encoding="utf-8")
    read, reference = review_file(path, display="x"), review_file(plain, display="x")
    assert read.title == reference.title == "Pengembangan Desa Wisata Kopi Kintamani Berbasis Pentahelix"
    assert read == reference


# --- sizes and budgets --------------------------------------------------------------------------


def test_the_default_size_limit_is_a_few_megabytes_and_configurable(tmp_path: Path) -> None:
    assert 1_000_000 <= DEFAULT_MAX_BYTES <= 10_000_000
    big = tmp_path / "besar.yaml"
    big.write_text(MINIMAL + "background: |\n" + ("  " + "kata " * 20 + "\n") * (DEFAULT_MAX_BYTES // 100), "utf-8")
    with pytest.raises(InputError) as err:
        review_file(big, display="besar.yaml")
    problem = err.value.problems[0]
    assert problem.code == "too_large" and problem.params["limit"] == DEFAULT_MAX_BYTES
    assert "--max-bytes" in render_problem(problem, "en") and "--max-bytes" in render_problem(problem, "id")
    # a larger limit lets it through; a smaller one refuses a normal plan
    assert review_file(big, Settings(max_bytes=big.stat().st_size)).title == "Forum desa"
    small = tmp_path / "kecil.yaml"
    small.write_text(GOOD, encoding="utf-8")
    for command in (["check"], ["batch", "-q", "--format", "text"]):
        result = CliRunner().invoke(main, [*command, str(small), "--max-bytes", "1000", "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert f"the file is too large ({small.stat().st_size} bytes; limit 1000 bytes)" in result.output
    result = CliRunner().invoke(main, ["check", str(small), "--max-bytes", "0"])
    assert result.exit_code == 2  # a usage error, not a crash


def _limited(code: str, seconds: int = 30, memory: int = 1 << 30) -> subprocess.CompletedProcess[str]:
    """Run Python code in a child with a hard memory and time limit."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds, preexec_fn=limit, check=False
    )


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "deep-flow.yaml", "wide.yaml", "wide.json"])
def test_bombs_stay_within_time_and_memory(tmp_path: Path, name: str) -> None:
    case = next(c for c in CASES if c.name == name)
    path, _ = _write(tmp_path, case)
    code = (
        "from advisor.loader import load_file\nfrom advisor.problems import InputError\n"
        f"try:\n    load_file({str(path)!r})\nexcept InputError as e:\n    print(e.problems[0].code)\n"
    )
    done = _limited(code)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == case.code


def test_a_bomb_of_mappings_is_refused_too(tmp_path: Path) -> None:
    lines = ["a0: &a0 {x: 1, y: 2, z: 3, w: 4}"]
    lines += [f"a{i}: &a{i} {{p: *a{i - 1}, q: *a{i - 1}, r: *a{i - 1}, s: *a{i - 1}}}" for i in range(1, 14)]
    path = tmp_path / "peta.yaml"
    path.write_text("\n".join(lines) + "\n" + MINIMAL, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_file(path)
    assert err.value.problems[0].code in {"too_many_nodes", "too_deep"}


def test_nesting_just_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dalam.yaml"
    path.write_text(MINIMAL + "background: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n", "utf-8")
    assert load_file(path).data["title"] == "Forum desa"


# --- values Python cannot hold as written --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("panjang.yaml", MINIMAL + "budget: " + "9" * 5000 + "\n"),
        ("panjang.json", '{"title": "Forum desa", "partners": [], "budget": ' + "9" * 5000 + "}"),
        ("tak-hingga.yaml", MINIMAL + "indicators: [{id: I1, target: 1e999}]\n"),
        ("nan.json", '{"title": "x", "partners": [{"id": "p", "pillar": "media"}], "indicators": [{"id": "I1", "target": NaN}]}'),  # noqa: E501
        ("inf.json", '{"title": "x", "partners": [{"id": "p", "pillar": "media"}], "indicators": [{"id": "I1", "target": -Infinity}]}'),  # noqa: E501
    ],
)  # fmt: skip
def test_huge_and_non_finite_numbers_stay_text(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2) and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)  # strict JSON: no NaN or Infinity leaked into it
    json.dumps(report, allow_nan=False)


def test_plain_scalars_that_yaml_1_1_treats_specially_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "sama-dengan.yaml"
    path.write_text("title: =\ncountry_note: yes\n" + MINIMAL.split("\n", 1)[1], encoding="utf-8")
    doc = load_file(path)
    assert doc.data["title"] == "="
    assert doc.data["country_note"] == "yes"  # YAML 1.2 core schema: not a boolean


# --- hostile text inside a valid plan --------------------------------------------------------------

SCRIPT = "<script>alert('x')</script>"
ANSI = "\x1b[2J\x1b]0;judul palsu\x07\x1b[31m"
LONG = "panjang " * 20_000


def _hostile_plan() -> dict:
    plan = yaml.safe_load(GOOD)
    plan["title"] = f"Judul {SCRIPT} {ANSI} {LONG}"
    partner = plan["partners"][0]
    partner["name"] = f"<img src=x onerror=alert(1)> {ANSI}"
    partner["responsibilities"] = [f"Mendukung kegiatan {ANSI} {SCRIPT} {LONG}"]  # vague: a finding quotes it
    plan["indicators"][0]["statement"] = f"Meningkatkan {SCRIPT}{ANSI}"
    plan["indicators"][0].pop("target", None)
    return plan


@pytest.fixture
def hostile(tmp_path: Path) -> Outcome:
    path = tmp_path / f"jahat{ANSI}.yaml"  # a hostile file name too
    path.write_text(yaml.safe_dump(_hostile_plan(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    review = review_file(path, display=path.name)
    assert review.findings, "the plan must produce findings that quote the hostile text"
    assert any(ANSI in f.evidence or SCRIPT in f.evidence for f in review.findings)
    return Outcome((review,))


@pytest.mark.parametrize("color", [False, True])
def test_terminal_output_has_no_control_sequences_from_the_plan_and_bounded_lines(
    hostile: Outcome, color: bool
) -> None:
    text = renderer("text")(hostile, "en", color=color)
    for sequence in ("\x1b[2J", "\x1b]0;", "\x07", "\x1b[31m"):
        assert sequence not in text
    assert "Judul <script>" in text  # the words stay (a terminal shows markup as text)
    assert max(len(line) for line in text.splitlines()) < 1000, "long text is truncated"
    assert "…" in text


def test_html_escapes_markup_from_the_plan(hostile: Outcome) -> None:
    html = renderer("html")(hostile, "en", color=False)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html or "&lt;script&gt;" in html
    assert "\x1b" not in html and "\x07" not in html


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_reports_stay_valid_json_with_the_text_escaped(hostile: Outcome, fmt: str) -> None:
    out = renderer(fmt)(hostile, "en", color=False)
    assert "\x1b" not in out and "\x07" not in out  # escaped as \u001b, never raw
    json.loads(out)


def test_junit_is_well_formed_xml_despite_control_characters(hostile: Outcome) -> None:
    import xml.etree.ElementTree as ElementTree

    out = renderer("junit")(hostile, "en", color=False)
    ElementTree.fromstring(out)


def test_check_prints_no_escape_sequence_from_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "kunci.yaml"
    path.write_text('title: "x"\n"\\e[2Jkunci": 1\n' + MINIMAL.split("\n", 1)[1], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output


def test_a_link_loop_given_as_plan_or_report_path_is_no_traceback(tmp_path: Path) -> None:
    """Path.resolve() raises RuntimeError on a link loop (Python < 3.13): the config search and
    the report paths must not use it."""
    loop = tmp_path / "lingkaran.yaml"
    os.symlink(loop.name, loop)
    plan = tmp_path / "rencana.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(loop), str(plan), "--format", "json"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    report = json.loads(result.stdout)
    assert [f["problems"][0]["code"] for f in report["failures"]] == ["unreadable"]
    out = tmp_path / "laporan-lingkaran.json"
    os.symlink(out.name, out)
    result = CliRunner().invoke(main, ["check", str(plan), "--output", f"json={out}", "--lang", "en"])
    # a link loop is no regular file: refused in one line, like a pipe or a device
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith(f"{out}: a report is written only to a regular file") and out.is_symlink()
