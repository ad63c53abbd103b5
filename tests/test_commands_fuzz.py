"""Every command on hostile input (Hypothesis): an exit code in {0, 1, 2, 130, 143}, never a
traceback, the input files unchanged. Plans are a valid example with one part replaced by
hostile values: huge numbers, control and escape characters, duplicates, wrong types."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from advisor.cli import main
from tests.conftest import EXAMPLES
from tests.test_fuzz import fuzz

BASE: dict[str, Any] = yaml.safe_load((EXAMPLES / "desa-wisata-kopi.yaml").read_text(encoding="utf-8"))
HOSTILE_TEXT = st.text(alphabet=st.sampled_from("a:%\x1b[31m\n\t\r\x00\x7f\u202e é<>\"'*"), max_size=30)
HOSTILE_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**4000),
    st.floats(),
    HOSTILE_TEXT,
)
HOSTILE = st.recursive(
    HOSTILE_SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """The example with one value, somewhere in its first two levels, replaced."""
    plan = yaml.safe_load(yaml.safe_dump(BASE))
    key = draw(st.sampled_from(sorted(plan)))
    node = plan[key]
    if isinstance(node, list) and node and isinstance(node[0], dict) and draw(st.booleans()):
        item = node[draw(st.integers(0, len(node) - 1))]
        item[draw(st.sampled_from([*sorted(item), "support", "lead"]))] = draw(HOSTILE)
    else:
        plan[key] = draw(HOSTILE)
    if draw(st.booleans()):  # the same partner twice, somewhere
        activity = plan.get("activities")
        if isinstance(activity, list) and activity and isinstance(activity[0], dict):
            activity[0]["support"] = ["pemda", "pemda"]
    return plan


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


COMMANDS = st.sampled_from(["check", "validate", "batch", "diff", "exercise", "explain"])


@fuzz(25)
@given(plan=plans(), command=COMMANDS, as_json=st.booleans())
def test_every_command_exits_cleanly_and_leaves_inputs_alone(plan: dict[str, Any], command: str, as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        path = folder / ("plan.json" if as_json else "plan.yaml")
        try:
            text = yaml.safe_dump(plan, allow_unicode=True) if not as_json else None
        except yaml.YAMLError:
            text = None
        if text is None:
            import json

            text = json.dumps(plan, default=str, ensure_ascii=False)
            path = folder / "plan.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        shutil.copy(EXAMPLES / "desa-wisata-kopi.yaml", folder / "good.yaml")
        before = _digest(folder)
        args = {
            "check": ["check", str(path), "--format", "json"],
            "validate": ["validate", str(path)],
            "batch": ["batch", str(folder), "--jobs", "1", "-q"],
            "diff": ["diff", str(folder / "good.yaml"), str(path)],
            "exercise": ["exercise", "--plan", str(path), "--answers", "PH001"],
            "explain": ["explain", str(plan.get("title", "PH001"))[:40]],
        }[command]
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 1, 2, 130, 143), (command, result.output[-2000:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exc_info)
        assert "Traceback" not in result.output
        assert _digest(folder) == before
