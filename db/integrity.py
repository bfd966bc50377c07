"""Integrity checks of a library: SQLite's own checks plus a content hash per article.

``PRAGMA integrity_check`` finds damaged pages and indexes, ``foreign_key_check``
dangling references; neither notices a text that changed on disk without
SQLite's knowledge (or by a write path that bypassed the application).  The
``article_hash`` table records the SHA-256 of every article's block texts as
last saved; ``verify_hashes`` recomputes them.  ``db.quarantine`` and
``db.backup.restore_newest_good_backup`` are the way back from a damaged library.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, inspect, select
from sqlalchemy import null as sql_null
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.coverage_check import verify_coverage
from db.dialect import is_postgres, upsert
from db.engine import Library
from db.errors import LibraryDamaged, could_not_run, is_damage
from db.link_check import LINKED, MisplacedLink, misplaced_links
from db.models import Article, Block, Issue, IssueText, base_hash
from db.row_digests import verify_digests
from db.safety import open_read_only
from db.safety_models import ArticleHash, article_structure_digest, article_text_digest
from db.scan_bytes import verify_scans

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class HashProblem:
    """One article whose text does not match its recorded hash (or has none)."""

    article_id: int
    issue: str  # "mismatch", "unrecorded" or "structure"
    expected: str | None  # recorded hash
    actual: str  # hash of the text now in the library
    recorded_version: int | None
    version: int

    def __str__(self) -> str:
        if self.issue == "unrecorded":
            return f"article {self.article_id} (version {self.version}): no content hash recorded"
        if self.issue == "structure":
            return (
                f"article {self.article_id}: its title, block roles, block order or pieces do not match "
                f"the structure hash recorded when it was last saved: expected {self.expected}, "
                f"actual {self.actual}"
            )
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
    coverage: list[str] = field(default_factory=list)  # originals not covered exactly once
    records: list[str] = field(default_factory=list)  # issues, tags, revisions, change records
    articles_checked: int = 0
    issues_checked: int = 0
    notes: list[str] = field(default_factory=list)
    # rows linked to a block of another article (``db.link_check``): no damage (backups and the
    # soundness gate take them), a wrong result ``check`` reports and ``check --repair`` mends
    links: list[MisplacedLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.integrity
            or self.foreign_keys
            or self.hashes
            or self.originals
            or self.coverage
            or self.records
        )

    def problems(self) -> list[str]:
        """Every problem as one line."""
        return (
            [f"integrity_check: {line}" for line in self.integrity]
            + [f"foreign_key_check: {line}" for line in self.foreign_keys]
            + [str(p) for p in self.hashes]
            + self.originals
            + self.coverage
            + self.records
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
    """``integrity_check`` (full output), ``foreign_key_check`` and every hash and original text.

    On PostgreSQL the server checks its own pages and always enforces foreign
    keys: the hashes, digests, original texts and coverage are checked, and a
    note says so.  Raises CheckNotRun when a check cannot run (disk full, I/O
    error, permission).
    """
    server = is_postgres(library.engine)
    report = CheckReport(integrity=[] if server else _pragma_lines(library.engine, "integrity_check"))
    if server:
        report.notes.append(
            "PostgreSQL checks its own pages and enforces foreign keys: "
            "content hashes, digests, original texts and their coverage checked"
        )
    _check_content(library, report)
    if not report.integrity:
        try:
            with library.session() as session:
                if all(inspect(session.connection()).has_table(t.__tablename__) for t in LINKED):
                    report.links = misplaced_links(session)
        except DBAPIError as exc:
            if not is_damage(exc):
                raise could_not_run(library.engine.url.database or library.url, exc) from exc
            report.integrity.append(f"the check stopped, the library cannot be read: {exc.orig}")
    return report


def _has_structure(session: Session) -> bool:
    """Whether the library has the structure hashes and row digests (schema 0009 on)."""
    columns = inspect(session.connection()).get_columns(ArticleHash.__tablename__)
    return any(column["name"] == "structure" for column in columns)


def content_problems(library: Library) -> list[str]:
    """What ``full_check`` finds beyond ``quick_check``'s reach but the coverage (which reads each
    original whole): foreign keys, every hash and digest, every original text; the gate before a
    command-line write.  Empty when the content is sound."""
    report = CheckReport()
    _check_content(library, report, coverage=False)
    return report.problems()


def _check_content(library: Library, report: CheckReport, *, coverage: bool = True) -> None:
    server = is_postgres(library.engine)
    try:
        report.foreign_keys = [] if server else _foreign_key_problems(library.engine)
        with library.session() as session:
            if not inspect(session.connection()).has_table(ArticleHash.__tablename__):
                report.notes.append("no content hashes yet: open the library once with this version")
                return
            current = _has_structure(session)
            report.hashes = verify_hashes(session, structure=current)
            report.articles_checked = session.scalar(select(func.count()).select_from(Article)) or 0
            report.originals = verify_originals(session) + verify_scans(session)
            report.issues_checked = session.scalar(select(func.count()).select_from(Issue)) or 0
            if current:
                if coverage and not report.originals:  # reads each original whole: left to ``check``
                    report.coverage = verify_coverage(session)
                report.records = [str(problem) for problem in verify_digests(session)]
    except DBAPIError as exc:
        if not is_damage(exc):
            raise could_not_run(library.engine.url.database or library.url, exc) from exc
        report.integrity.append(f"the check stopped, the library cannot be read: {exc.orig}")


def check_file(path: str | Path) -> list[str]:
    """The full check of a closed library file (a backup): every problem found, empty when sound.

    Raises CheckNotRun when the check cannot run (disk full, I/O error, permission).
    """
    try:
        library = open_read_only(path, "checked read-only", check_schema=False)
    except LibraryDamaged as exc:
        return exc.problems
    try:
        if not _at_head(library):  # an older schema (a pre-migration backup): what it can be checked for
            report = CheckReport(integrity=_pragma_lines(library.engine, "integrity_check"))
            report.foreign_keys = _foreign_key_problems(library.engine)
            return report.problems()
        return full_check(library).problems()
    finally:
        library.close()


def _at_head(library: Library) -> bool:
    from db.migrate import current_revisions, head_revisions

    try:
        return current_revisions(library.engine) == head_revisions()
    except DBAPIError:
        return False


def require_sound(library: Library, path: str | Path) -> CheckReport:
    """Run a full check and raise LibraryDamaged when it finds any problem."""
    report = full_check(library)
    if not report.ok:
        raise LibraryDamaged(path, report.problems())
    return report


def record_hashes(session: Session, article_ids: Iterable[int]) -> int:
    """Record the text hash, structure hash and version of these articles (in the caller's transaction)."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        heads = {
            aid: (version, title)
            for aid, version, title in session.execute(
                select(Article.id, Article.version, Article.title).where(Article.id.in_(chunk))
            )
        }
        blocks = _blocks(session, chunk)
        rows = [
            {
                "article_id": aid,
                "sha256": _text_digest(blocks.get(aid, [])),
                "version": version,
                "structure": _structure_digest(title, blocks.get(aid, [])),
            }
            for aid, (version, title) in heads.items()
        ]
        if rows:
            statement = upsert(session.connection(), ArticleHash).values(rows)
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[ArticleHash.article_id],
                    set_={
                        "sha256": statement.excluded.sha256,
                        "version": statement.excluded.version,
                        "structure": statement.excluded.structure,
                    },
                )
            )
    return len(ids)


def record_structures(session: Session) -> int:
    """Record the hashes of the articles whose structure hash is missing (stored by a Core insert)."""
    missing = list(session.scalars(select(ArticleHash.article_id).where(ArticleHash.structure.is_(None))))
    return record_hashes(session, missing) if missing else 0


def record_issue_hashes(session: Session, issue_ids: Iterable[int]) -> int:
    """Record the hashes of every article of these issues (after an import)."""
    ids = list(issue_ids)
    if not ids:
        return 0
    return record_hashes(session, session.scalars(select(Article.id).where(Article.issue_id.in_(ids))))


def verify_hashes(
    session: Session, article_ids: Sequence[int] | None = None, *, structure: bool = True
) -> list[HashProblem]:
    """Recompute every article's text and structure hashes (or these articles') and report each difference.

    ``structure=False`` leaves the structure hashes out (a library older than schema 0009).
    """
    recorded = ArticleHash.structure if structure else sql_null()
    query = select(
        Article.id, Article.version, Article.title, ArticleHash.sha256, ArticleHash.version, recorded
    ).outerjoin(ArticleHash, ArticleHash.article_id == Article.id)
    if article_ids is not None:
        query = query.where(Article.id.in_(article_ids))
    rows = session.execute(query.order_by(Article.id)).all()
    problems = []
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        blocks = _blocks(session, [row[0] for row in chunk])
        for aid, version, title, expected, recorded_version, recorded_shape in chunk:
            actual = _text_digest(blocks.get(aid, []))
            if expected is None:
                problems.append(HashProblem(aid, "unrecorded", None, actual, None, version))
                continue
            if expected != actual:
                problems.append(HashProblem(aid, "mismatch", expected, actual, recorded_version, version))
            shape = _structure_digest(title, blocks.get(aid, []))
            if structure and recorded_shape != shape:
                problems.append(
                    HashProblem(aid, "structure", recorded_shape, shape, recorded_version, version)
                )
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


def _pragma_lines(engine: Engine, pragma: str) -> list[str]:
    """The lines a checking pragma reports (empty for "ok"); CheckNotRun when it cannot run."""
    try:
        with engine.connect() as conn:
            lines = [str(row[0]) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
    except DBAPIError as exc:
        if not is_damage(exc):
            raise could_not_run(engine.url.database or str(engine.url), exc) from exc
        return [f"{pragma}: the file cannot be read as a database: {exc.orig}"]
    return [] if lines == ["ok"] else lines


def _foreign_key_problems(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    return [f"{table} row {rowid} refers to a missing {parent} row" for table, rowid, parent, _fk in rows]


_BlockRow = tuple[int, str, str, Any]  # position, role, text, pieces


def _blocks(session: Session, article_ids: Sequence[int]) -> dict[int, list[_BlockRow]]:
    found: dict[int, list[_BlockRow]] = {}
    rows = session.execute(
        select(Block.article_id, Block.position, Block.role, Block.text, Block.pieces)
        .where(Block.article_id.in_(article_ids))
        .order_by(Block.article_id, Block.position)
    )
    for aid, position, role, text, pieces in rows:
        found.setdefault(aid, []).append((position, role, text, pieces))
    return found


def _text_digest(blocks: Sequence[_BlockRow]) -> str:
    return article_text_digest(block[2] for block in blocks)


def _structure_digest(title: str | None, blocks: Sequence[_BlockRow]) -> str:
    return article_structure_digest(title, ((b[0], b[1], b[3]) for b in blocks))


__all__ = [
    "CheckReport",
    "HashProblem",
    "check_file",
    "content_problems",
    "ensure_sound",
    "full_check",
    "quick_check",
    "record_hashes",
    "record_issue_hashes",
    "require_sound",
    "verify_hashes",
]
