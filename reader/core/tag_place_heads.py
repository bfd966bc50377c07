"""A place named with a locative head the article goes on to use alone (霍尔果斯口岸), for tag
suggestions (round 8).

Ports, land ports and customs houses (…口岸, …海关) end with words jieba's dictionary reads as
locatives or places (口岸 ``s``, 海关 ``ns``), not as the nouns that end organisations, so neither
the suffix lists nor the dictionary's head nouns read them, and the proper name before them was
offered alone (霍尔果斯 as a person).  When a proper name is written right before such a word and
the article names that word again on its own (在口岸停留, 口岸还将…), the two are one name: the
article is about that port.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences

_LOCATIVE_POS = frozenset({"s"})
_PROPER_POS = frozenset({"ns", "nr", "nrt", "nz"})
_NOUN_POS = frozenset({"n", "nz", "ns", "nr", "nrt", "nt", "s", "l"})  # not 进出境 (vn)


def place_heads(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Proper names glued to a locative head that the article names again alone."""
    out: dict[str, Found] = {}
    for name, head, after in zip(tokens, tokens[1:], [*tokens[2:], None], strict=False):
        if name.pos not in _PROPER_POS or len(name.word) < 2 or not CJK.match(name.word):
            continue
        if head.start != name.end or len(head.word) < 2 or head.word in generic or not CJK.match(head.word):
            continue
        if segmenter.dictionary_pos(head.word) not in _LOCATIVE_POS:
            continue
        if after is not None and after.start == head.end and after.pos in _NOUN_POS:
            continue  # the name goes on (…口岸 + 管理局)
        key = name.word + head.word
        n = len(name.word)
        if key in out or all(text[max(0, p - n) : p] == name.word for p in occurrences(text, head.word)):
            continue  # the head is never named alone: no evidence the article is about that place
        out[key] = Found(
            key, original[name.start : head.end], "place", "suffix", head.word, occurrences(text, key)
        )
    return list(out.values())


_DIVISIONS = ("县", "区", "市", "州", "旗", "乡", "镇")
_COMMON_STEM = 300  # a stem the dictionary knows this well (开发 of 开发区) is a word, not a name


def short_named_places(tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """A county, district or town the article also names by its short form (民勤县, then 在民勤…),
    whatever jieba tagged it: the place, and the short form as the same place (so it folds into it)."""
    out: dict[str, Found] = {}
    for tok in tokens:
        word = tok.word
        if len(word) < 3 or not word.endswith(_DIVISIONS) or not CJK.match(word) or word in out:
            continue
        stem = word[:-1]
        if segmenter.dictionary_frequency(stem) >= _COMMON_STEM and segmenter.dictionary_pos(stem) != "ns":
            continue
        alone = [p for p in occurrences(text, stem) if not text.startswith(word, p)]
        if not alone:
            continue
        out[word] = Found(word, original[tok.start : tok.end], "place", "place", "", occurrences(text, word))
        out[stem] = Found(stem, original[alone[0] : alone[0] + len(stem)], "place", "place", "", tuple(alone))
    return list(out.values())
