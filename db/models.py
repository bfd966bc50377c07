"""SQLAlchemy 2.x typed models of the library.

The original OCR text of an issue is stored verbatim, in consecutive pieces of
at most a few hundred thousand characters (:class:`IssueText`, read and written
through :mod:`db.original_text`), so a huge issue never has to be held whole;
every article, block and leftover records where it came from as code-point
spans into it, so nothing of the original is ever lost.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar, cast

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ARTICLE_STATUSES = ("new", "in_progress", "proofread", "approved")


def utcnow() -> datetime:
    """The current time in UTC, timezone-aware."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and read back timezone-aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (needed by batch migrations)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: UTCDateTime,
    }


def table_of(model: type[Base]) -> Table:
    """The Core table of a model (Core bulk inserts skip the ORM's per-row bookkeeping)."""
    return cast(Table, model.__table__)


class Issue(Base):
    """One imported newspaper issue (one source file)."""

    __tablename__ = "issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_name: Mapped[str] = mapped_column(String(500))  # file name as imported
    source_stem: Mapped[str] = mapped_column(String(500))  # file name without suffix
    sha256: Mapped[str] = mapped_column(String(64), unique=True)  # of the decoded text
    encoding: Mapped[str] = mapped_column(String(32))
    char_count: Mapped[int]  # characters of the original text
    imported_at: Mapped[datetime]
    title: Mapped[str | None] = mapped_column(String(500))  # publication title when found
    publication_date: Mapped[str | None] = mapped_column(String(100))

    articles: Mapped[list[Article]] = relationship(
        back_populates="issue",
        order_by="Article.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    leftovers: Mapped[list[Leftover]] = relationship(
        back_populates="issue",
        order_by="Leftover.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


COPY_SUFFIX = ":copy-"
"""Added to ``Issue.sha256`` (``:copy-2``, ``:copy-3``…) when the same text is kept again as a copy."""


def base_hash(sha256: str) -> str:
    """An issue's content hash without a ``:copy-N`` suffix: the SHA-256 of its original text."""
    return sha256.split(COPY_SUFFIX, 1)[0]


class IssueText(Base):
    """Characters ``start`` to ``stop`` of an issue's verbatim original text."""

    __tablename__ = "issue_text"
    __table_args__ = (CheckConstraint("stop = start + length(text)", name="span"),)

    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    stop: Mapped[int]  # before ``text``, so span queries never read the text's overflow pages
    text: Mapped[str] = mapped_column(Text)


class Article(Base):
    """An article of an issue. Heading columns mirror its heading blocks for fast listing."""

    __tablename__ = "article"
    __table_args__ = (
        UniqueConstraint("issue_id", "position"),
        CheckConstraint("status IN ('new', 'in_progress', 'proofread', 'approved')", name="status"),
        {"sqlite_autoincrement": True},  # an id is never handed out twice (migration 0009_struct)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"))
    position: Mapped[int]
    section: Mapped[str | None] = mapped_column(Text)
    kicker: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]
    status: Mapped[str] = mapped_column(String(20), default="new", server_default="new", index=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    updated_at: Mapped[datetime]

    issue: Mapped[Issue] = relationship(back_populates="articles")
    blocks: Mapped[list[Block]] = relationship(
        back_populates="article",
        order_by="Block.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    people: Mapped[list[Contributor]] = relationship(
        back_populates="article",
        order_by="Contributor.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Block(Base):
    """A block of an article in reading order: heading, byline, paragraph, caption, source…

    ``pieces`` is a JSON list of ``[start, end]`` spans into the issue's original
    text; more than one when a cut paragraph was joined.  ``text`` is the
    current text (equal to the pieces joined until someone corrects it).
    """

    __tablename__ = "block"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    pieces: Mapped[list[Any]]

    article: Mapped[Article] = relationship(back_populates="blocks")


class Contributor(Base):
    """A person named in an article's byline, with the role it gives (通讯员, 记者…)."""

    __tablename__ = "contributor"
    __table_args__ = (UniqueConstraint("article_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(50))

    article: Mapped[Article] = relationship(back_populates="people")


class Leftover(Base):
    """A block of an issue that belongs to no article (masthead, QR blurb, layout word)."""

    __tablename__ = "leftover"
    __table_args__ = (UniqueConstraint("issue_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int]
    span_end: Mapped[int]

    issue: Mapped[Issue] = relationship(back_populates="leftovers")
