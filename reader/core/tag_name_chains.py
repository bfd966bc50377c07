"""Names the article gives in one breath: a body named right after its place (tag suggestions, round 5).

Community news names a body by its place and what it is, written together: 七宝镇 +
文化体育服务中心, 黎里镇 + 便民服务中心, 江宁路街道 + 楼宇党建服务站.  The suffix finder stops at
the place (a complete name before another), the tokenizer cuts the two apart, and what is left on
its own is the tail, a kind of body every town has: a fragment.  Rather than a rule per kind of body,
any organisation found by its suffix that the article writes at least once right after a place
(a place found by its suffix, or a word jieba's dictionary reads as a place) is also named with
that place; the tail, then read mostly inside the whole name, is dropped by the ranking's fragment
rules (:func:`reader.core.tag_ranking.drop_covered`, :func:`reader.core.tag_ranking.drop_prefixes`).
The street's own offices (…办, 办事处) are left as they are: the suffix finder names them already.

The tokenizer also glues a name's suffix to the word after it: 东长治 + 路上, 社区体育 + 协会会长,
康健 + 街道社区.  A word that starts with a place or organisation suffix and goes on with a locative
(上, 里, 内), a role (会长, 主任) or another place suffix (round 6) is split back into the two
(:func:`split_glued_suffixes`), after a noun, so that the name before it ends where it does.  It glues
a name's last character to the verb after it too (张德 + 明说, 贲志 + 华为, 韩国 + 平在): a name's start
that jieba reads as a name, then a two-character word closing with 说, 在 or 为, is the name and the verb
(:func:`split_glued_verbs`).

The other way round (round 9), a body named from its county or city down to its township or street
(望谟县打易镇卫生院, 长宁区新华路街道社区卫生服务中心) is offered from the township or street on
(:func:`lowest_place_first`): the body's own place is part of its name, the county is offered apart.

A unit is named with the bodies above it, in one breath (:func:`joined_units`, round 18): 成都市公安局 +
金牛区分局 + 营门口派出所, 金牛区市场监督管理局 + 抚琴市场监管所, 国网四川省电力公司 + 成都供电公司.
Two organisations found by their suffix and written one right after the other, the second a unit (…分局,
…派出所, …支队, …供电公司) or named from its own place, are also offered as the one name archivists file
the unit under.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, ORG_SUFFIXES, PLACE_SUFFIXES, Found, occurrences
from reader.core.tag_districts import is_district
from reader.core.tag_role_people import ROLES
from reader.core.tag_surnames import SURNAMES

_STREET_OFFICES = ("办", "办事处")
_LOWER_PLACES = ("街道", "镇", "乡")
_PLACE_POS = "ns"
_MAX_LENGTH = 20
# What a unit of a body is called (not a centre or a station, which many bodies run: 管委会 + 人才服务中心).
_UNIT_ENDS = ("分局", "所", "支队", "大队", "中队", "分公司", "供电公司", "支行", "分行", "分院", "分会")
_MAX_UNIT_CHAIN = 26
_SUFFIXES = tuple(sorted({*PLACE_SUFFIXES, *ORG_SUFFIXES}, key=len, reverse=True))
_BY_FIRST = {c: tuple(s for s in _SUFFIXES if s[0] == c) for c in {s[0] for s in _SUFFIXES}}
_ROLE_WORDS = frozenset(ROLES)
_LOCATIVE_POS = frozenset({"f"})  # 上, 里, 内, 外, 旁
_BEFORE_POS = frozenset({"n", "nz", "ns", "nt", "nr", "nrt", "j", "vn", "ng"})


def split_glued_suffixes(tokens: Sequence[Token]) -> list[Token]:
    """``长治`` + ``路上`` → ``长治`` + ``路`` + ``上``; ``体育`` + ``协会会长`` → ``体育`` + ``协会`` +
    ``会长``: a word starting with a name suffix and going on with a locative or a role, right after
    a noun, is the end of a name and the word after it."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        split = None
        if (
            prev is not None
            and len(tok.word) > 1
            and tok.word[0] in _BY_FIRST
            and prev.pos in _BEFORE_POS
            and CJK.match(tok.word)
            and CJK.match(prev.word)
        ):
            split = _glued(tok)
        out.extend(split or (tok,))
    return out


# What follows a person and jieba glues to the name's last character: 明说, 华为, 平在.
_GLUED_AFTER_NAME = {"说": "v", "在": "p", "为": "p"}
_NAME_START_POS = frozenset({"nr", "nrfg", "nrt", "ns"})


def split_glued_verbs(tokens: Sequence[Token]) -> list[Token]:
    """``张德`` (nr) + ``明说`` → ``张德明`` (nr) + ``说``: a surname and a character jieba reads as a name
    (or a place: 韩国 + 平在), or a bare surname before a word closing with 说 (马 + 骁说), then a
    two-character word closing with 说, 在 or 为, is a person's name and the word after it."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _glued_name(tok, nxt):
            after = nxt.word[1]
            out += [
                Token(tok.word + nxt.word[0], "nr", tok.start),
                Token(after, _GLUED_AFTER_NAME[after], nxt.end - 1),
            ]
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _glued_name(tok: Token, nxt: Token) -> bool:
    if len(nxt.word) != 2 or nxt.word[1] not in _GLUED_AFTER_NAME or not CJK.match(nxt.word[0]):
        return False
    if tok.word[:1] not in SURNAMES or not CJK.match(tok.word):
        return False
    if len(tok.word) == 2:
        return tok.pos in _NAME_START_POS or (tok.pos == "n" and nxt.word[1] == "说")
    return len(tok.word) == 1 and tok.pos in {"n", "nr"} and nxt.word[1] == "说"


def _glued(tok: Token) -> tuple[Token, Token] | None:
    for suffix in _BY_FIRST.get(tok.word[:1], ()):
        rest = tok.word[len(suffix) :]
        if not tok.word.startswith(suffix) or not rest:
            continue
        pos = segmenter.dictionary_pos(rest)
        if rest in _ROLE_WORDS or pos in _LOCATIVE_POS or rest in PLACE_SUFFIXES:
            return Token(suffix, "n", tok.start), Token(rest, pos or "n", tok.start + len(suffix))
    return None


def chained(found: Sequence[Found], tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """Organisations of ``found`` named with the place written right before them (new candidates)."""
    place_starts: dict[int, int] = {}  # where a place ends -> where it starts (the longest place)
    for f in found:
        if f.kind == "place":
            for p in f.positions:
                end = p + len(f.key)
                place_starts[end] = min(place_starts.get(end, p), p)
    for tok in tokens:
        if tok.pos == _PLACE_POS and len(tok.word) >= 2 and CJK.match(tok.word):
            place_starts[tok.end] = min(place_starts.get(tok.end, tok.start), tok.start)
    out: dict[str, Found] = {}
    starts = {t.start: t for t in tokens}
    for f in found:
        if f.kind != "organisation" or f.reason != "suffix" or f.key.endswith(_STREET_OFFICES):
            continue
        if f.positions and (first := starts.get(f.positions[0])) is not None and is_district(first.word):
            continue  # 四川省 + 芦山县人民法院: a body named with its county has its place already
        for p in f.positions:
            start = place_starts.get(p)
            if start is None:
                continue
            end = p + len(f.key)
            key = text[start:end]
            if key not in out and len(key) <= _MAX_LENGTH:
                out[key] = Found(
                    key, original[start:end], "organisation", "suffix", f.detail, occurrences(text, key)
                )
            break
    return list(out.values())


def lowest_place_first(found: Sequence[Found], text: str, original: str) -> list[Found]:
    """``found``, with a name that runs from a county, city or province into a township or street
    named on its own (望谟县 + 打易镇卫生院, 长宁区 + 新华路街道社区卫生服务中心) starting at the lower
    place: archivists tag the body by its own place; the county is a candidate of its own (round 9)."""
    lower = {f.key for f in found if f.kind == "place" and f.key.endswith(_LOWER_PLACES)}
    out: list[Found] = []
    for f in found:
        cut = None
        if f.kind in ("organisation", "place") and f.reason == "suffix":
            cut = next(
                (
                    at
                    for place in lower
                    if (at := f.key.find(place)) > 0 and _higher_place(f.key[:at]) and f.key[at:] != place
                ),
                None,
            )
        if cut is None:
            out.append(f)
            continue
        key = f.key[cut:]
        start = f.positions[0] + cut if f.positions else 0
        name = original[start : start + len(key)] if text[start : start + len(key)] == key else key
        out.append(Found(key, name, f.kind, f.reason, f.detail, occurrences(text, key)))
    return out


def _higher_place(word: str) -> bool:
    return is_district(word) or (len(word) >= 3 and word.endswith("省"))


def joined_units(
    found: Sequence[Found], original: str, text: str, tokens: Sequence[Token] = ()
) -> list[Found]:
    """Organisations of ``found`` written right after the body they are a unit of (new candidates): the
    whole name, from the highest body, as long as each link is a unit or named from its own place.  With
    jieba's ``tokens``, a link may also be a unit no rule found, named from its place (市南/s + 分局)."""
    bodies = [f for f in found if f.kind == "organisation" and f.reason == "suffix"]
    by_start = {t.start: t for t in tokens}
    starting: dict[int, list[Found]] = {}
    for f in bodies:
        for p in f.positions:
            starting.setdefault(p, []).append(f)
    out: dict[str, Found] = {}
    for f in bodies:
        for p in f.positions:
            end = p + len(f.key)
            links = 0
            while links < 3:
                nxt = max(
                    (u for u in starting.get(end, ()) if u.key.endswith(_UNIT_ENDS) or _placed(u.key)),
                    key=lambda u: len(u.key),
                    default=None,
                )
                after = end + len(nxt.key) if nxt is not None else _unit_link(by_start, end)
                if after is None or after - p > _MAX_UNIT_CHAIN:
                    break
                end = after
                links += 1
            key = text[p:end]
            if links and key not in out:
                out[key] = Found(
                    key, original[p:end], "organisation", "suffix", f.detail, occurrences(text, key)
                )
    return list(out.values())


# Units named from their own place that the suffix finder leaves alone (市南/s + 分局: 分局 is no name).
_UNIT_WORDS = frozenset(_UNIT_ENDS) - {"所", "供电公司"}
_UNIT_WORD_ENDS = ("派出所", "税务所", "司法所", "救援站", "消防站")
_LINK_POS = frozenset({"s", "ns", "nz", "j", "nr", "nrt", "n"})
_MAX_LINK_NAME = 5


def _unit_word(word: str) -> bool:
    return word in _UNIT_WORDS or (len(word) >= 3 and word.endswith(_UNIT_WORD_ENDS))


def _unit_link(by_start: dict[int, Token], end: int) -> int | None:
    """The end of a unit named right at ``end`` from its place: one or two proper words or nouns, then a
    unit word (市南 + 分局, 欧阳 + 路 + 派出所, 南塔 + 消防救援站); None when there is none."""
    first = by_start.get(end)
    if first is None or first.pos not in _LINK_POS or not CJK.match(first.word):
        return None
    second = by_start.get(first.end)
    if second is not None and _unit_word(second.word):
        return second.end if len(first.word) >= 2 else None
    if (
        second is None
        or second.pos not in _LINK_POS
        or not CJK.match(second.word)
        or len(first.word) + len(second.word) > _MAX_LINK_NAME
    ):
        return None
    unit = by_start.get(second.end)
    return unit.end if unit is not None and _unit_word(unit.word) else None


def _placed(key: str) -> bool:
    """Whether a body's name begins with a district or city (金牛区分局…, 成都供电公司)."""
    return any(is_district(key[:n]) for n in (3, 4)) or segmenter.dictionary_pos(key[:2]) == _PLACE_POS
