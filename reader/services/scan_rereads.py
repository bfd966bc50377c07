"""Use case: the issue already read through OCR from exactly these scan files, found by their bytes.

Importing the same scans again would read every page through the model (minutes
for a long PDF) only for its text to be found in the library at the end; the
files' SHA-256, in page order, tell it at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Issue
from db.scan_models import ScanFile


def issue_read_from(session: Session, hashes: Sequence[str], encoding: str) -> int | None:
    """The issue of ``encoding`` whose scan files are exactly those of these SHA-256 hashes, in order."""
    if not hashes:
        return None
    candidates = (
        select(ScanFile.issue_id)
        .join(Issue, Issue.id == ScanFile.issue_id)
        .where(Issue.encoding == encoding, ScanFile.sha256 == hashes[0])
    )
    for issue_id in session.scalars(candidates.distinct().order_by(ScanFile.issue_id)):
        files = session.scalars(
            select(ScanFile.sha256).where(ScanFile.issue_id == issue_id).order_by(ScanFile.position)
        )
        if list(files) == list(hashes):
            return issue_id
    return None


__all__ = ["issue_read_from"]
