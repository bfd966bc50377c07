"""The edges of a name found by its suffix or as a phrase: what a sentence put before or after it.

The suffix and phrase finders read a name from its end backwards and a phrase from the words that
recur; both can take in a word of the sentence around the name (tag suggestions, round 15):

* a count before it: 32 + **户**村民, 12 + **幅**作品, 两 + **条**路, 80多 + **个**摊位 (a measure word
  after a numeral is the count's, not the name's);
* a verb or a preposition that introduces it: **委托**华南理工大学建筑学院, **联系**温州瓯海鞋业商会,
  **唱响**东关街, **以**署前路 (one of jieba's words, read as a verb, preposition or conjunction), and a
  preposition jieba glued to the name's first character: **由**纬五路社区 (由纬, a word of its own making);
* a verb of organising after it: 南桥镇人民政府**主办**;
* where in the county it is: **县城**凤栖路, **县城**宜水广场;
* a second name joined with 和 or 与: 上海银晟物业管理有限公司**和**维保公司 (the first is offered);
* a part of a place after it: 五龙潭公园**南门广场**, 舜玉小区**北门** (the place is offered).

The name left is offered instead, when at least two characters and not generic; nothing when none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import kind_by_suffix, occurrences
from reader.core.tag_districts import restored_district
from reader.core.tag_ranking import Candidate

_NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几多数")
_MEASURES = frozenset("户名幅条个部支位家座所项件次场只辆间栋张本套批台棵")
_INTRODUCING_POS = ("v", "p", "c")
# Verbs and prepositions that introduce a name (one of jieba's words at the name's start).
_INTRODUCING = frozenset(
    (
        "委托", "联系", "唱响", "以", "和", "与", "及", "由", "向", "对", "为", "在", "到", "让", "经",
        "据", "请", "邀请", "组织", "联合", "依托", "携手", "走进", "来到", "前往",
        "通过", "协调", "指导", "帮助",
    )
)  # fmt: skip
# Prepositions jieba may glue to a name's first character when it cannot read the name (由 + 纬 + 五路社区):
# taken off only from a word of jieba's own making, and never 向, 对, 让, 从 (向东社区, 让胡路区, 从化区: see
# tag_districts.restored_district).
_GLUED_PREPOSITIONS = frozenset("由被把给")
_TAIL_PREPOSITIONS = frozenset("由在向对为")  # …and glued to the end of the word before a name (团由)
_COMMON_NOUN = 100  # jieba's dictionary frequency of a common noun (物业 239)
_ORGANISING = ("主办", "承办", "协办", "举办", "指导", "支持")
_WHERE = (
    "县城", "城区", "市区", "辖区", "全县", "全区", "全镇", "全市",
    "本市", "我县", "我区", "镇里", "村里", "县里",
)  # fmt: skip
_AND = frozenset("和与及")
# A place and a part of it: 五龙潭公园 + 南门广场, 泉城广场 + 西侧, 舜玉小区 + 北门 (the place is offered).
_PART_OF_PLACE = re.compile(
    r"^(.{2,}?(?:公园|小区|景区|广场|市场|花园|新村))[东西南北][门侧口角][\u4e00-\u9fff]{0,3}$"
)
TRIMMED_REASONS = frozenset({"suffix", "phrase", "organisation", "place"})


def trimmed(
    candidates: Iterable[Candidate],
    tokens: Sequence[Token],
    original: str,
    text: str,
    generic: Callable[[str], bool],
) -> Iterator[Candidate]:
    """The ``candidates`` with their edges trimmed (a person's are the name finders'); those with
    nothing left are left out."""
    starts = {t.start: t for t in tokens}
    for cand in candidates:
        if cand.reason in TRIMMED_REASONS and cand.kind != "person":
            key = trimmed_key(restored_district(cand.key, text), text, starts, generic)
            if key is None:
                continue
            if key != cand.key:
                at = text.find(key)
                cand.key, cand.name, cand.positions = key, original[at : at + len(key)], []
        yield cand


def trimmed_key(
    key: str, text: str, starts: Mapping[int, Token], generic: Callable[[str], bool]
) -> str | None:
    """``key`` with what the sentence put around it taken off (see the module docstring); ``key``
    itself when nothing is; None when nothing worth offering is left."""
    positions = occurrences(text, key)
    if not positions:
        return key
    at = positions[0]
    part = _PART_OF_PLACE.match(key)
    if part is not None:
        return part.group(1)  # 五龙潭公园 + 南门广场: the park, not its gate
    start, end = 0, len(key)
    if key[0] in _MEASURES and at > 0 and text[at - 1] in _NUMERALS:
        start = 1
    elif key.startswith(_WHERE):
        start = 2
    else:
        first = starts.get(at)
        if (
            first is not None
            and first.word in _INTRODUCING
            and first.pos.startswith(_INTRODUCING_POS)
            and len(key) - len(first.word) >= 3
        ):
            start = len(first.word)
        elif (
            first is not None
            and first.word[0] in _GLUED_PREPOSITIONS
            and len(first.word) > 1
            and not segmenter.is_known(first.word)
            and len(key) >= 4
        ):
            start = 1
        elif first is not None and _glued_tail(first) and len(key) - len(first.word) >= 4:
            start = len(first.word)  # 实践 + 团由 + 宁波大学团委: a noun's end and 由, glued by jieba
        elif first is not None and _generic_before_place(first, starts.get(at + len(first.word)), key):
            start = len(first.word)  # 物业 + 宁波恒信物业管理有限公司: the company is named from its city
    if key.endswith(_ORGANISING) and end - start > 4:
        end -= 2
    joined = _joined(key, at, start, end, starts)
    if joined is not None:
        end = joined
    if (start, end) == (0, len(key)):
        return key
    rest = key[start:end]
    if len(rest) < 2 or generic(rest):
        # 城区 + 派出所, 城区 + 街道: a name whose place word is its own (what is left names nothing)
        return key if key.startswith(_WHERE) and end == len(key) else None
    return rest


def _glued_tail(first: Token) -> bool:
    """A word jieba made of the end of the word before and a preposition (团由, 队在)."""
    word = first.word
    return len(word) == 2 and word[1] in _TAIL_PREPOSITIONS and not segmenter.is_known(word)


def _generic_before_place(first: Token, second: Token | None, key: str) -> bool:
    """A common noun before a place that begins an organisation's name by suffix (物业 + 宁波 + …公司)."""
    return (
        second is not None
        and second.pos == "ns"
        and first.pos == "n"
        and segmenter.common_word(first.word, _COMMON_NOUN)
        and kind_by_suffix(key[len(first.word) :]) == "organisation"
    )


def _joined(key: str, at: int, start: int, end: int, starts: Mapping[int, Token]) -> int | None:
    """Where the first of two names joined with 和/与/及 ends: both are names by their suffixes
    (…有限公司 + 和 + 维保公司), the conjunction at one of jieba's word starts.  Not inside one name
    (住房和城乡建设局: 上海市住房 is no name)."""
    for offset in range(start + 2, end - 1):
        tok = starts.get(at + offset)
        if tok is None or key[offset] not in _AND or not tok.word.startswith(key[offset]):
            continue
        if len(tok.word) > 1 and segmenter.is_known(tok.word):
            continue  # 和平, 和谐: a word of the dictionary that starts with 和, no conjunction
        if kind_by_suffix(key[start:offset]) and kind_by_suffix(key[offset + 1 : end]):
            return offset
    return None
