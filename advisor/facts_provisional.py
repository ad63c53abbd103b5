"""Provisional readings that the text layer (issue 13) will own.

Each function adds one attribute the calibrated rules (issue 14) read, computed here with the
existing :mod:`advisor.textscan` until the new text layer provides it; the merge replaces
each function by the text layer's reading and deletes it here. Functions only add
attributes to facts already extracted, never change one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from advisor import textscan

if TYPE_CHECKING:
    from advisor.facts import _Extractor
    from advisor.model import Partner

Fact = dict[str, Any]


def _by_kind(ex: _Extractor, kind: str) -> list[Fact]:
    return [f for f in ex.facts if f["kind"] == kind]


def indicator_direction_inferred(ex: _Extractor) -> None:
    """``direction_inferred`` on indicator facts: True when the direction was not stated in
    the indicator (its ``direction`` field or its own statement) but taken from the goal or
    activity it measures."""
    indicators = {ind.id: ind for ind in ex.plan.indicators}
    for fact in _by_kind(ex, "indicator"):
        ind = indicators[fact["indicator"]]
        stated = bool(ind.direction) or textscan.direction(ind.statement or "") is not None
        fact["direction_inferred"] = fact.get("direction", "unknown") != "unknown" and not stated


def _first_named(ex: _Extractor, text: str) -> Partner | None:
    """The partner named earliest in ``text`` (by id as a word, or by name): in "Final decision
    by X after consultation with Y" the decider is X whatever the order of the partner list."""
    lowered, words = text.lower(), textscan.words(text)
    best: tuple[int, int] | None = None
    found = None
    for index, partner in enumerate(ex.plan.partners):
        positions = [lowered.find(partner.name.lower())] if partner.name else []
        if partner.id.lower() in words:
            positions.append(lowered.find(partner.id.lower()))
        positions = [p for p in positions if p >= 0]
        if positions and (best is None or (min(positions), index) < best):
            best, found = (min(positions), index), partner
    return found


def decision_decider(ex: _Extractor) -> None:
    """``decider`` and ``decider_name`` on decision facts, and ``by_strong`` recomputed from
    that decider (the old reading took the first partner of the list that the text named)."""
    for fact in _by_kind(ex, "decision"):
        if fact.get("style") != "unilateral":
            fact["by_strong"] = False
            continue
        partner = _first_named(ex, str(fact.get("evidence", "")))
        if partner is None:
            fact["by_strong"] = False
            continue
        fact["decider"] = partner.id
        fact["decider_name"] = partner.name or partner.id
        fact["by_strong"] = bool(partner.donor or _foreign(partner) or partner.id in ex._top_contributors())


def _foreign(partner: Partner) -> bool:
    country = (partner.country or "").strip().lower()
    return bool(country) and country not in textscan.HOME_COUNTRIES


# Word lists of the provisional readings below. They belong in the text layer's lexicon; they
# are here only until it reads these things itself (issue 13).
_DELIBERATION = (
    "musyawarah", "mufakat", "dibahas", "pembahasan", "dimusyawarahkan", "rapat", "forum", "sidang",
    "deliberation", "deliberating", "discussed", "discussion", "meeting", "forum",
)  # fmt: skip
_PERIODIC = (
    "sekali", "setiap", "tiap", "bulanan", "mingguan", "triwulanan", "semesteran", "tahunan", "berkala",
    "paling sedikit", "sekurang-kurangnya", "minimal", "monthly", "weekly", "quarterly", "annually",
    "yearly", "every", "at least", "once", "twice", "biweekly", "fortnightly",
)  # fmt: skip
_BUDGET_CYCLE = (
    "rka", "rka skpd", "rka-skpd", "dpa", "dpa skpd", "apbd", "apbdes", "apbn", "dipa", "kua-ppas", "kua ppas",
    "rkpd", "rkp", "rkpdes", "renja", "regional budget", "state budget",
)  # fmt: skip
# "already in" (a budget document named beside "akan diusulkan" is not yet in the cycle)
_ALREADY = (
    "sudah", "telah", "masuk", "tercantum", "termuat", "dimuat", "dialokasikan", "already", "included",
    "allocated", "is in", "listed in",
)  # fmt: skip
_AGENDA = ("rpjmd", "rpjmn", "rpjpd", "rpjpn", "rkpd", "rkp", "renstra", "sdg", "sdgs", "tpb", "renja")
# What the international "not stated" checks look for in prose, beside the dedicated field.
_PROSE = {
    # not "kepentingan" alone: "pemangku kepentingan" means stakeholders
    "has_interests": (
        "kepentingan nasional", "kepentingan masing-masing", "kepentingan para pihak", "kepentingan kedua",
        "kepentingan bersama", "perbedaan kepentingan", "kepentingan indonesia", "national interest",
        "national interests", "interests of", "shared interest", "common interest", "differing interests",
    ),
    "has_trust_building": (
        "membangun kepercayaan", "saling percaya", "kepercayaan", "trust", "mutual trust", "confidence-building",
    ),
    "has_regulatory_differences": (
        "perbedaan regulasi", "perbedaan peraturan", "perbedaan hukum", "peraturan kedua negara",
        "regulatory differences", "different regulations", "differing regulations", "regulations of both",
        "legal differences", "laws of both",
    ),
    "has_conflict_safeguard": (
        "benturan kepentingan", "konflik kepentingan", "conflict of interest", "conflicts of interest",
        "gratifikasi", "gratification", "kode etik", "code of conduct",
    ),
}  # fmt: skip


def _mentions(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first of ``phrases`` that occurs in ``text`` as whole words."""
    tokens = textscan.words(text)
    for phrase in phrases:
        wanted = textscan.words(phrase)
        n = len(wanted)
        if n and any(tokens[i : i + n] == wanted for i in range(len(tokens) - n + 1)):
            return phrase
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def plan_prose(ex: _Extractor) -> str:
    """Every text of the plan, for readings that may be written anywhere (issue 14 point 1)."""
    data = ex.plan.model_dump(exclude_none=True, exclude={"suppress"})
    return " \n ".join(_strings(data))


def decision_deliberated(ex: _Extractor) -> None:
    """``deliberated`` on decision facts: the decision is taken after or in a deliberation
    (a council's approval or a regional head's decree after a forum has discussed it)."""
    for fact in _by_kind(ex, "decision"):
        fact["deliberated"] = _mentions(str(fact.get("evidence", "")), _DELIBERATION) is not None


def partner_government_role(ex: _Extractor) -> None:
    """``n_clear_or_role`` and ``n_vague_task`` on partner facts: a government partner that
    facilitates or coordinates something ("Memfasilitasi pertemuan pelaku usaha") plays the
    role seed 000 gives government (fasilitator dan koordinator), not a vague one."""
    partners = {p.id: p for p in ex.plan.partners}
    for fact in _by_kind(ex, "partner"):
        partner = partners[fact["partner"]]
        roles = 0
        if partner.pillar == "government":
            roles = sum(
                1
                for r in partner.responsibilities
                if textscan.clarity(r) == "vague"
                and textscan.starts_with(r, "coordinate")
                and len(textscan.words(r)) >= 2
            )
        fact["n_clear_or_role"] = fact.get("n_clear", 0) + roles
        fact["n_vague_task"] = fact.get("n_vague", 0) - roles


def coordination_scheduled(ex: _Extractor) -> None:
    """``coordination_scheduled`` on the governance fact: the frequency names a regular
    period or a minimum ("paling sedikit dua bulan sekali"), even if it also allows meetings
    "sewaktu-waktu bila perlu"."""
    coordination = ex.plan.coordination
    text = (coordination.frequency or "") if coordination else ""
    scheduled = bool(text.strip()) and (textscan.find(text, "ad_hoc") is None or _mentions(text, _PERIODIC) is not None)
    for fact in _by_kind(ex, "governance"):
        fact["coordination_scheduled"] = scheduled


def budget_in_cycle(ex: _Extractor) -> None:
    """``in_budget_cycle`` on the budget fact: the money is already in the regional or national
    budget cycle (RKA/DPA SKPD, APBD, DIPA...), even when the document is still a draft
    ("sudah masuk rancangan RKA SKPD"); "akan diusulkan pada APBD" is not."""
    for fact in _by_kind(ex, "budget"):
        text = str(fact.get("evidence", ""))
        fact["in_budget_cycle"] = _mentions(text, _BUDGET_CYCLE) is not None and _mentions(text, _ALREADY) is not None


def goals_agenda_in_text(ex: _Extractor) -> None:
    """``n_goals_with_agenda_any`` on the governance fact: goals whose ``development_agenda``
    is filled or whose own statement names an agenda (RPJMD, RPJMN, SDG, Renstra...)."""
    n = sum(
        1
        for g in ex.plan.goals
        if textscan.filled(g.development_agenda) or _mentions(g.statement or "", _AGENDA) is not None
    )
    for fact in _by_kind(ex, "governance"):
        fact["n_goals_with_agenda_any"] = n


def form_prose(ex: _Extractor) -> None:
    """The international "stated" readings on the form fact, from the dedicated field or any
    prose of the plan: ``has_sovereignty``, ``has_mutual_benefit`` (widened), ``has_interests``,
    ``has_trust_building``, ``has_regulatory_differences``, ``has_conflict_safeguard``."""
    prose = plan_prose(ex)
    plan = ex.plan
    differences = plan.differences
    fields = {
        "has_interests": textscan.filled(plan.interests),
        "has_trust_building": textscan.filled(plan.trust_building),
        "has_regulatory_differences": bool(differences and textscan.filled(differences.regulation)),
        "has_conflict_safeguard": textscan.filled(plan.conflict_of_interest),
    }
    for fact in _by_kind(ex, "form"):
        fact["has_sovereignty"] = bool(fact.get("has_sovereignty")) or textscan.find(prose, "sovereignty") is not None
        fact["has_mutual_benefit"] = (
            bool(fact.get("has_mutual_benefit")) or textscan.find(prose, "mutual_benefit") is not None
        )
        for attribute, phrases in _PROSE.items():
            fact[attribute] = fields[attribute] or _mentions(prose, phrases) is not None


def add_all(ex: _Extractor) -> None:
    indicator_direction_inferred(ex)
    decision_decider(ex)
    decision_deliberated(ex)
    partner_government_role(ex)
    coordination_scheduled(ex)
    budget_in_cycle(ex)
    goals_agenda_in_text(ex)
    form_prose(ex)
