"""Cleaned-text rendering of an issue document (the JSON export structure)."""

from __future__ import annotations

from typing import Any

from reader.core.script import Script, convert

ARTICLE_SEPARATOR = "* * *"
CAPTION_MARK = "[图片说明] "


def render_article(article: dict[str, Any]) -> str:
    """One article as cleaned text: headings, byline, paragraphs, captions, source."""
    lines: list[str] = []
    head = [article.get(key) for key in ("section", "kicker", "title", "subtitle")]
    lines.extend(h for h in head if h)
    if article.get("byline"):
        lines.append(article["byline"])
    parts = ["\n".join(lines)] if lines else []
    parts.extend(p for p in article["paragraphs"] if p)
    parts.extend(CAPTION_MARK + c for c in article["captions"] if c)
    if article.get("source"):
        parts.append(article["source"])
    return "\n\n".join(parts)


def render_issue(document: dict[str, Any], script: Script = Script.ORIGINAL) -> str:
    """A whole issue as cleaned UTF-8 text with LF line ends, in the given script."""
    articles = [render_article(a) for a in document["articles"]]
    text = f"\n\n{ARTICLE_SEPARATOR}\n\n".join(a for a in articles if a)
    return convert(text, script) + "\n" if text else ""
