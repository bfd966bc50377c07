"""Undoable steps of the scan pane: link a rectangle of a page to an article (or block), remove a link.

Both are operations of ``reader.services.operations`` (``region_link_operation``
and ``region_unlink_operation``): undoing a link removes the region made, and
undoing a removal links the same rectangle again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.core.op_changes import OpChanges
from reader.gui.commands import ReloadingCommand
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from reader.services.page_regions import Box, RegionRow

REGION_CHANGES = OpChanges(text=True)  # no article ids: the scan pane reloads its regions itself


class LinkRegionCommand(ReloadingCommand):
    """Link a rectangle of a page to the open article, or to one of its blocks."""

    def __init__(
        self,
        context: EditContext,
        page_id: int,
        article_id: int,
        block_id: int | None,
        box: Box,
        changed: Callable[[], object],
    ) -> None:
        from reader.services.operations import region_link_operation

        operation = region_link_operation(
            page_id, article_id, box, block_id, author=context.author(), changes=REGION_CHANGES
        )
        super().__init__(context, QCoreApplication.translate("ScanPane", "Link Region"), operation, changed)


class UnlinkRegionCommand(ReloadingCommand):
    """Remove a region's link; undo links the same rectangle again."""

    def __init__(self, context: EditContext, row: RegionRow, changed: Callable[[], object]) -> None:
        from reader.services.operations import region_unlink_operation

        operation = region_unlink_operation(row.id, author=context.author(), changes=REGION_CHANGES)
        super().__init__(context, QCoreApplication.translate("ScanPane", "Remove Region"), operation, changed)
