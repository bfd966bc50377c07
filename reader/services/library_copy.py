"""Use case: copy a whole library into an empty one, on the same engine or the other.

Everything is copied, history included (revisions, change records, notes,
tags, rules, hashes, original texts), with the same ids; the search index is
rebuilt in the target's own form.  The copy is one transaction on the target:
it is verified before the commit (the row count and a digest of every row of
every table, the content hash of every article, every issue's original text)
and a failure leaves the target as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from db.dialect import reset_id_sequences, snapshot_options
from db.engine import Library
from db.integrity import verify_hashes, verify_originals
from db.schema import metadata
from reader.core.errors import JiaokanError
from reader.services.searching import rebuild_index

_CHUNK = 2000


class CopyError(JiaokanError):
    """The library could not be copied; the target was left as it was."""


@dataclass(frozen=True, slots=True)
class TableCopy:
    """One copied table: its row count and the digest of its rows (equal on both sides)."""

    name: str
    rows: int
    digest: str


@dataclass(slots=True)
class CopyReport:
    """What ``copy_library`` copied and verified."""

    tables: list[TableCopy] = field(default_factory=list)
    articles_verified: int = 0
    issues_verified: int = 0

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def _canonical(row: Iterable[Any]) -> bytes:
    return json.dumps(list(row), ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def _ordered(table: sa.Table) -> sa.Select[Any]:
    return sa.select(table).order_by(*table.primary_key.columns)


def _digest(conn: sa.Connection, table: sa.Table) -> tuple[int, str]:
    """Row count and a digest of the rows independent of their order (collations differ by server)."""
    rows = conn.execute(sa.select(table).execution_options(yield_per=_CHUNK))
    hashes = sorted(hashlib.sha256(_canonical(row)).digest() for row in rows)
    return len(hashes), hashlib.sha256(b"".join(hashes)).hexdigest()


def _copy_table(source: sa.Connection, target: sa.Connection, table: sa.Table) -> None:
    # a column referring to its own table (tag.parent_id) is filled once every row exists
    own = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    keys = [c.name for c in table.primary_key.columns]
    later: list[dict[str, Any]] = []
    rows = source.execute(_ordered(table).execution_options(yield_per=_CHUNK))
    for chunk in rows.mappings().partitions(_CHUNK):
        values = [dict(row) for row in chunk]
        for value in values:
            if any(value[c] is not None for c in own):
                later.append({**{f"k_{k}": value[k] for k in keys}, **{f"v_{c}": value[c] for c in own}})
                value.update(dict.fromkeys(own, None))
        target.execute(table.insert(), values)
    if later:
        update = (
            table.update()
            .where(*[table.c[k] == sa.bindparam(f"k_{k}") for k in keys])
            .values({c: sa.bindparam(f"v_{c}") for c in own})
        )
        target.execute(update, later)


def _empty(conn: sa.Connection) -> bool:
    tables = metadata.sorted_tables
    return all(conn.execute(sa.select(sa.literal(1)).select_from(t).limit(1)).first() is None for t in tables)


def copy_library(
    source: Library, target: Library, progress: Callable[[str], None] | None = None
) -> CopyReport:
    """Copy every table of ``source`` into the empty ``target`` and verify it; one transaction."""
    report = CopyReport()
    tables = metadata.sorted_tables
    try:
        snapshot = source.engine.execution_options(**snapshot_options(source.engine))
        with snapshot.connect() as src, src.begin(), target.writing() as write:
            dst = write.connection()
            if not _empty(dst):
                raise CopyError(f"{target.url}: the target library is not empty; copy into a new one")
            for table in tables:
                _copy_table(src, dst, table)
                if progress is not None:
                    progress(table.name)
            reset_id_sequences(dst, tables)
            rebuild_index(dst)
            for table in tables:
                count, digest = _digest(src, table)
                copied = _digest(dst, table)
                if copied != (count, digest):
                    raise CopyError(
                        f"table {table.name}: {copied[0]} rows copied of {count}, or their contents differ"
                    )
                report.tables.append(TableCopy(table.name, count, digest))
            problems = [str(p) for p in verify_hashes(write)] + verify_originals(write)
            if problems:
                raise CopyError("the copy does not verify: " + "; ".join(problems[:5]))
            report.articles_verified = next(t.rows for t in report.tables if t.name == "article")
            report.issues_verified = next(t.rows for t in report.tables if t.name == "issue")
    except SQLAlchemyError as exc:
        raise CopyError(f"the copy failed and the target was left as it was: {exc}") from exc
    return report
