"""Timestamps as the exports and the CLI write them."""

from __future__ import annotations

from datetime import datetime


def iso_utc(value: datetime) -> str:
    """An aware UTC timestamp as ISO 8601 with a ``Z``."""
    return value.isoformat().replace("+00:00", "Z")
