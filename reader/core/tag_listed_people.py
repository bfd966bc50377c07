"""People named in a list (tag suggestions, rounds 12 and 20).

A paper lists the people it honours or who were elected in a row, parted by 、 (丁国强、范丽萍、
俞卫东、汤秋月、贺志刚等9人获评…), often each with its street, unit or village in brackets after the
name (马永福(拓东街道)、王淑芬(鼓楼街道)、…).  jieba reads most of them as names, but cuts some in two:
a surname it takes for another word (俞 ``zg`` + 卫东, 汤 ``n`` + 秋月 ``t``), so the name came out cut
short (卫东) or not at all.  In a list whose items are mostly people by jieba's reading, an item of
two or three characters starting with a surname is a person too: the list says what kind of thing its
items are.  Every name of such a list is offered with the reason ``list`` (round 20: archivists tag
the people a list honours, one by one; a name jieba alone found, named once, ranked below the streets
in their brackets).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK
from reader.core.tag_ranking import Candidate

SEPARATOR = "、"
PERSON_POS = frozenset({"nr", "nrfg", "nrt"})
MIN_ITEMS = 3
PEOPLE_SHARE = 0.5  # of a list's items, read as people by jieba, for the others to be people too
BRACKETED_SHARE = 0.7  # of a bracketed list's items that look like names
LIST_REASON = "list"
_OPEN = frozenset({"(", "（"})
_CLOSE = frozenset({")", "）"})
_MAX_BRACKET_TOKENS = 12  # an affiliation in brackets is short (拓东街道, 市第一人民医院护士长)


@dataclass(frozen=True, slots=True)
class _Item:
    """One item of a list: its CJK tokens, and whether a bracket follows them (马永福(拓东街道))."""

    tokens: list[Token]
    bracketed: bool


def listed_people(
    tokens: Sequence[Token],
    original: str,
    surnames: Collection[str],
    plausible: Callable[[str], bool],
) -> list[Candidate]:
    """The people of the article's lists of people (kind person, reason ``list``)."""
    out: dict[str, Candidate] = {}
    for items in _lists(tokens):
        if len(items) < MIN_ITEMS:
            continue
        bracketed = sum(1 for item in items if item.bracketed) >= len(items) - 1
        names = [_name(item, k, len(items), bracketed, surnames) for k, item in enumerate(items)]
        people = sum(1 for name in names if len(name) == 1 and name[0].pos in PERSON_POS)
        if bracketed:  # each with its street or unit in brackets: a list of people when its items look so
            people = sum(1 for name in names if name and plausible("".join(t.word for t in name)))
        if people < (BRACKETED_SHARE if bracketed else PEOPLE_SHARE) * len(items):
            continue
        for name in names:
            word = "".join(t.word for t in name)
            if not name or word in out or not plausible(word):
                continue
            start = name[0].start
            out[word] = Candidate(word, original[start : start + len(word)], "person", LIST_REASON)
    return list(out.values())


def _name(item: _Item, k: int, count: int, bracketed: bool, surnames: Collection[str]) -> list[Token]:
    """The tokens of the name ``item`` holds, or none.

    An item between two 、 is a name as a whole, and so is one before a bracket; the first item may hold
    words before its name and the last words after it (…获评的有丁国强、…、贺志刚等9人), so there the name
    is the longest run of tokens next to the 、 that spells two or three characters from a surname.
    """
    toks = item.tokens
    if k == 0 and not (bracketed and len(toks) == 1):
        toks = _edge_name(toks, from_end=True, surnames=surnames)
    elif k == count - 1 and not item.bracketed:
        toks = _edge_name(toks, from_end=False, surnames=surnames)
    word = "".join(t.word for t in toks)
    if not toks or not 2 <= len(word) <= 3 or not CJK.match(word) or word[0] not in surnames:
        return []
    return toks


def _edge_name(toks: list[Token], *, from_end: bool, surnames: Collection[str]) -> list[Token]:
    """The longest run of tokens at one end of ``toks`` that spells two or three characters starting
    with a surname (丁国强 of 获评的有 + 丁 + 国强), or none."""
    best: list[Token] = []
    run: list[Token] = []
    for tok in reversed(toks) if from_end else toks:
        run = [tok, *run] if from_end else [*run, tok]
        word = "".join(t.word for t in run)
        if len(word) > 3:
            break
        if len(word) >= 2 and word[0] in surnames:
            best = list(run)
    return best


def _lists(tokens: Sequence[Token]) -> list[list[_Item]]:
    """Runs of items parted by 、 (each item the CJK tokens between two separators, and a bracket after
    them that is skipped: 马永福(拓东街道)、王淑芬(鼓楼街道))."""
    lists: list[list[_Item]] = []
    marks = [k for k, tok in enumerate(tokens) if tok.word == SEPARATOR]
    k = 0
    while k < len(marks):
        first = marks[k]
        items = [_backward(tokens, first - 1)]
        while k + 1 < len(marks):
            between, end = _forward(tokens, marks[k] + 1)
            if not between.tokens or end != marks[k + 1]:
                break
            items.append(between)
            k += 1
        items.append(_forward(tokens, marks[k] + 1)[0])
        lists.append(items)
        k += 1
    return lists


def _forward(tokens: Sequence[Token], start: int) -> tuple[_Item, int]:
    """The item starting at ``start`` and the index just after it (after its bracket, if any)."""
    out: list[Token] = []
    k = start
    while k < len(tokens) and tokens[k].word != SEPARATOR and CJK.match(tokens[k].word):
        out.append(tokens[k])
        k += 1
    close = _bracket_end(tokens, k) if out else None
    if close is not None:
        return _Item(out, True), close + 1
    return _Item(out, False), k


def _backward(tokens: Sequence[Token], end: int) -> _Item:
    """The item ending at ``end`` (the tokens before the first 、), its bracket skipped."""
    k = end
    bracketed = False
    if k >= 0 and tokens[k].word in _CLOSE:
        j = k - 1
        while j >= 0 and k - j <= _MAX_BRACKET_TOKENS and tokens[j].word not in _OPEN | {SEPARATOR}:
            j -= 1
        if j >= 0 and tokens[j].word in _OPEN:
            k, bracketed = j - 1, True
    out: list[Token] = []
    while k >= 0 and tokens[k].word != SEPARATOR and CJK.match(tokens[k].word):
        out.append(tokens[k])
        k -= 1
    return _Item(out[::-1], bracketed and bool(out))


def _bracket_end(tokens: Sequence[Token], k: int) -> int | None:
    """The index of the bracket closing one opened at ``k``, when a short bracket opens there."""
    if k >= len(tokens) or tokens[k].word not in _OPEN:
        return None
    for j in range(k + 1, min(len(tokens), k + 1 + _MAX_BRACKET_TOKENS)):
        word = tokens[j].word
        if word in _CLOSE:
            return j
        if word == SEPARATOR or word in _OPEN:
            return None
    return None
