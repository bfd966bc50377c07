"""Anchoring notes to passages of a text that keeps being edited.

An anchor is a W3C TextQuoteSelector (the exact quote with up to
:data:`CONTEXT` characters of prefix and suffix) plus a TextPositionSelector
(start, end).  After the text changes, :func:`reanchor` finds the passage
again: an exact occurrence of the quote, the one whose context agrees best
(ties go to the nearest); else the corrected passage still between its
context; else a close enough fuzzy match.  ``None`` means the passage is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONTEXT = 32
"""Characters of prefix and suffix kept with a quote."""

MIN_FREE_QUOTE = 4
"""A quote shorter than this is only trusted where some of its context agrees."""

FUZZY_THRESHOLD = 0.6
"""Least similarity (difflib ratio) of a fuzzy match, or of a passage found between its context."""

_FUZZY_SLACK = 8  # how far a fuzzy window's start and length may vary, at most


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a passage is: quote with context, and position."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]`` (a non-empty passage)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"[{start}, {end}) is not a non-empty passage of a text of {len(text)} characters")
    return Anchor(
        text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT], start, end
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _context_score(text: str, anchor: Anchor, start: int, end: int) -> int:
    """How many characters of the prefix and suffix agree around ``text[start:end]``."""
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    score = _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)
    # An anchor at the very start or end of its text agrees with an empty context there.
    score += (not anchor.prefix and start == 0) + (not anchor.suffix and end == len(text))
    return score


def _exact(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The best exact occurrence of the quote."""
    best: tuple[int, int, int] | None = None  # (score, -distance, start)
    found = text.find(anchor.quote)
    while found >= 0:
        key = (
            _context_score(text, anchor, found, found + len(anchor.quote)),
            -abs(found - anchor.start),
            found,
        )
        if best is None or key[:2] > best[:2]:
            best = key
        found = text.find(anchor.quote, found + 1)
    if best is None or (best[0] == 0 and len(anchor.quote) < MIN_FREE_QUOTE):
        return None
    return best[2], best[2] + len(anchor.quote)


def _find_near(text: str, needle: str, near: int, *, lo: int = 0) -> int | None:
    """The occurrence of ``needle`` at or after ``lo`` nearest to ``near``."""
    best: int | None = None
    found = text.find(needle, lo)
    while found >= 0:
        if best is None or abs(found - near) < abs(best - near):
            best = found
        found = text.find(needle, found + 1)
    return best


def _context_piece(context: str, *, tail: bool) -> list[str]:
    """The context, then its half nearest the quote (when long enough to be telling)."""
    pieces = [context]
    half = len(context) // 2
    if half >= MIN_FREE_QUOTE:
        pieces.append(context[-half:] if tail else context[:half])
    return pieces


def _between_context(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The passage still standing between its prefix and suffix, when similar to the quote.

    An empty span means the context is there but the passage between is gone.
    With the whole context in place, whatever stands between is the passage.
    """
    if not anchor.prefix or not anchor.suffix:
        return None
    for prefix in _context_piece(anchor.prefix, tail=True):
        at = _find_near(text, prefix, anchor.start - len(prefix))
        if at is None:
            continue
        start = at + len(prefix)
        for suffix in _context_piece(anchor.suffix, tail=False):
            end = _find_near(text, suffix, start + len(anchor.quote), lo=start)
            if end is None:
                continue
            if end == start:
                return start, start
            whole_context = prefix is anchor.prefix and suffix is anchor.suffix
            if whole_context or _similar(text[start:end], anchor.quote):
                return start, end  # the passage, corrected in place
    return None


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= FUZZY_THRESHOLD


def _fuzzy(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """The window of ``text`` most similar to the quote, when similar enough."""
    quote = anchor.quote
    if len(quote) < MIN_FREE_QUOTE or not text:
        return None
    match = SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(0, len(text), 0, len(quote))
    if match.size == 0:
        return None
    base = match.a - match.b
    slack = min(len(quote) // 4, _FUZZY_SLACK)
    best: tuple[float, int, int] | None = None
    for start in range(max(0, base - slack), min(len(text) - 1, base + slack) + 1):
        for length in range(max(1, len(quote) - slack), len(quote) + slack + 1):
            end = min(len(text), start + length)
            ratio = SequenceMatcher(None, text[start:end], quote, autojunk=False).ratio()
            if best is None or ratio > best[0]:
                best = (ratio, start, end)
    if best is None or best[0] < FUZZY_THRESHOLD:
        return None
    return best[1], best[2]


def reanchor(text: str, anchor: Anchor) -> Anchor | None:
    """The anchor's passage in the edited ``text`` (context refreshed), or ``None`` when it is gone."""
    if not anchor.quote:
        return None
    found = _exact(text, anchor) or _between_context(text, anchor) or _fuzzy(text, anchor)
    if found is None or found[0] == found[1]:
        return None
    return make_anchor(text, *found)
