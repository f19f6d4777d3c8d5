"""The rules of each jurisdiction: one module per visa family, parameters beside it."""
