"""Models of page scans: the files as attached, their pages, and regions linked to articles.

A scan file (PNG, JPEG, TIFF or PDF) is stored verbatim in the library, in
chunks of at most :data:`db.scan_bytes.CHUNK_BYTES` bytes (:class:`ScanChunk`),
with the SHA-256 and size recorded when it was attached so ``check`` can tell
damage.  A file gives one or more pages (a multi-page TIFF or a PDF: one per
frame); an issue's pages are numbered 1, 2, 3… in reading order.

**Page coordinates** are pixels of the page image, origin top left; a PDF page
is measured as if rendered at :data:`PDF_DPI` dots per inch.  Regions (and,
later, OCR line boxes) are rectangles in these coordinates, so they do not
depend on the resolution a view renders at.  ``ScanRegion.origin`` says who
drew a region: ``manual`` (a proofreader) or, for regions derived from OCR line
geometry, ``ocr``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base


class ScanFile(Base):
    """One attached scan file of an issue, as it was on disk (bytes in :class:`ScanChunk`)."""

    __tablename__ = "scan_file"
    __table_args__ = (UniqueConstraint("issue_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]  # order of attachment within the issue
    name: Mapped[str] = mapped_column(String(500))  # file name as attached
    media_type: Mapped[str] = mapped_column(String(40))  # image/png, image/jpeg, image/tiff, application/pdf
    sha256: Mapped[str] = mapped_column(String(64))  # of the bytes
    byte_count: Mapped[int]
    attached_at: Mapped[datetime]


class ScanChunk(Base):
    """Bytes ``start`` to ``stop`` of a scan file."""

    __tablename__ = "scan_chunk"
    __table_args__ = (CheckConstraint("stop = start + length(data)", name="span"),)

    file_id: Mapped[int] = mapped_column(ForeignKey("scan_file.id", ondelete="CASCADE"), primary_key=True)
    start: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    stop: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ScanPage(Base):
    """Page ``number`` of an issue: frame ``frame`` of a scan file, ``width`` × ``height`` pixels."""

    __tablename__ = "scan_page"
    __table_args__ = (
        UniqueConstraint("issue_id", "number"),
        CheckConstraint("width > 0 AND height > 0", name="size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("issue.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based, in reading order
    file_id: Mapped[int] = mapped_column(ForeignKey("scan_file.id", ondelete="CASCADE"), index=True)
    frame: Mapped[int]  # 0-based page of the file (a multi-page TIFF or a PDF)
    width: Mapped[int]
    height: Mapped[int]


class ScanRegion(Base):
    """A rectangle of a page linked to an article, or to one block of it (page coordinates)."""

    __tablename__ = "scan_region"
    __table_args__ = (
        CheckConstraint("w > 0 AND h > 0 AND x >= 0 AND y >= 0", name="box"),
        CheckConstraint("origin IN ('manual', 'ocr')", name="origin"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(ForeignKey("scan_page.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    block_id: Mapped[int | None] = mapped_column(ForeignKey("block.id", ondelete="SET NULL"), index=True)
    x: Mapped[int]
    y: Mapped[int]
    w: Mapped[int]
    h: Mapped[int]
    origin: Mapped[str] = mapped_column(String(20), default="manual", server_default="manual")
    author: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
