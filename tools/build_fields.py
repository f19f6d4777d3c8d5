#!/usr/bin/env python3
"""Build src/visarules/data/fields.yaml (and its JSON twin fields.json).

Inputs (nothing is fetched; run from the repository root with the project's venv):
  /work/shared/data/cip_dhs_stem/cip2020_nces.csv      CIP 2020 titles, illustrative examples (NCES, public domain)
  /work/shared/data/isced_f_2013/isced_f_2013.csv      ISCED-F 2013 codes and labels in 31 languages (© EU, CC BY 4.0)
  src/visarules/data/cip_isced_crosswalk.yaml          visarules' CIP → ISCED-F crosswalk (hand-written)
  src/visarules/data/dhs_stem_cip_2024.txt             DHS STEM list (only for the summary printed at the end)
  tools/fields_curated.yaml                            hand-curated names people write on CVs (many languages)

Output: one entry per curated field, per ISCED-F detailed field and per CIP 2020 six-digit code,
each ``{isced_f, cip, source, label, names: {lang: [...]}}``. Every name's comparison key
(visarules.resolve.normalize.normalize, and compact() for CJK) belongs to exactly one entry.

Conflicts — the same key claimed by entries with different (isced_f, cip) — are resolved by tier:
  0 CIP six-digit title  >  1 curated  >  2 ISCED-F label  >  3 CIP illustrative example
  >  4 form derived from a CIP title (", General" stripped, "/Technician" stripped, slash
     alternatives, 4-digit and 2-digit group titles).
Within a tier the most common meaning wins: academic codes before technician/assistant codes,
"General" codes before specific ones, specific codes before "Other" (xx.xx99) codes, then
the lower code. A duplicate between two curated entries is an error. Every conflict is logged.

Usage:  /tmp/venv/bin/python tools/build_fields.py [--shared /work/shared/data] [--log FILE] [--check]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from visarules.resolve.normalize import compact, normalize  # noqa: E402

DATA = ROOT / "src" / "visarules" / "data"
CURATED = ROOT / "tools" / "fields_curated.yaml"
CROSSWALK = DATA / "cip_isced_crosswalk.yaml"
OUT_YAML = DATA / "fields.yaml"
OUT_JSON = DATA / "fields.json"

# ISCED-F label languages in shared/data/isced_f_2013 (pt_PT is folded into pt).
ISCED_LANGS = [
    "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt",
    "lv", "mk", "mt", "nb", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sr", "sv", "tr", "uk",
]  # fmt: skip
LANG_ORDER = ["en", "zh", "fr", "de", "es", "it", "pt", "ja", "ko", "ru"]

# Titles missing or truncated in the stored NCES scrape, restored from their CIP definitions.
TITLE_PATCHES = {
    "10.0302": "Printing Management",
    "10.0305": "Graphic and Printing Equipment Operator, General Production",
    "10.0307": "Printing Press Operator",
    "50.0710": "Printmaking",
}
# Six-digit codes that are not fields of study besides the excluded series.
DROP_CODES = {"30.0001"}  # Comprehensive Transition and Postsecondary Program (a support programme)

TIER_NAMES = {0: "cip-title", 1: "curated", 2: "isced-label", 3: "cip-example", 4: "cip-derived"}
PERSON = (
    r"Technician|Technologist|Assistant|Aide|Specialist|Programmer|Analyst|Administrator|Manager|"
    r"Therapist|Counselor|Pathologist|Audiologist|Dietitian|Nutritionist|Instructor|Operator|Worker|"
    r"Provider|Officer|Illustrator|Interpreter|Translator|Nurse|Designer|Developer|Coordinator|"
    r"Consultant|Inspector|Perfusionist|Sonographer|Phlebotomist|Receptionist|Secretary|Coder|Biller|"
    r"Examiner|Practitioner|Trainer|Teacher|Educator|Webmaster|Optician|Orthotist|Prosthetist|Midwife|"
    r"Dispatcher|Investigator|Agent|Clerk|Artist|Scientist|Engineer|Mechanic|Installer|Repairer|"
    r"Attendant|Caregiver|Guide|Pilot|Navigator|Controller|Ranger|Herbalist|Acupuncturist|Masseur"
)
PERSON_SEG = re.compile(rf"/(?:[A-Z][\w.-]*[ -])?(?:{PERSON})s?\b")
FIELD_NOUN = re.compile(r"(logy|nomy|ics|ry|graphy|ism|ture|ness|ing|sophy)$", re.IGNORECASE)
NOUN_END = re.compile(r"(ment|tion|sion|ing|ship|ance|ence)$")
MODIFIER = re.compile(r"(al|ic|ar|ary|ive|ian|ese|ish|ory|an|ed)$", re.IGNORECASE)
TECHNICAL = re.compile(
    r"Technician|Technolog|Assistant|Aide|Operator|Installer|Repair|Clerk|Receptionist",
    re.IGNORECASE,
)


@dataclass
class Entry:
    eid: int
    isced_f: str
    cip: str | None
    source: str
    label: str
    rank: tuple
    names: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # lang → [(name, tier)]

    def add(self, lang: str, name: str, tier: int) -> None:
        name = " ".join(str(name).split())
        if not name:
            return
        bucket = self.names.setdefault(lang, [])
        if all(n != name for n, _ in bucket):
            bucket.append((name, tier))

    @property
    def meaning(self) -> tuple[str, str | None]:
        return (self.isced_f, self.cip)


def keys_of(name: str) -> list[str]:
    """Every comparison key a resolver may derive from ``name`` (normalised form, and a compact form)."""
    norm = normalize(name)
    if not norm:
        return []
    comp = compact(name)
    return [norm] if comp == norm else [norm, comp]


# ─────────────────────────── upstream readers ───────────────────────────


def read_cip(shared: Path) -> dict[str, dict]:
    rows = {}
    with open(shared / "cip_dhs_stem" / "cip2020_nces.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["cip"]
            title = TITLE_PATCHES.get(code) or row["title"]
            row["title"] = " ".join(title.split())
            rows[code] = row
    return rows


def read_isced(shared: Path) -> dict[str, dict]:
    with open(shared / "isced_f_2013" / "isced_f_2013.csv", encoding="utf-8") as fh:
        return {row["code"]: row for row in csv.DictReader(fh)}


def read_dhs() -> set[str]:
    text = (DATA / "dhs_stem_cip_2024.txt").read_text("utf-8")
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


class Crosswalk:
    def __init__(self, path: Path, cip: dict, isced: dict):
        data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
        self.map = {k: v["isced_f"] for k, v in data["cip_to_isced_f"].items()}
        self.excluded = set(data["excluded_from_fields"])
        self.rep = {k: v["cip"] for k, v in data["isced_f_to_representative_cip"].items()}
        errors = []
        for key, code in self.map.items():
            full = key if len(key) == 7 else (f"{key}.0000" if len(key) == 2 else f"{key}00")
            if full not in cip:
                errors.append(f"crosswalk key {key} is not a CIP 2020 code")
            if code is not None and (code not in isced or isced[code]["level"] != "detailed"):
                errors.append(f"crosswalk {key} → {code} is not an ISCED-F detailed field")
        series = {c[:2] for c in cip}
        for s in sorted(series - set(self.map)):
            errors.append(f"crosswalk has no row for CIP series {s}")
        for code, rep in self.rep.items():
            if code not in isced or rep not in cip:
                errors.append(f"representative CIP {code} → {rep} invalid")
        detailed = {c for c, r in isced.items() if r["level"] == "detailed"} - {"0000", "9999"}
        for code in sorted(detailed - set(self.rep)):
            errors.append(f"no representative CIP for ISCED-F {code}")
        if errors:
            raise SystemExit("crosswalk errors:\n  " + "\n  ".join(errors))

    def isced_for(self, code: str) -> str | None:
        for key in (code, code[:5], code[:2]):
            if key in self.map:
                return self.map[key]
        return None


# ─────────────────────────── CIP-derived names ───────────────────────────


def short_forms(title: str) -> list[str]:
    """Up to three short names derived from a CIP title (none for "Other" codes)."""
    if re.search(r",\s*Other$", title) or title.lower() == "reserved":
        return []
    forms: list[str] = []
    base = re.sub(r",\s*General$", "", title)
    base = re.sub(r"\s+Residency/Fellowship Programs?$", "", base)
    base = re.sub(r"\s*\([^)]*\)", "", base).strip()
    base = PERSON_SEG.sub("", base).strip()
    base = re.sub(r"\s+-\s+.*$", "", base)  # "Radiologic Technology/Science - Radiographer"
    if base != title:
        forms.append(base)
    parts = base.split("/")
    if len(parts) == 2 and "," not in parts[0]:
        left, right = (p.strip() for p in parts)
        lw, rw = left.split(), right.split()
        if not left or not right or not right[0].isupper():
            pass
        elif len(lw) == 1 and len(rw) >= 2:
            # "Biology/Biological Sciences", "Electrical/Electronic Engineering", "Cell/Cellular Biology"
            if FIELD_NOUN.search(left):
                if len(rw) <= 3:
                    forms.append(left)
            elif MODIFIER.search(left):
                forms.append(" ".join([left, *rw[1:]]))
            forms.append(right)
        elif len(lw) >= 2 and len(rw) == 1:
            # "Veterinary Office Management/Administration"
            forms.append(left)
            if NOUN_END.search(lw[-1]) and NOUN_END.search(rw[0]):
                forms.append(" ".join(lw[:-1] + rw))
        elif len(lw) >= 2 and len(rw) >= 2:
            forms.extend([left, right])
        elif len(lw) == 1 and len(rw) == 1:
            forms.extend(w for w in (left, right) if FIELD_NOUN.search(w))
    out = []
    for f in forms:
        f = f.strip(" ,-")
        if f and f != title and f not in out and len(f) > 2:
            out.append(f)
    return out[:3]


def examples(row: dict) -> list[str]:
    raw = row.get("illustrative_examples") or ""
    found = re.findall(r"\[([^\]]+)\]", raw)
    out = []
    for ex in found:
        # drop a trailing "(Cert.)", "(MS)", "(BArch, BA/BS)", "(LL.M.)"
        ex = re.sub(r"\s*\([^()]*\)\s*$", "", ex).strip()
        if ex and ex not in out and ex != row["title"]:
            out.append(ex)
    return out


def cip_rank(code: str, title: str) -> tuple:
    other = code.endswith("99")
    technical = bool(TECHNICAL.search(title))
    general = title.endswith(", General")
    return (other, technical, not general, code)


# ─────────────────────────── build ───────────────────────────


def build(shared: Path, log_lines: list[str]) -> tuple[list[Entry], dict]:
    cip = read_cip(shared)
    isced = read_isced(shared)
    xw = Crosswalk(CROSSWALK, cip, isced)
    entries: list[Entry] = []

    def new_entry(**kw) -> Entry:
        entry = Entry(eid=len(entries), **kw)
        entries.append(entry)
        return entry

    # 2. ISCED-F detailed fields
    for code, row in sorted(isced.items()):
        if row["level"] != "detailed" or code in ("0000", "9999"):
            continue
        entry = new_entry(
            isced_f=code, cip=xw.rep[code], source="isced", label=row["label_en"], rank=(0, code)
        )
        entry.add("en", row["label_en"], 2)
        for lang in ISCED_LANGS:
            entry.add(lang, row[f"label_{lang}"], 2)
            if lang == "pt":
                entry.add("pt", row["label_pt_PT"], 2)

    # 1, 3, 4. CIP 2020 six-digit codes
    six = {c: r for c, r in cip.items() if r["level"] == "6"}
    # 4-digit and 2-digit group titles go to the group's ", General" code, else to its first
    # specific code (4-digit only; a series without a General code gets no series title).
    group_owner: dict[str, str] = {}
    for code in sorted(six):
        title = six[code]["title"]
        if title.lower() == "reserved" or code[:2] in xw.excluded or code in DROP_CODES:
            continue
        general = title.endswith(", General")
        for prefix in (code[:5], code[:2]):
            cur = group_owner.get(prefix)
            cur_general = cur is not None and six[cur]["title"].endswith(", General")
            first_specific = cur is None and len(prefix) == 5 and not code.endswith("99")
            if (general and not cur_general) or first_specific:
                group_owner[prefix] = code
    for prefix in [p for p in group_owner if len(p) == 2]:
        owner_code = group_owner[prefix]
        if not six[owner_code]["title"].endswith(", General") or owner_code[3:5] not in (
            "00",
            "01",
        ):
            del group_owner[prefix]
    dropped = []
    for code, row in sorted(six.items()):
        title = row["title"]
        if (
            code[:2] in xw.excluded
            or code in DROP_CODES
            or title.lower() == "reserved"
            or not title
        ):
            dropped.append(code)
            continue
        isced_code = xw.isced_for(code)
        entry = new_entry(
            isced_f=isced_code, cip=code, source="cip", label=title, rank=cip_rank(code, title)
        )
        entry.add("en", title, 0)
        for ex in examples(row):
            entry.add("en", ex, 3)
        for form in short_forms(title):
            entry.add("en", form, 4)
        for prefix, length in ((code[:5], 4), (code[:2], 2)):
            if group_owner.get(prefix) == code:
                grp = cip.get(f"{prefix}00" if length == 4 else f"{prefix}.0000")
                if grp and grp["title"].lower() != "reserved":
                    gtitle = grp["title"]
                    if gtitle.isupper():
                        gtitle = gtitle.title().replace(" And ", " and ").replace(" Of ", " of ")
                    entry.add("en", gtitle, 4)
                    for form in short_forms(gtitle):
                        entry.add("en", form, 4)

    # 0. curated: merged into the CIP entry of the same meaning, or a separate entry when the
    #    curated ISCED-F code departs from the crosswalk (or the CIP code was dropped).
    cip_entry = {e.cip: e for e in entries if e.source == "cip"}
    curated = yaml.load(CURATED.read_text("utf-8"), Loader=yaml.CSafeLoader)
    errors = []
    for i, raw in enumerate(curated):
        code = raw["cip"]
        if code not in cip or cip[code]["level"] != "6":
            errors.append(f"curated #{i}: {code} is not a CIP 2020 six-digit code")
            continue
        isced_code = raw.get("isced_f") or xw.isced_for(code)
        if isced_code not in isced or isced[isced_code]["level"] != "detailed":
            errors.append(f"curated #{i} ({code}): bad ISCED-F {isced_code}")
            continue
        if raw.get("isced_f") and raw["isced_f"] != xw.isced_for(code):
            log_lines.append(
                f"override  curated {code} → ISCED {raw['isced_f']} (crosswalk says "
                f"{xw.isced_for(code)}): {raw.get('why', '(no reason given)')}"
            )
        langs = [k for k in raw if k not in ("cip", "isced_f", "why")]
        target = cip_entry.get(code)
        if target is None or target.isced_f != isced_code:
            first = raw.get("en") or raw[langs[0]]
            label = str(first[0])
            target = new_entry(
                isced_f=isced_code,
                cip=code,
                source="curated",
                label=label[:1].upper() + label[1:],
                rank=(0, i),
            )
        else:
            target.source = "cip+curated"
        for lang in langs:
            for name in raw[lang]:
                target.add(lang, name, 1)
    if errors:
        raise SystemExit("curated errors:\n  " + "\n  ".join(errors))

    # conflict resolution: one owner per key
    claims: dict[str, list[tuple[int, tuple, int, str]]] = defaultdict(list)
    for e in entries:
        for names in e.names.values():
            for name, tier in names:
                for key in keys_of(name):
                    claims[key].append((tier, e.rank, e.eid, name))
    owner: dict[str, int] = {}
    curated_dups = []
    logged: set = set()
    for key, cl in claims.items():
        cl.sort()
        best = cl[0]
        owner[key] = best[2]
        rivals = {
            entries[c[2]].meaning for c in cl if entries[c[2]].meaning != entries[best[2]].meaning
        }
        if not rivals:
            continue
        cur0 = [c for c in cl if c[0] == 1]
        if len({entries[c[2]].meaning for c in cur0}) > 1:
            curated_dups.append(
                f"{key!r}: "
                + "; ".join(f"{entries[c[2]].cip}/{entries[c[2]].isced_f} {c[3]!r}" for c in cur0)
            )
            continue
        w = entries[best[2]]
        signature = (w.eid, frozenset(c[2] for c in cl if entries[c[2]].meaning != w.meaning))
        if signature in logged:
            continue
        logged.add(signature)
        losers = sorted(
            {
                (entries[c[2]].cip, entries[c[2]].isced_f, TIER_NAMES[c[0]], c[3])
                for c in cl
                if entries[c[2]].meaning != w.meaning
            }
        )
        log_lines.append(
            f"conflict  {key!r}: kept {w.cip}/{w.isced_f} ({TIER_NAMES[best[0]]} {best[3]!r}); "
            + "dropped "
            + ", ".join(f"{c}/{i} ({t} {n!r})" for c, i, t, n in losers)
        )
    if curated_dups:
        raise SystemExit("duplicate names across curated entries:\n  " + "\n  ".join(curated_dups))

    # keep a name only if its entry owns all of its keys
    kept_entries = []
    for e in entries:
        new_names: dict[str, list[str]] = {}
        for lang, names in e.names.items():
            for name, _tier in names:
                ks = keys_of(name)
                if ks and all(owner[k] == e.eid for k in ks):
                    new_names.setdefault(lang, []).append(name)
        # drop names whose keys were already emitted by the same entry (e.g. "Informatik"/"informatik")
        seen: set[str] = set()
        for lang in list(new_names):
            uniq = []
            for name in new_names[lang]:
                k = tuple(keys_of(name))
                if k in seen:
                    continue
                seen.add(k)
                uniq.append(name)
            new_names[lang] = uniq
            if not uniq:
                del new_names[lang]
        if not new_names:
            log_lines.append(
                f"empty     {e.source} entry {e.cip}/{e.isced_f} {e.label!r}: every name "
                "belongs to another entry; entry dropped"
            )
            continue
        ordered = {lang: new_names[lang] for lang in LANG_ORDER if lang in new_names}
        ordered.update({lang: new_names[lang] for lang in sorted(new_names) if lang not in ordered})
        e.names = ordered  # type: ignore[assignment]
        kept_entries.append(e)
    order = {"isced": 0, "cip": 1, "cip+curated": 1, "curated": 2}
    kept_entries.sort(key=lambda e: (order[e.source], e.cip or "", e.isced_f, e.eid))
    meta = {"cip": cip, "isced": isced, "xw": xw, "dropped": dropped}
    return kept_entries, meta


HEADER = """\
# Fields of study → ISCED-F 2013 detailed field and CIP 2020 code. GENERATED by tools/build_fields.py:
# do not edit by hand (edit tools/fields_curated.yaml or src/visarules/data/cip_isced_crosswalk.yaml
# and re-run the build). A JSON twin with identical content is written to fields.json.
#
# Each entry: isced_f (UNESCO ISCED-F 2013 detailed code), cip (US CIP 2020 six-digit code),
# source (isced: an ISCED-F field with its labels in 31 languages and a representative CIP code;
# cip: a CIP 2020 code with its title, short forms and NCES examples; cip+curated: the same plus
# hand-curated names; curated: hand-curated names whose ISCED-F code departs from the crosswalk),
# label (English display label), names by language (the first
# name of the first language is also a label). STEM is decided from the codes by the chosen
# definition (resolve/fields.py), never stored here:
#   isced_f — ISCED-F broad fields 05, 06, 07;  dhs — cip on the DHS STEM list (dhs_stem_cip_2024.txt).
# Every name's normalised key (and compact key) belongs to exactly one entry; conflicts were resolved
# by tools/build_fields.py (CIP title > curated > ISCED-F label > CIP example > derived CIP form).
#
# Sources and licences:
#   - CIP 2020 titles and illustrative examples: NCES, US federal work, public domain.
#   - ISCED-F 2013 labels (en + 31 European languages): © European Union, CC BY 4.0
#     (Europass/ELM vocabulary http://data.europa.eu/snb/isced-f/25831c2, via EuropeanUniversityFoundation/isced_php).
#   - CIP → ISCED-F crosswalk and curated names (zh from 普通高等学校本科专业目录, fr, de, es, it, pt, ja, ko,
#     ru, nl, pl, tr): visarules' own work (cip_isced_crosswalk.yaml, tools/fields_curated.yaml).
"""


def to_plain(entries: list[Entry]) -> list[dict]:
    return [
        {"isced_f": e.isced_f, "cip": e.cip, "source": e.source, "label": e.label, "names": e.names}
        for e in entries
    ]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    ap.add_argument(
        "--log", type=Path, help="write the conflict log here (default: print a summary)"
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="build and compare with the files on disk; write nothing",
    )
    args = ap.parse_args()

    log_lines: list[str] = []
    entries, meta = build(args.shared, log_lines)
    plain = to_plain(entries)
    # ordering: curated, then ISCED-F, then CIP (already in that order)
    body = yaml.dump(
        plain,
        Dumper=yaml.CSafeDumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=None,
    )
    text = HEADER + body
    json_text = json.dumps(plain, ensure_ascii=False, separators=(",", ":")) + "\n"

    if args.check:
        same = OUT_YAML.read_text("utf-8") == text and OUT_JSON.read_text("utf-8") == json_text
        print(
            "up to date"
            if same
            else "fields.yaml / fields.json are stale: re-run tools/build_fields.py"
        )
        return 0 if same else 1
    OUT_YAML.write_text(text, "utf-8")
    OUT_JSON.write_text(json_text, "utf-8")

    # summary
    t0 = time.perf_counter()
    yaml.load(OUT_YAML.read_text("utf-8"), Loader=yaml.CSafeLoader)
    t_yaml = time.perf_counter() - t0
    t0 = time.perf_counter()
    json.loads(OUT_JSON.read_text("utf-8"))
    t_json = time.perf_counter() - t0
    by_source = Counter(e.source for e in entries)
    by_lang = Counter()
    for e in entries:
        for lang, names in e.names.items():
            by_lang[lang] += len(names)
    print(
        f"wrote {OUT_YAML.relative_to(ROOT)} ({OUT_YAML.stat().st_size / 1e6:.2f} MB) and {OUT_JSON.name}: "
        f"{len(entries)} entries {dict(by_source)}; {sum(by_lang.values())} names"
    )
    print("names per language: " + ", ".join(f"{k} {v}" for k, v in by_lang.most_common()))
    print(f"load time: yaml CSafeLoader {t_yaml * 1000:.0f} ms, json {t_json * 1000:.0f} ms")
    print(
        f"CIP six-digit codes dropped (excluded series / reserved / not a field): {len(meta['dropped'])}"
    )
    dhs = read_dhs()
    cip_entries = [e for e in entries if e.source in ("cip", "cip+curated")]
    only_dhs = sum(
        1 for e in cip_entries if e.cip in dhs and e.isced_f[:2] not in ("05", "06", "07")
    )
    only_isced = sum(
        1 for e in cip_entries if e.cip not in dhs and e.isced_f[:2] in ("05", "06", "07")
    )
    print(
        f"STEM definitions disagree on {only_dhs + only_isced} of {len(cip_entries)} CIP codes: "
        f"{only_dhs} DHS-only, {only_isced} ISCED-F-only"
    )
    kinds = Counter(line.split()[0] for line in log_lines)
    print("log: " + ", ".join(f"{k} {v}" for k, v in kinds.items()))
    if args.log:
        args.log.write_text("\n".join(log_lines) + "\n", "utf-8")
        print(f"log written to {args.log}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
