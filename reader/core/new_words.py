"""New-word discovery: phrases that recur in a body of text and hold together as words.

A run of characters is a word of the text when it is frequent, *cohesive*
(its parts occur together far more often than chance: the smallest pointwise
mutual information over its split points is high) and *free* at both ends
(many different characters precede and follow it: high boundary entropy).
零距离家园 and 四史学习教育 pass; 距离家 fails cohesion against 零距离, and
金项目 fails freedom (always preceded by 治).  Counting is apriori: an n-gram
is counted only when both its (n-1)-grams are frequent, so memory stays
proportional to what recurs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

MIN_LENGTH = 2
MAX_LENGTH = 10
MIN_COUNT = 3
MIN_COHESION = 3.0  # natural log: the parts occur together e³ ≈ 20 times more often than chance
MIN_ENTROPY = 1.0  # natural log, at each end
_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
# Characters a phrase never starts or ends with (particles, conjunctions, prepositions).
EDGE_STOP = frozenset("的了和与及或在是为把被将对从向于以而也都就又还并之其这那此该每各个一们地等")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A discovered phrase: how often it occurs, its cohesion, its weaker boundary entropy, its score."""

    text: str
    count: int
    cohesion: float
    entropy: float

    @property
    def score(self) -> float:
        return round(math.log(self.count) * min(self.cohesion, 8.0) * min(self.entropy, 3.0), 3)


def _entropy(counts: Counter[str], edges: int) -> float:
    """Entropy of the neighbours; each text edge counts as a neighbour of its own."""
    total = sum(counts.values()) + edges
    if total == 0:
        return 0.0
    h = -sum(n / total * math.log(n / total) for n in counts.values())
    return h + edges * (1 / total) * math.log(total)


def discover(
    texts: Iterable[str],
    *,
    min_count: int = MIN_COUNT,
    max_length: int = MAX_LENGTH,
    min_cohesion: float = MIN_COHESION,
    min_entropy: float = MIN_ENTROPY,
) -> list[Phrase]:
    """The phrases of ``texts`` (folded), best first."""
    runs = [m.group() for text in texts for m in _RUN.finditer(text)]
    counts: Counter[str] = Counter()
    for run in runs:
        counts.update(run)
    total = sum(counts.values())
    if total == 0:
        return []
    frequent = {c for c, n in counts.items() if n >= min_count}
    for length in range(2, max_length + 2):  # one longer than a phrase, for the neighbours' sake
        layer: Counter[str] = Counter()
        for run in runs:
            for i in range(len(run) - length + 1):
                gram = run[i : i + length]
                if gram[:-1] in frequent and gram[1:] in frequent:
                    layer[gram] += 1
        kept = {g for g, n in layer.items() if n >= min_count}
        if not kept:
            break
        counts.update({g: layer[g] for g in kept})
        frequent |= kept
    candidates = {
        g
        for g in frequent
        if MIN_LENGTH <= len(g) <= max_length and g[0] not in EDGE_STOP and g[-1] not in EDGE_STOP
    }
    cohesive: dict[str, float] = {}
    for gram in candidates:
        c = counts[gram]
        pmi = min(
            math.log(c * total / (counts[gram[:k]] * counts[gram[k:]]))
            for k in range(1, len(gram))
            if counts[gram[:k]] and counts[gram[k:]]
        )
        if pmi >= min_cohesion:
            cohesive[gram] = pmi
    left: dict[str, Counter[str]] = defaultdict(Counter)
    right: dict[str, Counter[str]] = defaultdict(Counter)
    left_edges: Counter[str] = Counter()
    right_edges: Counter[str] = Counter()
    longest = max((len(g) for g in cohesive), default=0)
    for run in runs:
        n = len(run)
        for i in range(n - 1):
            for length in range(2, min(longest, n - i) + 1):
                gram = run[i : i + length]
                if gram not in cohesive:
                    if gram not in frequent:
                        break
                    continue
                if i:
                    left[gram][run[i - 1]] += 1
                else:
                    left_edges[gram] += 1
                j = i + length
                if j < n:
                    right[gram][run[j]] += 1
                else:
                    right_edges[gram] += 1
    found = []
    for gram, pmi in cohesive.items():
        entropy = min(_entropy(left[gram], left_edges[gram]), _entropy(right[gram], right_edges[gram]))
        if entropy >= min_entropy:
            found.append(Phrase(gram, counts[gram], round(pmi, 3), round(entropy, 3)))
    found.sort(key=lambda p: (-p.score, p.text))
    return found


_openings: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _openings_of(phrases: frozenset[str]) -> frozenset[str]:
    """The first two characters of every phrase (worked out once per set of phrases)."""
    kept = _openings.get(id(phrases))
    if kept is not None and kept[0] is phrases:
        return kept[1]
    openings = frozenset(p[:2] for p in phrases)
    if len(_openings) > 4:
        _openings.clear()
    _openings[id(phrases)] = (phrases, openings)
    return openings


def occurring(text: str, phrases: frozenset[str], max_length: int = MAX_LENGTH) -> Counter[str]:
    """How often each of ``phrases`` occurs in ``text`` (folded)."""
    found: Counter[str] = Counter()
    if not phrases:
        return found
    openings = _openings_of(phrases)
    for match in _RUN.finditer(text):
        run = match.group()
        n = len(run)
        for i in range(n - 1):
            if run[i : i + 2] not in openings:
                continue
            for j in range(i + 2, min(n, i + max_length) + 1):
                if run[i:j] in phrases:
                    found[run[i:j]] += 1
    return found
    for match in _RUN.finditer(text):
        run = match.group()
        n = len(run)
        for i in range(n - 1):
            for j in range(i + 2, min(n, i + max_length) + 1):
                if run[i:j] in phrases:
                    found[run[i:j]] += 1
    return found
