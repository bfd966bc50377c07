"""Sign-off lines by their text alone: an issuer with the date, a formula closing a letter or notice.

``宁海县第二中学　2026年11月23日``, ``读者　李志伟　上``, ``黄氏家属　敬谢``, ``陈府家属　同叩``,
``同泣告``: short lines, no sentence, that only ever close an item.  Where they stand decides the rest
(:mod:`.closing_lines`, and :mod:`.reflow`, which never makes one the tail of the paragraph above).
"""

from __future__ import annotations

import re

# A closing line (and a line a sign-off lists) is no longer than this.
CLOSING_MAX_CHARS = 30

_SENTENCE_MARKS = re.compile(r"[。!?;,，！？；：:]")
_HAN_NUMBER = "〇零○一二三四五六七八九十"
_DATE = (
    rf"(?:\d{{4}}|[{_HAN_NUMBER}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_HAN_NUMBER}]{{1,3}})\s*月"
    rf"\s*(?:\d{{1,2}}|[{_HAN_NUMBER}]{{1,3}})\s*日"
)
# The issuer (a few words) and a whole date closing the line: 宁海县第二中学　2026年11月23日.
_ISSUER_DATE = re.compile(
    rf"(?P<issuer>[\u3400-\u9fff（）()·\w]{{2,20}}(?:\s+[\u3400-\u9fff\w]{{1,12}}){{0,2}})\s*{_DATE}"
)
# Words a page's header or the masthead prints by a date: that line is the page's, no item's.
_PAGE_WORDS = re.compile(r"版|星期|周[一二三四五六日天]|期|农历|总第")
# Sign-off formulas, the last word of the line: 读者 李志伟 上, 黄氏家属 敬谢, 同泣告, 某公司 谨启.
_FORMULA_WORDS = frozenset(
    {"上", "敬上", "谨上", "拜上", "启", "敬启", "谨启", "谨白", "敬白", "泣告", "同泣告", "泣启", "泣谢"}
    | {"同泣启", "仝泣启"}  # 孙男女等　同泣启 under a 讣闻
    | {"敬谢", "谨谢", "叩谢", "同叩谢", "鞠躬", "同鞠躬", "顿首", "仝泣告", "哀告", "谨告"}
    | {"同叩", "仝叩", "敬叩", "谨叩", "拜谢", "同拜谢"}  # 陈府家属　同叩 under a 鸣谢
    | {"敬悼", "同敬悼", "泣悼", "谨悼"}  # 妻　梁玉莲　率子孙　敬悼 under a 周年纪念
)
# … and those that may stand alone on the line (a lone 上 or 启 is no sign-off).
_LONE_FORMULAS = frozenset({"泣告", "同泣告", "仝泣告", "泣启", "敬谢", "谨谢", "叩谢", "同叩谢", "哀告"})
_FORMULA_ENDS = frozenset(word[-1] for word in _FORMULA_WORDS)
# 本隊全體隊員敬謝, 全体员工谨启: a body of signers and the formula in one word (qaseg32's class 5).
_GLUED_SIGNERS = re.compile(
    r"[\u3400-\u9fff]{0,12}?(?:全体[\u3400-\u9fff]{1,6}|家属|全家|同仁|队员|会员|员工|职工|师生)"
)
_GLUED_FORMULAS = ("敬谢", "谨谢", "叩谢", "拜谢", "同叩谢", "鞠躬", "同鞠躬", "谨启", "敬启", "同叩", "泣告")
_SPLIT = re.compile(r"[ \t\u3000]+")


_HEAD_NUMBER = "〇零一二三四五六七八九十百两\\d"
# The kinds of notice a heading names, read in simplified Han (the rules' script).
_NOTICE_HEAD = re.compile(
    r"(?:讣告|讣闻|讣文|哀启|谢启|谢讣|谢帖|鸣谢|哀谢|追思|追悼|悼念|怀念|敬悼|周年纪念|周年祭|感谢启事)"
    rf"|(?:逝世)?[{_HEAD_NUMBER}]{{1,3}}周年(?:纪念|祭|追思|忌辰)?"
    r"|(?:讣告|谢启)[·．.、]?(?:讣告|谢启)"
)
_HEAD_SPACES = re.compile(r"[ \t\u3000]+")
# A notice heading has no more than this many characters once its spaces are taken out.
NOTICE_HEAD_MAX_CHARS = 8


def is_notice_head(text: str) -> bool:
    """True for a notice's heading: ``讣　告``, ``谢启``, ``周年纪念``, ``逝世十周年`` (spaces allowed)."""
    compact = _HEAD_SPACES.sub("", text)
    return len(compact) <= NOTICE_HEAD_MAX_CHARS and _NOTICE_HEAD.fullmatch(compact) is not None


def closing_short(text: str) -> bool:
    """True for a line short enough to close an item, with no sentence in it."""
    return len(text) <= CLOSING_MAX_CHARS and _SENTENCE_MARKS.search(text) is None


def is_issuer_date(text: str) -> bool:
    """True for an issuer's line with its date: ``宁海县第二中学　2026年11月23日`` (not a page header)."""
    return (
        text.endswith("日")
        and closing_short(text)
        and _PAGE_WORDS.search(text) is None
        and _ISSUER_DATE.fullmatch(text) is not None
    )


def _glued_sign_off(word: str) -> list[str] | None:
    formula = next((f for f in _GLUED_FORMULAS if word.endswith(f)), None)
    if formula is None or _GLUED_SIGNERS.fullmatch(word[: -len(formula)]) is None:
        return None
    return [word[: -len(formula)], formula]


def ends_with_formula(text: str) -> bool:
    """True for a line whose last word, set apart, is a sign-off formula: ``…恕报不周。孝子　李志明　敬告``
    (a word of two characters or more: a lone 上 or 启 may end anything)."""
    words = _SPLIT.split(text.strip())
    return len(words) > 1 and words[-1] in _FORMULA_WORDS and len(words[-1]) > 1


def sign_off_words(text: str) -> list[str] | None:
    """The words of a sign-off line (``读者　李志伟　上`` → 读者, 李志伟, 上), or None for another line."""
    if text[-1:] not in _FORMULA_ENDS or not closing_short(text) or is_notice_head(text):
        return None  # 谢　启 heads a notice: no one's 启
    words = _SPLIT.split(text.strip())
    last = words[-1]
    if len(words) == 1:
        return words if last in _LONE_FORMULAS else _glued_sign_off(last)
    if last not in _FORMULA_WORDS or not all(re.fullmatch(r"[\u3400-\u9fff·、]{1,14}", w) for w in words):
        return None
    return words
