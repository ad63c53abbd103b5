"""The one module that knows durable-rules (2.0.28). Everything else speaks facts and firings.

What it guards against is recorded in ../shared/notes/durable-rules.md:
- a host whose background timer threads never start, used from one thread only;
- every rule registered once per process, in one ruleset, so derived facts chain across
  families;
- one session per plan, its state always deleted afterwards (a ruleset holds 1,024 sessions);
- a catch-all rule, so that a fact no rule matches does not abort the batch;
- exceptions raised in actions, which durable-rules swallows into the session state, are
  read back and raised;
- colliding fact ids (a 32-bit hash) retried with another salt;
- a session in which no action ever ran: durable-rules 2.0.28 leaves its action context
  uninitialised (createStateNode in state.c) and ``delete_state`` then frees a garbage
  pointer (heap corruption, abort or segfault depending on memory layout). Every session
  therefore opens with a sentinel fact whose rule fires a no-op action, which leaves the
  context freed and NULL.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from durable import engine as durable_engine
from durable.lang import c, m, when_all

from rules.base import Rule

RULESET = "advisor"
SESSION_FACT = "__session__"


@dataclass(frozen=True)
class Firing:
    """One rule that fired, with the facts its conditions matched (by alias)."""

    rule: Rule
    facts: dict[str, dict[str, Any]]

    @property
    def subject(self) -> dict[str, Any]:
        return self.facts[self.rule.subject]


class EngineError(RuntimeError):
    pass


# durable-rules has no stubs, so Host is Any to mypy; subclassing it is the point here.
class _QuietHost(durable_engine.Host):  # type: ignore[misc]
    """A host that starts no timer threads: all actions run on the caller's thread."""

    def _run(self) -> None:
        return None


class Engine:
    """Rules registered once; :meth:`evaluate` runs one plan's facts in an isolated session."""

    def __init__(self, rules: Sequence[Rule]):
        self.rules = tuple(rules)
        self._firings: dict[str, list[Firing]] = {}
        self._derived: dict[str, set[str]] = {}  # derived fact ids asserted, per session
        self._ids = itertools.count()
        self._thread = threading.get_ident()
        self._host = _QuietHost()
        self._host.register_rulesets({RULESET: self._definition()})

    def _definition(self) -> dict[str, Any]:
        opened = when_all(c.f << (m.kind == SESSION_FACT)).define()
        opened["run"] = self._session_opened
        definition: dict[str, Any] = {"aa_session_opened": opened}
        for index, rule in enumerate(self.rules):
            expression = when_all(*rule.when()).define()
            expression["run"] = self._action(rule)
            definition[f"r{index:03d}_{rule.id}"] = expression
        # Matches every fact and never fires: without it an unmatched fact raises
        # MessageNotHandledException before any action runs.
        catch_all = when_all(c.any << +m.kind, c.never << (m.kind == "__never__")).define()
        catch_all["run"] = self._never
        definition["zz_catch_all"] = catch_all
        return definition

    @staticmethod
    def _session_opened(_: Any) -> None:
        return None

    @staticmethod
    def _never(_: Any) -> None:
        raise EngineError("the catch-all rule fired")

    def _action(self, rule: Rule) -> Any:
        # A one-argument function: durable-rules treats two-argument actions as asynchronous.
        aliases = _aliases(rule)

        def act(context: Any) -> None:
            matched = {}
            for alias in aliases:
                content = getattr(context, alias)
                if content is not None:
                    matched[alias] = {k: v for k, v in content.items() if k != "sid"}
            firing = Firing(rule, matched)
            self._firings[context.s.sid].append(firing)
            if rule.asserts:
                subject = firing.subject
                about = subject[rule.key_by] if rule.key_by else subject["id"]
                derived_id = f"{rule.asserts}:{about}"
                asserted = self._derived[context.s.sid]
                if derived_id in asserted:
                    return  # another rule already concluded the same about this subject
                asserted.add(derived_id)
                counter = f"n_{rule.asserts}"
                ordinal = (context.s[counter] or 0) + 1
                context.s[counter] = ordinal
                derived = {k: subject[k] for k in rule.carries if k in subject}
                derived.update(
                    kind=rule.asserts,
                    id=derived_id,
                    path=subject.get("path", ""),
                    ordinal=ordinal,
                    source_rule=rule.id,
                    source_subject=subject["id"],  # the finding it comes from is source_rule:source_subject
                    evidence=subject.get("evidence", ""),
                )
                context.assert_fact(derived)

        return act

    def evaluate(self, facts: Sequence[dict[str, Any]]) -> list[Firing]:
        """Assert one plan's facts in a fresh session and return every firing."""
        if threading.get_ident() != self._thread:
            raise EngineError("an Engine must be used from the thread that created it")
        for salt in range(3):
            sid = f"p{next(self._ids)}"
            self._firings[sid] = []
            self._derived[sid] = set()
            batch = [{"kind": SESSION_FACT, "id": f"{SESSION_FACT}#{salt}", "sid": sid}]
            batch += [{**fact, "id": f"{fact['id']}#{salt}" if salt else fact["id"], "sid": sid} for fact in facts]
            try:
                self._host.assert_facts(RULESET, batch)
                state = self._host.get_state(RULESET, sid)
                if "exception" in state:
                    if "MessageObservedException" in str(state["exception"]):
                        continue  # a derived fact's id collided in the 32-bit hash: salt and retry
                    raise EngineError(f"a rule action failed: {state['exception']}")
                return self._firings[sid]
            except durable_engine.MessageObservedException:
                continue  # two fact ids collided in durable-rules' 32-bit hash: salt and retry
            finally:
                self._firings.pop(sid, None)
                self._derived.pop(sid, None)
                # a session that never started has no state to delete
                with contextlib.suppress(Exception):
                    self._host.delete_state(RULESET, sid)
        raise EngineError("fact ids kept colliding in the rule engine")


def _aliases(rule: Rule) -> list[str]:
    names = []
    for condition in rule.when():
        alias = getattr(condition, "alias", None)
        if alias:
            names.append(alias)
    return names or ["m"]


_engines: dict[tuple[Any, ...], Engine] = {}


def engine_for(rules: Sequence[Rule], variant: Hashable = ()) -> Engine:
    """The process's engine for this rule set (registration costs memory that is never freed).
    ``variant`` names whatever else the conditions read when registered (threshold overrides)."""
    key = (tuple(r.id for r in rules), variant)
    if key not in _engines:
        _engines[key] = Engine(rules)
    return _engines[key]


def any_engine() -> bool:
    """Whether this process has registered rules on a host (a forked child must not inherit one)."""
    return bool(_engines)
