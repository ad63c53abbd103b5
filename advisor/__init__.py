"""Pentahelix Advisor: a rule-based reviewer of public-sector cooperation plans."""

from __future__ import annotations

__version__ = "0.1.0"
