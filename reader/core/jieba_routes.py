"""jieba's word graph and best route, the same results in less time.

``jieba.Tokenizer.get_DAG`` looks every prefix up twice (``in`` and then ``[]``) and ``calc`` builds
a generator of tuples for every character; both run for every character of every text cut.
:func:`get_dag` and :func:`calc` compute the same graph and route (the same floating-point sums in
the same order, ties to the larger end as ``max`` over ``(score, end)`` does); a test compares them
with jieba's on whole issues and on random text.  Installed on jieba's tokenizer by
:mod:`reader.core.segmenter`.  Qt-free, no state.
"""

from __future__ import annotations

from math import log
from typing import Any


def get_dag(self: Any, sentence: str) -> dict[int, list[int]]:
    """``jieba.Tokenizer.get_DAG``: for each start, the ends of the dictionary words starting there."""
    self.check_initialized()
    freq = self.FREQ
    get = freq.get
    dag: dict[int, list[int]] = {}
    n = len(sentence)
    for k in range(n):
        ends = []
        i = k
        frag = sentence[k]
        f = get(frag)
        while f is not None:
            if f:
                ends.append(i)
            i += 1
            if i >= n:
                break
            frag = sentence[k : i + 1]
            f = get(frag)
        if not ends:
            ends.append(k)
        dag[k] = ends
    return dag


def calc(self: Any, sentence: str, dag: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
    """``jieba.Tokenizer.calc``: the best route from each character to the end of the sentence."""
    get = self.FREQ.get
    n = len(sentence)
    route[n] = (0, 0)
    logtotal = log(self.total)
    for idx in range(n - 1, -1, -1):
        best = 0.0
        best_end = -1
        for x in dag[idx]:
            score = log(get(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0]
            if best_end < 0 or score >= best:  # ends ascend: of equal scores the larger end wins
                best, best_end = score, x
        route[idx] = (best, best_end)
