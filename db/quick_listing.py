"""A library's issues and articles read at once with sqlite3, without loading SQLAlchemy.

``python main.py list`` is often the first command of a script, and importing
SQLAlchemy, its ORM and the models costs about three times the rest of the
command; the window fills its library pane from :func:`quick_issue_rows`
while SQLAlchemy loads.  When the library is an SQLite file that passes ``quick_check`` and
is already at the schema's head, :func:`quick_listing` reads the same rows as
:func:`reader.services.library.list_issues` and
:func:`~reader.services.library.list_articles` through a read-only
``sqlite3`` connection.  In every other case (a URL, a new, old, damaged,
locked or unreadable library) it returns None and the command takes the usual
way, which creates, upgrades, refuses or explains as it always does: this
module never writes and never reports a problem itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from reader.core.listing import DONE_STATUSES, ArticleSummary, IssueRow, IssueSummary, missing_ids

_ISSUES = """
SELECT issue.id, issue.source_name, issue.title, issue.encoding, issue.imported_at, issue.char_count,
       coalesce(counts.n, 0)
FROM issue LEFT OUTER JOIN (SELECT issue_id, count(id) AS n FROM article GROUP BY issue_id) AS counts
     ON counts.issue_id = issue.id
"""
_ARTICLES = """
SELECT id, issue_id, position, title, section, status, span_start, span_end
FROM article WHERE issue_id = ? ORDER BY position
"""


_PANE_ISSUES = "SELECT id, source_name, title, publication_date, publication, number FROM issue ORDER BY id"
_COUNTS = "SELECT issue_id, count(*) FROM article GROUP BY issue_id"
_DONE = (
    f"SELECT issue_id, count(*) FROM article WHERE status IN ({', '.join('?' * len(DONE_STATUSES))}) "
    "GROUP BY issue_id"
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Listing:
    """Issues in import order, each with its articles in reading order."""

    issues: list[tuple[IssueSummary, list[ArticleSummary]]]


def quick_listing(db: str | Path, issue_ids: Sequence[int] | None = None) -> Listing | None:
    """The listing of a sound SQLite library at head (optionally only ``issue_ids``), else None.

    Raises NotFoundError, as ``check_issue_ids`` does, for ids the library does not have.
    """
    return _reading(db, lambda conn: _read(conn, issue_ids), checked=True)


def quick_issue_rows(db: str | Path) -> list[IssueRow] | None:
    """The library pane's rows (``browsing.issue_rows``) of an SQLite library at head, else None.

    No ``quick_check`` first: the window runs it beside filling the pane, as it does after the usual opening.
    """
    return _reading(db, _issue_rows, checked=False)


def _reading(db: str | Path, read: Callable[[sqlite3.Connection], T | None], *, checked: bool) -> T | None:
    """``read`` on a read-only connection, in one read transaction, when the library is at head (and,
    ``checked``, passes ``quick_check``); None for anything else, left to the usual way."""
    from db.migrate import HEAD

    if "://" in str(db):
        return None
    path = Path(db).expanduser()
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None)) as conn:
            conn.execute("BEGIN")
            if checked and [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
                return None
            if [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")] != [HEAD]:
                return None
            return read(conn)
    except sqlite3.Error:
        return None  # the usual way says what is wrong


def _issue_rows(conn: sqlite3.Connection) -> list[IssueRow]:
    counts = dict(conn.execute(_COUNTS).fetchall())
    done = dict(conn.execute(_DONE, DONE_STATUSES).fetchall())
    return [
        IssueRow(i, name, title, date, counts.get(i, 0), done.get(i, 0), publication, number)
        for i, name, title, date, publication, number in conn.execute(_PANE_ISSUES)
    ]


def _read(conn: sqlite3.Connection, issue_ids: Sequence[int] | None) -> Listing:
    """The issues and their articles (the connection is inside its read transaction)."""
    if issue_ids is None:
        rows = conn.execute(_ISSUES + "ORDER BY issue.id").fetchall()
    else:
        wanted = sorted(set(issue_ids))
        marks = ", ".join("?" * len(wanted))
        rows = conn.execute(_ISSUES + f"WHERE issue.id IN ({marks}) ORDER BY issue.id", wanted).fetchall()
        error = missing_ids(list(issue_ids), {row[0] for row in rows})
        if error is not None:
            raise error
    listing = Listing([])
    for row in rows:
        issue = IssueSummary(row[0], row[1], row[2], row[3], _timestamp(row[4]), row[5], row[6])
        articles = [
            ArticleSummary(a[0], a[1], a[2], a[3], a[4], a[5], (a[6], a[7]))
            for a in conn.execute(_ARTICLES, (issue.id,)).fetchall()
        ]
        listing.issues.append((issue, articles))
    return listing


def _read_only_uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def _timestamp(stored: str) -> datetime:
    """A stored naive-UTC timestamp read back timezone-aware, as the models' ``UTCDateTime`` does."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


__all__ = ["Listing", "quick_issue_rows", "quick_listing"]
