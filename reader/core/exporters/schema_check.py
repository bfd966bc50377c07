"""A small JSON Schema (draft 2020-12) validator for the keywords Jiaokan's own schemas use.

Import must refuse a bad document without an extra run-time dependency, so
this module checks exactly the subset of keywords listed in ``KEYWORDS``; a
schema using any other keyword is refused outright (no keyword is silently
ignored).  The tests check the shipped schema and every export with the
``jsonschema`` package as well.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples"}
)
KEYWORDS = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "prefixItems",
        "minItems",
        "maxItems",
        "minimum",
        "maximum",
        "minLength",
        "maxLength",
        "pattern",
        "if",
        "then",
        "else",
    }
)
MAX_ERRORS = 10


class SchemaError(ValueError):
    """The schema itself uses something this validator does not implement."""


def _type_ok(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, dict)
    raise SchemaError(f"unknown type {name!r}")


def _pointer(path: tuple[str | int, ...]) -> str:
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path) if path else "/"


def _equal(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


class Validator:
    """Validates instances against one schema document."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._check_schema(schema)

    def _resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise SchemaError(f"only local references are supported: {ref}")
        node: Any = self.schema
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node  # type: ignore[no-any-return]

    def _check_schema(self, schema: Any) -> None:
        if isinstance(schema, bool):
            return
        if not isinstance(schema, Mapping):
            raise SchemaError(f"a schema is an object or a boolean, not {schema!r}")
        unknown = set(schema) - KEYWORDS - ANNOTATIONS
        if unknown:
            raise SchemaError(f"unsupported keywords: {', '.join(sorted(unknown))}")
        for key in ("items", "additionalProperties", "if", "then", "else"):
            if key in schema:
                self._check_schema(schema[key])
        for key in ("properties", "$defs"):
            for sub in schema.get(key, {}).values():
                self._check_schema(sub)
        for sub in schema.get("prefixItems", []):
            self._check_schema(sub)
        if "$ref" in schema:
            self._resolve(schema["$ref"])

    def errors(self, instance: Any) -> list[str]:
        """Up to MAX_ERRORS messages ``at /json/pointer: what is wrong``; empty when valid."""
        out: list[str] = []
        for message in self._errors(instance, self.schema, ()):
            out.append(message)
            if len(out) >= MAX_ERRORS:
                break
        return out

    def _errors(self, value: Any, schema: Any, path: tuple[str | int, ...]) -> Iterator[str]:
        where = _pointer(path)
        if schema is True:
            return
        if schema is False:
            yield f"at {where}: no value is allowed here"
            return
        if "$ref" in schema:
            yield from self._errors(value, self._resolve(schema["$ref"]), path)
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_type_ok(value, name) for name in names):
                found = json.dumps(value, ensure_ascii=False)[:40]
                yield f"at {where}: expected {' or '.join(names)}, found {found}"
                return
        if "const" in schema and not _equal(value, schema["const"]):
            yield f"at {where}: expected {json.dumps(schema['const'], ensure_ascii=False)}"
        if "enum" in schema and not any(_equal(value, option) for option in schema["enum"]):
            options = ", ".join(json.dumps(o, ensure_ascii=False) for o in schema["enum"])
            yield f"at {where}: {json.dumps(value, ensure_ascii=False)[:40]} is not one of {options}"
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                yield f"at {where}: shorter than {schema['minLength']} characters"
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                yield f"at {where}: longer than {schema['maxLength']} characters"
            if "pattern" in schema and not _regex(schema["pattern"]).search(value):
                yield f"at {where}: {value[:40]!r} does not match {schema['pattern']}"
        if isinstance(value, int | float) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                yield f"at {where}: less than {schema['minimum']}"
            if "maximum" in schema and value > schema["maximum"]:
                yield f"at {where}: more than {schema['maximum']}"
        if isinstance(value, list):
            yield from self._array_errors(value, schema, path)
        if isinstance(value, dict):
            yield from self._object_errors(value, schema, path)
        if "if" in schema:
            branch = "then" if not any(True for _ in self._errors(value, schema["if"], path)) else "else"
            if branch in schema:
                yield from self._errors(value, schema[branch], path)

    def _array_errors(
        self, value: list[Any], schema: Mapping[str, Any], path: tuple[str | int, ...]
    ) -> Iterator[str]:
        where = _pointer(path)
        if len(value) < schema.get("minItems", 0):
            yield f"at {where}: fewer than {schema['minItems']} items"
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            yield f"at {where}: more than {schema['maxItems']} items"
        prefix = schema.get("prefixItems", [])
        for index, (item, sub) in enumerate(zip(value, prefix, strict=False)):
            yield from self._errors(item, sub, (*path, index))
        if "items" in schema:
            for index in range(len(prefix), len(value)):
                yield from self._errors(value[index], schema["items"], (*path, index))

    def _object_errors(
        self, value: dict[str, Any], schema: Mapping[str, Any], path: tuple[str | int, ...]
    ) -> Iterator[str]:
        where = _pointer(path)
        for key in schema.get("required", []):
            if key not in value:
                yield f"at {where}: the key {key!r} is missing"
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                yield from self._errors(item, properties[key], (*path, key))
            elif extra is False:
                yield f"at {where}: unexpected key {key!r}"
            elif extra is not True:
                yield from self._errors(item, extra, (*path, key))


@cache
def load_validator(path: Path) -> Validator:
    """The validator of a schema file (read once)."""
    return Validator(json.loads(path.read_text(encoding="utf-8")))
