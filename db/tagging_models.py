"""Tagging tables: tags (script-insensitive, hierarchical), their links to articles,
dismissed suggestions, user dictionary words and the library's document frequencies.

The IDF tables are incremental: ``idf_article`` marks the articles already counted
into ``term_df`` so that importing more issues only counts the new articles.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.dialect import colour_check
from db.models import Base, digest_pending_index
from reader.core.tag_kinds import TAG_KINDS as TAG_KINDS  # re-exported

_KIND_CHECK = "kind IN (" + ", ".join(f"'{k}'" for k in TAG_KINDS) + ")"


class Tag(Base):
    """A tag; ``name_key`` is the folded name (script, width and case insensitive) and unique."""

    __tablename__ = "tag"
    __table_args__ = (
        CheckConstraint(_KIND_CHECK, name="kind"),
        CheckConstraint(colour_check("sqlite"), name="colour").ddl_if(dialect="sqlite"),
        CheckConstraint(colour_check("postgresql"), name="colour").ddl_if(dialect="postgresql"),
        digest_pending_index("tag"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="topic", server_default="topic")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tag.id", ondelete="SET NULL"), index=True)
    colour: Mapped[str | None] = mapped_column(String(7))
    created_at: Mapped[datetime]
    digest: Mapped[str | None] = mapped_column(String(64))  # db.row_digests: set at commit

    parent: Mapped[Tag | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Tag]] = relationship(back_populates="parent", passive_deletes=True)


class ArticleTag(Base):
    """An article carries a tag; the (tag, article) index serves filtering by tags."""

    __tablename__ = "article_tag"
    __table_args__ = (Index("ix_article_tag_tag_id", "tag_id", "article_id"),)

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime]
    from_suggestion: Mapped[bool] = mapped_column(default=False, server_default="0")


class DismissedTagSuggestion(Base):
    """A suggestion the user dismissed for an article; it is never offered there again."""

    __tablename__ = "dismissed_tag_suggestion"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    name_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    dismissed_at: Mapped[datetime]


class UserWord(Base):
    """A word the user added to the segmenter's dictionary, with its jieba POS tag (nr, ns, nt, n)."""

    __tablename__ = "user_word"

    id: Mapped[int] = mapped_column(primary_key=True)
    word: Mapped[str] = mapped_column(String(100), unique=True)
    pos: Mapped[str] = mapped_column(String(10), default="n", server_default="n")
    added_at: Mapped[datetime]


class TermDocFrequency(Base):
    """How many counted articles contain a (folded) term: the library's IDF."""

    __tablename__ = "term_df"

    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    df: Mapped[int]


class IdfCountedArticle(Base):
    """An article already counted into ``term_df``."""

    __tablename__ = "idf_article"

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)


class IdfStats(Base):
    """The single row of IDF statistics: how many articles were counted, and when."""

    __tablename__ = "idf_stats"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    n_docs: Mapped[int]
    updated_at: Mapped[datetime]


class TagAlias(Base):
    """Another name of a tag (外滩 for 外滩街道): found in articles, searches and completion as the tag.

    ``alias_key`` is the folded alias, unique: one alias names one tag.
    """

    __tablename__ = "tag_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(100))
    alias_key: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime]


class TagRule(Base):
    """Tag every article whose text contains ``pattern`` (or matches it, a regular expression) with a tag.

    Rules are applied on demand and to every article imported after; the links
    a rule adds are recorded as added by ``rule:<id>``.
    """

    __tablename__ = "tag_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
    pattern: Mapped[str] = mapped_column(String(200))
    is_regex: Mapped[bool] = mapped_column(default=False, server_default="0")
    created_at: Mapped[datetime]


class TagPhrase(Base):
    """A phrase that recurs across the library (new-word discovery), with its count and score."""

    __tablename__ = "tag_phrase"

    phrase: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int]
    score: Mapped[float] = mapped_column(Float)
