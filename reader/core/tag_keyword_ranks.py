"""Keywords ranked by how the article names them, for tag suggestions: a compound topic the article
is about is not sunk by the library's IDF, and a short word named once in passing does not outrank it.

A keyword's score is its TF-IDF scaled by its rarity, so the compound topics archivists tag most
(加装电梯, 垃圾分类, 食品安全: they recur across the library, so their IDF is low) sink below a rare
two-character word named once (欢颜, 助阵, 直观).  Here:

- a keyword of two or three characters named once, outside the headings, scores no more than
  :data:`ONCE_CEILING`;
- a keyword of four characters or more (a compound of two words) named twice or more, or in a
  heading, scores at least :data:`SUBJECT_FLOOR`: above the words named in passing, below a name
  named once (8) or a quoted term named once (7.25, round 13).

A place or an organisation of three characters or fewer that only jieba's part of speech found
(no suffix, role or quotation marks) and that the body names once is a place passed through or a
common body (静安区, 美化 and 镇里 read as places, 武装部, 卫生室): it scores no more than a keyword
named once in passing (round 11: 5 of 48 such places in the development parts' top 10 were labels).

And the other side of a title's emphasis (round 11, with :mod:`reader.core.tag_title_echoes`): a
keyword, quoted term or phrase that only the headings name, never the body, is a headline's word
(笑脸, 欢颜, 助阵: the title's flourish, not what the article reports) and scores no more than
:data:`HEADLINE_CEILING`, below a keyword the body names once in passing.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.tag_district_ranks import lift_districts
from reader.core.tag_ranking import Candidate

COMPOUND_LENGTH = 4  # two words of two characters
ONCE_CEILING = 5.0
SUBJECT_FLOOR = 5.5
POS_NAMES = frozenset({"place", "organisation"})  # found by jieba's part of speech alone
SHORT_NAME = 3  # characters: a district, a town, a common body (卫生室); not 大理白族自治州
HEADLINE_REASONS = frozenset({"keyword", "quoted", "phrase"})
HEADLINE_CEILING = 4.0  # below a keyword named once in passing (ONCE_CEILING)


def rank_by_mentions(candidates: Iterable[Candidate], heading_end: int) -> None:
    """Lift compound keywords named twice or in a heading; cap short keywords named once in passing and
    topics only the headings name; then lift the districts the article names (round 12,
    :mod:`reader.core.tag_district_ranks`: not capped as places in passing)."""
    candidates = list(candidates)
    for cand in candidates:
        if cand.reason in HEADLINE_REASONS and cand.positions and cand.positions[-1] < heading_end:
            cand.score = min(cand.score, HEADLINE_CEILING)
            continue
        if cand.reason in POS_NAMES and len(cand.positions) == 1 and cand.positions[0] >= heading_end:
            if len(cand.key) <= SHORT_NAME:
                cand.score = min(cand.score, ONCE_CEILING)  # 美化, 镇里, 静安区, 武装部 in passing
            continue
        if cand.reason != "keyword" or not cand.positions:
            continue
        in_heading = cand.positions[0] < heading_end
        if len(cand.key) >= COMPOUND_LENGTH:
            if len(cand.positions) >= 2 or in_heading:
                cand.score = max(cand.score, SUBJECT_FLOOR)
        elif len(cand.positions) == 1 and not in_heading:
            cand.score = min(cand.score, ONCE_CEILING)
    lift_districts(candidates)
