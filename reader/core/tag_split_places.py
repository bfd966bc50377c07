"""Small places whose name jieba cuts into pieces: 簇/桥/街道, 九里/堤/街道, 殿/前/街道, 三/丘田/码头.

jieba knows few of the names of streets, communities, villages and piers, and
reads them as single characters, numerals or directions (簇/ng, 九里/m, 前/f),
which the suffix finder (:func:`reader.core.tag_candidates.suffixed`) refuses:
it walks back over whole nouns only, so that 的, 在, 各 and the like never open
a name.  Here the name is read from the other end, by layout evidence: two or
three characters, in two or more pieces of which one is a single character,
right before a suffix that ends such names, and bounded on the left by what no
name continues over: punctuation or the start of a line, a verb or preposition,
a district (湖里区), a complete name (…街道), a role (区长) or a long word.

When the walk back would take a fourth character from a short word that is
no common word, the start of the name is unknown and nothing is offered.
Qt-free.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, campaign, kind_by_suffix, occurrences
from reader.core.tag_districts import is_district
from reader.core.tag_role_people import ROLES

# Suffixes that end the names of small places and of the bodies named after them, with the kind.
SPLIT_SUFFIXES = {
    "街道": "place",
    "社区": "place",
    "小区": "place",
    "新村": "place",
    "花园": "place",
    "公园": "place",
    "广场": "place",
    "码头": "place",
    "村": "place",
    "镇": "place",
    "乡": "place",
    "路": "place",
    "街": "place",
    "巷": "place",
    "小学": "organisation",
    "中学": "organisation",
    "幼儿园": "organisation",
}
_BY_LENGTH = sorted(SPLIT_SUFFIXES, key=len, reverse=True)
_LAST_CHARACTERS = frozenset(suffix[-1] for suffix in SPLIT_SUFFIXES)
# What may be a piece of such a name: nouns, proper nouns, numerals (九里, 三), directions (前), morphemes
# (泺/g 源/ng 街道, 泉/n 秀/ag 小学), and the characters jieba has no reading for (筼/x, 筜/zg).
_PIECE_POS = frozenset(
    {"n", "ng", "nr", "nrt", "nrfg", "ns", "nz", "nt", "s", "j", "b", "m", "f", "x", "zg", "g", "ag"}
)
# Words that say which one, not its name: 各街道, 本社区, 该村, 全镇.
_NOT_NAMES = frozenset("各本该全每所这那其此个们某多几一老新小大内外中") | {"一起", "附近"}
_MOST = 3  # characters of such a name
_LONG_WORD = 3  # a word this long before the pieces is a name of its own (鼓浪屿 + 笔/山路)


# One character that may go with a suffix into one word (东路, 老街, 古镇, 一村), or a word jieba hardly
# knows (港村, 背镇: a name's last character glued on); not 指路, 线路, 乡镇, which are words.
_SUFFIX_STEMS = frozenset("东西南北中老古新大小上下前后一二三四五六七八九")
_RARE = 50  # jieba's dictionary frequency under which a word is no word it knows well
_COMMON = 1000  # …and over which it is a word of its own (战胜/n), no piece of a small place
# Characters that open no such name: a preposition, conjunction or verb jieba glued to its first piece
# (和佳/灵路, 报/柘林/镇, 访/子固/路), or the last character of the name before (…镇 + 大溪/村).
_OPENERS = frozenset("和与及同跟在经沿访报向到从对为暨镇乡村区县市街路等")
_WHICH = frozenset("各每本该全某")  # 全区各街道, 经各街道: which ones, not a name


def _suffix_of(word: str) -> str | None:
    """The suffix ``word`` is, or ends with after one character (东路, 老街, 港村 of 东庄/港村)."""
    if word[-1:] not in _LAST_CHARACTERS:
        return None  # most words: one lookup
    for suffix in _BY_LENGTH:
        if word == suffix:
            return suffix
        if word.endswith(suffix) and len(word) == len(suffix) + 1:
            glued = word[0] in _SUFFIX_STEMS or segmenter.dictionary_frequency(word) < _RARE
            return suffix if glued else None
    return None


def _piece(tok: Token, generic: Collection[str]) -> bool:
    word = tok.word
    return (
        tok.pos in _PIECE_POS
        and bool(CJK.match(word))
        and word not in _NOT_NAMES
        and word not in generic
        and not is_district(word)
        and kind_by_suffix(word) is None
        and _suffix_of(word) is None  # 街道 + 和佳/灵路: a name before, complete
        and not word.endswith(ROLES)
    )


def split_places(tokens: Sequence[Token], original: str, text: str, generic: Collection[str]) -> list[Found]:
    """Places (and schools) of two or three characters jieba cut into pieces, before their suffix."""
    out: dict[str, Found] = {}
    for i, tok in enumerate(tokens):
        suffix = _suffix_of(tok.word)
        if suffix is None:
            continue
        stem = tok.word[: -len(suffix)]
        pieces = [stem] if stem else []
        j = i - 1
        while j >= 0 and _piece(tokens[j], generic):
            chars = sum(map(len, pieces)) + len(tokens[j].word)
            if chars > _MOST:
                if len(tokens[j].word) >= _LONG_WORD or segmenter.common_word(tokens[j].word, _COMMON):
                    break  # 鼓浪屿 + 笔/山路, 战胜/n + 九里/堤/街道: a word of its own before the pieces
                pieces = []  # the name goes on further back than such names do: where it starts is unknown
                break
            pieces.insert(0, tokens[j].word)
            j -= 1
        name_length = sum(map(len, pieces))
        if not 2 <= name_length <= _MOST or len(pieces) < 2 or all(len(p) > 1 for p in pieces):
            continue
        start = tok.end - len(suffix) - name_length
        if all(t.pos in {"m", "f"} for t in tokens[j + 1 : i]) and not stem:
            continue  # 前/f 三/m: which one, not a name
        while text[start] in _OPENERS and tok.end - len(suffix) - start > 2:
            start += 1
        if not _WHICH.isdisjoint(text[start : tok.end]) or text[start] in _OPENERS:
            continue
        kind = "topic" if campaign(text[start : tok.end]) else SPLIT_SUFFIXES[suffix]  # 湘剧 + 进 + 社区
        if kind == "organisation" and j >= 0 and tokens[j].end == start and is_district(tokens[j].word):
            start = tokens[j].start  # 历下区 + 泉/秀/小学: a school is named from its district
        key = text[start : tok.end]
        if key not in out:
            out[key] = Found(key, original[start : tok.end], kind, "suffix", suffix, occurrences(text, key))
    return list(out.values())
