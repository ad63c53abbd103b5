"""Valid plans that used to abort the process inside durable-rules' C code (0.1.0): the same
partner twice in one list, ids joined by ``:`` into one, ids colliding in the engine's 32-bit
FNV-1a hash. Each case runs in a subprocess: a crash must fail its test, not take pytest down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from advisor.engine import fnv1a_32

PARTNERS = (
    "partners:\n  - {id: %s, name: Pemkab, pillar: government, responsibilities: [menyusun anggaran]}\n"
    "  - {id: %s, name: Kampus, pillar: academia, responsibilities: [melatih warga]}\n"
)


# Found once by a birthday search over "m0", "m1", ... (about a million tries each, seconds in
# Python); each test checks that they still collide, so the pairs cannot go stale silently.
COLLIDING = {"": ("p2039599", "p2222382"), "partner:": ("m280918", "m1142044")}


def _colliding(prefix: str) -> tuple[str, str]:
    """Two ids whose ``prefix + id`` collide in the engine's hash."""
    first, second = COLLIDING[prefix]
    assert fnv1a_32(prefix + first) == fnv1a_32(prefix + second)
    return first, second


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor", *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_hash_is_the_engines_own() -> None:
    # Two ids that collide under fnv1a_32 are refused by the engine as one fact (code 2,
    # ERR_EVENT_OBSERVED), two that do not are both taken: the reimplementation is exact.
    first, second = _colliding("")
    script = textwrap.dedent(
        f"""
        import json
        from advisor.durable import durable_rules_engine as n
        from advisor.durable.lang import c, m, when_all
        h = n.create_ruleset("t", json.dumps({{"r": when_all(c.f << (m.kind == "x")).define()}}))
        fact = lambda sid, ident: {{"kind": "x", "id": ident, "sid": sid}}
        pair = lambda sid, a, b: json.dumps([fact(sid, a), fact(sid, b)])
        print(n.assert_facts(h, pair("s1", {first!r}, {second!r}))[0], n.assert_facts(h, pair("s2", "f1", "f2"))[0])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.stdout.split() == ["2", "0"], done.stderr[-500:]


def _crash_cases() -> dict[str, str]:
    a, b = _colliding("partner:")
    colliding = "title: Forum desa\n" + PARTNERS % (a, b)
    colliding += f"activities:\n  - {{id: a1, name: Pelatihan warga, lead: {a}, support: [{b}]}}\n"
    colon = "title: Forum desa\n" + PARTNERS % ("p", '"lead:p"')
    colon += 'activities:\n  - {id: "a:lead", name: Rapat koordinasi, lead: p}\n'
    colon += '  - {id: a, name: Rapat evaluasi, lead: "lead:p"}\n'
    return {"hash_collision": colliding, "colon_in_ids": colon}


@pytest.mark.parametrize("case", sorted(_crash_cases()))
def test_plans_that_crashed_the_engine_are_reviewed(tmp_path: Path, case: str) -> None:
    plan = tmp_path / f"{case}.yaml"
    plan.write_text(_crash_cases()[case], encoding="utf-8")
    done = _run("check", str(plan), "--format", "json")
    assert done.returncode in (0, 1), done.stderr[-1000:]
    report = json.loads(done.stdout)
    assert report["failures"] == [] and len(report["reviews"]) == 1
    if case == "colon_in_ids":  # two roles, two findings: the separator no longer joins their ids
        keys = {f["key"] for f in report["reviews"][0]["findings"] if f["rule"] == "RL005"}
        assert keys == {"RL005:role:a%3Alead:lead:p", "RL005:role:a:lead:lead%3Ap"}


def test_a_partner_listed_twice_is_an_input_problem_with_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "twice.yaml"
    plan.write_text(
        "title: Forum desa\n" + PARTNERS % ("p", "q") + "activities:\n  - id: a\n    lead: [p, p]\n"
        "    support:\n      - q\n      - q\n",
        encoding="utf-8",
    )
    for command in ("validate", "check"):
        done = _run(command, str(plan), "--lang", "en")
        assert done.returncode == 2, done.stderr[-1000:]
        lines = (done.stdout + done.stderr).splitlines()  # check reports failures in its report
        assert any(f"{plan}:7:15:" in line and "`p` is already listed on line 7" in line for line in lines), lines
        assert any(f"{plan}:10:9:" in line and "`q` is already listed on line 9" in line for line in lines), lines
        assert "Traceback" not in done.stderr


def test_the_same_fact_twice_does_not_crash_the_engine() -> None:
    # What a partner listed twice in one `support` made before validation refused it: two role
    # facts with one id. A library caller can still hand the engine such facts.
    script = textwrap.dedent(
        """
        from advisor import rules
        from advisor.engine import engine_for
        role = {"kind": "role", "id": "role:a:support:p", "role": "support", "matched": False, "path": ""}
        for _ in range(50):
            firings = engine_for(rules.all_rules()).evaluate([{"kind": "plan", "id": "plan:plan"}, role, dict(role)])
        print("clean", sum(f.rule.id == "RL005" for f in firings))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-1000:]
    assert done.stdout.split()[0] == "clean"
