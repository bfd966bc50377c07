"""CSV rendering: one row per article, UTF-8 with a BOM (so spreadsheet programs read the Chinese).

Columns (see ``COLUMNS``): the issue's id, source file name and title, the
article's id and position, its kicker, title, subtitle, byline, source and
status, its tags by kind (one column per kind, names joined by ``;``), its
character count (its blocks' current text), how many tracked corrections and
open notes it has, and its cleaned text (left out with ``csv_text`` false).
Rows end with CRLF, as RFC 4180 says.
A cell a spreadsheet would run as a formula is written with a leading ``'`` (``csv_cells``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from reader.core.exporters.csv_cells import SafeWriter
from reader.core.exporters.options import ExportOptions
from reader.core.render_text import render_article
from reader.core.script import convert

BOM = "\ufeff"
TAG_KINDS = ("person", "place", "organisation", "topic", "other")
TAG_JOINER = ";"
TEXT_COLUMN = "text"
COLUMNS = (
    "issue_id",
    "issue_source_name",
    "issue_title",
    "article_id",
    "position",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "source",
    "status",
    *TAG_KINDS,
    "char_count",
    "corrections",
    "open_notes",
    TEXT_COLUMN,
)
DEFAULT_OPTIONS = ExportOptions()


def columns(options: ExportOptions = DEFAULT_OPTIONS) -> tuple[str, ...]:
    """The header of a CSV export with these options."""
    return COLUMNS if options.csv_text else COLUMNS[:-1]


def _writer(buffer: io.StringIO) -> SafeWriter:
    """A CSV writer whose cells cannot run as spreadsheet formulas (see ``csv_cells``)."""
    return SafeWriter(csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL))


def header(options: ExportOptions = DEFAULT_OPTIONS) -> str:
    """The BOM and the header row."""
    buffer = io.StringIO()
    _writer(buffer).writerow(columns(options))
    return BOM + buffer.getvalue()


def _tags(article: Mapping[str, Any], kind: str) -> str:
    return TAG_JOINER.join(t["name"] for t in article.get("tags", []) if t.get("kind") == kind)


def _heading(article: Mapping[str, Any], role: str) -> str:
    """The article's first block of ``role`` (the heading columns, when it has no blocks)."""
    blocks = article.get("blocks")
    if blocks is None:
        return str(article.get(role) or "")
    texts = [b["text"] for b in blocks if b["role"] == role]
    return ("\n" if role == "byline" else "").join(texts if role == "byline" else texts[:1])


def article_row(
    issue: Mapping[str, Any], article: Mapping[str, Any], options: ExportOptions = DEFAULT_OPTIONS
) -> list[str | int]:
    """The cells of one article's row; its texts and tag names in ``options.script``."""

    def converted(text: str) -> str:
        return convert(text, options.script, options.conversion)

    blocks = article.get("blocks", [])
    texts = [_heading(article, role) for role in ("kicker", "title", "subtitle", "byline", "source")]
    row: list[str | int] = [
        issue["id"],
        issue["source_name"],
        converted(issue.get("title") or ""),
        article["id"],
        article["position"],
        *(converted(text) for text in texts),
        article["status"],
        *(converted(_tags(article, kind)) for kind in TAG_KINDS),
        sum(len(b["text"]) for b in blocks),
        len(article.get("corrections", {}).get("changes", [])),
        sum(1 for note in article.get("notes", []) if not note.get("resolved")),
    ]
    if options.csv_text:
        row.append(converted(render_article(article, options)))
    return row


def rows(document: Mapping[str, Any], options: ExportOptions = DEFAULT_OPTIONS) -> str:
    """The rows of an issue's articles (no header), text cells in ``options.script``."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    for article in document["articles"]:
        writer.writerow(article_row(document["issue"], article, options))
    return buffer.getvalue()
