"""Names the tokenizer cuts apart, and short forms that are parts of a name (tag suggestions, round 4).

The suffix finder of :mod:`reader.core.tag_candidates` runs back over jieba's
words from a suffix; these rules mend what it cannot see:

* a name with an ordinal (开鲁新村 + 第一 + 居民区, 黄浦区 + 第一 + 征收事务所) is one name;
* a quoted name followed by what kind of body it is (“老娘舅”调解工作室) is one organisation (its
  pieces, 老娘舅调解 and 调解工作室, then fall inside it as fragments); a quoted name right before
  a named event (“梧桐树下”社区文化艺术节) is a name even when it ends with a locative (下);
* (a street's or town's body named right after it, 曹杨新村街道 + 司法所, is named with it by
  :mod:`reader.core.tag_name_chains`, for bodies of any length);
* a district's office named by what it does (杨浦区 + 就业 + 促进 + 中心) runs from the district to
  its suffix, over verbs too;
* an office of a district the tokenizer cut at 新区 (浦东 + 新 + 区应急管理局) starts at the place;
* a topic that is the short form of a longer name the article gave first (暑托班 of 爱心暑托班,
  艺术节 of 社区文化艺术节) folds into it;
* a place by its suffix always read inside a longer place ending with it (河村 in 八里河村) is a
  fragment;
* (a district named only inside the organisation it begins, 黄浦区 of 黄浦区第一征收事务所, is
  dropped by the ranking's fragment rule for places jieba found: most of its occurrences are inside);
* what the article undertakes (推进旧区改造, 化解邻里纠纷, 启动应急预案, 把协商民主落实…) is a
  topic even when named once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import (
    _QUOTED,
    CJK,
    EVENT_SUFFIXES,
    ORG_SUFFIXES,
    PLACE_SUFFIXES,
    Found,
    _term_like,
    kind_by_suffix,
    occurrences,
)
from reader.core.tag_districts import is_district
from reader.core.tag_ranking import Candidate
from reader.core.tag_word_edges import verb_word

_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇0-9]+")
_NAME_SUFFIXES = (*PLACE_SUFFIXES, *ORG_SUFFIXES)
_NAMED_EVENTS = tuple(s for s in EVENT_SUFFIXES if len(s) > 1)  # 艺术节, 宣传周 (not 日, 节: 节日)
_COMMON_NOUN_POS = frozenset({"n", "vn", "nz", "l"})  # what a body is (调解 + 工作室), not another name
_UNIT_START = ("区", "市", "县")  # 区应急管理局: a district's office cut from the district
_MAX_WORDS_AFTER = 3
_SHORT_FORM_LENGTH = 2  # a topic's short form has at least two characters (灯会, 暑托班, 艺术节)
_NAMING_REASONS = frozenset({"quoted", "suffix", "book title"})
_NAMED_KINDS = frozenset({"topic", "organisation"})  # 移动法庭 after “5G移动法庭”: a body or programme
# Verbs of undertaking (and 把, which puts the object first): what follows is the article's business.
_UNDERTAKING = frozenset(
    {"推进", "推动", "化解", "破解", "解决", "提升", "加强", "深化", "启动", "完善", "落实", "做好", "把"}
)
_COMPOUND_POS = frozenset({"n", "nz", "vn", "l", "i", "z"})
_IDIOM_POS = frozenset({"i", "z"})  # 停车难, 邻里纠纷: jieba's idioms and states name a matter too
_PART_POS = frozenset({"n", "vn"})


def numbered(tokens: Sequence[Token], original: str, text: str, names: Sequence[Found]) -> list[Found]:
    """Names with an ordinal between a name and a suffix: 开鲁新村第一居民区, 黄浦区第一征收事务所.

    The name before the ordinal starts where the longest of ``names`` (found by their suffix) ending
    there starts (松花 + 新村 + 第三 + 居民区), else at jieba's word.
    """
    begins: dict[int, int] = {}
    for f in names:
        for p in f.positions:
            begins[p + len(f.key)] = min(p, begins.get(p + len(f.key), p))
    out: dict[str, Found] = {}
    for i in range(1, len(tokens) - 1):
        ordinal, prev = tokens[i], tokens[i - 1]
        if (
            not _ORDINAL.fullmatch(ordinal.word)
            or not CJK.match(prev.word)
            or kind_by_suffix(prev.word) is None
        ):
            continue
        start = begins.get(prev.end, prev.start)
        for tok in tokens[i + 1 : i + 1 + _MAX_WORDS_AFTER]:
            if not CJK.match(tok.word) or tok.pos not in {*_COMMON_NOUN_POS, "v"}:
                break
            if tok.word.endswith(_NAME_SUFFIXES):
                key = text[start : tok.end]
                kind = kind_by_suffix(key)
                if kind is not None and key not in out:
                    suffix = next(s for s in _NAME_SUFFIXES if tok.word.endswith(s))
                    out[key] = Found(
                        key, original[start : tok.end], kind, "suffix", suffix, occurrences(text, key)
                    )
                break
    return list(out.values())


def district_offices(tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """An office named after its district and what it does: 杨浦区就业促进中心 (就业 and 促进 are
    verbs, which stop the suffix finder).  From a district (…区, …市, …县) over at most three words
    of two characters or more to the first one ending with an organisation suffix."""
    out: dict[str, Found] = {}
    for i, district in enumerate(tokens):
        if district.pos != "ns" or not CJK.match(district.word) or not is_district(district.word):
            continue
        for tok in tokens[i + 1 : i + 1 + _MAX_WORDS_AFTER]:
            if not CJK.match(tok.word) or len(tok.word) < 2 or tok.pos not in {*_COMMON_NOUN_POS, "v"}:
                break
            if tok.word.endswith(ORG_SUFFIXES):
                if verb_word(tok):
                    break  # …消防救援站 + 举办: a verb ends no organisation
                key = text[district.start : tok.end]
                if key not in out and tok is not tokens[i + 1]:
                    suffix = next(s for s in ORG_SUFFIXES if tok.word.endswith(s))
                    out[key] = Found(
                        key,
                        original[district.start : tok.end],
                        "organisation",
                        "suffix",
                        suffix,
                        occurrences(text, key),
                    )
                break
    return list(out.values())


def quoted_bodies(original: str, text: str, starts: Mapping[int, Token]) -> tuple[list[Found], list[Found]]:
    """Quoted names followed by a suffixed word: (bodies named with them, quoted names before events).

    “老娘舅”调解工作室 is the organisation 老娘舅调解工作室 (the name as archivists file it, without
    the marks); its positions are those of the opening mark.  “梧桐树下”社区文化艺术节: the quoted
    name is the event's own name, whatever word it ends with.
    """
    bodies: dict[str, Found] = {}
    names: dict[str, Found] = {}
    for match in _QUOTED.finditer(text):
        quoted = match.group(1).strip()
        if len(quoted) < 2 or not _term_like(quoted):
            continue
        words: list[Token] = []
        tok = starts.get(match.end())
        while tok is not None and len(words) < _MAX_WORDS_AFTER:
            if (
                not CJK.match(tok.word)
                or tok.pos not in _COMMON_NOUN_POS
                or kind_by_suffix(tok.word) == "place"
            ):
                break
            words.append(tok)
            if tok.word.endswith(_NAMED_EVENTS):
                if quoted not in names:
                    at = match.start(1)
                    name = original[at : at + len(quoted)]
                    names[quoted] = Found(quoted, name, "topic", "quoted", "", occurrences(text, quoted))
                break
            if tok.word.endswith(ORG_SUFFIXES):
                key = quoted + text[match.end() : tok.end]
                if key not in bodies and kind_by_suffix(key) == "organisation":
                    name = original[match.start(1) : match.end(1)].strip() + original[match.end() : tok.end]
                    span = text[match.start() : tok.end]
                    words_after = text[match.end() : tok.end]
                    bodies[key] = Found(
                        key, name, "organisation", "quoted", words_after, occurrences(text, span), len(span)
                    )
                break
            tok = starts.get(tok.end)
    return list(bodies.values()), list(names.values())


def whole_district_offices(
    found: Sequence[Found], ends: Mapping[int, Token], original: str, text: str
) -> list[Found]:
    """An organisation starting with 区/市/县 after a place and 新 (浦东 + 新 + 区应急管理局) starts at
    the place: the tokenizer cut the district (浦东新区) in two."""
    out: list[Found] = []
    for f in found:
        start = f.positions[0] if f.positions else -1
        if f.kind == "organisation" and f.key.startswith(_UNIT_START) and start > 0:
            before = ends.get(start)
            if before is not None and before.word == "新":
                before = ends.get(before.start)
            if before is not None and before.pos == "ns" and CJK.match(before.word):
                key = text[before.start : start] + f.key
                f = Found(key, original[before.start : before.start + len(key)], f.kind, f.reason, f.detail,
                          occurrences(text, key))  # fmt: skip
        out.append(f)
    return out


def fold_short_topics(candidates: list[Candidate], heading_end: int = 0) -> list[Candidate]:
    """A topic of two characters or more ending the one longer name (quoted, or by its suffix) the
    article gave first (暑托班 after 爱心暑托班, 灯会 after “南翔老街元宵灯会”) is the paper's short
    form of it: it folds into it.  So does the title's short form of a name the body gives only in
    full (技能大赛 in the title, 全国职业院校技能大赛 in the body): ``heading_end`` is where the
    title ends."""
    names = [c for c in candidates if c.kind in _NAMED_KINDS and c.reason in _NAMING_REASONS and c.positions]
    kept: list[Candidate] = []
    for cand in candidates:
        if (
            cand.kind == "topic"
            and cand.tag_id is None
            and len(cand.key) >= _SHORT_FORM_LENGTH
            and cand.positions
        ):
            owners = [
                d
                for d in names
                if d is not cand
                and len(d.key) > len(cand.key)
                and d.key.endswith(cand.key)
                and (d.positions[0] <= cand.positions[0] or _title_short_form(cand, d, heading_end))
            ]
            if len(owners) == 1:
                owners[0].absorb(cand)
                continue
        kept.append(cand)
    return kept


def _title_short_form(short: Candidate, full: Candidate, heading_end: int) -> bool:
    """True when every occurrence of ``short`` is in the title or is the end of ``full``."""
    ends = {p + len(full.key) for p in full.positions}
    return all(p < heading_end or p + len(short.key) in ends for p in short.positions)


def drop_inner_places(candidates: list[Candidate]) -> list[Candidate]:
    """A place by its suffix read only inside a longer place that ends with it (河村 of 八里河村) is a
    fragment: the tokenizer cut the name."""
    places = [c for c in candidates if c.kind == "place" and c.positions]
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.kind == "place" and cand.reason == "suffix" and cand.tag_id is None and cand.positions:
            ends = {p + len(d.key) for d in places if len(d.key) > len(cand.key) and d.key.endswith(cand.key)
                    for p in d.positions}  # fmt: skip
            if all(p + len(cand.key) in ends for p in cand.positions):
                continue
        kept.append(cand)
    return kept


def _known_verb(tok: Token) -> bool:
    """A verb jieba's dictionary knows as one (振兴; not 做长, a verb only in this sentence)."""
    return tok.pos == "v" and segmenter.dictionary_pos(tok.word) == "v"


def undertaken(tokens: Sequence[Token], generic: Collection[str]) -> Counter[str]:
    """Compound topics right after a verb of undertaking: one word of four characters or more
    (旧区改造; three for an idiom, 停车难), or two nouns of two characters (应急 + 预案, 协商 + 民主),
    or a noun and a verb (乡村 + 振兴: a thing and what is done to it),
    not all generic.  Counted per occurrence."""
    out: Counter[str] = Counter()
    for i in range(len(tokens) - 1):
        if tokens[i].word not in _UNDERTAKING:
            continue
        first = tokens[i + 1]
        if not CJK.match(first.word) or first.pos not in _COMPOUND_POS:
            continue
        shortest = 3 if first.pos in _IDIOM_POS else 4
        if len(first.word) >= shortest and first.word not in generic:
            out[first.word] += 1
            continue
        second = tokens[i + 2] if i + 2 < len(tokens) else None
        if (
            second is not None
            and len(first.word) == 2
            and len(second.word) == 2
            and first.pos in _PART_POS
            and (second.pos in _PART_POS or (first.pos == "n" and _known_verb(second)))
            and CJK.match(second.word)
            and not (first.word in generic and second.word in generic)
        ):
            out[first.word + second.word] += 1
    return out
