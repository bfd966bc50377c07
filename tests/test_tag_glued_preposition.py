"""A preposition jieba glued to a name's first character is no part of the name (qa24): 活动由纬五路社区…
cut 由纬 + 五路 + 社区 offered 由纬五路社区 as a place, beside 纬五路社区 itself."""

from __future__ import annotations

import pytest

from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _suggested(body: str) -> dict[str, str]:
    found = suggest(ArticleContent("社区新闻", body), FLAT_IDF, limit=40, ranker=default_ranker())
    return {fold(s.name): s.kind for s in found}


@pytest.mark.parametrize(
    ("body", "name", "glued"),
    [
        ("活动由纬五路社区居委会和区司法局联合主办。", "纬五路社区", "由纬五路社区"),
        (
            "近日，纬五路社区举办书画展。活动由纬五路社区居委会和区司法局联合主办。",
            "纬五路社区",
            "由纬五路社区",
        ),
        ("这次义诊被纬七路社区的居民称为“及时雨”。", "纬七路社区", "被纬七路社区"),
    ],
)
def test_a_preposition_glued_to_a_name_is_taken_off(body: str, name: str, glued: str) -> None:
    for text in (body, "　　" + body, traditional(body), body.replace("。", "。\n")):
        found = _suggested(text)
        assert fold(glued) not in found, (text, found)
        assert found.get(fold(name)) == "place", (text, found)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("向阳路街道的居民在楼下乘凉。", "向阳路街道"),
        ("经八路街道工作站在经八路街道党群服务中心挂牌。", "经八路街道"),
    ],
)
def test_a_name_that_starts_like_a_preposition_stays_whole(body: str, name: str) -> None:
    assert fold(name) in _suggested(body)
