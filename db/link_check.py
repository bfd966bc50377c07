"""Rows linked to a block that sit on another article than their block's: page-scan regions and
decisions on suggestions.

Before qa25 a split, a merge or a block moved to another article left a block's page-scan region and
its decisions on suggestions on the article they were made on: the new article showed no place on the
scan, the old one outlined a block it no longer had, and a rejected suggestion was offered again.  The
structure edits now move them with their blocks; ``check`` finds those left by the older versions and
``check --repair`` moves each to its block's article (``reader.services.link_repair``).  What a merge
deleted then (the merged-away article's regions and decisions) is not in the library any more: only a
backup from before that merge holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Block
from db.rules_models import SuggestionDecision
from db.scan_models import ScanRegion

LINKED = (ScanRegion, SuggestionDecision)


@dataclass(frozen=True, slots=True)
class MisplacedLink:
    """One row linked to a block of another article than its own."""

    table: str  # "scan_region" or "suggestion_decision"
    row_id: int
    article_id: int  # the article the row is on
    block_id: int
    block_article_id: int  # the article its block is in

    def __str__(self) -> str:
        name = "page-scan region" if self.table == ScanRegion.__tablename__ else "suggestion decision"
        return (
            f"{name} {self.row_id}: on article {self.article_id}, but its block {self.block_id} is in "
            f"article {self.block_article_id} (left by a split, merge or block move of an older "
            "version; python main.py check --repair moves it)"
        )


def misplaced_links(session: Session) -> list[MisplacedLink]:
    """Every page-scan region and suggestion decision whose article is not its block's, by table and id."""
    found: list[MisplacedLink] = []
    for table in LINKED:
        query = (
            select(table.id, table.article_id, table.block_id, Block.article_id)
            .join(Block, Block.id == table.block_id)
            .where(table.article_id != Block.article_id)
            .order_by(table.id)
        )
        found += [
            MisplacedLink(table.__tablename__, row_id, article_id, block_id or 0, block_article_id)
            for row_id, article_id, block_id, block_article_id in session.execute(query)
        ]
    return found


__all__ = ["LINKED", "MisplacedLink", "misplaced_links"]
