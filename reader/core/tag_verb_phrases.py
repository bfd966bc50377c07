"""Verb phrases that end like names (tag suggestions, round 9).

The suffix and head finders read a name back from its last word: 街道, 路, 院, 机场.  Some of what
they read is no name, and the words around it say so:

* a pronoun or a made-up time word inside (全区 + 各街道, 前在 + 机场): a name holds neither (午间课堂
  holds a time word of the dictionary);
* a distinguishing word (所有, 附属) and the bare suffix, nothing else (所有街道, 附属医院): a kind of
  place or body, not one;
* a suffix glued into a longer word (指路, 出院) after common words only, with a preposition before
  them (为 + 旅客 + 指路): the preposition's object and a verb;
* a suffix glued into a longer word followed by a locative of time (出院 + 后): an event, not a body.

A candidate is dropped when every one of its occurrences reads so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import ORG_SUFFIXES, PLACE_SUFFIXES, Found
from reader.core.tag_districts import is_district

_PRONOUN_POS = frozenset({"r"})
_TIME_POS = frozenset({"t"})
_DISTINGUISHING_POS = frozenset({"b"})
_PREPOSITION_POS = frozenset({"p"})
_LOCATIVE_POS = frozenset({"f"})
_PROPER_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "nt", "j"})
_SUFFIXES = tuple(sorted({*PLACE_SUFFIXES, *ORG_SUFFIXES}, key=len, reverse=True))


def drop_misread(found: Sequence[Found], tokens: Sequence[Token]) -> list[Found]:
    """``found`` without the names by suffix or head, or the recurring phrases that end with a
    suffix, that are verb phrases or kinds (see the module docstring)."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    return [f for f in found if not _misread(f, tokens, starts)]


def _misread(f: Found, tokens: Sequence[Token], starts: Mapping[int, int]) -> bool:
    if f.reason == "suffix":
        suffix = f.detail
    elif f.reason == "phrase":  # 旅客指路 recurring in the library: the suffix finder's reading
        suffix = next((s for s in _SUFFIXES if f.key.endswith(s)), "")
    else:
        return False
    readings = [_span(tokens, starts, p, p + len(f.key)) for p in f.positions]
    spans = [r for r in readings if r is not None]
    return (
        bool(suffix and spans)
        and len(spans) == len(readings)
        and all(_verb_phrase(suffix, tokens, *s) for s in spans)
    )


def _span(tokens: Sequence[Token], starts: Mapping[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The first and last token of ``text[start:end]`` when it starts and ends at word boundaries."""
    first = starts.get(start)
    if first is None:
        return None
    last = first
    while last < len(tokens) and tokens[last].end < end:
        last += 1
    return (first, last) if last < len(tokens) and tokens[last].end == end else None


def _verb_phrase(suffix: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    words = tokens[first : last + 1]
    tail = words[-1].word
    glued = tail != suffix and tail.endswith(suffix)
    stem = tail[: -len(suffix)] if glued else ""
    if any(_pos(t) in _PRONOUN_POS or _made_up_time(t) for t in words[:-1]):
        return True  # 全区各…, 前在机场 (午间课堂 is a name)
    if stem and segmenter.dictionary_pos(stem) in _PRONOUN_POS:
        return True  # 各 + 街道
    if len(words) == 2 and not glued and words[0].pos in _DISTINGUISHING_POS:
        return True  # 所有街道, 附属医院
    if not glued:
        return False
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    common = not any(t.pos in _PROPER_POS or not segmenter.is_known(t.word) for t in words)
    if common and before is not None and before.pos in _PREPOSITION_POS and not is_district(words[0].word):
        return True  # 为 + 旅客指路 (由 + 市中区退役军人事务局: a body of a district)
    return after is not None and after.pos in _LOCATIVE_POS  # 出院 + 后


def _made_up_time(tok: Token) -> bool:
    """A time word jieba made up (前在: 前 + 在), not one of its dictionary (午间)."""
    return tok.pos in _TIME_POS and not segmenter.is_known(tok.word)


def _pos(tok: Token) -> str | None:
    return tok.pos if tok.pos in _PRONOUN_POS else segmenter.dictionary_pos(tok.word)
