"""Line rules: small predicates on the stripped text of one line.

Nothing here looks at neighbouring lines; context (gaps, what comes before
and after) is weighed in :mod:`repair` and :mod:`articles`.  Both half- and
full-width punctuation is accepted everywhere, since OCR mixes them.
"""

from __future__ import annotations

import re

from reader.core.segment.byline import opens_with_dateline

# -- character classes ---------------------------------------------------------
SENTENCE_STOPS = frozenset("。!?…;.\uff01\uff1f\uff1b\uff0e")
CLOSING_MARKS = "”’」』)\uff09》〉]】\"'"
# A paragraph line ending in one of these is complete (not cut by a break).
_COMPLETE_ENDS = frozenset("。!?….;:”’」』)\uff01\uff1f\uff1b\uff1a\uff09\uff0e")
_QUOTE_CLOSERS = frozenset("”’」』")
_TITLE_MARKS = frozenset("!?\uff01\uff1f")
# A heading never ends in these: they leave a clause open.
_CLAUSE_ENDS = frozenset(",、;:\uff0c\uff1b\uff1a")
# A title does not end in these function words; a line cut mid-sentence often does.
_DANGLING_ENDS = frozenset("的")
_COMMAS = (",", "\uff0c")
_PAIRS = (("“", "”"), ("《", "》"), ("(", ")"), ("\uff08", "\uff09"), ("「", "」"), ("『", "』"))
_PAIR_MARKS = re.compile("[" + re.escape("".join(left + right for left, right in _PAIRS)) + "]")
# First characters that cannot open a paragraph: the line continues a cut sentence.
_CONTINUATION_FIRST = frozenset(",、。.;:”’」』)》!?…\uff0c\uff1b\uff1a\uff09\uff01\uff1f")
_SHORT_CLAUSE_MARKS = frozenset("、,\uff0c;\uff1b")
OPEN_PARENS = "(\uff08"
CLOSE_PARENS = ")\uff09"
_NUMERALS = frozenset("0123456789一二三四五六七八九十")

HEADING_MAX_CHARS = 36
EXCLAIMED_TITLE_MAX_CHARS = 20
SECTION_LABEL_MAX_CHARS = 6  # inside the brackets
SUBTITLE_MAX_CHARS = 48
SUBHEADING_MAX_CHARS = 30
SOURCE_MAX_CHARS = 24
CAPTION_MAX_CHARS = 100

_INNER_STOP = re.compile(r"[。;\uff1b]")
_SUBTITLE = re.compile(r"(?:——|──|--|－－|—|―)\s*\S")
_SUBHEADING_MARK = re.compile(r"[●◆■★◎○◇►▶•◉▪◼]\s*\S")
_CAPTION_MARK = re.compile(r"(?:▲|△|图为|图[:\uff1a]|图注|上图|下图|左图|右图|[(\uff08]图[)\uff09])")
# A photographer's credit closing a caption: ``…活动现场 (张三 摄)``, ``…居民合影 李四摄``.
_CREDIT_END = re.compile(r"(?:\s|[(\uff08])[^\s()\uff08\uff09]{0,8}\s*摄(?:影)?[)\uff09]?")
_ITEM_TITLE = re.compile(r"[^\s|丨｜]{1,12}\s*[|丨｜]\s*\S")
_SECTION_BRACKETS = re.compile(r"[【〖\[]\s*[^【】〖〗\[\]]{1,12}\s*[】〗\]]")
_ENUMERATED = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[(\uff08][一二三四五六七八九十\d]{1,3}[)\uff09]|\d{1,2}[.、\uff0e])"
)
_SOURCE_CONTENT_BAD = re.compile(r"[。,;!?()\uff0c\uff1b\uff01\uff1f\uff08\uff09\n]")
_NUMBER_ONLY = re.compile(r"[一二三四五六七八九十百\d\s]+")  # (一), (2): enumerators
_HAS_WORD = re.compile(r"[\u3400-\u9fffA-Za-z]")
_ARTICLE_OPENER = re.compile(
    r"(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日"
    r"|(?:近日|日前|近期|近来|本月|上月|今年以来|今年|昨天|昨日|今天|为了|为进一步|为切实|为深入|为全面|为庆祝|为纪念|为迎接)"
)
# What an attribution ends with: the name of an office, a paper, a centre.
ORG_SUFFIXES = (
    "办",
    "室",
    "中心",
    "委",
    "会",
    "站",
    "报",
    "社",
    "组",
    "部",
    "所",
    "局",
    "院",
    "处",
    "科",
    "队",
    "家园",
    "网",
    "台",
    "馆",
    "团",
    "集团",
)
_JUMP_OUT = "下转|转第|转下|下接"  # the rest of the article is elsewhere
_JUMP_IN = "上接|接第|续第|接上"  # what follows is the rest of an article begun elsewhere
_JUMP = re.compile(rf"[(\uff08]?\s*(?:{_JUMP_OUT}|{_JUMP_IN})\s*\S{{0,12}}[)\uff09]?")

# Labels that open a group of short items rather than a single article.
PHOTO_SECTION_LABELS = frozenset(
    {"图片新闻", "新闻图片", "图片报道", "图说新闻", "图说", "新闻图说", "摄影报道"}
)
SECTION_LABELS = (
    PHOTO_SECTION_LABELS
    | frozenset({"动态", "社区动态", "简讯速递"})
    | frozenset(
        {
            "简讯",
            "新闻简讯",
            "社区简讯",
            "短讯",
            "快讯",
            "新闻速递",
            "要闻",
            "一周要闻",
            "综合新闻",
            "本期导读",
        }
    )
)


# -- punctuation shape -----------------------------------------------------------
def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes skipped)."""
    core = text.rstrip(CLOSING_MARKS)
    return bool(core) and core[-1] in SENTENCE_STOPS


def is_complete(text: str) -> bool:
    """True when a paragraph line ends like a finished paragraph (。!?…;: or a closer)."""
    return bool(text) and (text[-1] in _COMPLETE_ENDS or is_list_entry(text))


def ends_with_bare_closer(text: str) -> bool:
    """True when ``text`` ends with a closing quote that no sentence stop precedes (``…“初心”``)."""
    return len(text) > 1 and text[-1] in _QUOTE_CLOSERS and text[-2] not in SENTENCE_STOPS


def is_balanced(text: str) -> bool:
    """True when every opening quote/bracket in ``text`` is closed (and vice versa)."""
    if _PAIR_MARKS.search(text) is None:  # none at all (most lines): one pass instead of twelve
        return True
    return all(text.count(left) == text.count(right) for left, right in _PAIRS)


def continuation_start(text: str) -> bool:
    """True when ``text`` starts the way only the second half of a cut sentence does.

    It opens with punctuation that closes or continues a clause (``,`` ``。`` ``”``),
    or with one character and then ``、`` or a comma (``学、带着…``, ``绍,随后``)
    that is not an enumeration.
    """
    if not text:
        return False
    if text[0] in _CONTINUATION_FIRST:
        return True
    return len(text) > 1 and text[1] in _SHORT_CLAUSE_MARKS and text[0] not in _NUMERALS


# A date or time word in a lead's first clause: 运输署宣布,由6月1日起…; 街道近日向居民发出…
_LEAD_TIME = re.compile(
    r"\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
    r"|近日|日前|近期|昨天|昨日|今天|今日|本周|上周|本月|上月|今年以来|年初|月初|月底|前不久"
)
_FIRST_CLAUSE = re.compile(r"[^。!?;\uff01\uff1f\uff1b]{1,40}")


def leads_like_news(text: str) -> bool:
    """True when the first clause of ``text`` says when (``运输署宣布,由6月1日起…``): a news lead."""
    clause = _FIRST_CLAUSE.match(text)
    return clause is not None and _LEAD_TIME.search(clause.group()) is not None


_EDITORS_NOTE = re.compile(r"(?:编者按|编者的话|编前语|编者注|编者)\s*[:\uff1a]")


def is_editors_note(text: str) -> bool:
    """True for an editor's note (``编者按:…``): it goes with the article after it."""
    return text[:1] == "编" and _EDITORS_NOTE.match(text) is not None


def opens_article(text: str) -> bool:
    """True when ``text`` opens the way a news article's first paragraph does.

    A date (``5月7日,``), ``近日`` / ``日前``, a purpose clause (``为了…``) or a
    dateline (``本报讯(记者 张三)``): such a line does not continue a sentence
    cut by a break.
    """
    return _ARTICLE_OPENER.match(text) is not None or opens_with_dateline(text)


# -- headings --------------------------------------------------------------------
def is_heading_like(text: str) -> bool:
    """True for a short line that could be a heading: no sentence punctuation at its end.

    A kicker may hold one comma (``坚持以职工为中心,竭诚服务职工群众``), so the
    test is "short, balanced, not ending like a sentence or an open clause".
    """
    if not text or len(text) > HEADING_MAX_CHARS:
        return False
    if text[-1] in _CLAUSE_ENDS or text[-1] in _DANGLING_ENDS:
        return False
    if ends_sentence(text) and not is_exclaimed_title(text):
        return False
    if _INNER_STOP.search(text) is not None:
        return False
    if text.count(",") + text.count("\uff0c") > 1:  # _COMMAS
        return False
    if is_speech_turn(text) or is_list_entry(text):
        return False
    return is_balanced(text)


# 记者:… 问:… 答:…: a turn of an interview, never a heading however it ends
_SPEECH_TURN = re.compile(r"(?:问|答|记者|本报记者|主持人|嘉宾|编者按|编者|[QqAa])\s?[:\uff1a]")
# 优秀志愿者:刘德明、赵丽娟、黄文斌、吴静: a label and a list of four or more names or items, the whole line
_LIST_ENTRY = re.compile(
    r"[^:\uff1a。;\uff1b]{1,24}[:\uff1a]\s*(?:[^、,\uff0c。;\uff1b:\uff1a]{1,14}、){3,}[^、,\uff0c。;\uff1b:\uff1a]{1,14}"
)
# 征稿启事, 停水通知, 更正, 失物招领, 讣告, 社团消息: a notice's title, or a column of notices'
_NOTICE_TITLE = re.compile(
    r"(?:启事|通知|公告|通告|告示|声明|倡议书|公示|更正|勘误|讣告|讣闻|谢启|鸣谢|婚讯|招领|[\u3400-\u9fff]{2}消息)$"
)


def is_speech_turn(text: str) -> bool:
    """True for a turn of an interview: ``记者:您每天几点开始工作?``, ``问:…``, ``答:…``."""
    return ("\uff1a" in text[:6] or ":" in text[:6]) and _SPEECH_TURN.match(text) is not None


def is_list_entry(text: str) -> bool:
    """True for a label and a list after a colon, the whole line: ``优秀志愿者:刘德明、赵丽娟、黄文斌、吴静``.

    A line of a list of names or prizes: body text, finished without a full stop.
    """
    return text.count("、") >= 3 and _LIST_ENTRY.fullmatch(text) is not None


def is_notice_title(text: str) -> bool:
    """True for a notice's title: ``征稿启事``, ``停水通知``, ``公示``."""
    return len(text) <= HEADING_MAX_CHARS and _NOTICE_TITLE.search(text) is not None


def is_exclaimed_title(text: str) -> bool:
    """True for a short headline ending in ``!`` or ``?`` (``垃圾分类,我们在行动!``).

    Only a single short clause outside quotes: a quoted exclamation is speech.
    """
    return (
        len(text) <= EXCLAIMED_TITLE_MAX_CHARS
        and not is_speech_turn(text)
        and text[-1] in _TITLE_MARKS
        and text[-2:-1] not in _TITLE_MARKS
        and text[0] not in "“‘「"
        and not any(mark in text[:-1] for mark in _TITLE_MARKS)
    )


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


def opens_with_bullet(text: str) -> bool:
    """True for a line opening with a bullet mark (``■ 市博物馆特展…``, ``● …``): an item of a list."""
    return _SUBHEADING_MARK.match(text) is not None


def is_enumerated(text: str) -> bool:
    """True for a line opening with an enumerator (``一、`` ``(二)`` ``3.``)."""
    return _ENUMERATED.match(text) is not None


def is_item_title(text: str) -> bool:
    """True for a short item title of the form ``联洋二 | 感受红色文化``."""
    return (
        ("|" in text or "丨" in text or "｜" in text)  # what _ITEM_TITLE needs (a cheap first test)
        and _ITEM_TITLE.match(text) is not None
        and len(text) <= HEADING_MAX_CHARS
        and not ends_sentence(text)
    )


def is_section_label(text: str) -> bool:
    """True for a label opening a group of articles: ``【党政】``, ``图片新闻``."""
    if text in SECTION_LABELS:
        return True
    # A column's name is a word or two (【党政】, 【社区治理】); a longer bracketed line is a title
    # (【党员志愿服务队成立】).
    if text[:1] in "★☆" and text[-1:] == text[:1] and 2 <= len(text) - 2 <= SECTION_LABEL_MAX_CHARS:
        return True  # ★社区党建★
    return len(text) <= SECTION_LABEL_MAX_CHARS + 2 and _SECTION_BRACKETS.fullmatch(text) is not None


BRIEFS_SECTION_LABELS = frozenset(
    {"简讯", "新闻简讯", "社区简讯", "短讯", "快讯", "新闻速递", "简讯速递", "动态", "社区动态"}
)


def is_briefs_section(text: str) -> bool:
    """True for a section label announcing short items, each with a title line (``社区简讯``)."""
    return text.strip("【】〖〗[] ") in BRIEFS_SECTION_LABELS


CONTENTS_LABELS = frozenset({"本期导读", "导读", "本期要目", "要目", "目录", "本期看点"})


def is_contents_label(text: str) -> bool:
    """True for the label over the issue's contents (``本期导读``): page furniture, no article's section."""
    return text.strip("【】〖〗[] ") in CONTENTS_LABELS


def is_photo_section(text: str) -> bool:
    """True for a section label announcing photo news (``图片新闻``)."""
    return text.strip("【】〖〗[] ") in PHOTO_SECTION_LABELS


def is_marked_caption(text: str) -> bool:
    """True for a line marked as a photo caption (``▲``, ``图为…``, ``图:``, a closing ``(张三 摄)``)."""
    if len(text) > CAPTION_MAX_CHARS:
        return False
    if _CAPTION_MARK.match(text) is not None:
        return True
    if "摄" not in text:  # what _CREDIT_END needs (a cheap first test)
        return False
    credit = _CREDIT_END.search(text)
    return credit is not None and credit.end() == len(text) and credit.start() > 0


# (李四 摄), 摄影 李四, 摄影:李四 王五: a photo credit standing alone
_PHOTO_CREDIT = re.compile(
    r"[(\uff08]?\s*(?:(?:摄影|图片|图)(?:\s*[:\uff1a]\s*|\s+)[^\s()\uff08\uff09:\uff1a/]{2,8}(?:\s+[^\s()\uff08\uff09/]{2,8}){0,3}"
    r"|[^\s()\uff08\uff09:\uff1a/]{2,8}(?:\s+[^\s()\uff08\uff09/]{2,8}){0,3}\s*摄(?:影)?)\s*[)\uff09]?"
)


def is_photo_credit(text: str) -> bool:
    """True for a line that is only a photo credit: ``(李四 摄)``, ``摄影 李四``, ``摄影:李四 王五``."""
    return (
        len(text) <= 40
        and ("摄" in text or "图" in text)
        and _PHOTO_CREDIT.fullmatch(text) is not None
        and not ends_sentence(text.rstrip(")\uff09"))
    )


# -- sources -----------------------------------------------------------------------
def is_source_content(content: str) -> bool:
    """True when the inside of a parenthesis can be an attribution (``街道党群办``)."""
    return (
        0 < len(content) <= SOURCE_MAX_CHARS
        and _SOURCE_CONTENT_BAD.search(content) is None
        and _HAS_WORD.search(content) is not None
        and _JUMP.fullmatch(content) is None
        and _NUMBER_ONLY.fullmatch(content) is None
    )


def is_source_line(text: str) -> bool:
    """True for a line that is only an attribution: ``(街道党群办)`` or ``（…）``."""
    if len(text) < 3 or text[0] not in OPEN_PARENS or text[-1] not in CLOSE_PARENS:
        return False
    return is_source_content(text[1:-1].strip())


def split_trailing_source(text: str) -> int | None:
    """Index where an attribution closing a paragraph starts, or None.

    ``…表达对祖国的热爱。(新民晚报)`` gives the index of ``(``.  The attribution
    follows sentence-final punctuation, or names an office (``…发言,(街道党群办)``,
    ending in 办, 中心, 报…), so a parenthesis inside the sentence is not taken.
    """
    if len(text) < 4 or text[-1] not in CLOSE_PARENS:
        return None
    open_at = max(text.rfind("("), text.rfind("\uff08"))
    content = text[open_at + 1 : -1].strip()
    if open_at <= 0 or not is_source_content(content):
        return None
    before = text[:open_at].rstrip()
    if before and (ends_sentence(before) or content.endswith(ORG_SUFFIXES)):
        return open_at
    return None


def is_jump_marker(text: str) -> bool:
    """True for a continuation marker such as ``(下转第2版)``."""
    return (
        len(text) <= 20
        and ("转" in text or "接" in text or "续" in text)  # what _JUMP needs
        and _JUMP.fullmatch(text) is not None
    )


_CONTINUED_ON = re.compile(_JUMP_OUT)


def is_continued_elsewhere(text: str) -> bool:
    """True for a jump marker saying the article goes on elsewhere: ``(下转第2版)``, ``(转第3版)``."""
    return is_jump_marker(text) and _CONTINUED_ON.search(text) is not None


_JUMP_OUT_AT_END = re.compile(rf"[(\uff08]\s*(?:{_JUMP_OUT})[^()\uff08\uff09]{{0,12}}[)\uff09]\s*$")
_JUMP_IN_AT_START = re.compile(rf"[(\uff08]\s*(?:{_JUMP_IN})[^()\uff08\uff09]{{0,12}}[)\uff09]")


def ends_jumping_out(text: str) -> bool:
    """True for a paragraph ending with ``(下转第2版)``: its article goes on on another page."""
    return ("转" in text[-14:] or "接" in text[-14:]) and _JUMP_OUT_AT_END.search(text) is not None


def starts_jumping_in(text: str) -> bool:
    """True for a paragraph opening with ``(上接第1版)``: the rest of an article begun on another page."""
    return ("接" in text[:8] or "续" in text[:8]) and _JUMP_IN_AT_START.match(text) is not None


def is_continued_from(text: str) -> bool:
    """True for a jump marker saying what follows continues an article begun elsewhere: ``(上接第1版)``."""
    return is_jump_marker(text) and _CONTINUED_ON.search(text) is None
