"""GB18030 or Big5: the two readings of a file that is not UTF-8, one chosen only when it clearly wins.

Both encodings accept most byte soup, so each reading is scored by how
plausible it looks as Chinese text (common characters count for it, odd and
unassigned ones against it); ``choose_legacy`` refuses a choice that is not
clear (``AmbiguousEncodingError``).  ``reader.core.decoding`` feeds it the bytes.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from reader.core.errors import AmbiguousEncodingError, InputError

BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
TRIED = "utf-8, gb18030, " + ", ".join(BIG5_FAMILY)
"""Every encoding detection tries, as refusals name them."""

# A reading scoring at least this is plausible Chinese text.
_PLAUSIBLE = 0.6
# When neither reading is plausible, the better one must lead by this margin.
_MARGIN = 0.3
# The winner must also have this many fewer misfits (uncommon, odd or junk
# characters, junk counting double) than its rival.  A misfit is roughly 20
# times likelier in the wrong reading than in the right one, so a lead of 3
# makes the odds about 10,000 to 1; a couple of characters that read as common
# either way stay ambiguous.
_MIN_MISFIT_LEAD = 3.0
# Below this many non-ASCII characters, text that reads as both GB18030 and Big5 is
# refused with both candidates, however lopsided the odds: a short file is no
# newspaper issue, and the import never guesses on a handful of characters.
_MIN_DECIDING_CHARS = 20
# Share of private-use / unassigned characters above which a reading is junk.
_MAX_JUNK_SHARE = 0.2

_GOOD_PUNCTUATION = frozenset("·—‘’“”…、。〃〈〉《》「」『』【】〔〕〖〗※")
_ODD_RANGES = (
    (0x00C0, 0x024F),  # accented Latin
    (0x0250, 0x02FF),  # IPA, spacing modifiers
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x2160, 0x218F),  # Roman numerals
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2500, 0x259F),  # box drawing, block elements
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3040, 0x312F),  # kana, bopomofo
    (0x3190, 0x33FF),  # kanbun, enclosed CJK, CJK compatibility
    (0xAC00, 0xD7AF),  # Hangul
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE6F),  # vertical and small forms
    (0xFF61, 0xFFEF),  # half-width kana and forms
)


@dataclass(frozen=True, slots=True)
class Reading:
    encoding: str
    score: float  # (good - odd - 2 * junk) / non-ASCII characters, at most 1
    misfits: float  # non-ASCII characters - good + odd + 2 * junk
    junk: float  # share of private-use / unassigned characters
    non_ascii: int  # non-ASCII characters
    text: str = field(repr=False)
    decoder: codecs.IncrementalDecoder = field(repr=False, compare=False)  # ready for the bytes after


def legacy_readings(data: bytes, *, final: bool) -> list[Reading]:
    """The GB18030 reading and the first Big5-family reading that decode strictly, best first.

    With ``final`` False, ``data`` is the start of a longer file and may end
    inside a character.
    """
    readings: list[Reading] = []
    for family in (("gb18030",), BIG5_FAMILY):
        for codec in family:
            decoder = codecs.getincrementaldecoder(codec)(errors="strict")
            try:
                text = decoder.decode(data, final)
            except UnicodeDecodeError:
                continue
            readings.append(_score(codec, text, decoder))
            break
    readings.sort(key=lambda r: (r.score, -r.misfits), reverse=True)
    return readings


def utf8_rivals(readings: list[Reading]) -> list[str]:
    """The legacy readings plausible enough to make valid UTF-8 without CJK ambiguous."""
    return [r.encoding for r in readings if r.score >= _PLAUSIBLE and r.junk == 0]


def choose_legacy(readings: list[Reading], source: str) -> Reading:
    """The clearly better of one or two legacy readings; AmbiguousEncodingError or InputError if none is."""
    best = readings[0]
    if len(readings) > 1:
        rival = readings[1]
        convincing = best.score >= _PLAUSIBLE or best.score - rival.score >= _MARGIN
        short = best.non_ascii < _MIN_DECIDING_CHARS
        if short or not convincing or rival.misfits - best.misfits < _MIN_MISFIT_LEAD:
            raise AmbiguousEncodingError(source, [r.encoding for r in readings])
    if best.junk > _MAX_JUNK_SHARE:
        raise InputError(
            source,
            f"the file does not look like text in any supported encoding (tried {TRIED}); "
            f"as {best.encoding} it is mostly unassigned or private-use characters",
        )
    return best


def _score(encoding: str, text: str, decoder: codecs.IncrementalDecoder) -> Reading:
    """Score a reading: +1 per common character, -1 per odd one, -2 per junk one, over non-ASCII ones."""
    common = _common_big5() if encoding in BIG5_FAMILY else _common_gb()
    total = good = odd = junk = 0
    for char, count in (Counter() if text.isascii() else Counter(text)).items():
        if char < "\x80":
            continue
        total += count
        if char in common or char in _GOOD_PUNCTUATION or "\uff01" <= char <= "\uff5e" or char == "\u3000":
            good += count
            continue
        category = unicodedata.category(char)
        if category in ("Co", "Cn", "Cs", "Cc"):
            junk += count
        elif any(lo <= ord(char) <= hi for lo, hi in _ODD_RANGES):
            odd += count
    if not total:
        return Reading(encoding, 0.0, 0.0, 0.0, 0, text, decoder)
    misfits = total - good + odd + 2 * junk
    return Reading(encoding, (good - odd - 2 * junk) / total, misfits, junk / total, total, text, decoder)


@cache
def _common_gb() -> frozenset[str]:
    """Level-1 GB2312 hanzi (0xB0A1-0xD7FE): the 3,755 most frequent simplified characters."""
    return _decode_range("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF), 0xD7FE)


@cache
def _common_big5() -> frozenset[str]:
    """Big5 frequently used hanzi (0xA440-0xC67E): 5,401 traditional characters."""
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return _decode_range("big5", range(0xA4, 0xC7), trails, 0xC67E)


def _decode_range(codec: str, leads: range, trails: range | list[int], last: int) -> frozenset[str]:
    chars: set[str] = set()
    for lead in leads:
        for trail in trails:
            if (lead << 8 | trail) > last:
                continue
            try:
                chars.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


__all__ = ["BIG5_FAMILY", "TRIED", "Reading", "choose_legacy", "legacy_readings", "utf8_rivals"]
