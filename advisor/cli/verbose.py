"""``--verbose``: which configuration, language and rule selection each plan is reviewed with
(each plan takes its nearest configuration: advisor/plan_configs.py)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from advisor.api import Group
from advisor.terminal import display_name
from advisor.texts import ui


def _shown(path: Path) -> str:
    """A configuration's path as the user would type it: relative when under the working folder."""
    relative = os.path.relpath(path)
    return display_name(path if relative.startswith("..") else relative)


def explain_groups(groups: Sequence[Group], lang: str) -> None:
    """Which configuration, language and rule selection each plan is reviewed with, on standard error."""
    for group in groups:
        settings = group.run.settings
        config = _shown(group.run.config.path) if group.run.config.path else ui("verbose_no_config", lang)
        rules = ui(
            "verbose_rules",
            lang,
            select=", ".join(settings.select) or ui("verbose_all", lang),
            ignore=", ".join(settings.ignore) or "-",
            min_severity=settings.min_severity,
        )
        for target in group.targets:
            plan_lang = group.run.lang or ui("verbose_plan_lang", lang)
            click.echo(
                ui("verbose_plan", lang, file=target.display, config=config, language=plan_lang, rules=rules), err=True
            )
