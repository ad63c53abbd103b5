from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

# Child Pythons (`python -m advisor`, `python -c`) started by tests from the repository must
# import the installed advisor, not the repository's advisor/ from the working directory: that
# folder lacks advisor.rules, advisor.knowledge_base and advisor.durable, which install from
# rules/, knowledge/ and the engine build. (pytest itself: --import-mode=append, pyproject.toml.)
os.environ["PYTHONSAFEPATH"] = "1"

from advisor.loader import parse_text
from advisor.review import review_plan
from advisor.settings import DEFAULT_SETTINGS, Settings
from advisor.validate import validate_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def review_data(plan: dict, settings: Settings = DEFAULT_SETTINGS):
    """Review a plan given as data (through the real loader, so positions exist)."""
    text = yaml.safe_dump(plan, allow_unicode=True, sort_keys=False)
    return review_plan(validate_document(parse_text(text, "case.yaml")), settings)


@pytest.fixture
def review():
    return review_data


# --- the slow tests ---------------------------------------------------------------------------
# `pytest` runs everything (the README's and CI's command); `pytest -m "not slow"` leaves out
# what takes over about a second (pytest --durations=60): worker processes, the CLI in a
# subprocess, the wheel build, mypy, the Hypothesis searches, benchmarks and accuracy floors.
# Listed here rather than as decorators across the modules; tests/test_markers.py checks that
# every name below is a test. A new slow test may also carry @pytest.mark.slow itself.
ALL = "*"
SLOW: dict[str, frozenset[str] | str] = {
    "test_packaging.py": ALL,  # builds and installs the wheel (~60 s)
    "test_types.py": ALL,  # mypy strict
    "test_work_budget.py": ALL,
    "test_signals.py": ALL,
    "test_containment.py": ALL,
    "test_html_browser.py": ALL,
    "test_bench_smoke.py": ALL,
    "test_output_paths.py": ALL,
    "test_guarantees.py": ALL,
    "test_fuzz.py": ALL,
    "test_accuracy.py": frozenset({"test_reading_meets_the_floors_on_the_dev_split"}),
    "test_text_readings.py": frozenset({"test_readings_hold_the_floors_on_the_second_development_set"}),
    "test_hostile_inputs.py": frozenset(
        {
            "test_a_bomb_of_mappings_is_refused_too",
            "test_batch_lists_every_broken_file_as_failed_and_reviews_the_rest",
            "test_bombs_stay_within_time_and_memory",
            "test_check_exits_2_with_one_line_per_problem",
            "test_junit_is_well_formed_xml_despite_control_characters",
            "test_machine_reports_stay_valid_json_with_the_text_escaped",
            "test_terminal_output_has_no_control_sequences_from_the_plan_and_bounded_lines",
            "test_the_default_size_limit_is_a_few_megabytes_and_configurable",
            "test_the_loader_names_the_problem_and_its_place",
        }
    ),
    "test_workbook.py": frozenset(
        {
            "test_a_workbook_finding_names_keys_as_its_sheets_do",
            "test_batch_picks_up_workbooks_and_writes_the_excel_report",
            "test_excel_report_is_deterministic_and_complete",
            "test_findings_and_problems_are_placed_at_sheet_and_cell",
            "test_the_twins_are_what_convert_makes_today",
            "test_template_workbook_is_reported_unfilled_like_the_yaml_one",
            "test_zip_bomb_is_refused_before_inflating",
        }
    ),
    "test_terminal.py": frozenset({"test_names_that_are_not_utf8_are_escaped_alike_in_every_format_and_locale"}),
    "test_loader.py": frozenset({"test_an_alias_bomb_is_stopped_quickly"}),
    "test_commands_fuzz.py": frozenset({"test_every_command_exits_cleanly_and_leaves_inputs_alone"}),
    "test_schema.py": frozenset({"test_schema_agrees_with_the_validator_on_every_rule_case"}),
    "test_validate.py": frozenset({"test_a_plan_as_written_validates_as_the_normaliser_would"}),
    "test_batch.py": frozenset({"test_forked_workers_give_the_same_report_as_one_process"}),
    "test_first_hour.py": frozenset({"test_the_dashboard_in_a_browser"}),
    "test_engine_crashes.py": frozenset({"test_a_partner_listed_twice_is_an_input_problem_with_its_line"}),
    "test_fact_schema.py": frozenset({"test_every_fact_matches_its_declared_record"}),
    "test_batch_gaps.py": frozenset({"test_common_gaps_are_one_line_per_rule_with_a_neutral_title"}),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        listed = SLOW.get(item.path.name)
        name = getattr(item, "originalname", item.name)
        if listed == ALL or (isinstance(listed, frozenset) and name in listed):
            item.add_marker(pytest.mark.slow)
