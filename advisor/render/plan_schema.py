"""The plan format's JSON Schema (``advisor schema``, ``docs/plan.schema.json``) as its file holds
it, from the schema :func:`advisor.schema.plan_schema` builds."""

from __future__ import annotations

import json
from typing import Any


def render(schema: dict[str, Any]) -> str:
    """Indented, non-ASCII kept, as ``docs/plan.schema.json`` holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
