"""Districts the tokenizer cut the other way (tag suggestions, round 9).

jieba knows 区 alone, but not most districts: 天涯区凤凰街道 comes out as 天涯 + 区 + 凤凰 + 街道,
and the suffix finder offered 区凤凰街道 (a street with its district's last character).  Round 8's
:func:`reader.core.tag_word_edges.join_cut_districts` joins a made-up two-character word (区炉);
this joins the other cut: a place suffix said alone (区, 县, 市) right after a noun the dictionary
rarely sees (天涯: jieba read the district's name as a common word) ends that name (天涯区), and the
street after it starts after it.  After a proper name (姑苏 + 区) the suffix finders already read
the district whole.  (青秀 + 区民政局 needs no joining: the suffix finder reads 青秀区民政局 whole once
民政局 is no common word, :func:`reader.core.tag_candidates._common_word`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core import segmenter
from reader.core.segmenter import Token

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
DISTRICT_CHARACTERS = frozenset("区县市")
_NOUN_POS = frozenset({"n"})
RARE_NOUN = 300  # a common noun this rare in the dictionary (天涯) may be a district's name


def join_district_suffixes(tokens: Sequence[Token]) -> list[Token]:
    """The tokens, with a rare noun and the place suffix said alone after it one place word (天涯区)."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and tok.word in DISTRICT_CHARACTERS
            and prev.end == tok.start
            and len(prev.word) >= 2
            and prev.pos in _NOUN_POS
            and _CJK.match(prev.word)
            and segmenter.dictionary_frequency(prev.word) < RARE_NOUN
        ):
            out[-1] = Token(prev.word + tok.word, "ns", prev.start)  # 天涯 + 区
            continue
        out.append(tok)
    return out
