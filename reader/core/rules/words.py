"""Flagging rules about stray words and spaces: CJK spaces, Latin words, layout furniture."""

from __future__ import annotations

import re

from reader.core.rules.base import CJK, HAN, HEADING_ROLES, HSPACE, QUOTES, Suggestion, suggestion
from reader.core.script import han_simplified

_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}{QUOTES}])[{HSPACE}]+(?=[{CJK}{QUOTES}])")
SPACED_ROLES = HEADING_ROLES | {"byline", "furniture"}
"""Roles where a space legitimately separates parts (headings, bylines: ``□ 通讯员 卢文华 朱翎``)."""


class CjkSpace:
    """A space between two CJK characters inside a sentence (headings and bylines may use one)."""

    name = "cjk_space"
    safe = False
    explanation = "a space between Chinese characters: remove it"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every run of spaces between CJK characters, to be removed; nothing in headings."""
        if role in SPACED_ROLES or not any(space in text for space in HSPACE):
            return []
        return [suggestion(self, text, m.start(), m.end(), "") for m in _SPACE_BETWEEN_CJK.finditer(text)]


LATIN_TO_CHINESE = {
    "and": "和",
    "or": "或",
    "with": "与",
    "of": "的",
    "is": "是",
    "not": "不",
    "in": "在",
    "at": "在",
    "from": "从",
}
"""Latin words that OCR or an editor left where the Chinese word is obvious."""

# Chinese right before and after (spaces between are part of the span): a word alone, not 3.5mm or a URL.
_LATIN_WORD = re.compile(rf"(?<=[{CJK}])[{HSPACE}]*([A-Za-z]+(?:['’][A-Za-z]+)?)[{HSPACE}]*(?=[{CJK}])")


class LatinWord:
    """A lower-case (or a known) Latin word alone inside a Chinese sentence: ``思想 and 考察``."""

    name = "latin_word"
    safe = False
    explanation = "a Latin word inside a Chinese sentence"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every such word with the spaces around it, and the Chinese word where it is obvious."""
        found: list[Suggestion] = []
        for m in _LATIN_WORD.finditer(text):
            word = m.group(1)
            key = word.lower()
            if key not in LATIN_TO_CHINESE and not word.islower():
                continue  # acronyms and names (APP, GDP, Kitty) are usually meant
            replacement = LATIN_TO_CHINESE.get(key)
            why = f"Latin '{word}' in Chinese text" + (f": use '{replacement}'" if replacement else "")
            found.append(suggestion(self, text, m.start(), m.end(), replacement, why))
        return found


_NUMERAL = "[0-9０-９一二三四五六七八九十百]+"
_LAYOUT = re.compile(
    "|".join(
        (
            r"(?P<word>(?<![A-Za-z])(?:HEADLINE|SUBHEAD(?:LINE)?|CAPTION|PHOTO|KICKER|BYLINE|PULLQUOTE)"
            r"(?![A-Za-z]))",
            rf"(?P<jump>[(（]?(?:上接|下转|接|转)第{_NUMERAL}版[)）]?)",
            rf"(?P<page>第{_NUMERAL}版)",
            rf"(?P<credit>(?:责任编辑|责编|美术编辑|美编|本版编辑|版面编辑|校对|版式设计)[:：]"
            rf"[{HSPACE}]*[{HAN}·]{{0,12}})",
        )
    )
)
_EXPLAIN = {
    "word": "a layout word left in the article",
    "jump": "a continuation note (下转第…版) left in the article",
    "page": "a page number (第…版): page furniture, or a reference?",
    "credit": "an editor's credit (责任编辑…) left in the article",
}


class LayoutWord:
    """Stray page furniture left inside an article: HEADLINE, PHOTO, 第X版, 责任编辑:…"""

    name = "layout_word"
    safe = False
    explanation = "page furniture left in the article"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every piece of furniture; removal is suggested unless it is the whole block or a bare 第X版."""
        found: list[Suggestion] = []
        whole = han_simplified(text.strip())
        for m in _LAYOUT.finditer(han_simplified(text)):  # 下轉第2版, 責任編輯 too (same offsets)
            kind = m.lastgroup or "word"
            start, end = m.span()
            if kind == "page" or m.group() == whole:
                replacement = None  # a reference (详见第3版) or the whole block: the user decides
            else:
                replacement = ""
                start, end = self._with_spaces(text, start, end)
            found.append(suggestion(self, text, start, end, replacement, _EXPLAIN[kind]))
        return found

    @staticmethod
    def _with_spaces(text: str, start: int, end: int) -> tuple[int, int]:
        """Widen a span over the spaces around it, keeping one space between two Latin words."""
        left, right = start, end
        while left > 0 and text[left - 1] in HSPACE:
            left -= 1
        while right < len(text) and text[right] in HSPACE:
            right += 1
        between_latin = (
            start > left
            and right > end
            and text[left - 1 : left].isascii()
            and text[left - 1 : left].isalnum()
            and text[right : right + 1].isascii()
            and text[right : right + 1].isalnum()
        )
        return (start, right) if between_latin else (left, right)
