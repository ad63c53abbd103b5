"""``agreement_terms`` fact: what the cooperation's agreement settles, for the KS checks of
issue 14 (formal agreement, authority to sign, closing clauses, language).

- A domestic cooperation in which a regional government takes part is set out in a formal
  agreement (Kesepakatan Bersama, then Perjanjian Kerja Sama; PP 28/2018 and Permendagri
  22/2020), signed by the regional head or an official he authorises.
- An agreement settles disputes, its term, how it is amended and how it ends. A conflict
  procedure in ``coordination.conflict_resolution`` settles disputes too; the plan's ``period``
  is its term.
- An international agreement of an Indonesian government body is written in Bahasa
  Indonesia, beside the partner's language or English (UU 24/2009 Pasal 31).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from advisor import textscan

if TYPE_CHECKING:
    from advisor.facts import _Extractor

# A signatory who is the regional head signs on his own authority.
_REGIONAL_HEAD = (
    "gubernur", "bupati", "wali kota", "walikota", "kepala daerah", "governor", "regent", "mayor",
    "menteri", "minister", "kepala desa",
)  # fmt: skip
_INDONESIAN = ("indonesia", "bahasa indonesia", "indonesian", "id")


def _mentions(text: str, phrases: tuple[str, ...]) -> bool:
    tokens = textscan.words(text)
    for phrase in phrases:
        wanted = textscan.words(phrase)
        n = len(wanted)
        if n and any(tokens[i : i + n] == wanted for i in range(len(tokens) - n + 1)):
            return True
    return False


def add_facts(ex: _Extractor) -> None:
    plan = ex.plan
    agreement = plan.agreement
    coordination = plan.coordination
    government = {p.id for p in plan.partners if p.pillar == "government"}
    missing = []
    if agreement is not None:
        if not textscan.filled(agreement.dispute_settlement) and not (
            coordination and textscan.filled(coordination.conflict_resolution)
        ):
            missing.append("dispute_settlement")
        if not textscan.filled(agreement.term) and not (plan.period and plan.period.end):
            missing.append("term")
        if not textscan.filled(agreement.amendment):
            missing.append("amendment")
        if not textscan.filled(agreement.termination):
            missing.append("termination")
    signatories = agreement.signatories if agreement else []
    unauthorised = [
        s.official or s.partner or "?"
        for s in signatories
        if s.partner in government
        and not _mentions(s.official or "", _REGIONAL_HEAD)
        and not textscan.filled(s.authorisation)
    ]
    language = textscan.joined(agreement.language) if agreement and agreement.language is not None else ""
    ex.add(
        "agreement_terms",
        "plan",
        "agreement" if agreement is not None else "",
        has_agreement=agreement is not None,
        n_government=len(government),
        missing_clauses=",".join(missing) or "none",
        n_missing_clauses=len(missing),
        n_signatories=len(signatories),
        unauthorised=", ".join(unauthorised),
        n_unauthorised=len(unauthorised),
        language_stated=bool(language.strip()),
        language_has_indonesian=_mentions(language, _INDONESIAN),
        language=language.strip() or "none",  # "none" is shown as "not stated"
        evidence=agreement.type or "" if agreement else "",
    )
