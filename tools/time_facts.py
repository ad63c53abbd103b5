"""Time the facts stage per plan over the bench corpus and the examples: the first pass (text
caches cold, as `advisor batch --jobs 1` meets the corpus) and the best of N further passes.

Usage: python tools/time_facts.py [n_plans | corpus_folder] [rounds]
(a folder: its *.yaml plans, e.g. /work/wt/baseline/corpus, instead of a generated corpus)

Each plan's facts are extracted as ``review_file`` does it, with the cyclic collector paused
(advisor/collector.py), and the plans loaded here are frozen out of the collector's passes as a
batch worker freezes what it holds at its start: a batch streams its plans, and the collector
walking three hundred loaded plans at every full pass is this tool's cost, not the stage's.
The collector still runs between plans and walks what each plan left in the text layer's caches:
its share of each pass is printed beside it (a batch worker instead collects once after each plan,
outside the facts stage, and `python -m bench` times the stage without it).
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from advisor import collector
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
    print(f"{n} plans, facts stage first pass (cold text caches): {first:.3f} ms/plan (collector {first_gc:.3f})")
    print(f"{n} plans, facts stage best of {rounds}: {best:.3f} ms/plan (collector {best_gc:.3f})")


def _passes(plans: list[ValidatedPlan], rounds: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """ms per plan of the first pass and of the best of ``rounds`` further passes, each with the
    cyclic collector's part of it."""
    collecting = [0.0, 0.0]  # CPU time spent collecting, and when the collection running began

    def timed(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[1] = time.process_time()
        else:
            collecting[0] += time.process_time() - collecting[1]

    def one_pass() -> tuple[float, float]:
        collecting[0] = 0.0
        start = time.process_time()
        for vplan in plans:
            with collector.paused():
                extract(vplan)
        spent = time.process_time() - start
        return spent * 1000 / len(plans), collecting[0] * 1000 / len(plans)

    gc.callbacks.append(timed)
    try:
        return one_pass(), min(one_pass() for _ in range(rounds))
    finally:
        gc.callbacks.remove(timed)


if __name__ == "__main__":
    main()
