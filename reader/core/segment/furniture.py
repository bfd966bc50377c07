"""Furniture rules: lines that are page furniture rather than news.

Mastheads (``外滩 第123期 2019年5月15日``, publisher lines ``××街道党工委、办事处 主办``,
slash-spaced slogans ``幸 / 福 / 社 / 区``), QR-code blurbs and WeChat lines (``扫码关注…``),
layout words (``HEADLINE``), page numbers (``第2版``), editor credits
(``责任编辑:X``) and jump markers (``(下转第2版)``).
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind
from reader.core.segment.rules import is_jump_marker
from reader.core.segment.running_heads import is_pipe_running_header

FURNITURE_MAX_CHARS = 80

_ISSUE_NUMBER = re.compile(r"(?:^|(?<=\s))(?:总\s*)?第\s*[0-9０-９]+\s*期(?=\s|$|[(\uff08])")
DATE = re.compile(
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日"
)
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
_MASTHEAD_FIELD = re.compile(
    r"(?:主办|承办|协办|编印|出版|主编|总编|社长|内部资料|准印证|准印号|地址|电话|邮编|投稿邮箱|投稿|网址|印刷|发行)"
    r"\s*[:\uff1a]"
)
_QR_START = re.compile(r"(?:请|欢迎)?(?:扫码|扫一扫|扫描|长按|识别)")
_QR_WORD = re.compile(r"二维码|公众号|微信号|视频号|抖音号|(?:官方)?微信\s*[:\uff1a]|微博\s*[:\uff1a]")
# ××街道党工委、办事处 主办: who publishes the paper, the field name last.
_PUBLISHER = re.compile(r"\S.{1,38}\s*(?:主办|承办|协办|编印|出版|主管|编辑出版)")
_PUBLISHER_ENDS = ("主办", "承办", "协办", "编印", "出版", "主管")  # how a _PUBLISHER line ends
# 幸 / 福 / 社 / 区: a slogan spelt out one or two characters at a time between slashes or dots.
_SLASH_SLOGAN = re.compile(r"[^\s/|·•]{1,2}(?:\s*[/|·•]\s*[^\s/|·•]{1,2}){2,}")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z &'.\-]{0,40}")
# An OCR engine's page marker, a page break however the lines around it are set: === Page 2 ===,
# ----- 第3页 -----, [Page 4], 【第5页】, 第6页.
PAGE_MARKER = re.compile(
    r"[=\-—–_*#~]{2,}\s*(?:Page|PAGE|page|P|第)?\s*\.?\s*\d{1,3}\s*[页版]?\s*[=\-—–_*#~]{2,}"
    r"|[\[【(（<]\s*(?:Page|PAGE|page|第)\s*\.?\s*\d{1,3}\s*[页版]?\s*[\]】)）>]"
    r"|第\s*[0-9一二三四五六七八九十]{1,3}\s*页"
)
_PAGE = re.compile(
    r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:\s*\S{1,12})?"
    r"|[A-H]?\d{1,3}(?:\s*版)?"
    r"|[-—–]\s*\d{1,3}\s*[-—–]"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|(?:Page|PAGE|P)\s*\.?\s*\d{1,3}"
    r"|" + PAGE_MARKER.pattern
)
# 加装电梯惠及百户居民………………2版: an entry of the issue's contents, leaders and a page
_PAGE_REF = r"(?:第?\s*[0-9一二三四五六七八九十]{1,3}\s*版|[A-H]\d{1,2}|P\.?\s*\d{1,3})"
_CONTENTS_ENTRY = re.compile(
    rf"\S.{{1,34}}?(?:(?:[…⋯]{{2,}}|\.{{3,}}|·{{3,}}|—{{2,}}|-{{3,}})\s*(?:{_PAGE_REF}|\d{{1,2}})|\s{{2,}}{_PAGE_REF})"
)
# A2  RIVERSIDE COMMUNITY WEEKLY  民生: a page code, the paper's Latin name, a section word
_LATIN_RUNNING_HEADER = re.compile(
    r"(?:[A-H]\d{1,2}\s+)?[A-Za-z][A-Za-z &'.\-]{2,40}(?:\s+[A-H]\d{1,2})?(?:\s+[\u4e00-\u9fff]{1,6})?"
)
# 滨江社区报 第3版 民生: a running page header, the page number between short words
_RUNNING_HEADER = re.compile(
    r"(?:\S{1,12}\s+)?第\s*[0-9一二三四五六七八九十]{1,3}\s*版(?:\s+\S{1,12}){0,2}|\S{1,12}\s+第\s*[0-9]{1,3}\s*版"
)
_EDITOR = re.compile(
    r"(?:本版)?(?:责任编辑|责编|编辑|美术编辑|美编|校对|审校|审核|排版|版式设计|版式|版面设计|组版|值班编辑|执行编辑)"
    r"\s*[:\uff1a\s]"
)
_SENTENCE_MARKS = re.compile(r"[。,;!?\uff0c\uff1b\uff01\uff1f]")


def is_publisher_line(text: str) -> bool:
    """True for a publisher line: ``××街道党工委、办事处 主办``."""
    return (
        len(text) <= 40
        and text.endswith(_PUBLISHER_ENDS)
        and _SENTENCE_MARKS.search(text) is None
        and _PUBLISHER.fullmatch(text) is not None
    )


def is_slash_slogan(text: str) -> bool:
    """True for a slogan spelt out between slashes: ``幸 / 福 / 社 / 区``."""
    return (
        len(text) <= 40
        and ("/" in text or "|" in text or "·" in text or "•" in text)  # what _SLASH_SLOGAN needs
        and _SLASH_SLOGAN.fullmatch(text) is not None
    )


def is_masthead_line(text: str) -> bool:
    """True for a masthead / page-header line: issue number, printed date, publisher fields."""
    if len(text) > FURNITURE_MAX_CHARS or "。" in text:
        return False
    if _MASTHEAD_FIELD.match(text) is not None:
        return True
    if len(text) > 40 or _SENTENCE_MARKS.search(text) is not None:
        return False
    if is_publisher_line(text) or is_slash_slogan(text):
        return True
    if "期" in text and _ISSUE_NUMBER.search(text) is not None:
        return True
    if not ("年" in text or "." in text or "/" in text or "-" in text):  # one is in every DATE
        return False
    date = DATE.search(text)
    if date is None:
        return False
    rest = (text[: date.start()] + text[date.end() :]).strip()
    return not rest or _WEEKDAY.search(rest) is not None or len(rest) <= 12


def is_qr_blurb(text: str) -> bool:
    """True for a QR-code blurb: ``扫码关注“外滩街道”微信公众号``."""
    if len(text) > 40:
        return False
    if _QR_START.match(text) is not None and ("码" in text or "关注" in text):
        return True
    if len(text) > 30 or not ("码" in text or "号" in text or "微" in text):  # one is in every _QR_WORD
        return False
    word = _QR_WORD.search(text)
    return (
        word is not None
        and not text.endswith("。")
        and not (word.start() > 0 and text[word.start() - 1] in '“「"')
    )  # (安全帽上的“二维码”: a title naming the code, in quotes)


def _has_page_code(text: str) -> bool:
    """True when a Latin header line names its page (``A2``) at its start or end."""
    words = text.split()
    return any(
        len(w) <= 3 and w[:1] in "ABCDEFGH" and w[1:].isdigit() and w[1:] != "" for w in (words[0], words[-1])
    )


def is_page_header(text: str) -> bool:
    """True for a line that starts a new page: ``第2版``, ``A2``, ``- 2 -``, a running header with a date."""
    if len(text) > 40:
        return False
    return (
        _PAGE.fullmatch(text) is not None
        or ("版" in text and _RUNNING_HEADER.fullmatch(text) is not None)
        or is_masthead_line(text)
        or is_pipe_running_header(text)
    )


def is_layout_word(text: str) -> bool:
    """True for page furniture: ``HEADLINE``, ``第2版``, ``责任编辑:X``, ``(下转第2版)``."""
    if len(text) > 40:
        return False
    if _LATIN_WORDS.fullmatch(text) is not None or _PAGE.fullmatch(text) is not None:
        return True
    if "版" in text and _RUNNING_HEADER.fullmatch(text) is not None and _SENTENCE_MARKS.search(text) is None:
        return True
    if text[:1].isascii() and _LATIN_RUNNING_HEADER.fullmatch(text) is not None and _has_page_code(text):
        return True
    if (text[-1:].isdigit() or text.endswith("版")) and "。" not in text:  # what _CONTENTS_ENTRY needs
        return (
            _CONTENTS_ENTRY.fullmatch(text) is not None
            or _EDITOR.match(text) is not None
            or is_jump_marker(text)
        )
    if _EDITOR.match(text) is not None:
        return True
    return is_jump_marker(text)


_RULE = re.compile(r"([*\-=_~#+·.—━─═＝－＊※])\1{2,}")


def is_rule_line(text: str) -> bool:
    """True for a printed rule: one symbol repeated (``****``, ``---``, ``━━━━``, ``＝＝＝``)."""
    return len(text) >= 3 and text[0] == text[-1] and _RULE.fullmatch(text) is not None


def furniture_kind(text: str) -> LeftoverKind | None:
    """The leftover kind of a furniture line, or None when ``text`` is not furniture."""
    if len(text) > FURNITURE_MAX_CHARS:
        return None
    if is_qr_blurb(text):
        return LeftoverKind.QR_CODE
    if is_masthead_line(text):
        return LeftoverKind.MASTHEAD
    if is_layout_word(text) or is_pipe_running_header(text):  # P4 | COMMUNITY NEWS | May 8, 2024
        return LeftoverKind.LAYOUT
    return None


def masthead_title(text: str) -> str | None:
    """The publication title printed before the issue number/date on a masthead line."""
    cut = len(text)
    for pattern in (_ISSUE_NUMBER, DATE, _WEEKDAY):
        match = pattern.search(text)
        if match is not None:
            cut = min(cut, match.start())
    title = text[:cut].strip(" \t\u3000·|/-—–,\uff0c")
    if not title or len(title) > 20 or _MASTHEAD_FIELD.match(title) is not None:
        return None
    return title


def is_bare_date(text: str) -> bool:
    """True for a line that is only a date (``2023年5月19日``): a notice's or letter's, or a masthead's."""
    return len(text) <= 24 and DATE.fullmatch(text.strip()) is not None


def masthead_date(text: str) -> str | None:
    """The printed date on a masthead line, as printed, or None."""
    match = DATE.search(text)
    return match.group() if match is not None else None
