"""The corpus (or any issue) transformed into the shapes other OCR engines write.

Used by the segmentation tests at run time, so no corpus text is copied into
the repository: hard-wrapped at a column width, indented and wrapped with no
blank line between blocks, with a masthead block put on top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.model import ParsedIssue, Role
from reader.core.segment import segment

MASTHEAD = (  # a community paper's masthead block: title, spaced title, publisher, issue and date, furniture
    "幸福社区报",
    "幸 / 福 / 社 / 区",
    "××街道党工委、办事处 主办",
    "第12期 2023年6月15日",
    "扫码关注",
    "“幸福××”微信公众号",
)
INDENT = "\u3000\u3000"
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_WHITESPACE = re.compile(r"\s+")


def wrap_line(line: str, width: int) -> list[str]:
    """Cut one line into printed lines of ``width`` visible characters (the last one shorter).

    A space takes no room (it separates two halves of a heading); one falling
    at a cut opens the next printed line.
    """
    out: list[str] = []
    start = visible = 0
    for at, char in enumerate(line):
        if char.isspace():
            continue
        if visible == width:
            out.append(line[start:at].rstrip())
            start, visible = len(line[:at].rstrip()), 0
        visible += 1
    out.append(line[start:])
    return out


def hard_wrap(text: str, width: int) -> str:
    """Every line wrapped at ``width`` characters; blank lines kept as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(wrap_line(line.strip(), width) if line.strip() else [line])
    return "\n".join(out)


def paragraph_starts(parsed: ParsedIssue) -> set[int]:
    """Offsets where a paragraph opens (the first piece of every paragraph block)."""
    return {b.pieces[0][0] for a in parsed.articles for b in a.blocks if b.role is Role.PARAGRAPH}


def indent_wrap(text: str, width: int, *, dense: bool = False, indent: str = INDENT) -> str:
    """Paragraphs opened by two ideographic spaces, wrapped at ``width`` (indent included).

    ``indent`` opens each paragraph.  ``dense``: one blank line fewer in every run
    of blank lines, so blocks touch and only breaks stay (a heading exactly as
    wide as the column then reads as wrapped: that shape is checked for nothing
    lost, not for exact articles).
    """
    starts = paragraph_starts(segment(text))
    out: list[str] = []
    at = 0
    for line in text.split("\n"):
        content = line.strip()
        begin = at + len(line) - len(line.lstrip())
        at += len(line) + 1
        if not content:
            out.append("")
            continue
        out.extend(wrap_line(indent + content if begin in starts else content, width))
    joined = "\n".join(out)
    if not dense:
        return joined
    return _BLANK_RUN.sub(lambda m: "\n" + "\n" * max(0, m.group().count("\n") - 2), joined)


def with_masthead(text: str, masthead: Sequence[str]) -> str:
    """``text`` with a masthead block (one line each) set above it."""
    return "\n\n".join(masthead) + "\n\n" + text


SHAPES = ("hard", "indent", "masthead")


def reshaped(text: str, shape: str, width: int) -> str:
    """``text`` as another OCR engine gives it: hard-wrapped, indented and wrapped, or under a masthead."""
    if shape == "hard":
        return hard_wrap(text, width)
    if shape == "indent":
        return indent_wrap(text, width)
    if shape == "masthead":
        return with_masthead(indent_wrap(text, width), MASTHEAD)
    raise ValueError(f"unknown shape {shape!r}")


def squeeze(text: str) -> str:
    """``text`` without whitespace (how a re-flowed block compares with the original)."""
    return _WHITESPACE.sub("", text)


def signature(parsed: ParsedIssue) -> list[list[tuple[str, str]]]:
    """Every article as its (role, text without whitespace) blocks: what must not change with the shape."""
    return [[(str(b.role), squeeze(b.text)) for b in a.blocks] for a in parsed.articles]


def leftover_texts(parsed: ParsedIssue) -> str:
    """All leftover text, whitespace removed, in order."""
    return "".join(squeeze(left.text) for left in parsed.leftovers)
