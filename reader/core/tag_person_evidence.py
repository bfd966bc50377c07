"""Whether the article treats a word as a person (tag suggestions, round 15).

jieba's dictionary tags many common words as names (农家乐, 许可证, 夏令营, 汤圆, 田埂), and its
tagger reads unknown words after a surname-like character as names (高高的, 龙舟队).  A person in
a news article is *treated* as one somewhere: they speak (王桂芝说), open a clause and act
(王桂芝送来了…), are given an age (今年78岁, 76岁的王桂芝), follow what they are (退休工人王桂芝,
党员王桂芝), or stand in a list of people (王桂芝、李秀英等).  A word the article only uses as a
thing (开起了农家乐, 办理许可证, 参加夏令营) is not suggested as a person on jieba's word alone
(:func:`treated_as_person`).  A word jieba's dictionary does not hold as a common one (freq < 20:
李秀英, 王桂芝) is a person on weaker evidence too: what the sentence does to or says of a person
(慰问了…, 给…送去, 说起…, …主任, …的儿子, 图为…, …(右一), an interview's …:, a notice's contact), never
a byline (记者 …, … 摄: a reporter is no tag) nor a word that ends like a team or a place (龙舟队).

The same evidence on both sides of three characters reads a name jieba cut in two (殷 + 卫东,
宁海 + 峰: :func:`framed_people`): what the person is before (安全员殷卫东, 82岁的龚德明) and what
a person does after (拿着, 说, 今年56岁, 老人), or a clause opened and a verb of saying after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, kind_by_suffix
from reader.core.tag_role_people import AFTER_NAME, ROLES


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying that follow a speaker, possibly after an adverb (笑着说, 也表示).
_SPEECH = _words(
    "说 表示 介绍 告诉 认为 称 坦言 回忆 感慨 提醒 强调 指出 透露 建议 讲 笑道 说道 谈到 提到 感叹 解释"
)
_SPEECH_STARTS = ("说", "表示")
_ADVERBS = _words("也 还 都 就 又 笑着 高兴地 激动地 动情地 自豪地 常 总 一直 正")
# Nouns of people a name follows (退休工人王桂芝, 村民李大山, 小朋友陈语桐), besides the roles.
_PERSON_NOUNS = _words(
    """
    居民 老人 村民 市民 党员 老党员 志愿者 阿姨 大爷 大妈 师傅 老师 同学 学生 工人 医生 护士 民警 社工 店主
    摊主 业主 家长 小朋友 退休 老兵 厨师 保洁员 队员 网格员 楼组长 选手 冠军 获奖者 作者 演员 读者 患者 孩子
    儿子 女儿 司机 助理 指挥 老伴 丈夫 妻子 母亲 父亲 爷爷 奶奶 外婆 孙子 孙女 教练 律师 法官 调解员 主持人
    负责人 创始人 传承人 青年
    """
)
_BEFORE = _PERSON_NOUNS | frozenset(ROLES)
# The last character of a noun for what a person is or does (学员, 住户, 主播, 教师, 店长, 绣娘, 叉车工).
_PERSON_NOUN_ENDS = frozenset("员工师长者生娘户主播手官警匠士姐哥嫂婆爷友客厨农医人家")
_NOUN_POS = ("n", "l", "i")  # jieba reads 三楼住户 as an idiom
_PREFIXES = ("岁的", "联系人")  # 76岁的戚国良; 联系人:屈晓丽
# Words a person opens a clause with besides verbs: a copula, prepositions of handling and place.
_SUBJECT_WORDS = _words("是 把 将 在 从 带 用 给 让 对 向 跟 和 与 同 就 也 还 都 又 正 已 曾 先 便 却 每")
# What follows a person's name and says it is one: an age, a form of address, a family.
_AFTER_PERSON = tuple(_words("今年 年近 年过 老人 阿姨 师傅 老师 大爷 同志 一家 夫妇 一行"))
_ACTING_POS = ("v", "i", "d", "p")  # a verb, an idiom, an adverb or a preposition of two characters
_NOT_LAST_POS = ("v", "f", "d", "u", "c", "r", "m", "q")  # 马骁 + 说, 毕业 + 前: no name's last character
_NOT_SURNAME_POS = ("p", "c", "u", "d", "r", "v")
_NO_NAME_START_POS = ("m", "f", "r")  # a number, a position or a pronoun of two characters (许多, 周围)
_PLURAL = frozenset("们")
_COMMON_GIVEN = 300  # dictionary frequency (as for a name after a role: 卫国)
_CLAUSE_OPENERS = frozenset('，,。;；:：!！?？、“”"（）()\n ')
_CLOSING = frozenset("，,。、等")
# Verbs whose object is a person (慰问了王桂芝, 邀请周振华), prepositions that bring one in before a verb
# (给李秀英送去: not 由 or 为, which bring in bodies and things: 由农家乐提供), what a caption puts
# before a person (图为王桂芝), titles after a name (王桂芝主任), and a family or deeds (王桂芝的儿子).
_TREATING = _words(
    "慰问 看望 探望 走访 采访 拜访 邀请 聘请 表彰 感谢 祝贺 照顾 陪伴 见到 找到 帮助 结对"
    " 说起 提起 谈起 像 名叫 叫 找"
)
_BRINGING = _words("给 向 替 帮 请 陪 跟 同 与 和 听")
# Before a name in a caption: 图为, 右一为 (not a byline: 记者 王桂芝, 张建国 摄 are no tags).
_CAPTION = re.compile(r"(图为|[左右中][一二三四五六七八九]?为)$")
_QUESTION = re.compile(r"(记者|问)[:：]")
_TITLES = tuple(r for r in ROLES if r not in ("代表", "委员", "专家"))
_AFTER_OBJECT = (
    *_TITLES,
    "家中",
    "家里",
    "被评",
    "被授予",
    "(右",
    "(左",
    "（右",
    "（左",
    "，女，",
    "，男，",
    ",女,",
    ",男,",
)
_FAMILY = tuple(
    _words("儿子 女儿 丈夫 妻子 老伴 爱人 母亲 父亲 儿媳 女婿 孙子 孙女 家 事迹 故事 带动 带领 帮助 倡议")
)
_PAST = _words("了 过")
_PERSON_TAGS = ("nr",)
_GROUP_ENDS = frozenset("队团组班会社站所室馆院校村镇区县路街厂店部局处")  # what a group or a place ends with
_RARE = 20  # dictionary frequency below which a word jieba calls a name is one (李秀英 3; 田埂 38, 夏令营 66)


@dataclass(frozen=True, slots=True)
class TokenIndex:
    """jieba's words of an article by where they start and end, and by word (built once per article)."""

    by_start: Mapping[int, Token]
    by_end: Mapping[int, Token]
    by_word: Mapping[str, Sequence[Token]]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> TokenIndex:
        by_word: dict[str, list[Token]] = {}
        for tok in tokens:
            by_word.setdefault(tok.word, []).append(tok)
        return cls({t.start: t for t in tokens}, {t.end: t for t in tokens}, by_word)


def treated_as_person(
    name: str,
    text: str,
    tokens: Sequence[Token],
    plausible: Callable[[str], bool],
    index: TokenIndex | None = None,
) -> bool:
    """Whether some occurrence of the word ``name`` among jieba's ``tokens`` of ``text`` reads as a
    person (see the module docstring); ``index``: the tokens' :class:`TokenIndex`, when built already."""
    index = index or TokenIndex.of(tokens)
    by_start, by_end = index.by_start, index.by_end
    for tok in index.by_word.get(name, ()):
        if (
            _speaks(tok.end, by_start)
            or _aged(text, tok.end)
            or _described(text, tok.start, by_end.get(tok.start))
        ):
            return True
        nxt = by_start.get(tok.end)
        opens = tok.start == 0 or text[tok.start - 1] in _CLAUSE_OPENERS
        if opens and nxt is not None and (nxt.pos.startswith("v") or nxt.word in _SUBJECT_WORDS):
            return True
        if _listed(tok, text, plausible, by_start, by_end) or _object_of(tok, text, by_start, by_end):
            return True
    return False


def _object_of(tok: Token, text: str, by_start: Mapping[int, Token], by_end: Mapping[int, Token]) -> bool:
    """A person the sentence acts on or names with a title, a family, a caption or an interview (慰问了
    王桂芝, 给李秀英送去, 王桂芝主任, 王桂芝的儿子, 图为王桂芝, 王桂芝(右一), 王桂芝:…): only for a word
    jieba's dictionary does not hold as a common one (走访农家乐, 给夏令营送去, 图为农家乐一角).  A byline
    (记者 王桂芝, 张建国 摄) is no evidence: the reporter is not what the article is about."""
    if segmenter.dictionary_frequency(tok.word) >= _RARE or tok.word[-1] in _GROUP_ENDS:
        return False  # 农家乐 (a common word); 龙舟队 (jieba's tagger read a team as a name)
    after = text[tok.end : tok.end + 4]
    if after.startswith(_AFTER_OBJECT) or (after[:1] == "的" and after[1:].startswith(_FAMILY)):
        return True
    before = text[max(0, tok.start - 6) : tok.start].rstrip(" 　")
    if _CAPTION.search(before) or _contact(text, tok):
        return True
    if after[:1] in ":：" and (tok.start == 0 or _QUESTION.search(text)):
        return True  # a profile's heading (王桂芝:二十年守护一栋楼) or an interview (记者:…? 王桂芝:…)
    if after.startswith("来说") and text[tok.start - 1 : tok.start] == "对":
        return True  # 对王桂芝来说
    prev = by_end.get(tok.start)
    if prev is not None and prev.word in _PAST:
        prev = by_end.get(prev.start)
    if prev is not None and prev.word in _TREATING:
        return True
    nxt = by_start.get(tok.end)
    acting = nxt is not None and (nxt.pos.startswith("v") or nxt.word == "一起")
    if prev is not None and prev.word == "是" and text[tok.end : tok.end + 1] in _CLOSING:
        return True  # 最早报名的是王桂芝。
    if prev is not None and prev.word == "的" and nxt is not None and nxt.word == "是":
        return True  # 教豫剧的常桂香是…: what the person does, said before the name (not 的车开进来)
    return prev is not None and prev.word in _BRINGING and acting


def _contact(text: str, tok: Token) -> bool:
    """The person to contact, in a notice (联系人:镇河长办 邵佳琪,联系电话:…)."""
    line_start = text.rfind("\n", 0, tok.start) + 1
    return "联系人" in text[max(line_start, tok.start - 12) : tok.start] or text[
        tok.end : tok.end + 5
    ].lstrip(",，:： ").startswith(("联系电话", "电话"))


def framed_people(tokens: Sequence[Token], text: str, surnames: Collection[str]) -> list[tuple[str, int]]:
    """Three-character names the sentence frames as a person though jieba did not read them as one
    word (see the module docstring), each with where it is first named."""
    by_end = {t.end: t for t in tokens}
    by_start = {t.start: t for t in tokens}
    found: dict[str, int] = {}
    for at in sorted(by_start):
        name = text[at : at + 3]
        if len(name) < 3 or name in found or name[0] not in surnames or not all(CJK.match(c) for c in name):
            continue
        if at + 3 not in by_start or name[-1] in AFTER_NAME or kind_by_suffix(name):
            continue  # the name ends where a word begins (殷卫东 + 拿着), not inside one
        first, last = by_start[at], by_start.get(at + 2)
        if len(first.word) == 1 and first.pos.startswith(_NOT_SURNAME_POS):
            continue  # 向 + 居民: a preposition, no surname
        if first.pos.startswith(_NO_NAME_START_POS) or (
            first.end == at + 3 and not first.pos.startswith("nr")
        ):
            continue  # 许多 + 人, 周围 + 人; 成年人, 毕业生: jieba's one word, no name
        if name[-1] in _PLURAL:
            continue  # 孙子 + 们: a plural ends no name
        if last is not None and last.end == at + 3 and last.pos.startswith(_NOT_LAST_POS):
            continue  # 毕业 + 前: a word and the word after it
        opens = at == 0 or text[at - 1] in _CLAUSE_OPENERS
        speaks = _speaks(at + 3, by_start) or _aged(text, at + 3)
        acts = speaks or (not _common_word(name[1:]) and _acts(text, at + 3, by_start))
        if (acts and _described(text, at, by_end.get(at))) or (opens and speaks):
            found[name] = at
    return list(found.items())


def _common_word(given: str) -> bool:
    """A given name that is a common word (卫国 in 蒋卫国已经…: it may begin what follows) needs the
    person to speak or be given an age."""
    return segmenter.dictionary_frequency(given) >= _COMMON_GIVEN and segmenter.dictionary_pos(given) not in (
        "nr",
        "nz",
    )


def _described(text: str, at: int, prev: Token | None) -> bool:
    """What a person is, right before ``at``: an age, a role, a noun of people (安全员, 三楼住户)."""
    if text[max(0, at - 2) : at] in _PREFIXES or text[max(0, at - 4) : max(0, at - 1)] == "联系人":
        return True
    return prev is not None and (
        prev.word in _BEFORE or (prev.pos.startswith(_NOUN_POS) and prev.word[-1] in _PERSON_NOUN_ENDS)
    )


def _next_word(end: int, by_start: Mapping[int, Token]) -> Token | None:
    """The word at ``end``, or the one after it when it is an adverb (也表示, 笑着说)."""
    nxt = by_start.get(end)
    if nxt is not None and nxt.word in _ADVERBS:
        return by_start.get(nxt.end)
    return nxt


def _speaks(end: int, by_start: Mapping[int, Token]) -> bool:
    nxt = _next_word(end, by_start)
    return nxt is not None and (nxt.word in _SPEECH or nxt.word.startswith(_SPEECH_STARTS))


def _aged(text: str, end: int) -> bool:
    """An age or a form of address after the name (今年56岁, 82岁, 老人, 师傅)."""
    after = text[end : end + 2]
    return after.startswith(_AFTER_PERSON) or (after[:1].isdigit() and "岁" in text[end : end + 5])


def _acts(text: str, end: int, by_start: Mapping[int, Token]) -> bool:
    """What follows a person: speaking, an age, a pause, a verb, an adverb, a preposition."""
    if _speaks(end, by_start) or _aged(text, end) or text[end : end + 1] in _CLOSING:
        return True
    nxt = _next_word(end, by_start)
    if nxt is None:
        return text[end : end + 1] in _CLAUSE_OPENERS
    return (nxt.pos.startswith(_ACTING_POS) and len(nxt.word) > 1) or nxt.word in _SUBJECT_WORDS


def _listed(
    tok: Token,
    text: str,
    plausible: Callable[[str], bool],
    by_start: Mapping[int, Token],
    by_end: Mapping[int, Token],
) -> bool:
    """``tok`` stands in a list of people: a plausible name beside it across a list mark (、), or 等
    closing the list (陈旦平、许海芳等居民代表); the name beside it may be one of jieba's names the
    sentence goes on after (对王桂芝、李秀英进行了表彰)."""
    if text[tok.end : tok.end + 1] == "等" and tok.start and text[tok.start - 1] == "、":
        return True
    for beside in (by_start.get(tok.end + 1), by_end.get(tok.start - 1)):
        if (
            beside is not None
            and beside.pos.startswith(_PERSON_TAGS)
            and plausible(beside.word)
            and text[min(tok.end, beside.end) : max(tok.start, beside.start)] == "、"
        ):
            return True
    if text[tok.end : tok.end + 1] == "、" and plausible(_run(text, tok.end + 1, 1)):
        return True
    if not tok.start or text[tok.start - 1] != "、":
        return False
    before = _run(text, tok.start - 1, -1, longest=7)
    if len(before) <= 3:
        return plausible(before)
    # 律师张明远、李晓红: the name before the mark is the end of a role and a name
    return any(before[:-n].endswith(ROLES) and plausible(before[-n:]) for n in (3, 2))


def _run(text: str, at: int, step: int, longest: int = 3) -> str:
    """The name beside a list mark: the CJK characters from ``at`` on (``step`` 1) or before it (-1)
    up to the next list mark, 等 or punctuation; "" when that is not two to ``longest`` characters."""
    run = ""
    position = at if step > 0 else at - 1
    while (
        0 <= position < len(text)
        and len(run) <= longest
        and CJK.match(text[position])
        and text[position] not in "、等"
    ):
        run = run + text[position] if step > 0 else text[position] + run
        position += step
    return run if 2 <= len(run) <= longest else ""
