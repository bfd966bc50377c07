"""Line rules for lines complete of their own kind: contact and notice fields, weather and
almanac boxes, index entries, advertisements; and datelines without brackets.

Such a line ends without a full stop yet is finished: ``咨询电话:021-12345678`` closes the
article above it, ``宜:出行 祭祀 会友`` is a box's leftover, ``A1 梅园街道…`` an entry of the
issue's contents.  They are never half of a cut sentence nor a heading (:mod:`.standalone`
re-tags them).  Like :mod:`.rules`, nothing here looks at neighbouring lines.
"""

from __future__ import annotations

import re

from reader.core.script import fold
from reader.core.segment.drawn_tables import is_drawn_row
from reader.core.segment.furniture import is_qr_blurb
from reader.core.segment.rules import is_complete, is_contents_label

# Lines longer than this are never a field, a box line or an index entry.
STANDALONE_MAX_CHARS = 60
BOX_MAX_CHARS = 30  # the longest line of a weather or almanac box
CLASSIFIED_MAX_CHARS = 80  # the longest line of a classified ad
# An index entry's title is at least this long (``B2 社区`` is a page header, not an entry).
ENTRY_TITLE_MIN_CHARS = 5

_SENTENCE_MARKS = re.compile(r"[。!?;\uff01\uff1f\uff1b]")
_ENUMERATOR = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[(\uff08][一二三四五六七八九十\d]{1,3}[)\uff09]|\d{1,2}[.、\uff0e])\s*"
)
# 咨询电话:021-…, 地址:梅园路88号, 电子邮箱:…, 联系人:张老师, 微信:…, 电话 021-12345678
_CONTACT = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:电话|热线|手机|传真|地址|邮箱|邮件|e-?mail|联系人|微信号?|qq|邮编)"
    r"(?:\s*[:\uff1a]\s*\S|\s+[\d+(\uff08a-z])",
    re.IGNORECASE,
)
# 请电:陈先生 (718) 555-2310, 简历请寄:hr@example.com, 有意者请电:(732) 555-2080: a label, then a telephone
# number or an e-mail address (an ad's closing line, the label naming no 电话 or 邮箱)
_CALL = re.compile(
    r"[\u4e00-\u9fff]{1,8}\s*[:\uff1a]\s*[^:\uff1a,\uff0c\u3001]{0,12}?"
    r"(?:[(\uff08]?\d{2,4}[)\uff09]?[\s-]?\d{3,4}(?:[\s-]?\d{4})?|[\w.+-]+@[\w-]+\.[a-z]{2,})",
    re.IGNORECASE,
)
# 截稿日期:2024年6月30日, 报名时间:…, 活动地点:…: a field of a notice
_NOTICE_FIELD = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:日期|时间|期限|地点)(?:\s*[:\uff1a]\s*\S|\s+[\d〇一二三四五六七八九十])"
)
_LABELLED_DATE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:截稿|截止|报名|活动|开放|办理|投稿|征集|举办|比赛|演出|展览|开奖)"
)
# A weather or almanac box: its label, and the lines of values under it.
_BOX_LABEL = re.compile(
    r"[【〖\[]?\s*(?:今日|明日|今天|明天|本周|近日|一周|未来三天)?\s*"
    r"(?:天气预报|天气|气象|农历|黄历|老黄历|万年历)\s*[】〗\]]?"
)
_BOX_VALUE = re.compile(
    r"℃|°\s*[cC]|摄氏度|[东南西北]{1,2}风|风力|\d\s*[-~～至到]\s*\d\s*级|空气质量|aqi|pm2\.?5|湿度|紫外线"
    r"|农历\S{0,6}(?:\s|$)|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年|^(?:宜|忌)\s*[:\uff1a\s]",
    re.IGNORECASE,
)
# Index entries: A1 梅园街道…, 第2版 梅园街道…, 梅园街道… 2版, B1 … / B2 …
_PAGE_CODE = r"(?:[A-H]\s?\d{1,2}|第\s*[0-9一二三四五六七八九十]{1,3}\s*版|\d{1,2}\s*版|P\.?\s*\d{1,3})"
_ENTRY_CODE_FIRST = re.compile(rf"{_PAGE_CODE}(?:\s*[:\uff1a|丨｜·]\s*|\s+)(?P<title>\S.*)")
_ENTRY_CODE_LAST = re.compile(rf"(?P<title>\S.*?)(?:\s*[→➝➔]\s*|\s+|\s*(?:[…⋯.·—-]{{2,}})\s*){_PAGE_CODE}")
_AD_LABEL = re.compile(
    r"[【〖\[(\uff08]?\s*(?:广\s*告|商业广告|分类广告|广告专版|ad|advertisement)\s*[】〗\])\uff09]?"
    r"(?:\s+(?:classifieds?|ads?|advertisements?))?",  # 分类广告 CLASSIFIEDS: a bilingual label
    re.I,
)
_AD_WORDS = re.compile(
    r"扫码|扫一扫|二维码|优惠|特价|折起|热线|预约|来电|垂询|加盟|招生|招聘|促销|包邮|免费咨询"
)
_MORE_CONTENTS_LABELS = frozenset({"本期目录", "今日导读", "本期提要", "今日要目", "本期内容", "本期要闻"})
# A paragraph opening with a dateline, bracketed or not: 本报讯 5月6日…, 据新华社电…, 中新网5月7日电…
_AGENCY = r"(?:新华社|中新社|中新网|人民网|央视网|新华网|央视新闻)"
_DATELINE_FIRST = frozenset("本据新中人央")
_BARE_DATELINE = re.compile(
    rf"本报(?:讯|消息|综合消息)|据{_AGENCY}[^,。\s]{{0,14}}?(?:电|讯|消息)"
    rf"|{_AGENCY}(?:[^,。\s\d]{{0,6}}\d{{1,2}}月\d{{1,2}}日电|消息)"
)


def _short(text: str) -> bool:
    return 0 < len(text) <= STANDALONE_MAX_CHARS and _SENTENCE_MARKS.search(text) is None


# Cheap first tests (most lines are none of these kinds): a character every match holds.
_CONTACT_HINT = re.compile(r"[话线机真址箱件人信编qQlL]")
_CALL_HINT = re.compile(r"[:\uff1a]")
_BOX_HINT = re.compile(r"[℃°度风级质湿紫历年宜忌iIpP]")
_ENTRY_FIRST = frozenset("ABCDEFGHP第0123456789")
_ENTRY_LAST = frozenset("0123456789版")


def _unnumbered(text: str) -> str:
    match = _ENUMERATOR.match(text)
    return text if match is None else text[match.end() :]


def is_contact_line(text: str) -> bool:
    """True for a contact line: ``咨询电话:021-12345678``, ``地址:梅园路88号``, ``1.电子邮箱:…``,
    ``请电:陈先生 (718) 555-2310`` (a number or an e-mail address after a short label)."""
    if len(text) > STANDALONE_MAX_CHARS:
        return False
    if _CONTACT_HINT.search(text, 0, 16) is not None and _CONTACT.match(_unnumbered(text)) is not None:
        return _short(text)
    return (
        _CALL_HINT.search(text, 0, 10) is not None
        and _CALL.match(_unnumbered(text)) is not None
        and _short(text)
    )


def is_notice_field(text: str) -> bool:
    """True for a field of a notice: ``截稿日期:2024年6月30日``, ``活动地点:社区广场``."""
    return (
        len(text) <= STANDALONE_MAX_CHARS
        and ("日期" in text or "时间" in text or "期限" in text or "地点" in text)
        and _NOTICE_FIELD.match(_unnumbered(text)) is not None
        and _short(text)
    )


def is_labelled_date(text: str) -> bool:
    """True for a notice's date under a label (``截稿日期:2024年6月30日``): never the issue's date."""
    return is_notice_field(text) and _LABELLED_DATE.match(_unnumbered(text)) is not None


def is_box_label(text: str) -> bool:
    """True for the label of a weather or almanac box: ``今日天气``, ``天气预报``, ``今日农历``."""
    return (
        len(text) <= 12
        and ("天气" in text or "历" in text or "气象" in text)
        and _BOX_LABEL.fullmatch(text) is not None
    )


def is_box_value(text: str) -> bool:
    """True for a line of a weather or almanac box: ``多云转晴 18℃~27℃``, ``宜:出行``, ``甲辰年 三月三十``."""
    return (
        len(text) <= BOX_MAX_CHARS
        and _BOX_HINT.search(text) is not None
        and "," not in text
        and "\uff0c" not in text
        and _BOX_VALUE.search(text) is not None
        and _short(text)
    )


def is_index_entry(text: str) -> bool:
    """True for an entry of the issue's contents: ``A1 梅园街道…``, ``梅园街道… 2版``, ``第2版 …``."""
    if not text or (text[0] not in _ENTRY_FIRST and text[-1] not in _ENTRY_LAST) or not _short(text):
        return False
    match = _ENTRY_CODE_FIRST.fullmatch(text) or _ENTRY_CODE_LAST.fullmatch(text)
    return match is not None and len(match.group("title")) >= ENTRY_TITLE_MIN_CHARS


def is_index_label(text: str) -> bool:
    """True for the label over the issue's contents: ``本期导读``, ``本期目录``, ``目录``."""
    return is_contents_label(text) or text.strip("【】〖〗[] ") in _MORE_CONTENTS_LABELS


def is_ad_label(text: str) -> bool:
    """True for the label over an advertisement: ``广告``, ``【广告】``."""
    return len(text) <= 16 and _AD_LABEL.fullmatch(text) is not None


def is_ad_line(text: str) -> bool:
    """True for a line only an advertisement prints: a contact, a QR prompt, an offer."""
    return is_contact_line(text) or (
        _short(text) and (is_qr_blurb(text) or _AD_WORDS.search(text) is not None)
    )


# A telephone number: (718)555-0123, 0574-65581234, 6221-8899, 13812345678.
_PHONE = re.compile(r"(?:\(\d{3,4}\)|\d{3,4}-)\s?\d{3,4}-?\d{4}|(?<!\d)1[3-9]\d{9}(?!\d)")


def is_classified(text: str) -> bool:
    """True for a classified ad's line: short, with a telephone number (``…电话:(718)555-0101``)."""
    return len(text) <= CLASSIFIED_MAX_CHARS and _PHONE.search(text) is not None


def is_standalone_line(text: str) -> bool:
    """True for a line finished by its kind though it ends without a full stop (never half a sentence)."""
    return (
        is_contact_line(text)
        or is_notice_field(text)
        or is_box_label(text)
        or is_box_value(text)
        or is_index_entry(text)
    )


def opens_with_any_dateline(text: str) -> bool:
    """True for a paragraph opening with a dateline without brackets: ``本报讯 5月6日…``, ``据新华社电``."""
    return text[:1] in _DATELINE_FIRST and _BARE_DATELINE.match(text) is not None


# How a contact's value ends when it is whole: a number, an address's 号/室/楼, an e-mail or an ID.
_VALUE_END = re.compile(r"[0-9A-Za-z号室楼层)\uff09]$")
# A printed line going on with a number, an e-mail or an ID the line above cut.
_VALUE_GOES_ON = re.compile(r"[0-9A-Za-z@._\-]")


def splits_field(above: str, below: str) -> bool:
    """True when a wrapped paragraph does not go on from printed line ``above`` to ``below``.

    A contact or notice field under a finished sentence opens a line of its own, and a
    contact whose value ends whole (``…021-12345678``, ``…88号``), alone or as the last clause
    of its line (``…恕不另行通知。服务热线：95598``), is not continued (unless the line below
    goes on with its digits or letters).
    """
    if (is_contact_line(below) or is_notice_field(below)) and is_complete(above):
        return True
    if _VALUE_END.search(above) is None or _VALUE_GOES_ON.match(below) is not None:
        return False
    cut = max(above.rfind("。"), above.rfind("！"), above.rfind("？"))  # …恕不另行通知。服务热线：95598
    return is_contact_line(above[cut + 1 :].strip())


# 宣 召……………………主 席: a programme's item, a dot leader between it and who leads it
_LEADER_ROW = re.compile(r"\S\s*(?:[…⋯]{2,}|\.{4,}|·{4,})\s*\S")
_WIDE_GAP = re.compile(r"\u3000{2,}|[ \t]{4,}")
_AMOUNT = re.compile(r"[-−]?\d[\d,，]*(?:\.\d+)?\s*(?:元|万元)?")
CELL_ROW_MAX_CHARS = 40


def is_cell_row(text: str) -> bool:
    """True for a table's row set with a dot leader (``宣 召……………主 席``) or an account's line and its
    amount parted by a wide gap (``一、上季结余　　　　　　186,420.50``)."""
    if len(text) > CELL_ROW_MAX_CHARS:
        return False
    leader = "…" in text or "⋯" in text or "...." in text or "····" in text
    if not leader and "\u3000\u3000" not in text and "    " not in text:  # (most lines: neither)
        return False
    if _SENTENCE_MARKS.search(text) is not None:
        return False
    if leader and _LEADER_ROW.search(text) is not None:
        return not _ENTRY_CODE_LAST.fullmatch(text)  # (要闻……2版: an index entry)
    gap = _WIDE_GAP.search(text)
    return gap is not None and _AMOUNT.fullmatch(text[gap.end() :].strip()) is not None


def never_joins(text: str) -> bool:
    """True for a printed line that is never part of a wrapped paragraph: a box line, an index entry, a
    table's row with a leader or an amount, a table's row drawn with rules (``| 1 | 港务FC | 19 |``)."""
    return (
        is_box_label(text)
        or is_box_value(text)
        or is_index_entry(text)
        or is_cell_row(text)
        or is_drawn_row(text)
    )


def closes_item(text: str) -> bool:
    """True for a line that ends an item of its own: a contact line or a notice's field, in either script."""
    if len(text) > STANDALONE_MAX_CHARS + 8:  # (both are short: a paragraph's last line is no field)
        return False
    folded = fold(text.strip())
    return is_contact_line(folded) or is_notice_field(folded)
