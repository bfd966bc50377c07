"""A library's issues and articles read at once with sqlite3, without loading SQLAlchemy.

``python main.py list`` is often the first command of a script, and importing
SQLAlchemy, its ORM and the models costs about three times the rest of the
command.  When the library is an SQLite file that passes ``quick_check`` and
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
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from reader.core.listing import ArticleSummary, IssueSummary, missing_ids

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


@dataclass(frozen=True, slots=True)
class Listing:
    """Issues in import order, each with its articles in reading order."""

    issues: list[tuple[IssueSummary, list[ArticleSummary]]]


def quick_listing(db: str | Path, issue_ids: Sequence[int] | None = None) -> Listing | None:
    """The listing of a sound SQLite library at head (optionally only ``issue_ids``), else None.

    Raises NotFoundError, as ``check_issue_ids`` does, for ids the library does not have.
    """
    if "://" in str(db):
        return None
    path = Path(db).expanduser()
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None)) as conn:
            return _read(conn, issue_ids)
    except sqlite3.Error:
        return None  # the usual way says what is wrong


def _read(conn: sqlite3.Connection, issue_ids: Sequence[int] | None) -> Listing | None:
    """Check the library, then read it, all in one read transaction (the connection is in autocommit)."""
    from db.migrate import HEAD

    conn.execute("BEGIN")
    if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
        return None
    if [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")] != [HEAD]:
        return None
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


__all__ = ["Listing", "quick_listing"]
