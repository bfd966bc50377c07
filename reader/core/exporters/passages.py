"""Where notes sit in an article document: footnote markers and offsets in the article's text."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

BLOCK_SEPARATOR = "\n\n"
"""Between blocks in an article's current text (``corrections.current_text`` of the JSON export)."""


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note as a footnote: its label, and where its marker goes (``block`` None: no marker)."""

    label: str
    body: str
    quote: str
    block: int | None
    offset: int


def note_place(note: Mapping[str, Any], blocks: Sequence[Mapping[str, Any]]) -> tuple[int, int, int] | None:
    """``(block position, start, end)`` of a note's passage, or None when orphaned or out of range."""
    position = note.get("block")
    if note.get("orphaned") or not isinstance(position, int) or not 0 <= position < len(blocks):
        return None
    start, end = int(note["start"]), int(note["end"])
    if not 0 <= start <= end <= len(blocks[position]["text"]):
        return None
    return position, start, end


def footnotes(article: Mapping[str, Any], label: Callable[[int], str]) -> list[Footnote]:
    """The article's notes in reading order, labelled ``label(1)``, ``label(2)``…"""
    blocks = article.get("blocks", [])
    out: list[Footnote] = []
    for number, note in enumerate(article.get("notes", []), start=1):
        place = note_place(note, blocks)
        out.append(
            Footnote(
                label(number),
                note["body"],
                note["quote"],
                place[0] if place else None,
                place[2] if place else 0,
            )
        )
    return out


def marked_block_texts(
    article: Mapping[str, Any], notes: Sequence[Footnote], marker: Callable[[str], str]
) -> list[str]:
    """Each block's text with ``marker(label)`` inserted after the passage of each of its notes."""
    by_block: dict[int, list[Footnote]] = {}
    for note in notes:
        if note.block is not None:
            by_block.setdefault(note.block, []).append(note)
    texts: list[str] = []
    for position, block in enumerate(article.get("blocks", [])):
        text: str = block["text"]
        placed = sorted(enumerate(by_block.get(position, [])), key=lambda pair: (pair[1].offset, pair[0]))
        for _, note in reversed(placed):  # right to left, so earlier offsets stay valid
            text = text[: note.offset] + marker(note.label) + text[note.offset :]
        texts.append(text)
    return texts


def block_offsets(article: Mapping[str, Any]) -> list[int]:
    """Where each block starts in the article's current text (blocks joined by BLOCK_SEPARATOR)."""
    offsets: list[int] = []
    position = 0
    for block in article.get("blocks", []):
        offsets.append(position)
        position += len(block["text"]) + len(BLOCK_SEPARATOR)
    return offsets


def current_text(article: Mapping[str, Any]) -> str:
    """The article's current text: its blocks joined by BLOCK_SEPARATOR."""
    return BLOCK_SEPARATOR.join(block["text"] for block in article.get("blocks", []))
