"""Integrity checks of a library: SQLite's own checks plus a content hash per article.

``PRAGMA integrity_check`` finds damaged pages and indexes, ``foreign_key_check``
dangling references; neither notices a text that changed on disk without
SQLite's knowledge (or by a write path that bypassed the application).  The
``article_hash`` table records the SHA-256 of every article's block texts as
last saved; ``verify_hashes`` recomputes them.  ``quarantine`` and
``restore_newest_good_backup`` are the way back from a damaged library.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.backup import BackupInfo, list_backups, restore, verify_backup
from db.dialect import is_postgres, upsert
from db.engine import Library
from db.models import Article, Block, Issue, IssueText, base_hash
from db.safety import BackupError, LibraryDamaged
from db.safety_models import ArticleHash, article_text_digest

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class HashProblem:
    """One article whose text does not match its recorded hash (or has none)."""

    article_id: int
    issue: str  # "mismatch" or "unrecorded"
    expected: str | None  # recorded hash
    actual: str  # hash of the text now in the library
    recorded_version: int | None
    version: int

    def __str__(self) -> str:
        if self.issue == "unrecorded":
            return f"article {self.article_id} (version {self.version}): no content hash recorded"
        when = (
            "at the same version, so the text changed without a save"
            if self.recorded_version == self.version
            else f"at version {self.recorded_version}, the article is now at version {self.version}"
        )
        return (
            f"article {self.article_id}: text does not match its recorded hash ({when}): "
            f"expected {self.expected}, actual {self.actual}"
        )


@dataclass(slots=True)
class CheckReport:
    """Everything a full check found; ``ok`` when nothing."""

    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    hashes: list[HashProblem] = field(default_factory=list)
    originals: list[str] = field(default_factory=list)
    articles_checked: int = 0
    issues_checked: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.hashes or self.originals)

    def problems(self) -> list[str]:
        """Every problem as one line."""
        return (
            [f"integrity_check: {line}" for line in self.integrity]
            + [f"foreign_key_check: {line}" for line in self.foreign_keys]
            + [str(p) for p in self.hashes]
            + self.originals
        )


def quick_check(engine: Engine) -> list[str]:
    """``PRAGMA quick_check``: the problems found, empty when the library is sound.

    A PostgreSQL server checks its own pages: nothing to do there.
    """
    return [] if is_postgres(engine) else _pragma_lines(engine, "quick_check")


def ensure_sound(engine: Engine, path: str | Path) -> None:
    """Raise LibraryDamaged when ``quick_check`` finds anything (cheap enough for every opening)."""
    problems = quick_check(engine)
    if problems:
        raise LibraryDamaged(path, problems)


def full_check(library: Library) -> CheckReport:
    """``integrity_check`` (full output), ``foreign_key_check`` and every article's hash.

    On PostgreSQL the server checks its own pages and always enforces foreign
    keys: only the hashes and original texts are checked, and a note says so.
    """
    server = is_postgres(library.engine)
    report = CheckReport(integrity=[] if server else _pragma_lines(library.engine, "integrity_check"))
    if server:
        report.notes.append(
            "PostgreSQL checks its own pages and enforces foreign keys: "
            "content hashes and original texts checked"
        )
    try:
        report.foreign_keys = [] if server else _foreign_key_problems(library.engine)
        with library.session() as session:
            if not inspect(session.connection()).has_table(ArticleHash.__tablename__):
                report.notes.append("no content hashes yet: open the library once with this version")
                return report
            report.hashes = verify_hashes(session)
            report.articles_checked = session.scalar(select(func.count()).select_from(Article)) or 0
            report.originals = verify_originals(session)
            report.issues_checked = session.scalar(select(func.count()).select_from(Issue)) or 0
    except DBAPIError as exc:
        report.integrity.append(f"the check stopped, the library cannot be read: {exc.orig}")
    return report


def require_sound(library: Library, path: str | Path) -> CheckReport:
    """Run a full check and raise LibraryDamaged when it finds any problem."""
    report = full_check(library)
    if not report.ok:
        raise LibraryDamaged(path, report.problems())
    return report


def record_hashes(session: Session, article_ids: Iterable[int]) -> int:
    """Record the hash and version of these articles' current texts (inside the caller's transaction)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        versions = dict(
            session.execute(select(Article.id, Article.version).where(Article.id.in_(chunk))).all()
        )
        texts = _texts(session, chunk)
        rows = [
            {"article_id": aid, "sha256": article_text_digest(texts.get(aid, [])), "version": version}
            for aid, version in versions.items()
        ]
        if rows:
            statement = upsert(session.connection(), ArticleHash).values(rows)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[ArticleHash.article_id],
                    set_={"sha256": statement.excluded.sha256, "version": statement.excluded.version},
                )
            )
    return len(ids)


def record_issue_hashes(session: Session, issue_ids: Iterable[int]) -> int:
    """Record the hashes of every article of these issues (after an import)."""
    ids = list(issue_ids)
    if not ids:
        return 0
    return record_hashes(session, session.scalars(select(Article.id).where(Article.issue_id.in_(ids))))


def verify_hashes(session: Session, article_ids: Sequence[int] | None = None) -> list[HashProblem]:
    """Recompute every article's hash (or these articles') and report each difference."""
    query = select(Article.id, Article.version, ArticleHash.sha256, ArticleHash.version).outerjoin(
        ArticleHash, ArticleHash.article_id == Article.id
    )
    if article_ids is not None:
        query = query.where(Article.id.in_(article_ids))
    rows = session.execute(query.order_by(Article.id)).all()
    problems = []
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        texts = _texts(session, [row[0] for row in chunk])
        for aid, version, expected, recorded_version in chunk:
            actual = article_text_digest(texts.get(aid, []))
            if expected is None:
                problems.append(HashProblem(aid, "unrecorded", None, actual, None, version))
            elif expected != actual:
                problems.append(HashProblem(aid, "mismatch", expected, actual, recorded_version, version))
    return problems


def verify_originals(session: Session) -> list[str]:
    """Check every issue's stored original text against the SHA-256 and length recorded at import.

    The text is read a stored piece at a time, so a huge issue costs no more
    memory than a small one.  Reports missing or overlapping pieces too.
    """
    issues = {
        issue_id: (name, base_hash(sha256), count)
        for issue_id, name, sha256, count in session.execute(
            select(Issue.id, Issue.source_name, Issue.sha256, Issue.char_count)
        )
    }
    problems: list[str] = []
    state: dict[int, tuple[Any, int]] = {}  # issue id: (running hash, characters so far)
    query = select(IssueText.issue_id, IssueText.start, IssueText.text).order_by(
        IssueText.issue_id, IssueText.start
    )
    for issue_id, start, text in session.execute(query.execution_options(yield_per=8)):
        digest, done = state.get(issue_id, (hashlib.sha256(), 0))
        if start != done and issue_id in issues:
            where = f"issue {issue_id} ({issues[issue_id][0]})"
            problems.append(f"{where}: its original text has a gap or overlap at character {done:,}")
        digest.update(text.encode("utf-8"))
        state[issue_id] = (digest, start + len(text))
    for issue_id, (name, expected, count) in issues.items():
        digest, done = state.get(issue_id, (hashlib.sha256(), 0))
        where = f"issue {issue_id} ({name})"
        if done != count:
            problems.append(f"{where}: its original text has {done:,} characters, {count:,} were imported")
        elif digest.hexdigest() != expected:
            problems.append(
                f"{where}: its original text does not match the SHA-256 recorded at import: "
                f"expected {expected}, actual {digest.hexdigest()}"
            )
    return problems


def quarantine(library_path: str | Path) -> Path:
    """Rename a damaged library (and its ``-wal``/``-shm``) to ``*.damaged``; returns the new path.

    Close the library first.  An earlier quarantined file is never overwritten.
    """
    library = Path(library_path).expanduser().resolve()
    target = library.with_name(library.name + ".damaged")
    if _any_exists(target):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        target = library.with_name(f"{library.name}.{stamp}.damaged")
    # The main file last: until it moves, the library stays whole under its own name.
    for suffix in ("-shm", "-wal", ""):
        source = Path(f"{library}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target


@dataclass(frozen=True, slots=True)
class Recovery:
    """What ``restore_newest_good_backup`` did."""

    restored: BackupInfo
    quarantined: Path | None
    skipped: list[tuple[Path, str]]


def restore_newest_good_backup(library_path: str | Path) -> Recovery:
    """Restore the newest backup that passes verification, quarantining the library first.

    When no backup is usable, BackupError is raised and the library is left where it is.
    """
    library = Path(library_path).expanduser().resolve()
    skipped: list[tuple[Path, str]] = []
    for backup in list_backups(library):
        problems = verify_backup(backup.path)
        if problems:
            skipped.append((backup.path, "; ".join(problems)))
            continue
        quarantined = quarantine(library) if library.exists() else None
        restore(library, backup.path)
        return Recovery(backup, quarantined, skipped)
    detail = "".join(f"; {path.name}: {why}" for path, why in skipped)
    raise BackupError(library, "no usable backup to restore, the library was left as it is" + detail)


def _pragma_lines(engine: Engine, pragma: str) -> list[str]:
    try:
        with engine.connect() as conn:
            lines = [str(row[0]) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
    except DBAPIError as exc:
        return [f"{pragma} could not run: {exc.orig}"]
    return [] if lines == ["ok"] else lines


def _foreign_key_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    return [f"{table} row {rowid} refers to a missing {parent} row" for table, rowid, parent, _fk in rows]


def _texts(session: Session, article_ids: Sequence[int]) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = {}
    rows = session.execute(
        select(Block.article_id, Block.text)
        .where(Block.article_id.in_(article_ids))
        .order_by(Block.article_id, Block.position)
    )
    for aid, block_text in rows:
        texts.setdefault(aid, []).append(block_text)
    return texts


def _any_exists(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-shm"))


__all__ = [
    "CheckReport",
    "HashProblem",
    "Recovery",
    "ensure_sound",
    "full_check",
    "quarantine",
    "quick_check",
    "record_hashes",
    "record_issue_hashes",
    "require_sound",
    "restore_newest_good_backup",
    "verify_hashes",
]
