"""What every artefact rule shares: the suggestion type, the rule protocol, character classes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

HEADING_ROLES = frozenset({"section", "kicker", "title", "subtitle", "subheading"})
"""Block roles that are headings: a space may separate their parts."""

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
"""Han ideographs, for use inside a regex character class."""

CJK = HAN + "\u3001-\u303f\u3040-\u30ff\uff01-\uff60\uffe0-\uffee"
"""Han, kana, CJK punctuation and full-width forms: text that is unmistakably East Asian."""

QUOTES = "“”‘’"
"""Curly quotes: used by Chinese and Latin text alike."""

HSPACE = " \t\u3000"
"""Horizontal spaces (a newline is a boundary, not a space)."""

_CJK_CHAR = re.compile(f"[{CJK}]")
_HAN_CHAR = re.compile(f"[{HAN}]")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One finding of a rule: ``text[start:end]`` and what to put there (None = flag only)."""

    rule: str
    start: int
    end: int
    text: str
    replacement: str | None
    explanation: str


class Rule(Protocol):
    """An artefact rule: a name, whether autofix may apply it unseen, and a finder."""

    @property
    def name(self) -> str: ...

    @property
    def safe(self) -> bool: ...

    @property
    def explanation(self) -> str: ...

    def find(self, text: str, *, role: str = "paragraph") -> list[Suggestion]: ...


def is_cjk(char: str) -> bool:
    """True for a Han, kana, CJK punctuation or full-width character."""
    return _CJK_CHAR.match(char) is not None


def has_han(text: str) -> bool:
    """True when ``text`` holds at least one Han ideograph."""
    return _HAN_CHAR.search(text) is not None


def left_of(text: str, index: int) -> int:
    """Index of the nearest character before ``index`` that is not a horizontal space; -1 at a line start."""
    i = index - 1
    while i >= 0 and text[i] in HSPACE:
        i -= 1
    return -1 if i < 0 or text[i] == "\n" else i


def right_of(text: str, index: int) -> int:
    """Index of the nearest character from ``index`` on that is not a horizontal space; -1 at a line end."""
    i = index
    while i < len(text) and text[i] in HSPACE:
        i += 1
    return -1 if i >= len(text) or text[i] == "\n" else i


def char_at(text: str, index: int) -> str:
    """``text[index]``, or "" for the -1 that ``left_of`` / ``right_of`` return at a line edge."""
    return "" if index < 0 else text[index]


def suggestion(
    rule: Rule, text: str, start: int, end: int, replacement: str | None, why: str = ""
) -> Suggestion:
    """A suggestion of ``rule`` for ``text[start:end]``; ``why`` defaults to the rule's explanation."""
    return Suggestion(rule.name, start, end, text[start:end], replacement, why or rule.explanation)
