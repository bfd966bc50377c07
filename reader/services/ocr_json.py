"""OCR line geometry in the JSON export and import: each line's span, page, box and confidences.

An issue read from page scans carries ``ocr_lines`` in its document: in
reading order, each line's ``page`` (number), ``start`` and ``end`` (offsets
into ``original_text``), ``x``, ``y``, ``w``, ``h`` (page coordinates),
``confidence``, ``char_confidences`` (one per character, or null), ``role``,
``size``, ``block`` (its layout block on the page) and ``unsure``.  Issues
imported as text have none, and their documents leave the key out.
Importing stores the lines of the pages that were stored (a page exported
without its scan is left out with its lines).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.models import table_of
from db.ocr_models import OcrLine
from db.scan_models import ScanPage


def issue_ocr_lines(session: Session, issue_id: int) -> list[dict[str, Any]]:
    """The OCR lines of an issue as exported (none for an issue imported as text)."""
    query = (
        select(OcrLine, ScanPage.number)
        .join(ScanPage, ScanPage.id == OcrLine.page_id)
        .where(OcrLine.issue_id == issue_id)
        .order_by(OcrLine.position)
    )
    return [
        {
            "page": number,
            "start": line.span_start,
            "end": line.span_end,
            "x": line.x,
            "y": line.y,
            "w": line.w,
            "h": line.h,
            "confidence": line.confidence,
            "char_confidences": None if line.char_confidences is None else json.loads(line.char_confidences),
            "role": line.role,
            "size": line.size,
            "block": line.block,
            "unsure": line.unsure,
        }
        for line, number in session.execute(query)
    ]


def check_ocr_lines(document: Mapping[str, Any]) -> list[str]:
    """What is wrong with a document's OCR lines: spans outside the text, pages it does not have."""
    problems: list[str] = []
    length = len(document.get("original_text", ""))
    pages = {page["number"] for page in document.get("pages", [])}
    for n, line in enumerate(document.get("ocr_lines", [])):
        if not 0 <= line["start"] <= line["end"] <= length:
            problems.append(f"ocr_lines[{n}]: its span {line['start']}–{line['end']} lies outside the text")
        if line["page"] not in pages:
            problems.append(f"ocr_lines[{n}]: page {line['page']} is not among pages")
        chars = line.get("char_confidences")
        if chars is not None and len(chars) != line["end"] - line["start"]:
            problems.append(
                f"ocr_lines[{n}]: {len(chars)} character confidences for {line['end'] - line['start']}"
            )
    return problems


def store_ocr_lines(
    session: Session, document: Mapping[str, Any], issue_id: int, page_ids: Mapping[int, int]
) -> None:
    """Store a document's OCR lines on the pages stored (``page_ids``: exported page number → new id)."""
    rows = [
        {
            "issue_id": issue_id,
            "page_id": page_ids[line["page"]],
            "position": position,
            "span_start": line["start"],
            "span_end": line["end"],
            "x": line["x"],
            "y": line["y"],
            "w": line["w"],
            "h": line["h"],
            "confidence": line["confidence"],
            "char_confidences": None
            if line["char_confidences"] is None
            else json.dumps(line["char_confidences"]),
            "role": line["role"],
            "size": line["size"],
            "block": line["block"],
            "unsure": line["unsure"],
        }
        for position, line in enumerate(x for x in document.get("ocr_lines", []) if x["page"] in page_ids)
    ]
    if rows:
        session.execute(insert(table_of(OcrLine)), rows)


__all__ = ["check_ocr_lines", "issue_ocr_lines", "store_ocr_lines"]
