"""Property and fuzz tests (Hypothesis), bounded so that the file runs in well under a minute.

- random plan-shaped documents, valid and invalid, in YAML or JSON: no exception but
  :class:`InputError` escapes, every input error names a line in the file, every finding's path
  exists in the (normalised) document;
- a valid plan's findings do not depend on the order of its keys or on English vs Indonesian keys;
- the raw loader on random bytes and on random YAML-ish token soup.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from advisor import knowledge
from advisor.loader import decode, parse_text
from advisor.model import ENUM_FIELDS, SECTION_NAMES, Plan
from advisor.problems import InputError, parse_path
from advisor.render.problem import render as render_problem
from advisor.review import review_plan
from advisor.validate import _model_of, validate_document
from tests.conftest import EXAMPLES


def fuzz(examples: int) -> settings:
    """Bounded runs (the whole file in well under a minute on two cores); no example database
    written into the repository."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FORMAT = knowledge.plan_format()
# english key -> its Indonesian aliases, per section
ALIASES: dict[str, dict[str, list[str]]] = {}
for _section, _table in FORMAT.aliases.items():
    for _alias, _english in _table.items():
        ALIASES.setdefault(_section, {}).setdefault(_english, []).append(_alias)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)),
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
IDS = st.sampled_from(["pemkab", "unud", "pokdarwis", "bpd", "media", "G1", "A1", "I1", "x"])


def sometimes_junk(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a value of the right shape, one time in forty anything at all."""
    return st.integers(0, 39).flatmap(lambda i: JUNK if i == 17 else good)  # not 0: Hypothesis favours bounds


@st.composite
def section(draw: st.DrawFn, model: type[BaseModel], depth: int = 0) -> dict[str, Any]:
    """A mapping shaped like ``model``: its required keys (nearly always), some optional ones,
    some in Indonesian, now and then a misspelt one, values mostly of the right shape."""
    fields = model.model_fields
    aliases = ALIASES.get(SECTION_NAMES[model], {})
    required = [n for n, f in fields.items() if f.is_required() and draw(st.integers(0, 49)) != 17]
    optional = sorted(n for n, f in fields.items() if not f.is_required())
    if optional:
        names = required + draw(st.lists(st.sampled_from(optional), unique=True, max_size=min(6, len(optional))))
    else:
        names = required
    out: dict[str, Any] = {}
    for name in names:
        key = draw(st.sampled_from([name, *aliases.get(name, [])]))
        out[key] = draw(sometimes_junk(value_for(model, name, depth)))
    if draw(st.integers(0, 39)) == 17:
        out[draw(st.sampled_from(["partnrs", "indikator_kinerja", "titel", "x"]))] = draw(JUNK)
    return out


def _literals(annotation: Any) -> list[Any]:
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    return [v for arg in typing.get_args(annotation) for v in _literals(arg)]


TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "Zs", "P"]), min_size=1, max_size=40)


def value_for(model: type[BaseModel], name: str, depth: int) -> st.SearchStrategy[Any]:
    if name == "id" or name in {"lead", "responsible", "measures"}:
        return IDS
    if name in {"support", "goals"} and model is not Plan:
        return st.lists(IDS, max_size=3)
    enum = ENUM_FIELDS.get((model, name))
    if enum:
        choices = sorted({s for synonyms in FORMAT.values[enum].values() for s in synonyms})
        return st.sampled_from(choices)
    annotation = model.model_fields[name].annotation
    inner = _model_of(annotation)
    if inner is not None:
        if depth >= 2:
            return st.none()
        shaped = section(inner, depth + 1)
        return st.lists(shaped, min_size=1, max_size=4) if "list" in repr(annotation) else shaped
    text = repr(annotation)
    if "bool" in text:
        return st.booleans()
    if "date" in text:
        return st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31))
    if "float" in text or "int" in text:
        return st.integers(0, 200) | st.floats(0, 1, width=32)
    literals = _literals(annotation)
    if literals:
        return st.sampled_from(literals)
    if "list" in text:
        return st.lists(TEXT, max_size=3) | TEXT
    return TEXT


def _dump(data: dict[str, Any], as_json: bool) -> str:
    if as_json:
        return json.dumps(data, default=str, ensure_ascii=False, indent=1)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _resolves(data: Any, path: tuple[str | int, ...]) -> bool:
    for part in path:
        if (isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data)) or (
            isinstance(part, str) and isinstance(data, dict) and part in data
        ):
            data = data[part]
        else:
            return False
    return True


@fuzz(300)
@given(section(Plan), st.booleans())
def test_random_plan_shaped_documents(plan: dict[str, Any], as_json: bool) -> None:
    text = _dump(plan, as_json)
    lines = text.count("\n") + 1
    name = "acak.json" if as_json else "acak.yaml"
    try:
        doc = parse_text(text, name, is_json=as_json)
        vplan = validate_document(doc, "en")
        review = review_plan(vplan)
    except InputError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file == name
            assert problem.line is not None and 1 <= problem.line <= lines, problem
            for lang in ("id", "en"):
                assert render_problem(problem, lang).startswith(f"{name}:{problem.line}")
        return
    for finding in review.findings:
        # A finding's path is the plan's own (its keys as written), so it resolves in the file.
        assert _resolves(doc.data, parse_path(finding.path)), finding.path
        assert 1 <= finding.line <= lines


# --- key order and language of the keys ---------------------------------------------------------

VALID = []
for _path in sorted(EXAMPLES.glob("*.yaml")):
    _doc = parse_text(_path.read_text(encoding="utf-8"), _path.name)  # our loader: `country: NO` stays text
    try:
        validate_document(_doc)
    except InputError:
        continue
    VALID.append(_doc.data)


def _canonical(data: Any, model: type[BaseModel]) -> Any:
    """The plan with every key in English (the examples mix both)."""
    if not isinstance(data, dict):
        return data
    aliases = FORMAT.aliases.get(SECTION_NAMES[model], {})
    out = {}
    for key, value in data.items():
        name = key if key in model.model_fields else aliases.get(key, key)
        inner = _model_of(model.model_fields[name].annotation) if name in model.model_fields else None
        if inner is not None and isinstance(value, list):
            out[name] = [_canonical(v, inner) for v in value]
        elif inner is not None:
            out[name] = _canonical(value, inner)
        else:
            out[name] = value
    return out


def _rewrite(draw: st.DrawFn, data: Any, model: type[BaseModel]) -> Any:
    """Shuffle the keys of every mapping and rename each to a random alias (or keep English)."""
    if not isinstance(data, dict):
        return data
    aliases = ALIASES.get(SECTION_NAMES[model], {})
    items = draw(st.permutations(list(data.items())))
    out = {}
    for key, value in items:
        inner = _model_of(model.model_fields[key].annotation) if key in model.model_fields else None
        if inner is not None and isinstance(value, list):
            value = [_rewrite(draw, v, inner) for v in value]
        elif inner is not None:
            value = _rewrite(draw, value, inner)
        out[draw(st.sampled_from([key, *aliases.get(key, [])]))] = value
    return out


def _findings(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    review = review_plan(validate_document(parse_text(text, "plan.yaml")))
    # Lines move with the keys and paths name them as written (each resolves in the plan);
    # everything else must stay.
    assert all(_resolves(data, parse_path(f.path)) for f in review.findings)
    return sorted((f.rule_id, f.subject, f.severity, f.evidence, f.params, f.based_on) for f in review.findings)


@fuzz(60)
@given(st.sampled_from(range(len(VALID))), st.data())
def test_findings_do_not_depend_on_key_order_or_key_language(index: int, data: st.DataObject) -> None:
    plan = _canonical(VALID[index], Plan)
    rewritten = _rewrite(data.draw, plan, Plan)
    assert _findings(rewritten) == _findings(plan)


def test_the_examples_cover_both_key_languages() -> None:
    assert len(VALID) >= 5
    english = {k for plan in VALID for k in plan} & set(Plan.model_fields)
    indonesian = {k for plan in VALID for k in plan} & set(FORMAT.aliases["plan"])
    assert english and indonesian


# --- the raw loader -------------------------------------------------------------------------------

TOKENS = [
    "title:", "partners:", " ", "  ", "\n", "- ", "[", "]", "{", "}", ",", ":", "&a ", "*a", "&b ", "*b",
    "!!python/object/apply:os.system ", "!!str ", "!!binary ", "!x ", "'", '"', "\t", "# c", "---", "...",
    "%YAML 1.2\n", "%TAG ! tag:x\n", "<<: ", "? ", "|", ">", "1e999", "0x1F", "2025-13-45", "null", "~",
    "yes", "\\e[2J", "\u00e9", "\u2028", "\ufeff", "9" * 40, "=",
]  # fmt: skip


@fuzz(1000)
@given(st.binary(max_size=512), st.booleans())
def test_the_loader_on_random_bytes(raw: bytes, as_json: bool) -> None:
    try:
        doc = parse_text(decode(raw, "x"), "x", is_json=as_json)
    except InputError as err:
        assert err.problems and all(p.file == "x" for p in err.problems)
    else:
        assert isinstance(doc.data, dict)


@fuzz(1000)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_the_loader_on_yaml_token_soup(tokens: list[str], encoding: str) -> None:
    raw = "".join(tokens).encode(encoding, errors="surrogatepass")
    try:
        doc = parse_text(decode(raw, "x"), "x")
    except InputError as err:
        assert err.problems
        for problem in err.problems:
            render_problem(problem, "id")
            render_problem(problem, "en")
        return
    assert isinstance(doc.data, dict)
    try:
        review_plan(validate_document(doc))
    except InputError as err:
        assert all(p.line is not None for p in err.problems)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000ab—é"), max_size=12))
def test_truncate_spaces_text_as_split_and_join_do(text: str) -> None:
    # truncate() skips the split/join when it can tell nothing would change; it must never
    # return anything else than the plain definition would.
    from advisor.text import truncate

    expected = " ".join(text.split())
    assert truncate(text, 8) == (expected if len(expected) <= 8 else expected[:7] + "…")


@settings(max_examples=3000, deadline=None, database=None)
@given(
    # Whole placeholders and plurals among loose braces, bars and words.
    st.lists(st.sampled_from(["{", "}", "|", "n", "a", " x", "{n}", "{a}", "{n|a|b}", "{n|a|}"]), max_size=10).map(
        "".join
    ),
    st.dictionaries(
        st.sampled_from(["n", "a", "b", "ab"]),
        st.one_of(st.integers(0, 2), st.booleans(), st.text(alphabet="{}|a", max_size=3)),
    ),
)
def test_fill_gives_what_the_two_regex_passes_give(template: str, params: dict[str, Any]) -> None:
    # fill() reuses each template cut into pieces; it must give exactly what substituting the
    # plurals and then the placeholders gives, on any braces a text may hold.
    from advisor.texts import _fill_by_regex, fill

    assert fill(template, params) == _fill_by_regex(template, params)


@settings(max_examples=500, deadline=None, database=None)
@given(st.text(alphabet=st.sampled_from("memperbnkdiatols-%é1.,;~ \u0301\u2028"), max_size=40))
def test_every_reading_reads_any_text(text: str) -> None:
    # The readings run on every free text of a plan: any text gives a label of the reading's
    # own set, and evidence that is a piece of the text at the place it names.
    from advisor.text import background, clarity, decision, direction, matching, measurable, statements

    readings = [
        (clarity.clarity(text), {"clear", "vague", "passive"}),
        (direction.direction(text, [text]), {"increase", "decrease", "maintain", "unknown"}),
        (measurable.indicator_measurable(text), {"countable", "abstract", "yes_no"}),
        (measurable.goal_measurable(text)[0], {"measurable", "not_measurable"}),
        (background.problems(text), {"present", "absent"}),
        (background.assets(text), {"present", "absent"}),
        (decision.decision(text), {"deliberative", "authority", "unilateral", "none"}),
        (statements.statement(text, "sovereignty"), {"present", "absent"}),
        (matching.match(text, text), {"match", "no_match"}),
    ]
    for reading, labels in readings:
        assert reading.label in labels
        if reading.span is not None:
            start, end = reading.span
            assert text[start:end] == reading.words
