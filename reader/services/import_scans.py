"""The import's hook for page scans: attach the scans lying next to each imported issue file.

Runs inside the import's transaction, after the issue is stored; each scan
file is attached all or nothing in its own savepoint (see
:mod:`reader.services.pages`), so a bad scan never costs the issue its text.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from reader.services.importing import FileResult


def with_scans(session: Session, path: Path, result: FileResult) -> FileResult:
    """``result`` of an imported file, with the scans found beside it attached and reported."""
    from reader.services.pages import attach_beside

    if result.issue_id is None:
        return result
    report = attach_beside(session, result.issue_id, path)
    if not report.attached and not report.failed:
        return result
    return dataclasses.replace(
        result,
        scan_files=tuple(attached.path for attached in report.attached),
        scan_pages=report.pages,
        scan_errors=tuple((error.source, error.reason) for error in report.failed),
    )
