"""People named in a list (tag suggestions, round 12).

A paper lists the people it honours or who were elected in a row, parted by 、 (丁国强、范丽萍、
俞卫东、汤秋月、贺志刚等9人获评…).  jieba reads most of them as names, but cuts some in two: a
surname it takes for another word (俞 ``zg`` + 卫东, 汤 ``n`` + 秋月 ``t``), so the name came out
cut short (卫东) or not at all.  In a list whose items are mostly people by jieba's reading, an
item between two 、 of two or three characters, starting with a surname and made of more than one
word, is a person too: the list says what kind of thing its items are.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK
from reader.core.tag_ranking import Candidate

SEPARATOR = "、"
PERSON_POS = frozenset({"nr", "nrfg", "nrt"})
MIN_ITEMS = 3
PEOPLE_SHARE = 0.5  # of a list's items, read as people by jieba, for the others to be people too


def listed_people(
    tokens: Sequence[Token],
    original: str,
    surnames: Collection[str],
    plausible: Callable[[str], bool],
) -> list[Candidate]:
    """People of the article's lists that jieba cut in two (new candidates, kind person)."""
    out: dict[str, Candidate] = {}
    for items in _lists(tokens):
        ends = [items[0][-1:], *items[1:-1], items[-1][:1]]  # the name next to the first and last 、
        people = sum(1 for item in ends if len(item) == 1 and item[0].pos in PERSON_POS)
        if len(items) < MIN_ITEMS or people < PEOPLE_SHARE * len(items):
            continue
        for item in items[1:-1]:  # the first and the last may hold words before or after the name
            word = "".join(t.word for t in item)
            if len(item) < 2 or not 2 <= len(word) <= 3 or not CJK.match(word) or word[0] not in surnames:
                continue
            if word in out or not plausible(word):
                continue
            start = item[0].start
            out[word] = Candidate(word, original[start : start + len(word)], "person", "person")
    return list(out.values())


def _lists(tokens: Sequence[Token]) -> list[list[list[Token]]]:
    """Runs of items parted by 、 (each item the CJK tokens between two separators)."""
    lists: list[list[list[Token]]] = []
    marks = [k for k, tok in enumerate(tokens) if tok.word == SEPARATOR]
    k = 0
    while k < len(marks):
        first = marks[k]
        items = [_item(tokens, first - 1, -1)[::-1]]
        while (
            k + 1 < len(marks)
            and (between := _item(tokens, marks[k] + 1, 1))
            and (marks[k] + 1 + len(between) == marks[k + 1])
        ):
            items.append(between)
            k += 1
        items.append(_item(tokens, marks[k] + 1, 1))
        lists.append(items)
        k += 1
    return lists


def _item(tokens: Sequence[Token], start: int, step: int) -> list[Token]:
    """The CJK tokens from ``start`` on, in the direction ``step``, up to the first that is not."""
    out: list[Token] = []
    k = start
    while 0 <= k < len(tokens) and tokens[k].word != SEPARATOR and CJK.match(tokens[k].word):
        out.append(tokens[k])
        k += step
    return out
