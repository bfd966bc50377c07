"""Tables of the proofreading rules: the user's own rules and decisions on suggestions.

A rejected suggestion stays rejected: ``SuggestionDecision`` remembers the
block, the rule and the matched text with its position, and a later
suggestion is matched to it by block, rule and text at a nearby position.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base

USER_RULE_SCOPES = ("all", "paragraph", "heading", "caption")
DECISIONS = ("rejected", "accepted")


class UserRuleRow(Base):
    """A rule the user wrote: a literal text or a regex, and its replacement (None: flag only)."""

    __tablename__ = "user_rule"
    __table_args__ = (CheckConstraint("scope IN ('all', 'paragraph', 'heading', 'caption')", name="scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    pattern: Mapped[str] = mapped_column(Text)
    replacement: Mapped[str | None] = mapped_column(Text)
    is_regex: Mapped[bool] = mapped_column(default=False, server_default="0")
    scope: Mapped[str] = mapped_column(String(20), default="all", server_default="all")
    enabled: Mapped[bool] = mapped_column(default=True, server_default="1")
    created_at: Mapped[datetime]


class SuggestionDecision(Base):
    """A user's decision on one suggestion: ``rejected`` (never suggest again) or ``accepted``."""

    __tablename__ = "suggestion_decision"
    __table_args__ = (CheckConstraint("decision IN ('rejected', 'accepted')", name="decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int] = mapped_column(ForeignKey("block.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(100))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)  # the matched text
    decision: Mapped[str] = mapped_column(String(10))
    author: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime]
