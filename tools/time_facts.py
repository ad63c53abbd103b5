"""Time the facts stage per plan over the bench corpus and the examples: the first pass (text
caches cold, as `advisor batch --jobs 1` meets the corpus) and the best of N further passes.

Usage: python tools/time_facts.py [n_plans | corpus_folder] [rounds]
(a folder: its *.yaml plans, e.g. /work/wt/baseline/corpus, instead of a generated corpus)

Each plan's facts are extracted as a batch worker extracts them (advisor/batch.py): the cyclic
collector off during the plan, then one collection of the young generation and everything still
alive frozen out of later passes, after the plan and outside the facts stage. That collection is
timed apart and printed beside each pass (it is the worker's, not the stage's: `advisor check`
pays nothing of it, its collector being off for the whole run). The plans loaded here are frozen
as a worker freezes what it holds at its start.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from advisor.facts import extract
from advisor.problems import InputError
from advisor.review import load_plan
from advisor.validate import ValidatedPlan
from bench.corpus import write_corpus


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else "200"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
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


if __name__ == "__main__":
    main()
