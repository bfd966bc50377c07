"""Character-level differences between an original text and its corrected version.

Changes are found with :class:`difflib.SequenceMatcher` (no junk heuristic)
and grouped into word-ish hunks: every CJK character is a word, and a change
touching a Latin word or number is widened to the whole of it, so that
``teh`` → ``the`` is one change, not two.  Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import NamedTuple


class Change(NamedTuple):
    """One hunk: ``original[orig_start:orig_end]`` (``old``) became ``current[new_start:new_end]``."""

    orig_start: int
    orig_end: int
    new_start: int
    new_end: int
    old: str
    new: str


class Mark(StrEnum):
    """What a run of a marked rendering is."""

    EQUAL = "equal"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text in a "show changes" rendering."""

    mark: Mark
    text: str


def _is_word_char(char: str) -> bool:
    """A character of a Latin-script word or a number (CJK characters are words on their own)."""
    return char.isalnum() and (char.isascii() or "\u00c0" <= char <= "\u024f" or "\uff10" <= char <= "\uff5a")


def _opcodes(original: str, current: str) -> list[list[int]]:
    """Non-equal ``[i1, i2, j1, j2]`` ranges, adjacent ones merged."""
    matcher = SequenceMatcher(None, original, current, autojunk=False)
    ranges: list[list[int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if ranges and ranges[-1][1] == i1 and ranges[-1][3] == j1:
            ranges[-1][1], ranges[-1][3] = i2, j2
        else:
            ranges.append([i1, i2, j1, j2])
    return ranges


def _touches_word(original: str, current: str, hunk: list[int], *, left: bool) -> bool:
    """Whether the hunk's edge on that side holds a word character in the old or the new text."""
    i1, i2, j1, j2 = hunk
    if left:
        return (i1 < i2 and _is_word_char(original[i1])) or (j1 < j2 and _is_word_char(current[j1]))
    return (i1 < i2 and _is_word_char(original[i2 - 1])) or (j1 < j2 and _is_word_char(current[j2 - 1]))


def _widen(original: str, current: str, hunks: list[list[int]]) -> list[list[int]]:
    """Widen hunks to whole Latin words, merging those that then meet."""
    for index, hunk in enumerate(hunks):
        floor = hunks[index - 1][1] if index else 0
        if _touches_word(original, current, hunk, left=True):
            while hunk[0] > floor and _is_word_char(original[hunk[0] - 1]):
                hunk[0] -= 1
                hunk[2] -= 1
        ceiling = hunks[index + 1][0] if index + 1 < len(hunks) else len(original)
        if _touches_word(original, current, hunk, left=False):
            while hunk[1] < ceiling and _is_word_char(original[hunk[1]]):
                hunk[1] += 1
                hunk[3] += 1
    merged: list[list[int]] = []
    for hunk in hunks:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[1] == hunk[0]
            and _touches_word(original, current, previous, left=False)
            and _touches_word(original, current, hunk, left=True)
        ):
            previous[1], previous[3] = hunk[1], hunk[3]
        else:
            merged.append(hunk)
    return merged


def diff_changes(original: str, current: str) -> list[Change]:
    """The word-ish hunks turning ``original`` into ``current``, in order."""
    if original == current:
        return []
    hunks = _widen(original, current, _opcodes(original, current))
    return [Change(i1, i2, j1, j2, original[i1:i2], current[j1:j2]) for i1, i2, j1, j2 in hunks]


def revert_change(original: str, current: str, change: Change) -> str:
    """``current`` with this one change undone and every other change kept."""
    if current[change.new_start : change.new_end] != change.new or (
        original[change.orig_start : change.orig_end] != change.old
    ):
        raise ValueError("the change does not belong to these texts")
    return current[: change.new_start] + change.old + current[change.new_end :]


def render_marked(original: str, current: str) -> list[Segment]:
    """``current`` as equal, deleted and inserted runs (deleted text before inserted)."""
    segments: list[Segment] = []
    position = 0
    for change in diff_changes(original, current):
        if change.orig_start > position:
            segments.append(Segment(Mark.EQUAL, original[position : change.orig_start]))
        if change.old:
            segments.append(Segment(Mark.DELETED, change.old))
        if change.new:
            segments.append(Segment(Mark.INSERTED, change.new))
        position = change.orig_end
    if position < len(original):
        segments.append(Segment(Mark.EQUAL, original[position:]))
    return segments


def map_offset(original: str, current: str, offset: int, *, to_original: bool = True) -> int:
    """Map an offset of ``current`` into ``original`` (or the other way round).

    Offsets in unchanged text map exactly; an offset inside a changed hunk maps
    to the same distance into the other side of the hunk, clamped to it.
    """
    source_len = len(current) if to_original else len(original)
    if not 0 <= offset <= source_len:
        raise ValueError(f"offset {offset} is outside 0..{source_len}")
    delta = 0  # target offset minus source offset in the equal text before a hunk
    for change in diff_changes(original, current):
        src_start, src_end, dst_start, dst_end = (
            (change.new_start, change.new_end, change.orig_start, change.orig_end)
            if to_original
            else (change.orig_start, change.orig_end, change.new_start, change.new_end)
        )
        if offset < src_start:
            break
        if offset < src_end:
            return min(dst_start + (offset - src_start), dst_end)
        delta = dst_end - src_end
    return offset + delta


def text_change(old: str, new: str) -> tuple[int, str, str]:
    """The one span that differs: ``(offset, old part, new part)`` after common prefix and suffix."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]


def shift_region(region: tuple[int, int], offset: int, old_len: int, new_len: int) -> tuple[int, int] | None:
    """Where ``region`` lies after ``old_len`` characters at ``offset`` became ``new_len``.

    The part of the region that the edit overwrote is dropped; ``None`` when
    nothing of it is left.  An empty region (a deletion point) inside the
    edited span is overwritten; one at its edge is kept.
    """
    start, end = region
    edit_end = offset + old_len
    delta = new_len - old_len
    if start == end:
        if offset < start < edit_end:
            return None
        if start >= edit_end and not (old_len == 0 and start == offset):
            return (start + delta, end + delta)
        return region
    if end <= offset:
        return region
    if start >= edit_end:
        return (start + delta, end + delta)
    if offset <= start and end <= edit_end:
        return None
    if start < offset and end <= edit_end:
        return (start, offset)
    if offset <= start:
        return (offset + new_len, end + delta)
    return (start, end + delta)  # the edit lies inside the region
