"""Flagging rules about punctuation: doubled marks, unbalanced brackets, unclosed paragraphs."""

from __future__ import annotations

import re

from reader.core.rules.base import QUOTES, Suggestion, char_at, is_cjk, left_of, right_of, suggestion

_SINGLE = {",": "，", "，": "，", ";": "；", "；": "；", ":": "：", "：": "：", "。": "。", "、": "、"}
_DOUBLED = re.compile(r"[,，]{2,}|。{2,}|、{2,}|[;；]{2,}|[:：]{2,}|[,，、;；:：]。|。[,，、;；:：]")


class DoubledPunctuation:
    """The same mark twice (``，，`` ``。。`` ``,,``), or a comma and a full stop together."""

    name = "doubled_punctuation"
    safe = False
    explanation = "doubled punctuation: keep one mark"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every run of doubled or conflicting marks; ASCII-only runs only in Chinese context."""
        found: list[Suggestion] = []
        for m in _DOUBLED.finditer(text):
            run = m.group()
            if run.isascii() and not self._chinese_around(text, m.start(), m.end()):
                continue  # std::vector, a,,b
            marks = {_SINGLE[c] for c in run}
            if len(marks) == 1:
                found.append(suggestion(self, text, m.start(), m.end(), marks.pop()))
            else:
                found.append(
                    suggestion(self, text, m.start(), m.end(), None, "a comma and a full stop together")
                )
        return found

    @staticmethod
    def _chinese_around(text: str, start: int, end: int) -> bool:
        left, right = char_at(text, left_of(text, start)), char_at(text, right_of(text, end))
        return any(c and (is_cjk(c) or c in QUOTES) for c in (left, right))


PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "〈": "〉", "「": "」", "『": "』"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_BRACKET = re.compile("[" + re.escape("".join(PAIRS) + "".join(_CLOSERS)) + "]")
_ENUMERATOR = re.compile(r"(?:^|[\s。；;，,、：:])[0-9０-９A-Za-z一二三四五六七八九十]{1,2}$")


class UnbalancedBrackets:
    """An opening quote or bracket without its closing mark, or a closing one without an opening."""

    name = "unbalanced_brackets"
    safe = False
    explanation = "unbalanced quote or bracket"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every unmatched mark, paired per kind; list numbers like ``1)`` and apostrophes pass."""
        open_at: dict[str, list[int]] = {}
        found: list[Suggestion] = []
        for m in _BRACKET.finditer(text):
            i, mark = m.start(), m.group()
            if mark in PAIRS:
                open_at.setdefault(mark, []).append(i)
                continue
            opener = _CLOSERS[mark]
            if open_at.get(opener):
                open_at[opener].pop()
            elif not self._excused(text, i):
                why = f"'{mark}' without an opening '{opener}'"
                found.append(suggestion(self, text, i, i + 1, None, why))
        for opener, positions in open_at.items():
            found.extend(
                suggestion(self, text, i, i + 1, None, f"'{opener}' without a closing '{PAIRS[opener]}'")
                for i in positions
            )
        found.sort(key=lambda s: s.start)
        return found

    @staticmethod
    def _excused(text: str, index: int) -> bool:
        mark = text[index]
        if mark in ")）":
            return _ENUMERATOR.search(text, 0, index) is not None  # 1) 一）
        if mark == "’":  # an apostrophe: don’t
            return char_at(text, index - 1).isalpha() and char_at(text, index - 1).isascii()
        return False


CLOSING = frozenset("。！？!?.…”’」』）)》】；;：:～~—")


class UnclosedParagraph:
    """A paragraph that ends without closing punctuation: maybe a cut the importer did not repair."""

    name = "unclosed_paragraph"
    safe = False
    explanation = "the paragraph ends without closing punctuation: is it cut?"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """The paragraph's last character, flagged, when it is not closing punctuation."""
        if role != "paragraph":
            return []
        end = len(text.rstrip())
        if end == 0 or text[end - 1] in CLOSING:
            return []
        return [suggestion(self, text, end - 1, end, None)]
