"""Use case: browse the library lazily: issue rows, article rows of one issue, filters.

Everything here returns small plain rows without article text, so a window can
list a library of tens of thousands of issues and fetch an issue's articles
only when it is opened.  Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, SQLColumnExpression, case, func, or_, select
from sqlalchemy.orm import Session

from db.models import Article, Block, Issue, Leftover
from db.tagging_models import ArticleTag
from reader.core.listing import DONE_STATUSES as DONE_STATUSES  # re-exported
from reader.core.listing import IssueRow as IssueRow  # re-exported

FIRST_WORDS_CHARS = 20
"""How many characters of the first paragraph stand in for a missing title."""

_LIKE_ESCAPE = "\\"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article as listed: its title, or the first words of its first paragraph."""

    id: int
    issue_id: int
    position: int
    title: str | None
    first_words: str | None
    status: str
    tag_count: int = 0

    @property
    def label(self) -> str:
        """The title; for an untitled article its first words followed by an ellipsis."""
        if self.title:
            return self.title
        if self.first_words:
            return self.first_words + "…"
        return ""


@dataclass(frozen=True, slots=True)
class LeftoverRow:
    """A block of an issue that belongs to no article."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class IssuePage:
    """What the issue page shows: metadata and leftovers, without the original text."""

    id: int
    source_name: str
    title: str | None
    publication_date: str | None
    encoding: str
    imported_at: datetime
    char_count: int
    article_count: int
    leftovers: list[LeftoverRow]
    publication: str | None = None  # the paper's name and the issue's number, as Issue Properties sets them
    number: str | None = None


@dataclass(frozen=True, slots=True)
class LibraryCounts:
    """How much the library holds."""

    issues: int
    articles: int


@dataclass(frozen=True, slots=True)
class LibraryMatches:
    """Issues and articles that pass a filter (an issue passes when any of its articles does)."""

    issue_ids: frozenset[int]
    article_ids: frozenset[int]


def _first_words() -> ColumnElement[str | None]:
    """The first characters of an article's first paragraph (a correlated subquery)."""
    first_paragraph = (
        select(func.substr(Block.text, 1, FIRST_WORDS_CHARS))
        .where(Block.article_id == Article.id, Block.role == "paragraph")
        .order_by(Block.position)
        .limit(1)
        .scalar_subquery()
    )
    return case((Article.title.is_(None), first_paragraph), else_=None)


def _article_counts(
    session: Session, issue_ids: tuple[int, int] | None
) -> tuple[dict[int, int], dict[int, int]]:
    """Articles per issue, and those done, optionally for an id range.

    Two queries that SQLite answers from indexes (the (issue_id, position)
    key and the status index) instead of one scan of every article row.
    """
    every = select(Article.issue_id, func.count()).group_by(Article.issue_id)
    done = (
        select(Article.issue_id, func.count())
        .where(Article.status.in_(DONE_STATUSES))
        .group_by(Article.issue_id)
    )
    if issue_ids is not None:
        every = every.where(Article.issue_id.between(*issue_ids))
        done = done.where(Article.issue_id.between(*issue_ids))
    connection = session.connection()  # Core rows: no ORM bookkeeping for thousands of tuples
    return (
        {issue_id: n for issue_id, n in connection.execute(every)},
        {issue_id: n for issue_id, n in connection.execute(done)},
    )


_ISSUE_COLUMNS = (
    Issue.id,
    Issue.source_name,
    Issue.title,
    Issue.publication_date,
    Issue.publication,
    Issue.number,
)


def issue_rows(session: Session, *, offset: int = 0, limit: int | None = None) -> list[IssueRow]:
    """Issues in import order with their article counts; a page of them with offset/limit."""
    query = select(*_ISSUE_COLUMNS).order_by(Issue.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = session.connection().execute(query).all()
    if not rows:
        return []
    id_range = None if offset == 0 and limit is None else (rows[0][0], rows[-1][0])
    counts, done = _article_counts(session, id_range)
    return [IssueRow(i, n, t, d, counts.get(i, 0), done.get(i, 0), p, no) for i, n, t, d, p, no in rows]


def issue_row(session: Session, issue_id: int) -> IssueRow | None:
    """One issue's row, or None when it does not exist."""
    row = session.execute(select(*_ISSUE_COLUMNS).where(Issue.id == issue_id)).first()
    if row is None:
        return None
    counts, done = _article_counts(session, (issue_id, issue_id))
    i, name, title, date, publication, number = row
    return IssueRow(i, name, title, date, counts.get(i, 0), done.get(i, 0), publication, number)


def article_rows(session: Session, issue_id: int) -> list[ArticleRow]:
    """The articles of one issue in reading order, titled or with their first words, with tag counts."""
    tag_count = (
        select(func.count()).where(ArticleTag.article_id == Article.id).scalar_subquery()
    )  # read from the (article_id, tag_id) primary key
    query = (
        select(
            Article.id,
            Article.issue_id,
            Article.position,
            Article.title,
            _first_words(),
            Article.status,
            tag_count,
        )
        .where(Article.issue_id == issue_id)
        .order_by(Article.position)
    )
    return [ArticleRow(*row) for row in session.execute(query)]


def issue_of_article(session: Session, article_id: int) -> int | None:
    """The issue an article belongs to, or None when there is no such article."""
    return session.scalar(select(Article.issue_id).where(Article.id == article_id))


def first_article_id(session: Session, issue_id: int) -> int | None:
    """The first article of an issue in reading order, if it has any."""
    return session.scalar(
        select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position).limit(1)
    )


def library_counts(session: Session) -> LibraryCounts:
    """How many issues and articles the library holds."""
    issues = session.scalar(select(func.count()).select_from(Issue)) or 0
    articles = session.scalar(select(func.count()).select_from(Article)) or 0
    return LibraryCounts(issues, articles)


def issue_page(session: Session, issue_id: int) -> IssuePage | None:
    """Metadata and leftovers of one issue (not its original text), or None."""
    row = session.execute(
        select(
            Issue.id,
            Issue.source_name,
            Issue.title,
            Issue.publication_date,
            Issue.encoding,
            Issue.imported_at,
            Issue.char_count,
            Issue.publication,
            Issue.number,
        ).where(Issue.id == issue_id)
    ).first()
    if row is None:
        return None
    count = session.scalar(select(func.count()).select_from(Article).where(Article.issue_id == issue_id)) or 0
    leftovers = [
        LeftoverRow(kind, text)
        for kind, text in session.execute(
            select(Leftover.kind, Leftover.text)
            .where(Leftover.issue_id == issue_id)
            .order_by(Leftover.position)
        )
    ]
    return IssuePage(
        id=row.id,
        source_name=row.source_name,
        title=row.title,
        publication_date=row.publication_date,
        encoding=row.encoding,
        imported_at=row.imported_at,
        char_count=row.char_count,
        article_count=count,
        leftovers=leftovers,
        publication=row.publication,
        number=row.number,
    )


def script_variants(text: str) -> list[str]:
    """The text as typed and in every script, without repeats (for script-insensitive filters)."""
    from reader.core.script import Script, convert

    variants = [text]
    for script in Script:
        if script is not Script.ORIGINAL:
            variants.append(convert(text, script))
    return list(dict.fromkeys(v for v in variants if v))


def _like_pattern(needle: str) -> str:
    escaped = (
        needle.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2)
        .replace("%", _LIKE_ESCAPE + "%")
        .replace("_", _LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"


def _contains_any(column: SQLColumnExpression[str | None], needles: Sequence[str]) -> ColumnElement[bool]:
    return or_(*(column.like(_like_pattern(n), escape=_LIKE_ESCAPE) for n in needles))


def matching_articles(
    session: Session, needles: Iterable[str] = (), *, status: str | None = None
) -> LibraryMatches:
    """Articles whose title (or first words, or issue name) contains any needle, with a status.

    With no needle only the status filters; an issue with no article matches
    by its own name when no status is asked for.
    """
    words = [n for n in needles if n]
    conditions: list[ColumnElement[bool]] = []
    if words:
        conditions.append(
            or_(
                _contains_any(Article.title, words),
                _contains_any(_first_words(), words),
                _contains_any(Issue.title, words),
                _contains_any(Issue.publication_date, words),
                _contains_any(Issue.source_name, words),
            )
        )
    if status is not None:
        conditions.append(Article.status == status)
    query = select(Article.issue_id, Article.id).join(Issue, Issue.id == Article.issue_id).where(*conditions)
    issue_ids: set[int] = set()
    article_ids: set[int] = set()
    for issue_id, article_id in session.execute(query):
        issue_ids.add(issue_id)
        article_ids.add(article_id)
    if status is None:
        empty_issues = select(Issue.id).where(
            ~select(Article.id).where(Article.issue_id == Issue.id).exists()
        )
        if words:
            empty_issues = empty_issues.where(
                or_(_contains_any(Issue.title, words), _contains_any(Issue.source_name, words))
            )
        issue_ids.update(session.scalars(empty_issues))
    return LibraryMatches(frozenset(issue_ids), frozenset(article_ids))
