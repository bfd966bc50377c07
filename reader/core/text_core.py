"""An issue text's *core*: the text without the white space at its very end, and its SHA-256.

Two files whose decoded texts differ only by trailing line breaks or spaces
(an editor that adds a final newline, a lone CR at the end) hold the same
issue.  The stored hash (``Issue.sha256``) stays that of the whole normalised
text, so libraries need no change: the import's duplicate check looks up the
hashes of the core followed by each usual ending (:data:`TAILS`: up to eight
line breaks, with up to three spaces, an ideographic space or a tab before
them, and after one or two of them), one indexed lookup (``reader.services.same_text``), not a scan
of the library's texts.  Fed piece by piece, so a streamed file is digested
while it is read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_SPACE_RUNS = ("", " ", "  ", "   ", "\u3000", "\t")
MAX_LINE_BREAKS = 8
TAILS: tuple[str, ...] = tuple(
    dict.fromkeys(
        before + "\n" * breaks + after
        for breaks in range(MAX_LINE_BREAKS + 1)
        for before in _SPACE_RUNS
        for after in (_SPACE_RUNS if breaks <= 2 else ("",))
    )
)
"""The endings after an issue's core that the duplicate check recognises ("" first: the core alone)."""


@dataclass(frozen=True, slots=True)
class TextCore:
    """How many characters the text has before its trailing white space, and the SHA-256 (UTF-8) of
    those characters followed by each of :data:`TAILS` (the hashes a stored copy of it may have)."""

    chars: int
    variants: tuple[str, ...]

    @property
    def sha256(self) -> str:
        """The SHA-256 of the core alone (its first ending is none)."""
        return self.variants[0]


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
        return _with_variants(self._chars, self._hash)


def text_core(text: str) -> TextCore:
    """The core of a whole text."""
    core = text.rstrip()
    return _with_variants(len(core), hashlib.sha256(core.encode("utf-8")))


def _with_variants(chars: int, digest: hashlib._Hash) -> TextCore:
    variants = []
    for tail in TAILS:
        copy = digest.copy()
        copy.update(tail.encode("utf-8"))
        variants.append(copy.hexdigest())
    return TextCore(chars, tuple(variants))


def digesting(pieces: Iterable[str], digest: CoreDigest) -> Iterator[str]:
    """The pieces unchanged, each fed to ``digest`` on the way."""
    for piece in pieces:
        digest.feed(piece)
        yield piece


__all__ = ["TAILS", "CoreDigest", "TextCore", "digesting", "text_core"]
