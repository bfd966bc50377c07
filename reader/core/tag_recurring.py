"""Phrases that recur (tag suggestions): the library's phrases found in the article, and runs of nouns
and a thing with what is done to it (疫苗 + 接种) repeated in it.  Moved out of
:mod:`reader.core.tag_candidates` (round 20), whose name patterns they do not share.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from itertools import pairwise

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import (
    _ACTION_POS,
    _NAME_POS,
    _NOT_NOUN_START,
    _RUN_POS,
    CJK,
    COMPOUND_HEADS,
    Found,
    kind_by_suffix,
    occurrences,
)


def _noun_start(start: int, starts: Mapping[int, Token], generic: Collection[str]) -> bool:
    """True unless the phrase at ``start`` begins with a verb, pronoun, adverb or particle (焕发…, 大家…)
    or a generic word (街道…)."""
    first = starts.get(start)
    if first is None or first.word in generic:
        return False
    if first.pos not in _NOT_NOUN_START:
        return True
    glued = starts.get(first.end)  # 自治 + 金 + 项目: a word jieba broke, not a verb and its object
    return (
        first.pos == "v"
        and glued is not None
        and len(glued.word) == 1
        and glued.pos in {"n", "nr", "ng", "nz", "j"}
    )


def _short_words(phrase: str, start: int, starts: Mapping[int, Token]) -> bool:
    """True unless the phrase at ``start`` holds a word of four characters or more (a complete term)."""
    pos = start
    while pos < start + len(phrase):
        tok = starts.get(pos)
        if tok is None or len(tok.word) >= 4:
            return tok is None
        pos = tok.end
    return True


def token_aligned(key: str, positions: Sequence[int], starts: Collection[int], ends: Collection[int]) -> bool:
    """True when at least one occurrence starts and ends on jieba word boundaries (no fragment)."""
    return any(p in starts and p + len(key) in ends for p in positions)


def recurring(
    tokens: Sequence[Token],
    original: str,
    text: str,
    library_phrases: Counter[str],
    generic: Collection[str],
) -> list[Found]:
    """Phrases that recur: the library's phrases found here, and runs of nouns repeated in the article."""
    starts = {t.start: t for t in tokens}
    ends = {t.end: t for t in tokens}
    out: dict[str, Found] = {}
    for phrase in library_phrases:
        if len(phrase) < 3 or phrase in generic or segmenter.is_known(phrase):
            continue
        positions = occurrences(text, phrase)
        if (
            positions
            and token_aligned(phrase, positions, starts, ends)
            and _noun_ending(phrase, positions, ends, generic)
            and _short_words(phrase, positions[0], starts)
            and _noun_start(positions[0], starts, generic)
        ):
            name = original[positions[0] : positions[0] + len(phrase)]
            out[phrase] = Found(
                phrase, name, kind_by_suffix(phrase) or "topic", "phrase", "library", positions
            )
    runs: Counter[str] = Counter()
    # words of two or three characters: a run of complete terms (餐饮行业 + 用气安全) is no new word
    usable = [t.pos in _RUN_POS and 2 <= len(t.word) <= 3 and bool(CJK.match(t.word)) for t in tokens]
    for i in range(len(tokens) - 1):
        if not usable[i] or tokens[i].word in generic or tokens[i].pos in _NAME_POS:
            continue
        for n in (2, 3):
            if i + n > len(tokens) or not all(usable[i : i + n]):
                continue
            last = tokens[i + n - 1].word
            if last in generic and last not in COMPOUND_HEADS:
                continue
            runs["".join(t.word for t in tokens[i : i + n])] += 1
    actions = _topic_actions(tokens, generic)
    for phrase, count in (runs + actions).items():
        if count < 2 or phrase in out or len(phrase) > 10:
            continue
        positions = occurrences(text, phrase)
        if phrase not in actions and not _noun_ending(phrase, positions, ends, generic):
            continue
        name = original[positions[0] : positions[0] + len(phrase)]
        out[phrase] = Found(phrase, name, kind_by_suffix(phrase) or "topic", "phrase", "article", positions)
    return list(out.values())


def _topic_actions(tokens: Sequence[Token], generic: Collection[str]) -> Counter[str]:
    """A thing and what is done to it, as one topic (疫苗 + 接种, 农药 + 残留): a noun and a verb,
    two characters each, neither generic, the verb one jieba's dictionary knows as a verb."""
    found: Counter[str] = Counter()
    for tok, nxt in pairwise(tokens):
        if (
            tok.pos == "n"
            and nxt.pos in _ACTION_POS
            and len(tok.word) == 2
            and len(nxt.word) == 2
            and CJK.match(tok.word + nxt.word)
            and tok.word not in generic
            and nxt.word not in generic
            and segmenter.dictionary_pos(nxt.word) in _ACTION_POS  # a verb the dictionary knows
        ):
            found[tok.word + nxt.word] += 1
    return found


def _noun_ending(
    key: str, positions: Sequence[int], ends: Mapping[int, Token], generic: Collection[str]
) -> bool:
    """True when the phrase ends with a noun that is not generic (食品安全, not 组织开展 or 检视问题)."""
    last = ends.get(positions[0] + len(key))
    if last is None or last.pos not in _RUN_POS or last.pos == "vn":
        return False
    return last.word not in generic or (last.word in COMPOUND_HEADS and len(key) > len(last.word))
