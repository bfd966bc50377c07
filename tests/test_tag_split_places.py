"""Small places whose name jieba cuts into pieces (簇/桥/街道, 九里/堤/街道, 殿/前/街道, 三/丘田/码头,
东庄/港村) are candidates by their suffix; pieces that say which one (各街道, 全区各街道) or a word
that ends like a place (指路, 线路, 农村) make none (round 18)."""

from __future__ import annotations

import pytest

from reader.core import segmenter
from reader.core.script import fold
from reader.core.tag_ranker import default_ranker
from reader.core.tag_split_places import split_places
from reader.core.tag_suggestions import ArticleContent, Idf, suggest
from tests.segment_support import traditional

FLAT_IDF = Idf({}, 10.0, 10.0)


def _split(text: str) -> dict[str, str]:
    return {f.key: f.kind for f in split_places(segmenter.tokens(text), text, fold(text), frozenset())}


@pytest.mark.parametrize(
    ("body", "name", "kind"),
    [
        ("■簇桥街道“书香簇桥”读书会本周开讲,报名的居民已有六十多人。", "簇桥街道", "place"),
        ("决赛中,沙河源街道队以21比17战胜九里堤街道代表队,夺得冠军。", "九里堤街道", "place"),
        ("上午,湖里区殿前街道高殿社区的志愿者走上街头清理积水。", "殿前街道", "place"),
        ("开往鼓浪屿三丘田码头的末班船由21时推迟到22时30分。", "三丘田码头", "place"),
        ("这几天,青浦区练塘镇东庄港村的千亩稻田开镰收割。", "东庄港村", "place"),
        ("【筼筜街道】筼筜街道湖滨社区举办中秋博饼会。", "筼筜街道", "place"),
    ],
)
def test_a_small_place_jieba_cut_into_pieces_is_a_candidate(body: str, name: str, kind: str) -> None:
    for text in (body, "　　" + body, traditional(body), body.replace(",", "，")):
        assert _split(text).get(fold(name)) == kind, (text, _split(text))
    found = suggest(ArticleContent("社区新闻", body), FLAT_IDF, limit=30, ranker=default_ranker())
    assert name in {s.name for s in found}, [s.name for s in found]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "红牌楼街道和佳灵路社区商量后,在社区门口设了修表摊。",
            "佳灵路社区",
        ),  # 和 glued to 佳: a conjunction
        ("纠纷调解员张建国沿情侣路走访商户。", "情侣路"),
    ],
)
def test_a_conjunction_or_preposition_glued_to_the_first_piece_is_left_out(body: str, name: str) -> None:
    keys = _split(body)
    assert fold(name) in keys or fold(name[:3]) in keys, keys
    assert not any(k[0] in "和沿" for k in keys), keys


@pytest.mark.parametrize(
    "body",
    [
        "全区各街道都设立了防汛物资储备点。",  # which ones, not a name
        "工作人员经各街道统一上报。",
        "志愿者在车站为旅客指路,为游客指路。",  # 指路 is a word, not 指 + 路
        "研学线路有三条,可以自由选择。",
        "发展农业农村经济,建设美丽乡村。",
        "本社区和该小区的居民都来了。",
    ],
)
def test_pieces_that_say_which_one_or_a_word_ending_like_a_place_make_no_candidate(body: str) -> None:
    for text in (body, traditional(body)):
        assert _split(text) == {}, text


def test_a_name_that_goes_on_further_back_than_three_characters_is_not_guessed() -> None:
    """The start of such a name is known only when something no name continues over comes before it."""
    keys = _split("傍晚,鼓浪屿笔山路一栋百年红砖楼里传出琴声。")
    assert not any(k.startswith("鼓浪屿") for k in keys), keys
