"""The HTML report in a real headless Chromium: what a person sees once the page has run.

``--dump-dom`` prints the DOM after the page's scripts ran, so the sortable table is checked
as sorted by its own JavaScript (the report honours ``#sort=<column>:<ascend|descend>``,
the same state a click leaves in the address bar). Skipped only when no Chromium is
installed; .ci/run installs Debian's chromium so that CI runs it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from advisor.render import renderer
from tests.test_render import CASES, outcome_of

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no chromium binary on PATH (apt-get install chromium)")
# Headless, and nothing that reaches the network: the page must stand on its own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
)


def dom(page: Path, tmp_path: Path, fragment: str = "") -> str:
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + fragment],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


def visible_text(html: str) -> str:
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)


def test_single_plan_page_shows_verdict_findings_quotes_and_chart(tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(renderer("html")(outcome_of(*CASES["english"]), None), encoding="utf-8")
    html = dom(page, tmp_path)
    text = visible_text(html)
    assert "Readiness: not ready" in text  # upper-cased by CSS only
    assert "Cooperation plan review: Coastal resilience cooperation" in text
    assert "Consider a role for the academia pillar" in text  # a finding title
    assert "Pentahelix coverage" in text
    assert re.search(r"<svg[^>]*class=\"radar\"", html) and html.count('class="axis"') == 5
    assert 'class="target"' in html  # the plan's own line is quoted


def test_batch_dashboard_sorts_and_keeps_hostile_text_inert(tmp_path: Path) -> None:
    page = tmp_path / "batch.html"
    page.write_text(renderer("html")(outcome_of(*CASES["batch"]), None), encoding="utf-8")

    def plan_order(html: str) -> list[str]:
        table = html[html.index('id="plans"') : html.index("</table>", html.index('id="plans"'))]
        return re.findall(r'<a href="#(plan-\d+)"', table)

    as_written = dom(page, tmp_path)
    assert plan_order(as_written) == ["plan-1", "plan-2"]  # by urgency: the most errors first
    # Column 2 counts errors: sorted the other way, the plan with fewer errors comes first.
    by_errors = dom(page, tmp_path, "#sort=2:ascend")
    assert plan_order(by_errors) == ["plan-2", "plan-1"]
    assert re.search(r'<th[^>]*aria-sort="ascending"', by_errors)
    text = visible_text(by_errors)
    assert "Dasbor tinjauan rencana kerja sama" in text
    assert "Desa Digital <script>alert('x')</script> | Tahap 1 MERAH" in text  # shown as text
    assert "<script>alert" not in by_errors  # and never as an element
    assert 'id="heatmap"' in by_errors and "Kelemahan yang paling sering muncul" in text
    assert "tests/golden/inputs/broken.yaml" in text  # the failed file is listed
