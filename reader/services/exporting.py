"""Use case: export issues as text, Markdown, JSON, CSV, TEI or Web Annotations.

:func:`export` writes the files of a scope (issues, articles, tags, statuses)
in one format, one file per issue or one for all.  Every file is rendered
into a hidden temporary folder inside the output folder (each written to a
temporary name and renamed), and the files are moved into place only once
all of them are ready: a cancelled or failed export leaves no file behind.
:func:`preview` returns the first file's text exactly as it would be written.
Converting the script (OpenCC) is the slow part of the text, Markdown and CSV
exports; for many issues it runs in worker processes (spawned, never forked).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import closing, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Issue
from reader.core.errors import ExportError
from reader.core.exporters.dispatch import (
    assemble,
    parallel_worthwhile,
    render_piece,
    render_piece_task,
    slim,
)
from reader.core.exporters.options import SUFFIXES, ExportFormat, ExportOptions
from reader.core.files import atomic_write_bytes, safe_file_stem, unique_names
from reader.core.render_text import render_issue
from reader.core.script import Script
from reader.core.workers import worker_pool
from reader.services.export_formats.full_document import issue_documents
from reader.services.export_formats.scope import ExportScope, Selection, resolve

__all__ = [
    "ExportFormat",
    "ExportOptions",
    "ExportReport",
    "ExportScope",
    "export",
    "export_issues",
    "preview",
    "render",
]

ProgressCallback = Callable[[int, int, str], None]
"""Called with (files done, files in all, name of the file being written)."""

CancelCheck = Callable[[], bool]
"""Returns True when the user asked to stop."""

SINGLE_FILE_STEM = "jiaokan-export"
PARALLEL_THRESHOLD = 8
"""Fewer issues than this are converted in this process (starting workers costs about a second)."""
TEMP_PREFIX = ".jiaokan-export-"
OWNER_FILE = ".owner"  # the process id of the export writing into a working folder
STALE_SECONDS = 24 * 3600  # an unmarked working folder older than this is left from a killed export


def default_workers() -> int:
    """Worker processes for script conversion: the machine's cores, at most two."""
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(slots=True)
class ExportReport:
    """What an export wrote (final paths, in order), and whether it was cancelled (then nothing)."""

    files: list[Path] = field(default_factory=list)
    cancelled: bool = False
    issues: int = 0


@dataclass(frozen=True, slots=True)
class _Output:
    """One file to write: its format, its name, and the issues (indices into the selection) it holds."""

    fmt: ExportFormat
    name: str
    issues: tuple[int, ...]


def render(document: dict[str, Any], fmt: ExportFormat, script: Script = Script.ORIGINAL) -> str:
    """The file content of one issue document in the text or JSON format (kept for older callers)."""
    if fmt is ExportFormat.JSON:
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return render_issue(document, script)


def _formats(options: ExportOptions) -> list[ExportFormat]:
    formats = [options.format]
    if options.annotations and options.format is not ExportFormat.ANNOTATIONS:
        formats.append(ExportFormat.ANNOTATIONS)
    return formats


def _taken(out_dir: Path | None, stem: str, formats: Sequence[ExportFormat]) -> bool:
    return out_dir is not None and any(os.path.lexists(out_dir / (stem + SUFFIXES[f])) for f in formats)


def _plan(
    session: Session, selection: Selection, options: ExportOptions, out_dir: Path | None
) -> list[_Output]:
    """The files of an export, named after the issues' stems (or SINGLE_FILE_STEM)."""
    formats = _formats(options)
    keep = None if options.overwrite else out_dir
    if not selection.issue_ids:
        return []
    if options.single_file:
        stem = SINGLE_FILE_STEM
        n = 2
        while _taken(keep, stem, formats):
            stem, n = f"{SINGLE_FILE_STEM}-{n}", n + 1
        every = tuple(range(len(selection.issue_ids)))
        return [_Output(f, stem + SUFFIXES[f], every) for f in formats]
    query = select(Issue.id, Issue.source_stem).where(Issue.id.in_(selection.issue_ids))
    stems: dict[int, str] = {issue_id: stem for issue_id, stem in session.execute(query)}
    names = unique_names([safe_file_stem(stems[i]) for i in selection.issue_ids])
    if keep is not None:
        used = {n.casefold() for n in names}
        for index, name in enumerate(names):
            n, stem = 2, name
            while _taken(keep, stem, formats):
                stem, n = f"{name}-{n}", n + 1
                while stem.casefold() in used:
                    stem, n = f"{name}-{n}", n + 1
            used.add(stem.casefold())
            names[index] = stem
    return [_Output(f, name + SUFFIXES[f], (i,)) for i, name in enumerate(names) for f in formats]


def _rendered(
    fmt: ExportFormat, documents: Iterable[dict[str, Any]], options: ExportOptions, workers: int
) -> Generator[tuple[dict[str, Any], Any], None, None]:
    """Each document with its piece of ``fmt``, in order; converted in worker processes when worthwhile."""
    if workers <= 1 or not parallel_worthwhile(fmt, options):
        for index, document in enumerate(documents):
            yield document, render_piece(fmt, document, options, index)
        return
    pool = worker_pool(workers)
    pending: deque[tuple[dict[str, Any], Future[Any]]] = deque()
    try:
        for index, document in enumerate(documents):
            task = (fmt.value, slim(document), options, index)
            pending.append((document, pool.submit(render_piece_task, task)))
            while len(pending) > 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _write(temp_dir: Path, output: _Output, data: bytes, target: Path) -> Path:
    path = temp_dir / output.name
    try:
        atomic_write_bytes(path, data)
    except ExportError as error:
        raise ExportError(target, error.reason) from error
    return path


def _check_targets(out_dir: Path, outputs: Sequence[_Output]) -> None:
    """Refuse before writing anything when a target exists and is not a regular file."""
    for output in outputs:
        target = out_dir / output.name
        if os.path.lexists(target) and not target.is_file():
            kind = "a folder" if target.is_dir() else "something that is not a regular file"
            raise ExportError(target, f"cannot write the file: {kind} of that name is in the way")


def _move_into_place(temp_dir: Path, out_dir: Path, outputs: Sequence[_Output]) -> list[Path]:
    """Move every finished file into ``out_dir``; on a failure take back the new ones moved so far."""
    moved: list[Path] = []
    for output in outputs:
        target = out_dir / output.name
        existed = os.path.lexists(target)
        try:
            os.replace(temp_dir / output.name, target)
        except OSError as error:
            for path in moved:
                with suppress(OSError):
                    path.unlink()
            raise ExportError(target, f"cannot write the file: {error.strerror or error}") from error
        if not existed:
            moved.append(target)
    return [out_dir / output.name for output in outputs]


def _make_temp_dir(out_dir: Path) -> Path:
    """A hidden working folder in ``out_dir``, marked with this process's id; stale ones are removed."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(
            out_dir, "not a folder: a file of that name is in the way; name a folder to export into"
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_stale_temp_dirs(out_dir)
        temp_dir = Path(tempfile.mkdtemp(dir=out_dir, prefix=TEMP_PREFIX))
        (temp_dir / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
        return temp_dir
    except OSError as error:
        raise ExportError(out_dir, f"cannot write into the folder: {error.strerror or error}") from error


def with_conversion(session: Session, options: ExportOptions) -> ExportOptions:
    """``options`` with the library's conversion rules (names kept, user phrases) when it converts."""
    if options.script is Script.ORIGINAL or options.conversion is not None:
        return options
    from reader.services.conversion import conversion_rules

    return replace(options, conversion=conversion_rules(session))


def remove_stale_temp_dirs(out_dir: Path) -> list[Path]:
    """Delete the working folders that killed exports left in ``out_dir``; returns them.

    A folder is stale when the process named in it is gone, or (unmarked, or
    unreadable) when it is older than ``STALE_SECONDS``; a running export's is kept.
    """
    removed = []
    for folder in out_dir.glob(TEMP_PREFIX + "*"):
        try:
            if not folder.is_dir() or folder.is_symlink() or not _stale(folder):
                continue
        except OSError:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _stale(folder: Path) -> bool:
    try:
        pid = int((folder / OWNER_FILE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return time.time() - folder.stat().st_mtime > STALE_SECONDS
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists (another user's): not ours to judge
    return False


def _documents(
    session: Session, selection: Selection, include_scans: bool = False
) -> Iterator[dict[str, Any]]:
    return issue_documents(session, selection.issue_ids, selection.article_ids, include_scans=include_scans)


def export(
    session: Session,
    out_dir: Path,
    options: ExportOptions,
    scope: ExportScope | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    workers: int | None = None,
) -> ExportReport:
    """Write the scope's issues into ``out_dir`` in ``options.format``; returns what was written.

    Names come from the imported files' stems (``-2``, ``-3``… only when two
    exported issues share one; a file of the same name already in the folder
    is replaced, unless ``options.overwrite`` is false).  ``cancelled`` is
    checked between files: a cancelled export leaves no file behind.
    Failures raise ExportError naming the file and the reason, leaving no
    file of this export (a file it replaced stays replaced only once every
    file was ready).  Unknown ids or tags raise NotFoundError before anything is written.
    """
    selection = resolve(session, scope or ExportScope())
    options = with_conversion(session, options)
    outputs = _plan(session, selection, options, out_dir)
    report = ExportReport(issues=len(selection.issue_ids))
    if not outputs:
        return report
    _check_targets(out_dir, outputs)
    n_workers = default_workers() if workers is None else workers
    if len(selection.issue_ids) < PARALLEL_THRESHOLD:
        n_workers = 1
    temp_dir = _make_temp_dir(out_dir)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise _Cancelled

    documents = _documents(session, selection, options.include_scans and options.format is ExportFormat.JSON)
    rendered = _rendered(options.format, documents, options, n_workers)
    try:
        with closing(rendered):
            if options.single_file:
                _write_single(temp_dir, out_dir, outputs, rendered, options, check, progress)
            else:
                _write_per_issue(temp_dir, out_dir, outputs, rendered, options, check, progress)
        check()
        report.files = _move_into_place(temp_dir, out_dir, outputs)
    except _Cancelled:
        report.cancelled = True
        return report
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
    total = len(selection.issue_ids) if options.single_file else len(outputs)
    if progress is not None:
        progress(total, total, "")
    return report


class _Cancelled(Exception):
    """The user asked to stop (raised between files, caught by :func:`export`)."""


def _write_per_issue(
    temp_dir: Path,
    out_dir: Path,
    outputs: Sequence[_Output],
    rendered: Iterator[tuple[dict[str, Any], Any]],
    options: ExportOptions,
    check: Callable[[], None],
    progress: ProgressCallback | None,
) -> None:
    """One file per issue and format, each written as soon as its issue is rendered."""
    by_issue = {(o.fmt, o.issues[0]): o for o in outputs}
    done = 0
    for index, (document, piece) in enumerate(rendered):
        for fmt in _formats(options):
            value = piece if fmt is options.format else render_piece(fmt, document, options, index)
            check()
            output = by_issue[(fmt, index)]
            if progress is not None:
                progress(done, len(outputs), output.name)
            _write(temp_dir, output, assemble(fmt, [value], options), out_dir / output.name)
            done += 1


def _write_single(
    temp_dir: Path,
    out_dir: Path,
    outputs: Sequence[_Output],
    rendered: Iterator[tuple[dict[str, Any], Any]],
    options: ExportOptions,
    check: Callable[[], None],
    progress: ProgressCallback | None,
) -> None:
    """One file for all issues per format; the main format is assembled as the issues stream in."""
    count = len(outputs[0].issues)
    side: dict[ExportFormat, list[Any]] = {f: [] for f in _formats(options)[1:]}

    def main_pieces() -> Iterator[Any]:
        for index, (document, piece) in enumerate(rendered):
            check()
            if progress is not None:
                progress(index, count, document["issue"]["source_name"])
            for fmt in side:
                side[fmt].append(render_piece(fmt, document, options, index))
            yield piece

    for output in outputs:
        pieces = main_pieces() if output.fmt is options.format else side[output.fmt]
        data = assemble(output.fmt, pieces, options, count)
        check()
        _write(temp_dir, output, data, out_dir / output.name)


def preview(session: Session, options: ExportOptions, scope: ExportScope | None = None) -> str:
    """The text of the export's first file exactly as :func:`export` would write it ("" when empty).

    One file per issue: the first issue's file; a single file: the whole of it.
    """
    selection = resolve(session, scope or ExportScope())
    if not selection.issue_ids:
        return ""
    options = with_conversion(session, replace(options, annotations=False))
    if not options.single_file:
        selection = Selection(selection.issue_ids[:1], selection.article_ids)
    pieces = [piece for _, piece in _rendered(options.format, _documents(session, selection), options, 1)]
    return assemble(options.format, pieces, options, len(pieces)).decode("utf-8")


def export_issues(
    session: Session,
    out_dir: Path,
    fmt: ExportFormat,
    *,
    issue_ids: Sequence[int] | None = None,
    script: Script = Script.ORIGINAL,
    progress: ProgressCallback | None = None,
) -> list[Path]:
    """Write one file per issue into ``out_dir`` (see :func:`export`); returns the files written."""
    options = ExportOptions(format=ExportFormat(fmt), script=Script(script))
    return export(session, out_dir, options, ExportScope(issue_ids=issue_ids), progress=progress).files
