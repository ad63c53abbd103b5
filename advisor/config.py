"""The configuration a team shares: ``advisor.toml``, or ``[tool.advisor]`` in ``pyproject.toml``.

Found upward from the folder that holds every plan of the run (one configuration per run, as
black does), or given with ``--config``. Checked against a declared schema: an unknown key, a
wrong value or an unknown rule is an error naming the file and, where it can be found, the line.

    select = ["PH", "RL001"]        # report only these rules (ids or family codes)
    ignore = ["PH003"]              # never report these
    fail_level = "warning"          # exit 1 from this severity up
    min_severity = "info"
    language = "en"                 # report language unless --lang
    exclude = ["drafts/"]           # batch: gitignore-style patterns, like --exclude
    [severity]                      # per rule or family
    PH002 = "error"
    [thresholds]                    # override knowledge/thresholds.yaml
    dominant_share = 0.6

Precedence: a command-line option over the config over the built-in default; the report
language: ``--lang`` > config ``language`` > the plan's ``language`` > Indonesian.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, ValidationError

from advisor import rules
from advisor.assess import READY_MAX_WARNINGS
from advisor.inputs import UnreadableInput, depth, read_bounded, too_many_wildcards, wildcard_limits
from advisor.problems import InputError, Problem, format_path
from advisor.rules.conditions import Option
from advisor.settings import Settings
from advisor.texts import label

CONFIG_FILE = "advisor.toml"
PYPROJECT = "pyproject.toml"
# A team's config holds dozens of entries; these bounds keep a wrong file from hanging a run.
MAX_CONFIG_BYTES = 1024 * 1024
MAX_CONFIG_DEPTH = 8
MAX_CONFIG_ENTRIES = 2_000
MAX_PROBLEMS = 20  # reported from one config: the first ones say what is wrong
# Thresholds: every value finite and >= 0; a share a fraction; a count at most this.
MAX_THRESHOLD = 1_000_000

Severity = Literal["error", "warning", "info"]


class _Schema(BaseModel):
    # Built on first use: most runs find no config file and never validate one.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    select: list[StrictStr] = Field(default_factory=list)
    ignore: list[StrictStr] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_level: Severity | None = None
    min_severity: Severity | None = None
    language: Literal["id", "en"] | None = None
    exclude: list[StrictStr] = Field(default_factory=list)
    thresholds: dict[str, StrictInt | StrictFloat] = Field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """A validated configuration; rule entries are canonical ids or family codes."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_level: str | None = None
    min_severity: str | None = None
    language: str | None = None
    exclude: tuple[str, ...] = ()
    thresholds: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class RunOptions:
    """What one command run needs: review settings, the exit threshold, the report language
    (``None``: each plan's own) and batch exclusions."""

    settings: Settings
    fail_level: str
    lang: str | None
    exclude: tuple[str, ...]
    config: Config


class ConfigError(InputError):
    """The configuration cannot be used; exit 2 with every problem found."""


# --- finding and reading ----------------------------------------------------------------------


def find_config(paths: Sequence[Path]) -> Path | None:
    """The nearest config upward from the folder holding all ``paths``."""
    if not paths:
        return None
    resolved = [Path(os.path.realpath(p)) for p in paths]  # resolve() raises on a link loop
    start = Path(os.path.commonpath([str(p if p.is_dir() else p.parent) for p in resolved]))
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _mentions_advisor(pyproject):
            return pyproject
    return None


def _mentions_advisor(path: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.advisor]`` table, however it is written
    (``[tool."advisor"]``, an inline table). One that cannot be read or parsed is taken when
    it names the advisor at all, so that its problem is reported rather than passed over."""
    import tomllib

    try:
        text = read_bounded(path, MAX_CONFIG_BYTES)
        data = tomllib.loads(text)
    except UnreadableInput:
        return False
    except (tomllib.TOMLDecodeError, RecursionError):
        return "advisor" in text
    tool = data.get("tool")
    if tool is None:
        return False
    return not isinstance(tool, dict) or "advisor" in tool  # a `tool` that is no table is reported


def load_config(path: Path, lang: str = "id") -> Config:
    """Read and validate one config file; raises :class:`ConfigError`."""
    display = _shown(path)
    try:
        text = read_bounded(path, MAX_CONFIG_BYTES)
    except UnreadableInput as exc:
        raise ConfigError([Problem("config_unreadable", display, params=exc.params)]) from None
    import tomllib  # here: most runs find no config file (~5 ms of a cold check)

    try:
        data = tomllib.loads(text)
    except RecursionError:
        limit = {"reason_code": "reason_too_deep", "limit": MAX_CONFIG_DEPTH}
        raise ConfigError([Problem("config_unreadable", display, params=limit)]) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(match.group(1)), int(match.group(2))) if match else (None, None)
        if "end of document" in str(exc):  # an unclosed list or table: point at the last line
            line = max(1, len(text.splitlines()))
        reason = re.sub(r"\s*\(at (line|end of document).*\)", "", str(exc))
        raise ConfigError([Problem("config_syntax", display, line, col, params={"reason": reason})]) from None
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        prefix = ("tool", "advisor")
        tool = data.get("tool", {})
        section = tool.get("advisor", {}) if isinstance(tool, dict) else None
        if not isinstance(section, dict):
            raise ConfigError([Problem("config_not_table", display, _line(text, "advisor") or _line(text, "tool"))])
        data = section
    if depth(data, MAX_CONFIG_DEPTH) > MAX_CONFIG_DEPTH:
        limit = {"reason_code": "reason_too_deep", "limit": MAX_CONFIG_DEPTH}
        raise ConfigError([Problem("config_unreadable", display, params=limit)])
    if _entries(data) > MAX_CONFIG_ENTRIES:
        limit = {"reason_code": "reason_too_many", "limit": MAX_CONFIG_ENTRIES}
        raise ConfigError([Problem("config_unreadable", display, params=limit)])
    return _validate(data, text, display, prefix, path, lang)


def _entries(data: Any) -> int:
    """Keys and list items in ``data``, however deep (its depth is already bounded)."""
    if isinstance(data, dict):
        return len(data) + sum(_entries(v) for v in data.values())
    if isinstance(data, list):
        return len(data) + sum(_entries(v) for v in data)
    return 0


def _shown(path: Path) -> str:
    """The path as a person would type it from here: relative below the working folder."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _line(text: str, key: str | None = None, value: str | None = None) -> int | None:
    """The first line naming ``key =`` (or a table ``[..key]``), or holding ``"value"``:
    tomllib keeps no positions, and a line number is what a person needs."""
    if key is not None:
        k = re.escape(key)
        pattern = re.compile(rf"""(^|[{{,\s.\[])["']?{k}["']?\s*(=|\])""")
    else:
        pattern = re.compile(rf"""["']{re.escape(value or "")}["']""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line.split("#", 1)[0]):
            return number
    return None


# --- validation -------------------------------------------------------------------------------

_EXPECTED = {
    "list_type": "list",
    "dict_type": "mapping",
    "string_type": "text",
    "int_type": "number",
    "float_type": "number",
    "literal_error": "allowed_value",
}


def _validate(data: dict[str, Any], text: str, display: str, prefix: tuple[str, ...], path: Path, lang: str) -> Config:
    problems: list[Problem] = []

    def problem(code: str, loc: tuple[str | int, ...], **params: Any) -> None:
        if len(problems) >= MAX_PROBLEMS:
            return
        last = next((part for part in reversed(loc) if isinstance(part, str)), None)
        value = params.get("value")
        line = _line(text, value=value) if isinstance(value, str) and loc and isinstance(loc[-1], int) else None
        line = line or (_line(text, key=last) if last else None)
        problems.append(Problem(code, display, line, None, format_path((*prefix, *loc)), params))

    try:
        schema = _Schema.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if error["type"] == "extra_forbidden":
                key = str(loc[-1])
                close = difflib.get_close_matches(key, sorted(_Schema.model_fields), n=1, cutoff=0.6)
                problem(
                    "config_unknown_key",
                    loc,
                    key=key,
                    hint=f" ({close[0]}?)" if close else "",
                    allowed=", ".join(sorted(_Schema.model_fields)),
                )
            else:
                # Union members show up in ``loc`` as type names; keep the real keys.
                loc = tuple(p for p in loc if p not in ("int", "float", "str"))
                allowed = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
                expected = allowed or label("types", _EXPECTED.get(error["type"], "valid_value"), lang)
                problem("config_bad_value", loc, found=repr(error.get("input")), expected=expected)
        raise ConfigError(_dedupe(problems)) from None

    def entries(values: Sequence[str], field: str) -> tuple[str, ...]:
        out = []
        for index, value in enumerate(values):
            canonical = rule_entry(value)
            if canonical is None:
                problem("config_unknown_rule", (field, index), value=value, hint=_rule_hint(value))
            else:
                out.append(canonical)
        return tuple(sorted(set(out)))

    select = entries(schema.select, "select")
    ignore = entries(schema.ignore, "ignore")
    severity = []
    for key, level in sorted(schema.severity.items()):
        canonical = rule_entry(key)
        if canonical is None:
            problem("config_unknown_rule", ("severity", key), value=key, hint=_rule_hint(key))
        else:
            severity.append((canonical, level))
    for index, pattern in enumerate(schema.exclude):
        if too_many_wildcards(pattern):
            problem("pattern_too_many_wildcards", ("exclude", index), value=pattern, **wildcard_limits(pattern))
    known = declared_options()
    thresholds = []
    for key, number in sorted(schema.thresholds.items()):
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            problem(
                "config_unknown_threshold",
                ("thresholds", key),
                key=key,
                hint=f" ({close[0]}?)" if close else "",
                allowed=", ".join(sorted(known)),
            )
        elif known[key].type == "count" and not isinstance(number, int):
            problem(
                "config_bad_value", ("thresholds", key), found=repr(number), expected=label("types", "integer", lang)
            )
        elif not rules.fits(known[key], number) or number > MAX_THRESHOLD:
            high = 1 if known[key].type == "share" else MAX_THRESHOLD
            problem("config_out_of_range", ("thresholds", key), found=repr(number), low=0, high=high)
        else:
            thresholds.append((key, number))
    if problems:
        raise ConfigError(_dedupe(problems))
    return Config(
        path=path,
        select=select,
        ignore=ignore,
        severity=tuple(severity),
        fail_level=schema.fail_level,
        min_severity=schema.min_severity,
        language=schema.language,
        exclude=tuple(schema.exclude),
        thresholds=tuple(thresholds),
    )


def declared_options() -> dict[str, Option]:
    """The options a config may set: those the rules declare, and the verdict's."""
    known = {name: declared.option for name, declared in rules.options().items()}
    known[READY_MAX_WARNINGS.name] = READY_MAX_WARNINGS
    return known


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if (p.code, p.path) not in seen:
            seen.add((p.code, p.path))
            out.append(p)
    return out


def rule_entry(value: str) -> str | None:
    """A rule id (aliases resolved) or a family code, canonical; ``None`` if neither."""
    text = value.strip().upper()
    if text in rules.families():
        return text
    try:
        return rules.get(text).id
    except KeyError:
        return None


def _rule_hint(value: str) -> str:
    choices = sorted(set(rules.by_id()) | set(rules.families()))
    close = difflib.get_close_matches(value.strip().upper(), choices, n=1, cutoff=0.6)
    return f" ({close[0]}?)" if close else ""


# --- one run ----------------------------------------------------------------------------------


def run_options(
    paths: Sequence[Path],
    *,
    config_path: Path | None = None,
    lang: str | None = None,
    min_severity: str | None = None,
    fail_level: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    exclude: Sequence[str] = (),
    suppress: bool = True,
) -> RunOptions:
    """Command-line values over the config over the defaults. ``select``/``ignore`` given on the
    command line replace the config's lists; ``exclude`` patterns add to them."""
    found = config_path or find_config(paths)
    config = load_config(found, lang or "id") if found else Config()
    cli_problems = [
        Problem(
            "config_unknown_rule",
            "--select" if value in select else "--ignore",
            params={"value": value, "hint": _rule_hint(value)},
        )
        for value in (*select, *ignore)
        if rule_entry(value) is None
    ]
    if cli_problems:
        raise ConfigError(cli_problems)
    chosen_select = tuple(sorted({rule_entry(v) or v for v in select})) if select else config.select
    chosen_ignore = tuple(sorted({rule_entry(v) or v for v in ignore})) if ignore else config.ignore
    report_lang = lang or config.language
    settings = Settings(
        lang=report_lang,
        min_severity=min_severity or config.min_severity or "info",
        select=chosen_select,
        ignore=chosen_ignore,
        severity=config.severity,
        thresholds=config.thresholds,
        suppress=suppress,
    )
    return RunOptions(
        settings=settings,
        fail_level=fail_level or config.fail_level or "error",
        lang=report_lang,
        exclude=(*config.exclude, *exclude),
        config=config,
    )
