"""A small JSON Schema validator for the keywords the dossier's schema uses (jsonschema is not a
dependency): enough to check an export against the schema file kept in the repository, not only
against the model the schema was generated from. A keyword it does not know is an error, so a
schema that grows a feature cannot be passed by ignoring it."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

ANNOTATIONS = {"title", "description", "default", "$schema", "$id", "$defs"}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def problems(instance: Any, schema: dict | bool, root: dict | None = None, where: str = "$") -> list[str]:
    if isinstance(schema, bool):  # `true` allows anything (an answer's value), `false` nothing
        return [] if schema else [f"{where}: not allowed"]
    root = root if root is not None else schema
    found: list[str] = []
    for keyword, expected in schema.items():
        if keyword in ANNOTATIONS:
            continue
        check = _CHECKS.get(keyword)
        if check is None:
            raise ValueError(f"{where}: the validator does not know the keyword {keyword!r}")
        found += check(instance, expected, schema, root, where)
    return found


def _type(instance, expected, schema, root, where):
    if expected == "integer":
        ok = isinstance(instance, int) and not isinstance(instance, bool)
    elif expected == "number":
        ok = isinstance(instance, (int, float)) and not isinstance(instance, bool)
    else:
        ok = isinstance(instance, TYPES[expected]) and not (expected != "boolean" and isinstance(instance, bool))
    return [] if ok else [f"{where}: not of type {expected}"]


def _properties(instance, expected, schema, root, where):
    if not isinstance(instance, dict):
        return []
    return [p for key, sub in expected.items() if key in instance
            for p in problems(instance[key], sub, root, f"{where}.{key}")]


def _required(instance, expected, schema, root, where):
    return [f"{where}: {key} is missing" for key in expected if isinstance(instance, dict) and key not in instance]


def _additional(instance, expected, schema, root, where):
    if not isinstance(instance, dict):
        return []
    extra = [key for key in instance if key not in schema.get("properties", {})]
    if expected is False:
        return [f"{where}: {key} is not allowed" for key in extra]
    return [p for key in extra for p in problems(instance[key], expected, root, f"{where}.{key}")]


def _items(instance, expected, schema, root, where):
    if not isinstance(instance, list):
        return []
    return [p for index, item in enumerate(instance) for p in problems(item, expected, root, f"{where}[{index}]")]


def _ref(instance, expected, schema, root, where):
    target: Any = root
    for part in expected.removeprefix("#/").split("/"):
        target = target[part]
    return problems(instance, target, root, where)


def _any_of(instance, expected, schema, root, where):
    return [] if any(not problems(instance, sub, root, where) for sub in expected) else [f"{where}: fits no choice"]


def _const(instance, expected, schema, root, where):
    return [] if instance == expected else [f"{where}: is not {expected!r}"]


def _enum(instance, expected, schema, root, where):
    return [] if instance in expected else [f"{where}: {instance!r} is not one of {expected}"]


def _pattern(instance, expected, schema, root, where):
    return [] if not isinstance(instance, str) or re.search(expected, instance) else [f"{where}: does not match {expected}"]


def _max_length(instance, expected, schema, root, where):
    return [] if not isinstance(instance, str) or len(instance) <= expected else [f"{where}: longer than {expected}"]


def _min_length(instance, expected, schema, root, where):
    too_short = isinstance(instance, str) and len(instance) < expected
    return [f"{where}: shorter than {expected}"] if too_short else []


def _max_items(instance, expected, schema, root, where):
    too_many = isinstance(instance, list) and len(instance) > expected
    return [f"{where}: more than {expected} items"] if too_many else []


def _minimum(instance, expected, schema, root, where):
    number = isinstance(instance, (int, float)) and not isinstance(instance, bool)
    return [] if not number or instance >= expected else [f"{where}: less than {expected}"]


_FORMATS = {"date": dt.date.fromisoformat, "date-time": dt.datetime.fromisoformat, "uuid": uuid.UUID}


def _format(instance, expected, schema, root, where):
    if not isinstance(instance, str):
        return []
    try:
        _FORMATS[expected](instance)
    except ValueError:
        return [f"{where}: not a {expected}"]
    return []


_CHECKS = {"type": _type, "properties": _properties, "required": _required, "additionalProperties": _additional,
           "items": _items, "$ref": _ref, "anyOf": _any_of, "const": _const, "enum": _enum, "pattern": _pattern,
           "maxLength": _max_length, "minLength": _min_length, "maxItems": _max_items, "minimum": _minimum,
           "format": _format}
