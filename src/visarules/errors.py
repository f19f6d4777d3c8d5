"""Input errors: one line naming the field (or row) and the problem, never a traceback."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from visarules.profile import models_in


class InputError(ValueError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def _field_names(model: type[BaseModel]) -> dict[str, set[type[BaseModel]]]:
    """Field name (and alias) → the models it may hold, to follow a location into them."""
    names: dict[str, set[type[BaseModel]]] = {}
    for name, info in model.model_fields.items():
        inner = models_in(info.annotation)
        names[name] = names[info.alias or name] = inner
    return names


def field_path(loc: tuple[int | str, ...], model: type[BaseModel] | None = None) -> str:
    """``("education", 0, "completed")`` → ``education[0].completed``. With the model, parts
    that are not fields (the branch of a union: ``float``, ``WorkPermit``) are left out."""
    path = ""
    models: set[type[BaseModel]] | None = {model} if model else None
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
            continue
        if models is not None:
            fields: dict[str, set[type[BaseModel]]] = {}
            for m in models:
                fields.update(_field_names(m))
            if part not in fields:
                continue  # a union's branch (or below a value that holds no model)
            models = fields[part]
        elif part.startswith("function-") or part in ("list[...]",):
            continue
        path += f".{part}" if path else part
    return path


def from_validation(
    error: ValidationError, prefix: str = "", model: type[BaseModel] | None = None
) -> InputError:
    first = error.errors()[0]
    where = field_path(tuple(first["loc"]), model)
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        message = "is required"
    return InputError(prefix + where if where else prefix.rstrip("."), message)
