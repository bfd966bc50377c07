"""A unit named with the bodies above it in one breath (成都市公安局 + 金牛区分局 + 营门口派出所) is offered
whole, as archivists file it; a centre or station a body runs is left apart (round 18)."""

from __future__ import annotations

import pytest

from reader.core.script import fold
from reader.core.tag_candidates import Found, occurrences
from reader.core.tag_name_chains import joined_units
from reader.core.tag_ranker import default_ranker
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "记者采访了成都市公安局金牛区分局营门口派出所所长苏建勇。苏建勇说,今年已劝阻诈骗四十多起。",
            "成都市公安局金牛区分局营门口派出所",
        ),
        (
            "金牛区市场监督管理局抚琴市场监管所所长晏志刚表示,快检结果当天公示。",
            "金牛区市场监督管理局抚琴市场监管所",
        ),
        ("充电棚的电力线路由国网四川省电力公司成都供电公司免费铺设。", "国网四川省电力公司成都供电公司"),
        # round 19: a link no rule found, named from its place (市南 + 分局, 欧阳 + 路 + 派出所)
        (
            "12月3日下午,青岛市公安局市南分局金湖路派出所民警姚振宇走进社区,讲了几种常见的骗局。",
            "青岛市公安局市南分局金湖路派出所",
        ),
        (
            "上海市公安局虹口分局欧阳路派出所民警封国栋为老人们讲解了冒充亲友的骗术。",
            "上海市公安局虹口分局欧阳路派出所",
        ),
        (
            "演练由太原市迎泽区消防救援大队南塔消防救援站指导,居民学会了使用灭火器。",
            "太原市迎泽区消防救援大队南塔消防救援站",
        ),
        ("青岛市公安局交通警察支队市南大队在美食街两头设了提示牌。", "青岛市公安局交通警察支队市南大队"),
    ],
)
def test_a_unit_named_after_the_bodies_above_it_is_offered_whole(body: str, name: str) -> None:
    for text in (body, "　　" + body, traditional(body)):
        found = suggest(ArticleContent("社区新闻", text), FLAT_IDF, limit=30, ranker=default_ranker())
        names = {fold(s.name): s for s in found}
        assert fold(name) in names and names[fold(name)].kind == "organisation", list(names)


def test_links_are_units_or_named_from_their_place() -> None:
    text = "区公安分局和区文化馆联合举办。张江新片区管委会人才服务中心开门。"
    bodies = [
        Found(k, k, "organisation", "suffix", "", occurrences(text, k))
        for k in ("区公安分局", "区文化馆", "张江新片区管委会", "人才服务中心")
    ]
    assert joined_units(bodies, text, text) == []  # 和 between them; a centre is no unit of its own
    chain = "宜黄县公安局凤冈派出所"
    text = f"{chain}民警上门。"
    bodies = [
        Found(k, k, "organisation", "suffix", "", occurrences(text, k))
        for k in ("宜黄县公安局", "凤冈派出所")
    ]
    assert [f.key for f in joined_units(bodies, text, text)] == [chain]


def test_a_link_no_rule_found_needs_a_unit_word_right_after_its_place() -> None:
    from reader.core import segmenter

    for text, body, expected in (
        ("青岛市公安局市南分局民警上门。", "青岛市公安局", "青岛市公安局市南分局"),
        ("青岛市公安局市南分局金湖路派出所民警上门。", "青岛市公安局", "青岛市公安局市南分局金湖路派出所"),
        ("青岛市公安局市南交通安全宣传点开放。", "青岛市公安局", None),  # no unit word: no link
        ("青岛市公安局今天在市南分局召开会议。", "青岛市公安局", None),  # a word between: not one name
    ):
        tokens = segmenter.tokens(text)
        bodies = [Found(body, body, "organisation", "suffix", "", occurrences(text, body))]
        chains = [f.key for f in joined_units(bodies, text, text, tokens)]
        assert chains == ([expected] if expected else []), (text, chains)
