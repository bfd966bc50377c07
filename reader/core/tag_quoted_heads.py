"""A quoted name and the common noun glued after it, as one name (tag suggestions, round 8).

Papers name a team, a park or a festival by a coined name in quotation marks and the kind of thing
it is right after the closing mark: “红马甲”文明劝导队, “矿山记忆”主题公园, “花海”音乐节.  The
earlier finders read such a head only when it ended with a listed suffix (…工作室, …艺术节), so
the quoted word was offered alone and the head as a second topic.  Whether the head belongs to the
name is read from the article itself: when it goes on to name the thing by that head alone (劝导队
队长…, 公园由…), the head is what the article is about, and the quoted name with the head is one
name.  When it does not (“书香南关”读书会, named once), the quoted name stays alone.  A mention with
a generic word after it (“椰风”志愿者 in the title, of “椰风”志愿服务队 in the text: its members) is
a mention of the body too, not of the quoted word alone (round 9).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, EVENT_SUFFIXES, Found, kind_by_suffix, occurrences
from reader.core.tag_ranking import Candidate

_QUOTED = re.compile(r"[“「『]([\u3400-\u9fff]{2,12})[”」』]")
_OPENING = "“「『"
_CLOSING = "”」』"
_MAX_WORDS = 3
_ABBREVIATION_POS = frozenset({"j"})
_MIN_HEAD = 2  # the head named alone is two characters or more (劝导队, 公园; not 队)
_HEAD_POS = frozenset({"n", "vn", "nz", "nr", "ng", "l"})  # 文明/nr + 劝导/v + 队/n
_END_POS = frozenset({"n", "nz", "ng", "l"})  # the head ends with a noun (not 巡回审判)


def glued_candidates(
    tokens: Sequence[Token], original: str, text: str, generic: frozenset[str]
) -> dict[str, Candidate]:
    """:func:`glued_heads` as candidates (unscored), by key."""
    if not _QUOTED.search(text):
        return {}
    starts = {t.start: t for t in tokens}
    return {
        f.key: Candidate(f.key, f.name, f.kind, f.reason, 0.0, None, list(f.positions), f.detail, f.extent)
        for f in glued_heads(original, text, starts, generic)
    }


def glued_heads(
    original: str, text: str, starts: Mapping[int, Token], generic: frozenset[str]
) -> list[Found]:
    """Quoted names with the head glued after them that the article names again on its own."""
    out: dict[str, Found] = {}
    for match in _QUOTED.finditer(text):
        quoted = match.group(1)
        if kind_by_suffix(quoted) is not None:
            continue  # “家门口就业服务站”: a complete name already
        head_end = _head_end(starts, match.end())
        if head_end is None:
            continue
        head = text[match.end() : head_end]
        key = quoted + head
        if key in out or head in generic or key.endswith(EVENT_SUFFIXES):
            continue  # “梧桐树下”社区文化艺术节: the quoted word is the event's own name
        span = text[match.start() : head_end]
        members = _never_alone(text, quoted, head, starts, generic)
        if members is None:
            continue  # the quoted name stands alone elsewhere: a name of its own
        alone = _named_alone(text, match.end(), head_end, generic)
        if not alone or segmenter.dictionary_pos(quoted) in _ABBREVIATION_POS:
            continue  # …or “两委”班子: a common abbreviation the dictionary knows, not a coined name
        kind = kind_by_suffix(key) or "organisation"
        name = original[match.start(1) : match.end(1)] + original[match.end() : head_end]
        positions = tuple(sorted({*occurrences(text, span), *members}))
        out[key] = Found(key, name, kind, "quoted", alone, positions, len(span))
    return list(out.values())


def _head_end(starts: Mapping[int, Token], start: int) -> int | None:
    """Where the noun phrase right after a closing mark ends: up to three nouns (a verb only just
    before a one-character noun: 劝导 + 队), ending with a noun that no noun follows."""
    words: list[Token] = []
    tok = starts.get(start)
    while tok is not None and len(words) < _MAX_WORDS and CJK.match(tok.word):
        nxt = starts.get(tok.end)
        verb_in_compound = tok.pos == "v" and nxt is not None and len(nxt.word) == 1 and nxt.pos == "n"
        if tok.pos not in _HEAD_POS and not verb_in_compound:
            break
        words.append(tok)
        tok = nxt
    if not words or words[-1].pos not in _END_POS or (tok is not None and tok.pos in _HEAD_POS):
        return None  # no noun at the end, or the phrase goes on past three words
    return words[-1].end


def _named_alone(text: str, start: int, end: int, generic: frozenset[str]) -> str:
    """The head, or the longest ending of it of two characters or more (劝导队 of 文明劝导队, 公园 of
    主题公园), that the article names again away from this quoted name; "" when there is none.  A
    generic word (精神 of “工匠”服务精神) says nothing."""
    head = text[start:end]
    for length in range(len(head), _MIN_HEAD - 1, -1):
        tail = head[-length:]
        if tail not in generic and any(at + length != end for at in occurrences(text, tail)):
            return tail
    return ""


def _never_alone(
    text: str, quoted: str, head: str, starts: Mapping[int, Token], generic: frozenset[str]
) -> tuple[int, ...] | None:
    """Whether every mention of ``quoted`` is in quotation marks with ``head``, or a shorter or
    longer form of it, or a generic word (its members: 志愿者, round 9), glued after it
    (“红马甲”文明劝导队 in the body, “红马甲”劝导队 in the title, “彩虹桥”志愿者 in the title of
    “彩虹桥”志愿服务队; not “彩虹桥”志愿服务队 and “彩虹桥”读书会): where the mentions with a generic
    word are (their opening marks), None when some mention is not so."""
    members: list[int] = []
    for at in occurrences(text, quoted):
        close = at + len(quoted)
        if at == 0 or text[at - 1] not in _OPENING or close >= len(text) or text[close] not in _CLOSING:
            return None
        end = _head_end(starts, close + 1)
        if end is None:
            return None
        other = text[close + 1 : end]
        if other in generic and not head.endswith(other):
            members.append(at - 1)
        elif not (other.endswith(head) or head.endswith(other)):
            return None
    return tuple(members)
