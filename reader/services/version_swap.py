"""Compare-and-swap on an article's version: the ``UPDATE`` itself checks the version read.

Two clients saving the same article (two windows on one SQLite file, or two
machines on one PostgreSQL library) can then never both succeed from the
same version: the second ``UPDATE`` finds no row at the version it read and
the save stops with :class:`reader.services.tracking.saving.StaleVersion`, writing
nothing (the caller's transaction rolls back).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from db.models import Article, table_of


def bump_version(session: Session, article: Article) -> None:
    """Move ``article`` from the version this session read to the next one, or raise StaleVersion."""
    read = article.version
    table = table_of(Article)
    swapped = session.execute(
        update(table).where(table.c.id == article.id, table.c.version == read).values(version=read + 1)
    )
    if swapped.rowcount != 1:  # type: ignore[attr-defined]
        from reader.services.tracking.saving import StaleVersion

        stored = session.scalar(select(table.c.version).where(table.c.id == article.id)) or 0
        raise StaleVersion(article.id, read, stored, {}, {})
    set_committed_value(article, "version", read + 1)
