"""Sorting issues by the date printed on them, however written (2021年4月16日, 2021-04-16, 2021.4.16)."""

from __future__ import annotations

import re

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
