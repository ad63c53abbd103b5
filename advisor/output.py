"""Where reports go, checked before any work, and how they are written without losing a file.

A report goes to a regular file (written next to it and renamed into place, so that an
interrupted run leaves the previous report whole) or to standard output (``-`` or
``/dev/stdout``: written as a stream, so that a log it is appended to is never replaced).
Refused before any review: a folder, a named pipe, a device, anything under /proc, /sys or
/dev, a path inside a file or too long for the system, a folder that cannot be written, any
file the run reads (plans, config, ignore files, a baseline) and the same file named twice.
A replaced report keeps its mode; a new one gets 0666 less the umask, as any program's file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

STDOUT_NAMES = ("-", "/dev/stdout")
_SYSTEM_TREES = ("/proc", "/sys", "/dev")


class OutputError(Exception):
    """A report that cannot or must not be written: ``code`` is a text of errors.yaml."""

    def __init__(self, shown: str, code: str, params: dict[str, Any] | None = None):
        super().__init__(f"{shown}: {code}")
        self.shown, self.code, self.params = shown, code, params or {}

    def render(self, lang: str) -> str:
        from advisor.texts import error_text

        return f"{self.shown}: {error_text(self.code, lang, self.params)}"


@dataclass(frozen=True)
class Destination:
    """One report's place: ``path`` None means standard output."""

    shown: str
    path: Path | None = field(default=None)

    @property
    def is_stdout(self) -> bool:
        return self.path is None


def _real(path: Path | str) -> str:
    return os.path.realpath(path)  # Path.resolve() raises on a link loop


def _is_stdout(value: str) -> bool:
    return value in STDOUT_NAMES


def check(values: Sequence[str], reads: Iterable[Path] = (), *, stdout_taken: bool = False) -> list[Destination]:
    """Each of ``values`` checked as a report's place; :class:`OutputError` for the first that
    cannot be one. ``reads`` are the files the run reads; ``stdout_taken``: standard output
    already carries a report."""
    guarded = {_real(p) for p in reads}
    seen: set[str] = set()
    out = []
    for value in values:
        if _is_stdout(value):
            if stdout_taken or "-" in seen:
                raise OutputError(value, "output_twice")
            seen.add("-")
            out.append(Destination(value))
            continue
        destination = _file(value)
        real = _real(destination.path or value)
        if real in guarded:
            raise OutputError(value, "output_over_input")
        if real in seen:
            raise OutputError(value, "output_twice")
        seen.add(real)
        out.append(destination)
    return out


def _file(value: str) -> Destination:
    path = Path(value)
    if not value or "\x00" in value:
        raise OutputError(repr(value), "output_special")
    encoded = os.fsencode(value)
    if len(encoded) >= 4096 or any(len(part) > 255 for part in encoded.split(b"/")):
        raise OutputError(value, "output_too_long")
    real = _real(path)
    if any(real == tree or real.startswith(tree + "/") for tree in _SYSTEM_TREES):
        raise OutputError(value, "output_special")
    try:
        info = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise OutputError(value, "output_inside_file") from None
        if exc.errno in (errno.ENAMETOOLONG, errno.ELOOP):
            code = "output_too_long" if exc.errno == errno.ENAMETOOLONG else "output_special"
            raise OutputError(value, code) from None
        raise OutputError(value, "output_unwritable", {"reason": exc.strerror or str(exc)}) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(value, "output_folder")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(value, "output_special")
    _check_folder(value, Path(real).parent)
    return Destination(value, path)


def _check_folder(value: str, folder: Path) -> None:
    """The folder a report goes in: the nearest part of it that exists must be a folder this
    process may write in (the rest is created when the report is written)."""
    existing = folder
    while not existing.exists():
        if existing.is_symlink() or existing == existing.parent:
            raise OutputError(value, "output_unwritable", {"reason": os.strerror(errno.ENOENT)})
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(value, "output_inside_file")
    if not _writable(existing):
        reason = os.strerror(errno.EROFS if _read_only(existing) else errno.EACCES)
        raise OutputError(value, "output_unwritable", {"reason": reason})


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _read_only(folder: Path) -> bool:
    with contextlib.suppress(OSError):
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return False


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write(destination: Destination, text: str | bytes | Iterable[str], stream: TextIO | None = None) -> None:
    """Write one report; :class:`OutputError` when the system refuses (a full disk, a closed
    standard output), with no temporary file left and the previous report whole. Bytes (a
    workbook) are written as they are; pieces of text (a streamed report,
    advisor/report_stream.py) one after the other, never all in memory at once."""
    if destination.path is None:
        if isinstance(text, bytes):
            try:
                sys.stdout.buffer.write(text)
                sys.stdout.buffer.flush()
            except OSError as exc:
                raise OutputError(
                    destination.shown, "output_unwritable", {"reason": exc.strerror or str(exc)}
                ) from None
            return
        _write_stream(destination.shown, text, stream or sys.stdout)
        return
    real = Path(_real(destination.path))
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(destination.shown, "output_unwritable", {"reason": exc.strerror or str(exc)}) from None
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        mode = _new_file_mode()
    import tempfile  # here: ~5 ms of imports (random, shutil) that a report to the terminal never needs

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise OutputError(destination.shown, "output_unwritable", {"reason": exc.strerror or str(exc)}) from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fchmod(binary.fileno(), mode)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                for piece in _pieces(text):
                    handle.write(piece)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
        os.replace(tmp, real)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(destination.shown, "output_unwritable", {"reason": exc.strerror or str(exc)}) from None
    except BaseException:  # an interrupt: the previous report stays, the temporary file goes
        Path(tmp).unlink(missing_ok=True)
        raise


def _pieces(text: str | Iterable[str]) -> Iterable[str]:
    return (text,) if isinstance(text, str) else text


def _write_stream(shown: str, text: str | Iterable[str], stream: TextIO) -> None:
    try:
        for piece in _pieces(text):
            stream.write(piece)
        stream.flush()
    except OSError as exc:
        raise OutputError(shown, "output_unwritable", {"reason": exc.strerror or str(exc)}) from None
