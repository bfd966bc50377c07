"""Names a page's furniture gives, not the article: the editors a page header credits
(责任编辑:方正), the paper's own name (临汾社区报), a party committee's prefix read as a place
(中共古城街道, of a masthead's 主办:中共古城街道工作委员会); and the source line's body without its
label (来源:…), for tag suggestions.

An importer keeps such lines when a layout it has not seen puts them inside an article; an
archivist tags none of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.core.tag_ranking import Candidate

# A page's credits: 责任编辑:方正 美术编辑:金鑫, 本版编辑 李华 (the colon folded to half-width, or a space).
_CREDIT = re.compile(r"(?:(?:编辑|校对|审校|编审|监制|排版)(?:\s*[:：]|\s)|责任编辑|美术编辑|责编|美编)\s*$")
_CREDIT_WORDS = frozenset({"责任编辑", "美术编辑", "责编", "美编", "校对", "编审", "监制"})
# What follows a credited name: the line's end, a space or mark, or the next credit (方正美术编辑:金鑫);
# never the running text of a sentence (美术编辑金鑫为社区设计了宣传栏: the article's own person).
_AFTER_CREDIT = re.compile(r"$|[^\u3400-\u9fff]|责任|美术|编辑|校对|审校|编审|监制|排版|责编|美编")
_PAPER = re.compile(r"(?:报|周刊|月刊)(?![\u3400-\u9fff])")  # 临汾社区报 ends its line; not 报名
_BRACKETS = "()（）[]【】〔〕<>《》「」"
_SOURCE_LABEL = re.compile(r"^(?:来源|来稿|供稿|稿源|据)\s*[:：]?\s*")
_PARTY = "中共"  # 中共 + 古城街道: the committee's, not a place (中共一大会址 is one)
_NAME_KINDS = frozenset({"person", "place", "organisation"})  # a name may do the editing (编辑了)
_UNITS = ("街道", "镇", "乡", "区", "县", "市", "村", "社区", "居民区")


def clean_source(source: str | None) -> str | None:
    """``(街道党群办)`` → ``街道党群办``, ``（来源：临汾路街道安全办）`` → ``临汾路街道安全办``; None when
    nothing name-like is left."""
    if not source:
        return None
    text = _SOURCE_LABEL.sub("", source.strip().strip(_BRACKETS).strip())
    return text if 2 <= len(text) <= 30 else None


def drop_furniture(candidates: Iterable[Candidate], text: str) -> list[Candidate]:
    """``candidates`` less the page's credits, the paper's name and places under a party prefix."""
    return [c for c in candidates if not _furniture(c, text)]


def _furniture(cand: Candidate, text: str) -> bool:
    if cand.tag_id is not None or not cand.positions:
        return False  # the library's own tags stay
    before_editor = all(text.startswith("编辑", p + len(cand.key)) for p in cand.positions)
    if cand.key in _CREDIT_WORDS or (cand.kind not in _NAME_KINDS and before_editor):
        return True  # 责任编辑 read as a keyword, or 美术 of 美术编辑 (not 王立群 of 王立群编辑了一本书)
    if cand.kind == "person":
        return all(
            _CREDIT.search(text[max(0, p - 8) : p]) and _AFTER_CREDIT.match(text, p + len(cand.key))
            for p in cand.positions
        )
    if cand.kind == "place":
        if cand.key.startswith(_PARTY) and cand.key.endswith(_UNITS):
            return True
        return all(_PAPER.match(text, p + len(cand.key)) for p in cand.positions)
    return False
