"""The source of the engine: durable-rules 2.0.28's sdist, fetched through pip and patched.

durable-rules 2.0.28 (the engine) has had no release since 2020 and its C extension does not
build on Python 3.13. setup.py calls :func:`prepare_engine` before setuptools reads the package
layout, which

1. fetches the durable-rules 2.0.28 sdist with ``python -m pip download`` (so the index pip is
   configured with is used: pip.conf, ``PIP_INDEX_URL``, a mirror), or takes the file named by
   ``ADVISOR_DURABLE_SDIST`` (builds without a network);
2. checks its sha256 against the pinned one;
3. unpacks it into ``build/durable-engine/`` and applies ``durable-rules-2.0.28.patch`` (with
   the small unified-diff reader below: no ``patch`` program needed), and puts durable-rules'
   MIT licence beside its Python package, so that the wheel carries it.

setup.py then compiles the C engine as ``advisor.durable.durable_rules_engine`` and
pyproject.toml maps the package ``advisor.durable`` to the unpacked ``libpy/durable``, so the
wheel still holds one top-level name. No third-party source is kept in the repository or in
the project's sdist (setuptools leaves ``build/`` out of it).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REQUIREMENT = "durable-rules==2.0.28"
SDIST_NAME = "durable_rules-2.0.28.tar.gz"
SDIST_SHA256 = "053b26f5e48d312d4fa27995243f954671be6eece477f150c059c364eb4d7d61"
SDIST_ENV = "ADVISOR_DURABLE_SDIST"
HERE = Path(__file__).resolve().parent
PATCH = HERE / "durable-rules-2.0.28.patch"
TARGET = Path("build", "durable-engine")  # relative to the project root (pyproject.toml maps it)
STAMP = ".advisor-stamp"
LAYOUT = "2"  # change when prepare_engine lays the tree out differently, so that it is redone


class BuildError(RuntimeError):
    pass


def prepare_engine(target: Path) -> Path:
    """The patched durable-rules source tree in ``target``; unchanged if already prepared."""
    stamp = f"{LAYOUT} {SDIST_SHA256} {hashlib.sha256(PATCH.read_bytes()).hexdigest()}\n"
    stamp_file = target / STAMP
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return target
    with tempfile.TemporaryDirectory(prefix="advisor-engine-") as tmp:
        sdist = _fetch(Path(tmp))
        _check_sha256(sdist)
        root = _unpack(sdist, Path(tmp) / "unpacked")
        apply_patch(PATCH.read_text(encoding="utf-8"), root)
        # MIT asks for its notice in every copy: the wheel carries it as advisor/durable/LICENSE.
        shutil.copyfile(root / "LICENSE", root / "libpy" / "durable" / "LICENSE")
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(root), str(target))
    stamp_file.write_text(stamp)
    return target


def _fetch(into: Path) -> Path:
    given = os.environ.get(SDIST_ENV)
    if given:
        if not Path(given).is_file():
            raise BuildError(f"{SDIST_ENV}={given}: no such file (it should name {SDIST_NAME})")
        return Path(given)
    requirements = into / "requirements.txt"
    requirements.write_text(f"{REQUIREMENT} --hash=sha256:{SDIST_SHA256}\n")
    download = into / "download"
    # --no-build-isolation: pip reads the sdist's metadata with this environment's setuptools
    # instead of installing a second copy into yet another environment.
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--no-build-isolation"]
    command += ["--quiet", "--dest", str(download), "--requirement", str(requirements)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = sorted(download.glob("durable_rules-2.0.28.*")) if download.is_dir() else []
    if done.returncode != 0 or not found:
        raise BuildError(
            f"could not download the {REQUIREMENT} sdist with pip (exit {done.returncode}).\n"
            f"{(done.stdout + done.stderr).strip()[-3000:]}\n"
            "The engine is built from that file. Check pip's index settings (pip.conf or PIP_INDEX_URL), "
            f"or download {SDIST_NAME} yourself and set {SDIST_ENV} to its path."
        )
    return found[0]


def _check_sha256(sdist: Path) -> None:
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != SDIST_SHA256:
        raise BuildError(f"{sdist}: sha256 {digest} is not the pinned {SDIST_SHA256} of {SDIST_NAME}")


def _unpack(sdist: Path, into: Path) -> Path:
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            archive.extractall(into, filter="data")
        else:
            for member in archive.getmembers():
                if not (member.isfile() or member.isdir()) or not _inside(into, into / member.name):
                    raise BuildError(f"{sdist}: unexpected archive member {member.name!r}")
            archive.extractall(into)
    (root,) = into.iterdir()
    return root


def _inside(base: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(base.resolve())


_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_patch(diff: str, root: Path) -> list[str]:
    """Apply a unified diff (paths ``a/...`` and ``b/...``) under ``root``; return the files changed.

    Strict on purpose: every hunk must match at its stated line, context and removed lines
    exactly (line endings aside), or the build stops. The sdist is pinned by its hash, so a
    hunk that does not match means the patch and the pin disagree.
    """
    lines = _split(diff)
    changed: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("--- "):
            i += 1
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("+++ "):
            raise BuildError(f"patch line {i + 1}: '---' not followed by '+++'")
        name = _strip_prefix(lines[i + 1][4:].split("\t")[0].strip())
        path = root / name
        if not _inside(root, path) or not path.is_file():
            raise BuildError(f"patch: no file {name} in the unpacked sdist")
        with path.open(encoding="utf-8", newline="") as handle:
            original = _split(handle.read(), keepends=True)
        result: list[str] = []
        at = 0  # lines of `original` already copied or consumed
        i += 2
        while i < len(lines) and lines[i].startswith("@@"):
            header = _HUNK.match(lines[i])
            if not header:
                raise BuildError(f"patch line {i + 1}: bad hunk header {lines[i]!r}")
            old_count = 1 if header.group(2) is None else int(header.group(2))
            new_count = 1 if header.group(4) is None else int(header.group(4))
            start = int(header.group(1)) - (0 if old_count == 0 else 1)
            if start < at:
                raise BuildError(f"patch line {i + 1}: hunks of {name} overlap or are out of order")
            result += original[at:start]
            at = start
            i += 1
            while old_count or new_count:
                if i >= len(lines):
                    raise BuildError(f"patch: a hunk of {name} ends early")
                tag, text = (lines[i][:1] or " "), lines[i][1:]  # an empty line is empty context
                if tag == "\\":  # "\ No newline at end of file"
                    i += 1
                    continue
                if tag in (" ", "-"):
                    if at >= len(original) or original[at].rstrip("\r\n") != text:
                        raise BuildError(f"patch: {name} line {at + 1} is not what the patch expects: {text!r}")
                    if tag == " ":
                        result.append(original[at])
                        new_count -= 1
                    old_count -= 1
                    at += 1
                elif tag == "+":
                    ending = _line_ending(original[at - 1] if at else (original[0] if original else "\n"))
                    result.append(text + ending)
                    new_count -= 1
                else:
                    raise BuildError(f"patch line {i + 1}: unexpected {lines[i]!r} in a hunk of {name}")
                if old_count < 0 or new_count < 0:
                    raise BuildError(f"patch line {i + 1}: a hunk of {name} is longer than its header says")
                i += 1
        result += original[at:]
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write("".join(result))
        changed.append(name)
    if not changed:
        raise BuildError("patch: no file to change")
    return changed


def _split(text: str, keepends: bool = False) -> list[str]:
    """Lines split at "\\n" only (str.splitlines also splits at form feeds and other controls)."""
    parts = text.split("\n")
    last = parts.pop()
    lines = [part + "\n" for part in parts] if keepends else parts
    return [*lines, last] if last else lines


def _strip_prefix(name: str) -> str:
    return name[2:] if name.startswith("b/") else name


def _line_ending(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"
