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
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.segmenter import Token
from reader.core.tag_candidates import CJK, Found, occurrences

_STREET_OFFICES = ("办", "办事处")
_PLACE_POS = "ns"
_MAX_LENGTH = 20


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
    for f in found:
        if f.kind != "organisation" or f.reason != "suffix" or f.key.endswith(_STREET_OFFICES):
            continue
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
