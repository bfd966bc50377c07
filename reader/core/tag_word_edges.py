"""Where a name ends and starts, read from the article's words (tag suggestions, round 7).

The finders of the earlier rounds read names off the characters (a surname and two more, a
suffix and the words before it); on unseen text they took in what was not the name's:

* **A name's end.**  A person's name does not end with a character the dictionary reads as a verb,
  adverb or particle when that character begins one of jieba's words (朱浩 + 已经, 贺平 + 拍 + 了,
  钱 + 转给), unless the article names the longer form again (:func:`person_end`); 王子 + 涵说 and
  韩国 + 平说 keep theirs (涵 and 平 are no verbs).
* **A measure word after a numeral** (7 + 个 + 技能大师工作室) starts no name (:func:`counted`).
* **A conjunction glued to a place suffix** (合作社 + 和县 + 农业农村局: 和 + 县) after a common noun is
  the conjunction and the suffix, not a county (:func:`split_conjunction_places`).
* **A common word between two names** belongs to neither (玉林街道 + 委托 + 益邻…中心): the walk
  back from a suffix stops before it (:func:`between_names`).
* **A verb ends no organisation** (…消防救援站 + 举办: 举办 ends with 办, :func:`verb_word`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token

_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_DIGITS = re.compile(r"^[0-9]+$")
# One-character words that never end a person's name: verbs, adverbs, prepositions, particles.
_NOT_NAME_END_POS = frozenset({"v", "vd", "vi", "d", "p", "c", "u", "ul", "uj", "uz", "ug", "uv", "ad"})
_NUMERAL_POS = frozenset({"m", "mq"})
_MEASURE_POS = frozenset({"q"})
_CONJUNCTION_POS = frozenset({"c", "p"})
_PLACE_CHARACTERS = frozenset("县区市镇乡村")
_COMMON_NOUN_POS = frozenset({"n", "l", "nz", "vn"})
_JOINED_NOUN_POS = _COMMON_NOUN_POS | {"nt", "ng"}  # what a conjunction joins: not a place (安徽省和县)
_PROPER_POS = frozenset({"nr", "nrfg", "nrt", "ns", "nz", "nt"})
_PLACE_WORDS = frozenset({"街道", "社区", "镇", "乡", "村", "居委会", "居民区"})
_GLUED_PARTICLES = {"了": "ul", "和": "c", "与": "c", "及": "c", "跟": "p", "同": "p"}
_RARE = 100  # a noun the dictionary sees this rarely (海韵) reads as a name (round 8)
_COMMON = 300  # …after a word this common (委托; not 家常菜 of 长三角家常菜厨艺大赛, a part of the name)


def person_end(text: str, start: int, key: str, starts: Mapping[int, Token]) -> str | None:
    """The person's name at ``start`` read as ``key`` or shorter: a last character that the
    dictionary reads as a verb, adverb or particle on its own (拍, 已, 转) and that begins one of
    jieba's dictionary words here (贺平 + 拍, 朱浩 + 已经, 钱 + 转给) is the next word's, not the
    name's, unless the article names the longer form again.  None when no form of two characters
    or more is left.  Without tokens (``starts`` empty) ``key`` is kept."""
    if not starts:
        return key
    for length in range(len(key), 1, -1):
        name = key[:length]
        last = start + length - 1
        word = starts.get(last)
        if (
            word is not None
            and segmenter.is_known(word.word)  # 涵说: a word jieba made up here is the name's end and 说
            and segmenter.dictionary_pos(text[last]) in _NOT_NAME_END_POS
            and text.count(name) < 2
        ):
            continue
        return name
    return None


def counted(tokens_by_end: Mapping[int, Token], word: Token) -> bool:
    """True for a measure word, or any one-character word after a numeral (7 + 个, 五 + 家)."""
    if word.pos in _MEASURE_POS:
        return True
    before = tokens_by_end.get(word.start)
    return before is not None and (before.pos in _NUMERAL_POS or bool(_DIGITS.match(before.word)))


def split_conjunction_places(tokens: Sequence[Token]) -> list[Token]:
    """``合作社`` + ``和县`` → ``合作社`` + ``和`` + ``县``: a two-character place whose first character
    the dictionary reads as a conjunction or preposition and whose second is a place suffix, right
    after a noun that is no place, is the conjunction joining two nouns and the start of the next name."""
    out: list[Token] = []
    for k, tok in enumerate(tokens):
        prev = out[-1] if out else None
        word = tok.word
        if (
            prev is not None
            and len(word) == 2
            and tok.pos == "ns"
            and word[1] in _PLACE_CHARACTERS
            and segmenter.dictionary_pos(word[0]) in _CONJUNCTION_POS
            and prev.pos in _JOINED_NOUN_POS
            and len(prev.word) >= 2
            and prev.end == tok.start
        ):
            out += [Token(word[0], "c", tok.start), Token(word[1], "n", tok.start + 1)]
            continue
        if prev is not None and k + 1 < len(tokens) and _glued_particle(prev, tok, tokens[k + 1]):
            particle = Token(word[0], _GLUED_PARTICLES[word[0]], tok.start)
            out += [particle, Token(word[1:], tok.pos, tok.start + 1)]
            continue
        out.append(tok)
    return out


def _glued_particle(prev: Token, tok: Token, following: Token) -> bool:
    """Whether ``tok`` is a name jieba's tagger glued to the particle or conjunction before it, right
    before a community's word (采访 + 了莲秀 + 社区, 侨联 + 和嘉莲 + 街道; round 20)."""
    word = tok.word
    if len(word) < 3 or word[0] not in _GLUED_PARTICLES or tok.pos not in _PROPER_POS:
        return False
    if segmenter.is_known(word) or prev.end != tok.start or not _CJK.match(prev.word):
        return False
    return following.start == tok.end and following.word in _PLACE_WORDS


def between_names(tokens: Sequence[Token], k: int) -> bool:
    """True when ``tokens[k]`` is a common word between a place before it and a proper name after it
    (玉林街道 + 委托 + 益邻): the verb or noun linking two names, part of neither."""
    if k < 1 or k + 1 >= len(tokens):
        return False
    word, before, after = tokens[k], tokens[k - 1], tokens[k + 1]
    return (
        word.pos in _COMMON_NOUN_POS
        and word.pos != "nz"
        and len(word.word) >= 2
        and (before.word in _PLACE_WORDS or before.pos == "ns")
        and (
            after.pos in _PROPER_POS - {"ns"}
            or not segmenter.is_known(after.word)
            or (_rare(tokens, k + 1) and _common(word.word))
        )
        and bool(_CJK.match(after.word))
    )


def verb_word(tok: Token) -> bool:
    """True for a word jieba reads as a verb here (举办, 开办), which ends no organisation's name."""
    return tok.pos in ("v", "vd", "vi")


_ASPECT_POS = frozenset({"ul", "uz", "ug"})  # 了, 着, 过
_OPENING_QUOTES = '“‘「『"'


def used_as_verb(tokens: Sequence[Token], i: int) -> bool:
    """True when ``tokens[i]``, a suffix said alone (学会, 办), is used as a verb here (round 8): an
    aspect particle follows it (钱桂芬 + 学会 + 了), or the dictionary reads it as a verb and a quoted
    name, its object, follows (大学生 + 办 + “银发课堂”)."""
    tok = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or after.start != tok.end:
        return False
    if after.pos in _ASPECT_POS:
        return True
    if segmenter.dictionary_pos(after.word[:1]) in _ASPECT_POS and not segmenter.is_known(after.word):
        return True  # 学会 + 了用: jieba glued the particle to the next verb
    return after.word[:1] in _OPENING_QUOTES and (segmenter.dictionary_pos(tok.word) or "").startswith("v")


_ROADS = frozenset({"街", "路"})  # a road's suffix cut off by the tokenizer (坡子 + 街)


def continued_by_place(tokens: Sequence[Token], i: int) -> bool:
    """True when a place jieba read follows ``tokens[i]`` with no break (大学 + 西路街道): the word
    is the start of that place's name (a street), not the end of an organisation's (round 8); so is
    a word before a road and 街道 (学院 + 街 + 街道: a street named by its road; round 10)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or after.start != tokens[i].end or not _CJK.match(after.word):
        return False
    then = tokens[i + 2] if i + 2 < len(tokens) else None
    road = after.word in _ROADS and then is not None and then.start == after.end and then.word == "街道"
    return after.pos == "ns" or road


def _rare(tokens: Sequence[Token], k: int) -> bool:
    """``tokens[k]`` is a word of jieba's main dictionary seen less than :data:`_RARE` times (海韵)
    with more of the name after it (海韵 + 社会工作…): it reads as a name, not as the head noun
    (境外人员 + 服务站).  Words of the bundled dictionary have no frequency of their own: not rare."""
    from reader.core.tag_candidates import kind_by_suffix  # here: tag_candidates imports this module

    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    word = tokens[k].word
    return (
        0 < segmenter.dictionary_frequency(word) < _RARE
        and kind_by_suffix("名" + word) is None  # 服务中心, 活动中心: a head, not a name
        and nxt is not None
        and nxt.start == tokens[k].end
        and nxt.pos in _COMMON_NOUN_POS
    )


_NAME_PIECE_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nz"})
_MAX_PIECES = 2


def join_cut_districts(tokens: Sequence[Token]) -> list[Token]:
    """``沙依`` + ``巴克`` + ``区炉`` → ``沙依巴克区`` + ``炉`` (round 8): a two-character word jieba made
    up that starts with a place suffix (区, 县, 市…) right after one or two pieces of a name is that
    place's end and the next name's start; the pieces and the suffix are one place."""
    out: list[Token] = []
    for tok in tokens:
        word = tok.word
        if (
            len(word) == 2
            and word[0] in _PLACE_CHARACTERS
            and bool(_CJK.match(word))
            and not segmenter.is_known(word)
        ):
            pieces: list[Token] = []
            while (
                out
                and len(pieces) < _MAX_PIECES
                and out[-1].end == (pieces[0].start if pieces else tok.start)
            ):
                prev = out[-1]
                if not _CJK.match(prev.word) or not (
                    prev.pos in _NAME_PIECE_POS or not segmenter.is_known(prev.word)
                ):
                    break
                pieces.insert(0, out.pop())
            if pieces and sum(len(p.word) for p in pieces) >= 2:
                out += [
                    Token("".join(p.word for p in pieces) + word[0], "ns", pieces[0].start),
                    Token(word[1], "n", tok.start + 1),
                ]
                continue
            out.extend(pieces)
        out.append(tok)
    return out


def _common(word: str) -> bool:
    return segmenter.dictionary_frequency(word) >= _COMMON
