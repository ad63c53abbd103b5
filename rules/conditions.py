"""The condition vocabulary every rule is written in: the project's own, engine-neutral.

A rule's conditions are a list of :class:`Fact` patterns, each bound to an alias::

    c.f << (m.kind == "partner") & (m.n_responsibilities == 0)
    c.p << (m.kind == "pillar") & (m.pillar == c.f.pillar) & (m.share_pct > DOMINANT_SHARE)

- ``m.<attribute>`` is an attribute of the fact being matched; compared with ``== != < <= > >=``
  to a literal, to another attribute of the same fact (``m.target <= m.baseline``), to an
  attribute of a fact bound earlier (``c.f.partner``) or to an option (:func:`option`).
- ``+m.<attribute>``: the attribute is present (guard every comparison between two attributes:
  the engine matches a comparison with a missing attribute).
  Options are declared with their type beside the rules that read them.
- ``&`` and ``|`` combine tests; every pattern names its fact's kind (``m.kind == "..."``) in
  its top-level conjunction, checked when the pattern is made.

These are plain records: :mod:`advisor.engine` translates them to the engine's DSL, the fact
schema check (advisor/facts/schema.py), the severity-policy test and ``check --explain`` read
them through :func:`reads`. Options are names, resolved to values when an engine is built for
given settings, so a rule's meaning never depends on state read while it is registered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, cast

Operator = Literal["==", "!=", "<", "<=", ">", ">="]
Literal_ = str | int | float | bool


OptionType = Literal["share", "count"]


@dataclass(frozen=True)
class Option:
    """A named option a team may set (``[thresholds]`` of its config); its default is in
    knowledge/thresholds.yaml. A ``share`` is a fraction from 0 to 1, compared with a fact's
    rounded percentage (0.6 with 60); a ``count`` a whole number from 0."""

    name: str
    type: OptionType


@dataclass(frozen=True)
class Ref:
    """An attribute of the fact bound earlier to ``alias``."""

    alias: str
    attribute: str


@dataclass(frozen=True)
class Own:
    """Another attribute of the fact being matched."""

    attribute: str


Operand = Literal_ | Option | Ref | Own


class _Test:
    """Something a fact is tested for; combine with ``&`` and ``|``."""

    def __and__(self, other: Test) -> And:
        return And(cast("Test", self), other)

    def __or__(self, other: Test) -> Or:
        return Or(cast("Test", self), other)


@dataclass(frozen=True, eq=False)
class Compare(_Test):
    """``m.<attribute> <op> value``: a literal, an option, another attribute of the fact or of a
    fact bound earlier."""

    attribute: str
    op: Operator
    value: Operand


@dataclass(frozen=True, eq=False)
class Present(_Test):
    """``+m.<attribute>``: the fact has the attribute."""

    attribute: str


@dataclass(frozen=True, eq=False)
class And(_Test):
    """Both tests pass (``left & right``)."""

    left: Test
    right: Test


@dataclass(frozen=True, eq=False)
class Or(_Test):
    """Either test passes (``left | right``)."""

    left: Test
    right: Test


Test = Compare | Present | And | Or


class Attribute:
    """``m.<name>``: comparing it makes a :class:`Compare` (``==`` does not test equality)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def _compare(self, op: Operator, other: object) -> Compare:
        if isinstance(other, Attribute):
            return Compare(self.name, op, Own(other.name))
        if isinstance(other, (str, int, float, bool, Option, Ref)):
            return Compare(self.name, op, other)
        raise TypeError(f"cannot compare attribute {self.name!r} with {other!r}")

    def __eq__(self, other: object) -> Compare:  # type: ignore[override]
        return self._compare("==", other)

    def __ne__(self, other: object) -> Compare:  # type: ignore[override]
        return self._compare("!=", other)

    def __lt__(self, other: object) -> Compare:
        return self._compare("<", other)

    def __le__(self, other: object) -> Compare:
        return self._compare("<=", other)

    def __gt__(self, other: object) -> Compare:
        return self._compare(">", other)

    def __ge__(self, other: object) -> Compare:
        return self._compare(">=", other)

    def __pos__(self) -> Present:
        return Present(self.name)

    __hash__ = None  # type: ignore[assignment]


class _Attributes:
    def __getattr__(self, name: str) -> Attribute:
        if name.startswith("__"):
            raise AttributeError(name)
        return Attribute(name)


@dataclass(frozen=True, eq=False)
class Fact:
    """One pattern: a fact of ``kind`` that passes ``test``, bound to ``alias``."""

    alias: str
    kind: str
    test: Test

    def __and__(self, other: Test) -> Fact:
        return Fact(self.alias, self.kind, And(self.test, other))

    def __or__(self, other: Test) -> Fact:
        raise TypeError(f"{self.alias}: put the alternatives in parentheses after the fact's kind")


class _Binder:
    """``c.<alias>``: binds a pattern (``c.f << test``) or refers to the bound fact (``c.f.x``)."""

    __slots__ = ("alias",)

    def __init__(self, alias: str) -> None:
        self.alias = alias

    def __lshift__(self, test: Test) -> Fact:
        kind = kind_of(test)
        if kind is None:
            raise ValueError(f"condition {self.alias!r} names no kind (m.kind == '...') in its top-level conjunction")
        return Fact(self.alias, kind, test)

    def __getattr__(self, attribute: str) -> Ref:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return Ref(self.alias, attribute)


class _Binders:
    def __getattr__(self, alias: str) -> _Binder:
        if alias.startswith("__"):
            raise AttributeError(alias)
        return _Binder(alias)


m = _Attributes()
c = _Binders()


def option(name: str, type: OptionType) -> Option:
    """Declare an option (once, beside the rules that read it) to compare attributes with."""
    return Option(name, type)


def kind_of(test: Test) -> str | None:
    """The kind a test requires (``kind == "..."`` in its top-level conjunction)."""
    if isinstance(test, Compare):
        if test.attribute == "kind" and test.op == "==" and isinstance(test.value, str):
            return test.value
        return None
    if isinstance(test, And):
        return kind_of(test.left) or kind_of(test.right)
    return None


def reads(test: Test) -> Iterator[tuple[str, str | None]]:
    """(attribute, alias) pairs a test reads, in order: alias None for the matched fact's own."""
    if isinstance(test, (And, Or)):
        yield from reads(test.left)
        yield from reads(test.right)
    elif isinstance(test, Present):
        yield test.attribute, None
    else:
        yield test.attribute, None
        if isinstance(test.value, Own):
            yield test.value.attribute, None
        elif isinstance(test.value, Ref):
            yield test.value.attribute, test.value.alias


def options_read(test: Test) -> Iterator[Option]:
    """The options a test compares with."""
    if isinstance(test, (And, Or)):
        yield from options_read(test.left)
        yield from options_read(test.right)
    elif isinstance(test, Compare) and isinstance(test.value, Option):
        yield test.value


def pinned(test: Test, attribute: str, value: Literal_) -> bool:
    """Whether every match requires ``attribute == value`` (a conjunct, not one branch of an or)."""
    if isinstance(test, And):
        return pinned(test.left, attribute, value) or pinned(test.right, attribute, value)
    return (
        isinstance(test, Compare)
        and test.attribute == attribute
        and test.op == "=="
        and type(test.value) is type(value)
        and test.value == value
    )
