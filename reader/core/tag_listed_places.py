"""Places named in a list that says they are places (tag suggestions, round 23).

在五龙潭、黑虎泉、琵琶泉一带巡查; 到千佛山、英雄山等地; 在龙潭湾、白马浪沿岸: a list closed by a word of
where (一带, 等地, 附近, 沿岸…) names places, however jieba reads its items (黑虎泉 ``nr``, 琵琶 + 泉).
When one item at least is a place to jieba's dictionary or by its suffix, or half the items end like a
hill, a spring, a water or a park (千佛山, 黑虎泉), every item that is no common word is offered as a
place, with the reason ``place``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import Found, kind_by_suffix, occurrences

_WHERE = ("一带", "等地", "等处", "附近", "周边", "沿线", "沿岸", "两岸")
_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,6}、){1,7}[\u4e00-\u9fff]{2,5})(?=" + "|".join(_WHERE) + ")")
# Words that open the clause before a list's first item: 每天在 + 五龙潭, 来到 + 千佛山.
_INTRODUCING = frozenset({"在", "到", "赴", "于", "从", "沿", "经", "去", "来到", "前往", "走进", "途经"})
# The last characters of the names of hills, springs, waters, bridges and parks: 千佛山, 黑虎泉, 中山桥.
_LANDFORMS = frozenset("山泉湖河江桥岛湾潭塘园寺塔峰岭")
_COMMON = 1000  # jieba's dictionary frequency over which an item is a word of its own, no place's name


def listed_places(
    tokens: Sequence[Token], original: str, text: str, generic: Callable[[str], bool]
) -> list[Found]:
    """Places listed before a word of where (see the module docstring)."""
    starts = {t.start: t for t in tokens}
    out: dict[str, Found] = {}
    for m in _LIST.finditer(text):
        items = _items(m.group(1), m.start(1), starts)
        named = sum(1 for key, _at in items if len(key) >= 3 and key[-1] in _LANDFORMS)
        if not (any(_known_place(key) for key, _at in items) or 2 * named >= len(items) > 1):
            continue
        for key, at in items:
            if (
                generic(key)
                or segmenter.common_word(key, _COMMON)
                or kind_by_suffix(key) not in (None, "place")
            ):
                continue
            if key not in out:
                name = original[at : at + len(key)]
                out[key] = Found(key, name, "place", "place", "list", occurrences(text, key))
    return list(out.values())


def _items(run: str, at: int, starts: dict[int, Token]) -> list[tuple[str, int]]:
    """The items of a list with where each starts; the first without the words that introduce it."""
    items: list[tuple[str, int]] = []
    for item in run.split("、"):
        items.append((item, at))
        at += len(item) + 1
    first, start = items[0]
    for offset in range(len(first) - 1):
        tok = starts.get(start + offset)
        if tok is not None and tok.word in _INTRODUCING and offset + len(tok.word) < len(first):
            cut = offset + len(tok.word)
            items[0] = (first[cut:], start + cut)  # the last word that introduces it
    return [(key, pos) for key, pos in items if 2 <= len(key) <= 5]


def _known_place(key: str) -> bool:
    return segmenter.dictionary_pos(key) == "ns" or kind_by_suffix(key) == "place"
