"""Phrases of the article as tag candidates, and what is known about each (the learned ranker's input).

Every run of one to :data:`MAX_WORDS` jieba words inside a clause (no punctuation, quotation mark or
line break within) is a candidate, unless it opens or closes with a word that never opens or closes a
name (的, 了, 在, 和, 很…).  The rules' candidates (:mod:`reader.core.tag_suggestions`) are candidates
too, with what the rules found: their rank, score, reason and kind.  Each candidate is described by
named features (:func:`features`), the same when the ranker is trained (``bench/tagging_train.py``) and
when it is used (:mod:`reader.core.tag_ranker`).  Everything here is pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import EVENT_SUFFIXES, ORG_SUFFIXES, PLACE_SUFFIXES
from reader.core.tag_surnames import COMPOUND_SURNAMES, SURNAMES

MAX_WORDS = 3
MAX_CHARS = 24
# A longer run is a candidate when its last word ends like the name of a body, a place, an event or a
# rule (上海社会组织发展研究院, 松江区消防救援支队方松消防救援站, 南宁市居家养老服务条例): up to
# this many words.
LONG_WORDS = 6
LONG_NAME_ENDS = tuple(
    sorted(
        set(ORG_SUFFIXES)
        | set(PLACE_SUFFIXES)
        | {s for s in EVENT_SUFFIXES if len(s) > 1}
        | {
            "院", "站", "队", "会", "团", "厂", "馆", "所", "局", "处", "科", "部", "社", "校", "园", "场",
            "庭", "法", "条例", "规定", "办法", "公约", "纲要", "合作社", "热线", "银行", "机场", "商会",
            "赛", "班", "展", "节", "日",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
BREAKS = frozenset('、,，。;；:：!！?？·…—()（）[]【】“”"《》「」『』/|~～')
OPEN_QUOTES = frozenset('“「『"《')
CLOSE_QUOTES = frozenset('”」』"》')
# Parts of speech a name never opens with (的, 在, 和, 很, 这, 等…) or never closes with (…的, …了, …和).
NO_FIRST = frozenset(
    {
        "m",
        "p",
        "d",
        "uj",
        "ul",
        "u",
        "uz",
        "ud",
        "uv",
        "ug",
        "r",
        "c",
        "k",
        "ad",
        "tg",
        "mq",
        "y",
        "e",
        "o",
        "x",
    }
)
NO_LAST = frozenset(
    {"m", "uj", "ul", "u", "uz", "ud", "uv", "ug", "p", "c", "r", "k", "ad", "y", "e", "o", "x", "b"}
)

# Words after a noun that say where in it (泉池 + 里, 院子 + 中): they end no name.
LOCATIVES = frozenset("里上中内下旁边")
# jieba's numerals that end names: 世界读书日, 河长日 (a day), 临时接种点, 幼教点 (a place of service).
DAY_AND_POINT = frozenset({"日", "点"})

Feature = tuple[str, float]
_DIGIT = re.compile(r"\d")
_LATIN = re.compile("[a-z]")
_DIGIT_OR_LATIN = re.compile(r"[\da-z]")


@dataclass(frozen=True, slots=True)
class RuleView:
    """What the rules said of a candidate: its rank among theirs, score, reason and kind."""

    rank: int
    score: float
    reason: str
    kind: str


@dataclass(slots=True)
class Span:
    """A phrase of the article: its folded key and the word ranges (first, last) of its occurrences."""

    key: str
    ranges: list[tuple[int, int]] = field(default_factory=list)


def has_digit(key: str) -> bool:
    return _DIGIT.search(key) is not None


def has_latin(key: str) -> bool:
    return _LATIN.search(key) is not None


def has_digit_or_latin(key: str) -> bool:
    """Whether :func:`has_digit` or :func:`has_latin` may hold (one search instead of two)."""
    return _DIGIT_OR_LATIN.search(key) is not None


def is_break(word: str) -> bool:
    return not word.strip() or not BREAKS.isdisjoint(word)


def breaks_of(tokens: Sequence[Token]) -> list[bool]:
    """:func:`is_break` of every token (worked out once per distinct word)."""
    known: dict[str, bool] = {}
    out = []
    for t in tokens:
        b = known.get(t.word)
        if b is None:
            b = known[t.word] = is_break(t.word)
        out.append(b)
    return out


def spans(tokens: Sequence[Token], breaks: Sequence[bool] | None = None) -> dict[str, Span]:
    """Every run of up to :data:`MAX_WORDS` words inside a clause that may be a name (of up to
    :data:`LONG_WORDS` when it ends like a name of its class: :data:`LONG_NAME_ENDS`), by key
    (``breaks``: :func:`breaks_of` the tokens, when known)."""
    found: dict[str, Span] = {}
    n = len(tokens)
    if breaks is None:
        breaks = breaks_of(tokens)
    words = [t.word for t in tokens]
    poses = [t.pos for t in tokens]
    for i in range(n):
        if breaks[i] or poses[i] in NO_FIRST:
            continue
        key = ""
        for j in range(i, min(i + LONG_WORDS, n)):
            if breaks[j]:
                break
            key += words[j]
            if len(key) > MAX_CHARS:
                break
            if len(key) < 2 or (poses[j] in NO_LAST and words[j] not in DAY_AND_POINT):
                continue
            if j > i and words[j - 1].isdigit() and words[j] in DAY_AND_POINT:
                continue  # 银杏农贸市场 + 4月1日, 活动 + 8点: a date or an hour ends no name
            if j > i and poses[j] == "f" and words[j] in LOCATIVES and _named_without(words, i, j):
                continue  # 王府池子 + 里 (王府池子 named alone too): where in it; not 德顺 + 里 (a lane)
            if j - i >= MAX_WORDS and not words[j].endswith(LONG_NAME_ENDS):
                continue
            span = found.get(key)
            if span is None:
                found[key] = Span(key, [(i, j)])
            else:
                span.ranges.append((i, j))
    return found


def _named_without(words: Sequence[str], i: int, j: int) -> bool:
    """Whether the words ``i`` to ``j - 1`` stand somewhere without the word ``j`` after them."""
    n, first = j - i, words[i]
    return any(
        words[k] == first
        and words[k : k + n] == words[i:j]
        and (k + n >= len(words) or words[k + n] != words[j])
        for k in range(len(words) - n + 1)
    )


# jieba's proper nouns, abbreviations and Latin words: a phrase holding one may be a name named once.
PROPER_POS = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg", "eng", "j"})


def worth_ranking(
    span: Span | None, tokens: Sequence[Token], text: str, positions: Sequence[int], heading_end: int
) -> bool:
    """Whether a phrase the rules did not find is worth the ranker's time: named more than once, in the
    heading, in quotation marks, or holding a proper noun.  Of the rest (three in four of an article's
    phrases) one in two hundred was a label in the development articles, and the model ranked almost
    none of them in the top ten."""
    if len(positions) != 1 or positions[0] < heading_end or span is None or not span.ranges:
        return True
    i, j = span.ranges[0]
    if any(tokens[k].pos in PROPER_POS for k in range(i, j + 1)):
        return True
    start, end = tokens[i].start, tokens[j].end
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES


def length_bucket(n: int) -> str:
    return str(n) if n <= 5 else "6-7" if n <= 7 else "8-10" if n <= 10 else "11+"


def rank_bucket(rank: int | None) -> str:
    if rank is None:
        return "none"
    return (
        "1"
        if rank == 0
        else "2-3"
        if rank < 3
        else "4-5"
        if rank < 5
        else "6-10"
        if rank < 10
        else "11-20"
        if rank < 20
        else "21+"
    )


def features(
    key: str,
    span: Span | None,
    tokens: Sequence[Token],
    text: str,
    positions: Sequence[int],
    heading_end: int,
    rule: RuleView | None,
    rarity: Callable[[str], float],
    generic: Callable[[str], bool],
) -> list[Feature]:
    """The named features of candidate ``key`` (occurring at ``positions`` of the folded ``text``)."""
    out: list[Feature] = [("bias", 1.0), ("rank=" + rank_bucket(rule.rank if rule else None), 1.0)]
    if rule is not None:
        out += [
            ("rule_score", min(rule.score, 40.0) / 10),
            ("reason=" + rule.reason, 1.0),
            ("kind=" + rule.kind, 1.0),
        ]
    count = len(positions)
    out += [("nchar=" + length_bucket(len(key)), 1.0), ("tf", math.log2(1 + count))]
    if count == 1:
        out += [("once", 1.0), ("once&rank=" + rank_bucket(rule.rank if rule else None), 1.0)]
        if rule is not None:
            out.append(("once&reason=" + rule.reason, 1.0))
    if positions and positions[0] < heading_end:
        out.append(("heading", 1.0))
    out.append(("first", positions[0] / max(1, len(text)) if positions else 1.0))
    out += [("last1=" + key[-1], 1.0), ("last2=" + key[-2:], 1.0), ("first1=" + key[0], 1.0)]
    if 2 <= len(key) <= 3 and (key[0] in SURNAMES or key[:2] in COMPOUND_SURNAMES):
        out.append(("person_shape", 1.0))
    if segmenter.is_known(key):
        out += [("known", 1.0), ("freq_log", math.log10(1 + segmenter.dictionary_frequency(key)))]
    if generic(key):
        out.append(("generic", 1.0))
    if has_digit(key):
        out.append(("digit", 1.0))
    if has_latin(key):
        out.append(("latin", 1.0))
    if span is None or not span.ranges:
        out.append(("not_span", 1.0))
        return out
    out += _span_features(span, tokens, text, rarity)
    return out


def _span_features(
    span: Span, tokens: Sequence[Token], text: str, rarity: Callable[[str], float]
) -> list[Feature]:
    i, j = span.ranges[0]
    inner = tokens[i : j + 1]
    out: list[Feature] = [
        ("ntok=" + str(j - i + 1), 1.0),
        ("pos_first=" + inner[0].pos, 1.0),
        ("pos_last=" + inner[-1].pos, 1.0),
    ]
    if i == j:
        out.append(("pos1=" + inner[0].pos, 1.0))
    out += [("pos_in=" + t.pos, 1.0) for t in inner[1:-1]]
    rare = [rarity(t.word) for t in inner]
    out += [("rar_min", min(rare)), ("rar_mean", sum(rare) / len(rare)), ("rar_max", max(rare))]
    lefts, rights, left_breaks, right_breaks = neighbours(span, tokens, lambda k: is_break(tokens[k].word))
    n = len(span.ranges)
    out += [("left_break", left_breaks / n), ("right_break", right_breaks / n)]
    if n >= 2:
        out += [
            ("left_fixed", float(lefts == 1)),
            ("right_fixed", float(rights == 1)),
            ("left_var", lefts / n),
            ("right_var", rights / n),
        ]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    out += [
        ("prev_pos=" + (before.pos if before else "^"), 1.0),
        ("next_pos=" + (after.pos if after else "$"), 1.0),
        ("prev_w=" + (before.word if before else "^"), 1.0),
        ("next_w=" + (after.word if after else "$"), 1.0),
    ]
    start, end = inner[0].start, inner[-1].end
    if start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES:
        out.append(("quoted", 1.0))
    return out


def neighbours(
    span: Span, tokens: Sequence[Token], breaks: Callable[[int], bool]
) -> tuple[int, int, int, int]:
    """How many different words stand before and after the phrase's mentions, and how many of its
    mentions a break (punctuation, a line's edge, the text's edge) stands before and after."""
    lefts: set[str] = set()
    rights: set[str] = set()
    left_breaks = right_breaks = 0
    last = len(tokens) - 1
    for a, b in span.ranges:
        lefts.add(tokens[a - 1].word if a > 0 else "")
        rights.add(tokens[b + 1].word if b < last else "")
        left_breaks += 1 if a == 0 or breaks(a - 1) else 0
        right_breaks += 1 if b == last or breaks(b + 1) else 0
    return len(lefts), len(rights), left_breaks, right_breaks


def overlap_features(key: str, at: int, ruled: bytearray, starts: bytearray) -> list[Feature]:
    """How a phrase the rules did not offer lies over the rules' candidates: the share of its characters
    (where first named) inside one of them, and whether one starts inside it (开展邻里节 holds 邻里节)."""
    end = at + len(key)
    out: list[Feature] = [("ruled_share", ruled[at:end].count(1) / len(key))]
    if starts[at + 1 : end].count(1):
        out.append(("rule_starts_inside", 1.0))
    if starts[at]:
        out.append(("rule_starts_here", 1.0))
    return out


def rule_views(ranked: Sequence[tuple[str, float, str, str]]) -> dict[str, RuleView]:
    """The rules' ranked candidates (key, score, reason, kind) as views by key (the first of a key wins)."""
    views: dict[str, RuleView] = {}
    for rank, (key, score, reason, kind) in enumerate(ranked):
        views.setdefault(key, RuleView(rank, score, reason, kind))
    return views


def positions_in(text: str, key: str) -> list[int]:
    """Where ``key`` occurs in ``text`` (overlapping occurrences counted)."""
    found, at = [], text.find(key)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1)
    return found


def weigh(weights: Mapping[str, float], feats: Sequence[Feature]) -> float:
    """The linear score of a candidate's features."""
    get = weights.get
    return sum(get(name, 0.0) * value for name, value in feats)
