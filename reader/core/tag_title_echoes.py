"""What the title names and the body names again: the article's own emphasis (tag suggestions,
round 11).

A title is the paper's summary of the article; a string of it that the body writes again is what
the article is about, whatever the tokenizer makes of it: one word of an odd part of speech
(无偿献血, read as an idiom), a word the dictionary does not know (长者照护之家), or two words (巡回 +
审判, 长江 + 大堤).  The finders by part of speech, suffix or IDF miss these; here the evidence is
the article's structure alone: the same characters in the title and in the body, cut at jieba's
word edges in one of the two places.

A string is taken when it is :data:`MIN_LENGTH` to :data:`MAX_LENGTH` characters of one to
:data:`MAX_WORDS` whole words (in the title or in one body occurrence), holds no function word
(particle, preposition, conjunction, pronoun, numeral, measure word, adverb: a clause, not a term),
ends with a noun, an idiom or a fixed phrase, and is not generic; of several words, it ends with no
person and holds at most one name (书记 + 万丽萍, 成都市 + 锦江区 are names of their own), and does
not start with a complete term of four characters (食品安全 + 宣传, 餐饮行业 + 用气安全: two
subjects).  It must start where the repeated string starts: when the same character comes before
every occurrence (艾 + 德莱斯绸, 自治 + 金项目评审会), the string is a piece of a longer one.  The
ranking's rules for fragments then keep the longest form the article names as often, and its score
is capped (:func:`capped`) above a name named once, below a name named twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.core.segmenter import Token
from reader.core.tag_boundaries import title_subjects
from reader.core.tag_candidates import CJK, Found, kind_by_suffix, occurrences, slogan_word
from reader.core.tag_ranking import Candidate

MIN_LENGTH = 4  # two words of two characters: shorter strings recur by chance
MAX_LENGTH = 8
MAX_WORDS = 3
COMPLETE_TERM = 4  # a first word this long is a subject of its own
_INSIDE = frozenset(
    {"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "d", "r", "rr", "rz", "y", "e", "o", "m", "q", "mq", "x"}
)
_NOT_FIRST = _INSIDE | {"f"}  # 里 + 农贸市场 is no term; 东 + 里 + 农贸市场 is one
_LAST = frozenset({"n", "nz", "vn", "ng", "l", "i", "j", "ns", "nt", "nr", "nrt", "nrfg"})
_PEOPLE = frozenset({"nr", "nrt", "nrfg"})
_NAMES = _PEOPLE | {"ns", "nt"}
_REASON = "phrase"
DETAIL = "title and body"
CEILING = 8.5


def title_echoes(
    tokens: Sequence[Token], original: str, text: str, heading_end: int, generic: Collection[str]
) -> list[Found]:
    """Strings of whole words that the title names and the body names again (module docstring)."""
    if heading_end <= 0 or heading_end >= len(text):
        return []
    title, body = text[:heading_end], text[heading_end:]
    out: dict[str, Found] = {}
    for i, first in enumerate(tokens):
        if first.pos in _NOT_FIRST or not CJK.match(first.word):
            continue
        key, start = "", first.start
        for j in range(i, min(i + MAX_WORDS, len(tokens))):
            tok = tokens[j]
            if tok.pos in _INSIDE or not CJK.match(tok.word) or (j > i and tok.start != tokens[j - 1].end):
                break
            key += tok.word
            if len(key) > MAX_LENGTH:
                break
            if len(key) < MIN_LENGTH or key in out or tok.pos not in _LAST or tok.word in generic:
                continue
            if key in generic or key not in title or key not in body or first.word in generic:
                continue
            if slogan_word(key):
                continue  # 深化改革 全面落实: a headline's slogan, not its subject
            if j > i and (tok.pos in _PEOPLE or sum(t.pos in _NAMES for t in tokens[i : j + 1]) > 1):
                continue  # 书记 + 万丽萍, 成都市 + 锦江区: names of their own, not a subject
            if j > i and len(first.word) >= COMPLETE_TERM:
                continue  # 餐饮行业 + 用气安全, 食品安全 + 宣传: a complete term and another subject
            positions = occurrences(text, key)
            if (
                start > 0
                and len({text[p - 1] if p > 0 else "" for p in positions}) == 1
                and CJK.match(text[start - 1])
            ):
                continue  # 艾 + 德莱斯绸, 自治 + 金项目评审会, 食品安全 + 宣传周启动: not where it starts
            name = original[start : start + len(key)] if text[start : start + len(key)] == key else key
            reason = _REASON if j > i else "keyword"  # one word: a keyword the article stresses
            out[key] = Found(key, name, kind_by_suffix(key) or "topic", reason, DETAIL, positions)
    return list(out.values())


def title_candidates(
    tokens: Sequence[Token], original: str, text: str, heading_end: int, generic: Collection[str]
) -> list[Found]:
    """The title's subjects (:func:`reader.core.tag_boundaries.title_subjects`) and its echoes."""
    return [
        *title_subjects(tokens, original, text, heading_end, generic),
        *title_echoes(tokens, original, text, heading_end, generic),
    ]


def capped(cand: Candidate) -> Candidate:
    """``cand`` with its score at most :data:`CEILING` when it was found only as an echo of the title:
    above a name named once, below a name named twice (the title is the paper's, not a count)."""
    if cand.detail == DETAIL:
        cand.score = min(cand.score, CEILING)
    return cand
