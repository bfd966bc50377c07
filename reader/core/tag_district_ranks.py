"""Districts and counties the article names, ranked as names (tag suggestions, round 12).

Round 11 capped a place of three characters or fewer that only jieba's part of speech found and the
body names once (静安区 in passing) at a keyword named once.  The independently labelled parts
(NEW7 … NEW10) say otherwise for districts: their labellers tagged a district (…区, …新区, …县) the
article names 51 times of 61, most often named once at the head of a chain (长宁区天山路街道,
宝山区罗店镇); the rule writer's own parts rarely did (2 of 18).  A district the article names
is lifted to :data:`DISTRICT_FLOOR`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.tag_districts import is_district
from reader.core.tag_ranking import Candidate

DISTRICT_FLOOR = 8.0  # a name named once: districts come first in the text, so they rank above those
DISTRICT_ENDS = ("区", "县")  # not 市: a city is where the paper is, rarely what the article is filed under


def lift_districts(candidates: Iterable[Candidate]) -> None:
    """Lift every district or county the article names to :data:`DISTRICT_FLOOR`."""
    for cand in candidates:
        if cand.kind == "place" and cand.key.endswith(DISTRICT_ENDS) and is_district(cand.key):
            cand.score = max(cand.score, DISTRICT_FLOOR)
