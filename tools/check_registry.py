"""Check the editorial registry files against ROR and print a summary.

Maintainer tool, not used at run time.

    python tools/check_registry.py ../shared/data/ror            # checks and summary
    python tools/check_registry.py ../shared/data/ror --spot 30  # plus 30 random world-tier members
    python tools/check_registry.py ../shared/data/ror --missing  # wanted institutions ROR lacks

Checks (exit status 1 if any fails):
- every ROR id in tiers.yaml and aliases.yaml exists in the ROR data (extract and/or dump);
- no id is listed in more than one world tier (each is listed in its tightest tier only);
- every `implies` names a tier that exists.
Warnings (reported, not failing): ids whose ROR record is not active; editorial aliases
that collide with another registered institution's names or acronyms; place names
(place_names.yaml) whose other name turns one registered name into another institution's.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_registry import DATA, load_ror

from visarules.resolve.institutions import implied_tiers, is_acronym, place_variants
from visarules.resolve.normalize import compact, normalize

WORLD = ("world_top_100", "world_top_200", "world_top_500")

# Institutions the tiers should hold but which the ROR data at hand lacks (searched by name on
# 2026-11-27 in the extract and in ror-v2-sample.zip). --missing re-checks them, so that they
# can be added once the full ROR dump is in the folder.
WANTED: list[tuple[str, str, str]] = [
    # (tier, country, name as ROR spells it, as far as we know)
    ("world_top_200", "JP", "Hokkaido University"),
    ("world_top_500", "TW", "National Tsing Hua University"),
    ("world_top_500", "TW", "National Cheng Kung University"),
    ("world_top_200", "AU", "RMIT University"),
    ("world_top_200", "GB", "London School of Hygiene & Tropical Medicine"),
    ("world_top_500", "QA", "Qatar University"),
    ("world_top_500", "DE", "University of Mannheim"),
    ("world_top_500", "BE", "University of Antwerp"),
    ("world_top_100", "US", "The University of Texas MD Anderson Cancer Center"),
    ("world_top_500", "NZ", "Auckland University of Technology"),
    ("world_top_500", "CN", "Guangdong University of Technology"),
    ("world_top_500", "TW", "National Taiwan University of Science and Technology"),
    ("world_top_500", "TW", "National Central University"),
    ("world_top_500", "TW", "National Sun Yat-sen University"),
    ("world_top_500", "TW", "Taipei Medical University"),
    ("world_top_500", "TW", "Chang Gung University"),
    ("world_top_500", "TW", "National Taiwan Normal University"),
    ("world_top_500", "TW", "National Chung Hsing University"),
    ("world_top_500", "TW", "Kaohsiung Medical University"),
    ("world_top_500", "KR", "University of Ulsan"),
    ("world_top_500", "MY", "UCSI University"),
    ("world_top_500", "IN", "Indian Institute of Technology Roorkee"),
    ("world_top_500", "PK", "Quaid-i-Azam University"),
    ("world_top_500", "IR", "University of Tehran"),
    ("world_top_500", "IR", "Sharif University of Technology"),
    ("world_top_500", "EG", "Cairo University"),
    ("world_top_500", "BR", "Universidade Federal de Minas Gerais"),
    ("world_top_500", "RU", "Saint Petersburg State University"),
    ("world_top_500", "RU", "Tomsk State University"),
    ("world_top_500", "RU", "Bauman Moscow State Technical University"),
    ("world_top_500", "RU", "Peter the Great St. Petersburg Polytechnic University"),
    ("world_top_500", "RU", "National University of Science and Technology MISIS"),
    ("cn_double_first_class", "CN", "贵州大学"),
    ("cn_double_first_class", "CN", "西藏大学"),
    ("cn_double_first_class", "CN", "对外经济贸易大学"),
    ("cn_double_first_class", "CN", "中国政法大学"),
    ("cn_double_first_class", "CN", "华中师范大学"),
    ("cn_double_first_class", "CN", "中央美术学院"),
    ("cn_double_first_class", "CN", "中国美术学院"),
    ("cn_double_first_class", "CN", "北京体育大学"),
    ("cn_double_first_class", "CN", "南京邮电大学"),
    ("cn_double_first_class", "CN", "成都中医药大学"),
    ("cn_double_first_class", "CN", "广州医科大学"),
    ("cn_double_first_class", "CN", "中央戏剧学院"),
    ("cn_double_first_class", "CN", "中国音乐学院"),
    ("cn_double_first_class", "CN", "天津中医药大学"),
    ("cn_double_first_class", "CN", "外交学院"),
    (
        "national_research_organisation",
        "JP",
        "National Institute of Advanced Industrial Science and Technology",
    ),
    ("national_research_organisation", "DE", "European Southern Observatory"),
    ("national_research_organisation", "FR", "Institut Laue-Langevin"),
    ("national_research_organisation", "IN", "Bhabha Atomic Research Centre"),
    ("national_research_organisation", "GB", "Francis Crick Institute"),
    ("national_research_organisation", "DE", "Max Planck Institute for Informatics"),
    ("national_research_organisation", "CN", "Hefei Institutes of Physical Science"),
    ("national_research_organisation", "CN", "National Astronomical Observatories"),
    ("national_research_organisation", "CN", "Institute of Theoretical Physics"),
    ("national_research_organisation", "CN", "Chinese Academy of Engineering"),
]


def keys(text: str) -> set[str]:
    return {k for k in (normalize(text), compact(text)) if k}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ror_folder", nargs="?", default="../shared/data/ror")
    parser.add_argument("--spot", type=int, default=0, help="print N random world-tier members")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--missing", action="store_true", help="re-check the WANTED list")
    args = parser.parse_args()

    ror = load_ror(Path(args.ror_folder))
    tiers = yaml.safe_load((DATA / "tiers.yaml").read_text("utf-8"))
    aliases: dict[str, list[str]] = yaml.safe_load((DATA / "aliases.yaml").read_text("utf-8"))
    errors: list[str] = []

    for tier, spec in tiers.items():
        for looser in spec.get("implies", []):
            if looser not in tiers:
                errors.append(f"{tier} implies unknown tier {looser}")
    listed: dict[str, list[str]] = defaultdict(list)
    for tier, spec in tiers.items():
        for rid in spec["members"]:
            listed[rid].append(tier)
    registered = set(listed) | set(aliases)
    missing = sorted(rid for rid in registered if rid not in ror)
    if missing:
        errors.append(f"not in the ROR data: {', '.join(missing)}")
    for rid, where in listed.items():
        world = [t for t in where if t in WORLD]
        if len(world) > 1:
            errors.append(f"{rid} is listed in several world tiers: {', '.join(world)}")
        if len(where) != len(set(where)):
            errors.append(f"{rid} is listed twice in {where}")
    inactive = sorted(r for r in registered if r in ror and ror[r].get("status") != "active")

    # Summary
    expanded: dict[str, set[str]] = defaultdict(set)
    for rid, where in listed.items():
        for tier in where:
            for t in implied_tiers(tiers, tier):
                expanded[t].add(rid)
    known = [rid for rid in sorted(registered) if rid in ror]
    print(
        f"institutions registered: {len(known)} (in a tier: {len(set(listed))}, "
        f"aliases only: {len(set(aliases) - set(listed))})"
    )
    print(f"{'tier':34} {'listed':>7} {'with implied':>13}")
    for tier, spec in tiers.items():
        print(f"{tier:34} {len(set(spec['members'])):>7} {len(expanded[tier]):>13}")
    world_any = expanded["world_top_500"]
    countries = Counter(ror[r]["country_code"] for r in known)
    print(f"countries: {len(countries)}")
    print("per country (all / world top 500 / national research organisation):")
    nro = expanded.get("national_research_organisation", set())
    for cc, n in countries.most_common():
        w = sum(1 for r in world_any if ror[r]["country_code"] == cc)
        o = sum(1 for r in nro if ror[r]["country_code"] == cc)
        print(f"  {cc} {n:>4} {w:>4} {o:>4}")
    with_aliases = [r for r, v in aliases.items() if v]
    print(
        f"institutions with editorial aliases: {len(with_aliases)} "
        f"({sum(len(v) for v in aliases.values() if v)} aliases, "
        f"{sum(1 for v in aliases.values() if v for a in v if is_acronym(a))} acronym-shaped)"
    )

    # Alias collisions within the registry
    exact: dict[str, set[str]] = defaultdict(set)
    acro: dict[str, set[str]] = defaultdict(set)
    for rid in known:
        rec = ror[rid]
        texts = [
            rec["name"],
            *rec.get("aliases", []),
            *(lab["value"] for lab in rec.get("labels", [])),
        ]
        texts += [a for a in aliases.get(rid) or [] if not is_acronym(a)]
        for text in texts:
            for k in keys(text):
                exact[k].add(rid)
        for a in [*rec.get("acronyms", []), *(a for a in aliases.get(rid) or [] if is_acronym(a))]:
            acro[compact(a)].add(rid)
    collisions = []
    for rid, names in aliases.items():
        for alias in names or []:
            if is_acronym(alias):
                shadow = exact.get(compact(alias), set()) - {rid}
                if shadow:
                    collisions.append(
                        f"acronym {alias!r} of {rid} is an exact name of {sorted(shadow)}"
                    )
            else:
                for k in keys(alias):
                    others = (exact.get(k, set()) | acro.get(k, set())) - {rid}
                    same = [o for o in others if ror[o]["country_code"] == ror[rid]["country_code"]]
                    if same:
                        collisions.append(
                            f"alias {alias!r} of {rid} ({ror[rid]['country_code']}) "
                            f"is also a name of {sorted(same)} in the same country"
                        )
    # A place's other name must not lead from one institution to another (Leuven/Louvain)
    variants = place_variants()
    span = max(len(name.split()) for name in variants)
    for rid in known:
        rec = ror[rid]
        for text in [rec["name"], *rec.get("aliases", []), *(a for a in aliases.get(rid) or [])]:
            words = normalize(text).split()
            for n in range(1, span + 1):
                for i in range(len(words) - n + 1):
                    for other, country in variants.get(" ".join(words[i : i + n]), ()):
                        respelled = " ".join([*words[:i], other, *words[i + n :]])
                        rivals = [
                            r
                            for r in exact.get(respelled, set()) - {rid}
                            if ror[r]["country_code"] == country
                        ]
                        if rivals:
                            collisions.append(
                                f"place name in {text!r} of {rid} read as {other!r} "
                                f"gives a name of {sorted(rivals)}"
                            )
    for c in sorted(set(collisions)):
        print(f"warning: {c}")
    if inactive:
        print(
            f"warning: not active in ROR (kept on purpose, see tiers.yaml): {', '.join(inactive)}"
        )

    if args.spot:
        rng = random.Random(args.seed)
        sample = rng.sample(sorted(r for r, w in listed.items() if set(w) & set(WORLD)), args.spot)
        print(f"\nspot check, {args.spot} random world-tier members (seed {args.seed}):")
        for rid in sorted(sample, key=lambda r: (listed[r], ror[r]["country_code"])):
            tier = next(t for t in listed[rid] if t in WORLD)
            print(f"  {tier:14} {ror[rid]['country_code']} {ror[rid]['name']}")

    if args.missing:
        print("\nwanted, not in the ROR data (tier, country, name):")
        index: dict[str, set[str]] = defaultdict(set)
        for rid, rec in ror.items():
            for text in [
                rec["name"],
                *rec.get("aliases", []),
                *(lab["value"] for lab in rec.get("labels", [])),
            ]:
                index[normalize(text)].add(rid)
        for tier, cc, name in WANTED:
            found = [r for r in index.get(normalize(name), ()) if ror[r]["country_code"] == cc]
            state = f"now in ROR as {', '.join(found)}: add it" if found else "missing"
            print(f"  {tier:30} {cc} {name}: {state}")

    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
