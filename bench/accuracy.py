"""Accuracy of the text readings and of the rules on hand-labelled data (``bench/labelled/``).

``python -m bench accuracy [--data DIR] [--split dev|holdout]`` prints, per split:

- per reading and label, precision and recall of the text layer on the labelled statements
  (``statements/<reading>.yaml``), and per reading their macro averages (the figures the
  tests hold floors on);
- per rule family, on the labelled full plans (``plans/<name>.yaml`` with ``<name>.expect.yaml``):
  how many expected findings were raised (``must``: recall) and how many findings planted as
  near misses were not (``must_not``). An expectation that names a rule merged into another
  (IN003 is part of IN015 since issue 14) counts the successor's findings, through the
  registry's aliases; an id retired without a successor (KS008) is not scored;
- every warning and error raised on the complete plans (there should be none).

The format of the data is described in ``bench/labelled/README.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from advisor.text import background, clarity, decision, direction, matching, measurable, statements
from advisor.text.numbers import read_number

DATA = Path(__file__).resolve().parent / "labelled"
SPLITS = ("dev", "holdout")


def _number(case: dict[str, Any]) -> str:
    reading = read_number(str(case["text"]), case.get("plan_lang"))
    if reading is None:
        return "none"
    if reading.ambiguous:
        return "ambiguous"
    return "value" if _same(reading.value, case["label"]) else f"wrong:{reading.value:g}"


def _same(value: float, label: object) -> bool:
    return isinstance(label, int | float) and not isinstance(label, bool) and abs(value - float(label)) < 1e-9


# reading -> what the text layer reads for a case
READERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "clarity": lambda c: clarity.clarity(c["text"]).label,
    "direction": lambda c: direction.direction(c["text"], [c["goal"]] if c.get("goal") else []).label,
    "goal_measurable": lambda c: measurable.goal_measurable(c["text"])[0].label,
    "indicator_measurable": lambda c: measurable.indicator_measurable(c["text"]).label,
    "background_problems": lambda c: background.problems(c["text"]).label,
    "background_assets": lambda c: background.assets(c["text"]).label,
    "decision": lambda c: decision.decision(c["text"]).label,
    "statement": lambda c: statements.statement(c["text"], c["topic"]).label,
    "match": lambda c: matching.match(c["text"], c["other"]).label,
    "number": _number,
}


def expected(reading: str, case: dict[str, Any]) -> str:
    """The label a case expects, in the reader's vocabulary (a number reads as "value")."""
    label = case["label"]
    if reading == "number":
        return "ambiguous" if label == "ambiguous" else "value"
    return str(label)


@dataclass
class Tally:
    """Counts for precision and recall per label: true positives, predicted, expected."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    expected: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)

    def add(self, want: str, got: str, text: str) -> None:
        self.expected[want] += 1
        self.predicted[got] += 1
        if want == got:
            self.tp[want] += 1
        else:
            self.misses.append(f"want {want}, read {got}: {text}")

    def labels(self) -> list[str]:
        return sorted(self.expected)

    def precision(self, label: str) -> float:
        return (
            self.tp[label] / self.predicted[label]
            if self.predicted[label]
            else (1.0 if not self.expected[label] else 0.0)
        )

    def recall(self, label: str) -> float:
        return self.tp[label] / self.expected[label] if self.expected[label] else 1.0

    def macro(self) -> tuple[float, float]:
        labels = self.labels()
        if not labels:
            return 1.0, 1.0
        return (
            sum(self.precision(x) for x in labels) / len(labels),
            sum(self.recall(x) for x in labels) / len(labels),
        )

    @property
    def n(self) -> int:
        return sum(self.expected.values())

    def below(self, precision: float, recall: float) -> list[str]:
        """The labels read below the floors, one line each ("vague: precision 0.91, recall
        0.97"): the tests that hold a labelled set to the floors per label print them."""
        return [
            f"{label}: precision {self.precision(label):.2f}, recall {self.recall(label):.2f}"
            for label in self.labels()
            if self.precision(label) < precision or self.recall(label) < recall
        ]


def load_statements(data: Path, splits: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Cases per reading, of the given splits only."""
    wanted = set(splits)
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((data / "statements").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        reading = doc["reading"]
        if reading not in READERS:
            raise SystemExit(f"{path}: unknown reading {reading!r}")
        out.setdefault(reading, []).extend(_flat(c) for c in doc["cases"] if c.get("split") in wanted)
    return out


def _flat(case: dict[str, Any]) -> dict[str, Any]:
    """A case's context (``goal``, ``topic``, ``other``...) may be written at the top or under
    ``context:``; the readers take it at the top."""
    context = case.get("context")
    if not isinstance(context, dict):
        return case
    return {**{k: v for k, v in case.items() if k != "context"}, **context}


def score_statements(cases: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Tally]]:
    """split -> reading -> tally."""
    out: dict[str, dict[str, Tally]] = defaultdict(dict)
    for reading, items in sorted(cases.items()):
        for case in items:
            tally = out[case["split"]].setdefault(reading, Tally())
            tally.add(expected(reading, case), READERS[reading](case), str(case["text"]))
    return out


@dataclass
class PlanResult:
    name: str
    split: str
    complete: bool
    keys: set[str]
    raised: list[tuple[str, str, str]]  # (severity, key, title) of warnings and errors
    must: list[tuple[str, bool]]
    must_not: list[tuple[str, bool]]
    error: str = ""


def current_key(expected_key: str) -> str | None:
    """``RULE[:subject]`` with the rule's current id: a rule merged into another is found under
    that rule's id (the registry's aliases: IN003 is IN015 since issue 14). None for an id
    retired without a successor (KS008), which no finding can carry."""
    from advisor.rules import RETIRED, by_id

    rule_id, sep, subject = expected_key.partition(":")
    if rule_id.upper() in RETIRED:
        return None
    rule = by_id().get(rule_id.upper())
    return f"{rule.id}{sep}{subject}" if rule is not None else expected_key


def _hit(expected_key: str, keys: set[str]) -> bool:
    """Is ``RULE``, ``RULE:subject`` or ``RULE:kind:subject`` among the finding keys? For an alias the successor's
    findings count. A rule whose findings now speak of another kind of fact (DP003 of a
    resource became DP001 of the reliance on a partner; DP007 moved from the plan to the
    decision) is matched on the rule alone: the expectation names a subject it no longer has."""
    key = current_key(expected_key)
    if key is None:
        return False
    rule_id, _, _ = key.partition(":")
    same_rule = {k for k in keys if k.split(":", 1)[0] == rule_id}
    if ":" not in key:
        return bool(same_rule)
    if key in keys or any(k.startswith(key + ":") for k in keys):
        return True
    rest = key.split(":")[1:]
    if len(rest) == 1:  # RULE:subject, the kind left out: the subject of a finding of that rule
        return any(k.split(":", 2)[2:] == rest for k in same_rule)
    kind = rest[0]
    return bool(same_rule) and not any(k.split(":")[1:2] == [kind] for k in same_rule)


def score_plans(data: Path, splits: Iterable[str]) -> list[PlanResult]:
    from advisor.problems import InputError
    from advisor.review import review_file

    wanted = set(splits)
    results = []
    for expect_path in sorted((data / "plans").glob("*.expect.yaml")):
        expect = yaml.safe_load(expect_path.read_text(encoding="utf-8"))
        if expect.get("split") not in wanted:
            continue
        name = expect_path.name[: -len(".expect.yaml")]
        plan = next(p for p in sorted(expect_path.parent.glob(name + ".*")) if not p.name.endswith(".expect.yaml"))
        try:
            review = review_file(plan)
        except InputError as exc:
            results.append(PlanResult(name, expect["split"], bool(expect.get("complete")), set(), [], [], [], str(exc)))
            continue
        keys = {f.key for f in review.findings}
        raised = [
            (f.severity, f.key, f.text("title", "en")) for f in review.findings if f.severity in ("error", "warning")
        ]
        results.append(
            PlanResult(
                name,
                expect["split"],
                bool(expect.get("complete")),
                keys,
                raised,
                # an id retired without a successor is not scored (nothing can raise it)
                [(k, _hit(k, keys)) for k in expect.get("must") or [] if current_key(k) is not None],
                [(k, not _hit(k, keys)) for k in expect.get("must_not") or [] if current_key(k) is not None],
            )
        )
    return results


def _pct(x: float) -> str:
    return f"{x * 100:5.1f}"


def report(tallies: dict[str, dict[str, Tally]], plans: list[PlanResult], misses: bool) -> str:
    lines: list[str] = []
    for split in SPLITS:
        if split not in tallies and not any(p.split == split for p in plans):
            continue
        lines.append(f"== {split} ==")
        lines.append("reading               label            n   prec  recall")
        for reading, tally in sorted(tallies.get(split, {}).items()):
            p, r = tally.macro()
            lines.append(f"{reading:<21} {'(macro)':<14} {tally.n:4d}  {_pct(p)}  {_pct(r)}")
            for label in tally.labels():
                lines.append(
                    f"{'':<21} {label:<14} {tally.expected[label]:4d}  "
                    f"{_pct(tally.precision(label))}  {_pct(tally.recall(label))}"
                )
            if misses:
                lines.extend(f"    - {m}" for m in tally.misses)
        lines.extend(_plan_lines([p for p in plans if p.split == split]))
    return "\n".join(lines) + "\n"


def _plan_lines(plans: list[PlanResult]) -> list[str]:
    if not plans:
        return []
    lines = ["", "rule family   must (raised/expected)   must_not (kept quiet/planted)"]
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for plan in plans:
        for key, ok in plan.must:  # counted in the family of the rule's current id
            families[(current_key(key) or key)[:2]][0] += ok
            families[(current_key(key) or key)[:2]][1] += 1
        for key, ok in plan.must_not:
            families[(current_key(key) or key)[:2]][2] += ok
            families[(current_key(key) or key)[:2]][3] += 1
    for family, (mo, mn, no, nn) in sorted(families.items()):
        lines.append(f"{family:<13} {mo:3d}/{mn:<3d}                  {no:3d}/{nn:<3d}")
    lines.append("")
    for plan in plans:
        missed = [k for k, ok in plan.must if not ok]
        wrong = [k for k, ok in plan.must_not if not ok]
        tag = "complete" if plan.complete else "flawed"
        lines.append(f"{plan.name} ({tag}){': ' + plan.error if plan.error else ''}")
        if missed:
            lines.append(f"    missed: {', '.join(missed)}")
        if wrong:
            lines.append(f"    raised though planted as a near miss: {', '.join(wrong)}")
        if plan.complete:
            for severity, key, title in plan.raised:
                lines.append(f"    {severity} on a complete plan: {key} {title}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        help="a folder of labelled data (repeatable; default bench/labelled); a folder with statements/ "
        "and no plans/ adds statements only",
    )
    parser.add_argument("--split", choices=SPLITS, action="append", help="only this split (repeatable)")
    parser.add_argument("--misses", action="store_true", help="list every statement read wrongly")
    parser.add_argument("--no-plans", action="store_true", help="statements only")
    args = parser.parse_args(argv)
    folders: list[Path] = args.data or [DATA]
    for folder in folders:
        if not (folder / "statements").is_dir():
            sys.stderr.write(f"{folder}: no labelled data (statements/ and plans/) here\n")
            return 2
    splits = args.split or list(SPLITS)
    cases: dict[str, list[dict[str, Any]]] = {}
    for folder in folders:
        for reading, items in load_statements(folder, splits).items():
            cases.setdefault(reading, []).extend(items)
    tallies = score_statements(cases)
    plans = [] if args.no_plans else [p for folder in folders for p in score_plans(folder, splits)]
    sys.stdout.write(report(tallies, plans, args.misses))
    return 0
