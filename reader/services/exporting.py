"""Use case: export issues as cleaned text or as the documented JSON structure."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Issue
from reader.core.files import atomic_write_text, safe_file_stem, unique_names
from reader.core.render_text import render_issue
from reader.core.script import Script
from reader.services.documents import issue_document
from reader.services.library import check_issue_ids

ProgressCallback = Callable[[int, int, str], None]


class ExportFormat(StrEnum):
    """Export formats offered on the command line (``--format``)."""

    TXT = "txt"
    JSON = "json"


def render(document: dict[str, Any], fmt: ExportFormat, script: Script = Script.ORIGINAL) -> str:
    """The file content of one issue in a format."""
    if fmt is ExportFormat.JSON:
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return render_issue(document, script)


def export_issues(
    session: Session,
    out_dir: Path,
    fmt: ExportFormat,
    *,
    issue_ids: Sequence[int] | None = None,
    script: Script = Script.ORIGINAL,
    progress: ProgressCallback | None = None,
) -> list[Path]:
    """Write one file per issue into ``out_dir``, named after the imported file's stem.

    A suffix is added only when two issues share a stem.  Each file is written
    to a temporary name and renamed into place.  Returns the files written.
    """
    if issue_ids is None:
        ids = list(session.scalars(select(Issue.id).order_by(Issue.id)))
    else:
        ids = list(dict.fromkeys(issue_ids))
        check_issue_ids(session, ids)
    stems: dict[int, str] = {
        row[0]: row[1]
        for row in session.execute(select(Issue.id, Issue.source_stem).where(Issue.id.in_(ids)))
    }
    names = unique_names([safe_file_stem(stems[i]) for i in ids])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for n, (issue_id, name) in enumerate(zip(ids, names, strict=True)):
        target = out_dir / f"{name}.{fmt.value}"
        if progress is not None:
            progress(n, len(ids), target.name)
        atomic_write_text(target, render(issue_document(session, issue_id), fmt, script))
        written.append(target)
    if progress is not None:
        progress(len(ids), len(ids), "")
    return written
