"""Checks on a workbook file before any XML in it is parsed, and a bounded first pass over its
sheets: what a hostile or broken file meets is one :class:`Problem`, in bounded time and memory.

Nothing here evaluates a formula, follows a link or runs a macro; the values read are the
ones Excel stored.
"""

from __future__ import annotations

import re
import stat
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from advisor.problems import InputError, Problem

# A plan's workbook is a few hundred kilobytes of XML; these limits are far above that and far
# below what would take a machine's memory or minutes.
MAX_ENTRIES = 1_000
MAX_PART_BYTES = 20_000_000  # one XML part, inflated
MAX_TOTAL_BYTES = 50_000_000  # all parts, inflated
MAX_RATIO = 150  # inflated / compressed, for parts above RATIO_FLOOR
RATIO_FLOOR = 1_000_000
MAX_ROWS = 5_000  # rows holding a value, per sheet
MAX_COLS = 100  # the last column holding a value

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: an encrypted workbook or an old .xls
_ZIP = b"PK\x03\x04"
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")


def cell_index(ref: str) -> tuple[int, int]:
    """``C5`` -> (5, 3)."""
    found = _REF.match(ref.upper())
    if not found:
        return 0, 0
    col = 0
    for letter in found.group(1):
        col = col * 26 + ord(letter) - 64
    return int(found.group(2)), col


@dataclass
class SheetScan:
    """What the first pass learnt about one sheet."""

    rows: int = 0  # the last row holding a value
    cols: int = 0  # the last column holding a value
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    uncached: list[str] = field(default_factory=list)  # formulas with no stored value


def open_zip(path: Path, display: str, max_bytes: int) -> tuple[zipfile.ZipFile, list[Problem]]:
    """The workbook's zip, checked; and notes (macros present, links to other workbooks)."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError([Problem("is_directory", display)])
        if not stat.S_ISREG(info.st_mode):
            raise InputError([Problem("not_regular", display)])
        if info.st_size > max_bytes:
            raise InputError([Problem("too_large", display, params={"size": info.st_size, "limit": max_bytes})])
        with path.open("rb") as handle:
            head = handle.read(512)
    except FileNotFoundError:
        raise InputError([Problem("not_found", display)]) from None
    except PermissionError:
        raise InputError([Problem("unreadable", display, params={"reason": "permission denied"})]) from None
    except OSError as exc:
        raise InputError([Problem("unreadable", display, params={"reason": exc.strerror or str(exc)})]) from None
    if head.startswith(_CFB):
        raise InputError([Problem("xlsx_encrypted", display)])
    if not head.startswith(_ZIP):
        raise InputError([Problem(_not_zip_code(head), display)])
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError([Problem("xlsx_not_zip", display)]) from None
    entries = archive.infolist()
    problems: list[Problem] = []
    if len(entries) > MAX_ENTRIES:
        problems.append(Problem("xlsx_bomb", display, params={"part": f"{len(entries)} parts"}))
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        too_big = entry.file_size > MAX_PART_BYTES or (entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO)
        if too_big or total > MAX_TOTAL_BYTES:
            problems.append(Problem("xlsx_bomb", display, params={"part": entry.filename}))
            break
    names = {e.filename for e in entries}
    if not problems and "xl/workbook.xml" not in names:
        problems.append(Problem("xlsx_not_workbook", display))
    if problems:
        archive.close()
        raise InputError(problems[:1])
    notes = []
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        notes.append(Problem("xlsx_macros_ignored", display))
    if any(n.startswith("xl/externalLinks/") for n in names):
        notes.append(Problem("xlsx_links_not_followed", display))
    return archive, notes


def _not_zip_code(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        return "xlsx_is_html"
    if text and b"\x00" not in text:
        return "xlsx_is_text"
    return "xlsx_not_zip"


def scan_sheet(archive: zipfile.ZipFile, part: str, display: str, sheet: str) -> SheetScan:
    """One streaming pass over a sheet's XML: its extent, merged ranges and formulas without a
    stored value; stops at the first limit passed."""
    scan = SheetScan()
    try:
        with archive.open(part) as stream:
            if b"<!DOCTYPE" in stream.read(4096).upper():  # entities are never expanded: refuse them
                raise InputError([Problem("xlsx_unreadable", display, params={"reason": "DOCTYPE"})])
        with archive.open(part) as stream:
            _walk(stream, scan, display, sheet)
    except KeyError:
        raise InputError([Problem("xlsx_unreadable", display, params={"reason": f"missing {part}"})]) from None
    except (ET.ParseError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError([Problem("xlsx_unreadable", display, params={"reason": str(exc)[:200]})]) from None
    return scan


def _walk(stream: IO[bytes], scan: SheetScan, display: str, sheet: str) -> None:
    values = 0
    for _, elem in ET.iterparse(stream, events=("end",)):
        tag = elem.tag
        if tag == f"{_NS}c":
            formula = elem.find(f"{_NS}f")
            value = elem.find(f"{_NS}v")
            inline = elem.find(f"{_NS}is")
            stored = (value is not None and (value.text or "") != "") or inline is not None
            ref = elem.get("r", "")
            if formula is not None and not stored:
                scan.uncached.append(ref)
            if stored or formula is not None:
                row, col = cell_index(ref)
                values += 1
                if row > scan.rows:
                    scan.rows = row
                if col > scan.cols:
                    scan.cols = col
                if scan.rows > MAX_ROWS or scan.cols > MAX_COLS:
                    limit = {"rows": MAX_ROWS, "cols": MAX_COLS}
                    raise InputError([Problem("xlsx_too_big", display, sheet=sheet, cell=ref, params=limit)])
            elem.clear()
        elif tag == f"{_NS}row":
            elem.clear()
        elif tag == f"{_NS}mergeCell":
            first, _, last = elem.get("ref", "").partition(":")
            r1, c1 = cell_index(first)
            r2, c2 = cell_index(last or first)
            if r1 and c1 and r2 and c2:
                scan.merged.append((r1, c1, min(r2, r1 + MAX_ROWS), min(c2, c1 + MAX_COLS)))
