"""Districts, counties and streets named in a place chain, for tag suggestions (round 10).

News names where something happens as a chain from the largest place to the smallest, written in
one breath: 北京市 + 东城区 + 东四街道, 厦门市 + 思明区 + 鹭江街道.  The district after the city is a
place whatever jieba's part of speech says of it (思明区 a common noun, 渝中区 an organisation) and
whatever its name ends with (东城区 ends like 城区, a town's centre): right after a province, city or
prefecture, a word ending with 区 or 县 is a district or county, unless it is a common noun of the
dictionary (市区, 开发区, 山区).  Found by its suffix, it is a name with a boundary of its own, and
the chain's rule (:mod:`reader.core.tag_settings`) raises it above the city.

A party committee's department is named with its district's short name (思明 + 区委组织部): when
the article names the district in full elsewhere (思明区), the body is 思明区委组织部, not the
generic 区委组织部 of every district.

The street after the district is named by whatever words come before 街道, a road (坡子街街道,
经八路街道: the tokenizer cuts 街 and 路 off as words of their own) or a time word (东四街道): right
after a district, one to three words of a name and 街道 are one street, not a road and a fragment.
So is the community after its street or township (坡子街街道 + 西 + 牌楼 + 社区: 西牌楼社区, not 牌楼社区).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from itertools import pairwise

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_ranking import Candidate
from reader.core.tag_settings import FRAME_ENDS

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_HIGHER_POS = frozenset({"ns"})
_DISTRICT_ENDS = ("区", "县")
_NOT_DISTRICTS = ("社区", "小区", "居民区", "片区", "园区", "街区", "辖区", "校区", "景区", "新片区")
STREET = "街道"
_COMMITTEES = ("区委", "县委", "市委")
_STREET_WORDS = 3
# 清名 (an adjective to jieba) + 桥 + 街道: any of these words may name a street after its district
_STREET_NAME_POS = frozenset({"n", "ns", "nz", "nr", "nrt", "m", "t", "j", "b", "a"})
COMMUNITY = "社区"
# 西 + 牌楼 + 社区: a direction may begin a community's name; a numeral (首家, 第五届) does not
_COMMUNITY_NAME_POS = frozenset({"n", "ns", "nz", "nr", "nrt", "j", "b", "f"})
COMMON_NOUN_FREQ = 500  # a word the dictionary sees this often (市区 2460, 开发区 3667) is no district's name


def chain_places(tokens: Sequence[Token], original: str) -> list[Candidate]:
    """Districts and counties right after a province, city or prefecture (北京市 + 东城区), party
    departments named with their district (思明 + 区委组织部), streets right after a district
    (东城区 + 东四 + 街道) and communities right after a street (坡子街街道 + 西 + 牌楼 + 社区)."""
    found: dict[str, Candidate] = {}
    for prev, tok in pairwise(tokens):
        if (
            prev.pos in _HIGHER_POS
            and prev.word.endswith(FRAME_ENDS)
            and prev.end == tok.start
            and _district_name(tok.word)
            and tok.word not in found
        ):
            found[tok.word] = Candidate(
                tok.word, original[tok.start : tok.end], "place", "suffix", detail=tok.word[-1]
            )
    for prev, tok in pairwise(tokens):
        key = prev.word + tok.word
        if _committee_of(prev, tok, original) and key not in found:
            name = original[prev.start : tok.end]
            found[key] = Candidate(key, name, "organisation", "suffix", detail=tok.word[:2])
    for i, tok in enumerate(tokens):
        if tok.word == STREET:
            start = _chain_start(tokens, i, _district_name, _STREET_NAME_POS)
        elif tok.word == COMMUNITY:
            start = _chain_start(tokens, i, _street_name, _COMMUNITY_NAME_POS)
        else:
            continue
        if start is not None:
            key = "".join(t.word for t in tokens[start : i + 1])
            if key not in found and tokens[start].start + len(key) == tok.end:
                name = original[tokens[start].start : tok.end]
                found[key] = Candidate(key, name, "place", "suffix", detail=tok.word)
    return list(found.values())


def _committee_of(prev: Token, tok: Token, original: str) -> bool:
    """A party committee's department named with its district's short name (思明 + 区委组织部), when
    the article names the district in full too (思明区)."""
    if not (tok.word.startswith(_COMMITTEES) and len(tok.word) > 2 and prev.end == tok.start):
        return False
    district = prev.word + tok.word[0]
    return (
        2 <= len(prev.word) <= 3
        and bool(_CJK.match(prev.word))
        and original.count(district) > original.count(district + tok.word[1])
    )


def _district_name(word: str) -> bool:
    """A word that names a district or county when it follows a city (not 市区, 开发区, 社区)."""
    return (
        len(word) >= 3
        and word.endswith(_DISTRICT_ENDS)
        and not word.endswith(_NOT_DISTRICTS)
        and bool(_CJK.match(word))
        and segmenter.dictionary_frequency(word) < COMMON_NOUN_FREQ
    )


def _street_name(word: str) -> bool:
    """A word that ends a street's or a township's name (坡子街街道 + 西牌楼社区)."""
    return len(word) >= 2 and word.endswith(("街道", "镇", "乡"))


def _chain_start(
    tokens: Sequence[Token], i: int, higher: Callable[[str], bool], name_pos: Collection[str]
) -> int | None:
    """Where the place ending with ``tokens[i]`` (街道, 社区) starts, when the place above it in the
    chain (``higher``) is right before one to three words of a name: the first of them."""
    for start in range(i - 1, max(0, i - 1 - _STREET_WORDS), -1):
        word = tokens[start].word
        if tokens[start].pos not in name_pos or not _CJK.match(word):
            return None
        before = tokens[start - 1]
        if before.end == tokens[start].start and higher(before.word):
            return start
    return None
