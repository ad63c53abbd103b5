"""Work bounded by the input limits: a plan listing hundreds of partners in each of hundreds of
activities (a 1 MB file inside every size limit) used to take about 2 GB; the number of things
a review reasons about is now capped, the cap is named when a plan exceeds it, and a plan just
under it is reviewed within a few hundred MB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from advisor.validate import MAX_SUBJECTS

PILLARS = ("government", "industry", "academia", "community", "media")


def _crowded(partners: int, activities: int) -> str:
    """Every partner supports every activity: roles grow with partners x activities."""
    lines = ["title: Forum besar", "partners:"]
    for i in range(partners):
        lines.append(f"  - {{id: p{i}, name: Mitra {i}, pillar: {PILLARS[i % 5]}, responsibilities: [melapor {i}]}}")
    support = ", ".join(f"p{i}" for i in range(1, partners))
    lines.append("activities:")
    lines += [f"  - {{id: a{j}, name: Kegiatan {j}, lead: p0, support: [{support}]}}" for j in range(activities)]
    return "\n".join(lines) + "\n"


MEASURED = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "advisor", *sys.argv[1:]], capture_output=True, text=True)
sys.stdout.write(done.stdout + done.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)  # its largest process, in MB
sys.exit(done.returncode)
"""


def _advisor(*args: str) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run the command line in a fresh parent; also the peak memory (MB) of its largest process."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], capture_output=True, text=True, timeout=120, check=False
    )
    *_, peak = done.stdout.split()
    return done, int(peak)


def test_a_plan_beyond_the_budget_is_refused_naming_the_limit(tmp_path: Path) -> None:
    plan = tmp_path / "besar.yaml"
    plan.write_text(_crowded(300, 300), encoding="utf-8")  # 90,600 subjects in 0.55 MB
    assert plan.stat().st_size < 1_000_000
    for command in ("validate", "check"):
        done, _ = _advisor(command, str(plan), "--lang", "en")
        assert done.returncode == 2
        (line,) = [x for x in (done.stdout + done.stderr).splitlines() if "90600" in x]
        assert line.startswith(f"{plan}: ") and f"the limit is {MAX_SUBJECTS}" in line


def test_a_plan_just_within_the_budget_stays_within_a_few_hundred_mb(tmp_path: Path) -> None:
    plan = tmp_path / "penuh.yaml"
    plan.write_text(_crowded(100, 48), encoding="utf-8")  # 4,900 subjects, 4,800 of them roles
    done, peak = _advisor("check", str(plan), "-o", f"json={tmp_path / 'r.json'}")
    assert done.returncode == 1, done.stderr[-1000:]
    assert peak < 400, peak
