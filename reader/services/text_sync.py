"""Keeping what is derived from article text in step with every edit.

Two things are derived from an article's blocks: its search index entry and
its content hash (checked by ``python main.py check``).  Rather than have every
service that changes text remember both, session events collect the articles
whose blocks a flush adds, edits, moves or deletes, and just before the
transaction commits they are reindexed and re-hashed once each, inside that
same transaction.  The importer, which writes with Core inserts, indexes and
hashes what it stores itself.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from db.integrity import record_hashes, record_structures
from db.models import Article, Block
from reader.services.searching import reindex_articles

_PENDING = "text_sync_pending"


_BLOCK_HASHED = ("text", "position", "article_id", "role", "pieces")  # the text and structure hashes


def touched_articles(session: Session) -> set[int]:
    """Articles whose text or structure the coming flush changes (blocks added, edited, moved, given
    another role or other pieces, deleted; the title changed)."""
    touched: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Block):
            state = inspect(obj)
            if obj in session.dirty and not any(
                getattr(state.attrs, name).history.has_changes() for name in _BLOCK_HASHED
            ):
                continue
            owners = (obj.article_id, *state.attrs.article_id.history.deleted)
            touched.update(i for i in owners if i is not None)
        elif isinstance(obj, Article) and (
            obj in session.deleted
            or (obj in session.dirty and inspect(obj).attrs.title.history.has_changes())
        ):
            touched.add(obj.id)
    return touched


def _title_changed(session: Session, article: Article) -> bool:
    return article in session.dirty and inspect(article).attrs.title.history.has_changes()


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    touched = touched_articles(session)
    if touched:
        session.info.setdefault(_PENDING, set()).update(touched)


@event.listens_for(Session, "before_commit")
def _sync(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: its rows are done once, at the real commit
    session.flush()
    pending: set[int] | None = session.info.pop(_PENDING, None)
    if pending:
        ids = sorted(pending)
        reindex_articles(session, ids)
        record_hashes(session, ids)
    record_structures(session)  # articles a Core insert stored (the importer) get their structure hash


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
