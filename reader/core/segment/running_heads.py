"""A running header of fields between pipes: ``P4 | COMMUNITY NEWS | May 8, 2024``.

Also with ``｜`` or ``丨``: a page code (``P4``, ``A2``, ``第4版``) or a date (``May 8, 2024``,
``2024年5月8日``) among short fields (Latin words, a word or two of Han characters).  Page
furniture, as ``第2版 社区`` is (:mod:`.furniture`), and it starts a new page.  An item title
``联洋二 | 感受红色文化`` has neither, so it stays one.
"""

from __future__ import annotations

import re

_PIPES = re.compile(r"\s*[|｜丨]\s*")
_PAGE_CODE = re.compile(
    r"(?:Page|PAGE|P|p)\s*\.?\s*\d{1,3}|[A-H]\d{1,2}|第\s*[0-9一二三四五六七八九十]{1,3}\s*版|\d{1,3}\s*版"
)
_MONTHS = (
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July"
    "|August|September|October|November|December"
)
_DATE_FIELD = re.compile(
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})"
    r"|(?:19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?(?:\s*星期[一二三四五六日天])?"
)
_SHORT_FIELD = re.compile(r"[A-Za-z][A-Za-z &'.\-]{0,30}|[\u4e00-\u9fff·]{1,8}")
RUNNING_HEADER_MAX_CHARS = 60


def is_pipe_running_header(text: str) -> bool:
    """True for ``P4 | COMMUNITY NEWS | May 8, 2024``: short fields between pipes, a page code or date."""
    if len(text) > RUNNING_HEADER_MAX_CHARS or ("|" not in text and "｜" not in text and "丨" not in text):
        return False
    fields = [field for field in _PIPES.split(text.strip("|｜丨 ")) if field]
    if len(fields) < 2:
        return False
    marked = False
    for field in fields:
        if _PAGE_CODE.fullmatch(field) is not None or _DATE_FIELD.fullmatch(field) is not None:
            marked = True
        elif _SHORT_FIELD.fullmatch(field) is None:
            return False
    return marked
