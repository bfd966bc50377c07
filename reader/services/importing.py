"""Use case: import issue files into the library, each file all or nothing.

Decoding and segmentation happen outside any transaction; the rows of one
file are inserted inside their own SAVEPOINT, and several files share one
``BEGIN IMMEDIATE`` transaction for speed.  A failing file is rolled back to
its savepoint and reported; the others are still imported.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.dialect import is_postgres
from db.models import Issue, table_of, utcnow
from db.row_digests import DIGEST_RESET
from reader.core.decoding import (
    SUPPORTED_ENCODINGS,
    ScannedFile,
    iter_issue_text,
    scan_issue_file,
)
from reader.core.errors import AmbiguousEncodingError, InputError, OperationCancelled
from reader.core.files import collect_inputs, within
from reader.core.model import ParsedLeftover
from reader.core.preparing import (
    PreparedArticle,
    PreparedIssue,
    Preparing,
    file_size,
    is_large,
    prepare_article,
    prepare_or_error,
)
from reader.core.search_index import index_new_payloads
from reader.core.search_tokens import IndexPayload
from reader.core.segment import scan_usual_gap, sections, segment_sections
from reader.core.text_core import CoreDigest, digesting, text_core
from reader.core.workers import PARALLEL_THRESHOLD, ordered_map, worker_pool
from reader.services.import_rows import RowWriter
from reader.services.import_scans import with_scans
from reader.services.same_text import same_text_issue

ProgressCallback = Callable[[int, int, str], None]
"""Called with (files done, files in all, name of the file now being read)."""

FileProgress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) while one large file is streamed in."""

SizesCallback = Callable[[Sequence[int]], None]
"""Told once, before the first file is read, every file's size in bytes in the order progress counts them."""

CancelCheck = Callable[[], bool]
"""Returns True when the user asked to stop."""

EncodingChoices = Mapping[Path, str] | Mapping[str, str] | Mapping[Path | str, str]
"""The encoding (one of ``SUPPORTED_ENCODINGS``) of files that must not be detected, by path."""

DEFAULT_BATCH_SIZE = 200


class Outcome(StrEnum):
    """What became of one input file."""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file, with the issue it created or matched."""

    path: str
    outcome: Outcome
    message: str = ""
    issue_id: int | None = None
    articles: int = 0
    characters: int = 0
    candidates: tuple[str, ...] = ()  # the encodings it reads as, when refused as ambiguous
    scan_files: tuple[str, ...] = ()  # the scan files attached from beside it, and their pages
    scan_pages: int = 0
    scan_errors: tuple[tuple[str, str], ...] = ()  # (scan file, reason) of each scan refused


def _failed(path: Path | str, error: InputError) -> FileResult:
    """The result of a file refused with ``error`` (with its candidates if it is ambiguous)."""
    candidates = tuple(error.candidates) if isinstance(error, AmbiguousEncodingError) else ()
    return FileResult(str(path), Outcome.FAILED, error.reason, candidates=candidates)


def _not_stored(path: Path | str, error: SQLAlchemyError) -> FileResult:
    """The result of a file the database would not take."""
    reason = f"could not be stored: {error.__class__.__name__}: {error}"
    return FileResult(str(path), Outcome.FAILED, reason)


def _imported(path: Path | str, issue_id: int, articles: int, characters: int) -> FileResult:
    return FileResult(
        str(path),
        Outcome.IMPORTED,
        f"{articles} articles",
        issue_id,
        articles=articles,
        characters=characters,
    )


def duplicate_result(path: Path | str, existing: int) -> FileResult:
    """The result of a file whose text the library already holds as issue ``existing``."""
    return FileResult(
        str(path), Outcome.DUPLICATE, f"already in the library as issue {existing}", issue_id=existing
    )


EMPTY_FOLDER = "no issue files in this folder (.txt, Jiaokan .json exports or page scans)"


@dataclass(slots=True)
class ImportReport:
    """Every file's outcome, in input order."""

    results: list[FileResult] = field(default_factory=list)

    def _with(self, outcome: Outcome) -> list[FileResult]:
        return [r for r in self.results if r.outcome is outcome]

    @property
    def imported(self) -> list[FileResult]:
        return self._with(Outcome.IMPORTED)

    @property
    def duplicates(self) -> list[FileResult]:
        return self._with(Outcome.DUPLICATE)

    @property
    def failed(self) -> list[FileResult]:
        return self._with(Outcome.FAILED)

    def refuse(self, errors: Iterable[InputError]) -> None:
        """Add the inputs refused before any was read (missing, unreadable, a link out of its folder)."""
        self.results += [FileResult(e.source, Outcome.FAILED, e.reason) for e in errors]

    def refuse_empty_folders(self, paths: Iterable[Path], scans: Iterable[Iterable[Path]] = ()) -> None:
        """Refuse each folder given in which nothing at all was found to import (so the user hears of it).

        ``scans``: the files of each issue read from page scans (their results are named by the issue).
        """
        found = [os.path.realpath(r.path) for r in self.results]
        found += [os.path.realpath(scan) for r in self.results for scan, _ in r.scan_errors]
        found += [os.path.realpath(page) for files in scans for page in files]
        self.results += [
            FileResult(str(folder), Outcome.FAILED, EMPTY_FOLDER)
            for folder in paths
            if folder.is_dir() and not any(within(path, os.path.realpath(folder)) for path in found)
        ]

    @property
    def cancelled(self) -> list[FileResult]:
        return self._with(Outcome.CANCELLED)

    @property
    def ok(self) -> bool:
        """True when no file failed (duplicates and cancellations are not failures)."""
        return not self.failed


def find_duplicate(session: Session, sha256: str) -> int | None:
    """The id of the issue with this content hash, if the library has it."""
    return session.scalar(select(Issue.id).where(Issue.sha256 == sha256))


IndexRows = list[tuple[int, IndexPayload]]
"""Search index entries of stored articles waiting to be indexed."""


def store_issue(
    session: Session,
    prepared: PreparedIssue,
    pending_index: IndexRows | None = None,
    rows: RowWriter | None = None,
) -> int:
    """Insert one prepared issue; returns the new issue id.

    Must run inside a transaction; the caller owns commit/rollback.  The rows
    (prepared, JSON included, where the file was segmented) go in through the
    driver's cursor (``rows``, or one made for this call).  The articles are
    indexed for search at once, or appended to ``pending_index`` for the
    caller to index in one go (FTS5 flushes its buffer at every savepoint
    release, so indexing per file inside a savepoint is slow).
    """
    from reader.services.layout_memory import relayout_prepared

    writer = rows if rows is not None else RowWriter(session.connection())
    try:
        prepared = relayout_prepared(session, prepared)  # what was learnt about this paper's layout
        decoded = prepared.decoded
        now = utcnow()
        issue_id = writer.issue(
            _issue_values(
                prepared.path,
                decoded.sha256,
                decoded.encoding,
                len(decoded.text),
                prepared.title,
                prepared.date,
            ),
            now,
        )
        writer.text(issue_id, decoded.text)
        index = _insert_articles(writer, issue_id, 0, prepared.articles, now)
        _insert_leftovers(writer, issue_id, 0, prepared.leftovers)
    finally:
        if rows is None:
            writer.close()
    if pending_index is None:
        index_new_payloads(session.connection(), index)
    else:
        pending_index.extend(index)
    return issue_id


def _issue_values(
    path: Path, sha256: str, encoding: str, char_count: int, title: str | None, date: str | None
) -> tuple[object, ...]:
    """An issue row for ``RowWriter.issue`` (its text and articles are stored separately)."""
    return (path.name, path.stem, sha256, encoding, char_count, title, date)


def _insert_articles(
    rows: RowWriter,
    issue_id: int,
    first_position: int,
    prepared: Sequence[PreparedArticle],
    now: datetime,
) -> IndexRows:
    """Insert articles (numbered from ``first_position``) with blocks, hashes and people.

    Returns their search index entries, for the caller to write.
    """
    if not prepared:
        return []
    article_ids = rows.articles(
        [(issue_id, position, *a.heads, *a.span) for position, a in enumerate(prepared, first_position)], now
    )
    pairs = list(zip(article_ids, prepared, strict=True))
    rows.blocks([(article_id, *row) for article_id, article in pairs for row in article.blocks])
    rows.hashes([(article_id, a.digest, a.structure) for article_id, a in pairs])
    rows.people(
        [
            (article_id, position, name, role)
            for article_id, article in pairs
            for position, (name, role) in enumerate(article.people)
        ]
    )
    return [(article_id, a.payload) for article_id, a in pairs]


def _insert_leftovers(
    rows: RowWriter, issue_id: int, first_position: int, leftovers: Sequence[ParsedLeftover]
) -> None:
    """Insert leftovers, numbered from ``first_position``."""
    rows.leftovers(
        [
            (issue_id, position, leftover.kind.value, leftover.text, *leftover.span)
            for position, leftover in enumerate(leftovers, first_position)
        ]
    )


def store_large_file(
    session: Session,
    path: Path,
    *,
    encoding: str | None = None,
    progress: FileProgress | None = None,
    cancelled: CancelCheck | None = None,
) -> FileResult:
    """Import one file too large to hold whole: decoded, stored and segmented a piece at a time.

    Three passes over the file: the first checks and hashes it (nothing is
    written, so a bad byte near the end costs no half-imported issue), the
    second counts the usual gap between blocks (what makes a run of blank
    lines a page break, as :func:`segment` counts it over the whole text),
    the third stores the text piece by piece and the articles section by
    section, inside one savepoint that a failure or a cancel rolls back.
    ``progress`` gets ``(bytes done, bytes in all)`` over the three passes.
    ``encoding`` (one of ``SUPPORTED_ENCODINGS``) skips detection.
    ``session`` must be inside a transaction.
    """
    size = file_size(path)

    def pass_progress(number: int) -> FileProgress:
        def report(done: int, _total: int) -> None:
            if progress is not None:
                progress(number * size + done, 3 * size)

        return report

    try:
        scanned = scan_issue_file(path, encoding=encoding, progress=pass_progress(0), cancelled=cancelled)
        existing = find_duplicate(session, scanned.sha256)
        if existing is not None:
            return duplicate_result(path, existing)
        core = CoreDigest()
        text = iter_issue_text(scanned, progress=pass_progress(1), cancelled=cancelled)
        gap = scan_usual_gap(digesting(text, core))
        existing = same_text_issue(session, core.core())
        if existing is not None:
            return duplicate_result(path, existing)
        with session.begin_nested():
            issue_id, articles = _store_sections(session, scanned, gap, pass_progress(2), cancelled)
    except OperationCancelled:
        return FileResult(str(path), Outcome.CANCELLED, "cancelled")
    except InputError as error:
        return _failed(path, error)
    except SQLAlchemyError as error:
        return _not_stored(path, error)
    return _imported(path, issue_id, articles, scanned.char_count)


def _store_sections(
    session: Session, scanned: ScannedFile, gap: int, progress: FileProgress, cancelled: CancelCheck | None
) -> tuple[int, int]:
    """Store a scanned file's text piece by piece and its articles section by section.

    Returns the new issue's id and its number of articles.
    """
    rows = RowWriter(session.connection())
    try:
        return _store_section_rows(session, rows, scanned, gap, progress, cancelled)
    finally:
        rows.close()


def _store_section_rows(
    session: Session,
    rows: RowWriter,
    scanned: ScannedFile,
    gap: int,
    progress: FileProgress,
    cancelled: CancelCheck | None,
) -> tuple[int, int]:
    now = utcnow()
    issue_id = rows.issue(
        _issue_values(scanned.path, scanned.sha256, scanned.encoding, scanned.char_count, None, None), now
    )
    stored = 0

    def stored_pieces() -> Iterator[str]:
        nonlocal stored
        for piece in iter_issue_text(scanned, progress=progress, cancelled=cancelled):
            rows.text(issue_id, piece, stored)
            stored += len(piece)
            yield piece

    from reader.services.layout_memory import section_relayout

    learn = section_relayout(session, scanned.path.stem)  # what was learnt about the paper's layout
    articles = leftovers = 0
    for section in segment_sections(stored_pieces(), section_chars=sections.SECTION_CHARS, usual_gap=gap):
        if cancelled is not None and cancelled():
            raise OperationCancelled
        if section.title is not None or section.date is not None:
            session.execute(
                update(table_of(Issue))
                .where(table_of(Issue).c.id == issue_id)
                .values(title=section.title, publication_date=section.date, **DIGEST_RESET)
            )
        learnt = learn(section)
        prepared = [prepare_article(article) for article in learnt.articles]
        index = _insert_articles(rows, issue_id, articles, prepared, now)
        index_new_payloads(session.connection(), index)
        _insert_leftovers(rows, issue_id, leftovers, learnt.leftovers)
        articles += len(learnt.articles)
        leftovers += len(learnt.leftovers)
    return issue_id, articles


@dataclass(frozen=True, slots=True)
class LargeFile:
    """A file too big to prepare whole: the storing process streams it when its turn comes."""

    path: Path
    encoding: str | None = None  # forced, or None to detect


Workers = int | ProcessPoolExecutor | Preparing
"""How many worker processes prepare files, or a pool of them already started (and maybe given files)."""

Prepared = PreparedIssue | LargeFile | InputError
"""A file ready to store, one to stream when its turn comes, or why it cannot be imported."""


def _prepared_stream(
    files: Sequence[Path], encodings: Sequence[str | None], workers: Workers
) -> Generator[Prepared, None, None]:
    """Prepared files in input order (each read in its encoding, None: detected), from worker processes.

    ``workers`` is a number of processes to start, or a pool the caller
    started (and shuts down), maybe already given the first files.  With no
    worker (or few files) everything runs in this process.  Worker processes
    are spawned, never forked, so this is safe in the GUI too.  Large files
    are not prepared here: the storing process streams them.
    """
    large = [is_large(path) for path in files]
    small = [(path, enc) for path, enc, big in zip(files, encodings, large, strict=True) if not big]
    own: ProcessPoolExecutor | None = None
    prepared: Iterator[PreparedIssue | InputError]
    if isinstance(workers, Preparing):
        prepared = workers.results_for(small)
    elif len(small) < PARALLEL_THRESHOLD or (isinstance(workers, int) and workers < 1):
        prepared = map(prepare_or_error, small)
    else:
        executor = workers if isinstance(workers, ProcessPoolExecutor) else (own := worker_pool(workers))
        prepared = ordered_map(executor, prepare_or_error, small)
    try:
        for path, encoding, big in zip(files, encodings, large, strict=True):
            yield LargeFile(path, encoding) if big else next(prepared)
    finally:
        close = getattr(prepared, "close", None)
        if close is not None:
            close()  # cancels the files handed out and not started
        if own is not None:
            own.shutdown(wait=True, cancel_futures=True)


def _store_one(
    session: Session,
    rows: RowWriter,
    path: Path,
    prepared: Prepared,
    pending_index: IndexRows,
    file_progress: FileProgress | None,
    cancelled: CancelCheck | None,
) -> FileResult:
    """Store one prepared file inside its own savepoint (or report why it cannot be)."""
    if isinstance(prepared, InputError):
        return _failed(path, prepared)
    if isinstance(prepared, LargeFile):
        return store_large_file(
            session, path, encoding=prepared.encoding, progress=file_progress, cancelled=cancelled
        )
    existing = rows.duplicate(prepared.decoded.sha256)
    if existing is None:  # the same text with another ending (a final newline): one lookup too
        existing = rows.duplicate_of_any(text_core(prepared.decoded.text).variants)
    if existing is not None:
        return duplicate_result(path, existing)
    mark = len(pending_index)
    try:
        with session.begin_nested():
            issue_id = store_issue(session, prepared, pending_index, rows)
    except SQLAlchemyError as error:
        del pending_index[mark:]
        return _not_stored(path, error)
    return _imported(path, issue_id, len(prepared.articles), len(prepared.decoded.text))


def _apply_tag_rules(session: Session, results: list[FileResult]) -> None:
    """Tag the new issues' articles by the library's tag rules (in the import's transaction)."""
    from reader.services.tag_rules import apply_rules_to_issues

    issues = [r.issue_id for r in results if r.outcome is Outcome.IMPORTED and r.issue_id is not None]
    if issues:
        apply_rules_to_issues(session, issues)


def import_files(
    session: Session,
    paths: Iterable[Path | str],
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: Workers = 0,
    file_progress: FileProgress | None = None,
    encodings: EncodingChoices | None = None,
    sizes: SizesCallback | None = None,
) -> ImportReport:
    """Import files and folders (``.txt`` files found recursively) into the library.

    ``session`` must be a write session with no transaction open; each batch of
    files is committed as one transaction, each file inside its own savepoint
    (on PostgreSQL every file is its own transaction).
    Cancelling stops before the next file: every file is either wholly
    imported or not at all.  With ``workers`` > 0, that many processes decode,
    segment and prepare files while this one stores them, a few files ahead
    (storing is about half the work: the CLI starts two workers at a lower
    priority, which take whatever CPU storing leaves); ``workers``
    may also be a pool the caller started early (``reader.core.workers.started_pool``).  Files over
    :data:`~reader.core.decoding.STREAM_THRESHOLD` bytes are streamed in
    bounded memory (:func:`store_large_file`), reporting their bytes to
    ``file_progress`` and stopping mid-file on a cancel, which keeps none of it.
    ``encodings`` maps files (compared as resolved absolute paths) to the
    encoding to read them in, one of ``SUPPORTED_ENCODINGS`` (else ValueError);
    the others are detected.  ``sizes`` is told the size of every file found,
    so that a progress bar can weigh them by their bytes (a 30 MB file is most
    of the work of a folder of small ones).
    """
    chosen = _resolved_encodings(encodings or {})
    if is_postgres(session.get_bind()):  # a team library: one file per transaction, so that
        batch_size = 1  # colleagues' saves never wait for more than one file (writers serialise)
    files, errors = collect_inputs(Path(p) for p in paths)
    report = ImportReport([])
    report.refuse(errors)
    total = len(files)
    if sizes is not None:
        sizes([file_size(path) for path in files])
    done = 0
    forced = [chosen.get(os.path.realpath(path)) for path in files] if chosen else [None] * total
    stream = _prepared_stream(files, forced, workers)
    try:
        while done < total:
            stop = False
            pending_index: IndexRows = []
            start_result = len(report.results)
            with session.begin(), closing(RowWriter(session.connection())) as rows:
                for path in files[done : done + batch_size]:
                    if cancelled is not None and cancelled():
                        stop = True
                        break
                    if progress is not None:
                        progress(done, total, path.name)
                    result = _store_one(
                        session, rows, path, next(stream), pending_index, file_progress, cancelled
                    )
                    if result.outcome is Outcome.IMPORTED:
                        result = with_scans(session, path, result)
                    report.results.append(result)
                    done += 1
                    if result.outcome is Outcome.CANCELLED:
                        stop = True
                        break
                index_new_payloads(session.connection(), pending_index)
                _apply_tag_rules(session, report.results[start_result:])
            if stop:
                report.results.extend(
                    FileResult(str(p), Outcome.CANCELLED, "cancelled") for p in files[done:]
                )
                break
    finally:
        stream.close()
    if progress is not None:
        progress(done, total, "")
    return report


def _resolved_encodings(encodings: EncodingChoices) -> dict[str, str]:
    """``encodings`` keyed by resolved absolute path; ValueError for an unsupported encoding."""
    resolved: dict[str, str] = {}
    for key, encoding in encodings.items():
        if encoding not in SUPPORTED_ENCODINGS:
            raise ValueError(
                f"unsupported encoding {encoding!r} for {key}; choose one of {', '.join(SUPPORTED_ENCODINGS)}"
            )
        resolved[os.path.realpath(key)] = encoding
    return resolved
