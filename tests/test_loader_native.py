"""libyaml's own composer is used only where it cannot break the budgets, and gives exactly
what the reference composer gives: the same data and places, the same problems."""

from __future__ import annotations

import pytest
import yaml

from advisor import loader
from advisor.problems import InputError
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False), reason="needs libyaml")

CASES = [
    "a: &x [1, 2]\nb: *x\n",
    "a: &x 1\nb: &x 2\n",
    "a: *nope\n",
    "a: &r [*r]\n",
    "<<: {a: 1}\n",
    "a: !!python/object:os.system x\n",
    "a: 1\na: 2\n",
    "?\n?\n",
    "[?,?]\n",
    "[" * 70 + "]" * 70,
    "- " * 70 + "x\n",
    "x: 'unclosed\n",
    "---\na: 1\n---\nb: 2\n",
    "a: 1.500\nb: no\nc: 2024-01-01\nd: ~\ne: '1'\n",
    "? [a, b]\n: c\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)),
]


def _result(parse: object, text: str) -> object:
    try:
        doc = parse(text, "plan.yaml")  # type: ignore[operator]
    except InputError as err:
        return [(p.code, p.line, p.col, sorted(p.params.items(), key=str)) for p in err.problems]
    return doc.data, doc.positions, doc.key_positions


@pytest.mark.parametrize("text", CASES + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))])
def test_the_native_composer_gives_what_the_reference_gives(text: str) -> None:
    assert _result(loader._parse_yaml, text) == _result(loader._parse_yaml_reference, text)


def test_the_native_composer_is_used_on_a_plan() -> None:
    text = (EXAMPLES / "desa-wisata-kopi.yaml").read_text(encoding="utf-8")
    assert loader._native_fits(text) and loader._compose_native(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "- x\n" * (loader.MAX_NODES // 2),  # more nodes than the budget could allow
        "a: " + "[" * 5_000 + "]" * 5_000,  # nesting the C composer would recurse into
        "a: " + "b" * 3_000 + "\n",  # a line wide enough to hide deep compact nesting
    ],
)
def test_a_text_outside_the_guard_goes_the_reference_way(text: str) -> None:
    assert not loader._native_fits(text)
    assert loader._compose_native(text) is None
