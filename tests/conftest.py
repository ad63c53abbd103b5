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
