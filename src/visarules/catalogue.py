"""Everything visarules knows, assembled once: visas, dated parameters, named assumptions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import ModuleType

from visarules.engine.assumptions import Assumption, AssumptionRegistry
from visarules.engine.jurisdiction import Jurisdiction
from visarules.engine.parameters import ParameterSet
from visarules.engine.visa import Visa
from visarules.jurisdictions import cn, us

JURISDICTIONS: tuple[ModuleType, ...] = (cn, us)


class UnknownVisaError(KeyError):
    pass


@dataclass(frozen=True)
class Catalogue:
    visas: tuple[Visa, ...]
    parameters: ParameterSet
    assumptions: AssumptionRegistry
    jurisdictions: dict[str, Jurisdiction]  # by ISO country code

    def visa(self, code: str) -> Visa:
        for visa in self.visas:
            if visa.code == code.upper():
                return visa
        known = " ".join(v.code for v in self.visas)
        raise UnknownVisaError(f"unknown visa code {code!r} (known: {known})")


@cache
def catalogue() -> Catalogue:
    visas: list[Visa] = []
    parameters = ParameterSet()
    assumptions = AssumptionRegistry()
    jurisdictions: dict[str, Jurisdiction] = {}
    for jurisdiction in JURISDICTIONS:
        jurisdictions[jurisdiction.JURISDICTION.country] = jurisdiction.JURISDICTION
        package = resources.files(jurisdiction.__name__)
        for name in jurisdiction.SHARED_PARAMETERS:
            parameters.load(package.joinpath(name))
        for module in jurisdiction.MODULES:
            visas.extend(getattr(module, "VISAS", ()))
            if getattr(module, "PARAMETERS", None):
                parameters.load(package.joinpath(module.PARAMETERS))
            assumption: Assumption
            for assumption in getattr(module, "ASSUMPTIONS", ()):
                assumptions.add(assumption)
    visas.sort(key=lambda v: (v.country, v.kind != "visa", v.code))
    return Catalogue(tuple(visas), parameters, assumptions, jurisdictions)
