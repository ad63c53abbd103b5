"""Time the facts stage per plan over the bench corpus and the examples: the first pass (text
caches cold, as `advisor batch --jobs 1` meets the corpus) and the best of N further passes.

Usage: python tools/time_facts.py [n_plans | corpus_folder] [rounds]
(a folder: its *.yaml plans, e.g. /work/wt/baseline/corpus, instead of a generated corpus)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from advisor.facts import extract
from advisor.problems import InputError
from advisor.review import load_plan
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
    start = time.process_time()
    for vplan in plans:
        extract(vplan)
    first = time.process_time() - start
    print(f"{len(plans)} plans, facts stage first pass (cold text caches): {first * 1000 / len(plans):.3f} ms/plan")
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for vplan in plans:
            extract(vplan)
        best = min(best, time.process_time() - start)
    print(f"{len(plans)} plans, facts stage best of {rounds}: {best * 1000 / len(plans):.3f} ms/plan")


if __name__ == "__main__":
    main()
