"""Undoable steps of the scan pane: link a rectangle of a page to an article (or block), remove a link."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.gui.undo import EditContext, ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.page_regions import Box, RegionRow


class _RegionStep(ServiceCommand):
    """Links and unlinks one region; the region made last is remembered for the next undo or redo."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        page_id: int,
        article_id: int,
        block_id: int | None,
        box: Box,
        changed: Callable[[], object],
    ) -> None:
        super().__init__(context, text)
        self.page_id = page_id
        self.article_id = article_id
        self.block_id = block_id
        self.box = box
        self.region: RegionRow | None = None
        self._changed = changed

    def _link(self, session: Session) -> RegionRow:
        from reader.services.page_regions import link_region

        self.region = link_region(
            session, self.page_id, self.article_id, self.box, block_id=self.block_id, author=self.author
        )
        return self.region

    def _unlink(self, session: Session) -> RegionRow:
        from reader.services.page_regions import unlink_region

        assert self.region is not None
        return unlink_region(session, self.region.id)

    def applied(self, value: object) -> None:
        self._changed()

    def reverted(self, value: object) -> None:
        self._changed()


class LinkRegionCommand(_RegionStep):
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
        text = QCoreApplication.translate("ScanPane", "Link Region")
        super().__init__(context, text, page_id, article_id, block_id, box, changed)

    def apply(self, session: Session) -> RegionRow:
        return self._link(session)

    def revert(self, session: Session) -> RegionRow:
        return self._unlink(session)


class UnlinkRegionCommand(_RegionStep):
    """Remove a region's link; undo links the same rectangle again."""

    def __init__(self, context: EditContext, row: RegionRow, changed: Callable[[], object]) -> None:
        text = QCoreApplication.translate("ScanPane", "Remove Region")
        super().__init__(context, text, row.page_id, row.article_id, row.block_id, row.box, changed)
        self.region = row

    def apply(self, session: Session) -> RegionRow:
        return self._unlink(session)

    def revert(self, session: Session) -> RegionRow:
        return self._link(session)
