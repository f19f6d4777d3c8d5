"""A jurisdiction's horizon of knowledge: the date its rules were last checked against the law.

Law changes without telling us. Past ``verified_on`` visarules still applies the newest law it
knows, but says so; and a dated window that ends between ``verified_on`` and the as-of date may
have been extended or not, so it is unknown, not closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from typing import Any

from visarules import yamldata


@dataclass(frozen=True)
class Jurisdiction:
    country: str  # ISO 3166-1 alpha-2
    name: str
    verified_on: date
    note: str

    def horizon_warning(self, as_of: date) -> dict[str, str] | None:
        if as_of <= self.verified_on:
            return None
        return {
            "kind": "horizon",
            "text": f"visarules' rules for {self.name} were last verified on "
            f"{self.verified_on.isoformat()}; the law on {as_of.isoformat()} may differ",
        }


def load_jurisdiction(file: Traversable) -> Jurisdiction:
    raw: dict[str, Any] = yamldata.load(file.read_text("utf-8"))
    return Jurisdiction(
        country=raw["country"],
        name=raw["name"],
        verified_on=date.fromisoformat(str(raw["verified_on"])),
        note=raw["note"],
    )
