"""Markdown rendering of an issue document.

The issue as ``# title`` (or its file name) with its date, publication and
number in italics below; per article, every block in reading order: the
section label in bold, the kicker on its own line in italics, ``##`` title,
the subtitle on its own line in italics, ``*byline*``, paragraphs, ``###``
subheadings, captions as ``> `` quotes labelled ``**图片说明**``, the source in
italics and any furniture kept in the article as plain text (no block is left
out); notes as footnotes (``[^label]``).  Text is escaped so that OCR'd
characters never turn into Markdown markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reader.core.exporters.issue_header import issue_details, issue_title
from reader.core.exporters.options import ExportOptions, Part
from reader.core.exporters.passages import footnotes, marked_block_texts
from reader.core.script import convert

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)
_MARKER = re.compile("\x00([0-9]+)\x01")  # stands for a footnote marker while the text is escaped
CAPTION_LABEL = "**图片说明**"
_ROLE_PART = {
    "section": Part.SECTION,
    "kicker": Part.KICKER,
    "title": Part.TITLE,
    "subtitle": Part.SUBTITLE,
    "byline": Part.BYLINE,
    "caption": Part.CAPTIONS,
    "source": Part.SOURCE,
}


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _block(role: str, text: str) -> str:
    if role == "section":
        return f"**{_one_line(text)}**"
    if role in ("kicker", "subtitle"):
        return f"*{_one_line(text)}*"
    if role == "title":
        return f"## {_one_line(text)}"
    if role == "subheading":
        return f"### {_one_line(text)}"
    if role in ("byline", "source"):
        return "\n".join(f"*{line.strip()}*" for line in text.splitlines() if line.strip())
    if role == "caption":
        lines = [f"> {line}" if line.strip() else ">" for line in text.splitlines()]
        return "\n".join([f"> {CAPTION_LABEL} {lines[0][2:]}".rstrip(), *lines[1:]]) if lines else ""
    return text  # paragraphs, furniture kept in the article: never left out


def render_article(article: Mapping[str, Any], options: ExportOptions, label_prefix: str = "") -> str:
    """One article as Markdown (in the library's script)."""
    position = int(article.get("position", 0)) + 1
    notes = footnotes(article, lambda n: f"{label_prefix}{position}-{n}") if options.has(Part.NOTES) else []
    index = {note.label: i for i, note in enumerate(notes)}
    texts = (
        marked_block_texts(article, notes, lambda label: f"\x00{index[label]}\x01")
        if notes
        else [b["text"] for b in article.get("blocks", [])]
    )
    parts: list[str] = []
    for block, text in zip(article.get("blocks", []), texts, strict=True):
        part = _ROLE_PART.get(block["role"])
        if (part is not None and not options.has(part)) or not text.strip():
            continue
        rendered = _block(block["role"], escape(text))
        if rendered:
            parts.append(rendered)
    body = options.paragraph_separator.join(parts)
    body = _MARKER.sub(lambda m: f"[^{notes[int(m.group(1))].label}]", body)
    if notes:
        body += options.paragraph_separator + "\n".join(
            f"[^{n.label}]: {escape(_one_line(n.body))}" for n in notes
        )
    return body


def render_issue_header(issue: Mapping[str, Any]) -> str:
    """``# title`` (or the file name), and the date, publication and number in italics below."""
    title, details = issue_title(issue), issue_details(issue)
    lines = [f"# {escape(title)}"] if title else []
    if details:
        lines.append(f"*{escape(details)}*")
    return "\n\n".join(lines)


def render_issue_body(document: Mapping[str, Any], options: ExportOptions, label_prefix: str = "") -> str:
    """The issue's heading and its articles as Markdown, joined by the article separator, in the script."""
    articles = [render_article(a, options, label_prefix) for a in document["articles"]]
    body = options.article_separator.join(a for a in articles if a)
    header = render_issue_header(document["issue"]) if options.issue_header and "issue" in document else ""
    text = options.paragraph_separator.join(p for p in (header, body) if p) if body else ""
    return convert(text, options.script, options.conversion)
