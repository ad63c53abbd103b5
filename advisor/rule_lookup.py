"""Finding a rule by what a user types (id, alias or dotted name), and a rule's text with its
blanks shown: what both the catalogue and the explanations need (advisor/catalogue.py names
them too), apart from the catalogue so that the explanations need not import it."""

from __future__ import annotations

import difflib
import re

from advisor import rules
from advisor.rules.base import Rule
from advisor.texts import neutral_params, ui

_PLACEHOLDER = re.compile(r"\{\w+\}")


def neutral(template: str, lang: str | None = None) -> str:
    """A text template with its placeholders replaced by an ellipsis: a summary that fits
    every finding of the rule ("The … pillar is missing"); a labelled parameter that has a usual
    case reads as that case in ``lang`` (advisor/texts.py)."""
    known = neutral_params(lang) if lang else {}
    return _PLACEHOLDER.sub(lambda m: str(known.get(m.group(0)[1:-1], "…")), template)


def find_rule(text: str) -> Rule:
    """A rule by id, alias or dotted name; ``LookupError`` carries close matches."""
    wanted = text.strip()
    table = rules.by_id()
    if wanted.upper() in table:
        return table[wanted.upper()]
    by_name = {r.name: r for r in rules.all_rules()}
    if wanted.lower() in by_name:
        return by_name[wanted.lower()]
    choices = sorted(table) + sorted(by_name)
    close = difflib.get_close_matches(wanted.upper(), sorted(table), n=3, cutoff=0.5)
    close += difflib.get_close_matches(wanted.lower(), sorted(by_name), n=3, cutoff=0.6)
    raise UnknownRule(wanted, [c for c in dict.fromkeys(close) if c in choices])


class UnknownRule(LookupError):
    def __init__(self, wanted: str, suggestions: list[str]):
        super().__init__(wanted)
        self.wanted = wanted
        self.suggestions = suggestions

    def message(self, lang: str) -> str:
        text = ui("unknown_rule", lang, rule=self.wanted)
        if self.suggestions:
            text += " " + ui("did_you_mean_rule", lang, suggestions=", ".join(self.suggestions))
        return text + " " + ui("see_rules", lang)
