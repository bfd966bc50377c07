"""Data-safety tables: the content hash of every article's text, to detect silent damage."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base
from reader.core.digests import article_structure_digest as article_structure_digest
from reader.core.digests import article_text_digest as article_text_digest


class ArticleHash(Base):
    """The hash of an article's text as last saved through the application, and that version."""

    __tablename__ = "article_hash"
    __table_args__ = (
        Index(
            "ix_article_hash_structure_pending",
            "article_id",
            sqlite_where=sql_text("structure IS NULL"),
            postgresql_where=sql_text("structure IS NULL"),
        ),
    )

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    sha256: Mapped[str] = mapped_column(String(64))
    version: Mapped[int]
    # SHA-256 of the article's structure (title, block roles, order, pieces): article_structure_digest
    structure: Mapped[str | None] = mapped_column(String(64))
