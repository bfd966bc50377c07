"""An item's closing line right over the next item's title: the end of the item, no kicker (qaseg31's
class 2).

A notices page, a newsletter or a 黑板报 closes an item with one short line and sets the next item's
title right under it, no blank line between:

- its contact or reference fields (``联络人：陈秀珍　电话：（八六）一三八……``, ``编号：二〇二六－〇八七``,
  ``刊登人：李先生　编号：……``);
- a signature after a dash (``——病人家属　孙立新``, also after the letter's last sentence on one line:
  ``在此向……表示衷心感谢！——牧民　额尔敦``), or the editors' (``本刊编辑部``);
- a closing exhortation (``发现火情请立即拨打一一九！``, ``祝各位会员生意兴隆，阖家安康！``) or salute
  (``向装卸三队的兄弟们致敬！``);
- the rows of the list the item announces, cells parted by wide gaps (``陈志伟　　Bazar Chen S.L.　　马德里``,
  qaseg30's class 2): no kicker is set that way.

Set over a title, such a line read as that title's kicker and moved to the next item (or, not ending
finished, as a cut paragraph that took the title and text under it).  Here it is made a finished
paragraph, the last of the item above, when that item's text ends finished right over it and a heading
(the next item's title) or the end follows it; :mod:`.next_titles` then opens the next article at the
heading under it, as it does after a contact line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.segment.classify import LineKind, TaggedLine
from reader.core.segment.whole_lines import is_contact_line

# A closing line is no longer than this.
TAIL_MAX_CHARS = 48
# A field a notice closes with: 联络人：…, 编号：…, 刊登人：…, 电话：… (two to five Han characters, a colon).
_FIELD = re.compile(r"[\u4e00-\u9fff]{1,5}[:\uff1a]\S")
_FIELD_LABELS = re.compile(  # (报名及查询：…, 报名咨询：…: a sign-up's and an enquiry's label together)
    r"(?:(?:报名|咨询|预约)(?:及|和|与|、)?)?"
    r"(?:联络人|联系人|编号|刊登人|登记人|启事人|电话|热线|手机|查询|邮箱|微信|咨询)[:\uff1a]"
)
_CELLS = re.compile(r"[\u3000\t]+| {2,}")
# ——病人家属　孙立新 (alone or after the letter's last sentence)
_SIGNED = re.compile(r"(?:.*[。！!？?…])?\s*(?:——|--|－－)\s*[^—\-－。！!？?，,]{2,20}")
_EDITORS = re.compile(r"(?:本刊|本报|本通讯|本会)?[\u4e00-\u9fff]{0,8}编辑部")
# 发现火情请立即拨打一一九！, 祝各位会员生意兴隆，阖家安康！: one sentence that asks or wishes
_EXHORTATION = re.compile(r"(?:祝|恭祝|敬祝|欢迎|敬请|请|望|希望)?[^。:\uff1a]*?[！!]")
# … or salutes (向装卸三队的兄弟们致敬！, 为他们点赞！)
_ASKS = re.compile(r"^(?:祝|恭祝|敬祝|欢迎|敬请)|请|^(?:向|为|给).{2,20}(?:致敬|致谢|点赞|喝彩|加油)[！!]$")
# 陈志伟　　Bazar Chen S.L.　　　　马德里　百货零售: a list's row, its cells parted by wide gaps
WIDE_GAP = re.compile(r"\u3000{2,}|[ \t]{2,}|\u3000[ \t]+|[ \t]+\u3000")
ROW_MIN_CELLS = 3
_WORD = re.compile(r"\w")
_NEXT = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBHEADING, LineKind.SUBTITLE, None)
_SKIPPED = (LineKind.FURNITURE,)


def _fields(text: str) -> bool:
    cells = [cell for cell in _CELLS.split(text) if cell]
    return all(_FIELD.match(cell) for cell in cells) and any(_FIELD_LABELS.match(cell) for cell in cells)


def is_listed_row(text: str) -> bool:
    """True for a row of a list, three cells or more parted by wide gaps (no kicker is set that way)."""
    cells = [cell for cell in WIDE_GAP.split(text.strip()) if _WORD.search(cell)]
    return len(cells) >= ROW_MIN_CELLS  # (＊　　＊　　＊: a break between stories, no row)


def is_closing_tail(text: str) -> bool:
    """True for a line that only ever closes an item (see the module), by its text alone."""
    text = text.strip()
    if not text or len(text) > TAIL_MAX_CHARS:
        return False
    if _fields(text) or is_contact_line(text):
        return True
    if _SIGNED.fullmatch(text) is not None or _EDITORS.fullmatch(text) is not None:
        return True
    return _EXHORTATION.fullmatch(text) is not None and _ASKS.search(text) is not None


def _next_kind(tagged: Sequence[TaggedLine], k: int) -> LineKind | None:
    while k < len(tagged) and tagged[k].kind in _SKIPPED:
        k += 1
    return tagged[k].kind if k < len(tagged) else None


def mark_closing_tails(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` with every closing line read as a heading, or as a cut paragraph's first line (see the
    module), made a finished paragraph."""
    for k in range(1, len(tagged)):
        line, above = tagged[k], tagged[k - 1]
        if (
            (line.kind is LineKind.HEADING or (line.kind is LineKind.PARAGRAPH and not line.complete))
            and above.kind is LineKind.PARAGRAPH
            and above.complete
            and (is_closing_tail(line.text) or is_listed_row(line.text))
            and _next_kind(tagged, k + 1) in _NEXT
        ):
            tagged[k] = line.with_kind(LineKind.PARAGRAPH)
    return tagged
