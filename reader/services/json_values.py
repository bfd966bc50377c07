"""Values of a Jiaokan JSON document that pass the schema but cannot be stored.

The schema checks shapes and patterns; it cannot say that ``2026-13-45T99:99:99Z``
(which matches the timestamp pattern) or 30 February is no date, that an
integer of 2^63 or more does not fit SQLite's INTEGER, or that a string
holding a lone surrogate (``"\\ud800"``) cannot be written as UTF-8.  These
are found here, before anything is stored, each named by its place in the
document (``articles[3].updated_at``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

TIME_KEYS = frozenset({"imported_at", "updated_at", "time", "added_at", "created_at"})
SMALLEST, LARGEST = -(2**63), 2**63 - 1
MAX_PROBLEMS = 3


def parse_time(value: str) -> datetime:
    """A document's timestamp as an aware datetime; ValueError (or OverflowError) when it is no time."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    moment.astimezone(UTC)  # a time at the edge of the calendar may not convert
    return moment


def value_problems(document: Any) -> list[str]:
    """Each value that could not be stored, with its place; empty when every value can be."""
    problems: list[str] = []
    for where, key, value in _walk(document):
        problem = _problem(key, value)
        if problem:
            problems.append(f"{where}: {problem}")
            if len(problems) >= MAX_PROBLEMS:
                break
    return problems


def _problem(key: str, value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return "" if SMALLEST <= value <= LARGEST else "the number is too large to store"
    if isinstance(value, float):
        return "" if math.isfinite(value) else "not a finite number"
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return "the text holds a lone surrogate (not valid Unicode)"
        if key in TIME_KEYS:
            try:
                parse_time(value)
            except (ValueError, OverflowError) as error:
                return f"not a valid date and time ({value!r}: {error})"
    return ""


def _walk(document: Any) -> Iterator[tuple[str, str, Any]]:
    """(place, key, value) of every value, keys included, depth first without recursion."""
    stack: list[tuple[str, str, Any]] = [("the document", "", document)]
    while stack:
        where, key, value = stack.pop()
        if isinstance(value, dict):
            for name, item in reversed(value.items()):
                yield f"{where} key", "", name
                place = name if where == "the document" else f"{where}.{name}"
                stack.append((place, name, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{n}]", key, item) for n, item in reversed(list(enumerate(value))))
        else:
            yield where, key, value


__all__ = ["TIME_KEYS", "parse_time", "value_problems"]
