"""Tables drawn with rules: a titled box of its own, each printed row a line of its own (qaseg26's class 1).

A layout engine, a Markdown converter or a typist draws a table with pipes and dashes::

    积分榜(前六名)                       [ 主要股份收市價 ]
    | 名次 | 球队 | 场次 | 积分 |         +--------+------------+
    |---|---|---|---|                    | 代號   | 公司       |
    | 1 | 港务FC | 8 | 19 |              +--------+------------+

Each printed row, border and separator is a line of its own, never the wrapped tail of the line above
(:func:`is_drawn_row`, read by :func:`.whole_lines.never_joins`; :func:`.table_rows.mark_drawn_rows` makes
them the table's body).  A table drawn in its box is set apart
from the article above it: the short heading over it is the box's title, not a subheading of that
article, even when it names what the article spoke of (``积分榜`` under ``…继续领跑积分榜``); a table
set with plain spaces under a story is that story's (:mod:`.item_titles`).
"""

from __future__ import annotations

import re

# | 名次 | 球队 | 积分 |  (three pipes at least: two cells)
_PIPE_ROW = re.compile(r"\|(?:[^|\n]*\|){2,}")
# +--------+------------+   |---|:---:|---|   (a border or a header's separator)
_BORDER = re.compile(r"[+|](?:[ \t]*:?[-=]{2,}:?[ \t]*[+|]){1,}")


def is_drawn_row(text: str) -> bool:
    """True for a printed line of a table drawn with rules: a row between pipes, a border, a separator."""
    line = text.strip()
    if len(line) < 3 or line[0] not in "|+":
        return False
    return _BORDER.fullmatch(line) is not None or (line[0] == "|" and _PIPE_ROW.fullmatch(line) is not None)
