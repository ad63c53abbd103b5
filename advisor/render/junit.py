"""JUnit XML for CI servers (Jenkins, GitLab, Azure DevOps, GitHub test reporters).

One ``testsuite`` per plan. Each finding is a ``testcase``: an error or a warning is a
``failure``, advice passes (its text in ``system-out``), a suppressed finding is ``skipped``
with the team's reason. Each rule family with no finding is one passing testcase, so that a
clean plan shows what was checked. A file that could not be read is a suite with one
``error``. Attributes are the standard ones (tests, failures, errors, skipped, time);
``time`` is 0 and there is no timestamp, so equal input gives equal bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from advisor.findings import Finding, Outcome, Review
from advisor.render import review_lang
from advisor.render.problem import render as render_problem
from advisor.render.report_data import families, plain
from advisor.texts import label, ui


def render(outcome: Outcome, lang: str | None, color: bool = False) -> str:
    """The whole report; ``lang`` None tells each plan in its own language (``color`` is unused)."""
    root = ET.Element("testsuites", name="pentahelix-advisor")
    fams = families(outcome)
    for review in outcome.reviews:
        root.append(_suite(review, review_lang(lang, review.plan_language), fams))
    for failure in outcome.failures:
        failure_lang = review_lang(lang, failure.lang)
        suite = ET.Element("testsuite", name=plain(failure.file, 500))
        case = ET.SubElement(
            suite, "testcase", name=ui("report_input_error", failure_lang), classname=_classname(failure.file)
        )
        error = ET.SubElement(case, "error", type="InputError", message=ui("report_input_error", failure_lang))
        error.text = "\n".join(plain(render_problem(p, failure_lang)) for p in failure.problems)
        root.append(_count(suite))
    _count(root, suites=True)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(review: Review, lang: str, fams: tuple[str, ...]) -> ET.Element:
    suite = ET.Element("testsuite", name=plain(review.file, 500))
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="title", value=plain(review.title, 300))
    ET.SubElement(props, "property", name="verdict", value=review.verdict)
    for key, value in sorted(review.scores.items()):
        ET.SubElement(props, "property", name=f"score.{key}", value=str(value))
    for finding in review.findings:
        suite.append(_case(finding, review.file, lang))
    if review.notices:
        # Notices (e.g. an unused suppression) are neither passes nor failures.
        ET.SubElement(suite, "system-out").text = "\n".join(plain(render_problem(n, lang)) for n in review.notices)
    seen = {f.family for f in review.findings}
    for family in fams:
        if family not in seen:
            name = ui("report_family_clean", lang, family=label("family", family, lang))
            ET.SubElement(suite, "testcase", name=f"{family}: {name}", classname=_classname(review.file), time="0")
    return _count(suite)


def _case(f: Finding, file: str, lang: str) -> ET.Element:
    title = plain(f.text("title", lang), 300)
    case = ET.Element("testcase", name=f"{f.rule_id} {title}", classname=_classname(file), time="0")
    body = "\n".join(
        part
        for part in (
            f"{f.where(file)} {f.path}".rstrip(),
            plain(f.text("message", lang)),
            f"{ui('evidence', lang)}: {plain(f.evidence, 400)}" if f.evidence else "",
            f"{ui('recommendation', lang)}: {plain(f.text('recommendation', lang))}",
            f"{ui('sources', lang)}: {', '.join(f.sources)}",
        )
        if part
    )
    if f.suppressed is not None:
        ET.SubElement(case, "skipped", message=plain(ui("report_suppressed", lang, reason=f.suppressed), 600))
    elif f.severity in ("error", "warning"):
        failure = ET.SubElement(case, "failure", type=f.severity, message=title)
        failure.text = plain(body, 4000)
    else:
        ET.SubElement(case, "system-out").text = plain(body, 4000)
    return case


def _classname(file: str) -> str:
    """CI servers group test cases by class name: one group per plan file."""
    return "pentahelix." + plain(file, 500)


def _count(element: ET.Element, suites: bool = False) -> ET.Element:
    """Set the standard counters from the children, so that they always agree."""
    cases = element.iter("testcase")
    tally: Counter[str] = Counter()
    for case in cases:
        tally["tests"] += 1
        for kind in ("failure", "error", "skipped"):
            if case.find(kind) is not None:
                tally[kind] += 1
    element.set("tests", str(tally["tests"]))
    element.set("failures", str(tally["failure"]))
    element.set("errors", str(tally["error"]))
    element.set("skipped", str(tally["skipped"]))
    element.set("time", "0")
    return element
