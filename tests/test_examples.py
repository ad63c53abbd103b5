"""The example plans behave as documented: the good plan is clean, and every flawed plan reports
the rules its opening comment (or, for JSON, examples/README.md) says it was written to show,
at the right lines, in Indonesian and in English."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import rules
from advisor.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOOD = EXAMPLES / "desa-wisata-kopi.yaml"
RULE_ID = re.compile(r"\b[A-Z]{2}\d{3}\b")
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}")

FLAWED = sorted(p for p in EXAMPLES.glob("*") if p.suffix in (".yaml", ".json") and p != GOOD)


def documented_rules(path: Path) -> set[str]:
    """Rule ids named in the opening comment of a YAML example, or in the README row of a JSON one."""
    if path.suffix == ".json":
        readme = (EXAMPLES / "README.md").read_text("utf-8").splitlines()
        row = next(line for line in readme if f"`{path.name}`" in line)
        return set(RULE_ID.findall(row))
    header = []
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    return set(RULE_ID.findall("\n".join(header)))


def line_of(path: Path, fragment: str) -> int:
    return next(i + 1 for i, line in enumerate(path.read_text("utf-8").splitlines()) if fragment in line)


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, dict]]:
    """JSON reports of every example, per language: {lang: {file name: review}}."""
    out: dict[str, dict[str, dict]] = {}
    files = [str(p) for p in [GOOD, *FLAWED]]
    for lang in ("id", "en"):
        result = CliRunner().invoke(main, ["check", *files, "--format", "json", "--lang", lang])
        assert result.exit_code == 1, result.output  # the flawed plans have errors
        data = json.loads(result.stdout)
        assert not data["failures"], data["failures"]
        out[lang] = {Path(r["file"]).name: r for r in data["reviews"]}
    return out


def test_readme_first_command_reviews_the_good_plan_cleanly() -> None:
    # As README.md runs it: the installed command, from the repository root.
    result = subprocess.run(
        [sys.executable, "-m", "advisor", "check", "examples/desa-wisata-kopi.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Pengembangan Desa Wisata Kopi" in result.stdout


def test_the_good_plan_has_no_error_and_no_warning(reports) -> None:
    for lang in ("id", "en"):
        review = reports[lang][GOOD.name]
        assert review["counts"]["error"] == 0, review["findings"]
        assert review["counts"]["warning"] == 0, [f["rule"] for f in review["findings"]]
        assert review["verdict"] == "ready"


def test_every_flawed_example_documents_existing_rules() -> None:
    known = set(rules.by_id())
    assert len(FLAWED) >= 8
    for path in FLAWED:
        named = documented_rules(path)
        assert named, f"{path.name} does not say which flaws it shows"
        assert named <= known, (path.name, named - known)


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.name)
def test_flawed_example_reports_what_it_was_written_to_show(path: Path, reports) -> None:
    for lang in ("id", "en"):
        fired = {f["rule"] for f in reports[lang][path.name]["findings"]}
        missing = documented_rules(path) - fired
        assert not missing, f"{path.name} ({lang}): documented but not reported: {sorted(missing)}"


@pytest.mark.parametrize("path", [GOOD, *FLAWED], ids=lambda p: p.name)
def test_findings_read_well_in_both_languages(path: Path, reports) -> None:
    n_lines = len(path.read_text("utf-8").splitlines())
    by_key = {lang: {f["key"]: f for f in reports[lang][path.name]["findings"]} for lang in ("id", "en")}
    assert by_key["id"].keys() == by_key["en"].keys()
    for key, ours in by_key["id"].items():
        theirs = by_key["en"][key]
        assert 1 <= ours["line"] <= n_lines and ours["line"] == theirs["line"], key
        for part in ("title", "message", "recommendation"):
            assert ours[part].strip() and theirs[part].strip(), (key, part)
            assert ours[part] != theirs[part], (key, part)
            assert not PLACEHOLDER.search(ours[part] + theirs[part]), (key, part)


@pytest.mark.parametrize(
    ("name", "key", "fragment"),
    [
        ("pilar-tidak-lengkap.yaml", "PH001:pillar:media", "partners:"),
        ("peran-kabur.yaml", "RL001:partner:hotelkuta", "- id: hotelkuta"),
        ("peran-kabur.yaml", "RL003:activity:A1", "- id: A1"),
        ("peran-kabur.yaml", "RL004:activity:A2", "- id: A2"),
        # A wrong deadline or target is placed at its own line (issue 16).
        ("indikator-tidak-terukur.yaml", "ST017:dates:plan", "due: 2027-06-30"),
        ("indikator-tidak-terukur.yaml", "IN010:indicator:I3", "target: 95"),
        ("hibah-teknologi-donor.yaml", "DP001:reliance:nwda", "- {kind: funding, description: Grant"),
        ("penurunan-stunting-kunci-id.yaml", "CH010:risk:0", "- uraian: Gagal panen"),
        ("bus-listrik-surabaya.json", "CH011:governance:plan", "{"),
    ],
)
def test_findings_point_at_the_line_of_the_flaw(name: str, key: str, fragment: str, reports) -> None:
    findings = {f["key"]: f for f in reports["en"][name]["findings"]}
    assert key in findings, sorted(findings)
    assert findings[key]["line"] == line_of(EXAMPLES / name, fragment)


def test_text_reports_differ_by_language_and_name_lines() -> None:
    path = EXAMPLES / "peran-kabur.yaml"
    texts = {}
    for lang in ("id", "en"):
        result = CliRunner().invoke(main, ["check", str(path), "--lang", lang])
        assert result.exit_code == 0  # warnings only, below the default fail level
        texts[lang] = result.output
        assert f"{path}:{line_of(path, '- id: A1')}:" in result.output
        assert "RL002" in result.output
    assert texts["id"] != texts["en"]
    assert "Rekomendasi" in texts["id"] and "Recommendation" in texts["en"]


def test_batch_folder_has_varied_plans_and_one_broken_file() -> None:
    batch = EXAMPLES / "batch"
    plans = sorted(p for p in batch.iterdir() if p.suffix in (".yaml", ".json"))
    assert 5 <= len(plans) <= 7
    result = CliRunner().invoke(main, ["check", *map(str, plans), "--format", "json", "--lang", "en"])
    assert result.exit_code == 2  # one file cannot be read
    data = json.loads(result.stdout)
    assert [Path(f["file"]).name for f in data["failures"]] == ["06-rusak.yaml"]
    assert data["failures"][0]["problems"][0]["line"] is not None
    verdicts = {r["verdict"] for r in data["reviews"]}
    assert verdicts == {"ready", "needs_revision", "not_ready"}
