"""Helpers of the segmentation tests: cut a text and check that no character is lost or doubled; the
same text in traditional script."""

from __future__ import annotations

from functools import cache
from typing import Any

import opencc

from reader.core.model import ParsedIssue
from reader.core.segment import segment
from tests.test_segment_coverage import assert_covers_exactly


def cut(text: str) -> ParsedIssue:
    """``text`` segmented, every character in exactly one block or leftover."""
    parsed = segment(text)
    assert_covers_exactly(text, parsed)
    return parsed


@cache
def converter(config: str) -> Any:
    """OpenCC's converter for ``config``, made once per test process (it reads its dictionaries)."""
    return opencc.OpenCC(config)


def traditional(text: str, config: str = "s2t") -> str:
    """``text`` in traditional script, character by character (so offsets stay as they are)."""
    convert = converter(config).convert
    return "".join(convert(char) for char in text)


def same(text: str) -> str:
    """``text`` as it is (the identity beside :func:`traditional` in parametrized tests)."""
    return text


def owner_of(parsed: ParsedIssue, text: str, snippet: str, *, across_lines: bool = False) -> int:
    """The index of the article holding the first character of ``snippet`` in ``text``, -1 when none does;
    ``across_lines``: ``snippet`` is found with the text's white space (line breaks, indents) left out."""
    if across_lines:
        kept = [i for i, char in enumerate(text) if not char.isspace()]
        at = kept["".join(text[i] for i in kept).index(snippet)]
    else:
        at = text.index(snippet)
    for i, article in enumerate(parsed.articles):
        if any(s <= at < e for block in article.blocks for s, e in block.pieces):
            return i
    return -1


def wrapped(paragraph: str, width: int | None, indent: str = "") -> list[str]:
    """``paragraph`` printed in lines of ``width`` characters (one line when None), its first line indented;
    no line opens with a stop or a closing quote: it hangs at the end of the line above."""
    if width is None:
        return [indent + paragraph]
    parts: list[str] = []
    for i in range(0, len(paragraph), width):
        part = paragraph[i : i + width]
        if parts and part[0] in "，。、；：？”":
            parts[-1], part = parts[-1] + part[0], part[1:]
        if part:
            parts.append(part)
    return [indent + part if k == 0 else part for k, part in enumerate(parts)]
