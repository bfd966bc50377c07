"""New words of one article: the stretches of words it repeats (tag suggestions, round 5).

A coined name the dictionary does not know (充电棚, 慢病管理) is cut by jieba into pieces, one of
them a single character that is no word of its own (充电 + 棚, 慢 + 病 + 管理), and none of them a
candidate.  The article itself shows it is one word: it writes the same run of words twice or more,
and the run is free at both ends: what comes before it, and what comes after it, differs between
its occurrences (boundary entropy above zero; a run always preceded by the same character is part
of a longer one, 充电棚 of 集中充电棚).  Runs are whole jieba words, counted as words (专题 + 学 is
not found again inside 专题学习), so a cut inside a word is never a candidate.  The maximal run is
then trimmed to its nucleus: verbs and adverbs at its start (集中 of 集中充电棚, but never down to
a bound character: 自治 + 金 + 项目 stays whole) and anything but a noun at its end go, as long as
two words are left; what is left must end with a noun that is not generic and hold a
single-character piece that is not a verb or a particle (whole words in a row, 餐饮行业 + 用气安全,
are a phrase of known words, not a new one).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, COMPOUND_HEADS, Found, kind_by_suffix, occurrences

MIN_COUNT = 2
MAX_WORDS = 4
MIN_LENGTH = 3
MAX_LENGTH = 8
_LEADING = frozenset({"v", "vd", "vi", "d", "p", "c", "u", "uj", "ul", "r", "m", "q", "f", "t", "ad"})
_NOUN_END = frozenset({"n", "nz", "ng", "vn"})
_ADJECTIVE = "a"


def _free(text: str, positions: Sequence[int], length: int) -> bool:
    """True when neither the character before nor the one after is the same at every occurrence."""
    before = {text[p - 1] if p > 0 and CJK.match(text[p - 1]) else "" for p in positions}
    after = {
        text[p + length] if p + length < len(text) and CJK.match(text[p + length]) else "" for p in positions
    }
    return (len(before) > 1 or before == {""}) and (len(after) > 1 or after == {""})


def repeated(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Runs of two to four words the article repeats, free at both ends, trimmed to their nucleus."""
    words: dict[str, list[Token]] = {}
    at: dict[str, list[int]] = {}  # where the same words in a row start (not the same characters)
    cjk = [bool(CJK.match(t.word)) for t in tokens]
    bound = [c and len(t.word) == 1 and t.pos not in _LEADING for c, t in zip(cjk, tokens, strict=True)]
    for i in range(len(tokens)):
        if not cjk[i]:
            continue
        key = tokens[i].word
        has_bound = bound[i]
        for j in range(i + 1, min(i + MAX_WORDS, len(tokens))):
            if not cjk[j]:
                break
            key += tokens[j].word
            has_bound = has_bound or bound[j]
            if len(key) > MAX_LENGTH:
                break
            if has_bound and len(key) >= MIN_LENGTH:  # no new word without a bound piece (below)
                if key not in words:
                    words[key] = list(tokens[i : j + 1])
                at.setdefault(key, []).append(tokens[i].start)
    out: dict[str, Found] = {}
    for key, run in words.items():
        if len(at[key]) < MIN_COUNT or not _free(text, at[key], len(key)):
            continue
        nucleus = _nucleus(run, generic)
        if nucleus is None:
            continue
        core = "".join(t.word for t in nucleus)
        if core in out or len(core) < MIN_LENGTH or core in generic:
            continue
        positions = occurrences(text, core)
        name = original[positions[0] : positions[0] + len(core)]
        out[core] = Found(core, name, kind_by_suffix(core) or "topic", "phrase", "article", positions)
    return list(out.values())


def _qualified(words: Sequence[Token]) -> bool:
    """True when the run is one-character adjectives (新, 老) before one whole word."""
    k = 0
    while k < len(words) - 1 and words[k].pos == _ADJECTIVE and len(words[k].word) == 1:
        k += 1
    return 0 < k == len(words) - 1 and len(words[k].word) > 1


def _nucleus(run: Sequence[Token], generic: Collection[str]) -> list[Token] | None:
    """The run less the verbs before its nouns and what follows its last noun; None when nothing
    name-like is left (two words or more, the last a noun that is not generic)."""
    words = list(run)
    while len(words) > 2 and words[0].pos in _LEADING and len(words[1].word) > 1:
        words.pop(0)
    if _qualified(words):
        return None  # 新 + 菜单, 新 + 老 + 物业: a word with an adjective before it is no new word
    while len(words) > 2 and words[-1].pos not in _NOUN_END:
        words.pop()
    if words[0].pos in _LEADING - {"v"} or words[-1].pos not in _NOUN_END:
        return None
    last = words[-1].word
    if last in generic and last not in COMPOUND_HEADS:
        return None
    if all(t.word in generic for t in words):
        return None
    if not any(len(t.word) == 1 and t.pos not in _LEADING for t in words):
        return None  # whole words in a row (餐饮行业 + 用气安全) are a phrase, not a new word
    return words


_PROPER = frozenset({"ns", "nr", "nrt", "j"})  # a place, a name, an abbreviation (not a topic word, nz)
_NOUN = frozenset({"n", "nz"})


def inseparable(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Two words the article always writes together, twice or more (round 8): a proper name the
    article never writes without the same noun after it (中欧 + 班列) is the start of one name with
    it, not a place of its own; the run is free at both ends, like :func:`repeated`'s."""
    pairs: dict[str, list[int]] = {}
    firsts: dict[str, str] = {}
    for a, b in pairwise(tokens):
        if (
            a.pos not in _PROPER
            or b.pos not in _NOUN
            or b.start != a.end
            or len(a.word) < 2
            or len(b.word) < 2
        ):
            continue
        if not (CJK.match(a.word) and CJK.match(b.word)) or b.word in generic:
            continue
        key = a.word + b.word
        pairs.setdefault(key, []).append(a.start)
        firsts[key] = a.word
    out: list[Found] = []
    for key, starts in pairs.items():
        if len(starts) < MIN_COUNT or len(occurrences(text, firsts[key])) != len(starts):
            continue
        if len(key) > MAX_LENGTH or not _free(text, starts, len(key)):
            continue
        name = original[starts[0] : starts[0] + len(key)]
        out.append(
            Found(key, name, kind_by_suffix(key) or "topic", "phrase", "article", occurrences(text, key))
        )
    return out
