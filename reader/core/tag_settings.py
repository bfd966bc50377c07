"""Where an article is set: the places of a chain that names it (tag suggestions, round 7).

News gives the place of what it reports as a chain from the largest to the smallest, written in
one breath: 浙江省 + 安吉县 + 天荒坪镇 + 大溪村, 广州市 + 越秀区 + 北京街道.  The chain's head (the
province or city) is the frame every article of the region shares; the places after it are where
this one is set, and each is usually named once.  A province, city or prefecture (…省, …市, …州)
whose every occurrence is followed by another place is a *frame* and sinks; the places after it in
the chain that are no frames themselves rise, as a place named in the title does (江苏省 + 苏州市 +
吴江区 + 黎里镇: the first two sink).  A district or county heading a chain (姑苏区 + 平江街道) is
already the article's own place and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.tag_ranking import Candidate

FRAME_ENDS = ("省", "市", "州")  # the levels above a county
FRAME_FACTOR = 0.6  # a chain's head (浙江省, 广州市) is the region's, not the article's
SETTING_BONUS = 3.0  # a place inside the chain is where the article is set (as a title's place)


def settle_chains(candidates: Sequence[Candidate]) -> None:
    """Sink the heads of place chains and raise the places after them (see the module docstring)."""
    places = [c for c in candidates if c.kind == "place" and c.positions and c.tag_id is None]
    starts: dict[int, list[Candidate]] = {}
    for place in places:
        for p in place.positions:
            starts.setdefault(p, []).append(place)
    raised: set[int] = set()
    for place in places:
        n = len(place.key)
        if not place.key.endswith(FRAME_ENDS) or not all(p + n in starts for p in place.positions):
            continue
        place.score *= FRAME_FACTOR
        for p in place.positions:
            _raise_chain(p + n, starts, raised)


def _raise_chain(at: int, starts: dict[int, list[Candidate]], raised: set[int]) -> None:
    """Raise the places of the chain going on at ``at`` (the longest place there, then the next)."""
    while at in starts:
        place = max(starts[at], key=lambda c: len(c.key))
        if id(place) not in raised and not place.key.endswith(FRAME_ENDS):
            raised.add(id(place))
            place.score += SETTING_BONUS
        at += len(place.key)
