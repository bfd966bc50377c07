"""The search index's tokens, computed without a database (the import's worker processes need nothing more).

How text is folded and cut into tokens, and why, is told in :mod:`reader.core.search_index`,
which writes and queries them; this module holds the pure part, so that a process
preparing an import loads neither SQLAlchemy nor the database code for it.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections.abc import Iterable
from functools import cache

from reader.core.script import search_fold_table


@cache
def _token_table() -> list[int | str]:
    """:func:`search_fold_table` plus ASCII control characters mapped to a space (run breaks).

    Script, case and width are folded (``，`` as ``,``, ``（`` as ``(``); libraries
    indexed before migration 0014 kept texts folded without punctuation's width.

    A list indexed by code point (the character itself where nothing changes)
    rather than a dict: ``str.translate`` then never looks up a missing key,
    which makes folding twice as fast.  Code points past its end stay as they are.
    """
    folds = dict(search_fold_table())
    for cp in [*range(0x20), 0x7F]:
        folds.setdefault(cp, " ")
    table: list[int | str] = list(range(max(folds) + 1))
    for cp, replacement in folds.items():
        table[cp] = replacement
    return table


def _prepare(text: str) -> str:
    """The folded text that is tokenised and stored; same length as ``text``."""
    return text.translate(_token_table())


_UTF16_MARK = b"\x00"
"""The first byte of a folded text stored as UTF-16: never the first byte of a zlib stream (its
low four bits, the compression method, are 8)."""


def _pack(prepared: str) -> bytes:
    """The folded text as the index keeps it: a zero byte, then UTF-16-LE.

    Libraries before 2026-12-06 evening kept it zlib-compressed UTF-8 (level
    1), which :func:`_unpack` still reads.  For Chinese, UTF-16 is 2 bytes a
    character against zlib's 1.6, and costs the import's workers a fiftieth of
    compressing (0.004 s against 0.19 s for 3.3 million characters).
    """
    return _UTF16_MARK + prepared.encode("utf-16-le", "surrogatepass")


def _unpack(packed: bytes) -> str:
    """The folded text back from either way of keeping it (:func:`_pack`'s, or zlib-compressed UTF-8)."""
    if packed[:1] == _UTF16_MARK:
        return packed[1:].decode("utf-16-le", "surrogatepass")
    return zlib.decompress(packed).decode("utf-8")


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_CODE_POINT = next(code for code in "ILQ" if array(code).itemsize == 4)  # an array item of 32 bits
_RUN_START = re.compile("   [^ ] ")
"""Where a pair of the whole text is a space and a run's first character (see :func:`_tokens`)."""


def _code_points(text: str) -> array[int]:
    codes = array(_CODE_POINT)
    codes.frombytes(text.encode(_UTF32, "surrogatepass"))
    return codes


def _tokens(prepared: str) -> str:
    """Per whitespace-separated run, its bigrams then its last character, all separated by one space.

    Built for the whole text at once, without a Python object per token: the
    runs are joined by single spaces, every pair of neighbouring characters is
    laid out followed by a space (by slice assignment on arrays of code
    points), then the last character.  A pair ending with the space is a run's
    last character (wanted); a pair starting with it is the next run's first
    character, always between three spaces and one (``"c   d de"``), and is
    cut out.  The result is exactly what building it run by run gives
    (``tests/test_search_index.py`` compares both).
    """
    text = " ".join(prepared.split())
    count = len(text)
    if count < 2:
        return text
    codes = _code_points(text)
    laid = array(_CODE_POINT, [ord(" ")]) * (3 * count - 2)
    laid[0 : 3 * count - 3 : 3] = codes[:-1]
    laid[1 : 3 * count - 3 : 3] = codes[1:]
    laid[-1] = codes[-1]
    return _RUN_START.sub(" ", laid.tobytes().decode(_UTF32, "surrogatepass"))


def _characters(prepared: str) -> str:
    """Every character of the folded text that is no white space, in order, separated by single spaces.

    The token string of the characters' table, which answers one-character
    words (an article holds ``x`` iff ``x`` is one of these tokens).  Every
    occurrence is passed, not each character once: the table keeps no
    positions (``detail=none``), so FTS5 keeps each token once per article
    anyway, in C, where finding the distinct characters in Python cost
    the import's workers five times as much as laying them all out (by slice
    assignment, as :func:`_tokens` lays out its pairs).
    """
    text = "".join(prepared.split())
    count = len(text)
    if count < 2:
        return text
    laid = array(_CODE_POINT, [ord(" ")]) * (2 * count - 1)
    laid[0::2] = _code_points(text)
    return laid.tobytes().decode(_UTF32, "surrogatepass")


def tokens_for(text: str) -> str:
    """The FTS token string for ``text``: per run, its bigrams then its last character."""
    return _tokens(_prepare(text))


def characters_for(text: str) -> str:
    """The token string of the characters' table for ``text``: every character but white space."""
    return _characters(_prepare(text))


IndexPayload = tuple[bytes, bytes, bytes]
"""What the index stores for one article: its token string and its characters' token string
(both UTF-8) and its folded text, compressed."""


def payload_for(text: str) -> IndexPayload:
    """The index payload of a searchable text (pure: the importer computes it in worker processes).

    Everything is encoded here: the process that writes the rows is the
    import's bottleneck, the one preparing them has time to spare.  The token
    string is passed to SQLite as UTF-8 bytes, which FTS5 reads as the same
    text (a BLOB is read as text in the database's encoding, UTF-8): neither
    unpickling nor binding it then converts the string, about a sixth of the
    cost of inserting it.
    """
    folded = _prepare(text)
    return _tokens(folded).encode("utf-8"), _characters(folded).encode("utf-8"), _pack(folded)


def searchable_text(blocks: Iterable[str]) -> str:
    """The text indexed for an article: its blocks joined by newlines."""
    return "\n".join(blocks)


__all__ = ["IndexPayload", "characters_for", "payload_for", "searchable_text", "tokens_for"]
