"""Lines that end an article although no 。 closes them: list rows and sign-offs.

A paragraph line without closing punctuation usually wants the text after a
break to continue it (a caption the break dropped sits between the halves).
A list or table row (``《城市规划原理》　吴志强主编　TU984/W786　总馆四楼``,
``儿童主日学　李姊妹、陈姊妹``, ``合理化建议奖：焊装车间周海涛…``) or a sign-off
after the last sentence (``…新年進步!主席 何志強``) is finished as it stands:
the title-like line after the break opens the next article, it is no dropped
caption.
"""

from __future__ import annotations

import re

# Two fields set apart by a full-width space or a run of spaces: 祝福　　　陈牧师, 《…》　梁思成著.
_FIELD_GAP = re.compile(r"\S(?:\u3000+| {2,})\S")
# A short label and its value: 合理化建议奖：焊装车间周海涛, 优秀安全员：张卫东、刘芳.
_LABEL_VALUE = re.compile(r"^[^：:，,。；;！!？?\s]{2,8}[：:]\S")
# A sign-off after the last sentence: …新年進步!主席 何志強, …身体健康。主席　张永发.
_SIGN_OFF = re.compile(r"[。！!？?]\s*[^\s。！!？?，,]{0,6}[ \u3000]+[^\s。！!？?，,：:]{2,4}$")


def is_finished_row(text: str) -> bool:
    """True when a line without closing punctuation reads finished: a list/table row or a sign-off."""
    text = text.strip()
    if not text:
        return False
    return bool(_FIELD_GAP.search(text) or _LABEL_VALUE.match(text) or _SIGN_OFF.search(text))
