"""Models of proofreading: revisions of an article, tracked changes, notes on passages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, digest_pending_index


class Revision(Base):
    """A numbered snapshot of an article after an edit (or as imported, for number 1).

    ``snapshot`` is ``{"blocks": [{"role", "text", "pieces"}], "heading": {...}}``;
    ``status`` is the article's status at the time.
    """

    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("article_id", "number"), digest_pending_index("revision"))

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    number: Mapped[int]
    created_at: Mapped[datetime]
    author: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(100))
    snapshot: Mapped[dict[str, Any]]
    status: Mapped[str] = mapped_column(String(20))
    digest: Mapped[str | None] = mapped_column(String(64))  # db.row_digests: set at commit


class ChangeRecord(Base):
    """One text change of a block: who replaced what with what, when, and by which rule.

    ``offset`` is where the change began in the block's text of the time.
    ``start``/``end`` locate its new text in the block's *current* text; later
    edits keep them up to date, and set them to null once they overwrite it.
    """

    __tablename__ = "change_record"
    __table_args__ = (digest_pending_index("change_record"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int | None] = mapped_column(ForeignKey("block.id", ondelete="SET NULL"), index=True)
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("revision.id", ondelete="SET NULL"))
    offset: Mapped[int]
    start: Mapped[int | None]
    end: Mapped[int | None]
    old_text: Mapped[str] = mapped_column(Text)
    new_text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    rule: Mapped[str | None] = mapped_column(String(100))
    digest: Mapped[str | None] = mapped_column(String(64))  # db.row_digests: set at commit


class Note(Base):
    """A note on a passage of a block, anchored by quote + context and by position.

    ``quote``/``prefix``/``suffix`` follow the W3C TextQuoteSelector and
    ``start``/``end`` the TextPositionSelector, within the block's text.  A note
    whose passage was deleted is kept with ``orphaned`` set.
    """

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int | None] = mapped_column(ForeignKey("block.id", ondelete="SET NULL"), index=True)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text)
    suffix: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    resolved: Mapped[bool] = mapped_column(default=False, server_default="0")
    orphaned: Mapped[bool] = mapped_column(default=False, server_default="0")
