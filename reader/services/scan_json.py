"""Page scans in the JSON export and import: pages, scan files (optionally with their bytes), regions.

An issue document carries ``pages`` (number, the index of its file in
``scan_files``, frame, width, height) and ``scan_files`` (name, media type,
SHA-256, size, and ``data``, the bytes in base64, only when the export was
asked to include the scans); each article carries its ``regions`` (page
number, block position or null, x, y, w, h in page coordinates, origin).
Importing stores the files that have their bytes, their pages, and the
regions on those pages; pages of a file exported without its bytes are left
out (with their regions), and the import result says so.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.models import table_of
from db.scan_bytes import read_bytes, write_bytes
from db.scan_models import ScanFile, ScanPage, ScanRegion
from reader.core.errors import JiaokanError


class ScanDataError(JiaokanError):
    """A scan file in a JSON document whose bytes are not what its SHA-256 and size say."""


def issue_scan_parts(
    session: Session, issue_id: int, *, include_data: bool, iso: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(pages, scan_files)`` of an issue document (``iso`` formats a timestamp)."""
    files = session.scalars(
        select(ScanFile).where(ScanFile.issue_id == issue_id).order_by(ScanFile.position)
    ).all()
    index = {f.id: n for n, f in enumerate(files)}
    scan_files: list[dict[str, Any]] = []
    for f in files:
        entry: dict[str, Any] = {
            "name": f.name,
            "media_type": f.media_type,
            "sha256": f.sha256,
            "byte_count": f.byte_count,
            "attached_at": iso(f.attached_at),
        }
        if include_data:
            entry["data"] = base64.b64encode(read_bytes(session, f.id)).decode("ascii")
        scan_files.append(entry)
    pages = [
        {"number": p.number, "file": index[p.file_id], "frame": p.frame, "width": p.width, "height": p.height}
        for p in session.scalars(
            select(ScanPage).where(ScanPage.issue_id == issue_id).order_by(ScanPage.number)
        )
    ]
    return pages, scan_files


def article_region_dicts(
    session: Session, article_ids: Sequence[int], block_position: Mapping[int, int]
) -> dict[int, list[dict[str, Any]]]:
    """Each article's regions as exported (articles without any map to nothing)."""
    from reader.services.page_regions import regions_of_articles

    out: dict[int, list[dict[str, Any]]] = {}
    for article_id, rows in regions_of_articles(session, article_ids).items():
        out[article_id] = [
            {
                "page": r.page_number,
                "block": None if r.block_id is None else block_position.get(r.block_id),
                "x": r.box.x,
                "y": r.box.y,
                "w": r.box.w,
                "h": r.box.h,
                "origin": r.origin,
            }
            for r in rows
        ]
    return out


def store_scans(
    session: Session,
    document: Mapping[str, Any],
    issue_id: int,
    article_ids: Sequence[int],
    blocks: Sequence[Sequence[int]],
    when: datetime,
) -> dict[int, int]:
    """Store a document's scan files, pages and regions for a new issue (pages without bytes are left out).

    Returns the id of each page stored, by its number in the document.
    """
    pages = document.get("pages", [])
    files = document.get("scan_files", [])
    file_ids: dict[int, int] = {}
    for n, entry in enumerate(files):
        if "data" not in entry:
            continue
        data = _decoded(entry)
        scan = ScanFile(
            issue_id=issue_id,
            position=n + 1,
            name=entry["name"],
            media_type=entry["media_type"],
            sha256=entry["sha256"],
            byte_count=len(data),
            attached_at=datetime.fromisoformat(entry["attached_at"]),
        )
        session.add(scan)
        session.flush()
        write_bytes(session.connection(), scan.id, data)
        file_ids[n] = scan.id
    page_ids: dict[int, int] = {}
    number = 0
    for page in pages:
        if page["file"] not in file_ids:
            continue
        number += 1
        row = ScanPage(
            issue_id=issue_id,
            number=number,
            file_id=file_ids[page["file"]],
            frame=page["frame"],
            width=page["width"],
            height=page["height"],
        )
        session.add(row)
        session.flush()
        page_ids[page["number"]] = row.id
    regions: list[dict[str, Any]] = []
    for article_id, block_ids, article in zip(article_ids, blocks, document["articles"], strict=True):
        for region in article.get("regions", []):
            if region["page"] not in page_ids:
                continue
            block = region["block"]
            regions.append(
                {
                    "page_id": page_ids[region["page"]],
                    "article_id": article_id,
                    "block_id": None if block is None else block_ids[block],
                    "x": region["x"],
                    "y": region["y"],
                    "w": region["w"],
                    "h": region["h"],
                    "origin": region.get("origin", "manual"),
                    "author": "import",
                    "created_at": when,
                }
            )
    if regions:
        session.execute(insert(table_of(ScanRegion)), regions)
    return page_ids


def pages_without_data(document: Mapping[str, Any]) -> int:
    """How many of a document's pages cannot be imported: their file was exported without its bytes."""
    files = document.get("scan_files", [])
    return sum(1 for page in document.get("pages", []) if "data" not in files[page["file"]])


def _decoded(entry: Mapping[str, Any]) -> bytes:
    try:
        data = base64.b64decode(entry["data"], validate=True)
    except (binascii.Error, ValueError):
        raise ScanDataError(f"scan file {entry['name']}: its data is not valid base64") from None
    if len(data) != entry["byte_count"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise ScanDataError(
            f"scan file {entry['name']}: its data does not match its sha256 and byte_count "
            "(the file was altered)"
        )
    return data


def check_scans(document: Mapping[str, Any]) -> list[str]:
    """What is inconsistent in a document's pages, scan files and regions (empty when nothing)."""
    problems: list[str] = []
    files = document.get("scan_files", [])
    numbers = [page["number"] for page in document.get("pages", [])]
    if len(set(numbers)) != len(numbers):
        problems.append("two pages have the same number")
    for page in document.get("pages", []):
        if page["file"] >= len(files):
            problems.append(f"page {page['number']}: its file {page['file']} is not among scan_files")
    for article in document["articles"]:
        for region in article.get("regions", []):
            if region["page"] not in numbers:
                problems.append(
                    f"article {article['position']}: a region lies on page {region['page']}, not a page"
                )
            block = region["block"]
            if block is not None and block >= len(article["blocks"]):
                problems.append(f"article {article['position']}: a region names block {block}, not a block")
    return problems
