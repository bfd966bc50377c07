"""People named after a title or role (书记卞唯敏, 副主任翁思诗, 代表江天熙), for tag suggestions."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, kind_by_suffix, occurrences
from reader.core.tag_word_edges import person_end

_ROLE_WORDS = (
    "副书记 书记 副主任 主任 副区长 区长 副市长 市长 副局长 局长 副部长 部长 副主席 主席 副会长 会长"
    " 秘书长 理事长 董事长 总经理 经理 副院长 院长 副校长 校长 所长 站长 处长 科长 镇长 社长 队长"
    " 馆长 代表 委员 教授 专家 律师 医生 民警 工程师 传承人 书法家 画家 老师 楼长 楼栋长 网格员 网格长 调解员"
)
ROLES = tuple(_ROLE_WORDS.split())
_ROLE = re.compile("(" + "|".join(ROLES) + ")")
# A name before what follows a person: 张理群书记工作室, 姜鸣一行.
_ROLE_AFTER = re.compile(
    r"(?:(?<![\u3400-\u9fff])|(?<=[的向和给与对]))([\u3400-\u9fff]{3})(书记工作室|工作室|一行|医生|老师|大夫)"
)  # …向焦明远医生, 的焦明远医生: a name before what the person is
_COMMON_GIVEN = 300
_CALLINGS = frozenset({"医生", "老师", "大夫"})
# Characters that follow a name but never end one (verbs and particles after a person).
AFTER_NAME = frozenset(
    "在对表指带以出与和为作等说谈讲参牵到做是将从向率了的及介认称代就把被给首要告详亲走看视调检慰致宣回透召听座"
    "感赴一也还都又再分提第、,，。;；:：!！?？()（）"
)


def role_people(
    original: str,
    text: str,
    surnames: Collection[str],
    compound: Sequence[str],
    tokens: Sequence[Token] = (),
) -> list[Found]:
    """People named after a title or role: 书记卞唯敏, 副主任翁思诗, 代表江天熙; with jieba's ``tokens``,
    a name ends on a word's end (:func:`reader.core.tag_word_edges.person_end`)."""
    out: dict[str, Found] = {}
    by_start = {t.start: t for t in tokens}
    word_at = {i: t for t in tokens for i in range(t.start, t.end)}  # the word each character is in
    for match in _ROLE.finditer(text):
        start = match.end()
        word = word_at.get(match.start())
        if (
            word is not None
            and word.start < match.start()
            and word.end < start
            and segmenter.is_known(word.word)
        ):
            continue  # 上海市 + 长宁区: 市长 begun in a word, ended in the next is no role (部主 + 任何 is)
        head = text[start : start + 2]
        surname_length = 2 if head in compound else 1 if head[:1] in surnames else 0
        if not surname_length:
            continue
        rest = text[start + surname_length : start + surname_length + 2]
        given = 0
        for c in rest:
            if not CJK.match(c) or c in AFTER_NAME:
                break
            given += 1
        proper = given == 0 and _proper_given(by_start.get(start + surname_length), text)
        if proper:
            given = 2  # 书记任 + 和平 + 到: a given name jieba reads as a proper noun, closed after it
        if given == 0:
            continue
        key = text[start : start + surname_length + given]
        if len(key) > 3 and surname_length == 1:
            key = key[:3]
        trimmed = person_end(text, start, key, by_start)
        if trimmed is None or len(trimmed) <= surname_length:
            continue
        key = trimmed
        if key in out:
            continue
        if _not_a_given_name(key[:surname_length], key[surname_length:]):
            continue  # 站长于昨日表示: a time word or an adverb after a preposition-like surname
        closed = _closed_after(text, start + len(key)) or _closed_elsewhere(text, key)
        if not closed and segmenter.dictionary_frequency(key[surname_length:]) >= _COMMON_GIVEN:
            continue  # 和居民: a common word after a surname-like character
        if not closed and segmenter.dictionary_pos(key[:surname_length]) in _WORD_SURNAME_POS:
            continue  # 医生 + 和 + 建中街…: a conjunction before a name that goes on, not a surname
        head = key[:2]
        if (
            not proper
            and segmenter.dictionary_frequency(head) >= _COMMON_GIVEN
            and segmenter.dictionary_pos(head) != "ns"
        ):
            continue  # 书记关心老人: a common word (关心) starts no name; a place may (镇长韩国平)
        positions = occurrences(text, key)
        out[key] = Found(key, original[start : start + len(key)], "person", "role", match.group(1), positions)
    for match in _ROLE_AFTER.finditer(text):
        key = match.group(1)
        if key in out or key[:1] not in surnames or segmenter.is_known(key):
            continue
        if segmenter.is_known(key[1:]) and (
            match.group(2) not in _CALLINGS or segmenter.dictionary_frequency(key[1:]) >= _COMMON_GIVEN
        ):
            continue  # 全体 + 工作室; before a calling a given name may be a rare word (焦 + 明远 + 医生)
        positions = occurrences(text, key)
        out[key] = Found(
            key, original[match.start(1) : match.end(1)], "person", "role", match.group(2), positions
        )
    return list(out.values())


def _closed_after(text: str, end: int) -> bool:
    """Whether what follows a name after a role closes it: a character that never ends a name (介绍,
    说, a comma), or the end of the text.  Then the name's own characters may be a common word
    (主任钱卫国介绍: 卫国; 主任何佳说: 佳); the person check still applies."""
    return end >= len(text) or text[end] in AFTER_NAME or not CJK.match(text[end])


_PROPER_POS = frozenset({"nr", "nrfg", "nz"})


def _proper_given(word: Token | None, text: str) -> bool:
    """A two-character word jieba reads as a name or proper noun (和平 nz) right after a surname,
    closed after it: a given name, even when it starts with a character that follows names (和)."""
    return (
        word is not None and len(word.word) == 2 and word.pos in _PROPER_POS and _closed_after(text, word.end)
    )


_NOT_GIVEN_POS = frozenset({"t", "d", "p", "c", "r", "f", "m"})
_COMMON_WORD = 1000  # dictionary frequency: 昨日 2229, 今年 9959; not 国庆 (131), a given name too


_WORD_SURNAME_POS = frozenset({"p", "c"})  # 于, 向, 和: a preposition or conjunction far more often


def _not_a_given_name(surname: str, given: str) -> bool:
    """A common time word, adverb, pronoun… (昨日, 随后, 此前) is no given name after a surname that
    is a preposition or conjunction too (于, 向, 和: 站长于昨日表示); after any other surname it is one
    (主任张春秋, 书记李向前)."""
    return (
        segmenter.dictionary_pos(surname) in _WORD_SURNAME_POS
        and segmenter.dictionary_pos(given) in _NOT_GIVEN_POS
        and segmenter.dictionary_frequency(given) >= _COMMON_WORD
    )


def _closed_elsewhere(text: str, key: str) -> bool:
    """Whether another mention of a three-character ``key`` is closed (副书记蒋卫国已经…, then 蒋卫国在…):
    the name read after a role is confirmed where it is named again (a common word, 卫国, is not
    named twice between a surname-like character and a closing one)."""
    return len(key) == 3 and any(_closed_after(text, p + len(key)) for p in occurrences(text, key))


_NAME_LENGTHS = (3, 2)  # surname and given name, the longer first (韦小军 before 韦小)
_PERSON_NOUN_POS = frozenset({"n", "nr"})  # 骑手, 志愿者, 主任医师: what a person is, said before the name
_PERSON_POS = frozenset({"nr", "nrt", "nrfg"})
_NOT_A_SURNAME_POS = frozenset({"c", "p", "v", "vn", "a", "ad", "d", "u", "uj", "r", "f", "m", "q"})


def apposed_people(
    tokens: Sequence[Token], original: str, text: str, surnames: Collection[str], compound: Sequence[str]
) -> list[Found]:
    """People named between what they are and what they do (骑手韦小军说, 学生志愿者刘思源说): a name
    after any noun, not only a listed role, when a character that never ends a name closes it.  The
    longest such name wins, so a name the tokenizer cut (韦小 + 军) is read whole."""
    out: dict[str, Found] = {}
    starts = {t.start: t for t in tokens}
    for tok in tokens:
        if tok.pos not in _PERSON_NOUN_POS or len(tok.word) < 2 or not CJK.match(tok.word):
            continue
        start = tok.end
        first = starts.get(start)
        if first is None or not _name_start(first):
            continue  # 和, 向, 全 (a conjunction, a preposition…) or a common word (时间紧) starts no name
        head = text[start : start + 2]
        if not (head in compound or head[:1] in surnames):
            continue
        for length in _NAME_LENGTHS:
            key = text[start : start + length]
            if len(key) < length or not CJK.match(key) or any(c in AFTER_NAME for c in key[1:]):
                continue
            if (
                not _closed_after(text, start + length)
                or segmenter.is_known(key)
                or _place_like(text, start, key)
                or (key[-1] in _LOCATIVE_ENDS and segmenter.is_known(key[:-1]))  # 用水 + 高峰 + 前
            ):
                continue
            if person_end(text, start, key, starts) != key or _cuts_next_word(text, start, key, starts):
                continue  # 养老 + 钱 + 转给: the name's last character begins a verb; 安保 + 工作: a word
            if _verb_after_one(first, key, starts):
                break  # 冬泳 + 时 + 抽筋, 云霄 + 路 + 办起: a character, then a verb jieba read whole
            if key not in out:
                positions = occurrences(text, key)
                out[key] = Found(key, original[start : start + length], "person", "role", tok.word, positions)
            break
    return list(out.values())


_PLACE_ENDS = frozenset("巷街路桥阁楼亭塔弄")  # 麻石巷, 猴子石大桥: a lane or a bridge, no person
_GROUP_ENDS = frozenset("团队社组班")  # 业余 + 吕剧团: a troupe, a team, a class
_LOCATIVE_ENDS = frozenset("前后里内外")  # a word and where or when: 高峰 + 前, 饭 + 后
_ADDRESS = re.compile(r"\d+号")


def _place_like(text: str, start: int, key: str) -> bool:
    """Whether a name read after a noun is rather a place or a group: it ends like a lane, a road, a
    bridge or a street (街道 + 麻石巷, 猴子 + 石大桥, 人民 + 路街道) or with a group's word (吕 + 剧团),
    or a house number follows it (麻石巷27号)."""
    return (
        key[-1] in _PLACE_ENDS
        or (key[-1] in _GROUP_ENDS and segmenter.is_known(key[-2:]))
        or kind_by_suffix(key) is not None
        or _ADDRESS.match(text, start + len(key)) is not None
    )


_VERB_GIVEN_POS = frozenset({"v", "vd", "vi", "vn", "a", "ad", "d"})


def _verb_after_one(first: Token, key: str, starts: Mapping[int, Token]) -> bool:
    """Whether a name found only after a noun is one character jieba read alone and a verb or adverb it
    read whole (时 + 抽筋, 路 + 办起): jieba saw no name there (马振兴 it reads as one)."""
    if len(first.word) != 1:
        return False
    rest = starts.get(first.end)
    return (
        rest is not None
        and rest.end == first.start + len(key)
        and rest.pos in _VERB_GIVEN_POS
        and segmenter.is_known(rest.word)
    )


def _cuts_next_word(text: str, start: int, key: str, starts: Mapping[int, Token]) -> bool:
    """Whether a name found only after a noun ends with the first character of a word jieba's dictionary
    knows (社区 + 安保 + 工作 read as 安保工 + 作), and the article never names it otherwise."""
    word = starts.get(start + len(key) - 1)
    if word is None or len(word.word) < 2 or not segmenter.is_known(word.word):
        return False
    rest = word.word[1:]  # 人民 + 路派 + 出所 twice is still 派出所: every mention goes on into the word
    return text.count(key) < 2 or all(text.startswith(rest, p + len(key)) for p in occurrences(text, key))


def _name_start(first: Token) -> bool:
    """How jieba reads a name's first word: a name, or one character that is no particle, verb or
    adjective (刘 + 思源, 韦小 + 军, not 和 + 晚餐 or 时间 + 紧)."""
    if len(first.word) >= 2:
        return first.pos in _PERSON_POS
    return first.pos not in _NOT_A_SURNAME_POS
