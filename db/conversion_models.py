"""Tables of script conversion: names kept as written, and the user's own conversion list.

A converted view or export keeps every protected name (and every person,
place and organisation tag) exactly as stored; the user's phrases are applied
after OpenCC, per target script, to fix what it gets wrong.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base

CONVERSION_SCRIPTS = ("simplified", "traditional", "tw", "hk")
_SCRIPT_CHECK = "script IN (" + ", ".join(f"'{s}'" for s in CONVERSION_SCRIPTS) + ")"


class ProtectedName(Base):
    """A name the user wants kept as written in every converted view and export."""

    __tablename__ = "protected_name"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class ConversionPhrase(Base):
    """A phrase and what it becomes in one script, applied after OpenCC (``并为`` → ``並為``)."""

    __tablename__ = "conversion_phrase"
    __table_args__ = (
        UniqueConstraint("script", "phrase"),
        CheckConstraint(_SCRIPT_CHECK, name="script"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    script: Mapped[str] = mapped_column(String(20))
    phrase: Mapped[str] = mapped_column(String(200))
    replacement: Mapped[str] = mapped_column(String(200))
