"""Review a folder of proposals: find the plans, review them in parallel, summarise.

Discovery walks each folder in name order, follows symbolic links but never the same real
folder twice (so a link loop ends), honours ``.advisorignore`` files (gitignore syntax, each
relative to its own folder, a deeper file overriding a shallower one) and ``--exclude``
patterns (relative to the folder given), and keeps every file it passes over with the reason.

Reviews run in worker processes (advisor/isolation.py) that each register the rules once, so
that a crash in the rule engine costs one file; results are sorted by the file's displayed
path, so the outcome does not depend on ``--jobs``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from advisor import isolation, knowledge, rules
from advisor.findings import Digested, Failure, Outcome, Review
from advisor.inputs import too_many_wildcards, wildcard_limits
from advisor.problems import InputError, Problem
from advisor.render import part_renderer, review_lang
from advisor.review import prepare, review_or_failure
from advisor.settings import DEFAULT_SETTINGS, Settings
from advisor.terminal import display_name

if TYPE_CHECKING:  # imported where used: `check` runs reviews from here and needs neither
    import pathspec


PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".xlsm")
IGNORE_FILE = ".advisorignore"


@dataclass(frozen=True)
class Target:
    path: Path  # where to read it
    display: str  # how reports name it: the folder as given, then the path inside it


@dataclass(frozen=True)
class Skipped:
    display: str
    reason: str  # a ui text key: skip_<reason>
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Discovery:
    targets: tuple[Target, ...]
    skipped: tuple[Skipped, ...]
    ignore_files: tuple[Path, ...] = ()  # the .advisorignore files read


@dataclass
class _Rules:
    """The ignore specs in force in one folder: (base folder, spec, ignore file's display)."""

    specs: list[tuple[Path, pathspec.GitIgnoreSpec, str, list[str]]] = field(default_factory=list)


def _spec(lines: Iterable[str], source: str = "--exclude") -> tuple[pathspec.GitIgnoreSpec, list[str]]:
    """The patterns as one spec; :class:`InputError` naming ``source`` (and the line, for an
    ignore file) for a pattern with too many wildcards."""
    patterns = list(lines)
    problems = [
        Problem(
            "pattern_too_many_wildcards",
            source,
            line=number if source != "--exclude" else None,
            params=wildcard_limits(pattern),
        )
        for number, pattern in enumerate(patterns, 1)
        if too_many_wildcards(pattern)
    ]
    if problems:
        raise InputError(problems)
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns), patterns


def _display(root: str, rel: PurePosixPath) -> str:
    return display_name(PurePosixPath(root.replace(os.sep, "/")) / rel)


def discover(roots: Sequence[Path], exclude: Sequence[str] = (), own: Sequence[Path] = ()) -> Discovery:
    """Every plan file under ``roots`` (files given directly are taken as they are); raises
    :class:`InputError` for an ignore pattern that would take too long to match. ``own``:
    the run's own reports, passed over wherever they are (a report written into a reviewed
    folder must not be read as a plan by the next run)."""
    targets: dict[str, Target] = {}
    seen_files: dict[Path, str] = {}
    skipped: list[Skipped] = []
    ignore_files: list[Path] = []
    reports = {os.path.realpath(p) for p in own}
    visited: set[Path] = set()
    excluded, exclude_lines = _spec(exclude)

    def take(path: Path, display: str) -> None:
        resolved = os.path.realpath(path)  # Path.resolve() raises on a link loop
        if resolved in reports and _is_report(path):
            skipped.append(Skipped(display, "own_report"))
            return
        real = Path(resolved)
        if real in seen_files:
            skipped.append(Skipped(display, "duplicate", (("file", seen_files[real]),)))
            return
        seen_files[real] = display
        shown, n = display, 1
        while shown in targets:  # two names that escape alike ("a\\nb" and a name with a newline)
            n += 1
            shown = f"{display} #{n}"
        targets[shown] = Target(path, shown)

    # A folder given twice (itself and through a link, or inside another one given) is read
    # once, under the same name whatever the order: a real folder before a link to it, then
    # by name.
    for root in sorted(roots, key=lambda r: (os.path.islink(str(r).rstrip("/") or "/"), str(r))):
        root_display = str(root)
        if not _is_dir(root):
            take(root, display_name(root_display.replace(os.sep, "/")))
            continue
        stack: list[tuple[Path, PurePosixPath, list[tuple[Path, Any, str, list[str]]]]] = [
            (root, PurePosixPath("."), [])
        ]
        while stack:
            folder, rel, inherited = stack.pop()
            real = Path(os.path.realpath(folder))
            if real in visited:
                skipped.append(Skipped(_display(root_display, rel) + "/", "loop"))
                continue
            visited.add(real)
            specs = list(inherited)
            try:  # a folder that cannot be listed (no permission, a path longer than PATH_MAX)
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                skipped.append(
                    Skipped(_display(root_display, rel) + "/", "unreadable", (("reason", exc.strerror or str(exc)),))
                )
                continue
            if any(e.name == IGNORE_FILE and _entry_is_file(e) for e in entries):
                ignore_file = folder / IGNORE_FILE
                ignore_files.append(ignore_file)
                try:
                    text = ignore_file.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    reason = getattr(exc, "strerror", None) or type(exc).__name__
                    skipped.append(
                        Skipped(_display(root_display, rel / IGNORE_FILE), "unreadable", (("reason", reason),))
                    )
                else:
                    shown_file = _display(root_display, rel / IGNORE_FILE)
                    spec, lines = _spec(text.splitlines(), shown_file)
                    specs.append((folder, spec, shown_file, lines))
            subfolders = []
            for entry in entries:
                child = rel / entry.name
                shown = _display(root_display, child)
                if entry.name == IGNORE_FILE:
                    continue
                try:
                    is_dir = entry.is_dir()
                    is_file = not is_dir and entry.is_file()
                except OSError:
                    is_dir = is_file = False
                if not is_dir and not is_file:
                    skipped.append(Skipped(shown, "broken" if entry.is_symlink() else "special"))
                    continue
                match_path = f"{child}/" if is_dir else str(child)
                why = _ignored(folder / entry.name, match_path, specs, excluded, exclude_lines)
                if why:
                    skipped.append(Skipped(shown + ("/" if is_dir else ""), why[0], why[1]))
                    continue
                if is_dir:
                    if entry.name.startswith("."):
                        skipped.append(Skipped(shown + "/", "hidden"))
                    else:
                        subfolders.append((Path(entry.path), child, specs))
                elif entry.name.lower().endswith(PLAN_SUFFIXES):
                    take(Path(entry.path), shown)
                else:
                    skipped.append(Skipped(shown, "not_plan"))
            stack.extend(reversed(subfolders))
    ordered = tuple(targets[k] for k in sorted(targets))
    return Discovery(ordered, tuple(sorted(skipped, key=lambda s: s.display)), tuple(ignore_files))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, among others: not a folder that can be read
        return False


def _entry_is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


_TOOL = "pentahelix-advisor"


def _is_report(path: Path) -> bool:
    """Whether ``path`` holds a JSON report, SARIF report or baseline this tool wrote (all name
    the tool): only such a file is passed over as a run's own report. Anything else at a
    report's path is taken for a plan, and the run refuses to write over it."""
    import json

    try:
        if path.stat().st_size > 64 * 1024 * 1024:
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    if not isinstance(data, dict):
        return False
    tool = data.get("tool")
    if isinstance(tool, dict) and tool.get("name") == _TOOL:
        return True
    runs = data.get("runs")
    run = runs[0] if isinstance(runs, list) and runs else None
    tool = run.get("tool") if isinstance(run, dict) else None
    driver = tool.get("driver") if isinstance(tool, dict) else None
    return isinstance(driver, dict) and driver.get("name") == _TOOL


def _ignored(
    path: Path,
    root_relative: str,
    specs: list[tuple[Path, pathspec.GitIgnoreSpec, str, list[str]]],
    excluded: pathspec.GitIgnoreSpec,
    exclude_lines: list[str],
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    result = excluded.check_file(root_relative)
    # pathspec gives the deciding pattern's index whenever include is not None.
    if result.include and result.index is not None:
        return "excluded", (("pattern", exclude_lines[result.index]),)
    verdict: tuple[str, tuple[tuple[str, str], ...]] | None = None
    for base, spec, shown, lines in specs:
        rel = path.relative_to(base).as_posix() + ("/" if root_relative.endswith("/") else "")
        check = spec.check_file(rel)
        if check.include is True and check.index is not None:
            verdict = ("ignored", (("file", shown), ("pattern", lines[check.index].strip())))
        elif check.include is False:
            verdict = None  # a `!pattern` deeper down takes the file back
    return verdict


# --- running ----------------------------------------------------------------------------------


_worker_settings: Settings = DEFAULT_SETTINGS
_worker_parts: tuple[str, ...] = ()
_worker_lang: str | None = None
_worker_digests = False


def _start_worker(
    settings: Settings, parts: tuple[str, ...] = (), lang: str | None = None, digests: bool = False
) -> None:
    global _worker_settings, _worker_parts, _worker_lang, _worker_digests
    _worker_settings, _worker_parts, _worker_lang, _worker_digests = settings, parts, lang, digests
    # A failure here is not lost: each review meets it again and reports a failed row.
    with contextlib.suppress(Exception):
        prepare(settings)
    # Rules, knowledge and engine live as long as the worker: the collector need not walk them.
    # It does not run by itself in a worker either: _in_worker collects once after each plan.
    gc.disable()
    gc.freeze()


def review_target(target: Target, settings: Settings) -> Review | Failure:
    """One file's review, or its failure: a batch never stops at a bad file."""
    return review_or_failure(target.path, settings, display=target.display)


# A worker is replaced after this many plans (~25 ms to start a forked one): the text layer's
# caches grow with the plans read (bounded, but to ~50 MiB more over 1,000 plans), so that a
# folder of 20,000 plans needs no more memory than one of 1,000.
PLANS_PER_WORKER = 500
# Plans sent to a worker before its answers are read: it starts the next plan as soon as it is
# done, instead of waiting for the parent (which shares the cores) to read its answer.
AHEAD = 2

Parts = dict[tuple[str, str], str]  # (format, language) -> one review's part of that report
Result = Review | Failure | Digested  # a Digested only where the run asked for digests


def _in_worker(target: Target) -> tuple[Result, Parts]:
    # Reviews come back without matched facts (Settings.keep_facts is off unless asked for):
    # they were most of a pickled review, and made --jobs 2 slower than --jobs 1.
    reviewed = review_target(target, _worker_settings)
    parts = render_parts(reviewed, _worker_parts, _worker_lang)
    result: Result = reviewed
    if _worker_digests and isinstance(reviewed, Review) and len(parts) == len(_worker_parts):
        result = Digested.of(reviewed)  # every part made here: the parent needs no more
    del reviewed  # a review sent as its digest is freed here, and the collector does not walk it
    _collect_plan()
    return result, parts


def _collect_plan() -> None:
    """One pass of the collector over what the plan just reviewed left (a workbook's reader
    leaves reference cycles), then what is still alive (the text layer's cache entries, the
    plan's result until it is sent) kept out of every later pass. The collector running on its
    own walked the growing caches again and again: 0.37 ms a corpus plan, now 0.08 ms."""
    gc.collect(0)
    gc.freeze()


def render_parts(result: Review | Failure, formats: Sequence[str], lang: str | None) -> Parts:
    """The review's part of each report that has parts, rendered here: in a worker, so that
    the reports are rendered in parallel and the parent only joins them."""
    if not isinstance(result, Review):
        return {}
    review_language = review_lang(lang, result.plan_language)
    parts = {}
    for fmt in formats:
        render = part_renderer(fmt)
        if render is not None:
            parts[(fmt, review_language)] = render(result, review_language)
    return parts


def _load_shared() -> None:
    """What every review reads, loaded once here so that forked workers share it."""
    rules.all_rules()
    knowledge.plan_format()
    knowledge.lexicon()
    knowledge.base_thresholds()
    knowledge.rule_texts()
    knowledge.labels()
    knowledge.ui_texts()
    gc.freeze()  # kept out of the collector's passes, and so not copied page by page in the workers


Sink = Callable[[Result, Parts], None]


def run(
    targets: Sequence[Target],
    settings: Settings = DEFAULT_SETTINGS,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    parts: Sequence[str] = (),
    lang: str | None = None,
    sink: Sink | None = None,
    digests: bool = False,
) -> Outcome:
    """Review every target in ``jobs`` worker processes (default: one per core), each of which
    also renders its reviews' parts of the reports in ``parts`` (formats, in ``lang`` or each
    plan's own language), which the outcome carries to the renderers. A worker that dies (a
    crash in the rule engine's C code) costs one failed file; the others are reviewed.

    With a ``sink``, each result and its parts go there in the targets' order as soon as the
    ones before it are done (a reorder buffer holds the few that finish early), and nothing is
    kept: the outcome returned is empty. A streaming batch writes its reports so. With
    ``digests`` too, a review whose every part its worker rendered comes to the sink as its
    :class:`Digested`: the sink must then need no more of it than that and its parts."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(targets)))
    results: list[Review | Failure] = []
    rendered: dict[tuple[int, str, str], tuple[Review, str]] = {}
    waiting: dict[int, tuple[Result, Parts]] = {}
    next_index = 0

    def take(index: int, result: Result, result_parts: Parts) -> None:
        nonlocal next_index
        if sink is None:
            assert not isinstance(result, Digested)  # digests are sent only to a sink
            _keep(result, result_parts, results, rendered)
            return
        waiting[index] = (result, result_parts)
        while next_index in waiting:
            sink(*waiting.pop(next_index))
            next_index += 1

    if jobs > 1 and isolation.forking():
        _load_shared()  # once here for every worker; one worker loads only what it needs
    start = functools.partial(_start_worker, settings, tuple(parts), lang, digests and sink is not None)
    workers: isolation.Workers[Target, tuple[Result, Parts]] = isolation.Workers(
        jobs, start, _in_worker, max_items=PLANS_PER_WORKER, ahead=AHEAD
    )
    done: set[int] = set()
    try:
        with contextlib.closing(workers.run(targets)) as answers:
            for index, answer in answers:
                done.add(index)
                take(index, *_result_of(targets[index], answer))
                if progress:
                    progress(1)
    except OSError as exc:  # no worker process could be started (a process or memory limit)
        reason = f"{type(exc).__name__}: {exc.strerror or exc}"
        for index, target in enumerate(targets):
            if index not in done:
                problem = Problem("review_failed", target.display, params={"reason": reason})
                take(index, Failure(target.display, (problem,)), {})
    reviews = sorted((r for r in results if isinstance(r, Review)), key=lambda r: r.file)
    failures = sorted((r for r in results if isinstance(r, Failure)), key=lambda f: f.file)
    return Outcome(tuple(reviews), tuple(failures), parts=rendered)


def _result_of(target: Target, answer: tuple[Result, Parts] | isolation.Crashed) -> tuple[Result, Parts]:
    """One worker's answer as the file's result (a crash as the file's failed row)."""
    if isinstance(answer, isolation.Crashed):
        code = "review_failed" if answer.error else "review_crashed"  # a Python error, or a dead worker
        problem = Problem(code, target.display, params={"reason": answer.reason()})
        return Failure(target.display, (problem,)), {}
    return answer


def _keep(
    result: Review | Failure,
    result_parts: Parts,
    results: list[Review | Failure],
    rendered: dict[tuple[int, str, str], tuple[Review, str]],
) -> None:
    results.append(result)
    for (fmt, part_lang), text in result_parts.items():
        assert isinstance(result, Review)
        rendered[(id(result), fmt, part_lang)] = (result, text)
