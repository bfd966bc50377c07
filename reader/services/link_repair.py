"""``check --repair``: page-scan regions and suggestion decisions moved to their blocks' articles.

Libraries split, merged or with blocks moved before qa25 keep a block's regions and decisions on the
article they were made on (``db.link_check``).  The repair moves each to the article its block is in,
in the caller's transaction, after a verified backup (reason ``pre-bulk``).  Rows a merge deleted then
are not brought back: only a backup from before that merge still holds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.link_check import LINKED, misplaced_links
from db.models import Block
from db.scan_models import ScanRegion
from reader.services.bulk import backup_before_bulk

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class LinksRepaired:
    regions: int  # page-scan regions moved
    decisions: int  # suggestion decisions moved


def repair_links(session: Session) -> LinksRepaired:
    """Move every block-linked region and decision to its block's article; backs up first when any is
    to move, nothing otherwise."""
    misplaced = misplaced_links(session)
    if not misplaced:
        return LinksRepaired(0, 0)
    backup_before_bulk(session)
    for table in LINKED:
        block_article = select(Block.article_id).where(Block.id == table.block_id).scalar_subquery()
        ids = [link.row_id for link in misplaced if link.table == table.__tablename__]
        for start in range(0, len(ids), _CHUNK):
            moved = update(table).where(table.id.in_(ids[start : start + _CHUNK]))
            moved = moved.values(article_id=block_article).execution_options(synchronize_session=False)
            session.execute(moved)
    regions = sum(link.table == ScanRegion.__tablename__ for link in misplaced)
    return LinksRepaired(regions, len(misplaced) - regions)


__all__ = ["LinksRepaired", "repair_links"]
