"""``agreement_terms`` fact: what the cooperation's agreement settles, for the KS checks of
issue 14 (formal agreement, authority to sign, closing clauses, language).

- A domestic cooperation in which a regional government takes part is set out in a formal
  agreement (Kesepakatan Bersama, then Perjanjian Kerja Sama; PP 28/2018 and Permendagri
  22/2020), signed by the regional head or an official he authorises. A memorandum alone (a Nota
  Kesepahaman, a Kesepakatan Bersama with no PKS named anywhere) binds no party to the work.
- An agreement settles disputes, its term, how it is amended and how it ends. A conflict
  procedure in ``coordination.conflict_resolution`` settles disputes too; the plan's ``period``
  is its term.
- An international agreement of an Indonesian government body is written in Bahasa
  Indonesia, beside the partner's language or English (UU 24/2009 Pasal 31).

Each clause counts where the plan states it: its own field, or a sentence anywhere in the prose
(the agreement's type, the sustainability text, ...): "PKS dapat diubah dengan adendum",
"diakhiri lebih awal dengan pemberitahuan 90 hari", "dalam Bahasa Indonesia dan bahasa Inggris".
"""

from __future__ import annotations

from advisor.facts import schema
from advisor.facts.base import FactSink
from advisor.facts.index import is_foreign
from advisor.text import filled, find, find_as_written, joined


class AgreementTermsFact(schema.Fact):
    has_agreement: bool
    n_government: int
    missing_clauses: str  # comma-separated clause names, or "none"
    n_missing_clauses: int
    n_signatories: int
    unauthorised: str
    n_unauthorised: int
    language_stated: bool
    language_has_indonesian: bool
    language: str
    memorandum_only: bool  # the agreement's type names a memorandum and the plan names no binding agreement
    memorandum: str  # the memorandum's words, as written
    evidence: str


schema.register("agreement_terms", AgreementTermsFact)


def _stated(texts: list[str], purpose: str) -> bool:
    return any(find(text, purpose) is not None for text in texts)


def add_facts(ex: FactSink) -> None:
    plan = ex.plan
    agreement = plan.agreement
    coordination = plan.coordination
    government = {p.id for p in plan.partners if p.pillar == "government"}
    prose = [agreement.type or "", *ex.index.prose] if agreement is not None else []
    missing = []
    if agreement is not None:
        settled_elsewhere = {
            "dispute_settlement": bool(coordination and filled(coordination.conflict_resolution)),
            "term": bool(plan.period and plan.period.end),
            "amendment": False,
            "termination": False,
        }
        for clause, elsewhere in settled_elsewhere.items():
            purpose = "clause_dispute" if clause == "dispute_settlement" else f"clause_{clause}"
            if not (filled(getattr(agreement, clause)) or elsewhere or _stated(prose, purpose)):
                missing.append(clause)
    signatories = agreement.signatories if agreement else []
    # A foreign party's signing follows its own law, whether or not its signatory is listed.
    indonesian_government = government - {p.id for p in plan.partners if is_foreign(p)}
    unauthorised = [
        s.official or s.partner or "?"
        for s in signatories
        if s.partner in indonesian_government
        and find(s.official or "", "regional_head") is None  # signs on his own authority
        and not filled(s.authorisation)
    ]
    if not signatories:
        # no signatory listed: no Indonesian government party has shown who signs for it, and by
        # what right (a foreign party's signing follows its own law)
        unauthorised = [p.name or p.id for p in plan.partners if p.pillar == "government" and not is_foreign(p)]
    memorandum = find_as_written(agreement.type or "", "memorandum") if agreement is not None else None
    language = joined(agreement.language) if agreement and agreement.language is not None else ""
    if not language.strip():
        # "dalam Bahasa Indonesia dan bahasa Inggris" written in the agreement's type or elsewhere
        language = next((t for t in prose if find(t, "agreement_language") is not None), "")
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
        language_has_indonesian=find(language, "indonesian_language") is not None,
        language=language.strip() or "none",  # "none" is shown as "not stated"
        # the binding agreement is looked for only when the type names a memorandum
        memorandum_only=memorandum is not None and not _stated(prose, "binding_agreement"),
        memorandum=memorandum or "",
        evidence=agreement.type or "" if agreement else "",
    )
