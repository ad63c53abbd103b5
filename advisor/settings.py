"""What a review depends on besides the plan.

:class:`Options` is what a caller asks for (the command line's options, a form's fields),
before any configuration file is read; :class:`Settings` is what one plan is reviewed with,
once the options are laid over the plan's configuration (``advisor.api.resolve``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The size limit on a plan file is the loader's; named here for callers building settings.
from advisor.loader import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    """Everything a review depends on besides the plan; built by :func:`advisor.api.resolve`
    or a caller."""

    lang: str | None = None
    min_severity: str = "info"
    max_bytes: int = DEFAULT_MAX_BYTES
    # A team's configuration (advisor/config.py): rule ids or family codes to report only /
    # never, severity overrides by id or family, threshold overrides; all as tuples so that
    # settings stay hashable and can be sent to worker processes.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    thresholds: tuple[tuple[str, Any], ...] = ()
    # False for an audit: the plan's own `suppress` entries are ignored.
    suppress: bool = True
    # Keep the facts each finding matched (Finding.facts): only `check --explain` shows them,
    # and freezing them costs more per plan than building the findings themselves.
    keep_facts: bool = False

    def selected(self, rule_id: str, family: str) -> bool:
        """The most specific entry decides (a rule id over its family); ignore wins a tie."""
        if rule_id in self.ignore:
            return False
        if rule_id in self.select:
            return True
        if family in self.ignore:
            return False
        return not self.select or family in self.select

    def severity_of(self, rule_id: str, family: str, default: str) -> str:
        """The severity a team's configuration gives the rule (by id, else family), else ``default``."""
        overrides = dict(self.severity)
        return overrides.get(rule_id) or overrides.get(family) or default


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True)
class Options:
    """What a caller asks for, over the configuration: ``None`` (or empty) takes the
    configuration's value, else the built-in default. ``select``/``ignore`` replace the
    configuration's lists; ``exclude`` patterns add to its own."""

    config_path: Path | None = None  # this configuration for every plan, instead of each plan's nearest
    lang: str | None = None
    min_severity: str | None = None
    fail_level: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    suppress: bool = True  # False: an audit, the plans' own `suppress` entries ignored
    max_bytes: int | None = None
    keep_facts: bool = False  # keep the facts behind each finding (`check --explain`)


DEFAULT_OPTIONS = Options()
