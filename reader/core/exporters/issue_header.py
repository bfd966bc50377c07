"""The heading of an issue in the exports a person reads: its title (or file name) and its details."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DETAIL_JOINER = " · "


def issue_title(issue: Mapping[str, Any]) -> str:
    """The issue's title, else the imported file's name."""
    return " ".join(str(issue.get("title") or issue.get("source_name") or "").split())


def issue_details(issue: Mapping[str, Any]) -> str:
    """Date, publication and number, those that are known, on one line ("" when none is)."""
    values = (issue.get("publication_date"), issue.get("publication"), issue.get("number"))
    return DETAIL_JOINER.join(" ".join(str(v).split()) for v in values if v and str(v).strip())
