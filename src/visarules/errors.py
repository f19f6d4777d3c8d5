"""Input errors: one line naming the field (or row) and the problem, never a traceback."""

from __future__ import annotations

from pydantic import ValidationError


class InputError(ValueError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def field_path(loc: tuple[int | str, ...]) -> str:
    """``("education", 0, "completed")`` → ``education[0].completed``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif not part.startswith("function-") and part not in ("list[...]",):
            path += f".{part}" if path else part
    return path


def from_validation(error: ValidationError, prefix: str = "") -> InputError:
    first = error.errors()[0]
    where = field_path(tuple(first["loc"]))
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    return InputError(prefix + where if where else prefix.rstrip("."), message)
