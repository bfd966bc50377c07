"""Attaching page scans as an undoable operation (see ``reader.services.operations``).

Undo detaches the pages the step attached (refused, with nothing changed,
when one of them has regions linked since or is gone); redo reads the same
files again and attaches them anew.  Each output tells the issue's id, so
the scan pane showing it reads its pages again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.op_changes import OpChanges, Operation, OpOutput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def attach_operation(issue_id: int, paths: Sequence[Path]) -> Operation:
    """Attach scan files to an issue, each all or nothing (value: the ``AttachReport``).

    When no file could be attached the output tells nothing and has no undo.
    """
    from reader.services.pages import attach_files

    files = list(paths)
    changes = OpChanges.of(issue_ids=[issue_id])

    def run(session: Session) -> OpOutput:
        report = attach_files(session, issue_id, files)
        numbers = sorted(n for attached in report.attached for n in attached.pages)
        attached = [Path(a.path) for a in report.attached]
        if not numbers:
            return OpOutput(OpChanges(), None, report)  # nothing changed
        return OpOutput(changes, _detach_operation(issue_id, numbers, attached), report)

    return run


def _detach_operation(issue_id: int, numbers: Sequence[int], files: Sequence[Path]) -> Operation:
    """Detach the pages an attach made; its output attaches the same files again."""
    from reader.services.pages import PageError, detach_page, list_pages

    changes = OpChanges.of(issue_ids=[issue_id])

    def run(session: Session) -> OpOutput:
        pages = {page.number: page for page in list_pages(session, issue_id)}
        for number in numbers:
            page = pages.get(number)
            if page is None:
                raise PageError(f"page {number} of issue {issue_id} is not there any more")
            if page.regions:
                raise PageError(
                    f"page {number} of issue {issue_id} has {page.regions} linked region(s); "
                    "remove them first"
                )
        for number in sorted(numbers, reverse=True):  # the last first: the others keep their numbers
            detach_page(session, issue_id, number)
        return OpOutput(changes, attach_operation(issue_id, files), list(numbers))

    return run


__all__ = ["attach_operation"]
