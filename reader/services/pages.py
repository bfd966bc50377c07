"""Use cases of page scans: attach files to an issue, list its pages, detach one, read a page's bytes.

Each file is attached all or nothing, inside its own SAVEPOINT of the
caller's write transaction: a file that cannot be read, is not a scan, is
damaged or encrypted is reported with the reason and the others are still
attached.  The bytes are stored verbatim (:mod:`db.scan_bytes`); pages are
numbered after the issue's existing pages in the order the files are given.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.models import Issue, utcnow
from db.scan_bytes import read_bytes, write_bytes
from db.scan_models import ScanFile, ScanPage, ScanRegion
from reader.core.errors import InputError, JiaokanError
from reader.core.scan_formats import MAX_SCAN_BYTES, ScanInfo, probe
from reader.services.library import NotFoundError


class PageError(JiaokanError):
    """A page operation that cannot be done as asked (no such page, a bad rectangle…)."""


@dataclass(frozen=True, slots=True)
class AttachedFile:
    """A file attached: its name and the page numbers it became."""

    path: str
    pages: tuple[int, ...]


@dataclass(slots=True)
class AttachReport:
    """What became of each file given: attached, or refused with a reason."""

    attached: list[AttachedFile] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(len(f.pages) for f in self.attached)


@dataclass(frozen=True, slots=True)
class PageRow:
    """One page of an issue as listed."""

    id: int
    number: int
    file_name: str
    media_type: str
    frame: int
    width: int
    height: int
    regions: int


@dataclass(frozen=True, slots=True)
class PageSource:
    """What a view needs to draw a page: the file's bytes and which frame of it."""

    page_id: int
    number: int
    file_id: int
    media_type: str
    frame: int
    width: int
    height: int
    data: bytes


def _issue(session: Session, issue_id: int) -> Issue:
    issue = session.get(Issue, issue_id)
    if issue is None:
        raise NotFoundError(f"no issue {issue_id} in the library")
    return issue


def _read(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InputError(path, "is a folder, not a scan file")
        if path.stat().st_size > MAX_SCAN_BYTES:
            raise InputError(path, f"the file is over {MAX_SCAN_BYTES >> 30} GiB")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None


def attach_files(session: Session, issue_id: int, paths: Iterable[Path | str]) -> AttachReport:
    """Attach scan files to issue ``issue_id`` (in the caller's write transaction), each all or nothing."""
    _issue(session, issue_id)
    report = AttachReport()
    for given in paths:
        path = Path(given)
        try:
            data = _read(path)
            info = probe(path, data)
        except InputError as error:
            report.failed.append(error)
            continue
        try:
            with session.begin_nested():
                numbers = _store(session, issue_id, path.name, data, info)
        except InputError as error:
            report.failed.append(error)
            continue
        except SQLAlchemyError as error:
            report.failed.append(
                InputError(path, f"could not be stored: {error.__class__.__name__}: {error}")
            )
            continue
        report.attached.append(AttachedFile(str(path), numbers))
    return report


def _store(session: Session, issue_id: int, name: str, data: bytes, info: ScanInfo) -> tuple[int, ...]:
    digest = hashlib.sha256(data).hexdigest()
    same = session.scalar(
        select(ScanFile.name).where(ScanFile.issue_id == issue_id, ScanFile.sha256 == digest).limit(1)
    )
    if same is not None:
        raise InputError(name, f"is already attached to issue {issue_id} (as {same})")
    position = (
        session.scalar(select(func.max(ScanFile.position)).where(ScanFile.issue_id == issue_id)) or 0
    ) + 1
    last = session.scalar(select(func.max(ScanPage.number)).where(ScanPage.issue_id == issue_id)) or 0
    scan = ScanFile(
        issue_id=issue_id,
        position=position,
        name=name,
        media_type=info.media_type,
        sha256=digest,
        byte_count=len(data),
        attached_at=utcnow(),
    )
    session.add(scan)
    session.flush()
    write_bytes(session.connection(), scan.id, data)
    numbers = tuple(range(last + 1, last + 1 + len(info.pages)))
    session.add_all(
        ScanPage(issue_id=issue_id, number=number, file_id=scan.id, frame=frame, width=w, height=h)
        for frame, (number, (w, h)) in enumerate(zip(numbers, info.pages, strict=True))
    )
    session.flush()
    return numbers


def list_pages(session: Session, issue_id: int) -> list[PageRow]:
    """The pages of an issue in order (none: empty), with how many regions each has."""
    _issue(session, issue_id)
    regions = select(func.count(ScanRegion.id)).where(ScanRegion.page_id == ScanPage.id).scalar_subquery()
    query = (
        select(ScanPage, ScanFile.name, ScanFile.media_type, regions)
        .join(ScanFile, ScanFile.id == ScanPage.file_id)
        .where(ScanPage.issue_id == issue_id)
        .order_by(ScanPage.number)
    )
    return [
        PageRow(p.id, p.number, name, media, p.frame, p.width, p.height, count or 0)
        for p, name, media, count in session.execute(query)
    ]


def detach_page(session: Session, issue_id: int, number: int) -> PageRow:
    """Remove page ``number`` of an issue (and its regions); later pages move up one.

    The file's bytes go when its last page goes.  Returns the page removed.
    """
    row = next((p for p in list_pages(session, issue_id) if p.number == number), None)
    if row is None:
        raise PageError(f"issue {issue_id} has no page {number}")
    page = session.get_one(ScanPage, row.id)
    file_id = page.file_id
    session.delete(page)
    session.flush()
    later = session.scalars(
        select(ScanPage)
        .where(ScanPage.issue_id == issue_id, ScanPage.number > number)
        .order_by(ScanPage.number)
    )
    for other in later:
        other.number -= 1
        session.flush()  # one at a time, so numbers stay unique on the way
    if session.scalar(select(func.count()).where(ScanPage.file_id == file_id)) == 0:
        session.delete(session.get_one(ScanFile, file_id))
        session.flush()
    return row


def page_source(session: Session, page_id: int, *, data: bytes | None = None) -> PageSource:
    """The bytes and frame of a page, for drawing it (``data``: its file's bytes, if the caller has them)."""
    found = session.execute(
        select(ScanPage, ScanFile.media_type).join(ScanFile).where(ScanPage.id == page_id)
    ).first()
    if found is None:
        raise PageError(f"no scan page {page_id} in the library")
    page, media = found
    if data is None:
        data = read_bytes(session, page.file_id)
    return PageSource(page.id, page.number, page.file_id, media, page.frame, page.width, page.height, data)


def attach_beside(session: Session, issue_id: int, issue_file: Path) -> AttachReport:
    """Attach the scans lying next to an imported issue file (see :mod:`reader.core.scan_discovery`)."""
    from reader.core.scan_discovery import scans_beside

    found = scans_beside(issue_file)
    return attach_files(session, issue_id, found) if found else AttachReport()


__all__ = [
    "AttachReport",
    "AttachedFile",
    "PageError",
    "PageRow",
    "PageSource",
    "attach_beside",
    "attach_files",
    "detach_page",
    "list_pages",
    "page_source",
]
