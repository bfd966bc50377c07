"""Tag candidates found by pattern, beside jieba's tokens: quoted terms, organisations, places and
events by their suffix, festivals by their short form, phrases that recur (people after a role are
in :mod:`reader.core.tag_role_people`).

Each finder reads the folded text (and its jieba tokens) and returns
:class:`Found` records: the folded key, the name as written, the kind the
pattern implies, the reason and a detail for the interface (the role before a
name, the suffix of an organisation).  Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_districts import district_start, is_district
from reader.core.tag_word_edges import between_names, continued_by_place, used_as_verb

CJK = re.compile(r"^[\u3400-\u9fff]+$")
_QUOTED = re.compile(r"[“「『\"]([^“”「」『』\"\n]{2,16})[”」』\"]")
_BOOK_TITLE = re.compile(r"《([^《》\n]{2,24})》")
_PHRASE_BREAKS = frozenset("、,，。;；:：!！?？ ·…—()（）[]【】")
_LATIN_LETTER = re.compile(r"[a-z]")  # a letter of a name (童心day, citywalk), in the folded text
_QUESTION = ("什么", "怎么", "怎样", "如何", "哪", "吗", "呢", "吧")

PLACE_SUFFIXES = (
    "新片区", "居民区", "居委会", "街道", "社区", "新区", "居委", "新村", "小区", "花园", "大厦", "大楼",
    "公园", "会址", "镇", "村", "路",
)  # fmt: skip
ORG_SUFFIXES = (
    "委员会", "基金会", "工作室", "工作坊", "研究会", "研究院", "代表处", "管委会", "服务站", "办事处",
    "总工会", "中心", "工会", "协会", "学会", "医院", "分院", "学院", "大学", "集团", "公司", "支队",
    "纪念馆", "博物馆", "图书馆", "合唱团", "讲堂", "课堂", "基地", "团工委", "区委", "办", "局", "所",
    "小学", "中学", "幼儿园", "联合会", "联谊会", "促进会", "商会", "宗亲会", "同乡会", "校友会", "文化馆",
    "文化站", "文化宫", "少年宫", "美术馆", "档案馆", "科技馆", "体育馆",
)  # fmt: skip
# Units of an organisation, named after it: 基金会 + 静安区代表处, 大学 + 马克思主义学院.
BRANCH_SUFFIXES = frozenset({"代表处", "办事处", "分会", "学院", "分院"})
# Named events: 中国品牌日, 慈善之夜, 非遗年货市集 (at least four characters, with words before the suffix).
EVENT_SUFFIXES = (
    "宣传周", "艺术节", "文化节", "之夜", "晚会", "市集", "集市", "义卖", "义拍", "拍卖会", "嘉年华",
    "运动会", "大赛", "论坛", "展览", "日", "节", "周",
)  # fmt: skip
_EVENT_SUFFIX = re.compile("|".join(sorted((s for s in EVENT_SUFFIXES if len(s) > 1), key=len, reverse=True)))
_KIND_ONLY_PLACE = ("区", "市", "县", "乡", "岛")  # places by suffix, never looked for by it (辖区, 城市)
# Generic words that may stand inside a name (社区事务受理服务中心, 居委会工作研究会).
_NAME_PART_WORDS = "社区 街道 工作 服务 文化 管理 事务 党建 党群 卫生 居委会 居委 居民区 中心"
NAME_PARTS = frozenset(_NAME_PART_WORDS.split())
# Nouns after a quoted name that say only what kind of thing it is (“零距离家园”建设).
_GENERIC_HEADS = frozenset(
    {"建设", "活动", "工作", "项目", "品牌", "服务", "主题", "理念", "精神", "模式", "平台"}
)
# Compound topics end with these generic heads (消防安全, 食品安全, 社区治理).
COMPOUND_HEADS = frozenset({"安全", "健康", "教育", "治理", "服务", "文明", "管理", "保护", "救助", "项目"})
_ALL_SUFFIXES = (*PLACE_SUFFIXES, *ORG_SUFFIXES, *EVENT_SUFFIXES)
_LOWER_PLACE_WORDS = frozenset({"街道", "镇", "乡"})  # a township or street's name ends with the word
_PREFIX_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "n", "ng", "b"})
_NAME_END_POS = frozenset(
    {"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "vn", "j", "ng", "zg", "m", "eng", "x", "l"}
)
_ACTION_POS = frozenset({"v", "vn"})
_RUN_POS = frozenset({"ns", "nr", "nrt", "nz", "nt", "j", "n", "vn"})
_NOT_NOUN_START = frozenset(
    {
        "v",
        "vd",
        "vi",
        "vq",
        "r",
        "rr",
        "rz",
        "d",
        "p",
        "c",
        "u",
        "uj",
        "ul",
        "uz",
        "ug",
        "uv",
        "y",
        "e",
        "o",
        "ad",
    }
)
_SUFFIXED_POS = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "ng", "x", "eng", "l"})
_NAME_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})
_PROPER_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
_NUMERALS = frozenset("一二三四五六七八九十")
_NOUN_TAIL_POS = frozenset({"n", "an", "vn", "nz"})
_VERB_POS = frozenset({"v", "vd", "vi"})
# Community areas named by two characters or more: a one-character body has lost a character
_AREA_SUFFIXES = frozenset({"街道", "社区", "小区", "居民区", "居委会", "新村"})
_PLACE_CHARS = frozenset("街路巷")  # one-character place words a street or community is named after
_DIRECTIONS = frozenset("东南西北中")
_NUMBERED_ROAD = re.compile("[一二三四五六七八九十]+(?:马路|路|街|巷|里|经街|纬路)")
# Streets and communities named after a road: 纬五路社区, 经八路街道.
_ROAD_COMMUNITIES = frozenset({"街道", "社区", "居委会", "居民区"})
_ROAD_ENDS = ("路", "街", "巷")
_NOT_NAME_HEAD_POS = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "d", "m", "q", "x", "y", "e"}
)
# A word ending with a one-character suffix that the dictionary knows this well, and not as a name, is
# a common word (格局, 布局, 场所), not an organisation (分局, 公安局 stay).
_COMMON_TAIL_FREQ = 500
_SLOGAN_FREQ = 100
# How official prose urges action (深化, 全面, 扎实 + a verb): what follows is a slogan, not a subject.
_URGING = ("深化", "全面", "扎实", "切实", "大力", "着力", "加快", "加强", "持续", "进一步", "不断", "积极")
_EVERY_KIND = ("各项", "各类", "各种", "有关", "相关")  # 各项任务: all of a kind, no subject
# Facilities named by what is done there (废弃物处置基地, 文化遗产保护中心), not 职工群众作为工会.
_FACILITY_SUFFIXES = frozenset({"中心", "基地", "服务站"})
_AND = ("和", "与")
_BUILDINGS = ("大厦", "大楼")
_FESTIVAL_POS = frozenset({"t", "ns", "nr", "nrt"})  # how jieba reads 重阳, 中秋, 端午
_FESTIVAL_SHARE = 20  # a festival's short form is at most this many times as frequent as its full name
_CLOSING_POS = frozenset({"n", "ng", "nz", "nt"})  # nouns that continue a name (队, 小组)
_MAX_CLOSED_WORDS = 2
_GOING = frozenset("进入到下赴")  # one-character verbs of going (进社区: a campaign's slogan)
# X进社区, X进校园: a campaign (two characters or more before 进: 前进社区 is a community's name).
_CAMPAIGN = re.compile(r"^[\u3400-\u9fff]{2,}进(社区|校园|小区|家庭|楼宇|村|万家|企业|工地|军营|城中村)$")


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate: folded key, name as written, kind, reason, detail, offsets in the text."""

    key: str
    name: str
    kind: str
    reason: str  # quoted | book title | role | suffix | phrase
    detail: str
    positions: tuple[int, ...]
    extent: int = 0  # characters the name spans in the text, when more than its key (“小海鸥”俱乐部)


def occurrences(text: str, key: str) -> tuple[int, ...]:
    found: list[int] = []
    start = text.find(key)
    while start >= 0:
        found.append(start)
        start = text.find(key, start + 1)
    return tuple(found)


def campaign(key: str) -> bool:
    """A campaign taking something to a kind of place (湘剧进社区, 法律进校园), no place of its own."""
    return _CAMPAIGN.search(key) is not None


def kind_by_suffix(key: str) -> str | None:
    """place / organisation when ``key`` ends with one of their suffixes (and is more than it); a
    campaign taking something to a place (湘剧进社区, 法律进校园) is neither."""
    if campaign(key):
        return None
    for suffix in PLACE_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return "place"
    if len(key) >= 3 and key.endswith(_KIND_ONLY_PLACE):
        return "place"
    for suffix in ORG_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return "organisation"
    return None


def _term_like(term: str, opens_with_word: bool = False) -> bool:
    """A quoted stretch that names something (not a slogan, a question or a sentence).  A first
    character that is a particle or a conjunction says a phrase (“和为贵”), and so does a preposition
    or an adverb (“向雷锋学习”) unless jieba reads a longer word there (“向阳花”, “就业直通车”) that is
    no idiom, fixed phrase or adverb (“将心比心”, “从我做起”, “向上向善”)."""
    if any(c in _PHRASE_BREAKS for c in term) or any(q in term for q in _QUESTION):
        return False
    introducing = term[0] in "在是为把被将对从向于以也都就又还" and not opens_with_word
    if term[0] in "的了和与及或而并" or introducing or term[-1] in "的了地得吗呢吧啊":
        return False
    return sum(1 for c in term if CJK.match(c) or _LATIN_LETTER.match(c)) >= max(2, len(term) - 2)


def quoted(
    original: str,
    text: str,
    ends: Mapping[int, Token] | None = None,
    starts: Mapping[int, Token] | None = None,
) -> list[Found]:
    """Terms in quotation marks (“邻里汇”) and book-title marks (《…条例》).

    With ``ends`` (jieba's words by where they end), a quoted term ending with
    a verb or an adjective (“回头看”, “压力山大”) is a slogan, not a name, unless
    the article names it again (in its title: “滨江健康跑”).  With
    ``starts``, a quoted name and the noun after it that recur together are one
    more candidate (“四史”学习教育 → 四史学习教育).
    """
    out: dict[str, Found] = {}
    for pattern, reason in ((_QUOTED, "quoted"), (_BOOK_TITLE, "book title")):
        for match in pattern.finditer(text):
            key = match.group(1).strip()
            first = (starts or {}).get(match.start(1))
            word = first is not None and first.word != key[0] and not first.pos.startswith(("i", "l", "d"))
            if len(key) < 2 or not _term_like(key, word):  # 向阳花 but not 从我做起
                continue
            if reason == "quoted" and starts is not None:  # at every quotation: the words after vary
                joined = _quoted_with_head(original, text, match, starts)
                if joined is not None and joined.key not in out:
                    out[joined.key] = joined
            if key in out:
                continue
            positions = occurrences(text, key)
            last = ends.get(match.end(1)) if ends is not None else None
            if (
                reason == "quoted"
                and last is not None
                and last.pos not in _NAME_END_POS
                and len(positions) < 2
            ):
                continue  # a slogan (“回头看”); one the article names again is its name (“滨江健康跑”)
            start = match.start(1)
            name = original[start : start + len(key)]
            kind = kind_by_suffix(key) or "topic"
            out[key] = Found(key, name, kind, reason, "", positions)
    return list(out.values())


def _quoted_with_head(
    original: str, text: str, match: re.Match[str], starts: Mapping[int, Token]
) -> Found | None:
    """“四史”学习教育 → 四史学习教育: a quoted name and the noun right after its closing mark, when
    the two recur together (a programme and what it is)."""
    first = starts.get(match.end())
    if first is None or not CJK.match(first.word):
        return None
    second = starts.get(first.end)
    head = first  # one noun, or a verb and a noun (学习 + 教育)
    if first.pos == "v" and second is not None and len(first.word + second.word) <= 4:
        head = second
    if head.pos not in _RUN_POS or len(head.word) < 2 or not CJK.match(head.word):
        return None
    words = text[first.start : head.end]
    if words in _GENERIC_HEADS or head.word in _GENERIC_HEADS:
        return None
    positions = occurrences(text, text[match.start() : head.end])
    if len(positions) < 2:
        return None
    head = _closed_right(text, head, positions, match.start(), starts)
    words = text[first.start : head.end]
    if _EVENT_SUFFIX.search(words[-3:]) or kind_by_suffix(words):
        return None  # “梧桐树下”社区文化艺术节: a name and another name, not one
    key = match.group(1).strip() + words
    name = original[match.start(1) : match.end(1)].strip() + original[first.start : head.end]
    return Found(key, name, kind_by_suffix(key) or "topic", "quoted", words, positions)


def _closed_right(
    text: str, head: Token, positions: Sequence[int], start: int, starts: Mapping[int, Token]
) -> Token:
    """The last word of a recurring name, extended while its right boundary is not free: while every
    occurrence is followed by the same noun (“彩虹桥”志愿服务 + 队 + 在…, 在… and 成立…: the name is
    彩虹桥志愿服务队).  Zero boundary entropy in the article means the word goes on."""
    for _ in range(_MAX_CLOSED_WORDS):
        nxt = starts.get(head.end)
        if nxt is None or nxt.pos not in _CLOSING_POS or not CJK.match(nxt.word):
            break
        span = text[start : nxt.end]
        if any(not text.startswith(span, p) for p in positions):
            break
        head = nxt
    return head


def suffixed(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Organisations and places named by their suffix: the proper words before 街道, 居民区, 工作室…

    The name runs back from a word ending with the suffix over nouns and proper
    nouns (at most four words); it must hold a word that is not generic.
    """
    out: dict[str, Found] = {}
    for i, tok in enumerate(tokens):
        if not tok.word.endswith(_ALL_SUFFIXES) or not CJK.match(tok.word):
            continue
        suffix = next(s for s in _ALL_SUFFIXES if tok.word.endswith(s))
        if tok.word != suffix and tok.pos not in _SUFFIXED_POS:
            continue  # 举办, 节日 end with 办 and 日 but are no names
        if slogan_word(tok.word) or _common_word(tok.word, suffix) or _set_phrase(tok.word, suffix):
            continue
        if tok.word == suffix and (
            used_as_verb(tokens, i) or (continued_by_place(tokens, i) and suffix != "街道")
        ):
            continue  # 学会了, 办“…”: a verb here; 大学 + 西路街道: a street's start (街道 starts none)
        event = suffix in EVENT_SUFFIXES
        j = i
        while j > 0 and i - j < 4:
            prev = tokens[j - 1]
            before = kind_by_suffix(prev.word) if j < i else None
            if before is not None and not (before == "organisation" and suffix in BRANCH_SUFFIXES):
                if suffix in ORG_SUFFIXES and is_district(prev.word):
                    j -= 1  # 长宁区 + 市场监督管理局: a district or city begins an organisation's full name
                break  # a complete name before this one (田林街道 before 社区事务受理服务中心)
            if (
                prev.word in _AND
                and suffix in ORG_SUFFIXES
                and (j < i or tok.word != suffix)
                and _noun_at(tokens, j - 2)
                and not (tokens[j].pos == "ns" or kind_by_suffix(tokens[j].word) == "place")  # 食堂和塘桥…
                and not tokens[j - 2].word.endswith((*_ALL_SUFFIXES, "办公室"))  # 小学与岩峰小学: two names
                and not any(is_district(tokens[j].word[:n]) for n in range(3, len(tokens[j].word)))
            ):  # …办公室和昆明市兰花协会: a name that starts with its city starts there
                j -= 1  # 文化 + 和 + 旅游局: two nouns joined inside an organisation's name
                continue
            if (
                j == i
                and suffix in PLACE_SUFFIXES
                and kind_by_suffix(prev.word) == "place"
                and not (suffix in _ROAD_COMMUNITIES and prev.word.endswith(_ROAD_ENDS))
            ):
                break  # 芷江西路街道 + 居委会: the street's committees (纬五路 + 社区 is named after a road)
            if (j < i or tok.word != suffix) and suffix in PLACE_SUFFIXES and prev.word in _LOWER_PLACE_WORDS:
                break  # 八大/峡/街道 + 团岛/社区: the street's name is complete, the community is its own
            numeral = (prev.word in _NUMERALS and j - 1 > 0 and _name_like(tokens[j - 2])) or (
                _numbered_road(prev.word)
                or (prev.word in _NUMERALS and _numbered_road(prev.word + tokens[j].word))
            )  # 纬 + 五路 + 社区, 一 + 马路 + 街道: roads numbered in a grid
            verbal_ok = prev.pos == "vn" and j == i
            acted_on = j == i and tok.word in _FACILITY_SUFFIXES and _object_and_verb(tokens, j - 1, generic)
            allowed = (
                prev.pos in _PREFIX_POS
                or numeral
                or verbal_ok
                or acted_on
                or _noun_phrase(prev)
                or _name_like(prev)
                or (prev.pos == "a" and j >= 2 and tokens[j - 2].pos == "ns")  # 上海 + 宏远 + …公司
            )
            if not CJK.match(prev.word) or not allowed or between_names(tokens, j - 1):
                break  # …or 玉林街道 + 委托 + 益邻…中心: a word between two names is neither's
            if (
                prev.word in generic
                and prev.word not in NAME_PARTS
                and not ((event or suffix in _BUILDINGS) and _country_or_city(prev))
            ):
                break  # 党员, 单位, 代表: the name starts after them (中国品牌日, 上海大厦 keep theirs)
            if (
                len(prev.word) == 1
                and prev.pos not in _PROPER_POS
                and not numeral
                and prev.word not in "分总"
                and not (prev.word in _PLACE_CHARS and j >= 2 and _name_head(tokens[j - 2]))
                and not (_numbered_road(tokens[j].word) and prev.pos not in _NOT_NAME_HEAD_POS)
            ):
                break  # 坡子 + 街 + 街道, 城 + 南路 + 街道 go on: a street named by its road or lane
            j -= 1
        if suffix in ORG_SUFFIXES and not is_district(tokens[j].word):
            j = district_start(tokens, j, i)  # 普陀区 + 建设 + 和 + 管理 + 委员会
        while j < i and (tokens[j].pos == "vn" or tokens[j].word in ("街道", "工作", "服务", *_AND)):
            j += 1  # a name does not start with a verbal noun, or 街道 (the paper's own street)
        if j < i and tokens[j].pos in _VERB_POS and not _name_like(tokens[j]):
            continue  # a verb and a suffix (处置基地) name nothing without the object before them
        if j == i and (len(tok.word) == len(suffix) or event):
            continue
        bare = suffix in _AREA_SUFFIXES and _bare_direction(text[tokens[j].start : tok.end - len(suffix)])
        if bare and j > 0 and _name_head(tokens[j - 1]):
            j -= 1  # 城 + 南路 + 街道: 南路 is a road's end, not its name
        if suffix in _AREA_SUFFIXES and tok.end - len(suffix) - tokens[j].start == 1:
            if not (j > 0 and _name_head(tokens[j - 1])):
                continue  # 韩 + 街道 alone is no name: a character of it was read as another word
            j -= 1  # 中 + 韩 + 街道, 合欢 + 苑 + 小区: no street or estate is named by one character
        if event and tok.end - tokens[j].start < 4:
            continue
        start = tokens[j].start
        key = text[start : tok.end]
        if key in out or len(key) > 16:
            continue
        words = [t.word for t in tokens[j : i + 1]]
        if tok.word == suffix and len(words) == 2 and words[0] in generic and suffix not in _BUILDINGS:
            continue  # 街道工会: a generic word and a suffix name nothing in particular (上海大厦 does)
        proper = any(t.pos in _PROPER_POS or not segmenter.is_known(t.word) for t in tokens[j : i + 1])
        if not proper and len(words) < 2:
            continue
        kind = (
            "topic"
            if event or campaign(key)
            else kind_by_suffix(key) or ("place" if suffix in PLACE_SUFFIXES else "organisation")
        )
        out[key] = Found(key, original[start : tok.end], kind, "suffix", suffix, occurrences(text, key))
    return list(out.values())


def _numbered_road(word: str) -> bool:
    """A road or street numbered in a grid (五路 of 纬五路, 一马路, 三经街)."""
    return _NUMBERED_ROAD.fullmatch(word) is not None


def _bare_direction(body: str) -> bool:
    """A road or street named only by a direction (南路, 东街): the end of a longer name."""
    return len(body) == 2 and body[0] in _DIRECTIONS and body[1] in "路街"


def _name_head(tok: Token) -> bool:
    """Whether ``tok`` can begin a name with the one-character word after it (中 + 韩, 合欢 + 苑)."""
    return bool(CJK.match(tok.word)) and len(tok.word) <= 2 and tok.pos not in _NOT_NAME_HEAD_POS


def _noun_at(tokens: Sequence[Token], k: int) -> bool:
    """True when ``tokens[k]`` is a noun of two characters or more (文化 before 和 + 旅游局)."""
    return k >= 0 and tokens[k].pos == "n" and len(tokens[k].word) >= 2


def _country_or_city(tok: Token) -> bool:
    """A generic place that names events held in it (中国品牌日, 上海读书节), not 本区 or 全国."""
    return tok.pos == "ns" and segmenter.dictionary_pos(tok.word) == "ns"


def slogan_word(word: str) -> bool:
    """True for a verb of going before a place or a noun (进社区, 进校园, 下基层), a word the
    dictionary hardly knows, a word of official prose urging action (深化改革, 全面落实, 扎实推进), or
    all of a kind (各项任务): a slogan, not a name or a topic."""
    if len(word) >= 4 and word.startswith(_URGING + _EVERY_KIND):
        return True
    return (
        len(word) >= 3
        and word[0] in _GOING
        and segmenter.dictionary_pos(word[1:]) in ("n", "ns", "s")
        and segmenter.dictionary_frequency(word) < _SLOGAN_FREQ
    )


def _common_word(word: str, suffix: str) -> bool:
    """True for a common word ending with a one-character suffix (格局, 场所): no organisation; a word
    the dictionary reads as one and made of words and the suffix (民政 + 局, 区 + 民政 + 局, though
    政局 is common; not 新格局) is one (round 9)."""
    tail = word[-2:]
    return (
        len(suffix) == 1
        and len(word) >= 2
        and segmenter.dictionary_frequency(tail) >= _COMMON_TAIL_FREQ
        and segmenter.dictionary_pos(tail) not in _NAME_POS
        and not (segmenter.dictionary_pos(word) == "nt" and _ends_with_word(word[: -len(suffix)]))
    )


def _set_phrase(word: str, suffix: str) -> bool:
    """A set phrase of the dictionary ending with a one-character suffix that no body's name ends
    like (怎么办, 就这样办); roads, days and bodies (光复路, 接待日, 发展局) keep their suffix."""
    return suffix == "办" and len(word) > 1 and segmenter.dictionary_pos(word) == "l"


def _ends_with_word(stem: str) -> bool:
    return any(segmenter.is_known(stem[k:]) for k in range(len(stem) - 1))


def _object_and_verb(tokens: Sequence[Token], k: int, generic: Collection[str]) -> bool:
    """True when ``tokens[k]`` is a two-character verb done to the noun before it, inside a name
    (废弃物 + 处置 + 基地, 文化遗产 + 保护 + 中心): the name goes on over both."""
    if k < 1:
        return False
    verb, obj = tokens[k], tokens[k - 1]
    return (
        verb.pos in _VERB_POS
        and len(verb.word) == 2
        and segmenter.dictionary_pos(verb.word) in _VERB_POS
        and obj.pos in ("n", "nz", "l")
        and len(obj.word) >= 2
        and bool(CJK.match(obj.word))
        and obj.word not in generic
    )


def _noun_phrase(tok: Token) -> bool:
    """A fixed phrase (jieba's ``l``) of four characters or more ending with a noun (食品安全)."""
    return tok.pos == "l" and len(tok.word) >= 4 and segmenter.dictionary_pos(tok.word[-2:]) in _NOUN_TAIL_POS


def split_events(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Named events whose suffix jieba cut apart (慈善 + 之 + 夜在): a noun right before the suffix."""
    ends = {t.end: t for t in tokens}
    out: dict[str, Found] = {}
    for match in _EVENT_SUFFIX.finditer(text):
        before = ends.get(match.start())
        if (
            before is None
            or not 2 <= len(before.word) <= 4
            or not CJK.match(before.word)
            or before.pos not in _PREFIX_POS
            or before.word in generic
        ):
            continue
        key = before.word + match.group()
        if key not in out:
            out[key] = Found(
                key,
                original[before.start : match.end()],
                "topic",
                "suffix",
                match.group(),
                occurrences(text, key),
            )
    return list(out.values())


def festivals(tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """Festivals named by their short form (过重阳, 重阳敬老): the festival's full name (重阳节) when
    jieba's dictionary knows it as a word, found where jieba reads the short form as a time or a name,
    and the short form is not a common word of its own (青年)."""
    out: dict[str, Found] = {}
    for tok in tokens:
        key = tok.word + "节"
        if (
            key in out
            or len(tok.word) < 2
            or tok.pos not in _FESTIVAL_POS
            or not CJK.match(tok.word)
            or text.startswith("节", tok.end)
            or segmenter.dictionary_pos(key) not in ("t", "n")
            or segmenter.dictionary_frequency(tok.word)
            > _FESTIVAL_SHARE * segmenter.dictionary_frequency(key)
        ):
            continue  # 青年 is said far more often than 青年节: a word of its own, not the festival
        name = original[tok.start : tok.end] + "节"
        out[key] = Found(key, name, "topic", "keyword", tok.word, occurrences(text, tok.word))
    return list(out.values())


def outside(found: Sequence[Found], names: Sequence[Found]) -> list[Found]:
    """``found`` less what starts inside one of ``names`` every time (夜在南京西路街道 from 慈善之夜在…)."""
    spans = [(p, p + len(n.key)) for n in names for p in n.positions]
    return [
        f for f in found if not f.positions or not all(any(a < p < b for a, b in spans) for p in f.positions)
    ]


def _name_like(tok: Token) -> bool:
    """A proper noun, or a word jieba's dictionaries do not know (培花 in 培花一居委)."""
    return tok.pos in _PROPER_POS or (
        len(tok.word) >= 2 and bool(CJK.match(tok.word)) and not segmenter.is_known(tok.word)
    )
