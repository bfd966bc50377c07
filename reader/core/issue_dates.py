"""Sorting issues by the date printed on them, however written (2021年4月16日, 2021-04-16, 2021.4.16).

And refusing a date no calendar has (2021-02-30, 2021年13月) where a user sets one.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass

_DATE = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})(?:\s*[月./-]\s*(\d{1,2}))?")
UNKNOWN = "9999-99-99"  # issues without a date sort after the dated ones


def date_sort_key(text: str | None) -> str:
    """``YYYY-MM-DD`` of the first date in ``text`` (day ``00`` when only a month is given), else UNKNOWN."""
    if not text:
        return UNKNOWN
    match = _DATE.search(text.translate(_FULL_WIDTH_DIGITS))
    if match is None:
        return UNKNOWN
    year, month, day = match.group(1), match.group(2), match.group(3) or "0"
    return f"{year}-{int(month):02d}-{int(day):02d}"


_FULL_WIDTH_DIGITS = {0xFF10 + n: str(n) for n in range(10)}


@dataclass(frozen=True, slots=True)
class ImpossibleDate:
    """A date written in an issue's date that no calendar has: month ``month`` or day ``day`` of it."""

    written: str  # as written (2021-02-30, 2021年13月)
    year: int
    month: int
    day: int | None  # None when only a month is given
    days: int  # days of the month (0 when the month itself does not exist)


def impossible_date(text: str | None) -> ImpossibleDate | None:
    """The first date in ``text`` (as :func:`date_sort_key` reads them) that cannot be, else None.

    The text is otherwise free (``辛丑年三月``, ``Spring 2021``): only what is written as a
    year, month and day in digits is checked.
    """
    text = text or ""
    for match in _DATE.finditer(text.translate(_FULL_WIDTH_DIGITS)):  # digits map one to one
        year, month = int(match.group(1)), int(match.group(2))
        day = None if match.group(3) is None else int(match.group(3))
        if year < 1:  # no calendar to judge by
            continue
        days = monthrange(year, month)[1] if 1 <= month <= 12 else 0
        if not days or (day is not None and not 1 <= day <= days):
            return ImpossibleDate(text[match.start() : match.end()], year, month, day, days)
    return None
