"""The evaluation context: the date whose law applies, and the assumptions in force."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from visarules.engine.parameters import DatedValue, ParameterError, ParameterSet


@dataclass(frozen=True)
class Context:
    as_of: date
    parameters: ParameterSet
    assumptions: Mapping[str, str] = field(default_factory=dict)

    def dated(self, name: str) -> DatedValue | None:
        return self.parameters[name].at(self.as_of)

    def param(self, name: str) -> Any:
        """The value in force on the as-of date; an error if there is none."""
        dated = self.dated(name)
        if dated is None:
            raise ParameterError(f"parameter {name} has no value on {self.as_of.isoformat()}")
        return dated.value

    def assume(self, name: str) -> str:
        return self.assumptions[name]
