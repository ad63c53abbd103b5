"""The document reports (markdown, html, sarif, junit, csv).

Golden files: ``tests/golden/<case>.<format>`` hold the expected report for the plans in
``tests/golden/inputs``; one parametrised test compares them byte for byte. After a change
to rules, texts or renderers, regenerate them and read the diff:

    ADVISOR_UPDATE_GOLDEN=1 /tmp/venv/bin/python -m pytest tests/test_render.py -k golden
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

import jsonschema
import pytest
import yaml

from advisor import knowledge, rules
from advisor.findings import Failure, Outcome
from advisor.problems import InputError
from advisor.render import FORMATS, renderer
from advisor.render.csv_report import COLUMNS
from advisor.render.report_data import coverage
from advisor.review import review_file
from tests.conftest import EXAMPLES, ROOT, review_data

GOLDEN = ROOT / "tests" / "golden"
INPUTS = "tests/golden/inputs"
SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
EXTENSION = {
    "markdown": "md",
    "html": "html",
    "sarif": "sarif.json",
    "junit": "junit.xml",
    "csv": "csv",
    "compact": "compact.txt",
    "github": "github.txt",
}
# Each case: the plan files reviewed together (relative to the repository, as a user types them).
CASES = {
    "single": ("flawed.yaml",),
    "english": ("partial.yaml",),
    "batch": ("flawed.yaml", "partial.yaml", "broken.yaml"),
}


def outcome_of(*names: str) -> Outcome:
    reviews, failures = [], []
    for name in names:
        path = f"{INPUTS}/{name}"
        try:
            reviews.append(review_file(ROOT / path, display=path))
        except InputError as err:
            failures.append(Failure(path, tuple(err.problems)))
    return Outcome(tuple(reviews), tuple(failures))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # Plan lines are quoted from the files named in the reviews, relative to the repository.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, fmt: str) -> None:
    text = renderer(fmt)(outcome_of(*CASES[case]), None)
    target = GOLDEN / f"{case}.{EXTENSION[fmt]}"
    if os.environ.get("ADVISOR_UPDATE_GOLDEN"):
        target.write_text(text, encoding="utf-8", newline="")
    assert target.exists(), f"{target} missing; run with ADVISOR_UPDATE_GOLDEN=1"
    assert text == target.read_bytes().decode("utf-8"), f"{target.name} differs from the renderer's output"


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_formats_are_registered_and_deterministic(fmt: str) -> None:
    assert fmt in FORMATS
    first = renderer(fmt)(outcome_of(*CASES["batch"]), "en")
    second = renderer(fmt)(outcome_of(*CASES["batch"]), "en")
    assert first == second


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_hostile_plan_text_is_inert(fmt: str) -> None:
    text = renderer(fmt)(outcome_of("flawed.yaml"), None)
    assert "\x1b" not in text
    if fmt in ("html", "junit"):
        assert "<script>alert" not in text
        assert "<b>Bangli" not in text
    if fmt == "markdown":
        assert "<script>" not in text and "\\<script\\>" in text


def test_csv_cells_never_start_a_formula() -> None:
    review = outcome_of("flawed.yaml").reviews[0]
    hostile = replace(review.findings[0], evidence="=cmd|' /C calc'!A0")
    text = renderer("csv")(Outcome((replace(review, findings=(hostile,)),)), None)
    row = next(r for r in csv.reader(io.StringIO(text.removeprefix("\ufeff"))) if r[0] == "finding")
    assert row[COLUMNS.index("evidence")] == "'=cmd|' /C calc'!A0"
    assert not any(cell.startswith(("=", "+", "@")) for cell in row)


def test_sarif_is_valid_against_the_schema() -> None:
    outcome = outcome_of(*CASES["batch"])
    log = json.loads(renderer("sarif")(outcome, None))
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = log["runs"][0]
    findings = [f for review in outcome.reviews for f in review.findings]
    assert len(run["results"]) == len(findings)
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f.rule_id for f in findings})
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["properties"]["sources"] and rule["shortDescription"]["text"] and rule["help"]["text"]
        assert result["level"] in {"error", "warning", "note"}
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [s["suppressions"][0]["justification"] for s in suppressed] == [
        "Mitra swasta baru bergabung; tanggung jawab disusun pada addendum | bulan depan"
    ]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False  # broken.yaml could not be read
    assert invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "tests/golden/inputs/broken.yaml"
    }
    assert invocation["toolConfigurationNotifications"], "the unused suppression (RL999) is a notice"


def test_sarif_schema_test_can_fail() -> None:
    log = json.loads(renderer("sarif")(outcome_of("flawed.yaml"), None))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(log))


def test_junit_counts_match_the_findings() -> None:
    outcome = outcome_of(*CASES["batch"])
    root = ET.fromstring(renderer("junit")(outcome, None))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == len(outcome.reviews) + len(outcome.failures)
    for suite, review in zip(suites, outcome.reviews, strict=False):
        cases = suite.findall("testcase")
        failing = [f for f in review.active() if f.severity in ("error", "warning")]
        assert suite.get("name") == review.file
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(failing) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(review.findings) - len(review.active())
        assert suite.get("errors") == "0"
    broken = suites[-1]
    assert broken.get("errors") == "1" and broken.find("testcase/error") is not None
    for attr in ("tests", "failures", "errors", "skipped"):
        assert int(root.get(attr)) == sum(int(s.get(attr)) for s in suites)


def test_junit_clean_plan_passes_one_case_per_family(review) -> None:
    plan = review(
        {
            "title": "Kerja sama",
            "kind": "bilateral",
            "partners": [{"id": "a", "pillar": "government", "responsibilities": ["Menyusun kajian"]}],
        }
    )
    clean = replace(plan, findings=(), verdict="ready")
    suite = ET.fromstring(renderer("junit")(Outcome((clean,)), "en")).find("testsuite")
    assert suite.get("failures") == "0" and int(suite.get("tests")) >= 5
    assert all(case.find("failure") is None for case in suite.findall("testcase"))


def test_csv_has_one_row_per_finding_in_a_stable_order() -> None:
    outcome = outcome_of(*CASES["batch"])
    text = renderer("csv")(outcome, "en")
    assert text.startswith("\ufeffkind,")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    header, body = rows[0], rows[1:]
    # One plan row per reviewed plan, before its findings, even for a plan with none.
    assert [r[1] for r in body if r[0] == "plan"] == [review.file for review in outcome.reviews]
    assert [r[3] for r in body if r[0] == "plan"] == [review.verdict for review in outcome.reviews]
    assert header[:6] == ["kind", "file", "plan_title", "verdict", "rule", "severity"]
    findings = [f for review in outcome.reviews for f in review.findings]
    assert [r[4] for r in body if r[0] == "finding"] == [f.rule_id for f in findings]
    assert all(len(r) == len(header) for r in body)
    assert [r[1] for r in body if r[0] == "input_error"] == ["tests/golden/inputs/broken.yaml"]
    assert [r[4] for r in body if r[0] == "notice"], "the unused suppression is listed"
    suppressed = [r for r in body if r[header.index("suppressed")]]
    assert [r[4] for r in suppressed] == ["PH004"]


def test_markdown_escapes_table_cells() -> None:
    text = renderer("markdown")(outcome_of(*CASES["batch"]), None)
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            header_cells = {"single": 4, "summary": 5, "gaps": 3, "scores": 2}
            assert len(cells) in header_cells.values(), line
    assert "Desa Digital \\<script\\>alert('x')\\</script\\> \\| Tahap 1 MERAH" in text


def test_html_is_self_contained() -> None:
    text = renderer("html")(outcome_of(*CASES["batch"]), None)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", text)
    assert "@import" not in text and "url(" not in text
    assert "<svg" in text and "@media print" in text and 'name="viewport"' in text


def test_html_quotes_the_plan_lines_from_the_loaded_document() -> None:
    text = renderer("html")(outcome_of("flawed.yaml"), None)
    assert 'class="target"><span class="n">' in text
    # Reviewed from text with no file behind it ("case.yaml" does not exist): the lines are
    # those the review read, kept in its findings.
    plan = {"title": "T", "partners": [{"id": "a", "pillar": "government"}]}
    review = review_data(plan)
    placed = [f for f in review.findings if f.path]
    assert placed and all(f.lines for f in placed)
    text = renderer("html")(Outcome((review,)), None)
    assert 'class="quote"' in text and "pillar: government" in text
    # A finding that carries no lines is shown without a quote.
    bare = replace(review, findings=tuple(replace(f, lines=()) for f in review.findings))
    text = renderer("html")(Outcome((bare,)), None)
    assert 'class="quote"' not in text and "<svg" in text


def test_coverage_reads_the_pillars_from_the_findings() -> None:
    review = outcome_of("flawed.yaml").reviews[0]
    values = coverage(review)
    assert list(values) == ["government", "industry", "academia", "community", "media"]
    assert values["academia"] == 0 and values["media"] == 0  # PH001: missing
    assert values["industry"] == 25  # PH004: present without responsibility (suppressed, still a gap)
    assert values["community"] == 50  # PH007: only receives
    assert values["government"] == 100


def test_coverage_map_names_real_rules_and_pillars() -> None:
    table = yaml.safe_load((ROOT / "knowledge" / "coverage.yaml").read_text(encoding="utf-8"))
    assert table["full"] == 100
    for rule_id, entry in table["rules"].items():
        rule = rules.get(rule_id)
        assert 0 <= entry["level"] < 100, rule_id
        assert "pillar" in rule.params or entry.get("pillar") in knowledge.pillars(), rule_id


def test_fast_json_is_byte_identical_to_the_standard_encoder() -> None:
    from advisor.render import jsonfmt

    value = {
        "b": [1, -2, 10**20, 1.5, -0.0, float("nan"), float("inf"), True, False, None, [], {}, [[]], {"x": {}}],
        "a": 'ü — \u2028 " \\ \n \t <script>',
        "c": ({"z": 1, "y": ("t",)},),
        "d": ["sources", "ü \u2028", '"quoted"', ""],  # a list of texts: encoded in one join
    }
    for sample in (value, {2: "integer keys", 1: [0.5]}, [], {}, "x", 7, None, ["a", "b"], [["c"], ["d", "e"]]):
        assert jsonfmt.dumps(sample) == json.dumps(sample, ensure_ascii=False, indent=2, sort_keys=True)


def test_a_part_encoded_at_its_depth_reads_as_the_whole_document_would() -> None:
    # A batch worker encodes each review alone; joined, the report must be the same bytes.
    from advisor.render import jsonfmt

    item = {"file": "a.yaml", "findings": [{"rule": "PH001", "sources": ["seed000"]}], "scores": {}}
    whole = {"reviews": [item, {"file": "b.yaml"}], "schema_version": 1}
    joined = {"reviews": [jsonfmt.Encoded(jsonfmt.dumps(item, depth=2), 2), {"file": "b.yaml"}], "schema_version": 1}
    assert jsonfmt.dumps(joined) == jsonfmt.dumps(whole)
    with pytest.raises(ValueError):
        jsonfmt.dumps({"reviews": jsonfmt.Encoded(jsonfmt.dumps(item, depth=2), 2)})  # one level too shallow


def test_a_part_is_used_only_for_the_review_it_was_rendered_from() -> None:
    from advisor.render import json_report

    review = review_data({"title": "T", "partners": [{"id": "a", "pillar": "government"}]})
    stale = '{\n      "file": "stale"\n    }'
    outcome = Outcome((review,), parts={(id(review), "json", "id"): (review, stale)})
    assert '"file": "stale"' in json_report.render(outcome, "id")
    changed = replace(review, baselined=1)  # e.g. a baseline applied after the run
    moved = Outcome((changed,), parts=outcome.parts)
    assert json_report.render(moved, "id") == json_report.render(Outcome((changed,)), "id")
    assert "stale" not in json_report.render(moved, "id")


def test_a_review_encoded_by_orjson_is_the_standard_encoders_bytes() -> None:
    # jsonfmt.dumps(floats=False) goes through orjson; the standard encoder is the reference.
    from advisor.render import json_report, jsonfmt

    texts = ['ü — \u2028\u2029 \x7f \x00\x1f "q" \\ \n\t<script>', "\U0001f600 émoji", "", "a" * 5000]
    samples: list[Any] = [
        {"k": texts, "n": [0, -1, 2**63 - 1, None, True, False], "e": [{}, []], "ü": {"b": 1, "a": 2}}
    ]
    samples += [
        json_report._review(review_file(path), lang)
        for path in sorted(EXAMPLES.glob("*.yaml"))
        for lang in ("id", "en")
    ]
    for sample in samples:
        for depth in (0, 2):
            reference = jsonfmt.dumps(sample, depth)
            assert jsonfmt.dumps(sample, depth, floats=False) == reference
            if depth == 0:
                assert reference == json.dumps(sample, ensure_ascii=False, indent=2, sort_keys=True)
    # What orjson cannot encode as the standard encoder does goes the standard way.
    assert jsonfmt.dumps({"big": 10**30}, floats=False) == json.dumps({"big": 10**30}, indent=2)
    assert jsonfmt.dumps({"x": jsonfmt.Encoded("1", 1)}, floats=False) == '{\n  "x": 1\n}'
