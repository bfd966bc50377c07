"""People introduced by their age (81岁的刘福寿, 86岁的老党员储阿妹), for tag suggestions (round 21).

Community news names residents by their age far more than by a title: ``N岁的`` and, at most, a word or
two of what the person is (老党员, 老票友, 退休教师), then the name.  jieba knows few of these names and
cuts them anyhow (刘 + 福寿, 包美 + 娟, 储 + 阿妹), and what follows is often a verb or a noun of the
sentence (老伴去世, 游了, 年轻时), so no closing character marks the name's end.  After an age the
reading is safe enough to take the usual three characters: a surname and a given name of two,
shortened to one when the third character never ends a name (81岁的王芳说).  Kinship and common
words after a surname-like character (81岁的老人, 9岁的孙女) are no name.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences
from reader.core.tag_role_people import AFTER_NAME

_AGE = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:周)?岁的")
_DESCRIBING_POS = frozenset({"n", "nr", "ng", "vn"})  # 老 + 党员, 退休 + 教师: what the person is
_MAX_DESCRIBING = 4  # characters of what the person is, between the age and the name
_COMMON = 300  # dictionary frequency of a given name that is rather a word (老人, 孩子)
_RARE = 30  # dictionary frequency under which a word may be a name cut in two (陶子 of 陶子涵)


def aged_people(
    tokens: Sequence[Token], original: str, text: str, surnames: Collection[str], compound: Sequence[str]
) -> list[Found]:
    """People named right after their age, or after their age and what they are."""
    out: dict[str, Found] = {}
    starts = {t.start: t for t in tokens}
    for match in _AGE.finditer(text):
        for start in _name_starts(match.end(), starts):
            word = starts.get(start)
            if word is not None and len(word.word) >= 2 and word.pos != "nr" and _a_word(word.word):
                continue  # 党员, 教师: a word of what the person is, not a surname and a name (陶子 + 涵 is)
            key = _name_at(text, start, surnames, compound)
            if key is not None and key not in out:
                out[key] = Found(
                    key,
                    original[start : start + len(key)],
                    "person",
                    "role",
                    match.group(),
                    occurrences(text, key),
                )
                break
    return list(out.values())


def _a_word(word: str) -> bool:
    """A word jieba's dictionaries know as one, not a rare one a name was cut into (陶子 of 陶子涵)."""
    return segmenter.is_known(word) and not 0 < segmenter.dictionary_frequency(word) < _RARE


def _name_starts(at: int, starts: dict[int, Token]) -> list[int]:
    """Where the name may start after an age: right there, or after the words of what the person is."""
    found = [at]
    k = at
    while (word := starts.get(k)) is not None and word.pos in _DESCRIBING_POS and CJK.match(word.word):
        k = word.end
        if k - at > _MAX_DESCRIBING:
            break
        found.append(k)
    return found


def _name_at(text: str, start: int, surnames: Collection[str], compound: Sequence[str]) -> str | None:
    head = text[start : start + 2]
    surname = 2 if head in compound else 1 if head[:1] in surnames else 0
    if not surname:
        return None
    given = ""
    for c in text[start + surname : start + surname + 2]:
        if not CJK.match(c) or c in AFTER_NAME:
            break
        given += c
    if not given:
        return None
    key = text[start : start + surname + len(given)]
    if segmenter.is_known(key) or segmenter.dictionary_frequency(given) >= _COMMON:
        return None  # 老人, 孩子, 孙女: a word, no name
    return key
