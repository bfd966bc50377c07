"""Turn the bytes of an issue file into text, refusing anything doubtful.

Supported: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset
of GBK and GB2312) and Big5 (with the cp950 and Big5-HKSCS extensions).
Nothing is ever decoded with silent replacement.  Because GB18030 and Big5
both accept most byte soup, a file that is not UTF-8 is decoded both ways and
each reading is scored by how plausible it looks as Chinese text; a reading
is only chosen when it clearly wins.
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.core.errors import AmbiguousEncodingError, InputError

MAX_ISSUE_BYTES = 64 * 1024 * 1024

# C0 control characters that never appear in a text file (\t \n \r \f do).
_CONTROLS = tuple(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f")
_CONTROL_BYTES = tuple(c.encode("ascii") for c in _CONTROLS)
_MAX_CONTROL_SHARE = 0.05

_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
_TRIED = "utf-8, gb18030, " + ", ".join(_BIG5_FAMILY)

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

# Han ideographs (with extensions and compatibility forms), CJK punctuation, full-width forms.
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
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
class Decoded:
    """Text decoded from an issue file, the codec used, and the text's hash."""

    text: str
    encoding: str
    sha256: str


@dataclass(frozen=True, slots=True)
class _Reading:
    encoding: str
    text: str
    score: float  # (good - odd - 2 * junk) / non-ASCII characters, at most 1
    misfits: float  # non-ASCII characters - good + odd + 2 * junk
    junk: float  # share of private-use / unassigned characters


def read_issue_file(path: Path) -> Decoded:
    """Read and decode one issue file; every failure is an InputError naming ``path``."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "cannot read the file: it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "cannot read the file: it is not a regular file")
        _check_size(path, info.st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_ISSUE_BYTES + 1)
    except OSError as exc:
        raise InputError(path, f"cannot read the file: {_os_reason(exc)}") from exc
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, source: str) -> Decoded:
    """Decode the bytes of an issue file; raise InputError (naming ``source``) if they are not text."""
    if not data:
        raise InputError(source, "the file is empty")
    _check_size(source, len(data))
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError(source, "the file is UTF-32, which is not supported; convert it to UTF-8 first")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _decode_with_bom(data, "utf-8-sig", "UTF-8", source), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_with_bom(data, "utf-16", "UTF-16", source), "utf-16"
        _check_not_binary(source, text.count("\0"), _count_controls(text), len(text))
    else:
        _check_not_binary(source, data.count(0), sum(data.count(c) for c in _CONTROL_BYTES), len(data))
        text, encoding = _decode_unmarked(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text:
        raise InputError(source, "the file is empty apart from its byte-order mark")
    if not text.strip():
        raise InputError(source, "the file contains only whitespace")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Decoded(text=text, encoding=encoding, sha256=digest)


def _check_size(source: str | Path, size: int) -> None:
    if size > MAX_ISSUE_BYTES:
        raise InputError(
            source,
            f"the file is too large ({size:,} bytes); the limit is {MAX_ISSUE_BYTES:,} bytes "
            f"({MAX_ISSUE_BYTES // (1024 * 1024)} MiB)",
        )


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _count_controls(text: str) -> int:
    return sum(text.count(c) for c in _CONTROLS)


def _check_not_binary(source: str, nuls: int, controls: int, length: int) -> None:
    if nuls:
        raise InputError(source, "the file looks binary, not text: it contains NUL bytes")
    if controls > _MAX_CONTROL_SHARE * length:
        raise InputError(
            source,
            f"the file looks binary, not text: {controls / length:.0%} of it is control characters",
        )


def _decode_with_bom(data: bytes, codec: str, label: str, source: str) -> str:
    try:
        return data.decode(codec, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(
            source, f"the file starts with a {label} byte-order mark but is not valid {label}: {exc.reason}"
        ) from exc


def _decode_unmarked(data: bytes, source: str) -> tuple[str, str]:
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        pass
    else:
        if text.isascii() or _CJK.search(text):
            return text, "utf-8"
        # Valid UTF-8 without a single CJK character: short GBK or Big5 text can
        # happen to be valid UTF-8 (通知 in GBK is), so check the legacy readings.
        rivals = [r.encoding for r in _legacy_readings(data) if r.score >= _PLAUSIBLE and r.junk == 0]
        if rivals:
            raise AmbiguousEncodingError(source, ["utf-8", *rivals])
        return text, "utf-8"
    readings = _legacy_readings(data)
    if not readings:
        raise InputError(source, f"the file decodes in none of the supported encodings (tried {_TRIED})")
    best = readings[0]
    if len(readings) > 1:
        rival = readings[1]
        convincing = best.score >= _PLAUSIBLE or best.score - rival.score >= _MARGIN
        short = sum(1 for char in best.text if char >= "\x80") < _MIN_DECIDING_CHARS
        if short or not convincing or rival.misfits - best.misfits < _MIN_MISFIT_LEAD:
            raise AmbiguousEncodingError(source, [r.encoding for r in readings])
    if best.junk > _MAX_JUNK_SHARE:
        raise InputError(
            source,
            f"the file does not look like text in any supported encoding (tried {_TRIED}); "
            f"as {best.encoding} it is mostly unassigned or private-use characters",
        )
    return best.text, best.encoding


def _legacy_readings(data: bytes) -> list[_Reading]:
    """The GB18030 reading and the first Big5-family reading that decode strictly, best first."""
    readings: list[_Reading] = []
    with suppress(UnicodeDecodeError):
        readings.append(_score("gb18030", data.decode("gb18030", errors="strict")))
    for codec in _BIG5_FAMILY:
        try:
            readings.append(_score(codec, data.decode(codec, errors="strict")))
        except UnicodeDecodeError:
            continue
        break
    readings.sort(key=lambda r: (r.score, -r.misfits), reverse=True)
    return readings


def _score(encoding: str, text: str) -> _Reading:
    """Score a reading: +1 per common character, -1 per odd one, -2 per junk one, over non-ASCII ones."""
    common = _common_big5() if encoding in _BIG5_FAMILY else _common_gb()
    total = good = odd = junk = 0
    for char, count in Counter(text).items():
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
        return _Reading(encoding, text, 0.0, 0.0, 0.0)
    misfits = total - good + odd + 2 * junk
    return _Reading(encoding, text, (good - odd - 2 * junk) / total, misfits, junk / total)


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


__all__ = ["MAX_ISSUE_BYTES", "Decoded", "decode_bytes", "read_issue_file"]
