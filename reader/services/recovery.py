"""Recovery files: an edit that could not be saved (disk full, I/O error) is kept on disk.

Each recovery is one JSON file in ``data_dir()/recovery/``, written
atomically (temporary file, fsync, rename), holding everything needed to save
the edit later: the article, the version the edit was based on, the block
texts and the author.  ``pending_recoveries`` lists them at start-up; once an
edit is saved (or the user declines it) ``discard`` deletes its file.

``save_or_recover`` is the editor's whole save path: the tracked save in one
``BEGIN IMMEDIATE`` transaction, retried while another process holds the
lock, the article's content hash recorded in the same transaction, and the
edit kept in a recovery file when the storage fails.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from db.engine import Library
from db.errors import LibraryBusy, ReadOnlyLibrary
from db.retry import DEFAULT_ATTEMPTS, with_write_retry
from reader.core.errors import ExportError, JiaokanError
from reader.core.files import atomic_write_bytes
from reader.core.paths import data_dir
from reader.core.processes import running

if TYPE_CHECKING:
    from reader.services.tracking.saving import SaveResult

BlocksText = Sequence[str] | Mapping[int, str]
"""Every block's text in order, or texts by block id (as ``save_article_text`` takes them)."""

FORMAT = "jiaokan-recovery"
VERSION = 1
# SQLite primary result codes meaning "the storage failed", not "the request was wrong".
_STORAGE_CODES = frozenset(
    {
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_NOTADB,
    }
)
_STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EIO, errno.EROFS, errno.EDQUOT})


class RecoveryError(JiaokanError):
    """Not even the recovery file could be written: keep the text in memory and tell the user."""


@dataclass(frozen=True, slots=True)
class RecoveryFile:
    """An unsaved edit kept on disk."""

    path: Path
    article_id: int
    base_version: int
    blocks_text: list[str] | dict[int, str]
    author: str
    created_at: datetime
    library: str | None
    reason: str
    owner: str | None = None  # the process keeping its typing here while it runs (``host:pid``)


def recovery_dir() -> Path:
    """Where recovery files are kept."""
    return data_dir() / "recovery"


def is_storage_failure(exc: BaseException) -> bool:
    """True when ``exc`` means the disk or the file failed (full, I/O error, read-only…)."""
    original: BaseException | None = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in _STORAGE_CODES
        text = str(original).lower()
        return any(word in text for word in ("disk is full", "disk i/o", "readonly", "unable to open"))
    return isinstance(original, OSError) and original.errno in _STORAGE_ERRNOS


def write_recovery(
    article_id: int,
    base_version: int,
    blocks_text: BlocksText,
    author: str,
    *,
    library: str | Path | None = None,
    reason: str = "",
    owner: str | None = None,
    name: str | None = None,
) -> RecoveryFile:
    """Keep an unsaved edit in a recovery file (atomic write); raises RecoveryError if impossible.

    ``owner`` (:func:`this_process`): the running process that keeps its typing here; the file is
    offered only once that process is gone (it stopped before it could save).  ``name``: the file's
    name, replaced by each write (:func:`journal_name`); by default a new file."""
    now = datetime.now(UTC)
    folder = recovery_dir()
    path = folder / (name or f"article-{article_id}-{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.json")
    record = RecoveryFile(
        path=path,
        article_id=article_id,
        base_version=base_version,
        blocks_text=dict(blocks_text) if isinstance(blocks_text, Mapping) else list(blocks_text),
        author=author,
        created_at=now,
        library=None if library is None else str(library),
        reason=reason,
        owner=owner,
    )
    data = json.dumps(_to_json(record), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    except (OSError, ExportError) as exc:
        raise RecoveryError(
            f"the edit of article {article_id} could not be saved, nor kept in a recovery file "
            f"({exc}); do not close the window, copy the text elsewhere"
        ) from exc
    return record


def pending_recoveries(library: str | Path | None = None) -> list[RecoveryFile]:
    """The recovery files, oldest first; with ``library``, only those made for it.

    Files that cannot be read are left alone (never deleted) and not listed.
    """
    try:
        paths = sorted(recovery_dir().glob("article-*.json"))
    except OSError:
        return []
    wanted = None if library is None else str(library)
    found = []
    for path in paths:
        record = _read(path)
        if record is None or (record.owner is not None and running(record.owner)):
            continue  # typing a running window keeps safe while it saves: its own, not to offer
        if wanted is None or record.library in (None, wanted):
            found.append(record)
    return sorted(found, key=lambda r: (r.created_at, r.path.name))


JOURNAL_REASON = "journal"
"""The reason of typing kept while it was not saved yet (the window stopped before it could save it)."""


def journal_name(article_id: int) -> str:
    """The one file of this process keeping the unsaved typing of ``article_id``."""
    return f"article-{article_id}-typing-{os.getpid()}.json"


def discard(recovery: RecoveryFile | Path) -> None:
    """Delete a recovery file (after its edit was saved or declined); a missing one is fine."""
    path = recovery.path if isinstance(recovery, RecoveryFile) else Path(recovery)
    if path.parent.resolve() != recovery_dir().resolve() or path.suffix != ".json":
        raise ValueError(f"{path} is not a recovery file")
    path.unlink(missing_ok=True)


def _to_json(record: RecoveryFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "article_id": record.article_id,
        "base_version": record.base_version,
        "author": record.author,
        "created_at": record.created_at.isoformat(),
        "library": record.library,
        "reason": record.reason,
        "owner": record.owner,
        "blocks_text": record.blocks_text,
        "by_block_id": isinstance(record.blocks_text, dict),
    }


def _read(path: Path) -> RecoveryFile | None:
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            return None
        raw = data["blocks_text"]
        texts: list[str] | dict[int, str]
        texts = {int(key): value for key, value in raw.items()} if data.get("by_block_id") else list(raw)
        values = texts.values() if isinstance(texts, dict) else texts
        if not all(isinstance(t, str) for t in values):
            return None
        return RecoveryFile(
            path=path,
            article_id=int(data["article_id"]),
            base_version=int(data["base_version"]),
            blocks_text=texts,
            author=str(data["author"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            library=data.get("library"),
            reason=str(data.get("reason", "")),
            owner=data.get("owner"),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass(frozen=True, slots=True)
class SaveAttempt:
    """The outcome of ``save_or_recover``: saved (``result``) or kept in a recovery file."""

    result: SaveResult | None
    recovery: RecoveryFile | None = None
    error: str = ""

    @property
    def saved(self) -> bool:
        return self.result is not None


def save_or_recover(
    library: Library,
    article_id: int,
    blocks_text: BlocksText,
    *,
    author: str,
    base_version: int,
    library_file: str | Path | None = None,
    attempts: int = DEFAULT_ATTEMPTS,
) -> SaveAttempt:
    """Save an edit; if the storage fails, keep it in a recovery file instead of losing it.

    Raises ``StaleVersion`` (nothing written, both texts attached) when the
    article changed since ``base_version``, and RecoveryError when not even the
    recovery file can be written.  Other errors (a bug, a wrong block count)
    propagate.
    """
    from db.integrity import record_hashes
    from reader.services.tracking.saving import save_article_text

    def save() -> SaveResult:
        with library.writing() as session:
            result = save_article_text(
                session, article_id, blocks_text, author=author, base_version=base_version
            )
            if result.revision_id is not None:
                record_hashes(session, [article_id])
            return result

    try:
        return SaveAttempt(with_write_retry(save, attempts))
    except (DBAPIError, OSError, LibraryBusy, ReadOnlyLibrary) as exc:
        if isinstance(exc, DBAPIError | OSError) and not is_storage_failure(exc):
            raise
        reason = f"{exc.__class__.__name__}: {exc.orig if isinstance(exc, DBAPIError) else exc}"
        recovery = write_recovery(
            article_id, base_version, blocks_text, author, library=library_file, reason=reason
        )
        return SaveAttempt(None, recovery, reason)


def apply_recovery(
    library: Library, recovery: RecoveryFile, *, attempts: int = DEFAULT_ATTEMPTS
) -> SaveAttempt:
    """Save a recovered edit (as its author, on its base version); its file is discarded once saved.

    Raises ``StaleVersion`` when the article changed since: show both texts
    and let the user choose (then ``discard`` the file).
    """
    attempt = save_or_recover(
        library,
        recovery.article_id,
        recovery.blocks_text,
        author=recovery.author,
        base_version=recovery.base_version,
        library_file=recovery.library,
        attempts=attempts,
    )
    if attempt.saved:
        discard(recovery)
    elif attempt.recovery is not None:
        discard(attempt.recovery)  # the same edit is still kept in ``recovery``
    return attempt


__all__ = [
    "RecoveryError",
    "RecoveryFile",
    "SaveAttempt",
    "apply_recovery",
    "discard",
    "is_storage_failure",
    "pending_recoveries",
    "recovery_dir",
    "save_or_recover",
    "write_recovery",
]
