"""Reporters and photographers credited in an article's text (tag suggestions, round 23).

Papers print the credit inside the body as often as in a byline line of its own: 本报讯（记者 闫思琪）,
（记者 鞠晓岚 摄）, 通讯员 王芳 李强 报道.  A name named only there is the article's contributor, not what
it is about: no person to file under (round 22), and no topic either (the phrase finders took the name
the person finders refused).  A name the article also names elsewhere (通讯员王芳 … 王芳说) is left to the
other finders.
"""

from __future__ import annotations

import re

_NAME = r"[\u4e00-\u9fff]{2,3}"
_CREDIT = re.compile(
    rf"(?:记者|通讯员|见习记者|实习记者|实习生|摄影|摄像|文|图|文/图|文／图)[ 　：:/／]*"
    rf"({_NAME}(?:[ 　、，,]+{_NAME})*)(?=[ 　]*(?:摄影?|报道|通讯员|[)）】]|\n|$))"
)
_SPLIT = re.compile(r"[ 　、，,]+")
_NOT_NAMES = frozenset({"摄", "报道", "通讯员", "记者"})


def credited_names(text: str) -> list[str]:
    """The names in ``text`` (folded) that stand only in credits, in order of first credit."""
    spans: list[tuple[int, int]] = []
    names: list[str] = []
    for m in _CREDIT.finditer(text):
        at = m.start(1)
        for part in _SPLIT.split(m.group(1)):
            start = text.index(part, at)
            at = start + len(part)
            if part in _NOT_NAMES:
                continue
            spans.append((start, at))
            if part not in names:
                names.append(part)
    return [n for n in names if all(_inside(p, len(n), spans) for p in _positions(text, n))]


def _positions(text: str, name: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(name), text)]


def _inside(at: int, length: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at and at + length <= end for start, end in spans)
