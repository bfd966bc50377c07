"""From documents to file bytes, in two steps so the costly one can run in worker processes.

:func:`render_piece` renders one issue document (for text, Markdown and CSV
also converting the script: the slow part, safe to run in another process);
:func:`assemble` joins the pieces of one file into its bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.exporters import csv_table, json_doc, markdown, web_annotation
from reader.core.exporters.options import CONVERTED_FORMATS, ExportFormat, ExportOptions
from reader.core.render_text import render_issue_body
from reader.core.script import convert

SINGLE_FILE_ID = "urn:jiaokan:export"


def render_piece(
    fmt: ExportFormat, document: Mapping[str, Any], options: ExportOptions, index: int = 0
) -> Any:
    """One issue's share of a file: text for txt/md/csv/json, annotations, or the document (TEI)."""
    if fmt is ExportFormat.TXT:
        return convert(render_issue_body(document, options), options.script, options.conversion)
    if fmt is ExportFormat.MD:
        return markdown.render_issue_body(document, options, f"{index + 1}-" if options.single_file else "")
    if fmt is ExportFormat.CSV:
        return csv_table.rows(document, options)
    if fmt is ExportFormat.JSON:
        return json_doc.issue_text(document)
    if fmt is ExportFormat.ANNOTATIONS:
        issue = document["issue"]
        return (
            web_annotation.issue_urn(issue["sha256"]),
            issue["source_name"],
            web_annotation.issue_annotations(document),
        )
    return document  # TEI is built while the file is written


def render_piece_task(task: tuple[str, Mapping[str, Any], ExportOptions, int]) -> Any:
    """:func:`render_piece` for a worker process: ``(format value, document, options, index)``."""
    fmt, document, options, index = task
    return render_piece(ExportFormat(fmt), document, options, index)


def parallel_worthwhile(fmt: ExportFormat, options: ExportOptions) -> bool:
    """Whether rendering this format is slow enough (script conversion) to spread over processes."""
    return fmt in CONVERTED_FORMATS and options.script.value != "original"


_KEEP = ("issue", "articles")
_ARTICLE_DROP = ("revisions", "span", "paragraphs", "captions")


def slim(document: Mapping[str, Any]) -> dict[str, Any]:
    """What the text, Markdown and CSV renderers read of a document (less to send to a worker)."""
    articles = []
    for article in document["articles"]:
        slimmed = {k: v for k, v in article.items() if k not in _ARTICLE_DROP}
        if "corrections" in article:
            slimmed["corrections"] = {"changes": article["corrections"].get("changes", [])}
        articles.append(slimmed)
    return {"issue": document["issue"], "articles": articles}


def assemble(fmt: ExportFormat, pieces: Iterable[Any], options: ExportOptions, count: int = 1) -> bytes:
    """The bytes of a file made of ``pieces`` (one per issue; ``count`` of them, for the TEI corpus)."""
    if fmt in (ExportFormat.TXT, ExportFormat.MD):
        text = options.article_separator.join(p for p in pieces if p)
        return (text + "\n" if text else "").encode("utf-8")
    if fmt is ExportFormat.CSV:
        return (csv_table.header(options) + "".join(pieces)).encode("utf-8")
    if fmt is ExportFormat.JSON:
        if not options.single_file:
            return ("".join(pieces) + "\n").encode("utf-8")
        return json_doc.bundle_text(pieces).encode("utf-8")
    if fmt is ExportFormat.ANNOTATIONS:
        parts = list(pieces)
        if not options.single_file and len(parts) == 1:
            urn, label, items = parts[0]
            whole = web_annotation.collection(items, urn + ":annotations", label)
        else:
            items = [item for _, _, part in parts for item in part]
            whole = web_annotation.collection(items, SINGLE_FILE_ID + ":annotations", f"{len(parts)} issues")
        return web_annotation.render(whole).encode("utf-8")
    from reader.core.exporters import tei  # lxml only when TEI is written

    if not options.single_file:
        [document] = list(pieces)
        return tei.document_bytes(document)
    return tei.corpus_bytes(pieces, count)
