"""The package's own YAML tables, read with libyaml where present (several times faster than
the pure-Python parser, which made start-up slow); the same safe schema either way.

Documents from users go through :mod:`visarules.io` instead (YAML 1.2 core schema, limits)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)
