"""A streaming batch: reports written as the reviews arrive are the very bytes of the whole
render, the parent keeps digests instead of reviews, and results reach the sink in report
order whatever order the workers finish in."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor import report_stream
from advisor.batch import discover, run
from advisor.cli import main
from advisor.findings import Failure, Review
from advisor.render import renderer
from advisor.render.frame import compose
from tests.conftest import EXAMPLES

STREAMED = ("json", "csv", "text", "compact", "github")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "usulan"
    root.mkdir()
    for plan in sorted(EXAMPLES.glob("*.yaml"))[:5]:
        shutil.copy(plan, root / plan.name)
    (root / "rusak.yaml").write_text("title: [tanpa penutup\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_streamed_report_is_the_whole_render_byte_for_byte(folder: Path, tmp_path: Path, fmt: str) -> None:
    found = discover([folder])
    whole = renderer(fmt)(run(found.targets, jobs=1), "en")
    report = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(main, ["batch", str(folder), "-j", "2", "--lang", "en", "-q", "-o", f"{fmt}={report}"])
    assert result.exit_code == 2, result.output  # rusak.yaml cannot be read
    assert report.read_text(encoding="utf-8") == whole
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_streamed_report_on_standard_output_is_the_whole_render(folder: Path) -> None:
    found = discover([folder])
    whole = renderer("json")(run(found.targets, jobs=1), "en")
    result = CliRunner().invoke(main, ["batch", str(folder), "-j", "2", "--lang", "en", "-q", "--format", "json"])
    assert result.stdout == whole
    assert len(json.loads(result.stdout)["failures"]) == 1


def test_an_empty_or_failures_only_report_is_the_frame_alone(tmp_path: Path) -> None:
    failure = Failure("x.yaml", ())
    for fmt in STREAMED:
        frame = report_stream.Spool(fmt, report_stream.Destination("-"), "en")._frame((failure,), "en")
        assert compose(frame, []) == frame.empty
        assert compose(frame, ["A", "B"]) == frame.head + "A" + frame.between + "B" + frame.tail


def test_the_parent_holds_no_review_while_the_reports_are_written(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alive: list[int] = []
    finish = report_stream.Spool.finish

    def counting(self: report_stream.Spool, failures: tuple[Failure, ...]) -> None:
        gc.collect()
        alive.append(sum(isinstance(o, Review) for o in gc.get_objects()))
        finish(self, failures)

    monkeypatch.setattr(report_stream.Spool, "finish", counting)
    result = CliRunner().invoke(main, ["batch", str(folder), "-j", "2", "-q", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 2, result.output
    assert alive == [0]
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["reviews"]) == 5


def test_results_reach_the_sink_in_report_order(folder: Path) -> None:
    found = discover([folder])
    seen: list[str] = []
    outcome = run(found.targets, jobs=2, sink=lambda result, parts: seen.append(result.file))
    assert seen == [t.display for t in found.targets]
    assert outcome.reviews == () and outcome.failures == ()


def _pid(_: int) -> int:
    import os

    return os.getpid()


def _nothing() -> None:
    return None


def test_a_worker_is_replaced_after_its_share_of_items() -> None:
    from collections import Counter

    from advisor import isolation

    answers = dict(isolation.Workers(2, _nothing, _pid, max_items=3).run(list(range(14))))
    assert sorted(answers) == list(range(14))
    per_worker = Counter(answers.values())
    assert max(per_worker.values()) <= 3 and len(per_worker) >= 5


def test_with_digests_a_worker_sends_what_the_parent_keeps_and_the_parts(folder: Path) -> None:
    from advisor.findings import Digest, Digested, active_pairs

    found = discover([folder])
    whole = run(found.targets, jobs=1)
    by_file = {r.file: r for r in whole.reviews}
    seen: list[tuple[object, dict[tuple[str, str], str]]] = []
    run(found.targets, jobs=2, parts=("json", "csv"), sink=lambda r, p: seen.append((r, p)), digests=True)
    digested = [(r, p) for r, p in seen if not isinstance(r, Failure)]
    assert len(digested) == 5 and all(isinstance(r, Digested) for r, _ in digested)
    for result, parts in digested:
        assert isinstance(result, Digested)
        review = by_file[result.digest.file]
        assert result.digest == Digest.of(review) and result.active == active_pairs(review)
        assert sorted(fmt for fmt, _ in parts) == ["csv", "json"]
    # without parts for every format the parent asked for, the whole review comes
    seen.clear()
    run(found.targets, jobs=2, parts=("json", "xlsx"), sink=lambda r, p: seen.append((r, p)), digests=True)
    assert sum(isinstance(r, Review) for r, _ in seen) == 5


def _exit_at_three(item: int) -> int:
    import os

    if item == 3:
        os._exit(7)
    return os.getpid()


def test_a_dead_worker_costs_one_item_and_its_queued_items_go_to_a_fresh_one() -> None:
    from advisor import isolation

    answers = list(isolation.Workers(1, _nothing, _exit_at_three, ahead=3).run(list(range(8))))
    assert sorted(index for index, _ in answers) == list(range(8))
    crashed = [index for index, answer in answers if isinstance(answer, isolation.Crashed)]
    assert crashed == [3] and dict(answers)[3] == isolation.Crashed(None, 7)
    assert len({answer for index, answer in answers if index > 3}) == 1  # one fresh worker took the rest


def test_the_answers_a_dead_worker_sent_before_it_died_are_not_lost() -> None:
    """A parent slower than its worker (it sleeps at each answer) finds the worker dead when it
    sends more, with answers still in the pipe: they are read, and only item 3 is lost."""
    import time

    from advisor import isolation

    answers = []
    for answer in isolation.Workers(1, _nothing, _exit_at_three, ahead=3).run(list(range(8))):
        answers.append(answer)
        time.sleep(0.2)
    crashed = [index for index, answer in answers if isinstance(answer, isolation.Crashed)]
    assert sorted(index for index, _ in answers) == list(range(8)) and crashed == [3]


def _garbage_after(target: object) -> tuple[int, bool]:
    """In a batch worker: review the target, then what a full collection still finds."""
    import gc

    from advisor import batch

    batch._in_worker(target)  # type: ignore[arg-type]
    gc.unfreeze()  # what the worker froze is looked at too: garbage frozen would never be freed
    found = gc.collect()
    gc.freeze()
    return found, gc.isenabled()


def test_a_worker_leaves_no_garbage_for_the_collector_between_plans(tmp_path: Path) -> None:
    """A worker's collector does not run by itself; it collects once after each plan, so that
    the reference cycles a plan leaves (a workbook's reader makes hundreds) never pile up."""
    import functools

    from advisor import batch, isolation
    from advisor.settings import DEFAULT_SETTINGS

    (tmp_path / "rusak.yaml").write_text("title: [x\n", encoding="utf-8")
    paths = [EXAMPLES / "desa-wisata-kopi.xlsx", EXAMPLES / "desa-wisata-kopi.yaml", tmp_path / "rusak.yaml"]
    targets = [batch.Target(p, p.name) for p in paths * 2]
    start = functools.partial(batch._start_worker, DEFAULT_SETTINGS, ("json",), None, True)
    # the first answer counts the garbage this test process had made before the worker forked
    answers = dict(isolation.Workers(1, start, _garbage_after).run([targets[1], *targets]))
    assert [answers[i] for i in range(1, len(targets) + 1)] == [(0, False)] * len(targets)


def test_a_report_whose_part_no_worker_rendered_is_rendered_from_the_review(folder: Path, tmp_path: Path) -> None:
    """An API caller may ask the workers for fewer parts than it has reports: the workers then
    send whole reviews, and the parent renders the missing parts itself."""
    from advisor import api
    from advisor.output import Destination

    found = discover([folder])
    group = api.configure([t.path for t in found.targets])[0]
    destinations = [(fmt, Destination(str(tmp_path / f"r.{fmt}"), tmp_path / f"r.{fmt}")) for fmt in ("json", "csv")]
    streamed = api.check_streamed(group, destinations, None, jobs=2, progress=None, parts=("json",))
    for spool in streamed.spools:
        spool.finish(streamed.tally.failures)
    whole = run(found.targets, jobs=1)
    for fmt in ("json", "csv"):
        assert (tmp_path / f"r.{fmt}").read_text(encoding="utf-8") == renderer(fmt)(whole, None), fmt
