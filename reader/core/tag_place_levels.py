"""The level of a place a tag suggestion names: a city, a province or a country is where a community
paper's article happens, rarely what an archivist files it under (they tag the district, the street,
the village, the estate: 0.10 of the cities and none of the provinces jieba's tagger offered in the
top ten of the labelled set were labels, against 0.72 of the districts)."""

from __future__ import annotations

from reader.core import segmenter
from reader.core.tag_candidates import CJK

# Endings of what a place named as such is: an administrative unit below the city, a settlement, a
# street, a water, a hill, a park or a building (区, 村, 路, 河, 山, 园, 门).
_NAMED_PLACE_ENDINGS = frozenset("区县乡镇村旗州盟岛湾港河江湖山海街路巷里弄苑园门桥塘浦泾洲坊寨屯堡峡滩")
_WIDE_ENDINGS = ("市", "省", "自治区")
CONTEXT_COST = 2.0  # what a context place loses from its base: below the names and terms of the article


def context_place(key: str) -> bool:
    """True for a place jieba's part of speech alone found that is a city, a province or region, a
    country (杭州市, 河南省, 越南), or a common word the tagger reads as a place (湖畔, 开春); not a
    place of the bundled or the user's dictionary (崇明).  镇里 and 县里 are no places at all
    (:mod:`reader.core.tag_vocabulary`)."""
    if not CJK.match(key):
        return False  # 上生·新所: a venue named with a dot, not jieba's word
    if key.endswith(_WIDE_ENDINGS):
        return True
    if key[-1] in _NAMED_PLACE_ENDINGS or _local(key):
        return False
    return segmenter.dictionary_pos(key) != "ns" or len(key) <= 2


def _local(key: str) -> bool:
    """A place of the bundled or the user's dictionary (崇明, 浦东: a paper's districts by their short
    names), not a city jieba's own dictionary holds (杭州)."""
    return segmenter.is_known(key) and segmenter.dictionary_frequency(key) == 0
