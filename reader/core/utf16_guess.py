"""UTF-16 without a byte-order mark, told from a binary file by its code units (see :func:`utf16_order`)."""

from __future__ import annotations

UTF16_LOOK = 8192  # the file's first bytes that decide (the same in whole and streamed decoding)
_UTF16_UNITS = 4  # code units at least: a tiny binary file is no text
_TEXT_UNITS = (  # ASCII, Latin-1, punctuation and symbols, CJK, full-width forms
    (0x09, 0x7E),
    (0xA0, 0xFF),
    (0x2000, 0x27BF),
    (0x2E80, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)


def utf16_order(data: bytes, offset: int) -> str | None:
    """ "little" or "big" when ``data``, the first ``UTF16_LOOK`` bytes (or all) of a file with a
    NUL byte, read from byte ``offset``, are UTF-16 text without a mark.

    The verdict depends on those bytes only (never on how many NULs follow, nor on where the
    file was cut into blocks), so that whole and streamed decoding give the same one.
    A short text has few NUL bytes (its line breaks, and 一 or 开): one in the sample is enough.

    Read in that order, its code units are ASCII, CJK and their punctuation; a binary file has
    NUL bytes anywhere and no such text.  Both orders are tried: the parity of the NUL bytes
    does not tell, as CJK code units with a zero byte (一 is 4E00, 开 5F00) put as many on
    the other parity as the line breaks put on theirs in text with long lines.  Single-byte
    text with a few NULs, read so, is "CJK" whose two bytes are both printable ASCII: in real
    CJK text about a third of them are.
    """
    start = offset % 2  # a code unit starts at an even position of the file
    sample = data[start : start + UTF16_LOOK]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 2 * _UTF16_UNITS or 0 not in sample:
        return None
    for order in ("little", "big"):
        units = sample.decode(f"utf-16-{order[0]}e", errors="replace")
        text = sum(any(low <= ord(c) <= high for low, high in _TEXT_UNITS) for c in units)
        wide = [ord(c) for c in units if ord(c) > 0xFF]
        ascii_pairs = sum(0x20 <= u >> 8 <= 0x7E and 0x20 <= u & 0xFF <= 0x7E for u in wide)
        if text >= 0.95 * len(units) and ascii_pairs <= 0.85 * len(wide):
            return order  # ASCII text with NULs, read two bytes at a time, is "CJK" of such pairs only
    return None
