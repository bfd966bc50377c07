"""jieba's part-of-speech Viterbi, the same result in a fraction of the time.

``jieba.posseg`` reads a run of characters its dictionary lacks (a new name, a
rare place) with a hidden Markov model whose states are a position in the word
and a part of speech, ``('B', 'nr')``.  Its ``viterbi`` builds, for every
character and every state the character allows, a generator of tuples over every
state of the character before, most of which cannot lead to it (a word's middle
follows only the start or middle of a word of the same part of speech).  That
took about three quarters of the time of a whole POS cut.

:func:`viterbi` computes the same table with the same floating-point sums, in
the same order, over only the states that can lead to each state, and breaks
ties as jieba does (the larger state), so its path is jieba's path; a test
compares the two on real and on random text.  The states are numbered in their
sorted order (a number hashes faster than a pair of strings).  It is Qt-free and
has no state but the numbered tables, built once per set of tables.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TypeAlias

State: TypeAlias = tuple[str, str]  # (position in the word: B/M/E/S, part of speech)
Transitions: TypeAlias = Mapping[State, Mapping[State, float]]

MIN_FLOAT = -3.14e100  # jieba's log probability of an emission its tables lack
_OPENINGS_KEPT = 10_000  # characters whose opening scores are kept (a few states each, most of them)


class _Tables:
    """The model's tables with its states numbered in their sorted order (so that comparing numbers
    compares states, as jieba's ties do) and read into lists: hashing a number is cheaper than hashing
    a pair of strings, which every lookup of the Viterbi did.  Built once per set of tables."""

    __slots__ = (
        "_allowed",
        "_opening",
        "after",
        "before",
        "emit",
        "every",
        "index",
        "start",
        "states",
        "tables",
        "trans",
    )

    def __init__(
        self,
        states_of: Mapping[str, Iterable[State]],
        start_p: Mapping[State, float],
        trans_p: Transitions,
        emit_p: Mapping[State, Mapping[str, float]],
    ) -> None:
        self.tables = (states_of, start_p, trans_p, emit_p)
        self.states: list[State] = sorted({*trans_p, *start_p, *emit_p})
        index = self.index = {state: i for i, state in enumerate(self.states)}
        self.start = [start_p.get(state, MIN_FLOAT) for state in self.states]
        self.emit: list[Mapping[str, float]] = [emit_p.get(state, {}) for state in self.states]
        self.trans: list[dict[int, float]] = [
            {index[y]: p for y, p in trans_p.get(state, {}).items()} for state in self.states
        ]
        self.after = [frozenset(t) for t in self.trans]  # the states each state can lead to
        leading: list[list[tuple[int, float]]] = [[] for _ in self.states]
        for x, t in enumerate(self.trans):
            for y, p in t.items():
                leading[y].append((x, p))
        self.before = [tuple(sorted(pairs, reverse=True)) for pairs in leading]  # the larger state first
        self.every = frozenset(index[state] for state in trans_p)
        self._allowed: dict[str, frozenset[int]] = {}
        self._opening: dict[str, dict[int, float]] = {}

    def opening(self, char: str) -> dict[int, float]:
        """The score of every state ``char`` may take as the first character of a run (kept per character:
        it depends on the tables only)."""
        found = self._opening.get(char)
        if found is None:
            if len(self._opening) >= _OPENINGS_KEPT:
                self._opening.clear()
            found = self._opening[char] = {
                y: self.start[y] + self.emit[y].get(char, MIN_FLOAT) for y in self.allowed(char)
            }
        return found

    def allowed(self, char: str) -> frozenset[int]:
        """The states ``char`` may take (every state when the model does not list it)."""
        found = self._allowed.get(char)
        if found is None:
            listed = self.tables[0].get(char)
            found = self.every if listed is None else frozenset(self.index[s] for s in listed)
            self._allowed[char] = found
        return found


_known: list[_Tables] = []


def _tables_for(
    states_of: Mapping[str, Iterable[State]],
    start_p: Mapping[State, float],
    trans_p: Transitions,
    emit_p: Mapping[State, Mapping[str, float]],
) -> _Tables:
    for known in _known:
        a, b, c, d = known.tables
        if a is states_of and b is start_p and c is trans_p and d is emit_p:
            return known
    if len(_known) >= 4:
        _known.pop(0)
    _known.append(_Tables(states_of, start_p, trans_p, emit_p))
    return _known[-1]


def viterbi(
    obs: str,
    states: Mapping[str, Iterable[State]],
    start_p: Mapping[State, float],
    trans_p: Transitions,
    emit_p: Mapping[State, Mapping[str, float]],
) -> tuple[float, list[State]]:
    """The most likely states of ``obs`` and their log probability: ``jieba.posseg.viterbi``'s result.

    The states before each state are tried the larger first and replaced only by a strictly better
    score, so of equal scores the larger state wins, as in jieba.
    """
    tables = _tables_for(states, start_p, trans_p, emit_p)
    emit, after, before, trans = tables.emit, tables.after, tables.before, tables.trans
    scores = dict(tables.opening(obs[0]))
    back: list[dict[int, int]] = [dict.fromkeys(scores, -1)]
    for t in range(1, len(obs)):
        char = obs[t]
        previous = {x: v for x, v in scores.items() if after[x]}
        expected: set[int] = set().union(*[after[x] for x in previous])
        wanted = expected & tables.allowed(char)
        if not wanted:
            wanted = expected if expected else set(tables.every)
        ordered = sorted(previous, reverse=True)
        scores = {}
        pointers: dict[int, int] = {}
        for y in wanted:
            e = emit[y].get(char, MIN_FLOAT)
            best = -math.inf
            best_from = -1
            sources = before[y]
            if len(sources) < len(ordered):
                for x, p in sources:
                    v = previous.get(x)
                    if v is not None:
                        score = v + p + e
                        if score > best:
                            best, best_from = score, x
            else:
                for x in ordered:
                    q = trans[x].get(y)
                    if q is not None:
                        score = previous[x] + q + e
                        if score > best:
                            best, best_from = score, x
            if best_from < 0:  # only when no state before leads anywhere, as in jieba
                raise ValueError(f"no state can follow the states of {obs[t - 1]!r}")
            scores[y] = best
            pointers[y] = best_from
        back.append(pointers)
    prob, state = max((v, y) for y, v in scores.items())
    route = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        route[i] = state
        state = back[i][state]
    route[0] = state
    names = tables.states
    return prob, [names[i] for i in route]


CACHE_SIZE = 20_000  # runs kept; forgotten all at once when full (a run is a few characters)
_cache: dict[str, tuple[float, list[State]]] = {}
_cache_tables: tuple[int, ...] = ()


def cached_viterbi(
    obs: str,
    states: Mapping[str, Iterable[State]],
    start_p: Mapping[State, float],
    trans_p: Transitions,
    emit_p: Mapping[State, Mapping[str, float]],
) -> tuple[float, list[State]]:
    """:func:`viterbi`, remembered for each run of characters (a name the dictionary lacks comes back in
    the article and across the library).  The result depends on the run and the model's tables only;
    for other tables the runs remembered are forgotten.  jieba calls it under the segmenter's lock."""
    global _cache_tables
    tables = (id(states), id(start_p), id(trans_p), id(emit_p))
    if tables != _cache_tables:
        _cache.clear()
        _cache_tables = tables
    found = _cache.get(obs)
    if found is None:
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        found = _cache[obs] = viterbi(obs, states, start_p, trans_p, emit_p)
    return found[0], list(found[1])


def clear_cache() -> None:
    """Forget the runs remembered (for benchmarks that time the cut itself)."""
    _cache.clear()
