"""The one SAFE rule: half-width ``, ; : ( ) ? !`` in Chinese text become full-width.

Chinese context is decided from the characters around the punctuation:

* a mark with ASCII characters right against it on both sides is part of an
  ASCII token and never touched: ``1,600``, ``3:30``, ``a,b``, ``http://x?y``;
* URLs and e-mail addresses are never touched;
* otherwise a mark is converted when the nearest non-space character on
  either side is CJK (Han, CJK punctuation, full-width), or when curly quotes
  and line edges surround it (``”,“``);
* a balanced ``(…)`` pair is converted when its content holds Han, or when
  it sits between CJK text (``推进(1+3+N)模式``); ``(1+3)×2`` is left alone.

Every replacement is one character for one, so fixing shifts no position.
"""

from __future__ import annotations

import re

from reader.core.rules.base import QUOTES, Suggestion, has_han, is_cjk, left_of, right_of

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

_RUN = re.compile(r"[,;:?!]+")
_PARENS = re.compile(r"[()]")
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[!-~]+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_URL_TAIL = ".,;:!?)]}'\""

Spans = list[tuple[int, int]]


def protected_spans(text: str) -> Spans:
    """Spans of URLs and e-mail addresses (trailing punctuation not included), sorted."""
    spans: Spans = []
    if "://" in text or "www." in text:
        for m in _URL.finditer(text):
            spans.append((m.start(), m.start() + len(m.group().rstrip(_URL_TAIL))))
    if "@" in text:
        spans.extend(m.span() for m in _EMAIL.finditer(text))
    return sorted(spans)


def _inside(spans: Spans, index: int) -> bool:
    return any(start <= index < end for start, end in spans)


def _ascii(char: str) -> bool:
    return "!" <= char <= "~"


class HalfwidthPunctuation:
    """Half-width punctuation in Chinese text, converted to its full-width form."""

    name = "halfwidth_punctuation"
    safe = True
    explanation = "half-width punctuation in Chinese text: use the full-width form"

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]:
        """Every half-width mark in Chinese context, with its full-width replacement."""
        if not any(c in text for c in FULL_WIDTH):
            return []
        spans = protected_spans(text)
        found = self._parens(text, spans)
        cjk_parens = {s.start for s in found}  # converted parens count as CJK from here on
        for m in _RUN.finditer(text):
            start, end = m.span()
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if _ascii(before) and _ascii(after) and start - 1 not in cjk_parens and end not in cjk_parens:
                continue  # inside an ASCII token: 1,600 3:30 a,b
            if _inside(spans, start):
                continue
            left = self._kind(text, left_of(text, start), cjk_parens)
            right = self._kind(text, right_of(text, end), cjk_parens)
            if "cjk" in (left, right) or ("quote" in (left, right) and "ascii" not in (left, right)):
                found.extend(self._make(text, i) for i in range(start, end))
        found.sort(key=lambda s: s.start)
        return found

    @staticmethod
    def _kind(text: str, index: int, cjk_parens: set[int] | None = None) -> str:
        """Classify a neighbour: 'cjk', 'quote', 'edge' (line edge) or 'ascii'."""
        if index < 0:
            return "edge"
        char = text[index]
        if is_cjk(char) or (cjk_parens is not None and index in cjk_parens):
            return "cjk"
        return "quote" if char in QUOTES else "ascii"

    def _make(self, text: str, index: int) -> Suggestion:
        mark = text[index]
        return Suggestion(
            self.name,
            index,
            index + 1,
            mark,
            FULL_WIDTH[mark],
            f"half-width '{mark}' in Chinese text: use '{FULL_WIDTH[mark]}'",
        )

    def _parens(self, text: str, spans: Spans) -> list[Suggestion]:
        """Both marks of every balanced ASCII pair whose content or surroundings are Chinese."""
        if "(" not in text:
            return []
        found: list[Suggestion] = []
        stack: list[int] = []
        for m in _PARENS.finditer(text):
            i = m.start()
            if _inside(spans, i):
                continue
            if text[i] == "(":
                stack.append(i)
            elif stack:
                opening = stack.pop()
                if self._chinese_pair(text, opening, i):
                    found += [self._make(text, opening), self._make(text, i)]
        return found

    def _chinese_pair(self, text: str, opening: int, closing: int) -> bool:
        if has_han(text[opening + 1 : closing]):
            return True
        left = self._kind(text, left_of(text, opening))
        right = self._kind(text, right_of(text, closing + 1))
        return (left == "cjk" and right in ("cjk", "edge")) or (left == "edge" and right == "cjk")
