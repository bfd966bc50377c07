"""Datelines without brackets: ``本报讯 记者从…获悉``, ``据新华社电 …``, ``新华社北京5月7日电 …``.

A paragraph opening with one is an article's first paragraph, as one opening
with ``本报讯(记者 张三)`` is (:func:`reader.core.segment.byline.opens_with_dateline`).
Without the brackets only a paper's or an agency's own dateline is taken, never
a sentence that happens to hold 电 or 讯 (``家里来电话说…``):

- the paper's: ``本报讯``, ``本报5月7日讯``, ``本报北京5月7日电``, ``本报综合消息``,
  ``本报综合报道``, ``本刊讯``;
- an agency's or a site's: a known name or one ending like one (``新华社``,
  ``中新网``, ``人民网``, ``央视网``, ``××日报``, ``××晚报``…), a place and a date
  or neither, then ``电`` / ``讯`` / ``专电`` / ``消息`` (``央视网消息:``,
  ``新华社北京5月7日电``, ``中新网5月7日电``); with ``据`` in front only ``电``
  (``据新华社电``), since ``据新华社报道,…`` goes on in the middle of articles.

Any separator may follow (a space, an ideographic space, a colon of either
width, a bracket) or nothing at all (``本报讯记者从…``), and the dateline may
stand in brackets itself (``【本报讯】``).  The rules read the text as
simplified Han, so ``本報訊``, ``據新華社電`` are recognised too.
"""

from __future__ import annotations

import re

_DATE = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
_AGENCY = (
    r"(?:新华社|中新社|中国新闻社|中新网|中国新闻网|人民网|新华网|央视网|央视新闻|央广网|光明网|澎湃新闻"
    r"|中国日报网|环球网|[\u4e00-\u9fff]{2,6}(?:日报|晚报|早报|商报|时报|新闻网|电视台|广播电台))"
)
_PLACE = r"[\u4e00-\u9fff]{0,8}?"
# The paper's own dateline: 本报讯, 本报5月7日讯, 本报北京5月7日电, 本报北京电 (a place), 本报综合消息
_PAPER = re.compile(
    rf"本(?:报|刊)(?:讯|综合消息|综合报道|消息|{_PLACE}{_DATE}(?:讯|电)|(?!记者)[\u4e00-\u9fff]{{2,4}}电)"
)
# An agency's: 新华社北京5月7日电, 中新网5月7日电, 央视网消息, 新华社电; 据 only before 电
_AGENCY_LINE = re.compile(rf"{_AGENCY}(?:{_PLACE}{_DATE})?(?:专电|电|讯|消息)")
_QUOTED_AGENCY = re.compile(rf"据{_AGENCY}(?:{_PLACE}{_DATE})?(?:专电|电)")
_CLOSING = re.compile(r"[】\]〗]")
# In brackets, any short source ending in 讯 or 电 is a dateline (【米兰讯】, 【本分署讯】,
# 【罗马5月7日电】), not a column's label (【简讯】, 【校园快讯】, 【社区资讯】).
# A byline alone in brackets opens an article as a dateline does (【记者 黄怡君】, 【本报记者 张三 通讯员
# 李四】); the space after the role tells it from a column's label (【记者手记】, 【通讯员来稿】).
_BRACKETED_BYLINE = re.compile(
    r"(?:本报|本刊)?(?:特约|见习|实习)?(?:记者|通讯员)[ 　]+[\u4e00-\u9fff]{2,4}"
    r"(?:[ 　、]+(?:(?:特约|见习|实习)?(?:记者|通讯员)[ 　]+)?[\u4e00-\u9fff]{2,4}){0,3}"
)
_BRACKETED_SOURCE = re.compile(
    rf"(?![\u4e00-\u9fff]*(?:简讯|快讯|资讯|喜讯|短讯|通讯|要讯|视讯|来电|热线电)$)[\u4e00-\u9fff]{{2,8}}(?:{_DATE})?(?:讯|电)"
)


def bare_dateline_end(text: str) -> int:
    """Where a dateline without brackets opening ``text`` ends (0 when there is none)."""
    first = text[:1]
    if first in "【[〖":  # 【本报讯】, [新华社北京5月7日电]
        close = _CLOSING.search(text, 1, 32)
        if close is None:
            return 0
        return close.end() if is_bracketed_source(text[1 : close.start()].strip()) else 0
    if first == "本":
        match = _PAPER.match(text)
    elif first == "据":
        match = _QUOTED_AGENCY.match(text)
    else:
        head = text[:30]
        if "电" not in head and "讯" not in head and "消息" not in head:  # what _AGENCY_LINE needs (cheap)
            return 0
        match = _AGENCY_LINE.match(text)
    return 0 if match is None else match.end()


def is_bracketed_source(inner: str) -> bool:
    """Whether what stands in brackets (``【…】``) is a dateline or a byline: a dateline the rules know
    (本报讯, 新华社北京5月7日电), a short source ending in 讯 or 电 (米兰讯, 本分署讯) or a byline alone
    (记者 黄怡君); not a column's label (简讯, 校园快讯, 记者手记)."""
    if not inner:
        return False
    if bare_dateline_end(inner) == len(inner):
        return True
    return _BRACKETED_SOURCE.fullmatch(inner) is not None or _BRACKETED_BYLINE.fullmatch(inner) is not None


def opens_with_bare_dateline(text: str) -> bool:
    """True for a paragraph opening with a dateline without brackets: ``本报讯 记者从市交通委获悉,…``."""
    return bare_dateline_end(text) > 0
