"""The lines of a script: cross-talk (相声), a sketch, a dialogue (qaseg29's class 5; file 09, min m8).

Each line opens with the speaker's label, ``甲：…`` ``乙：…``; a short one (``乙：嗐！``,
``甲：你还真说对了，老张就住对门！``) reads on its own as a heading, and the script was cut in two
at a kicker and a title.  When two speakers or more take turns over several lines, each speaking
twice or more (a form's fields, ``时间：…`` ``地点：…``, are each there once), every such line is a
paragraph of the script.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.core.segment.classify import LineKind, TaggedLine

# A speaker's label: 甲：, 乙:, 丙：, 逗哏：, 老王：, A：.
_SPEAKER = re.compile(r"([甲乙丙丁]|[\u3400-\u9fff]{2,3}|[A-D])\s*[:：]\s*\S")
# A script has at least this many speakers' lines, from at least two speakers, one after the other.
SCRIPT_MIN_LINES = 4
SCRIPT_MIN_SPEAKERS = 2
_REKINDABLE = (LineKind.HEADING, LineKind.SUBHEADING, LineKind.ITEM_TITLE, LineKind.SUBTITLE)


def _speaker(line: TaggedLine) -> str | None:
    match = _SPEAKER.match(line.text)
    return None if match is None else match.group(1)


def mark_script_lines(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """Re-tag every speaker's line of a script as a paragraph (see the module); a new list when any."""
    marked: list[TaggedLine] | None = None
    i = 0
    while i < len(tagged):
        j = i
        speakers: list[str] = []
        while j < len(tagged) and (name := _speaker(tagged[j])) is not None:
            speakers.append(name)
            j += 1
        turns = sum(1 for a, b in pairwise(speakers) if a != b)
        voices = len(set(speakers))
        if (
            j - i >= SCRIPT_MIN_LINES
            and SCRIPT_MIN_SPEAKERS <= voices <= (j - i) // 2  # (a form's fields: 时间：… 地点：… each once)
            and turns >= j - i - 2
        ):
            for k in range(i, j):
                if tagged[k].kind in _REKINDABLE:
                    marked = marked if marked is not None else list(tagged)
                    marked[k] = tagged[k].with_kind(LineKind.PARAGRAPH)
        i = max(j, i + 1)
    return tagged if marked is None else marked
