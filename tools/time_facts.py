"""Time the facts stage per plan over the bench corpus and the examples: the first pass (text
caches cold, as `advisor batch --jobs 1` meets the corpus) and the best of N further passes.

Usage: python tools/time_facts.py [n_plans | corpus_folder] [rounds]
(a folder: its *.yaml plans, e.g. /work/wt/baseline/corpus, instead of a generated corpus)

Each plan's facts are extracted as ``review_file`` does it, with the cyclic collector paused
(advisor/collector.py), and the plans loaded here are frozen out of the collector's passes as a
batch worker freezes what it holds at its start: a batch streams its plans, and the collector
walking three hundred loaded plans at every full pass is this tool's cost, not the stage's.
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
    first, best = _passes(plans, rounds)
    print(f"{len(plans)} plans, facts stage first pass (cold text caches): {first:.3f} ms/plan")
    print(f"{len(plans)} plans, facts stage best of {rounds}: {best:.3f} ms/plan")


def _passes(plans: list[ValidatedPlan], rounds: int) -> tuple[float, float]:
    """ms per plan of the first pass and of the best of ``rounds`` further passes."""

    def one_pass() -> float:
        start = time.process_time()
        for vplan in plans:
            with collector.paused():
                extract(vplan)
        return (time.process_time() - start) * 1000 / len(plans)

    return one_pass(), min(one_pass() for _ in range(rounds))


if __name__ == "__main__":
    main()
