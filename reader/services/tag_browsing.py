"""Use case: what the tagging interface reads: plain tag rows, counts, filters, kind guesses.

Everything returns small plain rows (never ORM objects), so a background
worker can hand them to the GUI thread.  Changes go through
:mod:`reader.services.tagging`; this module only adds the reads the
interface needs, the library filter by tags and the user dictionary list.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models import Article, Contributor
from db.tagging_models import ArticleTag, Tag, TagAlias, UserWord
from reader.core.script import fold
from reader.services.browsing import LibraryMatches, matching_articles
from reader.services.tag_idf import update_idf
from reader.services.tag_queries import article_tags, articles_with_tags, list_tags
from reader.services.tag_suggesting import POS_OF_KIND
from reader.services.tagging import normalise_name, tag_path

if TYPE_CHECKING:
    from db.engine import Library

_CHUNK = 500
_MAP_ALL_ABOVE = 5000  # more article ids than this: read every (id, issue) pair instead of IN lists

KIND_OF_POS = {pos: kind for kind, pos in POS_OF_KIND.items()}
PLACE_SUFFIXES = ("路", "街", "街道", "弄", "区", "镇", "乡", "村", "社区", "小区", "新村", "县", "省")
ORGANISATION_SUFFIXES = (
    "办", "委", "会", "局", "中心", "公司", "集团", "医院", "学校", "中学", "小学", "幼儿园", "协会", "站",
    "所", "馆", "院", "队",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TagInfo:
    """One tag as the interface shows it: name, kind, place in the hierarchy, colour, article count."""

    id: int
    name: str
    key: str  # folded name: what script-insensitive matching compares
    kind: str
    parent_id: int | None
    colour: str | None
    count: int
    path: str  # ``parent/child``
    aliases: tuple[str, ...] = ()  # folded: completion and lookups find the tag by them too


@dataclass(frozen=True, slots=True)
class TagFilter:
    """Which tags the library is filtered by: all (or any) of ``include``, none of ``exclude``."""

    include: tuple[int, ...] = ()
    exclude: tuple[int, ...] = ()
    mode: Literal["all", "any"] = "all"

    @property
    def active(self) -> bool:
        return bool(self.include or self.exclude)


@dataclass(frozen=True, slots=True)
class UserWordRow:
    """A word of the user dictionary and the tag kind its POS stands for."""

    word: str
    pos: str
    kind: str


@dataclass(frozen=True, slots=True)
class ArticleTagging:
    """What the tag pane shows for one article: its tags and its byline names."""

    article_id: int
    tags: list[TagInfo]
    bylines: list[str] = field(default_factory=list)


def _info(tag: Tag, count: int, aliases: tuple[str, ...] = ()) -> TagInfo:
    return TagInfo(
        tag.id, tag.name, tag.name_key, tag.kind, tag.parent_id, tag.colour, count, tag_path(tag), aliases
    )


def tag_infos(session: Session, filter_text: str | None = None) -> list[TagInfo]:
    """Every tag (or those matching ``filter_text`` and their ancestors), in :func:`list_tags` order."""
    aliases: dict[int, list[str]] = {}
    for tag_id, key in session.execute(select(TagAlias.tag_id, TagAlias.alias_key).order_by(TagAlias.id)):
        aliases.setdefault(tag_id, []).append(key)
    return [
        _info(tag, count, tuple(aliases.get(tag.id, ()))) for tag, count in list_tags(session, filter_text)
    ]


def _link_counts(session: Session, column: InstrumentedAttribute[int], ids: Iterable[int]) -> dict[int, int]:
    """How many article-tag links each of ``ids`` has in ``column`` (0 included)."""
    unique = list(dict.fromkeys(ids))
    out = dict.fromkeys(unique, 0)
    for i in range(0, len(unique), _CHUNK):
        rows = session.execute(
            select(column, func.count()).where(column.in_(unique[i : i + _CHUNK])).group_by(column)
        )
        out.update({key: n for key, n in rows})
    return out


def tag_article_counts(session: Session, tag_ids: Iterable[int]) -> dict[int, int]:
    """How many articles carry each tag."""
    return _link_counts(session, ArticleTag.tag_id, tag_ids)


def article_tagging(session: Session, article_id: int) -> ArticleTagging:
    """The tags of one article (by kind, then name) and the names of its byline."""
    tags = article_tags(session, article_id)
    counts = tag_article_counts(session, [t.id for t in tags])
    return ArticleTagging(
        article_id, [_info(t, counts.get(t.id, 0)) for t in tags], byline_names(session, article_id)
    )


def byline_names(session: Session, article_id: int) -> list[str]:
    """The people named in an article's byline, in order."""
    return list(
        session.scalars(
            select(Contributor.name)
            .where(Contributor.article_id == article_id)
            .order_by(Contributor.position)
        )
    )


def tag_counts(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """How many tags each article carries (0 included)."""
    return _link_counts(session, ArticleTag.article_id, article_ids)


def guess_kind(name: str, bylines: Iterable[str] = ()) -> str:
    """The kind a new tag most likely has.

    A person for a 2–3-character name found in the byline; a place for names
    ending in 路, 街道, 区, 镇, 村, 社区…; an organisation for 办, 委, 会, 局,
    中心, 公司…; else a topic.
    """
    key = fold(" ".join(name.split()))
    if not key:
        return "topic"
    if 2 <= len(key) <= 3 and key in {fold(b.strip()) for b in bylines}:
        return "person"
    if key.endswith(ORGANISATION_SUFFIXES) and len(key) > 1:
        return "organisation"
    if key.endswith(PLACE_SUFFIXES) and len(key) > 1:
        return "place"
    return "topic"


def _issues_of(session: Session, article_ids: Sequence[int]) -> frozenset[int]:
    if len(article_ids) > _MAP_ALL_ABOVE:
        wanted = set(article_ids)
        rows = session.connection().execute(select(Article.id, Article.issue_id))
        return frozenset(issue_id for article_id, issue_id in rows if article_id in wanted)
    found: set[int] = set()
    for i in range(0, len(article_ids), _CHUNK):
        found.update(
            session.scalars(
                select(Article.issue_id).where(Article.id.in_(article_ids[i : i + _CHUNK])).distinct()
            )
        )
    return frozenset(found)


def filter_library(
    session: Session,
    needles: Iterable[str] = (),
    *,
    status: str | None = None,
    tags: TagFilter | None = None,
) -> LibraryMatches:
    """The library pane's filter: title text and status (``matching_articles``) and tags.

    Articles must pass both; an issue passes when one of its articles does.
    """
    words = [n for n in needles if n]
    if tags is None or not tags.active:
        return matching_articles(session, words, status=status)
    tagged = articles_with_tags(session, tags.include, mode=tags.mode, exclude_ids=tags.exclude)
    if words or status is not None:
        textual = matching_articles(session, words, status=status).article_ids
        tagged = [i for i in tagged if i in textual]
    return LibraryMatches(_issues_of(session, tagged), frozenset(tagged))


def articles_missing_from_idf(session: Session) -> list[int]:
    """Articles not yet counted into the library's IDF (what ``refresh_idf`` would count)."""
    from db.tagging_models import IdfCountedArticle

    return list(
        session.scalars(
            select(Article.id)
            .outerjoin(IdfCountedArticle, IdfCountedArticle.article_id == Article.id)
            .where(IdfCountedArticle.article_id.is_(None))
            .order_by(Article.id)
        )
    )


def refresh_idf_in_steps(
    library: Library, *, step: int = 200, cancelled: Callable[[], bool] = lambda: False
) -> int:
    """Count the articles not yet counted into the IDF, ``step`` per short write transaction.

    Does what :func:`reader.services.tag_idf.refresh_idf` does, without holding
    the write lock for the whole count (the interface keeps writing tags
    meanwhile).  Stops between steps when ``cancelled()``; returns how many
    articles were counted.
    """
    with library.session() as session:
        missing = articles_missing_from_idf(session)
    counted = 0
    for i in range(0, len(missing), step):
        if cancelled():
            break
        with library.writing() as session:
            counted += update_idf(session, missing[i : i + step])
    return counted


def user_words(session: Session) -> list[UserWordRow]:
    """The user dictionary, alphabetically."""
    rows = session.execute(select(UserWord.word, UserWord.pos).order_by(UserWord.word))
    return [UserWordRow(word, pos, KIND_OF_POS.get(pos, "topic")) for word, pos in rows]


def remove_user_word(session: Session, word: str) -> bool:
    """Take a word out of the user dictionary; False when it was not there.

    jieba keeps the word whole until the next start (it cannot forget a word
    without losing its own frequency for it).
    """
    clean = normalise_name(word)
    result = session.execute(delete(UserWord).where(UserWord.word == clean))
    return bool(getattr(result, "rowcount", 0))
