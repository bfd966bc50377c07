"""Districts, cities and counties that begin an organisation's full name (tag suggestions).

长宁区市场监督管理局, 普陀区建设和管理委员会, 嘉定区卫生健康委员会: between a district and the suffix
of the body it begins, every word is the name's, generic (建设, 管理) or an adjective to jieba (卫生,
健康) as it may be.  The suffix finders walk back from the suffix over the words a name is made of
and stop at the first that is not; :func:`district_start` then looks a few words further for the
district, over nouns, adjectives and 和 only (a verb or a particle ends the search).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core import segmenter
from reader.core.segmenter import Token

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_DISTRICT_ENDS = ("区", "市", "县")
COMMUNITY_AREAS = ("社区", "小区", "居民区", "片区", "园区", "街区", "辖区", "城区")
REACH = 6  # words between a district and the suffix of the body it begins
_INNER_POS = frozenset({"n", "vn", "nz", "ns", "l", "j", "a", "an"})  # ns: 五华区 + 城市 + 管理局
_AND = frozenset({"和", "与"})
# A county or city made a district (从化市 → 从化区): jieba, knowing only the old name, may read its first
# character as a preposition (从 + 化区人民法院).
_SHORT_DISTRICT = re.compile(r"^[\u3400-\u9fff]{1,2}区")


def is_district(word: str) -> bool:
    """A district, city or county (长宁区, 上海市, 浦东新区), not a community (联洋社区, 辖区)."""
    return len(word) >= 3 and word.endswith(_DISTRICT_ENDS) and not word.endswith(COMMUNITY_AREAS)


def district_start(tokens: Sequence[Token], j: int, i: int) -> int:
    """Where the name of the body whose suffix is ``tokens[i]`` starts, when the walk back stopped at
    ``j``: at a district a few words before, else ``j``."""
    for k in range(j - 1, max(-1, i - REACH), -1):
        word = tokens[k].word
        if is_district(word):
            return k
        if not _CJK.match(word) or not (tokens[k].pos in _INNER_POS or word in _AND):
            break
    return j


def restored_district(key: str, text: str) -> str:
    """``key`` with the first character of its district given back when jieba read it as the word before
    (化区人民法院 in 从化区人民法院: 从化市 is a place to jieba's dictionary); ``key`` itself otherwise."""
    short = _SHORT_DISTRICT.match(key)
    at = text.find(key)
    if short is None or at < 1 or not _CJK.match(text[at - 1]):
        return key
    name = text[at - 1] + short.group()[:-1]
    if any(segmenter.dictionary_pos(name + end) == "ns" for end in ("市", "县")):
        return text[at - 1] + key
    return key
