"""What the library learnt about a paper's layout: lines a proofreader marked for a publication.

A :class:`LayoutRule` says that a line (its text with spaces removed) of a
given publication is masthead or page furniture (a leftover of that kind) or
has a given role in its article; later imports of that publication apply it
(``reader.services.layout_memory``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class LayoutRule(Base):
    """A remembered line of a publication's layout and what it is."""

    __tablename__ = "layout_rule"
    __table_args__ = (UniqueConstraint("publication", "line"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    publication: Mapped[str] = mapped_column(String(200))  # the publication's key (masthead or file pattern)
    line: Mapped[str] = mapped_column(Text)  # the line's text without whitespace
    role: Mapped[str] = mapped_column(String(20))  # a leftover kind (masthead, layout…) or a block role
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
