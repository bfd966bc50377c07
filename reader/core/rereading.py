"""Comparing a fresh OCR reading of a passage with the stored text of its block (Qt-free).

The reading usually covers part of a block (a line or a few).  :func:`align`
finds the stretch of the block it covers; :func:`differences` lists the
hunks where the reading differs there, with offsets into the block's text,
so that each can be taken into the text as one tracked change.
:func:`character_accuracy` is 1 − (edit distance / length) of a reading
against the text that was printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.core.diffing import Change, diff_changes


@dataclass(frozen=True, slots=True)
class Comparison:
    """A reading against a block: the stretch ``start``–``end`` of the block it covers, and the hunks."""

    start: int
    end: int
    changes: tuple[Change, ...]  # orig_* offsets into the block's text; new_* into the reading


def align(stored: str, reading: str) -> tuple[int, int]:
    """The stretch of ``stored`` that ``reading`` covers (its matching characters and what lies between)."""
    if not stored or not reading:
        return 0, 0
    matcher = SequenceMatcher(None, stored, reading, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0, 0
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)
    end = min(len(stored), last.a + last.size + (len(reading) - last.b - last.size))
    return start, max(start, end)


def differences(stored: str, reading: str) -> Comparison:
    """Where ``reading`` differs from the stretch of ``stored`` it covers, as hunks in block offsets."""
    start, end = align(stored, reading)
    hunks = diff_changes(stored[start:end], reading)
    shifted = tuple(
        Change(h.orig_start + start, h.orig_end + start, h.new_start, h.new_end, h.old, h.new) for h in hunks
    )
    return Comparison(start, end, shifted)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of one character each)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def character_accuracy(expected: str, reading: str) -> float:
    """1 − edit distance / length of ``expected`` (0 when nothing of it was read right)."""
    if not expected:
        return 1.0 if not reading else 0.0
    return max(0.0, 1.0 - edit_distance(expected, reading) / len(expected))
