"""The bytes of attached scan files, stored verbatim in chunks (:class:`db.scan_models.ScanChunk`).

A chunk holds at most :data:`CHUNK_BYTES` bytes, so no row is larger than a
few megabytes (SQLite's and PostgreSQL's limits on one value are far above it)
and ``check`` hashes a file a chunk at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from db.models import table_of
from db.scan_models import ScanChunk, ScanFile

CHUNK_BYTES = 4 << 20
"""Bytes per stored chunk of a scan file (the last chunk may be shorter)."""


def write_bytes(connection: Connection, file_id: int, data: bytes) -> None:
    """Store ``data`` as the bytes of scan file ``file_id`` (inside the caller's transaction)."""
    table = table_of(ScanChunk)
    for start in range(0, len(data), CHUNK_BYTES):
        piece = data[start : start + CHUNK_BYTES]
        connection.execute(
            insert(table), {"file_id": file_id, "start": start, "stop": start + len(piece), "data": piece}
        )


def iter_chunks(session: Session, file_id: int) -> Iterator[tuple[int, bytes]]:
    """``(offset, bytes)`` of a scan file's chunks, in order, one row in memory at a time."""
    query = select(ScanChunk.start, ScanChunk.data).where(ScanChunk.file_id == file_id)
    for start, data in session.execute(query.order_by(ScanChunk.start).execution_options(yield_per=1)):
        yield start, bytes(data)


def read_bytes(session: Session, file_id: int) -> bytes:
    """The whole of a scan file as attached."""
    return b"".join(data for _start, data in iter_chunks(session, file_id))


def verify_scans(session: Session) -> list[str]:
    """Check every scan file's stored bytes against the SHA-256 and size recorded when it was attached."""
    problems: list[str] = []
    files: list[Any] = list(
        session.execute(
            select(ScanFile.id, ScanFile.issue_id, ScanFile.name, ScanFile.sha256, ScanFile.byte_count)
        )
    )
    for file_id, issue_id, name, expected, count in files:
        digest = hashlib.sha256()
        done = 0
        where = f"issue {issue_id}: scan {name} (file {file_id})"
        for start, data in iter_chunks(session, file_id):
            if start != done:
                problems.append(f"{where}: its bytes have a gap or overlap at byte {done:,}")
            digest.update(data)
            done = start + len(data)
        if done != count:
            problems.append(f"{where}: {done:,} bytes are stored, {count:,} were attached")
        elif digest.hexdigest() != expected:
            problems.append(
                f"{where}: its bytes do not match the SHA-256 recorded when it was attached: "
                f"expected {expected}, actual {digest.hexdigest()}"
            )
    return problems


__all__ = ["CHUNK_BYTES", "iter_chunks", "read_bytes", "verify_scans", "write_bytes"]
