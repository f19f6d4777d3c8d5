"""Resolution accuracy on the labelled sets in tests/data (written independently of the
mapping tables; see tests/data/README.md).

    python bench/resolve_accuracy.py [--registry FOLDER] [--confusions 25]

Targets: institutions precision >= 0.97 and recall >= 0.92; STEM yes/no accuracy >= 0.97
under each definition; degree level accuracy >= 0.98.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from visarules.resolve.degrees import resolve_degree
from visarules.resolve.fields import STEM_DEFINITIONS, resolve_field
from visarules.resolve.institutions import InstitutionRegistry, registry

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass
class InstitutionScore:
    precision: float
    recall: float
    true_positive: int
    false_positive: int
    false_negative: int
    by_category: dict[str, tuple[int, int]]
    confusions: list[tuple[str, str, str, str]]
    recall_in_registry: float  # over expected institutions the registry holds


def score_institutions(
    reg: InstitutionRegistry, labelled: str = "institutions_labelled.csv"
) -> InstitutionScore:
    tp = fp = fn = 0
    held = held_found = 0
    by_category: Counter[tuple[str, bool]] = Counter()
    confusions = []
    for row in rows(labelled):
        result = reg.resolve(row["query"], row["country"] or None)
        got = result.match.institution.id if result.match else ""
        want = row["expected_id"]
        right = got == want
        by_category[(row["category"], right)] += 1
        if got and right:
            tp += 1
        if got and not right:
            fp += 1
        if want and not right:
            fn += 1
        if want and reg.get(want) is not None:
            held += 1
            held_found += right
        if not right:
            name = result.match.institution.name if result.match else f"no match ({result.reason})"
            confusions.append((row["category"], row["query"], want or "(none)", name))
    categories = sorted({c for c, _ in by_category})
    return InstitutionScore(
        precision=tp / (tp + fp) if tp + fp else 1.0,
        recall=tp / (tp + fn) if tp + fn else 1.0,
        true_positive=tp,
        false_positive=fp,
        false_negative=fn,
        by_category={
            c: (by_category[(c, True)], by_category[(c, True)] + by_category[(c, False)])
            for c in categories
        },
        confusions=confusions,
        recall_in_registry=held_found / held if held else 1.0,
    )


def _flag(text: str) -> bool:
    return text.strip().lower() == "true"


def score_fields() -> dict[str, object]:
    data = rows("fields_labelled.csv")
    out: dict[str, object] = {"rows": len(data)}
    for definition in STEM_DEFINITIONS:
        column = "stem_isced_f" if definition == "isced_f" else "stem_dhs"
        right, unknown, confusions = 0, 0, []
        for row in data:
            got = resolve_field(row["query"]).stem(definition)
            unknown += got is None
            want = _flag(row[column]) if row[column].strip() else None  # empty: not a field
            if got == want:
                right += 1
            else:
                confusions.append((row["language"], row["query"], row[column], str(got)))
        out[definition] = (right / len(data), unknown, confusions)
    narrow = sum(
        1
        for row in data
        if (resolve_field(row["query"]).entry or _NONE).isced_f[:3] == row["isced_f"][:3]
    )
    out["isced_narrow_agreement"] = narrow / len(data)
    return out


class _None:
    isced_f = ""


_NONE = _None()


def score_degrees() -> tuple[float, list[tuple[str, str, str, str]]]:
    data = rows("degrees_labelled.csv")
    right, confusions = 0, []
    for row in data:
        got = resolve_degree(row["query"]).isced_level
        want = int(row["isced_level"]) if row["isced_level"] else None
        if got == want:
            right += 1
        else:
            confusions.append((row["language"], row["query"], str(want), str(got)))
    return right / len(data), confusions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registry", default=None, help="an imported registry folder")
    parser.add_argument("--confusions", type=int, default=25, help="how many to print")
    args = parser.parse_args()
    reg = registry(args.registry)
    limit = args.confusions

    for labelled, title in (
        ("institutions_labelled.csv", "labelled set"),
        ("institutions_heldout.csv", "held-out set, written without sight of the registry"),
    ):
        inst = score_institutions(reg, labelled)
        print(
            f"# Institutions, {title} ({reg.name} {reg.version}, {len(reg.institutions):,} organisations)"
        )
        print(
            f"precision {inst.precision:.3f} (target 0.97)   recall {inst.recall:.3f} (target 0.92)"
        )
        print(f"true positives {inst.true_positive}, false positives {inst.false_positive}, "
              f"false negatives {inst.false_negative}; recall over institutions the registry "
              f"holds {inst.recall_in_registry:.3f}")  # fmt: skip
        for category, (right, total) in inst.by_category.items():
            print(f"  {category:22s} {right:4d}/{total:<4d} {right / total:.3f}")
        print(
            f"confusions ({len(inst.confusions)}; first {limit}): category | query | expected | got"
        )
        for confusion in inst.confusions[:limit]:
            print("  " + " | ".join(confusion))
        print()

    fields = score_fields()
    print(f"# Fields of study ({fields['rows']} labelled strings)")
    for definition in STEM_DEFINITIONS:
        accuracy, unknown, confusions = fields[definition]  # type: ignore[misc]
        print(
            f"STEM under {definition}: accuracy {accuracy:.3f} (target 0.97), unresolved {unknown}"
        )
        for confusion in confusions[:limit]:
            print("  " + " | ".join(confusion))
    print(f"ISCED-F narrow field agreement (not a target): {fields['isced_narrow_agreement']:.3f}")

    accuracy, confusions = score_degrees()
    print(f"\n# Degree levels: accuracy {accuracy:.3f} (target 0.98)")
    for confusion in confusions[:limit]:
        print("  " + " | ".join(confusion))


if __name__ == "__main__":
    main()
