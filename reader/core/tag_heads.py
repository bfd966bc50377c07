"""Organisations and places by the head noun of their class (tag suggestions, round 6).

The suffix lists of :mod:`reader.core.tag_candidates` (街道, 中心, 协会…) were written from the
papers read so far; each new kind of body (a 学校, a 法院, a 开发区, a 俱乐部, a 银行) was missed until
someone added it.  The class is larger than any list, and jieba's dictionary holds it: thousands of
organisations (POS ``nt``: 北京大学, 人民法院, 东湖新技术开发区) and places (``ns``: 自治县, 广场)
end with a noun that says what kind of thing they are.  A *head* is such a noun: a word of the
dictionary that ends at least :data:`MIN_NAMES` of its organisations (or places) and whose longer
words are organisations (or places) for at least :data:`MIN_SHARE` of them (大学 ends 345 names of
organisations out of 383 words; 文学 ends 13 among 50, mostly genres: no head).  A single character
is a head on stricter terms: it ends :data:`MIN_CHARACTER_NAMES` names and half of all its words (社,
院, 街; not 学, which ends 数学 and 科学 as often as 大学).  The library adds
its own: the last word of every organisation or place the archivists tagged (合作社 once a
cooperative is tagged).

A name is then read back from a word ending with a head over the words before it: nouns, the
place it is in (a district or city begins it and ends the walk: 静安区人民法院), and at least one
proper noun, unknown word or Latin run (a name, not 社区学校 or 民办学校).  Everything here is pure
except that the dictionary's heads are computed once, on first use.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import (
    CJK,
    EVENT_SUFFIXES,
    NAME_PARTS,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    Found,
    occurrences,
)
from reader.core.tag_districts import is_district
from reader.core.tag_word_edges import between_names

MIN_NAMES = 3
MIN_CHARACTER_NAMES = 100  # a one-character head ends this many names of its class
MIN_CHARACTER_SHARE = 0.5
_CHARACTER_HEAD_POS = frozenset({"n"})
PLACE_CHARACTER_SHARE = 0.3
COMMON_PLACE_FREQ = 300  # a "place" the dictionary knows this well is a common word unless it ends like one
MIN_SHARE = {"organisation": 0.3, "place": 0.5}  # places: many tails of names (山县) are no heads
MIN_FREQUENCY = 100  # a head is a common noun, not the tail of a few names (州市 of 苏州市)
MAX_WORDS = 4
_CLASS_POS = {"nt": "organisation", "ns": "place"}
_HEAD_POS = frozenset({"n", "nt", "l"})
_PROPER_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
# A word jieba does not know but reads as a preposition, conjunction, particle, adverb or pronoun (一键 +
# 通由 + 上海电信) is a clause's, not a name's.
_FUNCTION_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "r", "y", "e", "o"})
_NOUN_POS = frozenset({"n", "vn", "l", "ng"})
_PLACE_NAME_POS = frozenset({"ns", "nr", "nrt", "nrfg"})
_LETTERS = re.compile(r"^[a-z0-9]+$")
_QUOTE_CLOSE = {"”": "“", "」": "「", "』": "『"}
_MAX_QUOTED = 16
_MAX_QUOTED_WORDS = 5
_LISTED = (*PLACE_SUFFIXES, *ORG_SUFFIXES, *EVENT_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Heads:
    """Head nouns of organisations and of places."""

    organisation: frozenset[str] = frozenset()
    place: frozenset[str] = frozenset()

    def __or__(self, other: Heads) -> Heads:
        return Heads(self.organisation | other.organisation, self.place | other.place)

    def kind_of(self, word: str) -> tuple[str, str] | None:
        """(kind, head) when ``word`` is a head or a dictionary word ending with one (人民法院)."""
        for length in (3, 2, 1):
            tail = word[-length:]
            kind = "organisation" if tail in self.organisation else "place" if tail in self.place else None
            if kind is None or len(word) < length:
                continue
            if tail == word or segmenter.dictionary_pos(word) is not None:
                return kind, tail
        return None


_lock = threading.Lock()
_dictionary_heads: Heads | None = None
_place_characters: frozenset[str] | None = None


_GLUED_PREPOSITIONS = frozenset("在于到从向对给把被由为")
_STREET_WORDS = frozenset({"街道", "镇", "乡"})  # a street or township's name ends with the word


def dictionary_heads() -> Heads:
    """The heads jieba's dictionary shows (computed once, about a third of a second; loads jieba)."""
    global _dictionary_heads
    if _dictionary_heads is None:
        entries = segmenter.dictionary_entries()
        with _lock:
            if _dictionary_heads is None:
                _dictionary_heads = _heads_of(entries)
    return _dictionary_heads


def _heads_of(entries: Sequence[tuple[str, str]]) -> Heads:
    pos = dict(entries)
    ending: Counter[str] = Counter()  # words longer than the tail that end with it
    named = {kind: Counter[str]() for kind in MIN_SHARE}
    for word, tag in entries:
        kind = _CLASS_POS.get(tag)
        for length in (1, 2, 3):
            if len(word) > length:
                tail = word[-length:]
                ending[tail] += 1
                if kind is not None:
                    named[kind][tail] += 1
    found: dict[str, set[str]] = {kind: set() for kind in MIN_SHARE}
    for kind, counts in named.items():
        for tail, n in counts.items():
            one = len(tail) == 1  # 街, 社, 院: stricter, a character ends many common words too
            if (
                n >= (MIN_CHARACTER_NAMES if one else MIN_NAMES)
                and pos.get(tail) in (_CHARACTER_HEAD_POS if one else _HEAD_POS)
                and n / ending[tail] >= (MIN_CHARACTER_SHARE if one else MIN_SHARE[kind])
                and segmenter.dictionary_frequency(tail) >= MIN_FREQUENCY
            ):
                found[kind].add(tail)
    return Heads(frozenset(found["organisation"]), frozenset(found["place"] - found["organisation"]))


def place_characters() -> frozenset[str]:
    """Characters that end places in jieba's dictionary (区, 江, 岛, 街…): the one-character tails of
    :data:`MIN_CHARACTER_NAMES` places or more that end at least :data:`PLACE_CHARACTER_SHARE` of
    their words, whatever their own part of speech."""
    global _place_characters
    if _place_characters is None:
        entries = segmenter.dictionary_entries()
        places: Counter[str] = Counter()
        ending: Counter[str] = Counter()
        for word, tag in entries:
            if len(word) >= 2:
                ending[word[-1]] += 1
                if tag == "ns":
                    places[word[-1]] += 1
        _place_characters = frozenset(
            c
            for c, n in places.items()
            if n >= MIN_CHARACTER_NAMES and n / ending[c] >= PLACE_CHARACTER_SHARE
        )
    return _place_characters


def common_word_place(word: str) -> bool:
    """A word jieba's dictionary tags as a place that is a common word and ends like no place (上门,
    入口, 神圣, 哥哥: the dictionary's own mistakes), not 长江 or 江南."""
    return segmenter.dictionary_frequency(word) >= COMMON_PLACE_FREQ and word[-1:] not in place_characters()


def tag_heads(tags: Iterable[tuple[str, str]]) -> Heads:
    """Heads of the library's own organisation and place tags (folded name, kind): the last word of
    two or three characters the dictionary knows as a noun (合作社 of 绿野果蔬专业合作社)."""
    found: dict[str, set[str]] = {"organisation": set(), "place": set()}
    for key, kind in tags:
        if kind not in found:
            continue
        for length in (3, 2):
            tail = key[-length:]
            if len(key) > length and CJK.match(tail) and segmenter.dictionary_pos(tail) in _HEAD_POS:
                found[kind].add(tail)
                break
    return Heads(frozenset(found["organisation"]), frozenset(found["place"]))


def headed(
    tokens: Sequence[Token],
    original: str,
    text: str,
    generic: Collection[str],
    heads: Heads,
) -> list[Found]:
    """Organisations and places named by a head noun (see the module docstring).  Words ending with
    a suffix of the lists are left to the suffix finder."""
    out: dict[str, Found] = {}
    for i, tok in enumerate(tokens):
        found = heads.kind_of(tok.word)
        if found is None or found[1] in generic:
            continue  # 党工委, 政府: every street and city has one
        if tok.pos in _PLACE_NAME_POS or not CJK.match(tok.word) or tok.word.endswith(_LISTED):
            continue  # 苏州市 is a place's name already (the POS finder offers it), not a head's
        kind, head = found
        j, proper, quoted = _name_start(tokens, i, generic, heads, kind)
        if j == i or not proper:
            continue  # 社区学校, 民办学校: a kind of body, not one (a word jieba knows as one is its POS's)
        start = tokens[j].start
        key = quoted + text[start : tok.end]
        name = quoted + original[start : tok.end]
        if key in out or key in generic or len(key) > 20:
            continue
        if quoted:  # where the marks are: the span from the opening mark covers the name's words
            span = text[start - len(quoted) - 2 : tok.end]
            out[key] = Found(key, name, kind, "suffix", head, occurrences(text, span), len(span))
            continue
        out[key] = Found(key, name, kind, "suffix", head, occurrences(text, key))
    return list(out.values())


def _name_start(
    tokens: Sequence[Token], i: int, generic: Collection[str], heads: Heads, kind: str
) -> tuple[int, bool, str]:
    """Where the name of ``kind`` ending at ``tokens[i]`` starts, whether it holds a proper part, and
    the quoted name that begins it (“绿野”果蔬专业合作社), if any.  A district begins an
    organisation's name (静安区人民法院) but not a place's: 道里区 + 通江街 are two places."""
    j, proper = i, False
    while j > 0 and i - j < MAX_WORDS:
        prev = tokens[j - 1]
        word = prev.word
        if _LETTERS.match(word):
            j, proper = j - 1, True
            continue
        if word in _QUOTE_CLOSE:
            inner = _quoted_before(tokens, j - 1)
            if inner:
                return j, True, inner
            break
        if not CJK.match(word) or between_names(tokens, j - 1):
            break  # 玉林街道 + 委托 + 益邻…: a word between two names is neither's
        if kind == "place" and (word in _STREET_WORDS or word.endswith("街道")):
            break  # 坡子街街道 + 楚湘里社区文化广场, 大明湖街道 + 王府池子街: a street is a place of its own
        before = heads.kind_of(word)
        if word.endswith(ORG_SUFFIXES) or (before is not None and before[0] == "organisation"):
            break  # 同仁医院 + 放射科 + 主任医师: a complete name before this one
        if is_district(word):
            if kind != "organisation":
                break  # 道里区 + 通江街: a district and a street in it are two places, not one
            return j - 1, True, ""  # 静安区 + 人民法院: a district or city begins the name
        if prev.pos in _PROPER_POS or (
            len(word) >= 2
            and not segmenter.is_known(word)
            and prev.pos not in _FUNCTION_POS
            and word[-1] not in _GLUED_PREPOSITIONS
        ):  # a word jieba does not know is a name's (培花), unless it reads it as a preposition (通由) or
            # glued one to it (菊花 + 展在 + 大明湖景区)
            j, proper = j - 1, True
            continue
        if prev.pos in _NOUN_POS and len(word) >= 2 and (word not in generic or word in NAME_PARTS):
            j -= 1
            continue
        if prev.pos == "a" and j >= 2 and tokens[j - 2].pos == "ns":
            j -= 1  # 上海 + 宏远 + …: a modifier right after a place is part of the name
            continue
        break
    return j, proper, ""


def _quoted_before(tokens: Sequence[Token], close: int) -> str:
    """The quoted name whose closing mark is ``tokens[close]``, however many words jieba cut it into
    (“ + 小 + 海鸥 + ”), or "" when it is no name (not all Chinese characters, too long)."""
    opening = _QUOTE_CLOSE[tokens[close].word]
    for k in range(close - 1, max(-1, close - 1 - _MAX_QUOTED_WORDS), -1):
        if tokens[k].word == opening:
            inner = "".join(t.word for t in tokens[k + 1 : close])
            return inner if CJK.match(inner) and len(inner) <= _MAX_QUOTED else ""
    return ""
