"""Diagnosis exercises for new cooperation staff.

A trainee reads a flawed plan, names the problems they see (rule ids, or numbers from the
catalogue), and the answer is scored against the engine's own findings by the problem, not the
exact code: an old id is read through the registry's aliases, and a code of the same concept
(family and planning step: IN015 "indicator incomplete" for an indicator the engine reports as
IN010 "target points the wrong way") counts as finding that problem. Hits, misses and false
alarms are told in plain words. Missed problems are explained with the finding's
place, message, reason and recommendation. A trainer adds an exercise by dropping a plan into
the exercises folder (default ``knowledge/exercises``); nothing else needs registering.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from advisor import knowledge, rules
from advisor.catalogue import UnknownRule, find_rule
from advisor.findings import Review
from advisor.rules.base import SEVERITY_RANK
from advisor.terminal import display_name

EXERCISES_DIR = knowledge.knowledge_path("exercises")
PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx", ".xlsm")
_SEPARATORS = re.compile(r"[\s,;]+")


class NoExercises(LookupError):
    """The exercise folder holds no plan (its path is the message)."""

    pass


def discover(folder: Path) -> list[Path]:
    """Every plan in ``folder``, in name order (hidden files and sub-folders ignored)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in PLAN_SUFFIXES and not p.name.startswith(".")
    )


def pick(folder: Path, seed: int | None) -> Path:
    """One plan of ``folder`` at random (the same one for the same ``seed``); raises
    :class:`NoExercises` when there is none."""
    plans = discover(folder)
    if not plans:
        raise NoExercises(str(folder))
    chooser = random.Random(seed) if seed is not None else random.SystemRandom()
    return chooser.choice(plans)


def expected(review: Review, min_severity: str) -> tuple[str, ...]:
    """The rule ids the trainee should find: the engine's active findings at or above
    ``min_severity``."""
    limit = SEVERITY_RANK[min_severity]
    return tuple(sorted({f.rule_id for f in review.active() if SEVERITY_RANK[f.severity] <= limit}))


def names(folder: Path) -> tuple[str, ...]:
    """The exercise plans by name (what ``--plan`` accepts), not by where they are installed."""
    return tuple(display_name(path.relative_to(folder)) for path in discover(folder))


def choices() -> tuple[str, ...]:
    """The catalogue as the trainee sees it numbered: rule ids in catalogue order."""
    return tuple(r.id for r in rules.all_rules())


def parse_answer(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``"PH001, 3 rl002"`` -> (rule ids, tokens that name no rule). Numbers refer to
    :func:`choices`; ids are matched without regard to case, aliases and names too."""
    numbered = choices()
    found: list[str] = []
    unknown: list[str] = []
    for token in (t for t in _SEPARATORS.split(text) if t):
        if token.isdigit() and 1 <= int(token) <= len(numbered):
            found.append(numbered[int(token) - 1])
            continue
        try:
            found.append(find_rule(token).id)
        except UnknownRule:
            unknown.append(token)
    return tuple(dict.fromkeys(found)), tuple(unknown)


def concept(rule_id: str) -> tuple[str, str]:
    """What a rule is about, for scoring: its family and planning step."""
    rule = rules.get(rule_id)
    return (rule.family, rule.step)


@dataclass(frozen=True)
class Score:
    """A trainee's answer (rule ids) against the engine's findings on the plan."""

    expected: tuple[str, ...]  # fired at or above the exercise's severity
    answered: tuple[str, ...]
    present: tuple[str, ...]  # fired at any severity

    @property
    def near(self) -> tuple[tuple[str, str], ...]:
        """(answered, expected) pairs: an answer naming the problem by a neighbouring code of
        the same concept, each expected problem matched once, exact answers first."""
        open_ = [r for r in self.expected if r not in self.answered]
        pairs = []
        for answer in self.answered:
            if answer in self.present:
                continue  # exact, or a minor finding: it is not another problem's name
            match = next((r for r in open_ if concept(r) == concept(answer)), None)
            if match is not None:
                open_.remove(match)
                pairs.append((answer, match))
        return tuple(pairs)

    @property
    def hits(self) -> tuple[str, ...]:
        """Expected rules the trainee named, exactly or by a neighbouring code (:attr:`near`)."""
        found = set(self.answered) | {expected for _, expected in self.near}
        return tuple(r for r in self.expected if r in found)

    @property
    def misses(self) -> tuple[str, ...]:
        """Expected rules the trainee did not name."""
        return tuple(r for r in self.expected if r not in self.hits)

    @property
    def minor(self) -> tuple[str, ...]:
        """Named, and found by the engine, but below the exercise's severity: not scored."""
        return tuple(r for r in self.answered if r in self.present and r not in self.expected)

    @property
    def false_alarms(self) -> tuple[str, ...]:
        """Rules named that the engine did not find at any severity, nor near an expected one."""
        near = {answer for answer, _ in self.near}
        return tuple(r for r in self.answered if r not in self.present and r not in near)

    @property
    def precision(self) -> float:
        """Hits over hits and false alarms; 1.0 when the trainee named nothing scored."""
        # Naming nothing raises no false alarm: precision is perfect, recall tells the rest.
        scored = len(self.hits) + len(self.false_alarms)
        return len(self.hits) / scored if scored else 1.0

    @property
    def recall(self) -> float:
        """Hits over the expected rules; 1.0 when the plan has none to find."""
        return len(self.hits) / len(self.expected) if self.expected else 1.0


def score(answer: Iterable[str], review: Review, min_severity: str = "warning") -> Score:
    """Score the rule ids the trainee named against ``review``: rules below ``min_severity`` are
    neither expected nor false alarms."""
    present = tuple(sorted({f.rule_id for f in review.active()}))
    return Score(expected(review, min_severity), tuple(sorted(set(answer))), present)


# --- what the trainee sees -------------------------------------------------------------------


def plan_text(path: Path, lang: str) -> str:
    """The plan as shown to the trainee: its own text, or a workbook's data as YAML. Raises
    :class:`advisor.problems.InputError`."""
    from advisor.loader import read_text
    from advisor.sources.registry import is_workbook

    if not is_workbook(path):
        return read_text(path, display_name(path))
    from advisor import api
    from advisor.settings import Settings
    from advisor.sources.convert import key_language, to_yaml
    from advisor.sources.registry import read_plan

    data = api.load(path, Settings(lang=lang)).data
    return to_yaml(data, key_language(read_plan(path, display_name(path))))
