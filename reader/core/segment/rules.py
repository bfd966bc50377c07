"""Line rules: small predicates on the stripped text of one line.

Nothing here looks at neighbouring lines; context (gaps, what comes before
and after) is weighed in :mod:`repair` and :mod:`articles`.  Both half- and
full-width punctuation is accepted everywhere, since OCR mixes them.
"""

from __future__ import annotations

import re

# -- character classes ---------------------------------------------------------
SENTENCE_STOPS = frozenset("。!?!?…;;.")
CLOSING_MARKS = "”’」』)）》〉]】\"'"
# A paragraph line ending in one of these is complete (not cut by a break).
_COMPLETE_ENDS = frozenset("。!?!?….;;”’」』)）::")
# A heading never ends in these: they leave a clause open.
_CLAUSE_ENDS = frozenset(",,、;;::")
# A title does not end in these function words; a line cut mid-sentence often does.
_DANGLING_ENDS = frozenset("的")
_COMMAS = (",", ",")
_PAIRS = (("“", "”"), ("《", "》"), ("(", ")"), ("（", "）"), ("「", "」"), ("『", "』"))
# First characters that cannot open a paragraph: the line continues a cut sentence.
_CONTINUATION_FIRST = frozenset(",,、。.;;::”’」』)）》!?!?…")
_NUMERALS = frozenset("0123456789一二三四五六七八九十")

HEADING_MAX_CHARS = 36
SUBTITLE_MAX_CHARS = 48
SUBHEADING_MAX_CHARS = 30
SOURCE_MAX_CHARS = 24
CAPTION_MAX_CHARS = 100

_INNER_STOP = re.compile(r"[。;;]")
_SUBTITLE = re.compile(r"(?:——|──|--|－－|—|―)\s*\S")
_SUBHEADING_MARK = re.compile(r"[●◆■★◎○◇►▶•◉▪◼]\s*\S")
_CAPTION_MARK = re.compile(r"(?:▲|△|图为|图[::]|图注|上图|下图|左图|右图|[((]图[))])")
_ITEM_TITLE = re.compile(r"[^\s|丨｜]{1,12}\s*[|丨｜]\s*\S")
_SECTION_BRACKETS = re.compile(r"[【〖\[]\s*[^【】〖〗\[\]]{1,12}\s*[】〗\]]")
_ENUMERATED = re.compile(r"(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))]|\d{1,2}[.、.])")
_SOURCE_CONTENT_BAD = re.compile(r"[。,,;;!?!?()()\n]")
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
_JUMP = re.compile(r"[((]?\s*(?:下转|上接|转第|接第|续第|下接|转下|接上)\s*\S{0,12}[))]?")

# Labels that open a group of short items rather than a single article.
PHOTO_SECTION_LABELS = frozenset({"图片新闻", "新闻图片", "图片报道", "图说新闻", "图说", "新闻图说", "摄影报道"})
SECTION_LABELS = PHOTO_SECTION_LABELS | frozenset(
    {"简讯", "新闻简讯", "社区简讯", "短讯", "快讯", "新闻速递", "要闻", "一周要闻", "综合新闻", "本期导读"}
)


# -- punctuation shape -----------------------------------------------------------
def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes skipped)."""
    core = text.rstrip(CLOSING_MARKS)
    return bool(core) and core[-1] in SENTENCE_STOPS


def is_complete(text: str) -> bool:
    """True when a paragraph line ends like a finished paragraph (。!?…;: or a closer)."""
    return bool(text) and text[-1] in _COMPLETE_ENDS


def is_balanced(text: str) -> bool:
    """True when every opening quote/bracket in ``text`` is closed (and vice versa)."""
    return all(text.count(left) == text.count(right) for left, right in _PAIRS)


def continuation_start(text: str) -> bool:
    """True when ``text`` starts the way only the second half of a cut sentence does.

    It opens with punctuation that closes or continues a clause (``,`` ``。`` ``”``),
    or with one character then ``、`` (``学、带着…``) that is not an enumeration.
    """
    if not text:
        return False
    if text[0] in _CONTINUATION_FIRST:
        return True
    return len(text) > 1 and text[1] == "、" and text[0] not in _NUMERALS


# -- headings --------------------------------------------------------------------
def is_heading_like(text: str) -> bool:
    """True for a short line that could be a heading: no sentence punctuation at its end.

    A kicker may hold one comma (``坚持以职工为中心,竭诚服务职工群众``), so the
    test is "short, balanced, not ending like a sentence or an open clause".
    """
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if text[-1] in _CLAUSE_ENDS or text[-1] in _DANGLING_ENDS or ends_sentence(text):
        return False
    if _INNER_STOP.search(text) is not None:
        return False
    if sum(text.count(comma) for comma in _COMMAS) > 1:
        return False
    return is_balanced(text)


def has_comma(text: str) -> bool:
    """True when ``text`` holds a (half- or full-width) comma."""
    return any(comma in text for comma in _COMMAS)


def is_subtitle(text: str) -> bool:
    """True for a ``——…`` subtitle line."""
    return (
        _SUBTITLE.match(text) is not None
        and len(text) <= SUBTITLE_MAX_CHARS
        and not ends_sentence(text)
        and text[-1] not in _CLAUSE_ENDS
    )


def is_marked_subheading(text: str) -> bool:
    """True for a bullet-marked section label inside an article: ``● 学习互鉴``."""
    return (
        _SUBHEADING_MARK.match(text) is not None
        and len(text) <= SUBHEADING_MAX_CHARS
        and not ends_sentence(text)
        and text[-1] not in _CLAUSE_ENDS
    )


def is_enumerated(text: str) -> bool:
    """True for a line opening with an enumerator (``一、`` ``(二)`` ``3.``)."""
    return _ENUMERATED.match(text) is not None


def is_item_title(text: str) -> bool:
    """True for a short item title of the form ``联洋二 | 感受红色文化``."""
    return _ITEM_TITLE.match(text) is not None and len(text) <= HEADING_MAX_CHARS and not ends_sentence(text)


def is_section_label(text: str) -> bool:
    """True for a label opening a group of articles: ``【党政】``, ``图片新闻``."""
    if text in SECTION_LABELS:
        return True
    return len(text) <= 16 and _SECTION_BRACKETS.fullmatch(text) is not None


def is_photo_section(text: str) -> bool:
    """True for a section label announcing photo news (``图片新闻``)."""
    return text.strip("【】〖〗[] ") in PHOTO_SECTION_LABELS


def is_marked_caption(text: str) -> bool:
    """True for a line marked as a photo caption (``▲``, ``图为…``, ``图:``)."""
    return len(text) <= CAPTION_MAX_CHARS and _CAPTION_MARK.match(text) is not None


# -- sources -----------------------------------------------------------------------
def is_source_content(content: str) -> bool:
    """True when the inside of a parenthesis can be an attribution (``街道党群办``)."""
    return (
        0 < len(content) <= SOURCE_MAX_CHARS
        and _SOURCE_CONTENT_BAD.search(content) is None
        and _HAS_WORD.search(content) is not None
        and _JUMP.fullmatch(content) is None
    )


def is_source_line(text: str) -> bool:
    """True for a line that is only an attribution: ``(街道党群办)`` or ``（…）``."""
    if len(text) < 3 or text[0] not in "((" or text[-1] not in "))":
        return False
    return is_source_content(text[1:-1].strip())


def split_trailing_source(text: str) -> int | None:
    """Index where an attribution closing a paragraph starts, or None.

    ``…表达对祖国的热爱。(新民晚报)`` gives the index of ``(``.  The attribution
    must follow sentence-final punctuation, so a parenthesis that is part of
    the sentence is never taken.
    """
    if len(text) < 4 or text[-1] not in "))":
        return None
    open_at = max(text.rfind("("), text.rfind("（"))
    if open_at <= 0 or not is_source_content(text[open_at + 1 : -1].strip()):
        return None
    before = text[:open_at].rstrip()
    if not before or not ends_sentence(before):
        return None
    return open_at


def is_jump_marker(text: str) -> bool:
    """True for a continuation marker such as ``(下转第2版)``."""
    return len(text) <= 20 and _JUMP.fullmatch(text) is not None
