"""A body named from its district, written after its city: offered with the city (tag suggestions, round 19).

The suffix finder takes a district into a body's name (渝中区 + 餐饮商会) and stops there: a
complete name before another.  When the article writes the city or province right before the
district or another place (重庆市渝中区餐饮商会, 天水市秦州区法律援助中心, 济南市大明湖风景名胜区
管理服务中心), archivists file the body under that whole
name (the development labels: 5 of 5 such bodies; none was labelled from the district when the city
stood before it; a province before a county is left out, as archivists leave it: 芦山县人民法院).
:func:`with_city` offers it so, in place of the name from the district.  A name
that runs on down to a township or street is then cut there all the same
(:func:`reader.core.tag_name_chains.lowest_place_first`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.segmenter import Token
from reader.core.tag_candidates import Found, occurrences
from reader.core.tag_districts import is_district

_DISTRICT_LENGTHS = (3, 4, 5)
_MAX_LENGTH = 24


def _city(word: str) -> bool:
    """A city (青岛市), not a district or county, nor a province: a body named from its county is filed
    without its province (芦山县人民法院, not 四川省芦山县人民法院)."""
    return is_district(word) and word.endswith("市")


def _from_place(first: Token | None) -> bool:
    """Whether a name starts with a place jieba knows, no city (济南市 + 大明湖风景名胜区管理服务中心)."""
    return first is not None and first.pos == "ns" and not _city(first.word)


def _from_district(key: str) -> bool:
    """Whether ``key`` starts with a district or county (渝中区…, 秦州区…), not a city."""
    return any(is_district(key[:n]) and not _city(key[:n]) for n in _DISTRICT_LENGTHS if n < len(key) - 1)


def with_city(found: Sequence[Found], tokens: Sequence[Token], original: str, text: str) -> list[Found]:
    """``found``, with each organisation found by its suffix that starts with a district and is written
    right after a city (青岛市 + 崂山区…; at most two names of cities before it) named from there instead."""
    ends = {t.end: t for t in tokens}
    starts = {t.start: t for t in tokens}
    out: list[Found] = []
    for f in found:
        if (
            f.kind != "organisation"
            or f.reason != "suffix"
            or not f.positions
            or not (_from_district(f.key) or _from_place(starts.get(f.positions[0])))
        ):
            out.append(f)
            continue
        start = f.positions[0]
        for _ in range(2):
            before = ends.get(start)
            if before is None or not _city(before.word):
                break
            start = before.start
        end = f.positions[0] + len(f.key)
        if start == f.positions[0] or end - start > _MAX_LENGTH:
            out.append(f)
            continue
        key = text[start:end]
        out.append(Found(key, original[start:end], f.kind, f.reason, f.detail, occurrences(text, key)))
    return out
