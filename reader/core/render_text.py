"""Cleaned-text rendering of an issue document (the JSON export structure).

Per article, every block in reading order: the heading lines opening it
(section, kicker, title, subtitle, byline) one per line, then paragraphs,
subheadings, captions marked ``[图片说明] ``, furniture kept in the article and
the source, each part separated by a blank line; articles separated by ``* * *``;
the issue's header (title or file name, its date, publication and number, a line
of ``=``) comes first.  ``ExportOptions``
leaves parts out, changes the separators, converts the script and adds the
notes as numbered footnotes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reader.core.exporters.issue_header import issue_details, issue_title
from reader.core.exporters.options import ExportOptions, Part
from reader.core.exporters.passages import footnotes, marked_block_texts
from reader.core.script import Script, convert

ARTICLE_SEPARATOR = "* * *"
CAPTION_MARK = "[图片说明] "
DEFAULT_OPTIONS = ExportOptions()

HEADING_PARTS = (Part.SECTION, Part.KICKER, Part.TITLE, Part.SUBTITLE)
BODY_ROLES = ("paragraph", "subheading")


def article_fields(article: Mapping[str, Any], texts: Sequence[str] | None = None) -> dict[str, Any]:
    """Headings, byline, paragraphs, captions and source of an article, from its blocks.

    ``texts`` replaces the blocks' texts (e.g. with footnote markers); an
    article without blocks falls back to its heading columns and lists.
    """
    blocks = article.get("blocks")
    if blocks is None:
        return {
            **{part.value: article.get(part.value) for part in HEADING_PARTS},
            "byline": article.get("byline"),
            "source": article.get("source"),
            "paragraphs": list(article.get("paragraphs", [])),
            "captions": list(article.get("captions", [])),
        }
    texts = [b["text"] for b in blocks] if texts is None else texts
    pairs = [(b["role"], text) for b, text in zip(blocks, texts, strict=True)]

    def first(role: str) -> str | None:
        return next((text for r, text in pairs if r == role), None)

    return {
        **{part.value: first(part.value) for part in HEADING_PARTS},
        "byline": "\n".join(text for r, text in pairs if r == "byline") or None,
        "source": first("source"),
        "paragraphs": [text for r, text in pairs if r in BODY_ROLES],
        "captions": [text for r, text in pairs if r == "caption"],
    }


_TOP_ROLES = ("section", "kicker", "title", "subtitle", "byline")
_ROLE_PART = {
    "section": Part.SECTION,
    "kicker": Part.KICKER,
    "title": Part.TITLE,
    "subtitle": Part.SUBTITLE,
    "byline": Part.BYLINE,
    "caption": Part.CAPTIONS,
    "source": Part.SOURCE,
}


def block_parts(
    blocks: Sequence[Mapping[str, Any]], texts: Sequence[str], options: ExportOptions
) -> list[str]:
    """Every block in reading order: the heading blocks opening the article on one part, one per line,
    then each block as a part (captions marked), so no block is ever left out (a second kicker, a
    furniture line, a heading after the body)."""
    top: list[str] = []
    parts: list[str] = []
    in_top = True
    for block, text in zip(blocks, texts, strict=True):
        role = block["role"]
        in_top = in_top and role in _TOP_ROLES
        part = _ROLE_PART.get(role)
        if (part is not None and not options.has(part)) or not text:
            continue
        if in_top:
            top.append(text)
        else:
            parts.append(CAPTION_MARK + text if role == "caption" else text)
    return (["\n".join(top)] if top else []) + parts


def _field_parts(fields: Mapping[str, Any], options: ExportOptions) -> list[str]:
    """The parts of an article known only by its fields (no blocks)."""
    lines = [fields[part.value] for part in HEADING_PARTS if options.has(part) and fields[part.value]]
    if options.has(Part.BYLINE) and fields["byline"]:
        lines.append(fields["byline"])
    parts = ["\n".join(lines)] if lines else []
    parts.extend(p for p in fields["paragraphs"] if p)
    if options.has(Part.CAPTIONS):
        parts.extend(CAPTION_MARK + c for c in fields["captions"] if c)
    if options.has(Part.SOURCE) and fields["source"]:
        parts.append(fields["source"])
    return parts


def render_article(article: Mapping[str, Any], options: ExportOptions = DEFAULT_OPTIONS) -> str:
    """One article as cleaned text: every block in reading order (and the notes)."""
    notes = footnotes(article, lambda n: f"[{n}]") if options.has(Part.NOTES) else []
    texts = marked_block_texts(article, notes, lambda label: label) if notes else None
    blocks = article.get("blocks")
    if blocks is None:
        parts = _field_parts(article_fields(article, texts), options)
    else:
        parts = block_parts(blocks, [b["text"] for b in blocks] if texts is None else texts, options)
    if notes:
        parts.append("\n".join(f"{note.label} {note.body}" for note in notes))
    return options.paragraph_separator.join(parts)


def render_issue_header(issue: Mapping[str, Any]) -> str:
    """The issue's title (or file name), then its date, publication and number, underlined."""
    lines = [issue_title(issue), issue_details(issue)]
    lines = [line for line in lines if line]
    return "\n".join([*lines, "=" * 8]) if lines else ""


def render_issue_body(document: Mapping[str, Any], options: ExportOptions = DEFAULT_OPTIONS) -> str:
    """The issue's header and its articles joined by the article separator, in the library's script."""
    articles = [render_article(a, options) for a in document["articles"]]
    body = options.article_separator.join(a for a in articles if a)
    header = render_issue_header(document["issue"]) if options.issue_header and "issue" in document else ""
    return options.paragraph_separator.join(p for p in (header, body) if p) if body else ""


def render_issue(
    document: Mapping[str, Any],
    script: Script = Script.ORIGINAL,
    options: ExportOptions | None = None,
) -> str:
    """A whole issue as cleaned UTF-8 text with LF line ends, in the given script.

    ``script`` is used when ``options`` is not given; else ``options.script``.
    """
    options = options if options is not None else ExportOptions(script=script)
    text = render_issue_body(document, options)
    return convert(text, options.script, options.conversion) + "\n" if text else ""
