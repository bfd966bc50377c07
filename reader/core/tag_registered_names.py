"""Companies, cooperatives and schools by their registered name (tag suggestions, round 12).

A registered name runs from a city or province to the body's form: 上海 + 云图 + 数据 + 科技 +
有限公司, 上海 + 星河 + 文化 + 发展 + 有限公司, 上海 + 顾北 + 职业技能 + 培训 + 学校.  The suffix
finder walks back from the suffix and stops at the first generic word (数据, 发展: in community
news they name nothing), so the article's company came out as its tail (科技有限公司) or not at all,
and 上海, generic too, never began a name.  Here a city or province the dictionary knows as a place
(上海, 北京, 浙江), followed by a word that is not generic (the company's own name: 云图, 星河,
顾北) and by nothing but nouns up to the suffix, begins the name: the words between may be generic
(the trade: 数据科技, 文化发展, 物业服务).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences

REGISTERED_SUFFIXES = ("有限公司", "公司", "合作社", "学校", "事务所")
REACH = 5  # words between the city and the suffix: 云图 + 数据 + 科技 (a brand, trades)
MAX_LENGTH = 20
_INNER_POS = frozenset({"n", "vn", "nz", "nr", "nrt", "nrfg", "ns", "nt", "j", "l", "g", "ng", "b", "f"})
_PLACE_POS = "ns"


def registered_names(
    tokens: Sequence[Token], original: str, text: str, generic: Collection[str]
) -> list[Found]:
    """Bodies named from their city or province to their form (new candidates)."""
    out: dict[str, Found] = {}
    for i, tok in enumerate(tokens):
        if not tok.word.endswith(REGISTERED_SUFFIXES) or not CJK.match(tok.word):
            continue
        suffix = next(s for s in REGISTERED_SUFFIXES if tok.word.endswith(s))
        start = _city_start(tokens, i, generic)
        if start is None:
            continue
        begin = tokens[start].start
        key = text[begin : tok.end]
        if key not in out and len(key) <= MAX_LENGTH:
            name = original[begin : tok.end]
            out[key] = Found(key, name, "organisation", "suffix", suffix, occurrences(text, key))
    return list(out.values())


def _city_start(tokens: Sequence[Token], i: int, generic: Collection[str]) -> int | None:
    """The index of the city that begins the registered name ending with ``tokens[i]``, or None."""
    for k in range(i - 1, max(-1, i - 1 - REACH), -1):
        word = tokens[k]
        if not CJK.match(word.word) or word.pos not in _INNER_POS:
            return None
        brand = tokens[k + 1]
        if (
            k + 1 < i
            and len(word.word) >= 2
            and segmenter.dictionary_pos(word.word) == _PLACE_POS
            and brand.word not in generic
            and segmenter.dictionary_pos(brand.word) != _PLACE_POS
        ):
            return k
    return None
