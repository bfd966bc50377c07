"""Districts and counties the article names, ranked as names (tag suggestions, round 12).

Round 11 capped a place of three characters or fewer that only jieba's part of speech found and the
body names once (静安区 in passing) at a keyword named once.  The independently labelled parts
(NEW7 … NEW10) say otherwise for districts: their labellers tagged a district (…区, …新区, …县) the
article names 51 times of 61, most often named once at the head of a chain (长宁区天山路街道,
宝山区罗店镇); the rule writer's own parts rarely did (2 of 18).  A district the article names
is lifted to :data:`DISTRICT_FLOOR`; a kind of district the dictionary knows as a common word
(自治县, 开发区) is not.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core import segmenter
from reader.core.tag_districts import is_district
from reader.core.tag_ranking import Candidate

DISTRICT_FLOOR = 8.0  # a name named once: districts come first in the text, so they rank above those
DISTRICT_ENDS = ("区", "县")  # not 市: a city is where the paper is, rarely what the article is filed under
COMMON_DISTRICT = 1000  # dictionary frequency: 自治县 (4,055) is a kind of county, not one


def lift_districts(candidates: Iterable[Candidate]) -> None:
    """Lift every district or county the article names to :data:`DISTRICT_FLOOR`."""
    for cand in candidates:
        if cand.kind == "place" and cand.key.endswith(DISTRICT_ENDS) and _named_district(cand.key):
            cand.score = max(cand.score, DISTRICT_FLOOR)


def _named_district(key: str) -> bool:
    """A district by its name (长宁区, 浦东新区), not a kind of one the dictionary knows as a common
    word (自治县, 开发区)."""
    return (
        is_district(key)
        and segmenter.dictionary_pos(key) != "n"
        and segmenter.dictionary_frequency(key) < COMMON_DISTRICT
    )
