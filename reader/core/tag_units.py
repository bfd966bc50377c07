"""A unit named with its company or group (包钢集团炼铁厂, 包钢集团工会), for tag suggestions (round 8).

The suffix finder stops at a complete name (…集团, …公司) and the unit written right after it
(炼铁厂, 工会) was read as a common noun, so the group was offered alone though the article is
about one of its factories.  A unit is a noun written right after a company's name whose last
character ends many organisations in jieba's dictionary (厂, 会, 站, 所, 部…; counted, not listed:
at least :data:`MIN_UNIT_NAMES` organisations end with it); a role glued to it (工会主席) is left
out.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from reader.core import segmenter
from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences

COMPANY_SUFFIXES = ("集团", "公司")
MIN_UNIT_NAMES = 20
_UNIT_POS = frozenset({"n", "nt", "nz"})
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
    """Units named right after a company or group of ``found`` (new candidates)."""
    starts: Mapping[int, Token] = {t.start: t for t in tokens}
    ends = unit_ends()
    out: dict[str, Found] = {}
    for f in found:
        if f.kind != "organisation" or not f.key.endswith(COMPANY_SUFFIXES):
            continue
        for p in f.positions:
            start = p + len(f.key)
            tok = starts.get(start)
            if tok is None or tok.pos not in _UNIT_POS or not CJK.match(tok.word):
                continue
            unit = tok.word
            role = next((r for r in roles if unit.endswith(r) and len(unit) > len(r)), None)
            if role is not None:
                unit = unit[: -len(role)]  # 工会 + 主席
            if len(unit) < 2 or unit in generic or unit[-1] not in ends:
                continue
            end = tok.start + len(unit)
            key = text[p:end]
            if key not in out:
                out[key] = Found(key, original[p:end], "organisation", "suffix", unit, occurrences(text, key))
    return list(out.values())
