"""The one module that knows durable-rules (2.0.28). Everything else speaks facts and firings,
and writes conditions in the project's vocabulary (advisor/rules/conditions.py), translated
here (:func:`translate`) with the options' values of the engine's settings.

What it guards against is recorded in ../shared/notes/durable-rules.md:
- no ``durable.engine.Host``: its timer threads would run actions on another thread, so the
  session loop calls the C engine itself, on the thread that created the engine; each thread
  gets engines of its own (:func:`engine_for`), a few option sets at most, freed when dropped;
- every rule in one ruleset, so derived facts chain across families;
- one session per plan, its state always deleted afterwards (a ruleset holds 1,024 sessions);
- a catch-all rule, so that a fact no rule matches does not abort the batch;
- an exception raised in an action abandons the action and surfaces as EngineError (the
  wrapper would have swallowed it into the session state);
- fact ids that cannot collide: the engine indexes a session's facts by the 32-bit FNV-1a hash
  of their id and, given two facts whose ids hash alike (the same id twice, or two ids that
  collide), aborts the process when the session is deleted. A plan's own ids are never sent:
  each fact gets a short id of the session (``f1``, ``f2``...), checked with the engine's own
  hash (:func:`fnv1a_32`) before it is used, and mapped back to the plan's fact here;
- a session in which no action ever ran: durable-rules 2.0.28 leaves its action context
  uninitialised (createStateNode in state.c) and ``delete_state`` then frees a garbage
  pointer (heap corruption, abort or segfault depending on memory layout). Every session
  therefore opens with a sentinel fact whose rule fires a no-op action, which leaves the
  context freed and NULL.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import operator
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from advisor.durable import durable_rules_engine as _native  # durable-rules' C engine; advisor.durable.engine wraps it
from advisor.durable.lang import c, cap, m, when_all
from advisor.rules.base import Rule
from advisor.rules.conditions import And, Compare, Fact, Operand, Option, Or, Own, Present, Ref, Test, reads

try:  # a dependency; the standard encoder stands in if it is ever missing
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]

RULESET = "advisor"
SESSION_FACT = "__session__"
# Result codes of durable_rules_engine.assert_fact(s) (rules.h)
_NOT_HANDLED = 1
_OBSERVED = 2
# cap(n) on every rule: durable-rules hands an action every match of its rule found so far (up
# to n) in one message, instead of one action, one JSON message and one round trip per match.
_CAP = 10_000


@dataclass(frozen=True)
class Firing:
    """One rule that fired, with the facts its conditions matched (by alias)."""

    rule: Rule
    facts: dict[str, dict[str, Any]]

    @property
    def subject(self) -> dict[str, Any]:
        """The matched fact the rule's finding is about (its ``subject`` alias)."""
        return self.facts[self.rule.subject]


class EngineError(RuntimeError):
    """The rule engine failed or was misused: a fault in the rules or the advisor, not in a plan."""

    pass


def fnv1a_32(text: str) -> int:
    """The hash durable-rules indexes a session's facts by (``fnv1Hash32`` in state.c, over the
    id's bytes as written in the JSON message). Only ASCII ids are hashed here: C's ``char`` is
    signed on most platforms, which this does not reproduce for bytes over 127."""
    value = 0x811C9DC5
    for byte in text.encode("ascii"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


class _Ids:
    """The engine ids a session gives its facts, in order: ``f1``, ``f2``... skipping any whose
    hash an earlier one has. Every session starts from the first, so the sequence is the same
    for all: computed once, as far as the largest plan needs, instead of hashed per fact."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._hashes: set[int] = set()
        self._counter = 0

    def first(self, count: int) -> list[str]:
        """The first ``count`` ids (the list itself: read it, do not change it)."""
        while len(self.ids) < count:
            self._counter += 1
            ident = f"f{self._counter}"
            digest = fnv1a_32(ident)
            if digest not in self._hashes:
                self._hashes.add(digest)
                self.ids.append(ident)
        return self.ids


@dataclass
class _Session:
    """What one plan's session collects on the Python side."""

    sid: str
    ids: _Ids
    facts: dict[str, dict[str, Any]] = field(default_factory=dict)  # whole facts by engine id
    firings: list[Firing] = field(default_factory=list)
    derived: set[str] = field(default_factory=set)  # derived fact ids asserted
    ordinals: dict[str, int] = field(default_factory=dict)  # derived facts asserted, per kind
    counter: int = 0  # ids given so far
    opened: bool = False  # the sentinel's action ran: the session's state may be deleted

    def new_id(self) -> str:
        """The session's next id (unique under the engine's hash among the session's ids)."""
        ident = self.ids.first(self.counter + 1)[self.counter]
        self.counter += 1
        return ident


class Engine:
    """Rules registered once; :meth:`evaluate` runs one plan's facts in an isolated session.

    Matching, joins and the agenda are durable-rules' C engine (``durable_rules_engine``, the
    module ``durable.engine`` wraps). The session loop below drives it directly instead of
    through ``durable.engine.Host``: that wrapper builds a closure and a state object, reads the
    clock twice and re-sends the session state as JSON around every action (about two thirds of
    the time a plan spent in the engine), and starts timer threads. The calls and their order
    are the wrapper's own: assert the facts, start the first action for the session, run it,
    complete it and start the next, until none is left.
    """

    def __init__(self, rules: Sequence[Rule], options: Mapping[str, Any] | None = None):
        self.rules = tuple(rules)
        self.options = dict(options or {})
        self._ids = itertools.count()
        self._fact_ids = _Ids()
        self._thread = threading.get_ident()
        self._actions: dict[str, Callable[[dict[str, Any], _Session], None]] = {}
        definition = self._definition()
        # The engine is sent only the attributes some condition reads of a fact of that kind;
        # the rest of a fact (evidence, names, paths: what messages quote) stays here and is
        # handed back with the firing. Most of a plan's fact text is never matched on, and
        # every byte sent is serialised, parsed and hashed on the way in and serialised and
        # parsed on the way out. A kind no condition names is sent as its kind and id alone.
        self._read = _read_by_kind(self.rules)
        self._read_none = frozenset({"kind", "id"})
        self._handle: int = _native.create_ruleset(RULESET, json.dumps(definition, ensure_ascii=False))
        # The ruleset's memory (about 1 MiB for the shipped rules) is the C engine's: freed by
        # close() (an engine evicted from its thread's cache) or when the engine is collected
        # (its thread ended). Not at exit.
        self._free = weakref.finalize(self, _native.delete_ruleset, self._handle)
        self._free.atexit = False

    def close(self) -> None:
        """Free the ruleset; the engine cannot evaluate any more."""
        self._free()

    def _definition(self) -> dict[str, Any]:
        definition: dict[str, Any] = {"aa_session_opened": when_all(c.f << (m.kind == SESSION_FACT)).define()}
        self._actions["aa_session_opened"] = _session_opened
        for index, rule in enumerate(self.rules):
            name = f"r{index:03d}_{rule.id}"
            definition[name] = when_all(cap(_CAP), *(translate(f, self.options) for f in rule.conditions)).define()
            self._actions[name] = self._action(rule)
        # Matches every fact and never fires: without it an unmatched fact is refused
        # (ERR_EVENT_NOT_HANDLED) before any action runs.
        definition["zz_catch_all"] = when_all(c.any << +m.kind, c.never << (m.kind == "__never__")).define()
        self._actions["zz_catch_all"] = _never
        return definition

    def _action(self, rule: Rule) -> Callable[[dict[str, Any], _Session], None]:
        aliases = _aliases(rule)

        def act(frames: Any, session: _Session) -> None:
            for frame in frames if isinstance(frames, list) else (frames,):
                one(frame, session)

        def one(frame: dict[str, Any], session: _Session) -> None:
            matched = {}
            for alias in aliases:
                fact = frame.get(alias)
                if fact is not None:
                    matched[alias] = session.facts[fact["id"]]
            firing = Firing(rule, matched)
            session.firings.append(firing)
            if rule.asserts:
                self._assert_derived(rule, firing.subject, session)

        return act

    def _assert_derived(self, rule: Rule, subject: dict[str, Any], session: _Session) -> None:
        about = subject[rule.key_by] if rule.key_by else subject["id"]
        derived_id = f"{rule.asserts}:{about}"
        if derived_id in session.derived:
            return  # another rule already concluded the same about this subject
        session.derived.add(derived_id)
        assert rule.asserts is not None
        ordinal = session.ordinals.get(rule.asserts, 0) + 1
        session.ordinals[rule.asserts] = ordinal
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
        code, _ = _native.assert_fact(self._handle, _dumps(self._sent(derived, session)))
        if code == _OBSERVED:  # cannot happen with ids unique under the engine's hash
            raise EngineError("the rule engine refused a derived fact as already observed")

    def evaluate(self, facts: Sequence[dict[str, Any]]) -> list[Firing]:
        """Assert one plan's facts in a fresh session and return every firing."""
        if threading.get_ident() != self._thread:
            raise EngineError("an Engine must be used from the thread that created it")
        if not self._free.alive:
            raise EngineError("this Engine was closed")
        session = _Session(sid=f"p{next(self._ids)}", ids=self._fact_ids)
        batch = [self._sent({"kind": SESSION_FACT, "id": SESSION_FACT}, session)]
        # _sent for each fact, inlined: this loop is a third of the engine's time a plan
        ids = self._fact_ids.first(len(facts) + 1)
        kept, sid, read_of, none = session.facts, session.sid, self._read.get, self._read_none
        for ident, fact in zip(ids[1 : len(facts) + 1], facts, strict=True):  # ids[0]: the sentinel
            kept[ident] = fact
            read = read_of(fact.get("kind"), none)  # type: ignore[arg-type]
            sent = {k: v for k, v in fact.items() if k in read}
            sent["id"] = ident
            sent["sid"] = sid
            batch.append(sent)
        session.counter = len(facts) + 1
        try:
            code, state = _native.assert_facts(self._handle, _dumps(batch))
            if code == _OBSERVED:  # cannot happen with ids unique under the engine's hash
                raise EngineError("the rule engine refused a fact as already observed")
            if code == _NOT_HANDLED:
                raise EngineError("a fact matched no rule, not even the catch-all")
            self._run_actions(state, session)
            return session.firings
        finally:
            # Only a session whose sentinel fired can be deleted (a quiet one aborts the
            # process); one that could not open is left to the engine, a leak and no crash.
            if session.opened:
                with contextlib.suppress(Exception):
                    _native.delete_state(self._handle, session.sid)

    def _sent(self, fact: dict[str, Any], session: _Session) -> dict[str, Any]:
        """The part of ``fact`` the engine is given, under an id of the session's own; the
        whole fact is kept here by that id."""
        ident = session.new_id()
        session.facts[ident] = fact
        read = self._read.get(fact.get("kind"), self._read_none)  # type: ignore[arg-type]
        sent = {k: v for k, v in fact.items() if k in read}
        sent["id"] = ident
        sent["sid"] = session.sid
        return sent

    def _run_actions(self, state: int, session: _Session) -> None:
        started = _native.start_action_for_state(self._handle, state)
        message = started[1] if started else None
        while message is not None:
            ((name, frame),) = _loads(message).items()
            try:
                self._actions[name](frame, session)
            except Exception as exc:
                _native.abandon_action(self._handle, state)
                if isinstance(exc, EngineError):
                    raise
                raise EngineError(f"the action of {name} failed: {exc!r}") from exc
            message = _native.complete_and_start_action(self._handle, state)


def _session_opened(frame: dict[str, Any], session: _Session) -> None:
    session.opened = True


def _never(frame: dict[str, Any], session: _Session) -> None:
    raise EngineError("the catch-all rule fired")


def _read_by_kind(rules: Sequence[Rule]) -> dict[str, frozenset[str]]:
    """Kind -> the attributes some condition reads of a fact of that kind: those a pattern of
    that kind tests, and those a later pattern reads of it through its alias (``c.f.pillar``).
    A fact's other attributes cannot change what matches: the engine is not sent them."""
    read: dict[str, set[str]] = {}
    for rule in rules:
        kinds = {fact.alias: fact.kind for fact in rule.conditions}
        for fact in rule.conditions:
            read.setdefault(fact.kind, {"kind", "id"})
            for attribute, alias in reads(fact.test):
                read.setdefault(kinds.get(alias, fact.kind) if alias else fact.kind, {"kind", "id"}).add(attribute)
    read.setdefault(SESSION_FACT, {"kind", "id"})
    return {kind: frozenset(attributes) for kind, attributes in read.items()}


def _dumps(value: Any) -> str:
    """JSON text for the engine, by orjson (ten times faster): the standard encoder's text
    without the blanks after ``,`` and ``:`` and for a float's exponent (``1e16`` for
    ``1e+16``), which the engine reads alike. What orjson would write otherwise (``null`` for a
    float that is not finite, where the standard encoder writes ``NaN``) or cannot encode
    (subclasses, integers over 64 bits, lone surrogates) is encoded the standard way."""
    if _orjson is not None:
        try:
            text = _orjson.dumps(value, option=_orjson.OPT_PASSTHROUGH_SUBCLASS)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
        else:
            if b"null" not in text:  # facts hold no None: a null is a float that is not finite
                return text.decode()
    return json.dumps(value, ensure_ascii=False)


def _loads(text: str) -> Any:
    """The engine's JSON message as Python values (orjson, the standard decoder where orjson
    refuses a value: an integer over 64 bits, ``NaN``)."""
    if _orjson is not None:
        try:
            return _orjson.loads(text)
        except _orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _aliases(rule: Rule) -> list[str]:
    return [fact.alias for fact in rule.conditions] or ["m"]


# --- the condition vocabulary (advisor/rules/conditions.py) in durable-rules' DSL -------------

_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def translate(fact: Fact, options: Mapping[str, Any]) -> Any:
    """One pattern as a durable-rules condition (``c.<alias> << ...``), options resolved."""
    return getattr(c, fact.alias) << _test(fact.test, options)


def _test(test: Test, options: Mapping[str, Any]) -> Any:
    if isinstance(test, And):
        return _test(test.left, options) & _test(test.right, options)
    if isinstance(test, Or):
        return _test(test.left, options) | _test(test.right, options)
    if isinstance(test, Present):
        return +getattr(m, test.attribute)
    if not isinstance(test, Compare):
        raise EngineError(f"not a test of the condition vocabulary (advisor/rules/conditions.py): {test!r}")
    return _OPERATORS[test.op](getattr(m, test.attribute), _operand(test.value, options))


def _operand(value: Operand, options: Mapping[str, Any]) -> Any:
    if isinstance(value, Own):
        return getattr(m, value.attribute)
    if isinstance(value, Ref):
        return getattr(getattr(c, value.alias), value.attribute)
    if isinstance(value, Option):
        if value.name not in options:
            raise EngineError(f"a condition reads the option {value.name!r}, which has no value")
        number = options[value.name]
        return round(number * 100) if value.type == "share" else number
    return value


# Engines are made on demand, one set per thread (a durable-rules ruleset is used from the
# thread that made it), each for one set of option values. A thread keeps the engines of its
# last ENGINES_PER_THREAD option sets: registering costs 4-6 ms and about 1 MiB, freed when
# the engine is dropped, so the bound caps a thread's engines at a few MiB while a batch,
# which has one option set, never registers twice.
ENGINES_PER_THREAD = 4
_local = threading.local()
_any_made = False


def engine_for(rules: Sequence[Rule], overrides: tuple[tuple[str, Any], ...] = ()) -> Engine:
    """This thread's engine for these rules, with the options' defaults (the rules' declared
    options) replaced by ``overrides`` (a team config's, as sorted (name, value) pairs)."""
    global _any_made
    cache: OrderedDict[tuple[Any, ...], Engine] = _local.__dict__.setdefault("engines", OrderedDict())
    key = (tuple(r.id for r in rules), overrides)
    engine = cache.get(key)
    if engine is not None:
        cache.move_to_end(key)
        return engine
    engine = Engine(rules, {**option_defaults(rules), **dict(overrides)})
    _check_schema(engine)
    _any_made = True
    cache[key] = engine
    while len(cache) > ENGINES_PER_THREAD:
        cache.popitem(last=False)[1].close()
    return engine


def option_defaults(rules: Sequence[Rule]) -> dict[str, Any]:
    """The default value of every option the rules read (knowledge/thresholds.yaml)."""
    from advisor.knowledge import base_thresholds

    defaults = base_thresholds()
    return {o.name: defaults[o.name] for rule in rules for o in rule.all_options if o.name in defaults}


def _check_schema(engine: Engine) -> None:
    """Every attribute the rules' conditions read must be declared for the kind of fact they
    match (advisor/facts/schema.py): a misspelt attribute fails here, when the rules are
    registered, instead of never matching. (Engines built directly, as the engine's own tests
    do with made-up kinds, are not checked)."""
    from advisor.facts.schema import check_rules

    check_rules(engine.rules)


def any_engine() -> bool:
    """Whether this process has registered rules (a forked child must not inherit them)."""
    return _any_made
