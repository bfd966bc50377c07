"""People whose names have no Han surname, read from how the article uses them (tag suggestions,
round 8).

The earlier finders read a person's name from a surname of a list (王, 欧阳…); Mongolian, Tibetan,
Uyghur or Yi names (巴特尔, 才让多杰, 乌云其其格, 阿斯哈尔) begin with no such character, and a
name written with a middle dot (阿依古丽·买买提) was read as two words or none.

* **A middle dot between two runs of characters** joins them into one person
  (:func:`dotted_people`): the part before it is jieba's word (or two one-character words) ending at
  the dot, the part after it ends where a name ends (below).
* **A name after what a person is** (调解员巴特尔当过…, 副局长乌云其其格说): after a title of the
  role list, or a noun ending with 员 or 师 (then the name's first word must read as a name, not a
  verb: 人员 + 压沙), a run of two to five characters that holds no common word, ended by a
  character that never ends a name (说, 介绍, 是) or by a verb, adverb or preposition of
  the dictionary (当过, 常年), is a person (:func:`unsurnamed_people`), the shortest such run
  first.  No run that is a dictionary word, none that starts with a surname and is three characters
  or shorter (the surname finders read those).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences
from reader.core.tag_role_people import AFTER_NAME

_DOTS = "·•・‧"
_DOTTED = re.compile(f"[{_DOTS}]")
_LONGEST = 5
_CLOSING_POS = frozenset({"v", "vd", "vi", "d", "p"})
_CLOSING_ONE = frozenset({"d", "p"})  # one-character adverbs and prepositions (已, 在), not verbs (让)
_NAME_POS = frozenset({"nr", "nrt", "nrfg"})
# Known words that a name never holds, whatever their frequency: numerals, measure and time words,
# places in a sentence, pronouns, prepositions, conjunctions, particles.
_NEVER_INSIDE_POS = frozenset({"m", "q", "mq", "t", "f", "r", "p", "c", "u", "uj", "ul", "uz", "ug", "uv"})
_SUFFIX_POS = frozenset({"k"})
_PARTICLE_POS = frozenset({"uj", "ul", "uz", "ug", "uv", "y", "e"})  # 着, 了, 的 (not 所: 新所)
_PRONOUNS = frozenset("他她它我你您")
_COMMON = 300  # a known word this frequent, not a name, is no part of a name
_PERSON_NOUN_POS = frozenset({"n", "nr"})
_NOT_NAME_POS = _NEVER_INSIDE_POS | {"v", "vd", "vi", "vn", "d", "a", "ad"}  # 压沙 (v) reads as no name
_PERSON_ENDINGS = ("员", "师")  # the suffixes of what a person is (调解员, 主任医师)


def dotted_people(tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """People written with a middle dot (阿依古丽·买买提, 努尔兰·吐尔逊)."""
    if not _DOTTED.search(text):
        return []
    by_end = {t.end: t for t in tokens}
    by_start = {t.start: t for t in tokens}
    out: dict[str, Found] = {}
    for match in _DOTTED.finditer(text):
        dot = match.start()
        begin = _given_start(by_end, dot)
        if begin is None:
            continue
        length = _name_length(text, dot + 1, by_start)
        if length is None:
            continue
        end = dot + 1 + length
        key = text[begin:end]
        if key not in out:
            at = begin > 0 and text[begin - 1] in _AT  # 在上生·新所开幕: a venue, not a person
            kind, reason = ("place", "place") if at else ("person", "role")
            out[key] = Found(key, original[begin:end], kind, reason, "·", occurrences(text, key))
    return list(out.values())


_AT = frozenset("在到赴于至")  # where something happens or someone goes: a place follows


def _given_start(by_end: Mapping[int, Token], dot: int) -> int | None:
    """Where the part of a dotted name before the dot starts: jieba's word ending there (two
    characters or more), or two one-character words (努尔 + 兰)."""
    word = by_end.get(dot)
    if word is None or not CJK.match(word.word):
        return None
    start = word.start
    if len(word.word) == 1 or word.end - start < 3:
        before = by_end.get(start)
        if before is not None and CJK.match(before.word) and _name_like(before):
            start = before.start
    return start if dot - start >= 2 else None


def _name_like(tok: Token) -> bool:
    """A word read as a name, or one the dictionary lacks or rarely sees (买买提)."""
    if tok.pos in _NAME_POS:
        return True
    return tok.pos not in _NOT_NAME_POS and segmenter.dictionary_frequency(tok.word) < _COMMON


def unsurnamed_people(
    tokens: Sequence[Token], original: str, text: str, roles: Collection[str], surnames: Collection[str]
) -> list[Found]:
    """People named after a role or a noun naming a person, whose names begin with no surname."""
    by_start = {t.start: t for t in tokens}
    out: dict[str, Found] = {}
    for tok in tokens:
        if tok.pos not in _PERSON_NOUN_POS or len(tok.word) < 2 or not CJK.match(tok.word):
            continue
        titled = tok.word.endswith(tuple(roles))
        if not titled and not tok.word.endswith(_PERSON_ENDINGS):
            continue
        start = tok.end
        first = by_start.get(start)
        if first is None or not (titled or _name_like(first)):
            continue  # 人员 + 扎根: after what anyone may be, the name's first word must read as one
        if (
            not titled
            and first.pos not in _NAME_POS
            and segmenter.dictionary_pos(first.word[0]) in _NOT_NAME_POS
        ):
            continue  # 人员 + 压沙: nor start with a verb, unless jieba reads a name
        length = _name_length(text, start, by_start)
        if length is None:
            continue
        key = text[start : start + length]
        if length <= 3 and key[0] in surnames:
            continue
        if key in out or (segmenter.is_known(key) and segmenter.dictionary_pos(key) not in _NAME_POS):
            continue  # a dictionary word, unless the dictionary knows it as a name (巴特尔)
        if _verb_start(key):
            continue  # 代表 + 应邀参加: a common verb starts no name (jieba's dictionary says nr)
        if length >= 4 and key[0] in surnames and _ends_with_verb(start, start + length, by_start):
            continue  # 柜员 + 黎晓多 + 问: a name with a surname and a one-character verb after it
        out[key] = Found(
            key, original[start : start + length], "person", "role", tok.word, occurrences(text, key)
        )
    return list(out.values())


_VERB_POS = frozenset({"v", "vd", "vn", "d", "p", "c"})
_COMMON_VERB = 300  # dictionary frequency: 应邀 364


def _verb_start(key: str) -> bool:
    """True when the name's first two characters are a common verb or adverb (应邀)."""
    head = key[:2]
    return (
        segmenter.dictionary_pos(head) in _VERB_POS and segmenter.dictionary_frequency(head) >= _COMMON_VERB
    )


def _ends_with_verb(start: int, end: int, by_start: Mapping[int, Token]) -> bool:
    """Whether the run ends with a one-character verb jieba read alone (黎晓多 + 问)."""
    last = next((t for p in range(end - 1, start, -1) if (t := by_start.get(p)) is not None), None)
    return last is not None and last.end == end and len(last.word) == 1 and last.pos == "v"


def _name_length(text: str, start: int, by_start: Mapping[int, Token]) -> int | None:
    """The length of the name at ``start``: the shortest run of two to five characters, holding no
    common word, that a closing character or word follows, and not shorter than the name-like word
    jieba read there (买买提, not 买买 + 提); None when there is none."""
    first = by_start.get(start)
    if first is None or segmenter.dictionary_pos(text[start]) in _SUFFIX_POS:
        return None  # 代表 + 们: a suffix of the word before
    named = len(first.word) if 2 <= len(first.word) <= _LONGEST and _name_like(first) else 0
    for length in range(max(2, named), _LONGEST + 1):
        key = text[start : start + length]
        if len(key) < length or not CJK.match(key) or any(c in AFTER_NAME for c in key[named:]):
            return None
        if _holds_common_word(start, start + length, by_start):
            return None
        if _closes(text, start + length, by_start):
            return length
    return None


def _holds_common_word(start: int, end: int, by_start: Mapping[int, Token]) -> bool:
    """Whether the words from ``start`` to ``end`` hold a dictionary word no name holds: a numeral,
    time word, pronoun, particle…, or a common word the dictionary does not read as a name (下班)."""
    position = start
    while position < end:
        tok = by_start.get(position)
        if tok is None:
            return True
        if tok.end > end:
            return False  # the run ends inside a word: whether that closes it is for _closes
        word = tok.word
        if len(word) == 1 and (tok.pos in _PARTICLE_POS or word in _PRONOUNS):
            return True  # 殷建军拿 + 着: a particle ends a verb, never a name; 手把手教 + 他: nor a pronoun
        if len(word) >= 2 and segmenter.is_known(word):
            pos = segmenter.dictionary_pos(word)
            if pos in _NEVER_INSIDE_POS or tok.pos in _NEVER_INSIDE_POS:
                return True
            if pos not in _NAME_POS and segmenter.dictionary_frequency(word) >= _COMMON:
                return True
        position = tok.end
    return False


def _closes(text: str, end: int, by_start: Mapping[int, Token]) -> bool:
    """Whether what follows ``end`` ends a name: the text's end, no CJK character, a character that
    never ends a name, a dictionary verb, adverb or preposition of two characters, or an
    adverb or preposition of one."""
    if end < len(text) and text[end] in _DOTS:
        return False  # 努尔兰 + · + 吐尔逊: the name goes on
    inside = _word_over(end, by_start)
    if inside is not None and segmenter.is_known(inside.word):
        return False  # 倪晓东手 | 把手: a name ends inside no dictionary word (it may inside 格说)
    if end >= len(text) or not CJK.match(text[end]) or text[end] in AFTER_NAME:
        return True
    after = by_start.get(end)
    if after is None or not segmenter.is_known(after.word):
        return False
    if len(after.word) == 1:
        return after.pos in _CLOSING_ONE  # 买买提 + 已
    return after.pos in _CLOSING_POS


def _word_over(position: int, by_start: Mapping[int, Token]) -> Token | None:
    """The word that ``position`` falls inside (not at its start), if any."""
    for back in range(1, _LONGEST + 1):
        tok = by_start.get(position - back)
        if tok is not None:
            return tok if tok.end > position else None
    return None
