"""The accuracy targets of the resolvers hold on the labelled sets (bench/resolve_accuracy.py
prints the full figures and confusions)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from visarules.resolve.institutions import default_registry


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "resolve_accuracy.py"
    spec = importlib.util.spec_from_file_location("resolve_accuracy", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


BENCH = _bench()


def test_institutions_precision_and_recall() -> None:
    score = BENCH.score_institutions(default_registry())
    assert score.precision >= 0.97 and score.recall >= 0.92, (score.precision, score.recall)


def test_stem_accuracy_under_each_definition() -> None:
    fields = BENCH.score_fields()
    for definition in ("isced_f", "dhs"):
        assert fields[definition][0] >= 0.97, (definition, fields[definition][0])


def test_degree_level_accuracy() -> None:
    accuracy, _ = BENCH.score_degrees()
    assert accuracy >= 0.98


def test_held_out_precision() -> None:
    # a set written without sight of the registry: no guessing there either
    score = BENCH.score_institutions(default_registry(), "institutions_heldout.csv")
    assert score.precision >= 0.97, score.precision
