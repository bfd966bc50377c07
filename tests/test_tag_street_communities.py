"""A community named right after its street is offered on its own, and the street on its own: archivists
file 八大峡街道 and 团岛社区, never 八大峡街道团岛社区 (the development labels: 45 such pairs, none
labelled whole), also when jieba cuts the street's name in pieces (八大/峡/街道, 茶/店子/街道)."""

from __future__ import annotations

import pytest

from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


@pytest.mark.parametrize(
    ("body", "street", "community"),
    [
        ("五年来,八大峡街道团岛社区的老船工们走进学校讲故事。", "八大峡街道", "团岛社区"),
        ("茶店子街道蜀兴社区的居民在广场上跳起了坝坝舞。", "茶店子街道", "蜀兴社区"),
        ("湖里区禾山街道霞尾社区组织居民开展消防演练。", "禾山街道", "霞尾社区"),
        ("江汉区民族街道六渡桥社区的志愿者上门送去了春联。", "民族街道", "六渡桥社区"),
    ],
)
def test_a_community_after_its_street_is_offered_apart_from_it(
    body: str, street: str, community: str
) -> None:
    for text in (body, "　　" + body, traditional(body), f"{body}\n{community}书记说,活动还会继续。"):
        found = suggest(ArticleContent("社区新闻", text), FLAT_IDF, limit=30, ranker=default_ranker())
        names = {fold(s.name): s.kind for s in found}
        assert fold(street + community) not in names, list(names)
        assert names.get(fold(community)) == "place", (text, list(names))
        assert names.get(fold(street)) == "place", (text, list(names))
