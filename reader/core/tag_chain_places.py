"""Districts and counties named in a place chain, for tag suggestions (round 10).

News names where something happens as a chain from the largest place to the smallest, written in
one breath: 北京市 + 东城区 + 东四街道, 厦门市 + 思明区 + 鹭江街道.  The district after the city is a
place whatever jieba's part of speech says of it (思明区 a common noun, 渝中区 an organisation) and
whatever its name ends with (东城区 ends like 城区, a town's centre): right after a province, city or
prefecture, a word ending with 区 or 县 is a district or county, unless it is a common noun of the
dictionary (市区, 开发区, 山区).  Found by its suffix, it is a name with a boundary of its own, and
the chain's rule (:mod:`reader.core.tag_settings`) raises it above the city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_ranking import Candidate
from reader.core.tag_settings import FRAME_ENDS

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_HIGHER_POS = frozenset({"ns"})
_DISTRICT_ENDS = ("区", "县")
_NOT_DISTRICTS = ("社区", "小区", "居民区", "片区", "园区", "街区", "辖区", "校区", "景区", "新片区")
COMMON_NOUN_FREQ = 500  # a word the dictionary sees this often (市区 2460, 开发区 3667) is no district's name


def chain_districts(tokens: Sequence[Token], original: str) -> list[Candidate]:
    """Districts and counties right after a province, city or prefecture (北京市 + 东城区)."""
    found: dict[str, Candidate] = {}
    for prev, tok in pairwise(tokens):
        word = tok.word
        if (
            prev.pos not in _HIGHER_POS
            or not prev.word.endswith(FRAME_ENDS)
            or prev.end != tok.start
            or len(word) < 3
            or not word.endswith(_DISTRICT_ENDS)
            or word.endswith(_NOT_DISTRICTS)
            or not _CJK.match(word)
            or segmenter.dictionary_frequency(word) >= COMMON_NOUN_FREQ
            or word in found
        ):
            continue
        found[word] = Candidate(word, original[tok.start : tok.end], "place", "suffix", detail=word[-1])
    return list(found.values())
