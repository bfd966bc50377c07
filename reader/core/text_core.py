"""An issue text's *core*: the text without the white space at its very end, and its SHA-256.

Two files whose decoded texts differ only by trailing line breaks or spaces
(an editor that adds a final newline, a lone CR at the end) hold the same
issue.  The stored hash (``Issue.sha256``) stays that of the whole normalised
text, so libraries need no change; the import's duplicate check compares
cores (``reader.services.same_text``).  Fed piece by piece, so a streamed
file is digested while it is read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextCore:
    """How many characters the text has before its trailing white space, and their SHA-256 (UTF-8)."""

    chars: int
    sha256: str


class CoreDigest:
    """Digests a text given in pieces, holding back each run of white space until more text follows."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self._chars = 0
        self._pending: list[str] = []  # white space after the last visible character so far

    def feed(self, piece: str) -> None:
        kept = piece.rstrip()
        if not kept:
            if piece:
                self._pending.append(piece)
            return
        for part in (*self._pending, kept):
            self._hash.update(part.encode("utf-8"))
            self._chars += len(part)
        self._pending = [piece[len(kept) :]] if len(kept) < len(piece) else []

    def core(self) -> TextCore:
        return TextCore(self._chars, self._hash.hexdigest())


def text_core(text: str) -> TextCore:
    """The core of a whole text."""
    core = text.rstrip()
    return TextCore(len(core), hashlib.sha256(core.encode("utf-8")).hexdigest())


def digesting(pieces: Iterable[str], digest: CoreDigest) -> Iterator[str]:
    """The pieces unchanged, each fed to ``digest`` on the way."""
    for piece in pieces:
        digest.feed(piece)
        yield piece


__all__ = ["CoreDigest", "TextCore", "digesting", "text_core"]
