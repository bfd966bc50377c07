"""Use case: import issues from page scans (PDFs, page images) read through the OCR extra.

For each issue (:class:`~reader.core.ocr_inputs.ScanGroup`): its pages are
read in worker processes (one per core, the model on one thread each),
reporting each page done; a cancel stops the workers and keeps nothing of
that issue.  The pages' layouts give the original text (stored verbatim, as
any import's) and each line's geometry; the text is segmented with that
geometry as evidence, then stored in one transaction with its scans, its
OCR lines (table ``ocr_line``) and a region for every block on its page(s)
(``scan_region.origin = 'ocr'``).  A failure leaves the library as it was
and says why.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.models import Article, Block, table_of, utcnow
from db.ocr_models import OcrLine
from db.scan_models import ScanRegion
from reader.core.decoding import Decoded
from reader.core.errors import InputError
from reader.core.exif_orientation import in_stored_frames
from reader.core.ocr import INSTALL_HINT, ocr_available
from reader.core.ocr_inputs import ScanGroup
from reader.core.page_layout import PageRead, lay_out_page, union
from reader.core.page_layout_text import ComposedText, TextLine, compose_text
from reader.core.preparing import PreparedIssue, prepare_article
from reader.core.scan_formats import MAX_SCAN_BYTES, probe
from reader.core.segment import segment
from reader.core.segment.geometry import LineLook
from reader.core.text_core import text_core
from reader.core.worker_stop import stop_pool
from reader.core.workers import worker_pool
from reader.services.importing import FileResult, Outcome, duplicate_result, find_duplicate, store_issue
from reader.services.ocr_unsure import is_unsure
from reader.services.page_regions import Box, clip
from reader.services.same_text import same_text_issue

OCR_ENCODING = "ocr"
"""What an issue read from scans records as its encoding."""
REGION_AUTHOR = "OCR"
"""Who the regions derived from the OCR line geometry are by."""
POLL_SECONDS = 0.2

PageProgress = Callable[[int, int, str], None]
"""Called with (pages done, pages in all, what is being read: ``name p. N``)."""


@dataclass(frozen=True, slots=True)
class PageOfFile:
    """Page ``frame`` of a scan file, as the import reads it."""

    path: Path
    frame: int
    media_type: str


def _pages(group: ScanGroup) -> tuple[list[PageOfFile], list[str]]:
    """Every page of the group's files in order, and each file's SHA-256; InputError naming a file
    that is not a usable scan."""
    pages: list[PageOfFile] = []
    hashes: list[str] = []
    seen: dict[str, Path] = {}  # an issue holds a file once: a copy is refused now, not after reading
    for path in group.files:
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                raise InputError(path, f"the file is over {MAX_SCAN_BYTES >> 30} GiB")
            data = path.read_bytes()
        except OSError as error:
            raise InputError(path, f"cannot be read: {error.strerror or error}") from None
        info = probe(path, data)
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            raise InputError(path, f"is the same file as {seen[digest].name} (a page given twice?)")
        seen[digest] = path
        pages.extend(PageOfFile(path, frame, info.media_type) for frame in range(len(info.pages)))
        hashes.append(digest)
    return pages, hashes


def _read_before(session: Session, hashes: Sequence[str]) -> int | None:
    """The issue already read from these very files (``session`` left with no transaction open)."""
    from reader.services.scan_rereads import issue_read_from

    with session.begin():
        return issue_read_from(session, hashes, OCR_ENCODING)


def read_pages(
    pages: Sequence[PageOfFile],
    *,
    workers: int,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PageRead] | None:
    """Each page read through OCR, in order (None when cancelled); InputError for a page that is no image.

    With ``workers`` > 0 the pages are read in that many processes, the model
    on one thread in each; otherwise here, the model on every core.
    """
    from reader.core.page_reading import PageJob, read_page_or_error

    threads = 1 if workers > 0 else None
    jobs = [PageJob(str(page.path), page.frame, page.media_type, threads) for page in pages]
    executor: ProcessPoolExecutor | None = None
    results: list[PageRead] = []
    stopped = False
    try:
        if workers > 0 and jobs:
            executor = worker_pool(min(workers, len(jobs)))
            futures: list[Future[PageRead | InputError]] = [
                executor.submit(read_page_or_error, j) for j in jobs
            ]
            for future in futures:
                while not future.done():
                    if cancelled is not None and cancelled():
                        stopped = True
                        return None
                    concurrent.futures.wait([future], timeout=POLL_SECONDS)
                results.append(_read_or_raise(future.result()))
                if progress is not None:
                    progress(len(results))
                if cancelled is not None and cancelled():
                    stopped = True
                    return None
        else:
            for job in jobs:
                if cancelled is not None and cancelled():
                    return None
                results.append(_read_or_raise(read_page_or_error(job)))
                if progress is not None:
                    progress(len(results))
            if cancelled is not None and cancelled():
                return None
    except BaseException:  # a page refused, Ctrl-C, a worker lost: the pages being read are wanted no more
        stopped = True
        raise
    finally:
        if executor is not None and stopped:
            stop_pool(executor)
        elif executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    return results


def _read_or_raise(result: PageRead | InputError) -> PageRead:
    """The page read, or its InputError raised: the issue is refused by its first bad page."""
    if isinstance(result, InputError):
        raise result
    return result


def _geometry_rows(issue_id: int, page_ids: Sequence[int], composed: ComposedText) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for position, line in enumerate(composed.lines):
        x, y, w, h = line.box
        unsure = is_unsure(line.confidence, line.char_confidences)
        rows.append(
            {
                "issue_id": issue_id,
                "page_id": page_ids[line.page - 1],
                "position": position,
                "span_start": line.start,
                "span_end": line.end,
                "x": max(0, x),
                "y": max(0, y),
                "w": max(0, w),
                "h": max(0, h),
                "confidence": round(line.confidence, 4),
                "char_confidences": json.dumps(list(line.char_confidences))
                if line.char_confidences
                else None,
                "role": line.role.value,
                "size": line.size,
                "block": line.block,
                "unsure": unsure,
            }
        )
    return rows


def _lines_of(pieces: Sequence[Sequence[int]], lines: Sequence[TextLine]) -> Iterator[TextLine]:
    """The lines of the text that a block's pieces overlap."""
    for start, end in pieces:
        for line in lines:
            if line.start < end and start < line.end:
                yield line


def _region_rows(
    session: Session,
    issue_id: int,
    page_ids: Sequence[int],
    sizes: Sequence[tuple[int, int]],
    lines: Sequence[TextLine],
) -> list[dict[str, object]]:
    """A region for each block of the issue on each page and layout block its lines lie in."""
    query = (
        select(Block.id, Block.article_id, Block.pieces)
        .join(Article, Article.id == Block.article_id)
        .where(Article.issue_id == issue_id)
        .order_by(Article.position, Block.position)
    )
    now = utcnow()
    rows: list[dict[str, object]] = []
    for block_id, article_id, pieces in session.execute(query):
        parts: dict[tuple[int, int], list[TextLine]] = {}
        for line in _lines_of(pieces, lines):
            parts.setdefault((line.page, line.block), []).append(line)
        for (page, _block), found in parts.items():
            width, height = sizes[page - 1]
            box = clip(Box(*union(line.box for line in found)), width, height)
            if box is None:
                continue
            rows.append(
                {
                    "page_id": page_ids[page - 1],
                    "article_id": article_id,
                    "block_id": block_id,
                    "x": box.x,
                    "y": box.y,
                    "w": box.w,
                    "h": box.h,
                    "origin": "ocr",
                    "author": REGION_AUTHOR,
                    "created_at": now,
                }
            )
    return rows


def prepare_scan_issue(name: str, layouts_text: ComposedText) -> PreparedIssue:
    """The issue to store from its composed text, segmented with its line geometry as evidence."""
    text = layouts_text.text
    decoded = Decoded(text, OCR_ENCODING, hashlib.sha256(text.encode("utf-8")).hexdigest())
    geometry = {line.start: LineLook(line.role.value, line.size) for line in layouts_text.lines}
    parsed = segment(text, geometry)
    return PreparedIssue(Path(name), decoded, parsed, [prepare_article(a) for a in parsed.articles])


def _store(session: Session, group: ScanGroup, prepared: PreparedIssue, composed: ComposedText) -> FileResult:
    """Store one read issue with its scans, lines and regions (inside the caller's transaction)."""
    from reader.services.pages import attach_files, list_pages

    existing = find_duplicate(session, prepared.decoded.sha256)
    if existing is None:
        existing = same_text_issue(session, text_core(prepared.decoded.text))
    if existing is not None:
        return duplicate_result(group.name, existing)
    with session.begin_nested():
        issue_id = store_issue(session, prepared)
        report = attach_files(session, issue_id, group.files)
        if report.failed:
            error = report.failed[0]
            raise InputError(error.source, error.reason)
        pages = list_pages(session, issue_id)
        page_ids = [page.id for page in pages]
        sizes = [(page.width, page.height) for page in pages]
        conn = session.connection()
        rows = _geometry_rows(issue_id, page_ids, composed)
        if rows:
            conn.execute(insert(table_of(OcrLine)), rows)
        regions = _region_rows(session, issue_id, page_ids, sizes, composed.lines)
        if regions:
            conn.execute(insert(table_of(ScanRegion)), regions)
        from reader.services.tag_rules import apply_rules_to_issues

        apply_rules_to_issues(session, [issue_id])
    articles = len(prepared.articles)
    return FileResult(
        group.name,
        Outcome.IMPORTED,
        f"{articles} articles",
        issue_id,
        articles=articles,
        characters=len(prepared.decoded.text),
        scan_files=tuple(str(path) for path in group.files),
        scan_pages=len(page_ids),
    )


def store_read_issue(session: Session, group: ScanGroup, read: Sequence[PageRead]) -> FileResult:
    """Lay out the pages read of one issue, segment its text and store it all in one transaction.

    ``session`` has no transaction open.  A failure leaves nothing stored and is the result's reason.
    """
    composed = in_stored_frames(compose_text([lay_out_page(page) for page in read]), read)
    if not composed.text.strip():
        return FileResult(group.name, Outcome.FAILED, "no text was read on its pages")
    prepared = prepare_scan_issue(group.name, composed)
    try:
        with session.begin():
            return _store(session, group, prepared, composed)
    except InputError as error:
        return _refused(group, error)
    except SQLAlchemyError as error:
        return _not_stored(group, error)


def _refused(group: ScanGroup, error: InputError) -> FileResult:
    name = Path(error.source).name
    reason = error.reason if name == group.name else f"{name}: {error.reason}"  # the name said once
    return FileResult(group.name, Outcome.FAILED, reason)


def _not_stored(group: ScanGroup, error: SQLAlchemyError) -> FileResult:
    return FileResult(group.name, Outcome.FAILED, f"could not be stored: {error.__class__.__name__}: {error}")


def import_scan_issue(
    session: Session,
    group: ScanGroup,
    *,
    workers: int = 0,
    progress: PageProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FileResult:
    """Read one issue's pages through OCR and store it (``session`` with no transaction open)."""
    if not ocr_available():
        reason = f"page scans are read by the OCR extra, not installed; install it with: {INSTALL_HINT}"
        return FileResult(group.name, Outcome.FAILED, reason)
    try:
        pages, hashes = _pages(group)
        existing = _read_before(session, hashes)
        if existing is not None:
            return duplicate_result(group.name, existing)

        def report(done: int) -> None:
            if progress is not None:
                page = pages[min(done, len(pages) - 1)]
                progress(done, len(pages), f"{page.path.name} p. {page.frame + 1}")

        report(0)
        read = read_pages(pages, workers=workers, progress=report, cancelled=cancelled)
        if read is None:
            return FileResult(group.name, Outcome.CANCELLED, "cancelled")
        return store_read_issue(session, group, read)
    except InputError as error:
        return _refused(group, error)
    except BrokenProcessPool:
        return FileResult(group.name, Outcome.FAILED, "a process reading its pages stopped (out of memory?)")


def ocr_workers() -> int:
    """Worker processes for reading pages: one per core, none on a one-core machine."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


def import_scan_groups(
    session: Session,
    groups: Sequence[ScanGroup],
    *,
    workers: int = 0,
    progress: PageProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """:func:`import_scan_issue` for each group in turn; after a cancel the rest are reported cancelled."""
    results: list[FileResult] = []
    for group in groups:
        if cancelled is not None and cancelled():
            results.append(FileResult(group.name, Outcome.CANCELLED, "cancelled"))
            continue
        results.append(
            import_scan_issue(session, group, workers=workers, progress=progress, cancelled=cancelled)
        )
    return results


__all__ = [
    "OCR_ENCODING",
    "PageOfFile",
    "import_scan_groups",
    "import_scan_issue",
    "ocr_workers",
    "prepare_scan_issue",
    "read_pages",
    "store_read_issue",
]
