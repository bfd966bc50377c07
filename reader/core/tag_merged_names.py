"""Names jieba cut into pieces, joined again before the finders read them (tag suggestions).

``滕`` + ``迪克`` is one person, ``北京`` + ``居民区`` one place, ``恒源祥`` + ``集团`` one organisation:
:func:`merge_names` joins such pairs of jieba's words into one token of the name's part of speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core import tag_person_forms, tag_word_edges
from reader.core.segmenter import Token
from reader.core.tag_surnames import SURNAMES
from reader.core.tag_vocabulary import is_generic

PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
PLACE_SUFFIXES = frozenset({"街道", "镇", "乡", "村", "社区", "居民区", "居委", "居委会", "新村", "小区"})
ORG_SUFFIXES = (
    "有限公司", "公司", "集团", "医院", "分院", "学校", "中学", "小学", "幼儿园", "大学", "学院", "研究会",
    "协会", "学会", "基金会", "纪念馆", "博物馆", "图书馆", "美术馆", "委员会", "商会", "俱乐部",
)  # fmt: skip
_CJK = re.compile(r"^[\u3400-\u9fff]+$")


def merge_names(tokens: Sequence[Token]) -> list[Token]:
    """Join the pieces of names jieba split: ``滕``+``迪克``, ``江天``+``熙``, ``北京``+``居民区``…"""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = out[-1] if out else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if nxt is not None:
            merged = _merge_pair(prev, tok, nxt, after)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(tok)
        i += 1
    return _merge_organisations(out)


def _merge_pair(prev: Token | None, tok: Token, nxt: Token, after: Token | None) -> Token | None:
    """The merged token when ``tok`` + ``nxt`` is one name, else None."""
    if not (_CJK.match(tok.word) and _CJK.match(nxt.word)):
        return None
    word = tok.word + nxt.word
    after_is_cjk_word = after is not None and bool(_CJK.match(after.word)) and len(after.word) == 1
    if (
        (tok.pos in PERSON_TAGS or tag_person_forms.surname_misread(tok, nxt))
        and len(tok.word) == 1
        and tok.word in SURNAMES
        and len(nxt.word) in (1, 2)
        and (
            nxt.pos in {"nr", "nrfg", "nz", "n", "ng", "nrt", "a", "ag", "j", "x"}
            or tag_person_forms.surname_misread(tok, nxt)
        )
        and not (prev is not None and prev.pos in {"m", "q", "mq"})
    ):
        return Token(word, "nr", tok.start)
    if (
        len(tok.word) == 2
        and len(nxt.word) == 1
        and tok.pos in PERSON_TAGS | {"ns", "nz"}
        and nxt.pos in {"nz", "ng", "nr", "j", "ag"}
        and tok.word[0] in SURNAMES
        and not after_is_cjk_word
    ):
        return Token(word, "nr", tok.start)
    if (
        nxt.word in PLACE_SUFFIXES
        and tok.pos in PERSON_TAGS | {"ns", "nz"}
        and len(tok.word) >= 2
        and not tok.word.endswith(tuple(PLACE_SUFFIXES))
        and not is_generic(tok.word)
    ):
        return Token(word, "ns", tok.start)
    return None


def _merge_organisations(tokens: list[Token]) -> list[Token]:
    """``恒源祥``+``集团`` → ``恒源祥集团`` (nt): proper nouns followed by an organisation suffix."""
    out: list[Token] = []
    proper = PERSON_TAGS | {"ns", "nz", "nt"}
    for i, tok in enumerate(tokens):
        if (
            tok.word.endswith(ORG_SUFFIXES)
            and tok.pos in {"n", "nz", "nt"}
            and out
            and not (tok.word in ORG_SUFFIXES and tag_word_edges.used_as_verb(tokens, i))  # 学会了
            and not tag_word_edges.continued_by_place(tokens, i)  # 赛罕区 + 大学 + 西路街道: a street's
        ):
            run: list[Token] = []
            while out and out[-1].pos in proper and len(run) < 2 and _CJK.match(out[-1].word):
                run.insert(0, out.pop())
            if run and not all(is_generic(t.word) for t in run):
                out.append(Token("".join(t.word for t in run) + tok.word, "nt", run[0].start))
                continue
            out.extend(run)
        out.append(tok)
    return out
