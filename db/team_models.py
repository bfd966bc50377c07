"""Team tables: soft claims on the articles being edited (presence)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class ArticleClaim(Base):
    """Someone is editing this article: who, from which window, since when, and until when unless renewed.

    A claim is soft: others can still read, and may edit after being asked.
    It lapses at ``expires_at`` unless the editor's window renews it.
    """

    __tablename__ = "article_claim"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("article.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    holder: Mapped[str] = mapped_column(String(100))
    client: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime]
    expires_at: Mapped[datetime]
