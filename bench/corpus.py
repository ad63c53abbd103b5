"""A deterministic corpus of realistic cooperation plans for the benchmark.

Plans vary the way real drafts do: 3-30 partners, 2-40 indicators, Indonesian or English
keys (the Indonesian key names come from ``knowledge/plan_format.yaml``, so the corpus follows
the product's own alias table). Six in ten are complete drafts: every section the shipped
complete example (examples/desa-wisata-kopi.yaml) writes, partners' tasks on the plan's
subject, indicators with a data source and a target that goes the stated way; four in ten of them
are ready as written. The rest are flawed drafts: a missing pillar, vague or passive
responsibilities, indicators without baseline, target or source, a dominant foreign donor,
missing sections; and a few files are not valid plans at all. The same seed always writes the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from advisor import knowledge
from advisor.text.direction import statement_direction

PILLARS = ("government", "industry", "academia", "community", "media")
RESOURCES = ("funding", "technology", "expertise", "data", "facilities", "network")

# Free text by language: verbs that name a task, vague or passive openings, and objects.
_TEXT = {
    "id": {
        "org": {
            "government": [
                "Dinas Pariwisata",
                "Bappeda",
                "Dinas Koperasi dan UMKM",
                "Pemerintah Desa",
                "Dinas Kominfo",
            ],
            "industry": ["PT Kopi Nusantara", "Bank Pembangunan Daerah", "Asosiasi Hotel", "Koperasi Tani Makmur"],
            "academia": ["Universitas Negeri", "Politeknik Pariwisata", "Lembaga Riset Daerah", "Institut Teknologi"],
            "community": ["Pokdarwis", "Karang Taruna", "Kelompok Wanita Tani", "LSM Lingkungan", "BUMDes"],
            "media": ["Radio Komunitas", "Harian Daerah", "TV Lokal", "Portal Berita Desa"],
        },
        "task": [
            "Menyusun peraturan {obj}",
            "Melatih {n} pemandu {obj}",
            "Membangun {n} unit {obj}",
            "Menyediakan dana {obj} sebesar Rp {n} juta",
            "Menyusun kajian {obj}",
            "Menyiarkan informasi {obj} setiap bulan",
            "Mengelola {obj} bersama warga",
            "Mendampingi {n} UMKM {obj}",
        ],
        "vague": ["Mendukung kegiatan {obj}", "Membantu {obj} sesuai kebutuhan", "Berpartisipasi dalam {obj}"],
        "passive": ["Menerima pelatihan {obj}", "Menjadi peserta {obj}"],
        "obj": ["desa wisata", "kopi rakyat", "pengelolaan sampah", "homestay", "pemasaran digital", "irigasi desa"],
        "goal": [
            "Meningkatkan jumlah kunjungan wisatawan ke {obj}",
            "Menurunkan volume sampah di {obj}",
            "Meningkatkan pendapatan pelaku {obj}",
            "Memperluas pemasaran {obj}",
        ],
        "indicator": [
            "Jumlah wisatawan yang berkunjung ke {obj}",
            "Persentase rumah tangga yang terlibat dalam {obj}",
            "Jumlah pelaku usaha {obj} yang terlatih",
            "Kualitas {obj} membaik",
        ],
        "unit": ["orang", "%", "unit", "kunjungan"],
        "title": "Rencana kerja sama {obj}",
        "background": "Potensi {obj} belum dikelola secara bersama oleh para pihak.",
        "mechanism": "Forum koordinasi bulanan para mitra",
        "decision": ["Musyawarah mufakat dalam forum bersama", "Diputuskan oleh {donor}"],
        "channels": ["Rapat bulanan", "Grup pesan singkat", "Laman resmi pemerintah daerah"],
        "frequency": "triwulanan",
        "exit": "Pengelolaan diserahkan ke BUMDes pada tahun ketiga",
        "risk": "Dana hibah berhenti sebelum kegiatan selesai",
        # What a complete draft adds (as examples/desa-wisata-kopi.yaml does).
        "analysis": " Kendalanya: pengelola belum terlatih dan promosi masih terbatas. Peluangnya: minat "
        "wisatawan tumbuh dan program daerah mendukung {obj}.",
        "coordinate": "Mengoordinasikan forum para mitra {obj} setiap bulan",
        "agenda": ["RPJMD Kabupaten 2025-2029 Misi 2", "Renstra Dinas Pariwisata", "SDG 8"],
        "source": ["Laporan triwulanan Dinas Pariwisata", "Data BPS Kabupaten", "Catatan penjualan koperasi"],
        "alternatives": [
            "Pemerintah daerah menjalankan {obj} sendiri (ditolak - biaya tinggi)",
            "Kerja sama para mitra (dipilih)",
        ],
        "coord_frequency": "bulanan",
        "conflict": "Perbedaan pendapat dibahas dalam forum; bila belum selesai, dimediasi Camat",
        "disclosure": "Ringkasan anggaran dan capaian diumumkan setiap semester di laman desa",
        "reporting_to": "Bupati dan Badan Permusyawaratan Desa",
        "mitigation": "Biaya operasional dialihkan ke pendapatan BUMDes mulai tahun kedua",
        "sustainability": "Setelah rencana berakhir, {obj} dikelola BUMDes dari pendapatan sendiri.",
        "budget": ["APBD Kabupaten 2025-2027 sebesar Rp 1,2 miliar, sudah tercantum dalam KUA-PPAS"],
        "interests": "Setiap mitra menyampaikan kepentingannya dalam lokakarya perencanaan.",
        "trust": "Notulen forum dibagikan kepada semua mitra dalam tujuh hari.",
        "coi": "Anggota forum mengisi pernyataan bebas benturan kepentingan setiap tahun.",
        "institutional": "Forum para mitra ditetapkan dengan Keputusan Bupati.",
        "goal_setting": "Tujuan dan target disusun bersama para mitra dalam lokakarya perencanaan.",
    },
    "en": {
        "org": {
            "government": ["Tourism Office", "Regional Planning Agency", "Cooperatives Office", "Village Government"],
            "industry": [
                "Nusantara Coffee Ltd",
                "Regional Development Bank",
                "Hotel Association",
                "Farmers Cooperative",
            ],
            "academia": ["State University", "Tourism Polytechnic", "Regional Research Institute"],
            "community": ["Tourism Awareness Group", "Youth Organisation", "Women Farmers Group", "Environmental NGO"],
            "media": ["Community Radio", "Regional Daily", "Local TV", "Village News Portal"],
        },
        "task": [
            "Draft the regulation on {obj}",
            "Train {n} guides for {obj}",
            "Build {n} units of {obj}",
            "Provide a grant of USD {n} thousand for {obj}",
            "Publish a study of {obj}",
            "Broadcast monthly news on {obj}",
            "Run {obj} together with residents",
            "Mentor {n} small businesses in {obj}",
        ],
        "vague": ["Support {obj} activities", "Assist with {obj} as needed", "Participate in {obj}"],
        "passive": ["Receive training on {obj}", "Attend {obj} workshops"],
        "obj": ["village tourism", "smallholder coffee", "waste management", "homestays", "digital marketing"],
        "goal": [
            "Increase the number of tourist visits to {obj}",
            "Reduce the volume of waste from {obj}",
            "Raise the income of {obj} businesses",
        ],
        "indicator": [
            "Number of visitors to {obj}",
            "Percentage of households taking part in {obj}",
            "Number of trained {obj} businesses",
            "Better quality of {obj}",
        ],
        "unit": ["people", "%", "units", "visits"],
        "title": "Cooperation plan for {obj}",
        "background": "The potential of {obj} is not yet managed jointly by the parties.",
        "mechanism": "Monthly coordination forum of all partners",
        "decision": ["Consensus in the joint forum", "Decided by {donor}"],
        "channels": ["Monthly meeting", "Messaging group", "Regional government website"],
        "frequency": "quarterly",
        "exit": "Management handed to the village enterprise in year three",
        "risk": "The grant ends before the activities are finished",
        "analysis": " The constraints: managers are not yet trained and promotion is limited. The "
        "opportunities: visitor interest is growing and regional programmes support {obj}.",
        "coordinate": "Coordinate the monthly forum of the {obj} partners",
        "agenda": ["Regional Medium-Term Development Plan 2025-2029", "SDG 8"],
        "source": [
            "Quarterly report of the Tourism Office",
            "Regional statistics office data",
            "Cooperative sales records",
        ],
        "alternatives": ["The regional government runs {obj} alone (rejected - high cost)", "A partnership (chosen)"],
        "coord_frequency": "monthly",
        "conflict": "Disagreements go to the forum; if unresolved, the district head mediates",
        "disclosure": "Budget summaries and results are published every semester on the village website",
        "reporting_to": "The regent and the village council",
        "mitigation": "Running costs move to the village enterprise's income from year two",
        "sustainability": "After the plan ends, {obj} is run by the village enterprise from its own income.",
        "budget": ["Regional budget 2025-2027 of IDR 1.2 billion, already in the budget framework"],
        "interests": "Each partner stated its interests in the planning workshop.",
        "trust": "Forum minutes are shared with every partner within seven days.",
        "coi": "Forum members sign a conflict-of-interest declaration every year.",
        "institutional": "The partners' forum is established by a decree of the regent.",
        "goal_setting": "Goals and targets were set together by the partners in the planning workshop.",
    },
}


def _aliases() -> dict[str, dict[str, str]]:
    """Per section, canonical key -> the first Indonesian alias (the key a civil servant writes)."""
    out: dict[str, dict[str, str]] = {}
    for section, table in knowledge.plan_format().aliases.items():
        first: dict[str, str] = {}
        for alias, canonical in table.items():
            first.setdefault(canonical, alias)
        out[section] = first
    return out


def _localise(plan: dict[str, Any], aliases: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The same plan with Indonesian keys and pillar names."""
    pillar_id = {p: knowledge.plan_format().values["pillar"][p][1] for p in PILLARS}

    def section(data: dict[str, Any], name: str) -> dict[str, Any]:
        table = aliases.get(name, {})
        return {table.get(k, k): v for k, v in data.items()}

    out = section(dict(plan, scope="lokal"), "plan")
    for key, name in (
        ("period", "period"),
        ("dependency", "dependency"),
        ("coordination", "coordination"),
        ("communication", "communication"),
        ("monitoring", "monitoring"),
        ("agreement", "agreement"),
    ):
        local = aliases["plan"].get(key, key)
        if local in out:
            out[local] = section(out[local], name)
    for key, name in (("goals", "goal"), ("activities", "activity"), ("indicators", "indicator"), ("risks", "risk")):
        local = aliases["plan"].get(key, key)
        if local in out:
            out[local] = [section(item, name) for item in out[local]]
    partners = []
    for partner in out[aliases["plan"].get("partners", "partners")]:
        partner = dict(partner, pillar=pillar_id.get(partner["pillar"], partner["pillar"]))
        if "contributions" in partner:
            partner["contributions"] = [section(c, "contribution") for c in partner["contributions"]]
        partners.append(section(partner, "partner"))
    out[aliases["plan"].get("partners", "partners")] = partners
    return out


def make_plan(
    rng: random.Random, lang: str, n_partners: int, n_indicators: int, flawed: bool, scaled: bool = False
) -> dict[str, Any]:
    """One plan with English keys (localised afterwards for Indonesian-key files). ``scaled``
    lets goals and activities grow with the plan instead of staying at a drafter's numbers."""
    t = _TEXT[lang]
    obj = rng.choice(t["obj"])
    pillars = list(PILLARS)
    if flawed and rng.random() < 0.5:
        pillars.remove(rng.choice(["media", "academia", "community"]))
    partners = []
    for i in range(n_partners):
        pillar = pillars[i % len(pillars)]
        n_resp = rng.randint(0 if flawed else 1, 3)
        responsibilities = []
        for _ in range(n_resp):
            style = "task"
            if flawed and rng.random() < 0.3:
                style = "passive" if pillar == "community" else "vague"
            pattern = rng.choice(t[style])
            # A complete draft keeps to its subject, so each partner's tasks match its activities.
            topic = rng.choice(t["obj"]) if flawed else obj
            responsibilities.append(pattern.format(obj=topic, n=rng.randint(5, 200)))
        if not flawed and i == 0:  # partners[0] is the government: it coordinates
            responsibilities.insert(0, t["coordinate"].format(obj=obj))
        partner: dict[str, Any] = {
            "id": f"{pillar[:3]}{i + 1}",
            "name": f"{rng.choice(t['org'][pillar])} {i + 1}",
            "pillar": pillar,
            "responsibilities": responsibilities,
        }
        if rng.random() < 0.5:
            partner["contributions"] = [{"kind": rng.choice(RESOURCES), "description": obj}]
        if rng.random() < 0.6:
            partner["benefits"] = [rng.choice(t["goal"]).format(obj=obj)]
        partners.append(partner)
    donor = partners[1 % len(partners)]
    if flawed and rng.random() < 0.3:
        donor.update(country="JP", donor=True, contributions=[{"kind": "funding", "share": 80}])
    n_goals = max(1, n_indicators // 10 if scaled else min(6, n_indicators // 4))
    goals: list[dict[str, Any]] = [
        {"id": f"g{i + 1}", "statement": rng.choice(t["goal"]).format(obj=obj)} for i in range(n_goals)
    ]
    if not flawed:
        for goal in goals:
            goal["development_agenda"] = rng.sample(t["agenda"], 2)
    n_activities = max(2, n_partners // 2 if scaled else min(40, n_partners // 2 + 1))
    activities = []
    for i in range(n_activities):
        activity: dict[str, Any] = {
            "id": f"k{i + 1}",
            "name": rng.choice(t["task"]).format(obj=obj, n=rng.randint(5, 50)),
            "lead": partners[i % n_partners]["id"],
            "support": [partners[(i + 1) % n_partners]["id"]],
            "goals": [goals[i % n_goals]["id"]],
        }
        if not flawed or rng.random() < 0.5:
            activity.update(start=dt.date(2025, 1 + i % 12, 1), end=dt.date(2026, 12, 31))
        activities.append(activity)
    # What each goal or activity says, for the direction an indicator's target must go.
    statements = {g["id"]: g["statement"] for g in goals} | {a["id"]: a["name"] for a in activities}
    indicators = []
    for i in range(n_indicators):
        indicator: dict[str, Any] = {
            "id": f"i{i + 1}",
            "statement": rng.choice(t["indicator"]).format(obj=obj),
            "measures": goals[i % n_goals]["id"] if i % 2 else activities[i % n_activities]["id"],
        }
        if not flawed or rng.random() < 0.5:
            low, high = rng.randint(0, 100), rng.randint(101, 500)
            # A complete draft sets a target that goes the way its statement (or what it
            # measures) says; a flawed one may not.
            falls = not flawed and _direction(indicator, statements) == "decrease"
            indicator.update(
                unit=rng.choice(t["unit"]),
                baseline=high if falls else low,
                target=low if falls else high,
                due=dt.date(2026, 12, 1),
                responsible=partners[i % n_partners]["id"],
            )
        if not flawed:
            indicator.update(data_source=rng.choice(t["source"]), frequency=rng.choice(["quarterly", "semiannual"]))
        indicators.append(indicator)
    plan: dict[str, Any] = {
        "title": t["title"].format(obj=obj),
        "kind": rng.choice(["pentahelix", "pentahelix", "domestic", "sectoral", "bilateral"]),
        "scope": "local",
        "language": lang,
        "period": {"start": dt.date(2025, 1, 1), "end": dt.date(2027, 12, 31)},
        "background": t["background"].format(obj=obj),
        "goals": goals,
        "partners": partners,
        "activities": activities,
        "indicators": indicators,
    }
    if not flawed or rng.random() < 0.5:
        plan["coordination"] = {
            "mechanism": t["mechanism"],
            "decision_making": rng.choice(t["decision"]).format(donor=donor["id"]),
        }
        plan["communication"] = {"channels": rng.sample(t["channels"], 2)}
        plan["monitoring"] = {"frequency": t["frequency"], "evaluations": [dt.date(2026, 6, 30)]}
        plan["dependency"] = {"exit_strategy": t["exit"]}
        plan["risks"] = [{"description": t["risk"]}]
    if not flawed:
        _complete(plan, t, obj, partners[0]["id"])
    return plan


def _direction(indicator: dict[str, Any], statements: dict[str, str]) -> str | None:
    """The direction the product reads for an indicator: its statement's, else what it measures'."""
    for text in (indicator["statement"], statements.get(indicator["measures"], "")):
        label = statement_direction(text).label
        if label != "unknown":
            return label
    return None


def _complete(plan: dict[str, Any], t: dict[str, Any], obj: str, coordinator: str) -> None:
    """What a complete draft also writes: the analysis, the alternatives weighed, how the
    partners coordinate, disclose, report and sustain the work, and the governance notes."""
    plan["background"] += t["analysis"].format(obj=obj)
    plan["alternatives_considered"] = [text.format(obj=obj) for text in t["alternatives"]]
    plan["coordination"].update(frequency=t["coord_frequency"], conflict_resolution=t["conflict"])
    plan["communication"]["public_disclosure"] = t["disclosure"]
    plan["monitoring"].update(responsible=coordinator, reporting_to=t["reporting_to"])
    plan["risks"][0]["mitigation"] = t["mitigation"]
    plan.update(
        sustainability=t["sustainability"].format(obj=obj),
        budget=t["budget"],
        interests=t["interests"],
        trust_building=t["trust"],
        conflict_of_interest=t["coi"],
        institutional_change=t["institutional"],
        goal_setting=t["goal_setting"],
    )


def dump(plan: dict[str, Any]) -> str:
    # libyaml's emitter when present: the pure-Python one would make writing the corpus
    # slower than reviewing it.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(plan, Dumper=dumper, sort_keys=False, allow_unicode=True, width=110)


def plan_text(seed: int, index: int, n_partners: int | None = None, n_indicators: int | None = None) -> str:
    """The YAML text of plan ``index`` of the corpus of ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    lang = "id" if index % 2 == 0 else "en"
    scaled = n_partners is not None
    flawed = scaled or rng.random() < 0.4
    partners = n_partners if n_partners is not None else rng.randint(3, 30)
    indicators = n_indicators if n_indicators is not None else rng.randint(2, 40)
    plan = make_plan(rng, lang, partners, indicators, flawed, scaled)
    if lang == "id":
        plan = _localise(plan, _aliases())
    text = dump(plan)
    if not scaled and index % 50 == 49:
        # A draft that is not a valid plan: an unknown pillar (a validation error), or a
        # broken indent (a YAML syntax error). Both are reported, never a traceback.
        if index % 100 == 49:
            text = text.replace("pillar: media", "pillar: wartawan").replace("pilar: pers", "pilar: wartawan")
        else:
            text = text.replace("\n  ", "\n ", 1)
    return text


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` plans into ``folder`` (plan-0000.yaml, ...) and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:05d}.yaml"
        path.write_text(plan_text(seed, index), encoding="utf-8")
        paths.append(path)
    return paths


def write_scaled(folder: Path, size: int, seed: int = 7) -> Path:
    """One plan with ``size`` partners and ``size`` indicators (for the growth measurement)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scaled-{size:05d}.yaml"
    path.write_text(plan_text(seed, 0, n_partners=size, n_indicators=size), encoding="utf-8")
    return path
