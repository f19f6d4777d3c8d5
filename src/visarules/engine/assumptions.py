"""Named assumptions: explicit choices where the law leaves a word undefined.

The law does not say what makes a university "well-known" or how young "young"
is. Rather than guess, each open point is an assumption with a name, a default,
documented alternatives and the reason it is open. Every result lists the values
it used; ``--assume NAME=VALUE`` switches one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from visarules.engine.citations import Citation


class AssumptionError(ValueError):
    """An unknown assumption name or value; the message names it."""


@dataclass(frozen=True)
class Option:
    value: str
    description: str
    official: bool = False  # True only when an official source states this reading


@dataclass(frozen=True)
class Assumption:
    name: str
    question: str
    why_open: str
    default: str
    options: tuple[Option, ...]
    citations: tuple[Citation, ...] = ()

    def __post_init__(self) -> None:
        if self.default not in self.values:
            raise AssumptionError(f"{self.name}: default {self.default!r} is not an option")

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(option.value for option in self.options)

    def option(self, value: str) -> Option:
        for option in self.options:
            if option.value == value:
                return option
        raise AssumptionError(
            f"assumption {self.name}: unknown value {value!r} (one of: {', '.join(self.values)})"
        )


class AssumptionRegistry:
    def __init__(self) -> None:
        self._by_name: dict[str, Assumption] = {}

    def add(self, assumption: Assumption) -> Assumption:
        if assumption.name in self._by_name:
            raise AssumptionError(f"assumption {assumption.name} is defined twice")
        self._by_name[assumption.name] = assumption
        return assumption

    def __getitem__(self, name: str) -> Assumption:
        try:
            return self._by_name[name]
        except KeyError:
            known = ", ".join(sorted(self._by_name))
            raise AssumptionError(f"unknown assumption {name!r} (known: {known})") from None

    def __iter__(self) -> Iterator[Assumption]:
        return iter(self._by_name.values())

    def resolve(self, chosen: Mapping[str, str]) -> dict[str, str]:
        """Defaults overlaid with the user's choices, every name and value checked."""
        values = {a.name: a.default for a in self._by_name.values()}
        for name, value in chosen.items():
            self[name].option(value)
            values[name] = value
        return values


def parse_assume(pairs: Iterable[str]) -> dict[str, str]:
    """``["cn.k.age_limit=45"]`` → ``{"cn.k.age_limit": "45"}``."""
    chosen: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise AssumptionError(f"--assume {pair!r}: expected NAME=VALUE")
        chosen[name.strip()] = value.strip()
    return chosen
