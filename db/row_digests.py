"""Digests of the rows ``check`` must vouch for beyond article text: issue titles, tag names,
revision snapshots and change records.

Each of these tables has a ``digest`` column: the SHA-256 of the row's
meaningful columns (``DIGESTED``) as last written by the application.  The
digests are computed in one place, from the rows as stored, just before a
transaction commits (:func:`refresh_digests`): for the rows the ORM flushed in
that transaction, and for every row whose digest is NULL.  So a write path
that inserts with a Core statement needs to do nothing, and one that updates
a digested column with a Core statement sets ``digest`` to NULL in the same
statement (``DIGEST_RESET``).  A change made behind the application's back
(another program, a disk error) leaves the old digest, and ``check`` reports
the row (:func:`verify_digests`).

The columns a foreign key sets to NULL by itself (``ON DELETE SET NULL``:
a change record's block and revision, a tag's parent) are left out: a
legitimate delete must not look like damage.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, event, inspect, select, update
from sqlalchemy.orm import Session, UOWTransaction

_PENDING = "row_digests_pending"
_CHUNK = 500
DIGEST_RESET = {"digest": None}
"""Values to add to a Core UPDATE of a digested column: the digest is recomputed at commit."""


@dataclass(frozen=True, slots=True)
class Digested:
    """A table whose rows carry a digest: which columns it covers and how a problem reads."""

    table: str
    columns: tuple[str, ...]
    label: str  # what a mismatch means, for the report


DIGESTED: tuple[Digested, ...] = (
    Digested("issue", ("source_name", "title", "publication_date"), "its file name, title or date"),
    Digested("tag", ("name", "kind"), "its name or kind"),
    Digested(
        "revision",
        ("article_id", "number", "created_at", "author", "reason", "snapshot", "status"),
        "its snapshot (text, roles, status), author or time",
    ),
    Digested(
        "change_record",
        ("article_id", "offset", "start", "end", "old_text", "new_text", "author", "created_at", "rule"),
        "its old or new text, place, author or time",
    ),
)
_BY_TABLE = {d.table: d for d in DIGESTED}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    return value


def row_digest(values: Sequence[Any]) -> str:
    """SHA-256 of a row's digested values (a canonical JSON list)."""
    data = json.dumps([_plain(v) for v in values], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _table(name: str) -> Table:
    from db.schema import metadata  # every model module, whichever this process imported so far

    return metadata.tables[name]


def _has_digests(session: Session) -> bool:
    columns = inspect(session.connection()).get_columns("tag")
    return any(column["name"] == "digest" for column in columns)


def _rows(session: Session, digested: Digested, ids: Sequence[int] | None) -> Iterator[tuple[Any, ...]]:
    """(id, digest, *values) of the table's rows (these ids, or those with no digest, or all)."""
    table = _table(digested.table)
    query = select(table.c.id, table.c.digest, *(table.c[name] for name in digested.columns))
    if ids is None:
        yield from session.execute(query.order_by(table.c.id).execution_options(yield_per=_CHUNK))
        return
    for start in range(0, len(ids), _CHUNK):
        yield from session.execute(query.where(table.c.id.in_(ids[start : start + _CHUNK])))


def refresh_digests(session: Session, pending: Mapping[str, Iterable[int]] | None = None) -> int:
    """Record the digests of the ``pending`` rows (table: ids) and of every row without one.

    Runs inside the caller's transaction; returns how many rows were digested.
    """
    if not _has_digests(session):
        return 0
    done = 0
    for digested in DIGESTED:
        table = _table(digested.table)
        ids = set((pending or {}).get(digested.table, ()))
        ids.update(session.scalars(select(table.c.id).where(table.c.digest.is_(None))))
        if not ids:
            continue
        updates = [
            {"row_id": row[0], "new_digest": row_digest(row[2:])}
            for row in _rows(session, digested, sorted(ids))
        ]
        if updates:
            statement = update(table).where(table.c.id == bindparam("row_id"))
            session.connection().execute(statement.values(digest=bindparam("new_digest")), updates)
            done += len(updates)
    return done


@dataclass(frozen=True, slots=True)
class DigestProblem:
    """A row whose digested columns no longer match its recorded digest (or that has none)."""

    table: str
    row_id: int
    expected: str | None
    actual: str

    def __str__(self) -> str:
        digested = _BY_TABLE[self.table]
        what = self.table.replace("_", " ")
        if self.expected is None:
            return f"{what} {self.row_id}: no hash recorded for {digested.label}"
        return (
            f"{what} {self.row_id}: {digested.label} changed without the application "
            f"(expected {self.expected}, actual {self.actual})"
        )


def verify_digests(session: Session) -> list[DigestProblem]:
    """Recompute every digest and report each row that differs (empty when all match)."""
    if not _has_digests(session):
        return []
    problems = []
    for digested in DIGESTED:
        for row in _rows(session, digested, None):
            actual = row_digest(row[2:])
            if row[1] != actual:
                problems.append(DigestProblem(digested.table, row[0], row[1], actual))
    return problems


# -- keeping them in step: the ORM's flushed rows are digested again before the commit ---------
@event.listens_for(Session, "after_flush")
def _collect(session: Session, _flush: UOWTransaction) -> None:
    pending: dict[str, set[int]] = session.info.setdefault(_PENDING, {})
    for obj in (*session.new, *session.dirty):
        table = getattr(obj, "__tablename__", None)
        if table in _BY_TABLE and getattr(obj, "id", None) is not None:
            pending.setdefault(table, set()).add(obj.id)


@event.listens_for(Session, "before_commit")
def _digest(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: its rows are done once, at the real commit
    session.flush()
    pending: dict[str, set[int]] = session.info.pop(_PENDING, {})
    refresh_digests(session, pending)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)


__all__ = ["DIGESTED", "DIGEST_RESET", "DigestProblem", "refresh_digests", "row_digest", "verify_digests"]
