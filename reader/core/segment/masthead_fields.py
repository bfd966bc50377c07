"""The fields of a masthead printed as one line (``新都桥县报　第1127期　2026年12月4日　星期五　…主办``): what
:mod:`.masthead_lines` makes masthead furniture, and what :mod:`.reflow` never joins to the line under it."""

from __future__ import annotations

import re

from reader.core.segment.furniture import DATE

LINE_MAX_CHARS = 140
FIELDS_MIN = 3  # fields on the line
MASTHEAD_FIELDS_MIN = 2  # … of them masthead fields
_GAPS = ("\u3000", "  ", "\t", "|", "｜")  # what _GAP needs
_GAP = re.compile(r"\u3000+|[ \t]{2,}|\s*[|｜]\s*")
_SENTENCE = re.compile(r"[。，！？；,!?;]")
_FIELDS = (
    re.compile(
        r"(?:总\s*)?第\s*[0-9０-９一二三四五六七八九十百千]+\s*期(?:\s*[(（]总第?\s*[0-9]+\s*期[)）])?"
    ),
    DATE,
    re.compile(r"(?:星期|礼拜)[一二三四五六日天]|周[一二三四五六日]|农历\S{2,8}"),
    re.compile(r"\S{2,30}(?:主办|主管|编印|出版|承办)"),
    re.compile(
        r"(?:国内统一连续出版物号|统一刊号|刊号|邮发代号|准印证号?|内部资料准印证)\s*[:：]?\s*\S+|CN\s*\d{2}\s*[-－]\s*\S+"
    ),
)


def is_one_line_masthead(text: str) -> bool:
    """True for a masthead set as one line of fields (see the module)."""
    text = text.strip()
    if not any(gap in text for gap in _GAPS):
        return False
    if len(text) > LINE_MAX_CHARS or _SENTENCE.search(text) is not None:
        return False
    fields = [field for field in _GAP.split(text) if field]
    if len(fields) < FIELDS_MIN:
        return False
    found = sum(1 for field in fields if any(pattern.fullmatch(field) for pattern in _FIELDS))
    return found >= MASTHEAD_FIELDS_MIN
