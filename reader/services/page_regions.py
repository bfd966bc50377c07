"""Use cases of regions: rectangles of a scan page linked to an article or to one block of it.

Rectangles are in page coordinates (see :mod:`db.scan_models`) and are
clipped to the page.  A region belongs to the page's issue: linking a page
of one issue to an article of another is refused.  ``unlink`` returns what
it removed, so an undo can link it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block, utcnow
from db.scan_models import ScanPage, ScanRegion
from reader.services.pages import PageError

MIN_SIDE = 2
"""The smallest side of a region, in page pixels (smaller drags are taken as clicks)."""


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in page coordinates: left, top, width, height (pixels)."""

    x: int
    y: int
    w: int
    h: int

    def xywh(self) -> str:
        """The IIIF-style media fragment value ``x,y,w,h``."""
        return f"{self.x},{self.y},{self.w},{self.h}"


@dataclass(frozen=True, slots=True)
class RegionRow:
    """A linked region: its page (id and number), its article and block (or None), its box."""

    id: int
    page_id: int
    page_number: int
    article_id: int
    block_id: int | None
    block_position: int | None
    box: Box
    origin: str


def clip(box: Box, width: int, height: int) -> Box | None:
    """``box`` cut to a ``width`` × ``height`` page; None when too little of it is left."""
    left, top = max(0, box.x), max(0, box.y)
    right, bottom = min(width, box.x + box.w), min(height, box.y + box.h)
    if right - left < MIN_SIDE or bottom - top < MIN_SIDE:
        return None
    return Box(left, top, right - left, bottom - top)


def link_region(
    session: Session,
    page_id: int,
    article_id: int,
    box: Box,
    *,
    block_id: int | None = None,
    author: str,
    origin: str = "manual",
) -> RegionRow:
    """Link a rectangle of a page to an article (or one block of it); returns the region made."""
    page = session.get(ScanPage, page_id)
    if page is None:
        raise PageError(f"no scan page {page_id} in the library")
    article = session.get(Article, article_id)
    if article is None:
        raise PageError(f"no article {article_id} in the library")
    if article.issue_id != page.issue_id:
        raise PageError(f"page {page.number} belongs to another issue than article {article_id}")
    block_position = None
    if block_id is not None:
        block = session.get(Block, block_id)
        if block is None or block.article_id != article_id:
            raise PageError(f"block {block_id} is not a block of article {article_id}")
        block_position = block.position
    clipped = clip(box, page.width, page.height)
    if clipped is None:
        raise PageError(f"the rectangle {box.xywh()} lies outside page {page.number} or is too small")
    region = ScanRegion(
        page_id=page_id,
        article_id=article_id,
        block_id=block_id,
        x=clipped.x,
        y=clipped.y,
        w=clipped.w,
        h=clipped.h,
        origin=origin,
        author=author,
        created_at=utcnow(),
    )
    session.add(region)
    session.flush()
    return RegionRow(region.id, page_id, page.number, article_id, block_id, block_position, clipped, origin)


def unlink_region(session: Session, region_id: int) -> RegionRow:
    """Remove a region; returns it as it was."""
    rows = _rows(session, ScanRegion.id == region_id)
    if not rows:
        raise PageError(f"no region {region_id} in the library")
    session.delete(session.get_one(ScanRegion, region_id))
    session.flush()
    return rows[0]


def article_regions(session: Session, article_id: int) -> list[RegionRow]:
    """An article's regions, by page and position on it."""
    return _rows(session, ScanRegion.article_id == article_id)


def regions_of_articles(session: Session, article_ids: Iterable[int]) -> dict[int, list[RegionRow]]:
    """The regions of several articles, by article id (articles without any are left out)."""
    found: dict[int, list[RegionRow]] = {}
    for row in _rows(session, ScanRegion.article_id.in_(list(article_ids))):
        found.setdefault(row.article_id, []).append(row)
    return found


def page_regions(session: Session, page_id: int) -> list[RegionRow]:
    """Every region of one page."""
    return _rows(session, ScanRegion.page_id == page_id)


def _rows(session: Session, where: object) -> list[RegionRow]:
    query = (
        select(ScanRegion, ScanPage.number, Block.position)
        .join(ScanPage, ScanPage.id == ScanRegion.page_id)
        .outerjoin(Block, Block.id == ScanRegion.block_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(ScanPage.number, ScanRegion.y, ScanRegion.x, ScanRegion.id)
    )
    return [
        RegionRow(
            r.id, r.page_id, number, r.article_id, r.block_id, position, Box(r.x, r.y, r.w, r.h), r.origin
        )
        for r, number, position in session.execute(query)
    ]


__all__ = [
    "Box",
    "RegionRow",
    "article_regions",
    "clip",
    "link_region",
    "page_regions",
    "regions_of_articles",
    "unlink_region",
]
