"""The learned ranker's linear score, computed without naming the features (the fast path).

:func:`reader.core.tag_spans.features` names every feature of a candidate, which is what training
needs; ranking the thousands of phrases of a long article needs only the sum of their weights.
:class:`Scorer` computes that sum directly: the weights of what depends on one word (its part of
speech, the word before and after a phrase) are looked up once per word of the article, the rest once
per candidate.  It must equal ``weigh(weights, features(...))`` for every candidate, to rounding
(``tests/test_tag_scoring.py`` checks that on whole articles).  Pure.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_spans import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    RuleView,
    Span,
    breaks_of,
    has_digit,
    has_digit_or_latin,
    has_latin,
    length_bucket,
    neighbours,
    rank_bucket,
)
from reader.core.tag_surnames import COMPOUND_SURNAMES, SURNAMES

_FAMILIES: dict[int, tuple[Mapping[str, float], dict[str, dict[str, float]]]] = {}
_families_lock = threading.Lock()


def _families(weights: Mapping[str, float]) -> dict[str, dict[str, float]]:
    """The weights of each family of features (``last1=区`` → ``{"last1=": {"区": w}}``), worked out once
    per model."""
    with _families_lock:
        kept = _FAMILIES.get(id(weights))
        if kept is not None and kept[0] is weights:
            return kept[1]
        families: dict[str, dict[str, float]] = {}
        for name, value in weights.items():
            at = name.find("=")
            if at > 0:
                families.setdefault(name[: at + 1], {})[name[at + 1 :]] = value
        if len(_FAMILIES) > 8:
            _FAMILIES.clear()
        _FAMILIES[id(weights)] = (weights, families)
        return families


def _family(weights: Mapping[str, float], prefix: str) -> dict[str, float]:
    return _families(weights).get(prefix, {})


class Scorer:
    """The linear score of an article's candidates under ``weights``."""

    def __init__(
        self,
        weights: Mapping[str, float],
        tokens: Sequence[Token],
        text: str,
        heading_end: int,
        rarity: Callable[[str], float],
        generic: Callable[[str], bool],
    ) -> None:
        self.w = w = weights
        self.tokens = tokens
        self.text = text
        self.heading_end = heading_end
        self.generic = generic
        get = w.get
        pos_first, pos_last = _family(w, "pos_first="), _family(w, "pos_last=")
        pos_one, pos_in = _family(w, "pos1="), _family(w, "pos_in=")
        prev_pos, prev_w = _family(w, "prev_pos="), _family(w, "prev_w=")
        next_pos, next_w = _family(w, "next_pos="), _family(w, "next_w=")
        self.pos_first = [pos_first.get(t.pos, 0.0) for t in tokens]
        self.pos_last = [pos_last.get(t.pos, 0.0) for t in tokens]
        self.pos_one = [pos_one.get(t.pos, 0.0) for t in tokens]
        self.pos_in = [pos_in.get(t.pos, 0.0) for t in tokens]
        rarities = {word: rarity(word) for word in {t.word for t in tokens}}
        self.rare = [rarities[t.word] for t in tokens]
        # what the word before a phrase starting at i adds, and the word after one ending at j
        ahead = [prev_pos.get(t.pos, 0.0) + prev_w.get(t.word, 0.0) for t in tokens]
        behind = [next_pos.get(t.pos, 0.0) + next_w.get(t.word, 0.0) for t in tokens]
        self.before = [prev_pos.get("^", 0.0) + prev_w.get("^", 0.0), *ahead[:-1]]
        self.after = [*behind[1:], next_pos.get("$", 0.0) + next_w.get("$", 0.0)]
        self.breaks = breaks_of(tokens)
        self.is_known, self.frequency = segmenter.frequency_lookups()
        # the weights of a family of features (last1=区 …) by what follows the '='
        self.last1 = _family(w, "last1=")
        self.last2 = _family(w, "last2=")
        self.first1 = _family(w, "first1=")
        self.nchar = _family(w, "nchar=")
        self.rank = _family(w, "rank=")
        self.once_rank = _family(w, "once&rank=")
        self.ntok = _family(w, "ntok=")
        self.common = (
            get("bias", 0.0),
            get("tf", 0.0),
            get("first", 0.0),
            get("once", 0.0),
            get("heading", 0.0),
            get("person_shape", 0.0),
            get("known", 0.0),
            get("freq_log", 0.0),
            get("generic", 0.0),
            get("digit", 0.0),
            get("latin", 0.0),
            get("not_span", 0.0),
            get("rule_score", 0.0),
        )
        self.rarities = (get("rar_min", 0.0), get("rar_mean", 0.0), get("rar_max", 0.0))
        self.neighbour_weights = (
            get("left_fixed", 0.0),
            get("right_fixed", 0.0),
            get("left_var", 0.0),
            get("right_var", 0.0),
            get("left_break", 0.0),
            get("right_break", 0.0),
            get("quoted", 0.0),
        )
        self.overlap_weights = (
            get("ruled_share", 0.0),
            get("rule_starts_inside", 0.0),
            get("rule_starts_here", 0.0),
        )

    def score(self, key: str, span: Span | None, positions: Sequence[int], rule: RuleView | None) -> float:
        """``weigh(weights, features(key, span, …))``, computed directly."""
        w = self.w
        get = w.get
        bias, tf, first, once, heading, person, known, freq, generic, digit, latin, not_span, rule_score = (
            self.common
        )
        rank = rank_bucket(rule.rank if rule else None)
        z = bias + self.rank.get(rank, 0.0)
        if rule is not None:
            z += (
                rule_score * min(rule.score, 40.0) / 10
                + get("reason=" + rule.reason, 0.0)
                + get("kind=" + rule.kind, 0.0)
            )
        count = len(positions)
        z += self.nchar.get(length_bucket(len(key)), 0.0) + tf * math.log2(1 + count)
        if count == 1:
            z += once + self.once_rank.get(rank, 0.0)
            if rule is not None:
                z += get("once&reason=" + rule.reason, 0.0)
        if positions and positions[0] < self.heading_end:
            z += heading
        z += first * (positions[0] / max(1, len(self.text)) if positions else 1.0)
        z += self.last1.get(key[-1], 0.0) + self.last2.get(key[-2:], 0.0) + self.first1.get(key[0], 0.0)
        if 2 <= len(key) <= 3 and (key[0] in SURNAMES or key[:2] in COMPOUND_SURNAMES):
            z += person
        if self.is_known(key):
            z += known + freq * math.log10(1 + self.frequency(key))
        if self.generic(key):
            z += generic
        if has_digit_or_latin(key):
            if has_digit(key):
                z += digit
            if has_latin(key):
                z += latin
        if span is None or not span.ranges:
            return z + not_span
        return z + self._span(span)

    def overlap(self, key: str, at: int, ruled: bytearray, starts: bytearray) -> float:
        """``weigh(weights, overlap_features(key, at, ruled, starts))``, computed directly."""
        share, inside, here = self.overlap_weights
        end = at + len(key)
        z = share * (ruled.count(1, at, end) / len(key))
        if starts.find(1, at + 1, end) >= 0:
            z += inside
        if starts[at]:
            z += here
        return z

    def _span(self, span: Span) -> float:
        tokens = self.tokens
        i, j = span.ranges[0]
        z = self.ntok.get(str(j - i + 1), 0.0) + self.pos_first[i] + self.pos_last[j]
        if i == j:
            z += self.pos_one[i]
            rare_min = rare_mean = rare_max = self.rare[i]
        else:
            if j > i + 1:
                z += sum(self.pos_in[i + 1 : j])
            rare = self.rare[i : j + 1]
            rare_min, rare_mean, rare_max = min(rare), sum(rare) / len(rare), max(rare)
        w_min, w_mean, w_max = self.rarities
        z += w_min * rare_min + w_mean * rare_mean
        z += w_max * rare_max
        left_fixed, right_fixed, left_var, right_var, left_break, right_break, quoted = self.neighbour_weights
        n = len(span.ranges)
        if n == 1:
            left_breaks = 1 if i == 0 or self.breaks[i - 1] else 0
            right_breaks = 1 if j + 1 >= len(tokens) or self.breaks[j + 1] else 0
        else:
            lefts, rights, left_breaks, right_breaks = neighbours(span, tokens, self.breaks.__getitem__)
            z += left_fixed * float(lefts == 1) + right_fixed * float(rights == 1)
            z += left_var * lefts / n + right_var * rights / n
        z += left_break * left_breaks / n + right_break * right_breaks / n
        z += self.before[i] + self.after[j]
        text = self.text
        start, end = tokens[i].start, tokens[j].end
        if start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES:
            z += quoted
        return z
