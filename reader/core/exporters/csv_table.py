"""CSV rendering: one row per article, UTF-8 with a BOM (so spreadsheet programs read the Chinese).

Columns (see ``COLUMNS``): the issue's id and source file name, the
article's position, title, byline, source and status, its tags by kind (one
column per kind, names joined by ``;``), its character count (its blocks'
current text) and how many tracked corrections it has.  Rows end with CRLF, as RFC 4180 says.
A cell a spreadsheet would run as a formula is written with a leading ``'`` (``csv_cells``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from reader.core.exporters.csv_cells import SafeWriter
from reader.core.script import Script, convert

BOM = "\ufeff"
TAG_KINDS = ("person", "place", "organisation", "topic", "other")
TAG_JOINER = ";"
COLUMNS = (
    "issue_id",
    "issue_source_name",
    "position",
    "title",
    "byline",
    "source",
    "status",
    *TAG_KINDS,
    "char_count",
    "corrections",
)


def _writer(buffer: io.StringIO) -> SafeWriter:
    """A CSV writer whose cells cannot run as spreadsheet formulas (see ``csv_cells``)."""
    return SafeWriter(csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL))


def header() -> str:
    """The BOM and the header row."""
    buffer = io.StringIO()
    _writer(buffer).writerow(COLUMNS)
    return BOM + buffer.getvalue()


def _tags(article: Mapping[str, Any], kind: str) -> str:
    return TAG_JOINER.join(t["name"] for t in article.get("tags", []) if t.get("kind") == kind)


def article_row(
    issue: Mapping[str, Any], article: Mapping[str, Any], script: Script = Script.ORIGINAL
) -> list[str | int]:
    """The cells of one article's row; title, byline, source and tag names in ``script``."""
    blocks = article.get("blocks", [])
    texts = [
        article.get("title") or "",
        article.get("byline") or "",
        article.get("source") or "",
    ]
    return [
        issue["id"],
        issue["source_name"],
        article["position"],
        *(convert(text, script) for text in texts),
        article["status"],
        *(convert(_tags(article, kind), script) for kind in TAG_KINDS),
        sum(len(b["text"]) for b in blocks),
        len(article.get("corrections", {}).get("changes", [])),
    ]


def rows(document: Mapping[str, Any], script: Script = Script.ORIGINAL) -> str:
    """The rows of an issue's articles (no header), text cells in ``script``."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    for article in document["articles"]:
        writer.writerow(article_row(document["issue"], article, script))
    return buffer.getvalue()
