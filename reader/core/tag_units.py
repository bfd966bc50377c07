"""A unit named with its parent (包钢集团炼铁厂, 打易镇卫生院, …医科大学附属医院), for tag suggestions
(round 8; townships and universities as parents, and units of several words, round 9).

The suffix finder stops at a complete name (…集团, …公司) and the unit written right after it
(炼铁厂, 工会) was read as a common noun, so the group was offered alone though the article is
about one of its factories.  A unit is a noun written right after a company's name whose last
character ends many organisations in jieba's dictionary (厂, 会, 站, 所, 部…; counted, not listed:
at least :data:`MIN_UNIT_NAMES` organisations end with it); a role glued to it (工会主席) is left
out.  Schools, clinics and teams are named by their township (松林乡 + 中心小学) and hospitals by
their university (…医科大学 + 附属 + 医院) the same way.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences

PARENT_SUFFIXES = ("集团", "公司", "大学", "镇", "乡")
MIN_UNIT_NAMES = 20
UNIT_WORDS = 3  # nouns a unit is made of at most (附属 + 医院)
_UNIT_POS = frozenset({"n", "nt", "nz", "j", "b"})
_PARENT_POS = frozenset({"ns", "nt", "n", "nr"})
_lock = threading.Lock()
_unit_ends: frozenset[str] | None = None


def unit_ends() -> frozenset[str]:
    """Characters that end at least :data:`MIN_UNIT_NAMES` organisations (``nt``) of the dictionary."""
    global _unit_ends
    with _lock:
        if _unit_ends is None:
            counts: Counter[str] = Counter(
                word[-1] for word, pos in segmenter.dictionary_entries() if pos == "nt" and len(word) >= 2
            )
            _unit_ends = frozenset(c for c, n in counts.items() if n >= MIN_UNIT_NAMES)
        return _unit_ends


def company_units(
    found: Sequence[Found],
    tokens: Sequence[Token],
    original: str,
    text: str,
    roles: Collection[str],
    generic: Collection[str],
) -> list[Found]:
    """Units named right after a parent of ``found`` or of the words (new candidates).

    A parent is a company or group (包钢集团), and since round 9 a university (…医科大学) or a
    township (打易镇, 支尔莫乡) too; the unit is up to :data:`UNIT_WORDS` nouns (附属 + 医院,
    山歌 + 队, 中心小学) whose last ends with a character that ends many organisations.
    """
    starts: Mapping[int, Token] = {t.start: t for t in tokens}
    ends = unit_ends()
    parents = [(f.key, f.positions) for f in found if f.kind in ("organisation", "place")]
    parents += [(t.word, (t.start,)) for t in tokens if t.pos in _PARENT_POS]
    out: dict[str, Found] = {}
    for key, positions in parents:
        if len(key) < 3 or not key.endswith(PARENT_SUFFIXES):
            continue
        for p in positions:
            end = _unit_end(starts, p + len(key), ends, roles, generic)
            if end is None:
                continue
            name = text[p:end]
            if name not in out:
                unit = name[len(key) :]
                out[name] = Found(
                    name, original[p:end], "organisation", "suffix", unit, occurrences(text, name)
                )
    return list(out.values())


def _unit_end(
    starts: Mapping[int, Token],
    start: int,
    ends: Collection[str],
    roles: Collection[str],
    generic: Collection[str],
) -> int | None:
    """Where the unit written from ``start`` ends (the last of its nouns that ends an organisation)."""
    found = None
    at = start
    for _ in range(UNIT_WORDS):
        tok = starts.get(at)
        if tok is None or tok.pos not in _UNIT_POS or not CJK.match(tok.word):
            break
        unit = tok.word
        role = next((r for r in roles if unit.endswith(r) and len(unit) > len(r)), None)
        if role is not None:
            unit = unit[: -len(role)]  # 工会 + 主席
        if unit[-1] in ends and unit not in generic and (len(unit) >= 2 or at > start):
            found = tok.start + len(unit)
        if role is not None or unit in roles:
            break
        at = tok.end
    return found
