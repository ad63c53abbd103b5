"""The measured programs, each run as its own process by :mod:`bench.run` so that every
figure includes the interpreter start and imports a user pays for, and no measurement warms
another's caches. Each prints one JSON object on stdout.

    python -m bench.worker parse DIR --jobs N      parse-only bound: yaml.CSafeLoader on every file
    python -m bench.worker review DIR --jobs N     the library path (review + JSON report) per file
    python -m bench.worker growth FILE...          seconds to review one (large) plan, per file
    python -m bench.worker memory DIR --at 1000 10000   peak RSS after that many reviews
    python -m bench.worker render FILE --findings 1000 5000   seconds to render a review of N findings
    python -m bench.worker stages DIR              CPU ms a plan of each stage of a batch worker
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any


def _plans(folder: str) -> list[Path]:
    return sorted(p for p in Path(folder).iterdir() if p.suffix in (".yaml", ".yml", ".json"))


def _parse_one(path: Path) -> bool:
    """The parse-only bound: PyYAML's C loader over the file, a fixed yardstick (the product's
    own loader, measured before issue 18, sped up with every change to it)."""
    import yaml

    try:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        return False
    return True


def _review_one(path: Path) -> bool:
    from advisor.problems import InputError
    from advisor.review import review_file

    try:
        review = review_file(path)
    except InputError:
        return False
    _render(review)
    return True


def _render(review: Any) -> str:
    """The JSON report of one review, as ``advisor check --format json`` writes it."""
    from advisor.findings import Outcome
    from advisor.render import renderer

    return renderer("json")(Outcome((review,), ()), None, color=False)


def _over(paths: list[Path], jobs: int, func: Any) -> dict[str, Any]:
    start = time.perf_counter()
    if jobs == 1:
        results = [func(p) for p in paths]
    else:
        with Pool(jobs) as pool:
            results = pool.map(func, paths, chunksize=max(1, len(paths) // (jobs * 8)))
    return {"plans": len(paths), "ok": sum(results), "seconds": time.perf_counter() - start}


def peak_rss_kib() -> int:
    """Peak resident set size of this process (VmHWM), in KiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def growth(files: list[str], repeats: int) -> dict[str, Any]:
    """Median seconds to review one plan and render its report, after a warm-up, so that the
    figure is the plan's own cost and not the process's start."""
    from advisor.review import review_file

    out: dict[str, Any] = {}
    _render(review_file(files[0]))  # warm-up: imports, knowledge, rule registration
    for name in files:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            _render(review_file(name))
            times.append(time.perf_counter() - start)
        out[name] = statistics.median(times)
    return out


def memory(folder: str, checkpoints: list[int]) -> dict[str, Any]:
    """Review plans round-robin over the corpus in one process and record peak RSS at each
    checkpoint. Each file is read and validated once up front (the loader keeps nothing
    between files); what repeats is what could accumulate across plans: fact extraction, an
    engine session per plan, findings and the report."""
    from advisor.problems import InputError
    from advisor.review import Settings, load_plan, review_plan

    plans = []
    for path in _plans(folder):
        try:
            plans.append(load_plan(path))
        except InputError:
            continue
    settings = Settings()
    rss: dict[str, int] = {}
    done = 0
    for target in sorted(checkpoints):
        while done < target:
            _render(review_plan(plans[done % len(plans)], settings))
            done += 1
        rss[str(target)] = peak_rss_kib()
    return {"distinct_plans": len(plans), "peak_rss_kib": rss}


RENDER_FORMATS = ("json", "text", "csv", "markdown", "html", "sarif", "junit", "compact", "github")


def render_growth(file: str, counts: list[int], repeats: int) -> dict[str, Any]:
    """Median seconds to render, in every format, one review holding ``count`` findings: the
    findings of the (large) plan in ``file``, copied as many times as needed. Each copy is a
    new object, so that no text filled for one is reused by another."""
    import dataclasses

    from advisor.findings import Outcome
    from advisor.render import renderer
    from advisor.review import review_file

    review = review_file(file)
    pool = review.findings

    def sized(count: int) -> Any:
        findings = tuple(dataclasses.replace(pool[i % len(pool)]) for i in range(count))
        return dataclasses.replace(review, findings=findings)

    for fmt in RENDER_FORMATS:  # warm-up: each renderer's imports
        renderer(fmt)(Outcome((sized(10),)), None)
    out: dict[str, Any] = {}
    for count in counts:
        total = 0.0
        for fmt in RENDER_FORMATS:
            times = []
            for _ in range(repeats):
                outcome = Outcome((sized(count),))
                start = time.perf_counter()
                renderer(fmt)(outcome, None)
                times.append(time.perf_counter() - start)
            out[f"{fmt}_{count}"] = statistics.median(times)
            total += statistics.median(times)
        out[str(count)] = total
    return out


def stages(folder: str) -> dict[str, Any]:
    """CPU milliseconds a plan of each stage of a batch worker's first pass over the folder's
    plans (each text read for the first time, as a batch meets them), JSON report parts
    rendered and each answer pickled as a worker sends it. Each stage is timed by wrapping the
    function the review calls; ``total`` is the whole loop, the rest of it is glue."""
    import pickle
    from collections import defaultdict
    from collections.abc import Callable

    import advisor.assess as assess
    import advisor.batch as batch
    import advisor.engine as engine
    import advisor.loader as loader
    import advisor.review as review
    from advisor.settings import DEFAULT_SETTINGS

    spent: dict[str, float] = defaultdict(float)

    def timed(label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        return wrapper

    loader.read_text = timed("load: read and decode", loader.read_text)
    loader._compose_native = timed("load: compose (libyaml)", loader._compose_native)
    loader._parse_yaml_reference = timed("load: reference composer", loader._parse_yaml_reference)
    review.read_plan = timed("load (all)", review.read_plan)
    review.validate_document = timed("validate", review.validate_document)
    review.extract = timed("facts", review.extract)
    engine.Engine.evaluate = timed("engine", engine.Engine.evaluate)
    review._findings = timed("findings", review._findings)
    assess.scores = timed("scores", assess.scores)
    batch.render_parts = timed("JSON part", batch.render_parts)

    targets = [batch.Target(p, str(p)) for p in _plans(folder)]
    batch._load_shared()
    batch._start_worker(DEFAULT_SETTINGS, ("json",), None, True)
    start = time.process_time()
    for index, target in enumerate(targets):
        answer = batch._in_worker(target)
        before = time.process_time()
        pickle.dumps((index, answer), protocol=pickle.HIGHEST_PROTOCOL)
        spent["answer pickled"] += time.process_time() - before
    spent["total"] = time.process_time() - start
    return {"plans": len(targets), **{label: seconds * 1000 / len(targets) for label, seconds in spent.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    sub = parser.add_subparsers(dest="what", required=True)
    for name in ("parse", "review"):
        p = sub.add_parser(name)
        p.add_argument("folder")
        p.add_argument("--jobs", type=int, default=1)
    g = sub.add_parser("growth")
    g.add_argument("files", nargs="+")
    g.add_argument("--repeats", type=int, default=3)
    m = sub.add_parser("memory")
    m.add_argument("folder")
    m.add_argument("--at", type=int, nargs="+", default=[1000, 10000])
    r = sub.add_parser("render")
    r.add_argument("file")
    r.add_argument("--findings", type=int, nargs="+", default=[1000, 5000])
    r.add_argument("--repeats", type=int, default=3)
    sub.add_parser("stages").add_argument("folder")
    args = parser.parse_args()
    if args.what == "stages":
        result = stages(args.folder)
    elif args.what == "render":
        result = render_growth(args.file, args.findings, args.repeats)
    elif args.what == "parse":
        result = _over(_plans(args.folder), args.jobs, _parse_one)
    elif args.what == "review":
        result = _over(_plans(args.folder), args.jobs, _review_one)
    elif args.what == "growth":
        result = growth(args.files, args.repeats)
    else:
        result = memory(args.folder, args.at)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
