"""What a page prints after its last article that is no article: a lone photo with its caption, the
footnotes gathered at the page's end (qaseg36's class 5; files 03 and 12, min m6).

::

    比赛结果将于本月十日揭晓。

    【图】
    冰雪大世界夜景。本报记者　刘冬　摄
    本版图片除署名外均由冰雪大世界提供

    （全文完）

    注释：
    ①饼匠：当地对专门制作面点的手艺人的称呼。
    ②老年大学：此处指晋中市老年大学……
    本版投稿信箱：jzlnb@126.com

Set after a blank line at the end of the text, a photo marker (``【图】``, ``[图片]``, ``[image]``) with only
its caption after it, or a footnotes label (``注释：``, ``注：``) with the numbered notes under it (and at
most a line or two of the page's notes, no heading), became an untitled article of its own.  They are made
furniture: leftovers after the last article, which they never belong to (a photo marker and caption
between articles are left as they were).
"""

from __future__ import annotations

import re

from reader.core.model import LeftoverKind
from reader.core.segment.classify import LineKind, TaggedLine

_PHOTO = re.compile(r"[【\[〔(（]\s*(?:图|图片|照片|相片|摄影|[Ii]mage|IMAGE|[Pp]hoto|PHOTO)\s*[】\]〕)）]")
_NOTES = re.compile(r"(?:注释|注解|注|附注|脚注)\s*[:\uff1a]?")
_NOTE_ITEM = re.compile(r"[①-⑳]|[\[［(（]\s*\d{1,2}\s*[\]］)）]|注\s*\d{1,2}")
CAPTION_LINES_MAX = 3  # a photo's caption and credit: no more lines than this
EXTRA_LINES_MAX = 2  # after the numbered notes, the page's own notes (本版投稿信箱：…)
EXTRA_CHARS_MAX = 60
_ENDS = (LineKind.PARAGRAPH, LineKind.SOURCE, LineKind.CAPTION)  # how the last article ends
_HEADINGS = (LineKind.HEADING, LineKind.ITEM_TITLE, LineKind.SUBHEADING, LineKind.SUBTITLE, LineKind.BYLINE)


def _photo_tail(tagged: list[TaggedLine], k: int) -> bool:
    """True when line ``k`` is a photo marker with no more than its caption after it, to the end."""
    rest = tagged[k + 1 :]
    return (
        _PHOTO.fullmatch(tagged[k].text) is not None
        and 0 < len(rest) <= CAPTION_LINES_MAX
        and all(line.kind not in _HEADINGS and not line.line.gap_before for line in rest[:-1])
        and not rest[-1].line.gap_before  # (本版图片除署名外均由…提供 last: the page's credit, however read)
    )


def _notes_tail(tagged: list[TaggedLine], k: int) -> bool:
    """True when line ``k`` is a footnotes label with only numbered notes after it (and the page's notes)."""
    text = tagged[k].text
    label = _NOTES.match(text)
    if label is None:
        return False  # (①… ②… alone after a blank line: the article's own list, maybe)
    if label.end() < len(text) and _NOTE_ITEM.match(text[label.end() :].lstrip()) is None:
        return False  # 注：本文数据截至11月底。 is a note of the article, not a page's footnotes
    rest = tagged[k + 1 :]
    items = 0
    while items < len(rest) and _NOTE_ITEM.match(rest[items].text) is not None:
        items += 1
    extra = rest[items:]
    return (
        (items > 0 or label.end() < len(text))
        and len(extra) <= EXTRA_LINES_MAX
        and all(line.kind not in _HEADINGS and len(line.text) <= EXTRA_CHARS_MAX for line in extra)
        and all(not line.text.endswith("。") for line in extra)
    )


def mark_page_end_matter(tagged: list[TaggedLine]) -> list[TaggedLine]:
    """``tagged`` with a lone photo or the gathered footnotes at its end (see the module) made furniture."""
    n = len(tagged)
    for k in range(max(1, n - 12), n):
        line, above = tagged[k], tagged[k - 1]
        if not line.line.gap_before or above.kind not in _ENDS:
            continue
        if _photo_tail(tagged, k) or _notes_tail(tagged, k):
            for j in range(k, n):
                tagged[j] = tagged[j].with_kind(LineKind.FURNITURE, LeftoverKind.OTHER)
            break
    return tagged
