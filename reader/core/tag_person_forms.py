"""Person candidates that are no names: a surname with a form of address or a role (孙大姐, 詹法官,
汪某, 钱伯伯), a name with a pronoun or particle glued to its end (张瑞芳这 of 张瑞芳这一天), two
characters ending with a place suffix (安区 of 长安区), for tag suggestions; and a phrase that is a
role and a person (镇党委书记任和平), no topic.

Archivists tag a person by the full name; a surname with what the person is called by the
neighbours or by the court is how the paper refers to someone it does not (or may not) name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, occurrences
from reader.core.tag_ranking import Candidate
from reader.core.tag_role_people import ROLES

# What follows a surname when a person is called by it (孙大姐, 熊师傅, 詹法官): kinship words and
# forms of address, occupations said after a surname, and the anonymised given name (汪某).
_ADDRESS_WORDS = (
    "阿姨 大姐 大哥 大叔 大爷 大妈 大娘 大婶 阿婆 阿公 阿伯 阿叔 老伯 老汉 老太 老奶奶 老爷爷 奶奶 爷爷 婆婆"
    " 伯伯 叔叔 婶婶 姑姑 舅舅 姐姐 哥哥 外婆 外公 伯母 大伯 大嫂 嫂子 老太太 阿嬷"
    " 师傅 法官 警官 教师 同学 女士 先生 小姐 老板 某某 某"
)
ADDRESS_WORDS = frozenset(_ADDRESS_WORDS.split()) | frozenset(ROLES)
_FUNCTION_POS = frozenset({"r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "p", "c"})
_PLACE_SUFFIXES = frozenset("区县镇乡市省村")
_CHECKED = frozenset({"person", "role", "list"})  # byline people and existing tags are the archivists' own


def addressed(key: str, surname_length: int = 1) -> bool:
    """True when the name is a surname (or anything) ended by a form of address or a role:
    孙大姐, 詹法官, 汪某, 有高校教师; not 李斌, 王安忆."""
    rest = key[surname_length:]
    return any(rest.endswith(word) for word in ADDRESS_WORDS if len(rest) >= len(word))


def glued_function_word(key: str) -> bool:
    """True when the last character is a pronoun or particle said after the name (张瑞芳这)."""
    return len(key) >= 3 and segmenter.dictionary_pos(key[-1]) in _FUNCTION_POS


_WORD_REASONS = frozenset({"phrase", "keyword"})


def _role_and_name(key: str, people: Iterable[str]) -> bool:
    """True when ``key`` is a role followed by one of the ``people`` (党委书记任和平)."""
    return any(
        key.endswith(person) and key[: -len(person)].endswith(ROLES) for person in people if person != key
    )


def drop_misread_people(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Drop the person candidates that are no names; a name with a pronoun or particle glued to
    its end gives its mentions to the name without it when that is a candidate too."""
    cands = list(candidates)
    people = {c.key: c for c in cands if c.kind == "person"}
    kept: list[Candidate] = []
    for cand in cands:
        if cand.reason in _WORD_REASONS and _role_and_name(cand.key, people):
            continue  # 镇党委书记任和平: a role and the person, not a topic
        if cand.kind != "person" or cand.reason not in _CHECKED:
            kept.append(cand)
            continue
        if addressed(cand.key) or (len(cand.key) == 2 and cand.key[-1] in _PLACE_SUFFIXES):
            continue
        if glued_function_word(cand.key):
            shorter = people.get(cand.key[:-1])
            if shorter is not None:
                shorter.absorb(cand)
                continue
        kept.append(cand)
    return kept


def restated(name: str, text: str, tokens: Sequence[Token]) -> bool:
    """Whether a three-character ``name`` jieba reads as a person is named twice or more, once
    opening a clause with a verb after it (居民和晓东…。和晓东说): a name, even one starting with a word
    (和, 于); 和为贵 and 和睦 are sayings and states (“和为贵”。, 和睦的), however often said."""
    if len(name) != 3 or len(occurrences(text, name)) < 2:
        return False
    by_start = {t.start: t for t in tokens}
    return any(
        t.word == name
        and (t.start == 0 or not CJK.match(text[t.start - 1]))
        and (after := by_start.get(t.end)) is not None
        and after.pos.startswith("v")
        for t in tokens
    )


# jieba reads a surname before a given name as a character or noun (刘/zg 桂兰, 钱/n 秀英, 熊/n 德华):
# the given name is then a name (nr, nz) or, after a bound character, a place or noun (刘/zg 长顺/ns).
_MISREAD_SURNAME_NAMES = {
    "zg": frozenset({"nr", "nrfg", "nrt", "nz", "ns", "n"}),
    "n": frozenset({"nr", "nrfg", "nrt", "nz"}),
    "ns": frozenset({"nr", "nrfg", "nrt"}),
    **dict.fromkeys(("d", "m", "r", "q", "a"), frozenset({"nr", "nrfg", "nrt", "nz", "ns"})),  # 常/d 福田
    **dict.fromkeys(("v", "p"), frozenset({"nr", "nrfg", "nrt"})),  # 包/v 俊杰, 于/p 红梅
}


# Prepositions that take a person after them (向雷锋学习, 对张三说): there the surname-like word is the
# preposition; 于 takes a time or a place, so 于/p 红梅 is a name.
_PERSON_PREPOSITIONS = frozenset("向对跟同为给和与替让叫被把从朝")


def surname_misread(tok: Token, nxt: Token) -> bool:
    """Whether ``tok`` is a surname jieba misread and ``nxt`` the given name after it (not 阿婆, 阿姨)."""
    if tok.pos == "p" and tok.word in _PERSON_PREPOSITIONS:
        return False
    return len(nxt.word) == 2 and nxt.pos in _MISREAD_SURNAME_NAMES.get(tok.pos, ()) and nxt.word[0] != "阿"
