"""Plans in workbooks (issue 17): the template, reading, converting, places as Sheet!Cell, the
Excel report, and hostile workbooks."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.problems import InputError
from advisor.review import load_plan, review_file
from advisor.sources import layout
from advisor.sources.convert import render
from advisor.sources.registry import read_plan
from advisor.sources.xlsx_write import write_workbook
from advisor.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLANS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".yaml", ".json"))
GOOD = EXAMPLES / "desa-wisata-kopi.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _keys(path: Path) -> list[tuple[str, str, str]]:
    review = review_file(path)
    return sorted((f.rule_id, f.subject, f.severity) for f in review.findings)


def _book(tmp_path: Path, data: dict, lang: str = "id", name: str = "rencana.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(write_workbook(data, lang))
    return path


def _edit(path: Path, sheet: str, cell: str, value: object) -> None:
    book = openpyxl.load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


def _data(path: Path = GOOD) -> dict:
    return validate_document(read_plan(path)).data


# --- the twins in examples/ -----------------------------------------------------------------


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_example_has_a_workbook_twin_with_the_same_review(plan: Path) -> None:
    twin = plan.with_suffix(".xlsx")
    assert twin.exists(), f"make it with: advisor convert examples/{plan.name} examples/{twin.name}"
    yaml_review, book_review = review_file(plan), review_file(twin)
    assert _keys(plan) == _keys(twin)
    assert (yaml_review.verdict, yaml_review.scores) == (book_review.verdict, book_review.scores)
    assert all(f.sheet and f.cell for f in book_review.findings)


def test_the_twins_are_what_convert_makes_today(tmp_path: Path) -> None:
    for plan in PLANS:
        lang = "id" if "latar_belakang" in plan.read_text("utf-8") else "en"
        assert render(_data(plan), ".xlsx", lang) == plan.with_suffix(".xlsx").read_bytes(), plan.name


# --- template -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_template_workbook_is_reported_unfilled_like_the_yaml_one(tmp_path: Path, lang: str) -> None:
    book, text = tmp_path / "plan.xlsx", tmp_path / "plan.yaml"
    assert _run("init", "--lang", lang, "--output", str(book))[0] == 0
    text.write_text(_run("init", "--lang", lang)[1], encoding="utf-8")
    assert _keys(book) == _keys(text)
    assert "ST015" in {rule for rule, _, _ in _keys(book)}
    wb = openpyxl.load_workbook(book)
    words = layout.texts()["sheets"]
    assert wb.sheetnames[0] == words["instructions"][lang]
    assert wb.sheetnames[1:] == [words[s.key][lang] for s in layout.SHEETS]
    partners = wb[words["partners"][lang]]
    assert partners.freeze_panes == "A2"
    pillar_choices = [v.formula1 for v in partners.data_validations.dataValidation if "C2" in str(v.sqref)]
    assert pillar_choices and ("pemerintah" if lang == "id" else "government") in pillar_choices[0]
    plan_sheet = wb[words["plan"][lang]]
    dates = [c for row in plan_sheet.iter_rows() for c in row if isinstance(c.value, dt.datetime)]
    assert dates and all(c.number_format == "yyyy-mm-dd" for c in dates)


def test_every_drop_down_word_is_an_accepted_spelling() -> None:
    from advisor import knowledge

    values = knowledge.plan_format().values
    for enum, table in layout.texts()["choices"].items():
        if enum == "language":
            continue
        for canon, words in table.items():
            for word in words.values():
                assert word == canon or word in values[enum][canon], (enum, canon, word)


# --- reading --------------------------------------------------------------------------------


def test_findings_and_problems_are_placed_at_sheet_and_cell(tmp_path: Path) -> None:
    data = _data()
    data["partners"][1]["pillar"] = "swastaa"
    path = _book(tmp_path, data)
    code, _, err = _run("validate", str(path))
    assert code == 2
    assert "rencana.xlsx:Mitra!C3:" in err and "swastaa" in err
    code, out, _ = _run("check", "--format", "json", str(_book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"))))
    findings = json.loads(out)["reviews"][0]["findings"]
    assert all(f["sheet"] and f["cell"] for f in findings)
    # YAML findings gain no field: the JSON of a YAML plan is as it was.
    code, out, _ = _run("check", "--format", "json", str(EXAMPLES / "peran-kabur.yaml"))
    assert all("sheet" not in f for f in json.loads(out)["reviews"][0]["findings"])


def test_text_and_markdown_show_the_cell_and_the_row(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"))
    _, out, _ = _run("check", str(path))
    assert "rencana.xlsx:Mitra!" in out or "rencana.xlsx:Kegiatan!" in out
    _, md, _ = _run("check", "--format", "markdown", str(path))
    assert "`A" in md and "Mitra!" in md


def test_cells_as_a_person_means_them(tmp_path: Path) -> None:
    data = _data()
    path = _book(tmp_path, data)
    wb = openpyxl.load_workbook(path)
    ind = wb["Indikator"]
    ind["E2"] = "1.500"  # baseline typed as text with an Indonesian thousands point
    ind["F2"] = "2.000,5"  # target: thousands and a decimal comma
    ind["G2"] = 46022  # due as an Excel serial number (2025-12-31), not formatted as a date
    ind["G2"].number_format = "General"
    plan = wb["Rencana"]
    for row in plan.iter_rows(min_row=2):
        if row[0].value == "periode.mulai":
            row[1].value = "01/02/2025"  # a date typed as text, day first
    tujuan = wb["Tujuan"]
    tujuan.insert_rows(3, 2)  # empty rows in the middle
    wb.save(path)
    vplan = load_plan(path)
    first = vplan.plan.indicators[0]
    assert first.baseline == 1500 and first.target == 2000.5 and first.due == dt.date(2025, 12, 31)
    assert vplan.plan.period and vplan.plan.period.start == dt.date(2025, 2, 1)
    assert [g.id for g in vplan.plan.goals] == [g["id"] for g in data["goals"]]


def test_merged_partner_cells_mean_the_partner_on_every_row(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    wb = openpyxl.load_workbook(path)
    ws = wb["Tanggung jawab"]
    ws["A3"] = None
    ws["A4"] = None
    ws.merge_cells("A2:A4")
    wb.save(path)
    plan = load_plan(path).plan
    assert len(plan.partners[0].responsibilities) == 3


def test_english_sheet_and_column_names_are_read(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(), lang="en", name="plan.xlsx")
    assert load_plan(path).plan == load_plan(GOOD).plan


# --- converting -----------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["plan.xlsx", "plan.json", "plan.yml"])
def test_convert_round_trip_gives_the_same_plan(tmp_path: Path, target: str) -> None:
    there, back = tmp_path / target, tmp_path / "back.yaml"
    code, _, err = _run("convert", str(GOOD), str(there))
    assert code == 0 and "YAML" in err  # the YAML source had comments: said on stderr
    assert _run("convert", str(there), str(back))[0] == 0
    # JSON has no dates: a date comes back as its ISO text, which the plan reads as the date.
    assert load_plan(back).plan.model_dump(mode="json") == load_plan(GOOD).plan.model_dump(mode="json")
    assert "latar_belakang" not in back.read_text("utf-8")  # the source's keys were English


def test_convert_keeps_indonesian_keys_and_obeys_lang(tmp_path: Path) -> None:
    source = EXAMPLES / "penurunan-stunting-kunci-id.yaml"
    book, back, english = tmp_path / "r.xlsx", tmp_path / "r.yaml", tmp_path / "e.yaml"
    assert _run("convert", str(source), str(book))[0] == 0
    assert "Mitra" in openpyxl.load_workbook(book).sheetnames
    assert _run("convert", str(book), str(back))[0] == 0
    assert "mitra:" in back.read_text("utf-8")
    assert _run("convert", "--lang", "en", str(book), str(english))[0] == 0
    assert "partners:" in english.read_text("utf-8")


def test_convert_refuses_an_unknown_suffix_and_never_overwrites_its_source(tmp_path: Path) -> None:
    code, _, err = _run("convert", str(GOOD), str(tmp_path / "plan.txt"))
    assert code == 2 and ".txt" in err
    copy = tmp_path / "p.yaml"
    copy.write_bytes(GOOD.read_bytes())
    assert _run("convert", str(copy), str(copy))[0] == 2
    assert copy.read_bytes() == GOOD.read_bytes()


# --- the Excel report -----------------------------------------------------------------------


def test_excel_report_is_deterministic_and_complete(tmp_path: Path) -> None:
    plans = [str(EXAMPLES / "peran-kabur.yaml"), str(EXAMPLES / "pilar-tidak-lengkap.yaml")]
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert _run("check", *plans, "-o", f"xlsx={first}", "--lang", "en")[0] == 1
    time.sleep(1.1)  # a zip time or a document date would now differ
    assert _run("check", *plans, "-o", f"xlsx={second}", "--lang", "en")[0] == 1
    assert first.read_bytes() == second.read_bytes()
    wb = openpyxl.load_workbook(first)
    assert wb.sheetnames == ["Summary of findings", "Findings", "Most common gaps"]
    summary, findings = wb["Summary of findings"], wb["Findings"]
    assert summary.auto_filter.ref and findings.auto_filter.ref and findings.freeze_panes == "A2"
    assert summary.max_row == 3
    total = sum(len(review_file(p).active()) for p in plans)
    assert findings.max_row == total + 1
    assert wb.properties.modified == dt.datetime(2000, 1, 1)


def test_batch_picks_up_workbooks_and_writes_the_excel_report(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    _book(folder, _data(EXAMPLES / "peran-kabur.yaml"), name="a.xlsx")
    (folder / "b.yaml").write_bytes((EXAMPLES / "pilar-tidak-lengkap.yaml").read_bytes())
    report = tmp_path / "review.xlsx"
    code, _, _ = _run("batch", str(folder), "-o", f"xlsx={report}")
    assert code == 1
    book = openpyxl.load_workbook(report)
    summary = book.worksheets[0]
    files = sorted(Path(str(summary.cell(r, 1).value)).name for r in range(2, summary.max_row + 1))
    assert files == ["a.xlsx", "b.yaml"]
    assert len(book.sheetnames) == 3  # summary, findings and the most common gaps


# --- hostile workbooks ----------------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    return out.getvalue()


def _refused(path: Path, code: str) -> str:
    started = time.perf_counter()
    with pytest.raises(InputError) as err:
        load_plan(path)
    assert time.perf_counter() - started < 10
    assert [p.code for p in err.value.problems] == [code]
    exit_code, stdout, stderr = _run("validate", str(path))
    assert exit_code == 2 and "Traceback" not in stdout + stderr and stderr.count("\n") == 1
    return stderr


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"\0" * 60_000_000}))
    _refused(path, "xlsx_bomb")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xlsx_encrypted"),
        (b"judul,mitra\nA,B\n", "xlsx_is_text"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "xlsx_is_html"),
        (b"PK\x03\x04garbage", "xlsx_not_zip"),
    ],
)
def test_what_is_not_a_workbook_is_named(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(content)
    _refused(path, code)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    path.write_bytes(_zip({"word/document.xml": b"<w/>"}))
    _refused(path, "xlsx_not_workbook")


def test_millions_of_rows_stop_at_the_limit(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet3.xml"  # Tujuan (sheet1 is the instructions, never read)
    rows = b"".join(b'<row r="%d"><c r="A%d" t="n"><v>1</v></c></row>' % (i, i) for i in range(2, 1_000_000, 97))
    parts[name] = parts[name].replace(b"<sheetData>", b"<sheetData>" + rows, 1)
    path.write_bytes(_zip(parts))
    assert "5000" in _refused(path, "xlsx_too_big")


def test_a_column_far_to_the_right_stops_at_the_limit(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    _edit(path, "Mitra", "XFD2", "x")
    _refused(path, "xlsx_too_big")


def test_formulas_use_the_stored_value_and_one_without_is_a_problem_at_its_cell(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    _edit(path, "Indikator", "F2", "=1+1")  # openpyxl stores no value for a formula
    with pytest.raises(InputError) as err:
        load_plan(path)
    (problem,) = err.value.problems
    assert problem.code == "xlsx_formula_uncached" and problem.where().endswith("Indikator!F2")
    # The same formula with a stored value (as Excel saves it) is read as that value.
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, content in parts.items():
        if b"<f>1+1</f>" in content:
            parts[name] = content.replace(b"<f>1+1</f><v />", b"<f>1+1</f><v>2</v>")
    path.write_bytes(_zip(parts))
    assert load_plan(path).plan.indicators[0].target == 2


def test_excel_error_values_are_problems_at_their_cells(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    _edit(path, "Indikator", "F2", "#N/A")
    with pytest.raises(InputError) as err:
        load_plan(path)
    assert [(p.code, p.cell) for p in err.value.problems] == [("xlsx_error_value", "F2")]


def test_macros_are_never_run_and_that_is_said(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(), name="rencana.xlsm")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/vbaProject.bin"] = b"\0" * 100
    path.write_bytes(_zip(parts))
    review = review_file(path)
    assert "xlsx_macros_ignored" in [n.code for n in review.notices]
    assert _keys(path) == _keys(GOOD)


def test_an_unknown_sheet_is_named_with_the_accepted_ones(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    wb = openpyxl.load_workbook(path)
    wb["Mitra"].title = "Mitraa"
    wb.save(path)
    with pytest.raises(InputError) as err:
        load_plan(path)
    assert "xlsx_unknown_sheet" in [p.code for p in err.value.problems]


def test_diff_and_exercise_read_workbooks(tmp_path: Path) -> None:
    plan = EXAMPLES / "peran-kabur.yaml"
    code, out, _ = _run("diff", str(plan), str(plan.with_suffix(".xlsx")), "--format", "json")
    assert code == 0
    changes = json.loads(out)
    assert changes["fixed"] == [] and changes["introduced"] == []
    code, out, _ = _run("exercise", "--plan", str(plan.with_suffix(".xlsx")), "--answers", "RL001", "--lang", "en")
    assert code == 0 and "partners:" in out  # the workbook is shown as the plan's data


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_links_to_other_workbooks_are_not_followed_and_that_is_said(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    parts = _parts(path)
    parts["xl/externalLinks/externalLink1.xml"] = b'<externalLink xmlns="x"><externalBook r:id="rId1"/></externalLink>'
    path.write_bytes(_zip(parts))
    review = review_file(path)
    assert "xlsx_links_not_followed" in [n.code for n in review.notices]
    assert _keys(path) == _keys(GOOD)


def test_a_doctype_in_a_sheet_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    parts = _parts(path)
    name = "xl/worksheets/sheet3.xml"
    parts[name] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + parts[name]
    path.write_bytes(_zip(parts))
    _refused(path, "xlsx_unreadable")


def test_html_and_sarif_place_workbook_findings_at_cells(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"))
    _, html, _ = _run("check", "--format", "html", str(path))
    assert "rencana.xlsx:Mitra!" in html and '<span class="n">' in html
    _, sarif, _ = _run("check", "--format", "sarif", str(path))
    results = json.loads(sarif)["runs"][0]["results"]
    names = [loc["fullyQualifiedName"] for r in results for loc in r["locations"][0]["logicalLocations"]]
    assert any("!" in name for name in names)
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in results)


def test_a_document_gives_the_excerpt_at_a_place(tmp_path: Path) -> None:
    text_doc = read_plan(GOOD)
    line, _ = text_doc.positions[("partners", 0, "pillar")]
    assert text_doc.excerpt(line) == ("    pillar: government",)
    book_doc = read_plan(_book(tmp_path, _data()))
    line, col = book_doc.positions[("partners", 0, "pillar")]
    assert book_doc.place(line, col).where().endswith("rencana.xlsx:Mitra!C2")
    assert "C2: pemerintah" in book_doc.excerpt(line)


def test_a_number_no_date_can_be_is_reported_not_a_crash(tmp_path: Path) -> None:
    path = _book(tmp_path, _data())
    _edit(path, "Indikator", "G2", 1e300)  # due: far past any date Excel has
    with pytest.raises(InputError) as err:
        load_plan(path)
    assert [p.cell for p in err.value.problems] == ["G2"]


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.name)
def test_every_example_round_trips_through_a_workbook_to_the_same_plan(tmp_path: Path, plan: Path) -> None:
    # A list of one stays a list and a text a text; JSON's dates are texts, read as the dates.
    back = tmp_path / "back.yaml"
    assert _run("convert", str(plan.with_suffix(".xlsx")), str(back))[0] == 0
    assert load_plan(back).plan.model_dump(mode="json") == load_plan(plan).plan.model_dump(mode="json")
    assert load_plan(plan.with_suffix(".xlsx")).plan.model_dump(mode="json") == load_plan(plan).plan.model_dump(
        mode="json"
    )


# --- with issue 16: keys as the plan writes them, and the report formats it added -------------


@pytest.mark.parametrize(("lang", "partners", "lead"), [("id", "mitra", "pelaksana"), ("en", "partners", "lead")])
def test_a_workbook_finding_names_keys_as_its_sheets_do(tmp_path: Path, lang: str, partners: str, lead: str) -> None:
    """The reader gives the English keys; the paths and the keys in the texts follow the
    workbook's own language (its sheet and column names), whatever the report language."""
    path = _book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"), lang)
    _, out, _ = _run("check", "--format", "json", "--lang", "id", str(path))
    findings = {f["rule"]: f for f in json.loads(out)["reviews"][0]["findings"]}
    assert findings["RL001"]["path"] == f"{partners}[2]" and findings["RL001"]["sheet"] in ("Mitra", "Partners")
    assert findings["RL003"]["recommendation"].startswith(f"Isi `{lead}` ")
    _, text, _ = _run("check", "--lang", "id", str(path))
    assert f"rencana.xlsx:{findings['RL001']['sheet']}!{findings['RL001']['cell']}  {partners}[2]" in text


def test_a_whole_plan_finding_in_a_workbook_stands_at_its_top_with_no_row_quoted(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"))
    review = review_file(path)
    whole = [f for f in review.findings if not f.path]
    assert whole and all((f.sheet, f.cell, f.excerpt) == ("Rencana", "A1", ()) for f in whole)
    assert all(f.excerpt for f in review.findings if f.path)


def test_a_workbook_problem_names_its_key_as_the_sheets_do(tmp_path: Path) -> None:
    data = _data()
    del data["partners"][0]["pillar"]
    _, _, err = _run("validate", str(_book(tmp_path, data, "id")))
    assert "rencana.xlsx:Mitra!" in err and ": mitra[0].pilar: `pilar` wajib diisi" in err, err


def test_report_formats_of_issue_16_place_workbook_findings_at_cells(tmp_path: Path) -> None:
    path = _book(tmp_path, _data(EXAMPLES / "peran-kabur.yaml"))
    _, compact, _ = _run("check", "--format", "compact", str(path))
    assert compact and all(line.split(": ", 1)[0].split(":", 1)[1].count("!") == 1 for line in compact.splitlines())
    _, github, _ = _run("check", "--format", "github", str(path))
    # A workbook has no lines for GitHub to annotate: the file, and the cell in the title.
    assert github and all(",line=" not in line and "!" in line.split("::")[1] for line in github.splitlines())
    # A report path's suffix names its format: .xlsx is the workbook report.
    by_suffix, by_name = tmp_path / "r.xlsx", tmp_path / "s.xlsx"
    assert _run("check", str(path), "-o", str(by_suffix), "-o", f"xlsx={by_name}")[0] == 0
    assert by_suffix.read_bytes() == by_name.read_bytes()
    assert openpyxl.load_workbook(by_suffix).sheetnames[0] == "Ringkasan temuan"


def test_excel_report_says_what_min_severity_left_out(tmp_path: Path) -> None:
    """As every other report does since issue 16: the verdict counts findings the counts omit."""
    report = tmp_path / "r.xlsx"
    plan = str(EXAMPLES / "peran-kabur.yaml")
    assert _run("check", plan, "--min-severity", "error", "-o", f"xlsx={report}", "--lang", "en")[0] == 0
    head, row = list(openpyxl.load_workbook(report)["Summary of findings"].iter_rows(values_only=True))
    assert head[-1] == "Not shown" and row[3:6] == (0, 0, 0)
    assert row[-1].startswith("25 findings below error not shown (19 warnings, 6 pieces of advice)"), row[-1]
    # Nothing hidden: no such column.
    assert _run("check", plan, "-o", f"xlsx={report}", "--lang", "en")[0] == 0
    head = next(openpyxl.load_workbook(report)["Summary of findings"].iter_rows(values_only=True))
    assert "Not shown" not in head
