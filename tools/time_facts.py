"""Time the facts stage per plan over the bench corpus and the examples: the first pass (text
caches cold, as `advisor batch --jobs 1` meets the corpus) and the best of N further passes.

Usage: python tools/time_facts.py [n_plans | corpus_folder] [rounds] [--shares]
(a folder: its *.yaml plans, e.g. /work/wt/baseline/corpus, instead of a generated corpus)

Each plan's facts are extracted as a batch worker extracts them (advisor/batch.py): the cyclic
collector off during the plan, then one collection of the young generation and everything still
alive frozen out of later passes, after the plan and outside the facts stage. That collection is
timed apart and printed beside each pass (it is the worker's, not the stage's: `advisor check`
pays nothing of it, its collector being off for the whole run). The plans loaded here are frozen
as a worker freezes what it holds at its start.

``--shares``: then the first pass again, ``rounds`` times for each reading, with that reading's
text caches kept warm from a pass before and every other one cleared: what the pass saves is what
the reading's first readings cost by the clock (a scan or tokens it needs and another reading
needs too still count for that one). The text caches are the bounded ``lru_cache`` functions of
``advisor.text`` and ``advisor.facts`` (per text and per word); the unbounded ``cache`` ones hold
knowledge and stay.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from advisor.facts import extract
from advisor.problems import InputError
from advisor.review import load_plan
from advisor.validate import ValidatedPlan
from bench.corpus import write_corpus


def main() -> None:
    shares = "--shares" in sys.argv[1:]
    args = [a for a in sys.argv[1:] if a != "--shares"]
    source = args[0] if args else "200"
    rounds = int(args[1]) if len(args) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(source)
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else write_corpus(Path(tmp), int(source))
        paths += sorted(Path("examples").glob("*.yaml"))
        plans = []
        for path in paths:
            try:
                plans.append(load_plan(path))
            except InputError:
                continue
    extract(plans[0])  # knowledge files and stemmers loaded once, as a batch worker's start does
    gc.freeze()
    (first, first_gc), (best, best_gc) = _passes(plans, rounds)
    n = len(plans)
    after = "ms/plan (then collecting: {:.3f})"
    print(f"{n} plans, facts stage first pass (cold text caches): {first:.3f} {after.format(first_gc)}")
    print(f"{n} plans, facts stage best of {rounds}: {best:.3f} {after.format(best_gc)}")
    if shares:
        _shares(plans, rounds)


def _passes(plans: list[ValidatedPlan], rounds: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """ms per plan of the first pass and of the best of ``rounds`` further passes, each with the
    worker's collection after each plan (timed apart)."""

    def one_pass() -> tuple[float, float]:
        stage = after = 0.0
        clock = time.process_time
        for vplan in plans:
            start = clock()
            extract(vplan)
            done = clock()
            gc.collect(0)  # advisor/batch.py's _collect_plan, after the plan's review
            gc.freeze()
            after += clock() - done
            stage += done - start
        return stage * 1000 / len(plans), after * 1000 / len(plans)

    enabled = gc.isenabled()
    gc.disable()  # as in a batch worker, and in `advisor check` for its whole run
    try:
        return one_pass(), min(one_pass() for _ in range(rounds))
    finally:
        if enabled:
            gc.enable()


# the readings whose caches --shares keeps warm in turn, by the modules of advisor.text they are in
_READINGS = {
    "tokens": ("advisor.text.tokens",),
    "scan": ("advisor.text.lexicon", "advisor.text.stem", "advisor.text.negation", "advisor.text.morph"),
    "clarity": ("advisor.text.clarity", "advisor.text.voice"),
    "matching": ("advisor.text.matching", "advisor.text.ahead"),
    # (with the facts' cache of an indicator's direction on its texts)
    "direction": ("advisor.text.direction", "advisor.facts.readings"),
}


def _text_caches() -> dict[str, list[Any]]:
    """The bounded caches of the text layer and the facts, by reading (the rest under "rest")."""
    out: dict[str, dict[int, Any]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith(("advisor.text", "advisor.facts")):
            continue
        reading = next((r for r, prefixes in _READINGS.items() if name.startswith(prefixes)), "rest")
        for value in vars(module).values():
            parameters: Callable[[], dict[str, Any]] | None = getattr(value, "cache_parameters", None)
            # (each cache under the module that defines it, not one that imports it)
            if parameters is not None and parameters().get("maxsize") is not None and value.__module__ == name:
                out.setdefault(reading, {})[id(value)] = value
    return {reading: list(found.values()) for reading, found in out.items()}


def _shares(plans: list[ValidatedPlan], rounds: int) -> None:
    """The first pass with each reading's caches warm and the others cold, ``rounds`` times each,
    the readings in turn."""
    caches = _text_caches()
    every = [cache for found in caches.values() for cache in found]
    order = ["none", *caches]
    spent: dict[str, list[float]] = {reading: [] for reading in order}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for reading in order:
                for plan in plans:  # every cache warm
                    extract(plan)
                for cache in every:
                    if cache not in caches.get(reading, ()):
                        cache.cache_clear()
                gc.collect()
                gc.freeze()
                start = time.process_time()
                for plan in plans:
                    extract(plan)
                spent[reading].append((time.process_time() - start) * 1000 / len(plans))
    finally:
        if enabled:
            gc.enable()
    for reading in order:
        runs = " ".join(f"{x:.3f}" for x in spent[reading])
        saved = min(spent["none"]) - min(spent[reading])
        label = "every cache cold" if reading == "none" else f"{reading} warm"
        print(f"first pass, {label}: {runs} ms/plan (best {min(spent[reading]):.3f}, {saved:+.3f})")


if __name__ == "__main__":
    main()
